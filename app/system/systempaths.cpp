// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systempaths.h"

#include <QDir>
#include <QFile>

namespace Snowpane::System
{

SystemPaths SystemPaths::demo(const QString &root)
{
    const QDir dir(root);
    SystemPaths paths;
    paths.configurationDirectory = dir.filePath(QStringLiteral("etc/nixos"));
    paths.profile = dir.filePath(QStringLiteral("profiles/system"));
    paths.currentSystem = dir.filePath(QStringLiteral("run/current-system"));
    paths.bootedSystem = dir.filePath(QStringLiteral("run/booted-system"));
    return paths;
}

QString hostNameOfSystem(const QString &systemPath)
{
    QFile file(systemPath + QStringLiteral("/etc/hostname"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    // A host name is one short line; reading a bounded amount keeps a
    // surprising file from costing anything.
    return QString::fromUtf8(file.read(256)).section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace Snowpane::System
