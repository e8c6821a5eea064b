// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import io.github.snowpane

/// What a machine without a NixOS configuration shows: what Snowpane is,
/// that there is nothing to manage here, and how to open the demo. The words
/// are HostStatus's.
Kirigami.Page {
    objectName: "welcomePage"
    title: qsTr("Welcome", "@title")

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - Kirigami.Units.gridUnit * 4
        spacing: Kirigami.Units.largeSpacing

        Kirigami.Icon {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: Kirigami.Units.iconSizes.huge
            implicitHeight: Kirigami.Units.iconSizes.huge
            source: Qt.resolvedUrl("../icons/io.github.snowpane.svg")
        }
        Kirigami.PlaceholderMessage {
            objectName: "welcomeMessage"
            Layout.fillWidth: true
            text: HostStatus.title
            explanation: HostStatus.explanation
        }
    }
}
