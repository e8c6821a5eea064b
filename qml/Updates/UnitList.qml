// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// Units a switch would touch in one way ("Restarted"), listed under a title; hidden when there are none.
ColumnLayout {
    id: list

    required property string title
    required property list<string> units

    visible: units.length > 0
    spacing: 0

    QQC2.Label {
        font.bold: true
        text: list.title
    }
    QQC2.Label {
        Layout.fillWidth: true
        Layout.leftMargin: Kirigami.Units.largeSpacing
        wrapMode: Text.Wrap
        text: list.units.join(", ")
        Accessible.name: qsTr("%1: %2", "@info:whatsthis title and units").arg(list.title).arg(list.units.join(", "))
    }
}
