// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// One generation: its facts, the actions on it, and its comparison with
/// another generation (the current one unless the person picks another).
ColumnLayout {
    id: details

    required property GenerationListModel generations
    required property GenerationComparison comparison
    /// The generation shown.
    required property int number
    /// The generation it is compared with.
    required property int otherNumber
    /// Whether actions can start (no other change to the system is running).
    property bool actionsEnabled: true

    /// The person picked @p other to compare with.
    signal compareWith(int other)
    /// The person asked for @p action (a GenerationListModel.Action) on this generation.
    signal actionRequested(int action)

    // Re-read whenever a row changes, so that the size and commit appear as
    // they arrive (changeCount is read in the expression so that the binding
    // depends on it; it is never negative).
    readonly property generationRecord facts: details.generations.changeCount >= 0 ? details.generations.generation(details.number) : details.generations.generation(0)
    readonly property bool known: facts.known

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        objectName: "detailsHeading"
        Layout.fillWidth: true
        level: 2
        wrapMode: Text.Wrap
        text: details.known ? qsTr("Generation %1", "@title").arg(details.number) : qsTr("No generation selected", "@title")
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.topMargin: -Kirigami.Units.smallSpacing
        visible: details.known
        spacing: Kirigami.Units.smallSpacing

        QQC2.Label {
            objectName: "detailsFacts"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: {
                if (!details.known) {
                    return "";
                }
                const size = details.facts.closureSizeText.length > 0 ? details.facts.closureSizeText : details.facts.detailsLoaded ? qsTr("size unknown", "@info") : qsTr("size: reading…", "@info");
                return [details.facts.nixosVersion.length > 0 ? qsTr("NixOS %1", "@info").arg(details.facts.nixosVersion) : qsTr("Unknown version", "@info"), details.facts.kernelVersion.length > 0 ? qsTr("Linux %1", "@info").arg(details.facts.kernelVersion) : "", size].filter(part => part.length > 0).join(" · ");
            }
        }
        QQC2.Label {
            objectName: "detailsDate"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Kirigami.Theme.disabledTextColor
            text: details.known ? qsTr("Built %1", "@info").arg(Qt.formatDateTime(details.facts.date, Qt.locale().dateTimeFormat(Locale.LongFormat))) : ""
        }
        QQC2.Label {
            objectName: "detailsCommit"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: {
                if (!details.known) {
                    return "";
                }
                if (!details.facts.detailsLoaded) {
                    return qsTr("Looking for the commit that built it…", "@info");
                }
                if (details.facts.commit.length === 0) {
                    return qsTr("Not linked to a commit of the configuration", "@info");
                }
                const dirty = details.facts.commitDirty ? qsTr(" (built with changes that were not committed)", "@info") : "";
                return qsTr("Commit %1: %2", "@info").arg(details.facts.commitShortId).arg(details.facts.commitSubject) + dirty;
            }
        }
        QQC2.Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: details.known && details.facts.specialisations.length > 0
            text: details.known ? qsTr("Specialisations: %1", "@info").arg(details.facts.specialisations.join(", ")) : ""
        }
    }

    Flow {
        Layout.fillWidth: true
        visible: details.known
        spacing: Kirigami.Units.smallSpacing

        QQC2.Button {
            objectName: "switchButton"
            text: qsTr("Switch to This Generation", "@action:button")
            icon.name: Authorization.operations.switchGeneration.needsPassword ? "dialog-password" : "system-switch-user"
            enabled: details.actionsEnabled && !Authorization.operations.switchGeneration.refused
            QQC2.ToolTip.text: Authorization.operations.switchGeneration.hint
            QQC2.ToolTip.visible: hovered && QQC2.ToolTip.text.length > 0
            Accessible.name: qsTr("Switch to generation %1", "@action:button").arg(details.number)
            onClicked: details.actionRequested(GenerationListModel.Switch)
        }
        QQC2.Button {
            objectName: "bootButton"
            text: qsTr("Boot into This Next Time", "@action:button")
            icon.name: Authorization.operations.switchGeneration.needsPassword ? "dialog-password" : "system-reboot"
            enabled: details.actionsEnabled && !Authorization.operations.switchGeneration.refused
            QQC2.ToolTip.text: Authorization.operations.switchGeneration.hint
            QQC2.ToolTip.visible: hovered && QQC2.ToolTip.text.length > 0
            Accessible.name: qsTr("Boot into generation %1 next time", "@action:button").arg(details.number)
            onClicked: details.actionRequested(GenerationListModel.Boot)
        }
        QQC2.Button {
            objectName: "restoreButton"
            text: qsTr("Restore This Configuration", "@action:button")
            icon.name: "document-revert"
            visible: details.known && details.facts.commit.length > 0
            enabled: details.actionsEnabled
            Accessible.name: qsTr("Restore the configuration of generation %1", "@action:button").arg(details.number)
            onClicked: details.actionRequested(GenerationListModel.Restore)
        }
    }

    Kirigami.Separator {
        Layout.fillWidth: true
        visible: details.known
    }

    RowLayout {
        Layout.fillWidth: true
        visible: details.known
        spacing: Kirigami.Units.smallSpacing

        QQC2.Label {
            text: qsTr("Compare with:", "@label:listbox")
        }
        QQC2.ComboBox {
            id: otherBox

            objectName: "compareWithBox"
            Layout.fillWidth: true
            Layout.maximumWidth: Kirigami.Units.gridUnit * 14
            model: details.generations
            textRole: "title"
            valueRole: "number"
            currentIndex: details.generations.rowOfGeneration(details.otherNumber)
            Accessible.name: qsTr("Generation to compare with", "@label:listbox")
            onActivated: index => details.compareWith(otherBox.valueAt(index))
        }
        QQC2.Button {
            objectName: "compareWithCurrentButton"
            text: qsTr("Compare with Current", "@action:button")
            icon.name: "document-compare"
            visible: details.generations.currentGeneration > 0 && details.number !== details.generations.currentGeneration && details.otherNumber !== details.generations.currentGeneration
            Accessible.name: text
            onClicked: details.compareWith(details.generations.currentGeneration)
        }
    }

    QQC2.Label {
        Layout.fillWidth: true
        visible: details.known && details.otherNumber === details.number
        wrapMode: Text.Wrap
        color: Kirigami.Theme.disabledTextColor
        text: qsTr("Choose another generation to compare with.", "@info")
    }

    GenerationComparisonView {
        Layout.fillWidth: true
        visible: details.known
        comparison: details.comparison
    }
}
