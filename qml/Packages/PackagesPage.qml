// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import io.github.snowpane

NotYetPage {
    objectName: "packagesPage"
    title: i18nc("@title", "Packages")
    iconName: "package-x-generic"
    explanation: i18nc("@info", "Browsing, adding and removing packages from your nixpkgs comes with the package catalog.")
}
