// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami

/// A small tinted label on a package row: "Unfree", "Broken", "Installed".
Rectangle {
    id: badge

    required property string text
    /// A Kirigami.Theme text colour that says what kind of note this is.
    property color tint: Kirigami.Theme.neutralTextColor

    implicitWidth: label.implicitWidth + Kirigami.Units.smallSpacing * 3
    implicitHeight: label.implicitHeight + Kirigami.Units.smallSpacing
    radius: Kirigami.Units.cornerRadius
    color: Qt.rgba(badge.tint.r, badge.tint.g, badge.tint.b, 0.12)
    border.color: Qt.rgba(badge.tint.r, badge.tint.g, badge.tint.b, 0.6)
    border.width: 1

    Accessible.role: Accessible.StaticText
    Accessible.name: badge.text

    QQC2.Label {
        id: label

        anchors.centerIn: parent
        text: badge.text
        color: badge.tint
        font: Kirigami.Theme.smallFont
    }
}
