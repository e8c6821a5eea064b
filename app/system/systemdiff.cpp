// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systemdiff.h"
#include "closurereader.h"

#include <QFileInfo>

#include <thread>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

QStringList selectedPackagesOf(ClosureReader &reader, const QString &systemPath)
{
    const QString sw = QFileInfo(systemPath + u"/sw"_s).canonicalFilePath();
    const References references = reader.references(sw.isEmpty() ? systemPath : sw);
    return references.paths;
}

namespace
{

struct Side {
    Closure closure;
    QStringList selected;
};

Side readSide(ClosureReader &reader, const QString &system)
{
    Side side{reader.closure(system), {}};
    if (side.closure.isValid()) {
        // A closure read from the database knows the references of `sw`, which is in it.
        const QString sw = QFileInfo(side.closure.root + u"/sw"_s).canonicalFilePath();
        const std::optional<QStringList> known = side.closure.referencesOf(sw.isEmpty() ? side.closure.root : sw);
        side.selected = known ? *known : selectedPackagesOf(reader, side.closure.root);
    }
    return side;
}

} // namespace

PackageDiff diffSystems(ClosureReader &reader, const QString &beforeSystem, const QString &afterSystem)
{
    // The two systems are read at once, each on its own database connection:
    // uncached, reading is most of a diff's time.
    Side before;
    std::thread worker([&reader, &before, &beforeSystem] {
        before = readSide(reader, beforeSystem);
    });
    const Side after = readSide(reader, afterSystem);
    worker.join();
    if (!before.closure.isValid() || !after.closure.isValid()) {
        PackageDiff diff;
        diff.error = before.closure.isValid() ? after.closure.error : before.closure.error;
        return diff;
    }
    return diffClosures(before.closure, before.selected, after.closure, after.selected);
}

} // namespace Snowpane::System
