// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "targetsettings.h"

#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

QString targetSettingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/snowpane/fleet.conf"_s;
}

QHash<QString, QString> readTargetSettings()
{
    QSettings settings(targetSettingsPath(), QSettings::IniFormat);
    settings.beginGroup(u"Targets"_s);
    QHash<QString, QString> targets;
    for (const QString &host : settings.childKeys()) {
        targets.insert(host, settings.value(host).toString());
    }
    return targets;
}

} // namespace Snowpane::Remote
