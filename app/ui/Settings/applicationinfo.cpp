// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Settings/applicationinfo.h"

#include "snowpanesettings.h"

#include <KAboutData>

using namespace Qt::StringLiterals;

ApplicationInfo::ApplicationInfo(QObject *parent)
    : QObject(parent)
{
}

QVariant ApplicationInfo::aboutData() const
{
    return QVariant::fromValue(KAboutData::applicationData());
}

void ApplicationInfo::saveSettings()
{
    SnowpaneSettings::self()->save();
}

void ApplicationInfo::registerAboutData(const QString &version)
{
    KAboutData about(u"snowpane"_s,
                     u"Snowpane"_s,
                     version,
                     tr("Settings for NixOS: options, packages and generations, with every change reviewed, committed and reversible."),
                     KAboutLicense::GPL_V3,
                     tr("© 2026 Snowpane contributors"));
    about.setOrganizationDomain("snowpane.github.io");
    about.setDesktopFileName(u"io.github.snowpane"_s);
    about.setHomepage(u"https://snowpane.github.io"_s);
    about.setBugAddress("https://github.com/snowpane/snowpane/issues");
    about.addAuthor(tr("Snowpane contributors"), tr("Development"));
    about.addComponent(u"Nix"_s, tr("Builds and switches the system"), QString(), u"https://nixos.org"_s);
    KAboutData::setApplicationData(about);
}
