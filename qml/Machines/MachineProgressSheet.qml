// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// One row per host of the running (or last) operation: its step, what was
/// copied, and its result in words; the host's log is one click away.
Kirigami.Dialog {
    id: sheet

    required property MachineProgressModel rows
    /// The host whose log is shown; empty: the rows.
    property string logHost: ""

    title: logHost !== "" ? qsTr("Log of %1", "@title:window").arg(logHost) : (Machines.operationTitle !== "" ? Machines.operationTitle : qsTr("Progress", "@title:window"))
    preferredWidth: Kirigami.Units.gridUnit * 36
    padding: Kirigami.Units.largeSpacing
    standardButtons: Kirigami.Dialog.NoButton
    customFooterActions: [
        Kirigami.Action {
            text: qsTr("Back to All Hosts", "@action:button")
            icon.name: "go-previous"
            visible: sheet.logHost !== ""
            onTriggered: sheet.logHost = ""
        },
        Kirigami.Action {
            text: qsTr("Close", "@action:button")
            icon.name: "dialog-close"
            onTriggered: sheet.close()
        }
    ]
    onClosed: logHost = ""

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            visible: sheet.logHost === "" && !Machines.running && Machines.operationSummary !== ""
            type: Machines.operationSucceeded ? Kirigami.MessageType.Positive : Kirigami.MessageType.Error
            text: Machines.operationSummary
        }

        Repeater {
            model: sheet.logHost === "" ? sheet.rows : null

            delegate: RowLayout {
                id: progressRow

                required property machineProgress progress

                Layout.fillWidth: true
                spacing: Kirigami.Units.largeSpacing
                Accessible.name: progress.host

                Kirigami.Icon {
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: Kirigami.Units.iconSizes.smallMedium
                    implicitHeight: implicitWidth
                    source: !progressRow.progress.finished ? "chronometer" : progressRow.progress.succeeded ? "data-success" : "data-error"
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    RowLayout {
                        Kirigami.Heading {
                            level: 4
                            text: progressRow.progress.host
                        }
                        QQC2.Label {
                            objectName: "step"
                            color: Kirigami.Theme.disabledTextColor
                            text: progressRow.progress.stepText
                        }
                        QQC2.BusyIndicator {
                            visible: !progressRow.progress.finished
                            running: visible
                            implicitWidth: Kirigami.Units.iconSizes.small
                            implicitHeight: implicitWidth
                        }
                    }
                    QQC2.Label {
                        objectName: "copied"
                        Layout.fillWidth: true
                        visible: progressRow.progress.copiedText !== ""
                        font: Kirigami.Theme.smallFont
                        text: qsTr("Copied: %1", "@info bytes copied to the machine").arg(progressRow.progress.copiedText)
                    }
                    QQC2.Label {
                        objectName: "line"
                        Layout.fillWidth: true
                        visible: !progressRow.progress.finished && progressRow.progress.line !== ""
                        elide: Text.ElideMiddle
                        font: Kirigami.Theme.smallFont
                        color: Kirigami.Theme.disabledTextColor
                        text: progressRow.progress.line
                    }
                    QQC2.Label {
                        objectName: "result"
                        Layout.fillWidth: true
                        visible: progressRow.progress.finished
                        wrapMode: Text.Wrap
                        color: progressRow.progress.succeeded ? Kirigami.Theme.positiveTextColor : Kirigami.Theme.negativeTextColor
                        text: progressRow.progress.resultText
                    }
                }
                QQC2.Button {
                    Layout.alignment: Qt.AlignTop
                    text: qsTr("Log", "@action:button show a host's log")
                    icon.name: "text-x-log"
                    Accessible.name: qsTr("Log of %1", "@action:button").arg(progressRow.progress.host)
                    onClicked: sheet.logHost = progressRow.progress.host
                }
            }
        }

        QQC2.ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Kirigami.Units.gridUnit * 18
            visible: sheet.logHost !== ""

            QQC2.TextArea {
                id: logText

                readOnly: true
                wrapMode: Text.Wrap
                font.family: "monospace"
                Accessible.name: sheet.title
                text: sheet.logHost !== "" ? (sheet.rows.logOf(sheet.logHost) || qsTr("Nothing was printed.", "@info empty log")) : ""

                Connections {
                    target: sheet.rows

                    function onLogChanged(host: string): void {
                        if (host === sheet.logHost) {
                            logText.text = sheet.rows.logOf(host);
                        }
                    }
                }
            }
        }
    }
}
