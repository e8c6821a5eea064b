// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// Every host of the flake: where it goes, whether it answers, what it runs,
/// when Snowpane last deployed it. Build, deploy (several hosts together),
/// roll back and list generations, each through the remote engine.
Kirigami.ScrollablePage {
    id: page

    /// The rows shown; the window's are Machines.list, a test gives its own.
    property MachineListModel machines: Machines.list
    property MachineProgressModel progressRows: Machines.progress
    readonly property list<string> selectedHosts: machines.selectedHosts
    readonly property string singleHost: selectedHosts.length === 1 ? selectedHosts[0] : ""
    readonly property bool canAct: selectedHosts.length > 0 && !Machines.running
    /// Asks the person about an unknown host key; nothing else accepts one.
    readonly property Kirigami.PromptDialog hostKeyDialog: keyDialog

    title: qsTr("Machines", "@title:window")

    Component.onCompleted: {
        if (machines === Machines.list) {
            Machines.refresh();
        }
    }

    actions: [
        Kirigami.Action {
            id: deployAction

            text: qsTr("Deploy", "@action:button deploy the selected hosts")
            icon.name: "cloud-upload"
            enabled: page.canAct
            tooltip: qsTr("Build the selected hosts here and deploy them to their machines", "@info:tooltip")

            Kirigami.Action {
                text: qsTr("Switch", "@action:inmenu deploy mode")
                tooltip: qsTr("Activate now and make it the boot default", "@info:tooltip")
                onTriggered: Machines.deploy(page.selectedHosts, "switch")
            }
            Kirigami.Action {
                text: qsTr("Boot", "@action:inmenu deploy mode")
                tooltip: qsTr("Make it the boot default; it runs after the next reboot", "@info:tooltip")
                onTriggered: Machines.deploy(page.selectedHosts, "boot")
            }
            Kirigami.Action {
                text: qsTr("Test", "@action:inmenu deploy mode")
                tooltip: qsTr("Activate now without making it the boot default", "@info:tooltip")
                onTriggered: Machines.deploy(page.selectedHosts, "test")
            }
            Kirigami.Action {
                text: qsTr("Dry Activate", "@action:inmenu deploy mode")
                tooltip: qsTr("Copy it and say what activating it would do, without doing it", "@info:tooltip")
                onTriggered: Machines.deploy(page.selectedHosts, "dry-activate")
            }
        },
        Kirigami.Action {
            text: qsTr("Build", "@action:button")
            icon.name: "run-build"
            enabled: page.canAct
            tooltip: qsTr("Build the selected hosts' systems here, without deploying them", "@info:tooltip")
            onTriggered: Machines.build(page.selectedHosts)
        },
        Kirigami.Action {
            text: qsTr("Roll Back", "@action:button")
            icon.name: "edit-undo"
            enabled: page.canAct && page.singleHost !== "" && Machines.isRemote(page.singleHost)
            tooltip: qsTr("Switch the selected machine back to the generation before its current one", "@info:tooltip")
            onTriggered: Machines.rollBack(page.singleHost)
        },
        Kirigami.Action {
            text: qsTr("Generations", "@action:button")
            icon.name: "view-history"
            enabled: page.singleHost !== "" && Machines.isRemote(page.singleHost)
            onTriggered: {
                Machines.loadGenerations(page.singleHost);
                generationsSheet.open();
            }
        },
        Kirigami.Action {
            text: qsTr("Check Again", "@action:button probe every machine again")
            icon.name: "view-refresh"
            enabled: !Machines.busy
            displayHint: Kirigami.DisplayHint.AlwaysHide
            onTriggered: Machines.refresh()
        },
        Kirigami.Action {
            text: qsTr("Show Progress", "@action:button")
            icon.name: "view-list-details"
            visible: page.progressRows.count > 0
            displayHint: Kirigami.DisplayHint.AlwaysHide
            onTriggered: progressSheet.open()
        }
    ]

    header: ColumnLayout {
        spacing: 0

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            visible: Machines.loadError !== "" && page.machines === Machines.list
            type: Kirigami.MessageType.Warning
            position: Kirigami.InlineMessage.Position.Header
            text: Machines.loadError
        }
        QQC2.Label {
            Layout.fillWidth: true
            Layout.margins: Kirigami.Units.largeSpacing
            visible: page.machines.count > 1
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: page.selectedHosts.length > 1 ? qsTr("%1 hosts selected: Deploy builds and deploys them together.", "@info").arg(page.selectedHosts.length) : qsTr("Select one or more hosts, then choose an action.", "@info")
        }
    }

    ListView {
        id: list

        objectName: "machineList"
        model: page.machines
        spacing: Kirigami.Units.smallSpacing
        delegate: MachineRow {
            width: list.width
            onSelectionToggled: (host, selected) => page.machines.setSelected(host, selected)
            onAcceptKey: (host, fingerprints) => {
                keyDialog.host = host;
                keyDialog.fingerprints = fingerprints;
                keyDialog.open();
            }
            onRetry: host => Machines.probe(host)
        }

        Kirigami.PlaceholderMessage {
            anchors.centerIn: parent
            width: parent.width - Kirigami.Units.gridUnit * 4
            visible: list.count === 0
            text: Machines.busy ? qsTr("Reading the hosts of the flake…", "@info:placeholder") : qsTr("No hosts", "@info:placeholder")
        }
    }

    Connections {
        target: Machines

        function onOperationStarted(): void {
            progressSheet.open();
        }
    }

    MachineProgressSheet {
        id: progressSheet

        rows: page.progressRows
    }

    MachineGenerationsSheet {
        id: generationsSheet

        objectName: "generationsSheet"
    }

    Kirigami.PromptDialog {
        id: keyDialog

        objectName: "hostKeyDialog"
        property string host: ""
        property string fingerprints: ""

        title: qsTr("Accept the Host Key of %1?", "@title:dialog").arg(host)
        subtitle: qsTr("Snowpane has never connected to %1. It offers this key:\n\n%2\n\nAccept it only if this is the fingerprint the machine's owner (or its console, with ssh-keygen -l -f /etc/ssh/ssh_host_ed25519_key.pub) shows you. Once accepted, a different key is refused.", "@info").arg(host).arg(fingerprints)
        standardButtons: Kirigami.Dialog.NoButton
        customFooterActions: [
            Kirigami.Action {
                text: qsTr("Accept This Key", "@action:button")
                icon.name: "security-high"
                onTriggered: {
                    Machines.acceptHostKey(keyDialog.host, keyDialog.fingerprints);
                    keyDialog.close();
                }
            },
            Kirigami.Action {
                text: qsTr("Do Not Connect", "@action:button")
                icon.name: "dialog-cancel"
                onTriggered: keyDialog.close()
            }
        ]
    }
}
