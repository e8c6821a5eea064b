// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import io.github.snowpane

NotYetPage {
    objectName: "changesPage"
    title: qsTr("Changes", "@title")
    iconName: "document-edit"
    explanation: qsTr("Reviewing pending edits as a diff and applying them comes with the configuration editor and the privileged helper.", "@info")
}
