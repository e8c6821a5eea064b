// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// The configurations found on this machine (/etc/nixos, NIXOS_CONFIG, nh's
/// NH_OS_FLAKE and NH_FLAKE), each with where it was found. Nothing is
/// picked for the person: each has its own button. With `proposing`, the
/// button adds the edit of the NixOS configuration that names it instead.
ColumnLayout {
    id: choice

    /// The helper's settings name the configuration: picking one means editing the NixOS configuration.
    property bool proposing: false
    /// Why the last button press was refused, if it was.
    property string error: ""

    spacing: Kirigami.Units.smallSpacing

    QQC2.Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: ConfigurationPlace.candidates.length === 0
        text: qsTr("No configuration was found in /etc/nixos, NIXOS_CONFIG, NH_OS_FLAKE or NH_FLAKE. Name its directory above.", "@info")
    }
    Repeater {
        model: ConfigurationPlace.candidates

        delegate: RowLayout {
            id: row

            required property configurationCandidate modelData

            Layout.fillWidth: true
            spacing: Kirigami.Units.smallSpacing

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                QQC2.Label {
                    Layout.fillWidth: true
                    font.bold: true
                    elide: Text.ElideMiddle
                    text: row.modelData.flake ? (row.modelData.host.length > 0 ? qsTr("%1 (flake, host %2)", "@item").arg(row.modelData.directory).arg(row.modelData.host) : qsTr("%1 (flake)", "@item").arg(row.modelData.directory)) : qsTr("%1 (configuration.nix)", "@item").arg(row.modelData.directory)
                }
                QQC2.Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Kirigami.Theme.disabledTextColor
                    text: row.modelData.linkedFrom.length > 0 ? qsTr("Found through %1, a link to it; named by %2", "@info").arg(row.modelData.linkedFrom).arg(row.modelData.sources) : qsTr("Named by %1", "@info").arg(row.modelData.sources)
                }
            }
            QQC2.Button {
                text: choice.proposing ? qsTr("Propose", "@action:button") : qsTr("Use This", "@action:button")
                icon.name: choice.proposing ? "document-edit" : "dialog-ok-apply"
                Accessible.name: choice.proposing ? qsTr("Propose %1 in the NixOS configuration", "@action:button").arg(row.modelData.directory) : qsTr("Use %1", "@action:button").arg(row.modelData.directory)
                onClicked: {
                    if (choice.proposing) {
                        choice.error = ConfigurationPlace.proposeSystemSetting(row.modelData.directory, row.modelData.host);
                        if (choice.error.length === 0) {
                            Navigation.showPage("changes");
                        }
                    } else {
                        choice.error = "";
                        ConfigurationPlace.choose(row.modelData.directory, row.modelData.host);
                    }
                }
            }
        }
    }
    Kirigami.InlineMessage {
        Layout.fillWidth: true
        type: Kirigami.MessageType.Error
        visible: text.length > 0
        text: choice.error
    }
}
