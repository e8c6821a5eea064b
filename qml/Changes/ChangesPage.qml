// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// The pending edits of every page, as one diff per file, and the button
/// that applies them: save, commit, build, and switch in the chosen way.
Kirigami.ScrollablePage {
    id: page

    objectName: "changesPage"
    title: qsTr("Changes", "@title")

    readonly property list<int> modes: [SystemActions.Switch, SystemActions.Boot, SystemActions.Test, SystemActions.Build, SystemActions.DryActivate]
    /// Why the chosen way of applying cannot run for the chosen host (only Build works for another host); empty when it can.
    readonly property string modeRefusal: SystemActions.activatesThisMachine(page.modes[modeBox.currentIndex]) ? FlakeHostList.activationRefusal : ""

    actions: [
        Kirigami.Action {
            text: qsTr("Discard All", "@action:button")
            icon.name: "edit-clear-history"
            enabled: Configuration.pendingCount > 0 && !SystemActions.busy
            onTriggered: Configuration.discardAll()
        },
        Kirigami.Action {
            text: qsTr("Reload Files", "@action:button")
            icon.name: "view-refresh"
            tooltip: qsTr("Read the configuration files again; pending changes are dropped", "@info:tooltip")
            enabled: !SystemActions.busy
            onTriggered: Configuration.reload()
        }
    ]

    footer: QQC2.ToolBar {
        contentItem: RowLayout {
            spacing: Kirigami.Units.smallSpacing

            QQC2.Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: Configuration.pendingCount > 0 ? qsTr("%n change(s) to apply", "@info", Configuration.pendingCount) : qsTr("No pending changes: applying rebuilds the configuration as it is.", "@info")
            }
            QQC2.ComboBox {
                id: modeBox

                objectName: "applyModeBox"
                model: page.modes.map(mode => SystemActions.modeText(mode))
                currentIndex: 0
                implicitContentWidthPolicy: QQC2.ComboBox.WidestText
                Accessible.name: qsTr("How to apply", "@label:listbox")
            }
            QQC2.Label {
                objectName: "applyAuthorizationHint"
                visible: text.length > 0
                text: Authorization.operations.apply.hint
                color: Authorization.operations.apply.refused ? Kirigami.Theme.negativeTextColor : Kirigami.Theme.disabledTextColor
            }
            QQC2.Button {
                objectName: "applyButton"
                text: qsTr("Apply", "@action:button")
                icon.name: Authorization.operations.apply.needsPassword ? "dialog-password" : "dialog-ok-apply"
                enabled: Configuration.loaded && Configuration.editable && !SystemActions.busy && !Authorization.operations.apply.refused && page.modeRefusal.length === 0
                Accessible.name: qsTr("Apply: %1", "@action:button").arg(modeBox.currentText)
                onClicked: SystemActions.apply(page.modes[modeBox.currentIndex])
            }
        }
    }

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: Configuration.loadError.length > 0
            text: Configuration.loadError
        }
        Kirigami.InlineMessage {
            objectName: "modeRefusal"
            Layout.fillWidth: true
            type: Kirigami.MessageType.Warning
            visible: page.modeRefusal.length > 0
            text: page.modeRefusal
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: Configuration.loaded && !Configuration.editable
            text: qsTr("%1, line %2: %3. Fix this syntax error before making or applying changes.", "@info").arg(Configuration.syntaxErrorFile).arg(Configuration.syntaxErrorLine).arg(Configuration.syntaxErrorMessage)
        }

        Kirigami.PlaceholderMessage {
            Layout.fillWidth: true
            Layout.topMargin: Kirigami.Units.gridUnit * 4
            visible: Configuration.loaded && Configuration.pendingCount === 0
            text: qsTr("No pending changes", "@info")
            explanation: qsTr("Changes made on the Options and Packages pages are listed here, as they will be written into your files, before anything is applied.", "@info")
        }

        Kirigami.Heading {
            level: 2
            text: qsTr("Edits", "@title:group")
            visible: Configuration.pendingCount > 0
        }
        Repeater {
            model: Configuration.pendingDescriptions

            delegate: RowLayout {
                id: editRow

                required property int index
                required property string modelData

                Layout.fillWidth: true
                spacing: Kirigami.Units.smallSpacing

                QQC2.Label {
                    Layout.fillWidth: true
                    text: editRow.modelData
                    wrapMode: Text.Wrap
                }
                QQC2.ToolButton {
                    icon.name: "edit-undo"
                    text: qsTr("Discard", "@action:button")
                    display: QQC2.AbstractButton.IconOnly
                    enabled: !SystemActions.busy
                    Accessible.name: qsTr("Discard: %1", "@action:button").arg(editRow.modelData)
                    QQC2.ToolTip.text: Accessible.name
                    QQC2.ToolTip.visible: hovered
                    QQC2.ToolTip.delay: Kirigami.Units.toolTipDelay
                    onClicked: discardError.text = Configuration.discardChange(editRow.index)
                }
            }
        }
        Kirigami.InlineMessage {
            id: discardError

            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: text.length > 0
        }

        Kirigami.Heading {
            level: 2
            text: qsTr("Files", "@title:group")
            visible: Configuration.pendingCount > 0
        }
        WriterNote {
            Layout.fillWidth: true
        }
        Repeater {
            model: Configuration.changedFiles

            delegate: FileDiffCard {
                required property changedFile modelData

                Layout.fillWidth: true
                name: modelData.name
                path: modelData.path
                diff: modelData.diff
                added: modelData.added
                removed: modelData.removed
            }
        }
    }
}
