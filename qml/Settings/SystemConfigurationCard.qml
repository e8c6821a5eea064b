// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// The configuration as the system names it (programs.snowpane.configuration
/// and .host, in the helper's settings), read-only here: it is changed in the
/// NixOS configuration, and Snowpane offers to make that edit, which is then
/// reviewed and applied like any other.
ColumnLayout {
    id: card

    property string error: ""

    spacing: Kirigami.Units.smallSpacing

    QQC2.Label {
        objectName: "systemDirectory"
        Layout.fillWidth: true
        font.bold: true
        elide: Text.ElideMiddle
        text: ConfigurationPlace.systemHost.length > 0 ? qsTr("%1, host %2", "@info").arg(ConfigurationPlace.systemDirectory).arg(ConfigurationPlace.systemHost) : qsTr("%1, host: this machine's host name", "@info").arg(ConfigurationPlace.systemDirectory)
    }
    QQC2.Label {
        Layout.fillWidth: true
        Layout.maximumWidth: Kirigami.Units.gridUnit * 30
        wrapMode: Text.Wrap
        color: Kirigami.Theme.disabledTextColor
        text: qsTr("Set in the NixOS configuration by programs.snowpane.configuration and programs.snowpane.host; the system helper builds from the same place. Change them there, or let Snowpane make that edit below.", "@info")
    }
    QQC2.Label {
        Layout.fillWidth: true
        Layout.maximumWidth: Kirigami.Units.gridUnit * 30
        wrapMode: Text.Wrap
        text: ConfigurationPlace.writerText
    }
    RowLayout {
        spacing: Kirigami.Units.smallSpacing

        QQC2.TextField {
            id: directoryField

            Layout.minimumWidth: Kirigami.Units.gridUnit * 14
            placeholderText: qsTr("Another directory, such as ~/nixos-config", "@info:placeholder")
            Accessible.name: qsTr("The configuration directory to name in the NixOS configuration", "@label:textbox")
        }
        QQC2.TextField {
            id: hostField

            Layout.minimumWidth: Kirigami.Units.gridUnit * 6
            placeholderText: qsTr("Host", "@info:placeholder")
            text: ConfigurationPlace.systemHost
            Accessible.name: qsTr("The flake host to name in the NixOS configuration", "@label:textbox")
        }
        QQC2.Button {
            text: qsTr("Propose This Edit", "@action:button")
            icon.name: "document-edit"
            enabled: directoryField.text.length > 0 || hostField.text !== ConfigurationPlace.systemHost
            Accessible.name: qsTr("Propose the edit of programs.snowpane in the NixOS configuration", "@action:button")
            onClicked: {
                card.error = ConfigurationPlace.proposeSystemSetting(directoryField.text.length > 0 ? directoryField.text : ConfigurationPlace.systemDirectory, hostField.text);
                if (card.error.length === 0) {
                    Navigation.showPage("changes");
                }
            }
        }
    }
    Kirigami.InlineMessage {
        Layout.fillWidth: true
        type: Kirigami.MessageType.Error
        visible: text.length > 0
        text: card.error
    }
    QQC2.Label {
        Layout.fillWidth: true
        visible: ConfigurationPlace.candidates.length > 0
        text: qsTr("Also found on this machine:", "@label")
    }
    ConfigurationChoice {
        Layout.fillWidth: true
        visible: ConfigurationPlace.candidates.length > 0
        proposing: true
    }
}
