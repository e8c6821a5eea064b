// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// One host: selection, name and target, state, system, last deployment, and its problem in words.
QQC2.ItemDelegate {
    id: row

    required property machineStatus status
    required property bool selected
    required property int index

    signal selectionToggled(string host, bool selected)
    signal acceptKey(string host, string fingerprints)
    signal retry(string host)

    readonly property bool problem: row.status.problem !== MachineProblem.None

    Accessible.name: row.status.host
    Accessible.description: [row.status.stateText, row.status.systemText, row.status.problemText].filter(t => t !== "").join(". ")
    onClicked: row.selectionToggled(row.status.host, !row.selected)

    contentItem: RowLayout {
        spacing: Kirigami.Units.largeSpacing

        QQC2.CheckBox {
            checked: row.selected
            Accessible.name: qsTr("Select %1", "@action:check a host").arg(row.status.host)
            onToggled: row.selectionToggled(row.status.host, checked)
        }
        Kirigami.Icon {
            implicitWidth: Kirigami.Units.iconSizes.medium
            implicitHeight: implicitWidth
            source: row.status.thisMachine ? "computer" : "network-server"
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0

            RowLayout {
                Layout.fillWidth: true

                Kirigami.Heading {
                    level: 4
                    text: row.status.host
                }
                QQC2.Label {
                    objectName: "target"
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    color: Kirigami.Theme.disabledTextColor
                    text: qsTr("%1 (from %2)", "@info target and where it was read").arg(row.status.target).arg(row.status.targetSource)
                }
            }
            QQC2.Label {
                objectName: "system"
                Layout.fillWidth: true
                visible: text !== ""
                elide: Text.ElideRight
                text: row.status.systemText
            }
            QQC2.Label {
                objectName: "lastDeployed"
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: Kirigami.Theme.disabledTextColor
                font: Kirigami.Theme.smallFont
                text: row.status.lastDeployedText
            }
            QQC2.Label {
                objectName: "reboot"
                Layout.fillWidth: true
                visible: row.status.rebootPending
                color: Kirigami.Theme.neutralTextColor
                wrapMode: Text.Wrap
                text: row.status.rebootText
            }
            QQC2.Label {
                objectName: "problem"
                Layout.fillWidth: true
                visible: row.problem
                color: Kirigami.Theme.negativeTextColor
                wrapMode: Text.Wrap
                text: row.status.problemText
                QQC2.ToolTip.text: row.status.detail
                QQC2.ToolTip.visible: row.status.detail !== "" && problemHover.hovered
                HoverHandler {
                    id: problemHover
                }
            }
            RowLayout {
                visible: row.status.problem === MachineProblem.HostKeyUnknown || (row.problem && row.status.probed)

                QQC2.Button {
                    objectName: "checkKey"
                    visible: row.status.problem === MachineProblem.HostKeyUnknown && row.status.hostKeyFingerprints !== ""
                    text: qsTr("Check the Key…", "@action:button see an unknown host key's fingerprint and decide")
                    icon.name: "security-medium"
                    onClicked: row.acceptKey(row.status.host, row.status.hostKeyFingerprints)
                }
                QQC2.Button {
                    text: qsTr("Try Again", "@action:button probe the machine again")
                    icon.name: "view-refresh"
                    enabled: !row.status.probing
                    onClicked: row.retry(row.status.host)
                }
            }
        }
        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            spacing: Kirigami.Units.smallSpacing

            RowLayout {
                Layout.alignment: Qt.AlignRight

                QQC2.BusyIndicator {
                    visible: row.status.probing
                    running: visible
                    implicitWidth: Kirigami.Units.iconSizes.small
                    implicitHeight: implicitWidth
                }
                Kirigami.Icon {
                    visible: !row.status.probing && row.status.probed
                    implicitWidth: Kirigami.Units.iconSizes.small
                    implicitHeight: implicitWidth
                    source: row.status.reachable && !row.problem ? "data-success" : row.status.reachable ? "data-warning" : "data-error"
                }
                QQC2.Label {
                    objectName: "state"
                    text: row.status.stateText
                }
            }
        }
    }
}
