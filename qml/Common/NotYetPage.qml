// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import org.kde.kirigami as Kirigami

/// A page whose engine has not landed yet: it says so plainly instead of
/// showing controls that do nothing.
Kirigami.Page {
    id: page

    required property string explanation
    property string iconName: "preferences-system"

    Kirigami.PlaceholderMessage {
        anchors.centerIn: parent
        width: parent.width - Kirigami.Units.gridUnit * 4
        icon.name: page.iconName
        text: i18nc("@info", "Not available in this version yet")
        explanation: page.explanation
    }
}
