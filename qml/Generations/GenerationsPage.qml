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
    title: i18nc("@title", "Generations")

    actions: [
        Kirigami.Action {
            text: i18nc("@action:button", "Refresh")
            icon.name: "view-refresh"
            onTriggered: generations.reload()
        }
    ]

    ListView {
        id: list

        objectName: "generationList"
        model: GenerationListModel {
            id: generations
        }
        Accessible.name: i18nc("@info:whatsthis", "Generations of the system profile")

        Kirigami.PlaceholderMessage {
            anchors.centerIn: parent
            width: parent.width - Kirigami.Units.gridUnit * 4
            visible: list.count === 0
            icon.name: "view-history"
            text: i18nc("@info", "No generations")
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
            Accessible.name: i18nc("@info:whatsthis", "Generation %1", row.number)

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
                        text: row.nixosVersion.length > 0 ? i18nc("@info", "NixOS %1", row.nixosVersion) : i18nc("@info", "Unknown version")
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        color: row.problem.length > 0 ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.disabledTextColor
                        font: Kirigami.Theme.smallFont
                        text: row.problem.length > 0 ? row.problem : [Qt.formatDateTime(row.date, Qt.locale().dateTimeFormat(Locale.ShortFormat)), i18nc("@info", "Linux %1", row.kernelVersion), row.specialisations.length > 0 ? i18nc("@info", "specialisations: %1", row.specialisations.join(", ")) : ""].filter(part => part.length > 0).join(" · ")
                    }
                }
                Repeater {
                    model: [
                        { shown: row.current, label: i18nc("@info generation tag", "Current") },
                        { shown: row.running, label: i18nc("@info generation tag", "Running") },
                        { shown: row.booted, label: i18nc("@info generation tag", "Booted") }
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
