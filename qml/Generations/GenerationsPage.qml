// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// The generations of the system: a chart of their closure sizes, the list,
/// and the selected generation with its actions and its comparison with
/// another one (the current generation unless the person picks another).
Kirigami.Page {
    id: page

    /// The generation whose details are shown.
    property int selectedGeneration: 0
    /// The generation it is compared with.
    property int otherGeneration: 0
    property bool reloading: false
    readonly property bool wide: width >= Kirigami.Units.gridUnit * 36
    /// The dialog that asks before an action; for tests.
    readonly property alias confirmationDialog: confirmDialog
    /// The "Remove Old Generations" dialog; for tests.
    readonly property alias cleanupDialog: cleanupDialog

    /// Shows generation @p number and compares it with its default partner.
    function select(number: int) {
        selectedGeneration = number;
        otherGeneration = generationModel.defaultComparisonFor(number);
        list.currentIndex = generationModel.rowOfGeneration(number);
        comparisonModel.compare(selectedGeneration, otherGeneration);
    }

    function compareWith(number: int) {
        otherGeneration = number;
        comparisonModel.compare(selectedGeneration, otherGeneration);
    }

    /// Reads everything again, keeping the selection where it still exists.
    function reload() {
        const kept = selectedGeneration;
        const keptOther = otherGeneration;
        // The model's reset moves the list's current row; that is not a choice of the person.
        reloading = true;
        generationModel.reload();
        reloading = false;
        if (generationModel.rowOfGeneration(kept) < 0) {
            select(generationModel.currentGeneration > 0 ? generationModel.currentGeneration : generationModel.numberAt(0));
            return;
        }
        selectedGeneration = kept;
        list.currentIndex = generationModel.rowOfGeneration(kept);
        otherGeneration = generationModel.rowOfGeneration(keptOther) >= 0 ? keptOther : generationModel.defaultComparisonFor(kept);
        comparisonModel.compare(selectedGeneration, otherGeneration);
    }

    /// Asks before @p action on the selected generation, saying what it will do.
    function confirm(action: int) {
        confirmDialog.action = action;
        confirmDialog.generation = selectedGeneration;
        confirmDialog.confirmation = generationModel.confirmation(action, selectedGeneration);
        confirmDialog.open();
    }

    objectName: "generationsPage"
    title: qsTr("Generations", "@title")

    Component.onCompleted: select(generationModel.currentGeneration > 0 ? generationModel.currentGeneration : generationModel.numberAt(0))

    actions: [
        Kirigami.Action {
            text: qsTr("Remove Old Generations…", "@action:button")
            icon.name: "edit-delete"
            tooltip: qsTr("Delete old generations and the files only they use", "@info:tooltip")
            enabled: !SystemActions.busy
            onTriggered: cleanupDialog.open()
        },
        Kirigami.Action {
            text: qsTr("Refresh", "@action:button")
            icon.name: "view-refresh"
            onTriggered: page.reload()
        }
    ]

    GenerationSpace {
        id: space
    }

    GenerationCleanup {
        id: cleanupDialog

        space: space
    }

    GenerationListModel {
        id: generationModel
    }

    GenerationComparison {
        id: comparisonModel
    }

    Connections {
        target: SystemActions

        function onSystemChanged() {
            page.reload();
        }
    }

    Kirigami.PromptDialog {
        id: confirmDialog

        property int action: GenerationListModel.Switch
        property int generation: 0
        /// What the action will do, worked out in C++.
        property generationConfirmation confirmation
        /// What the action will do, in full sentences.
        readonly property string message: confirmDialog.confirmation.message
        readonly property string confirmText: confirmDialog.confirmation.confirmText
        readonly property bool allowed: confirmDialog.confirmation.allowed

        objectName: "confirmDialog"
        title: confirmDialog.confirmation.title
        subtitle: confirmDialog.confirmation.message
        // Long enough to read the whole sentence at once, narrow enough to wrap it.
        maximumWidth: Math.min(Kirigami.Units.gridUnit * 28, page.width)
        standardButtons: confirmDialog.allowed ? Kirigami.Dialog.Cancel : Kirigami.Dialog.Close
        customFooterActions: [
            Kirigami.Action {
                text: confirmDialog.confirmText
                icon.name: "dialog-ok"
                visible: confirmDialog.allowed
                enabled: !SystemActions.busy
                onTriggered: {
                    confirmDialog.close();
                    if (confirmDialog.action === GenerationListModel.Restore) {
                        SystemActions.restoreConfiguration(confirmDialog.confirmation.commit);
                    } else {
                        SystemActions.switchGeneration(confirmDialog.generation, confirmDialog.action === GenerationListModel.Boot);
                    }
                }
            }
        ]
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Kirigami.Units.largeSpacing

        Kirigami.InlineMessage {
            Layout.fillWidth: true
            type: Kirigami.MessageType.Error
            visible: generationModel.errorString.length > 0
            text: generationModel.errorString
        }

        GenerationSizeChart {
            id: chart

            objectName: "sizeChart"
            Layout.fillWidth: true
            Layout.preferredHeight: Kirigami.Units.gridUnit * 6
            visible: list.count > 1
            model: generationModel
            largestSize: generationModel.largestClosureSize
            selectedGeneration: page.selectedGeneration
            comparedGeneration: page.otherGeneration
            onGenerationClicked: number => page.select(number)
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: page.wide ? 3 : 1
            columnSpacing: 0
            rowSpacing: Kirigami.Units.largeSpacing

            QQC2.ScrollView {
                Layout.fillHeight: true
                Layout.fillWidth: !page.wide
                Layout.preferredWidth: page.wide ? Math.max(Kirigami.Units.gridUnit * 16, page.width * 0.42) : -1

                ListView {
                    id: list

                    objectName: "generationList"
                    currentIndex: -1
                    model: generationModel
                    keyNavigationEnabled: true
                    activeFocusOnTab: true
                    Accessible.name: qsTr("Generations of the system profile", "@info:whatsthis")
                    onCurrentIndexChanged: {
                        const number = generationModel.numberAt(currentIndex);
                        if (!page.reloading && number > 0 && number !== page.selectedGeneration) {
                            page.select(number);
                        }
                    }

                    Kirigami.PlaceholderMessage {
                        anchors.centerIn: parent
                        width: parent.width - Kirigami.Units.gridUnit * 4
                        visible: list.count === 0
                        text: qsTr("No generations", "@info")
                        explanation: generationModel.errorString
                    }

                    delegate: GenerationRow {
                        id: row

                        // changeCount is read so that the text follows each new result; it is never negative.
                        heldText: row.current || space.changeCount < 0 ? "" : space.heldText(row.number)
                        onClicked: page.select(row.number)
                    }
                }
            }

            Kirigami.Separator {
                Layout.fillHeight: true
                visible: page.wide
            }

            QQC2.ScrollView {
                id: detailsScroll

                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                visible: list.count > 0

                GenerationDetails {
                    objectName: "generationDetails"
                    x: Kirigami.Units.largeSpacing
                    width: detailsScroll.availableWidth - 2 * Kirigami.Units.largeSpacing
                    generations: generationModel
                    comparison: comparisonModel
                    number: page.selectedGeneration
                    otherNumber: page.otherGeneration
                    actionsEnabled: !SystemActions.busy
                    onCompareWith: other => page.compareWith(other)
                    onActionRequested: action => page.confirm(action)
                }
            }
        }
    }
}
