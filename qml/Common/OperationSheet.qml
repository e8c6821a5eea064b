// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// The one view of whatever is changing the machine: progress while it runs,
/// then the result, or the error in plain words with the details a click away.
/// It opens by itself when SystemActions starts something.
Kirigami.Dialog {
    id: sheet

    readonly property bool running: SystemActions.busy
    readonly property bool failed: SystemActions.stage === SystemActions.Failed
    readonly property bool succeeded: SystemActions.stage === SystemActions.Succeeded
    property string logFilter: ""

    title: SystemActions.title
    preferredWidth: Kirigami.Units.gridUnit * 34
    padding: Kirigami.Units.largeSpacing
    closePolicy: running ? QQC2.Popup.NoAutoClose : QQC2.Popup.CloseOnEscape
    showCloseButton: !running
    onClosed: SystemActions.dismiss()

    Connections {
        target: SystemActions

        function onStageChanged(): void {
            if (SystemActions.stage !== SystemActions.Idle && !sheet.opened) {
                sheet.open();
            } else if (SystemActions.stage === SystemActions.Idle && sheet.opened) {
                // Dismissed elsewhere (a new page's action, a test): an open sheet would have nothing left to say.
                sheet.close();
            }
        }
    }

    // Kirigami's Dialog (KF 6.13) sizes its scrolling body once, from the body's implicit height when the
    // dialog is built: it binds the inner Flickable's contentHeight to the ScrollView's implicitContentHeight,
    // which the ScrollView reads back from that same contentHeight. This sheet is built while idle, with every
    // row of its body hidden, so the body stayed -1 pixels high and clipped every message away: a title and a
    // Close button over nothing. An explicit content height follows the body instead.
    Binding {
        target: sheet.contentItem as QQC2.ScrollView
        property: "contentHeight"
        value: body.implicitHeight
    }

    standardButtons: Kirigami.Dialog.NoButton
    customFooterActions: [
        Kirigami.Action {
            text: qsTr("Cancel", "@action:button stop the running operation")
            icon.name: "process-stop"
            // Steps that put the package sources back run to their end: a cancel would leave them half-restored.
            visible: sheet.running && SystemActions.canCancel
            onTriggered: SystemActions.cancel()
        },
        Kirigami.Action {
            text: qsTr("Revert the Change", "@action:button")
            icon.name: "edit-undo"
            visible: SystemActions.canRevert
            tooltip: qsTr("Restore the configuration files as they were before this change", "@info:tooltip")
            onTriggered: SystemActions.revert()
        },
        Kirigami.Action {
            text: qsTr("Close", "@action:button")
            icon.name: "dialog-close"
            visible: !sheet.running
            onTriggered: sheet.close()
        }
    ]

    ColumnLayout {
        id: body

        objectName: "operationBody"
        spacing: Kirigami.Units.largeSpacing

        // While it runs: the step in words and, once Nix knows the counts, how far it is.
        QQC2.Label {
            Layout.fillWidth: true
            visible: sheet.running
            wrapMode: Text.Wrap
            font.bold: true
            text: SystemActions.phase
        }
        QQC2.ProgressBar {
            objectName: "operationProgress"
            Layout.fillWidth: true
            visible: sheet.running
            indeterminate: SystemActions.derivationsExpected <= 0
            from: 0
            to: Math.max(1, SystemActions.derivationsExpected)
            value: SystemActions.derivationsDone
            Accessible.name: qsTr("Progress", "@info:whatsthis")
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: sheet.running && text.length > 0
            wrapMode: Text.Wrap
            elide: Text.ElideRight
            maximumLineCount: 2
            color: Kirigami.Theme.disabledTextColor
            text: {
                let parts = [];
                if (SystemActions.derivationsExpected > 0) {
                    parts.push(qsTr("%1 of %2 packages built", "@info").arg(SystemActions.derivationsDone).arg(SystemActions.derivationsExpected));
                }
                if (SystemActions.bytesExpected > 0) {
                    parts.push(qsTr("%1 of %2 downloaded", "@info").arg(Qt.locale().formattedDataSize(SystemActions.bytesDone)).arg(Qt.locale().formattedDataSize(SystemActions.bytesExpected)));
                }
                if (SystemActions.activity.length > 0) {
                    parts.push(SystemActions.activity);
                }
                return parts.join(" · ");
            }
        }

        // The result and the error as an icon and a label.
        RowLayout {
            objectName: "operationResult"
            readonly property alias text: resultLabel.text
            Layout.fillWidth: true
            visible: sheet.succeeded
            spacing: Kirigami.Units.largeSpacing
            Kirigami.Icon {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: Kirigami.Units.iconSizes.medium
                Layout.preferredHeight: Kirigami.Units.iconSizes.medium
                source: "dialog-positive"
            }
            QQC2.Label {
                id: resultLabel
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: SystemActions.resultText
            }
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: sheet.succeeded && SystemActions.changeSummary.length > 0
            wrapMode: Text.Wrap
            text: SystemActions.changeSummary
        }

        RowLayout {
            objectName: "operationError"
            readonly property alias text: errorLabel.text
            Layout.fillWidth: true
            visible: sheet.failed
            spacing: Kirigami.Units.largeSpacing
            Kirigami.Icon {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: Kirigami.Units.iconSizes.medium
                Layout.preferredHeight: Kirigami.Units.iconSizes.medium
                source: "dialog-error"
            }
            QQC2.Label {
                id: errorLabel
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: SystemActions.errorMessage
            }
        }
        QQC2.Button {
            visible: sheet.failed && SystemActions.errorFile.length > 0
            text: qsTr("Open %1 at Line %2", "@action:button").arg(SystemActions.errorFile).arg(SystemActions.errorLine)
            icon.name: "document-open"
            Accessible.name: text
            onClicked: SystemActions.openErrorLocation()
        }
        // The technical detail, one click away from the sentence above.
        QQC2.Button {
            id: showDetails

            visible: sheet.failed && SystemActions.errorDetails.length > 0
            checkable: true
            text: checked ? qsTr("Hide Details", "@action:button") : qsTr("Show Details", "@action:button")
            icon.name: "documentinfo"
        }
        QQC2.Label {
            Layout.fillWidth: true
            visible: showDetails.visible && showDetails.checked
            text: SystemActions.errorDetails
            wrapMode: Text.Wrap
            font.family: "monospace"
            textFormat: Text.PlainText
        }

        // The log: folded by default, since most people never need it.
        RowLayout {
            Layout.fillWidth: true
            visible: SystemActions.log.length > 0

            QQC2.Button {
                id: showLog

                checkable: true
                checked: false
                text: checked ? qsTr("Hide the Log", "@action:button") : qsTr("Show the Log (%1 lines)", "@action:button").arg(SystemActions.log.length)
                icon.name: "view-list-text"
            }
            QQC2.TextField {
                Layout.fillWidth: true
                visible: showLog.checked
                placeholderText: qsTr("Filter the log…", "@info:placeholder")
                Accessible.name: qsTr("Filter the log", "@label:textbox")
                onTextChanged: sheet.logFilter = text.toLowerCase()
            }
        }
        QQC2.ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Kirigami.Units.gridUnit * 14
            visible: showLog.checked

            ListView {
                id: logView

                clip: true
                model: sheet.logFilter.length === 0 ? SystemActions.log : SystemActions.log.filter(line => line.toLowerCase().includes(sheet.logFilter))
                onCountChanged: positionViewAtEnd()
                Accessible.name: qsTr("Log of the operation", "@info:whatsthis")

                delegate: QQC2.Label {
                    required property string modelData

                    width: ListView.view.width
                    text: modelData
                    font.family: "monospace"
                    wrapMode: Text.WrapAnywhere
                    textFormat: Text.PlainText
                }
            }
        }
    }
}
