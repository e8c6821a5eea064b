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

    // Re-read whenever a row changes, so that the size and commit appear as they arrive.
    readonly property var facts: {
        details.generations.changeCount;
        return details.generations.generation(details.number);
    }
    readonly property bool known: facts.number !== undefined

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        objectName: "detailsHeading"
        Layout.fillWidth: true
        level: 2
        wrapMode: Text.Wrap
        text: details.known ? qsTr("Generation %1", "@title").arg(details.number) : qsTr("No generation selected", "@title")
    }

    Kirigami.FormLayout {
        Layout.fillWidth: true
        visible: details.known

        QQC2.Label {
            Kirigami.FormData.label: qsTr("Built:", "@label")
            text: details.known ? Qt.formatDateTime(details.facts.date, Qt.locale().dateTimeFormat(Locale.LongFormat)) : ""
        }
        QQC2.Label {
            Kirigami.FormData.label: qsTr("NixOS:", "@label")
            text: details.known && details.facts.nixosVersion.length > 0 ? details.facts.nixosVersion : qsTr("unknown", "@info")
        }
        QQC2.Label {
            Kirigami.FormData.label: qsTr("Kernel:", "@label")
            text: details.known && details.facts.kernelVersion.length > 0 ? qsTr("Linux %1", "@info").arg(details.facts.kernelVersion) : qsTr("unknown", "@info")
        }
        QQC2.Label {
            objectName: "detailsSize"
            Kirigami.FormData.label: qsTr("Closure size:", "@label")
            text: !details.known ? "" : details.facts.closureSizeText.length > 0 ? details.facts.closureSizeText : details.facts.detailsLoaded ? qsTr("unknown", "@info") : qsTr("reading…", "@info")
        }
        QQC2.Label {
            objectName: "detailsCommit"
            Kirigami.FormData.label: qsTr("Configuration:", "@label")
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: {
                if (!details.known) {
                    return "";
                }
                if (!details.facts.detailsLoaded) {
                    return qsTr("looking for its commit…", "@info");
                }
                if (details.facts.commit.length === 0) {
                    return qsTr("not linked to a commit", "@info");
                }
                const dirty = details.facts.commitDirty ? qsTr(" (with changes that were not committed)", "@info") : "";
                return qsTr("commit %1: %2", "@info").arg(details.facts.commitShortId).arg(details.facts.commitSubject) + dirty;
            }
        }
        QQC2.Label {
            Kirigami.FormData.label: qsTr("Specialisations:", "@label")
            visible: details.known && details.facts.specialisations.length > 0
            text: details.known ? details.facts.specialisations.join(", ") : ""
        }
    }

    Flow {
        Layout.fillWidth: true
        visible: details.known
        spacing: Kirigami.Units.smallSpacing

        QQC2.Button {
            objectName: "switchButton"
            text: qsTr("Switch to This Generation", "@action:button")
            icon.name: "system-switch-user"
            enabled: details.actionsEnabled
            Accessible.name: qsTr("Switch to generation %1", "@action:button").arg(details.number)
            onClicked: details.actionRequested(GenerationListModel.Switch)
        }
        QQC2.Button {
            objectName: "bootButton"
            text: qsTr("Boot into This Next Time", "@action:button")
            icon.name: "system-reboot"
            enabled: details.actionsEnabled
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
