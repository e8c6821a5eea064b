// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systempaths.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

SystemPaths SystemPaths::demo(const QString &root)
{
    const QDir dir(root);
    SystemPaths paths;
    paths.configurationDirectory = dir.filePath(u"etc/nixos"_s);
    paths.profile = dir.filePath(u"profiles/system"_s);
    paths.currentSystem = dir.filePath(u"run/current-system"_s);
    paths.bootedSystem = dir.filePath(u"run/booted-system"_s);
    return paths;
}

QString hostNameOfSystem(const QString &systemPath)
{
    QFile file(systemPath + u"/etc/hostname"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    // A host name is one short line; reading a bounded amount keeps a
    // surprising file from costing anything.
    return QString::fromUtf8(file.read(256)).section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace Snowpane::System
