// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// One flake input or channel of an update: its revision and date before and after.
RowLayout {
    id: row

    required property string name
    required property string revisionBefore
    required property string revisionAfter
    required property string dateBefore
    required property string dateAfter
    required property string changeText

    spacing: Kirigami.Units.largeSpacing
    // One row read as one line; the labels inside are not read again.
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%1 from %2 to %3", "@info:whatsthis source name, old and new revision").arg(row.name).arg(row.revisionBefore).arg(row.revisionAfter)

    QQC2.Label {
        Layout.preferredWidth: Kirigami.Units.gridUnit * 7
        elide: Text.ElideRight
        font.bold: true
        text: row.name
        Accessible.ignored: true
    }
    QQC2.Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        Accessible.ignored: true
        text: row.changeText
    }
}
