// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

Kirigami.ScrollablePage {
    id: page

    objectName: "generationsPage"
    title: qsTr("Generations", "@title")

    actions: [
        Kirigami.Action {
            text: qsTr("Refresh", "@action:button")
            icon.name: "view-refresh"
            onTriggered: generations.reload()
        }
    ]

    ListView {
        id: list

        objectName: "generationList"
        // Nothing is selected until the person picks a generation.
        currentIndex: -1
        model: GenerationListModel {
            id: generations
        }
        Accessible.name: qsTr("Generations of the system profile", "@info:whatsthis")

        Kirigami.PlaceholderMessage {
            anchors.centerIn: parent
            width: parent.width - Kirigami.Units.gridUnit * 4
            visible: list.count === 0
            text: qsTr("No generations", "@info")
            explanation: generations.errorString
        }

        delegate: QQC2.ItemDelegate {
            id: row

            required property int number
            required property date date
            required property string nixosVersion
            required property string kernelVersion
            required property string configurationRevision
            required property list<string> specialisations
            required property bool current
            required property bool booted
            required property bool running
            required property string problem

            width: ListView.view.width
            Accessible.name: qsTr("Generation %1", "@info:whatsthis").arg(row.number)

            contentItem: RowLayout {
                spacing: Kirigami.Units.largeSpacing

                Kirigami.Heading {
                    level: 2
                    text: String(row.number)
                    Layout.preferredWidth: Kirigami.Units.gridUnit * 2.5
                    horizontalAlignment: Text.AlignRight
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    QQC2.Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: row.nixosVersion.length > 0 ? qsTr("NixOS %1", "@info").arg(row.nixosVersion) : qsTr("Unknown version", "@info")
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        color: row.problem.length > 0 ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.disabledTextColor
                        font: Kirigami.Theme.smallFont
                        text: row.problem.length > 0 ? row.problem : [Qt.formatDateTime(row.date, Qt.locale().dateTimeFormat(Locale.ShortFormat)), qsTr("Linux %1", "@info").arg(row.kernelVersion), row.specialisations.length > 0 ? qsTr("specialisations: %1", "@info").arg(row.specialisations.join(", ")) : ""].filter(part => part.length > 0).join(" · ")
                    }
                }
                Repeater {
                    model: [
                        { shown: row.current, label: qsTr("Current", "@info generation tag") },
                        { shown: row.running, label: qsTr("Running", "@info generation tag") },
                        { shown: row.booted, label: qsTr("Booted", "@info generation tag") }
                    ]
                    delegate: Kirigami.Chip {
                        required property var modelData
                        visible: modelData.shown
                        text: modelData.label
                        closable: false
                        checkable: false
                    }
                }
            }
        }
    }
}
