// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// Asked when an edit, from any page, would change a file other hosts of the
/// flake include: change it for all of them, or override it for the chosen
/// host alone (a definition in the host's own file that wins, shown in the
/// diff on the Changes page).
Kirigami.PromptDialog {
    id: dialog

    readonly property sharedFileChoice choice: Configuration.sharedChoice
    readonly property alias allHostsAction: allHosts
    readonly property alias thisHostAction: thisHost

    function resolve(refusal: string): void {
        failure.text = refusal;
        if (refusal.length === 0) {
            dialog.close();
        }
    }

    objectName: "sharedFileDialog"
    title: qsTr("Shared File", "@title:window")
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: [
        Kirigami.Action {
            id: allHosts

            text: qsTr("Change for All of Them", "@action:button")
            icon.name: "document-edit"
            onTriggered: dialog.resolve(Configuration.changeForAllHosts())
        },
        Kirigami.Action {
            id: thisHost

            text: qsTr("Override for %1 Only", "@action:button").arg(dialog.choice.host)
            icon.name: "computer"
            visible: dialog.choice.overridable
            onTriggered: dialog.resolve(Configuration.overrideForThisHost())
        }
    ]
    onRejected: Configuration.dismissSharedChoice()

    ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        QQC2.Label {
            Layout.fillWidth: true
            font.bold: true
            wrapMode: Text.Wrap
            text: dialog.choice.edit
        }
        QQC2.Label {
            objectName: "sharedFileQuestion"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.choice.message
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: dialog.choice.overridable
            wrapMode: Text.Wrap
            font: Kirigami.Theme.smallFont
            text: qsTr("An override is a definition in %1 with lib.mkForce, so that it wins over the shared one; the Changes page shows it before anything is written.", "@info").arg(dialog.choice.ownFile)
        }
        Kirigami.InlineMessage {
            id: failure

            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: text.length > 0
        }
    }

    Connections {
        target: Configuration

        function onSharedChoiceChanged(): void {
            if (Configuration.sharedChoice.pending) {
                failure.text = "";
                dialog.open();
            }
        }
    }
}
