// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import io.github.snowpane

NotYetPage {
    objectName: "optionsPage"
    title: i18nc("@title", "Options")
    iconName: "configure"
    explanation: i18nc("@info", "Searching and editing the options of your own evaluated system comes with the option catalog.")
}
