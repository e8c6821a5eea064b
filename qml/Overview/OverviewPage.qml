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
            objectName: "applyAction"
            text: Configuration.pendingCount > 0 ? qsTr("Apply Changes", "@action:button") : qsTr("Rebuild", "@action:button")
            // A password will be asked: KDE's hint, the key icon and the words; refused: disabled with the reason.
            icon.name: Authorization.operations.apply.needsPassword ? "dialog-password" : "dialog-ok-apply"
            tooltip: Authorization.operations.apply.hint || qsTr("Save, build and switch to the configuration now", "@info:tooltip")
            enabled: Configuration.editable && !SystemActions.busy && !Authorization.operations.apply.refused
            onTriggered: SystemActions.apply(SystemActions.Switch)
        },
        Kirigami.Action {
            objectName: "rollBackAction"
            text: qsTr("Roll Back", "@action:button")
            icon.name: Authorization.operations.switchGeneration.needsPassword ? "dialog-password" : "edit-undo-history"
            tooltip: Authorization.operations.switchGeneration.hint || qsTr("Switch to the generation before the current one", "@info:tooltip")
            enabled: SystemOverview.currentGeneration > 1 && !SystemActions.busy && !Authorization.operations.switchGeneration.refused
            onTriggered: rollBackDialog.open()
        },
        Kirigami.Action {
            text: qsTr("Refresh", "@action:button")
            icon.name: "view-refresh"
            onTriggered: {
                SystemOverview.reload();
                Configuration.reload();
            }
        }
    ]

    Kirigami.PromptDialog {
        id: rollBackDialog

        title: qsTr("Roll Back?", "@title:window")
        subtitle: qsTr("The machine switches to the generation before generation %1 now, and boots it from now on. Generation %1 stays in the list, so you can switch back to it.", "@info").arg(SystemOverview.currentGeneration)
        standardButtons: Kirigami.Dialog.Cancel
        customFooterActions: [
            Kirigami.Action {
                text: qsTr("Roll Back", "@action:button")
                icon.name: "edit-undo-history"
                onTriggered: {
                    rollBackDialog.close();
                    SystemActions.rollBack();
                }
            }
        ]
    }

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Warning
            text: SystemOverview.errorString
            visible: SystemOverview.errorString.length > 0
        }

        Kirigami.InlineMessage {
            objectName: "syntaxErrorMessage"
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: Configuration.loaded && !Configuration.editable
            text: qsTr("%1, line %2, column %3: %4. Editing is disabled until the file parses again.", "@info").arg(Configuration.syntaxErrorFile).arg(Configuration.syntaxErrorLine).arg(Configuration.syntaxErrorColumn).arg(Configuration.syntaxErrorMessage)
            actions: [
                Kirigami.Action {
                    text: qsTr("Check Again", "@action:button")
                    icon.name: "view-refresh"
                    onTriggered: Configuration.reload()
                }
            ]
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: Configuration.loadError.length > 0
            text: Configuration.loadError
        }
        Kirigami.InlineMessage {
            objectName: "pendingChangesMessage"
            Layout.fillWidth: true
            type: Kirigami.MessageType.Information
            visible: Configuration.pendingCount > 0
            text: qsTr("%n pending change(s) not applied yet.", "@info", Configuration.pendingCount)
            actions: [
                Kirigami.Action {
                    text: qsTr("Review", "@action:button")
                    icon.name: "document-edit"
                    onTriggered: Navigation.showPage("changes")
                }
            ]
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
                objectName: "lastRebuildLabel"
                Kirigami.FormData.label: qsTr("Last rebuild:", "@label")
                text: {
                    if (isNaN(WindowState.lastRebuildDate.getTime())) {
                        return qsTr("not yet from Snowpane", "@info");
                    }
                    const when = Qt.formatDateTime(WindowState.lastRebuildDate, Qt.locale().dateTimeFormat(Locale.ShortFormat));
                    return WindowState.lastRebuildSucceeded ? qsTr("succeeded, %1", "@info").arg(when) : qsTr("failed, %1", "@info").arg(when);
                }
                color: !isNaN(WindowState.lastRebuildDate.getTime()) && !WindowState.lastRebuildSucceeded ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.textColor
            }
            QQC2.Label {
                objectName: "nixpkgsAgeLabel"
                Kirigami.FormData.label: qsTr("Packages:", "@label")
                text: Updates.currentNixpkgsText.length > 0 ? Updates.currentNixpkgsText : qsTr("nixpkgs of unknown age", "@info")
            }
            RowLayout {
                Kirigami.FormData.label: qsTr("Updates:", "@label")
                spacing: Kirigami.Units.smallSpacing

                QQC2.Label {
                    objectName: "updateCheckLabel"
                    text: Updates.state === Updates.PreviewReady ? qsTr("an update is ready to review", "@info") : Updates.lastCheckedText
                    color: Updates.checkedRecently || Updates.state === Updates.PreviewReady ? Kirigami.Theme.textColor : Kirigami.Theme.neutralTextColor
                }
                QQC2.Button {
                    objectName: "openUpdatesButton"
                    text: Updates.state === Updates.PreviewReady ? qsTr("Review", "@action:button") : qsTr("Check for Updates…", "@action:button")
                    icon.name: "system-software-update"
                    // The accessible name holds the visible label, so that voice control finds the button by what it shows.
                    Accessible.name: Updates.state === Updates.PreviewReady ? qsTr("Review the update", "@action:button") : text
                    Accessible.description: qsTr("Opens the Updates page", "@info:whatsthis")
                    onClicked: Navigation.showPage("updates")
                }
            }
            QQC2.Label {
                Kirigami.FormData.label: qsTr("Configuration:", "@label")
                text: Configuration.entryFile.length > 0 ? Configuration.entryFile : Configuration.directory
                elide: Text.ElideMiddle
                Layout.maximumWidth: Kirigami.Units.gridUnit * 24
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
