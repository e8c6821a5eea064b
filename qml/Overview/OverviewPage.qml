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

    objectName: "overviewPage"
    title: qsTr("Overview", "@title")

    actions: [
        Kirigami.Action {
            text: qsTr("Refresh", "@action:button")
            icon.name: "view-refresh"
            onTriggered: SystemOverview.reload()
        }
    ]

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Warning
            text: SystemOverview.errorString
            visible: SystemOverview.errorString.length > 0
        }

        Kirigami.Heading {
            objectName: "hostNameHeading"
            Layout.fillWidth: true
            level: 1
            text: SystemOverview.hostName
            elide: Text.ElideRight
            Accessible.name: qsTr("Host name: %1", "@info:whatsthis").arg(SystemOverview.hostName)
        }

        QQC2.Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: SystemOverview.nixosVersion.length > 0 ? qsTr("NixOS %1", "@info").arg(SystemOverview.nixosVersion) : ""
            visible: text.length > 0
        }

        Kirigami.Separator {
            Layout.fillWidth: true
        }

        Kirigami.FormLayout {
            Layout.fillWidth: true

            QQC2.Label {
                objectName: "currentGenerationLabel"
                Kirigami.FormData.label: qsTr("Current generation:", "@label")
                text: SystemOverview.currentGeneration > 0 ? String(SystemOverview.currentGeneration) : qsTr("none", "@info")
            }
            QQC2.Label {
                Kirigami.FormData.label: qsTr("Built:", "@label")
                text: SystemOverview.currentGeneration > 0 ? Qt.formatDateTime(SystemOverview.currentDate, Qt.locale().dateTimeFormat(Locale.LongFormat)) : ""
                visible: SystemOverview.currentGeneration > 0
            }
            QQC2.Label {
                objectName: "kernelLabel"
                Kirigami.FormData.label: qsTr("Kernel:", "@label")
                text: SystemOverview.kernelVersion.length > 0 ? SystemOverview.kernelVersion : qsTr("unknown", "@info")
            }
            QQC2.Label {
                Kirigami.FormData.label: qsTr("Running generation:", "@label")
                text: SystemOverview.runningGeneration > 0 ? String(SystemOverview.runningGeneration) : qsTr("not in this profile", "@info")
            }
            QQC2.Label {
                Kirigami.FormData.label: qsTr("Booted generation:", "@label")
                text: SystemOverview.bootedGeneration > 0 ? String(SystemOverview.bootedGeneration) : qsTr("not in this profile", "@info")
            }
            QQC2.Label {
                Kirigami.FormData.label: qsTr("Configuration revision:", "@label")
                text: SystemOverview.configurationRevision
                visible: SystemOverview.configurationRevision.length > 0
                font.family: "monospace"
            }
            QQC2.Label {
                Kirigami.FormData.label: qsTr("Profile:", "@label")
                text: SystemOverview.profilePath
                elide: Text.ElideMiddle
                Layout.maximumWidth: Kirigami.Units.gridUnit * 24
            }
        }

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Information
            text: qsTr("Generation %1 starts at the next boot; this machine booted generation %2.", "@info").arg(SystemOverview.currentGeneration).arg(SystemOverview.bootedGeneration)
            visible: SystemOverview.bootedGeneration > 0 && SystemOverview.currentGeneration > 0 && SystemOverview.bootedGeneration !== SystemOverview.currentGeneration
        }
    }
}
