// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systemdiff.h"
#include "closurereader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

QStringList selectedPackagesOf(ClosureReader &reader, const QString &systemPath)
{
    const QString sw = QFileInfo(systemPath + u"/sw"_s).canonicalFilePath();
    const References references = reader.references(sw.isEmpty() ? systemPath : sw);
    return references.paths;
}

PackageDiff diffSystems(ClosureReader &reader, const QString &beforeSystem, const QString &afterSystem)
{
    const Closure before = reader.closure(beforeSystem);
    const Closure after = reader.closure(afterSystem);
    if (!before.isValid() || !after.isValid()) {
        PackageDiff diff;
        diff.error = before.isValid() ? after.error : before.error;
        return diff;
    }
    return diffClosures(before, selectedPackagesOf(reader, before.root), after, selectedPackagesOf(reader, after.root));
}

} // namespace Snowpane::System
