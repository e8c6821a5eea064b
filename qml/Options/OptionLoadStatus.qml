// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// Where the option catalog stands: opening (with progress and Cancel), failed
/// (a sentence, Nix's message one click away, and Try again), or a notice.
ColumnLayout {
    id: status

    spacing: Kirigami.Units.smallSpacing

    RowLayout {
        objectName: "catalogProgress"
        Layout.fillWidth: true
        visible: OptionsBackend.status === OptionsBackend.Loading
        spacing: Kirigami.Units.largeSpacing

        QQC2.BusyIndicator {
            running: parent.visible
            Accessible.name: qsTr("Opening the options", "@info:status")
        }
        QQC2.Label {
            Layout.fillWidth: true
            text: OptionsBackend.progressText
            wrapMode: Text.Wrap
        }
        QQC2.Button {
            text: qsTr("Cancel", "@action:button")
            icon.name: "dialog-cancel"
            Accessible.name: qsTr("Cancel opening the options", "@action:button")
            onClicked: OptionsBackend.cancel()
        }
    }

    Kirigami.InlineMessage {
        id: failure

        property bool showDetails: false

        objectName: "catalogError"
        Layout.fillWidth: true
        type: Kirigami.MessageType.Error
        visible: OptionsBackend.status === OptionsBackend.Failed
        text: OptionsBackend.errorText
        actions: [
            Kirigami.Action {
                text: failure.showDetails ? qsTr("Hide details", "@action:button") : qsTr("Details", "@action:button")
                icon.name: "help-about"
                visible: OptionsBackend.errorDetails.length > 0
                onTriggered: failure.showDetails = !failure.showDetails
            },
            Kirigami.Action {
                text: qsTr("Try again", "@action:button")
                icon.name: "view-refresh"
                onTriggered: OptionsBackend.reload(true)
            }
        ]
    }

    Kirigami.InlineMessage {
        objectName: "catalogNotice"
        Layout.fillWidth: true
        type: Kirigami.MessageType.Warning
        visible: OptionsBackend.status === OptionsBackend.Ready && OptionsBackend.notice.length > 0
        text: OptionsBackend.notice
    }

    QQC2.TextArea {
        objectName: "catalogErrorDetails"
        Layout.fillWidth: true
        Layout.maximumHeight: Kirigami.Units.gridUnit * 12
        visible: failure.showDetails && OptionsBackend.status === OptionsBackend.Failed
        text: OptionsBackend.errorDetails
        readOnly: true
        wrapMode: TextEdit.Wrap
        font.family: "monospace"
        Accessible.name: qsTr("Nix's message", "@label")
    }
}
