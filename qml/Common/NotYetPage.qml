// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// A page whose engine has not landed yet: it says so plainly instead of
/// showing controls that do nothing.
Kirigami.Page {
    id: page

    required property string explanation
    property string iconName: "preferences-system"

    // The icon is a separate item because qmllint cannot resolve the type of
    // PlaceholderMessage.icon, which is private to Kirigami.
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - Kirigami.Units.gridUnit * 4
        spacing: Kirigami.Units.largeSpacing

        Kirigami.Icon {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: Kirigami.Units.iconSizes.huge
            implicitHeight: Kirigami.Units.iconSizes.huge
            source: page.iconName
            opacity: 0.5
        }
        Kirigami.PlaceholderMessage {
            Layout.fillWidth: true
            text: qsTr("Not available in this version yet", "@info")
            explanation: page.explanation
        }
    }
}
