// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// "Remove old generations": a rule (keep the newest N, or remove those
/// older than N days), which generations it removes and the space that
/// frees, all shown before the person confirms.
Kirigami.Dialog {
    id: dialog

    required property GenerationSpace space
    readonly property generationCleanupPlan plan: space.plan

    objectName: "cleanupDialog"
    title: qsTr("Remove Old Generations", "@title:window")
    preferredWidth: Kirigami.Units.gridUnit * 28
    padding: Kirigami.Units.largeSpacing
    standardButtons: Kirigami.Dialog.Cancel
    customFooterActions: [
        Kirigami.Action {
            text: qsTr("Remove %n Generation(s)", "@action:button", dialog.plan.count)
            icon.name: Authorization.operations.cleanup.needsPassword ? "dialog-password" : "edit-delete"
            tooltip: Authorization.operations.cleanup.hint
            enabled: dialog.plan.allowed && !SystemActions.busy && !Authorization.operations.cleanup.refused
            onTriggered: {
                dialog.close();
                // Exactly the generations the plan lists: the helper deletes those or none.
                SystemActions.deleteGenerations(dialog.plan);
            }
        }
    ]

    ColumnLayout {
        spacing: Kirigami.Units.largeSpacing

        QQC2.Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
            text: dialog.space.oldGenerationsText
        }

        RowLayout {
            Layout.fillWidth: true

            QQC2.ComboBox {
                id: ruleBox

                objectName: "cleanupRule"
                model: [qsTr("Keep the newest", "@item:inlistbox followed by a number of generations"), qsTr("Remove those older than", "@item:inlistbox followed by a number of days")]
                implicitContentWidthPolicy: QQC2.ComboBox.WidestText
                Accessible.name: qsTr("Which generations to remove", "@label:listbox")
                onCurrentIndexChanged: dialog.space.rule = currentIndex === 0 ? GenerationSpace.KeepLast : GenerationSpace.OlderThanDays
                Component.onCompleted: dialog.space.rule = currentIndex === 0 ? GenerationSpace.KeepLast : GenerationSpace.OlderThanDays
            }
            QQC2.SpinBox {
                id: countBox

                objectName: "cleanupCount"
                from: 1
                to: ruleBox.currentIndex === 0 ? 1000 : 36500
                value: ruleBox.currentIndex === 0 ? 5 : 30
                editable: true
                // The unit goes with the number, in the plural form the language needs.
                textFromValue: (value, locale) => ruleBox.currentIndex === 0 ? qsTr("%n generation(s)", "@item:valuesuffix", value) : qsTr("%n day(s)", "@item:valuesuffix", value)
                valueFromText: (text, locale) => dialog.space.countFromText(text, value)
                Accessible.name: ruleBox.currentIndex === 0 ? qsTr("Number of generations to keep", "@label:spinbox") : qsTr("Age in days", "@label:spinbox")
                onValueChanged: dialog.space.count = value
                Component.onCompleted: dialog.space.count = value
            }
        }

        QQC2.Label {
            objectName: "cleanupPlan"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.plan.message
        }
        QQC2.BusyIndicator {
            visible: dialog.space.busy
            running: visible
            Accessible.name: qsTr("Measuring the space", "@info:whatsthis")
        }
        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Warning
            visible: dialog.space.errorString.length > 0
            text: qsTr("The space could not be measured: %1", "@info").arg(dialog.space.errorString)
        }
    }
}
