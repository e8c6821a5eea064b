// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// "Update all packages": fetch newer sources, see exactly what would change
/// (packages, kernel, size, services), then apply or discard the update.
Kirigami.ScrollablePage {
    id: page

    readonly property list<int> modes: [SystemActions.Switch, SystemActions.Boot, SystemActions.Test, SystemActions.Build, SystemActions.DryActivate]

    objectName: "updatesPage"
    title: qsTr("Updates", "@title")

    actions: [
        Kirigami.Action {
            objectName: "checkAction"
            text: qsTr("Check for Updates", "@action:button")
            icon.name: Authorization.operations.update.needsPassword ? "dialog-password" : "view-refresh"
            tooltip: Authorization.operations.update.hint || qsTr("Download newer package sources and build the updated system without activating it", "@info:tooltip")
            enabled: !SystemActions.busy && !Updates.previewShown && !Authorization.operations.update.refused
            onTriggered: Updates.check()
        }
    ]

    footer: QQC2.ToolBar {
        visible: Updates.previewShown
        contentItem: RowLayout {
            spacing: Kirigami.Units.smallSpacing

            QQC2.Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: Configuration.pendingCount > 0 ? qsTr("Your %n pending change(s) are applied with the update. The preview above does not include them.", "@info", Configuration.pendingCount) : qsTr("Applying changes from the Changes page while this update waits also applies the update.", "@info")
            }
            QQC2.Button {
                objectName: "discardButton"
                text: qsTr("Discard", "@action:button")
                icon.name: "edit-undo"
                enabled: Updates.state === Updates.PreviewReady && !SystemActions.busy
                QQC2.ToolTip.text: qsTr("Put the package sources back where they were", "@info:tooltip")
                QQC2.ToolTip.visible: hovered
                Accessible.name: qsTr("Discard the update", "@action:button")
                onClicked: Updates.discard()
            }
            QQC2.ComboBox {
                id: modeBox

                objectName: "updateModeBox"
                model: page.modes.map(mode => SystemActions.modeText(mode))
                implicitContentWidthPolicy: QQC2.ComboBox.WidestText
                Accessible.name: qsTr("How to apply the update", "@label:listbox")
            }
            QQC2.Button {
                objectName: "applyUpdateButton"
                text: qsTr("Apply Update", "@action:button")
                icon.name: Authorization.operations.apply.needsPassword ? "dialog-password" : "dialog-ok-apply"
                enabled: Updates.state === Updates.PreviewReady && !SystemActions.busy && !Authorization.operations.apply.refused
                QQC2.ToolTip.text: Authorization.operations.apply.hint
                QQC2.ToolTip.visible: hovered && QQC2.ToolTip.text.length > 0
                Accessible.name: text
                onClicked: Updates.apply(page.modes[modeBox.currentIndex])
            }
        }
    }

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            objectName: "updateNotice"
            Layout.fillWidth: true
            type: Kirigami.MessageType.Information
            visible: Updates.notice.length > 0 && !Updates.previewShown
            text: Updates.notice
        }

        Kirigami.InlineMessage {
            objectName: "updateError"
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: Updates.state === Updates.Failed
            text: Updates.errorMessage
        }

        // Before a check, while checking, and when there is nothing newer.
        Kirigami.PlaceholderMessage {
            objectName: "updatePlaceholder"
            Layout.fillWidth: true
            Layout.topMargin: Kirigami.Units.gridUnit * 2
            visible: !Updates.previewShown
            text: {
                switch (Updates.state) {
                case Updates.Checking:
                    return qsTr("Checking for updates…", "@info");
                case Updates.UpToDate:
                    return qsTr("Your system is up to date", "@info");
                default:
                    return qsTr("Update all packages", "@info");
                }
            }
            explanation: {
                const lines = [Updates.currentNixpkgsText.length > 0 ? qsTr("The system uses %1.", "@info").arg(Updates.currentNixpkgsText) : "", qsTr("%1.", "@info a sentence made of when updates were last checked").arg(Updates.lastCheckedText)];
                if (Updates.state === Updates.Idle || Updates.state === Updates.Failed) {
                    lines.push(qsTr("Checking downloads newer package sources and builds the updated system without activating it, so you can see what would change before anything does.", "@info"));
                }
                return lines.filter(line => line.length > 0).join("\n");
            }
            helpfulAction: Kirigami.Action {
                text: qsTr("Check for Updates", "@action:button")
                icon.name: Authorization.operations.update.needsPassword ? "dialog-password" : "view-refresh"
                tooltip: Authorization.operations.update.hint
                enabled: !SystemActions.busy && Updates.state !== Updates.Checking && !Authorization.operations.update.refused
                onTriggered: Updates.check()
            }
        }

        // The preview of a checked update.
        ColumnLayout {
            objectName: "updatePreview"
            Layout.fillWidth: true
            visible: Updates.previewShown
            spacing: Kirigami.Units.largeSpacing

            Kirigami.Heading {
                objectName: "updateSummary"
                Layout.fillWidth: true
                level: 2
                wrapMode: Text.Wrap
                text: Updates.summary
            }

            Kirigami.InlineMessage {
                Layout.fillWidth: true
                type: Kirigami.MessageType.Warning
                visible: Updates.previewProblem.length > 0
                text: qsTr("The package changes could not be worked out: %1", "@info").arg(Updates.previewProblem)
            }

            Kirigami.Heading {
                level: 3
                text: Updates.sourceKind === "channels" ? qsTr("Channels", "@title") : qsTr("Flake inputs", "@title")
            }
            Repeater {
                objectName: "sourceRepeater"
                model: Updates.sources

                delegate: SourceChangeRow {
                    required property updateSource modelData

                    Layout.fillWidth: true
                    name: modelData.name
                    revisionBefore: modelData.revisionBefore
                    revisionAfter: modelData.revisionAfter
                    dateBefore: modelData.dateBefore
                    dateAfter: modelData.dateAfter
                    changeText: modelData.changeText
                }
            }

            Kirigami.InlineMessage {
                objectName: "rebootNote"
                Layout.fillWidth: true
                type: Kirigami.MessageType.Information
                visible: Updates.rebootNeeded
                text: qsTr("The kernel changes from %1 to %2. Restart the computer after applying the update to use the new kernel.", "@info").arg(Updates.kernelBefore.length > 0 ? Updates.kernelBefore : qsTr("unknown", "@info")).arg(Updates.kernelAfter)
            }

            Kirigami.FormLayout {
                Layout.fillWidth: true

                QQC2.Label {
                    objectName: "kernelLabel"
                    Kirigami.FormData.label: qsTr("Kernel:", "@label")
                    text: Updates.kernelText
                }
                QQC2.Label {
                    objectName: "sizeLabel"
                    Kirigami.FormData.label: qsTr("System size:", "@label")
                    visible: Updates.sizeAfterText.length > 0
                    text: qsTr("%1 → %2 (%3)", "@info size before, after and the change").arg(Updates.sizeBeforeText).arg(Updates.sizeAfterText).arg(Updates.sizeDeltaText)
                }
            }

            Kirigami.Heading {
                level: 3
                text: qsTr("Services", "@title")
            }
            QQC2.Label {
                objectName: "unitsNote"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                visible: text.length > 0
                text: Updates.unitsNote
            }
            QQC2.Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                visible: Updates.systemdRestarts
                text: qsTr("The service manager (systemd) itself restarts.", "@info")
            }
            UnitList {
                objectName: "restartUnits"
                Layout.fillWidth: true
                title: qsTr("Restarted", "@title services")
                units: Updates.unitsToRestart
            }
            UnitList {
                Layout.fillWidth: true
                title: qsTr("Reloaded", "@title services")
                units: Updates.unitsToReload
            }
            UnitList {
                Layout.fillWidth: true
                title: qsTr("Started", "@title services")
                units: Updates.unitsToStart
            }
            UnitList {
                Layout.fillWidth: true
                title: qsTr("Stopped", "@title services")
                units: Updates.unitsToStop
            }

            Kirigami.Heading {
                level: 3
                text: qsTr("Packages", "@title")
            }
            QQC2.Label {
                objectName: "packagesNote"
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.Wrap
                text: Updates.packagesNote
            }
            Repeater {
                objectName: "updatePackageRepeater"
                model: Updates.packages

                delegate: ColumnLayout {
                    id: change

                    required property string name
                    required property string group
                    required property string changeText
                    required property bool firstInGroup

                    Layout.fillWidth: true
                    spacing: 0

                    Kirigami.Heading {
                        Layout.topMargin: Kirigami.Units.smallSpacing
                        level: 4
                        visible: change.firstInGroup
                        text: change.group
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: Kirigami.Units.largeSpacing
                        spacing: Kirigami.Units.largeSpacing

                        QQC2.Label {
                            Layout.preferredWidth: Kirigami.Units.gridUnit * 10
                            elide: Text.ElideRight
                            text: change.name
                            Accessible.name: qsTr("%1: %2", "@info:whatsthis package change").arg(change.name).arg(change.changeText)
                        }
                        // Read with the name above, once.
                        QQC2.Label {
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            color: Kirigami.Theme.disabledTextColor
                            text: change.changeText
                            Accessible.ignored: true
                        }
                    }
                }
            }
        }
    }
}
