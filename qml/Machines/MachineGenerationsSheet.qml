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
    }
}
