// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systemdiff.h"
#include "closurereader.h"

#include <QFileInfo>

#include <optional>
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

// One side of a diff, read and split on its own thread.
ClosurePackages readSide(ClosureReader &reader, const QString &system)
{
    Closure closure = reader.closure(system);
    QStringList selected;
    if (closure.isValid()) {
        // A closure read from the database knows the references of `sw`, which is in it.
        const QString sw = QFileInfo(closure.root + u"/sw"_s).canonicalFilePath();
        const std::optional<QStringList> known = closure.referencesOf(sw.isEmpty() ? closure.root : sw);
        selected = known ? *known : selectedPackagesOf(reader, closure.root);
    }
    return ClosurePackages(std::move(closure), selected);
}

} // namespace

PackageDiff diffSystems(ClosureReader &reader, const QString &beforeSystem, const QString &afterSystem)
{
    // The two systems are read and their names split at once, each on its
    // own database connection: uncached, that is most of a diff's time.
    std::optional<ClosurePackages> before;
    std::thread worker([&reader, &before, &beforeSystem] {
        before.emplace(readSide(reader, beforeSystem));
    });
    const ClosurePackages after = readSide(reader, afterSystem);
    worker.join();
    return diffClosures(*before, after);
}

} // namespace Snowpane::System
