// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import io.github.snowpane

NotYetPage {
    objectName: "packagesPage"
    title: qsTr("Packages", "@title")
    iconName: "package-x-generic"
    explanation: qsTr("Browsing, adding and removing packages from your nixpkgs comes with the package catalog.", "@info")
}
