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
    title: i18nc("@title", "Overview")

    actions: [
        Kirigami.Action {
            text: i18nc("@action:button", "Refresh")
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
            Accessible.name: i18nc("@info:whatsthis", "Host name: %1", SystemOverview.hostName)
        }

        QQC2.Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: SystemOverview.nixosVersion.length > 0 ? i18nc("@info", "NixOS %1", SystemOverview.nixosVersion) : ""
            visible: text.length > 0
        }

        Kirigami.Separator {
            Layout.fillWidth: true
        }

        Kirigami.FormLayout {
            Layout.fillWidth: true

            QQC2.Label {
                objectName: "currentGenerationLabel"
                Kirigami.FormData.label: i18nc("@label", "Current generation:")
                text: SystemOverview.currentGeneration > 0 ? String(SystemOverview.currentGeneration) : i18nc("@info", "none")
            }
            QQC2.Label {
                Kirigami.FormData.label: i18nc("@label", "Built:")
                text: SystemOverview.currentGeneration > 0 ? Qt.formatDateTime(SystemOverview.currentDate, Qt.locale().dateTimeFormat(Locale.LongFormat)) : ""
                visible: SystemOverview.currentGeneration > 0
            }
            QQC2.Label {
                objectName: "kernelLabel"
                Kirigami.FormData.label: i18nc("@label", "Kernel:")
                text: SystemOverview.kernelVersion.length > 0 ? SystemOverview.kernelVersion : i18nc("@info", "unknown")
            }
            QQC2.Label {
                Kirigami.FormData.label: i18nc("@label", "Running generation:")
                text: SystemOverview.runningGeneration > 0 ? String(SystemOverview.runningGeneration) : i18nc("@info", "not in this profile")
            }
            QQC2.Label {
                Kirigami.FormData.label: i18nc("@label", "Booted generation:")
                text: SystemOverview.bootedGeneration > 0 ? String(SystemOverview.bootedGeneration) : i18nc("@info", "not in this profile")
            }
            QQC2.Label {
                Kirigami.FormData.label: i18nc("@label", "Configuration revision:")
                text: SystemOverview.configurationRevision
                visible: SystemOverview.configurationRevision.length > 0
                font.family: "monospace"
            }
            QQC2.Label {
                Kirigami.FormData.label: i18nc("@label", "Profile:")
                text: SystemOverview.profilePath
                elide: Text.ElideMiddle
                Layout.maximumWidth: Kirigami.Units.gridUnit * 24
            }
        }

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Information
            text: i18nc("@info", "Generation %1 starts at the next boot; this machine booted generation %2.", SystemOverview.currentGeneration, SystemOverview.bootedGeneration)
            visible: SystemOverview.bootedGeneration > 0 && SystemOverview.currentGeneration > 0 && SystemOverview.bootedGeneration !== SystemOverview.currentGeneration
        }
    }
}
