// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import org.kde.kirigami as Kirigami
import io.github.snowpane

Kirigami.AboutPage {
    objectName: "aboutPage"
    aboutData: ApplicationInfo.aboutData
}
