// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import io.github.snowpane

NotYetPage {
    objectName: "optionsPage"
    title: qsTr("Options", "@title")
    iconName: "configure"
    explanation: qsTr("Searching and editing the options of your own evaluated system comes with the option catalog.", "@info")
}
