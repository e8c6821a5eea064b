// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// One option in a list: its name and summary, and for switches a toggle
/// that records an edit in the configuration.
QQC2.ItemDelegate {
    id: row

    required property int index
    required property string name
    required property string title
    required property string summary
    required property bool isSwitch
    required property bool switchOn
    required property bool toggleable
    required property string stateText

    /// The option was chosen: the page opens it.
    signal activatedOption(string name)
    /// Flipping the toggle was refused: @p message says why.
    signal refused(string message)

    width: ListView.view ? ListView.view.width : implicitWidth
    Accessible.name: row.title
    Accessible.description: row.summary
    onClicked: row.activatedOption(row.name)

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0

            QQC2.Label {
                Layout.fillWidth: true
                text: row.title
                elide: Text.ElideMiddle
                font.bold: row.isSwitch && row.switchOn
            }
            QQC2.Label {
                Layout.fillWidth: true
                text: row.summary
                visible: text.length > 0
                elide: Text.ElideRight
                maximumLineCount: 1
                color: Kirigami.Theme.disabledTextColor
                font: Kirigami.Theme.smallFont
            }
        }

        // Most rows of a search are not switches: the toggle is made only where it is used.
        Loader {
            active: row.isSwitch
            visible: active
            sourceComponent: RowLayout {
                spacing: Kirigami.Units.largeSpacing

                QQC2.Label {
                    text: row.stateText
                    elide: Text.ElideLeft
                    Layout.maximumWidth: Kirigami.Units.gridUnit * 12
                    color: Kirigami.Theme.disabledTextColor
                    font: Kirigami.Theme.smallFont
                }

                QQC2.Switch {
                    objectName: "optionToggle"
                    enabled: row.toggleable
                    checked: row.switchOn
                    Accessible.name: qsTr("Enable %1", "@action:button").arg(row.name)
                    onToggled: {
                        const message = OptionsBackend.setSwitch(row.name, checked);
                        // The model's state is the truth: a refused edit flips back.
                        checked = Qt.binding(() => row.switchOn);
                        if (message.length > 0) {
                            row.refused(message);
                        }
                    }
                }
            }
        }
    }
}
