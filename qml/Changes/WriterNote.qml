// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// Who will write the pending edits (the helper as root, or Snowpane as
/// the person), and which new files git is told of so that a flake sees them.
ColumnLayout {
    id: note

    readonly property list<string> newFiles: Configuration.changedFiles.filter(file => file.newFile).map(file => file.name)

    spacing: Kirigami.Units.smallSpacing
    visible: Configuration.pendingCount > 0

    Kirigami.InlineMessage {
        objectName: "writerNote"
        Layout.fillWidth: true
        visible: true
        type: ConfigurationPlace.writer === ConfigurationPlace.Refused ? Kirigami.MessageType.Error : Kirigami.MessageType.Information
        text: ConfigurationPlace.writerText
    }
    Kirigami.InlineMessage {
        objectName: "newFilesNote"
        Layout.fillWidth: true
        visible: note.newFiles.length > 0
        type: Kirigami.MessageType.Information
        text: qsTr("New file(s): %1. A flake sees only files git knows, so Snowpane adds them to git (intent to add) when it writes them, and commits them with the change.", "@info", note.newFiles.length).arg(note.newFiles.join(", "))
    }
}
