// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// A machine's generations, read over SSH, with switch and boot-default actions.
Kirigami.Dialog {
    id: sheet

    title: qsTr("Generations of %1", "@title:window").arg(Machines.generationsHost)
    preferredWidth: Kirigami.Units.gridUnit * 32
    padding: Kirigami.Units.largeSpacing
    standardButtons: Kirigami.Dialog.Close

    ColumnLayout {
        spacing: Kirigami.Units.smallSpacing

        QQC2.BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: Machines.generationsLoading
            running: visible
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            visible: Machines.generationsError !== ""
            type: Kirigami.MessageType.Error
            text: Machines.generationsError
        }
        Repeater {
            model: Machines.generations

            delegate: RowLayout {
                id: generationRow

                required property machineGeneration modelData

                Layout.fillWidth: true
                spacing: Kirigami.Units.largeSpacing

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    Kirigami.Heading {
                        level: 4
                        text: {
                            const marks = [];
                            if (generationRow.modelData.current) {
                                marks.push(qsTr("current", "@info generation mark"));
                            }
                            if (generationRow.modelData.running) {
                                marks.push(qsTr("running", "@info generation mark"));
                            }
                            if (generationRow.modelData.booted) {
                                marks.push(qsTr("booted", "@info generation mark"));
                            }
                            const name = qsTr("Generation %1", "@title").arg(generationRow.modelData.number);
                            return marks.length > 0 ? name + " (" + marks.join(", ") + ")" : name;
                        }
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        color: Kirigami.Theme.disabledTextColor
                        text: qsTr("%1 · NixOS %2 · kernel %3", "@info date, version, kernel").arg(generationRow.modelData.dateText).arg(generationRow.modelData.nixosVersion).arg(generationRow.modelData.kernelVersion)
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        visible: text !== ""
                        elide: Text.ElideRight
                        color: Kirigami.Theme.disabledTextColor
                        text: {
                            const facts = [];
                            if (generationRow.modelData.configurationRevision !== "") {
                                facts.push(qsTr("revision %1", "@info configuration revision").arg(generationRow.modelData.configurationRevision));
                            }
                            if (generationRow.modelData.specialisations.length > 0) {
                                facts.push(qsTr("specialisations: %1", "@info").arg(generationRow.modelData.specialisations.join(", ")));
                            }
                            return facts.join(" · ");
                        }
                    }
                    QQC2.Label {
                        Layout.fillWidth: true
                        visible: generationRow.modelData.problem !== ""
                        wrapMode: Text.Wrap
                        color: Kirigami.Theme.negativeTextColor
                        text: generationRow.modelData.problem
                    }
                }
                QQC2.Button {
                    text: qsTr("Changes", "@action:button what this generation changed since the one before")
                    enabled: generationRow.modelData.previousNumber > 0 && !Machines.comparing
                    Accessible.name: qsTr("Compare generation %1 with generation %2", "@action:button").arg(generationRow.modelData.number).arg(generationRow.modelData.previousNumber)
                    onClicked: Machines.compareGenerations(Machines.generationsHost, generationRow.modelData.previousNumber, generationRow.modelData.number)
                }
                QQC2.Button {
                    text: qsTr("Switch", "@action:button switch the machine to this generation")
                    enabled: !generationRow.modelData.running && !Machines.running
                    Accessible.name: qsTr("Switch to generation %1", "@action:button").arg(generationRow.modelData.number)
                    onClicked: Machines.switchGeneration(Machines.generationsHost, generationRow.modelData.number, false)
                }
                QQC2.Button {
                    text: qsTr("Boot Default", "@action:button make this generation the boot default")
                    enabled: !generationRow.modelData.current && !Machines.running
                    Accessible.name: qsTr("Make generation %1 the boot default", "@action:button").arg(generationRow.modelData.number)
                    onClicked: Machines.switchGeneration(Machines.generationsHost, generationRow.modelData.number, true)
                }
            }
        }
            Kirigami.Separator {
            Layout.fillWidth: true
            visible: Machines.comparisonTitle !== ""
        }
        Kirigami.Heading {
            level: 4
            visible: Machines.comparisonTitle !== ""
            text: Machines.comparisonTitle
        }
        QQC2.BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: Machines.comparing
            running: visible
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            visible: Machines.comparisonError !== ""
            type: Kirigami.MessageType.Error
            text: Machines.comparisonError
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: Machines.comparisonSizeText !== ""
            color: Kirigami.Theme.disabledTextColor
            text: Machines.comparisonSizeText
        }
        Repeater {
            model: Machines.generationChanges

            delegate: ColumnLayout {
                id: change

                required property string name
                required property string group
                required property string changeText
                required property bool firstInGroup

                Layout.fillWidth: true
                spacing: 0

                Kirigami.Heading {
                    level: 5
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
                    QQC2.Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.family: "monospace"
                        color: Kirigami.Theme.disabledTextColor
                        text: change.changeText
                    }
                }
            }
        }
    }
}
