// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systemdiff.h"
#include "closurereader.h"

#include <QFileInfo>
#include <QRunnable>
#include <QSemaphore>
#include <QThreadPool>

#include <optional>

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
    // own database connection: uncached, that is most of a diff's time. The
    // other side goes to a pooled thread; when that thread has not started
    // it by the time this one is done (both cores busy with other work, so
    // it waits for a time slice), this thread takes it back and reads it too,
    // rather than wait.
    std::optional<ClosurePackages> before;
    QSemaphore finished;
    QRunnable *other = QRunnable::create([&reader, &before, &beforeSystem, &finished] {
        before.emplace(readSide(reader, beforeSystem));
        finished.release();
    });
    QThreadPool *pool = QThreadPool::globalInstance();
    pool->start(other);
    const ClosurePackages after = readSide(reader, afterSystem);
    if (pool->tryTake(other)) {
        other->run();
        delete other;
    } else {
        finished.acquire();
    }
    return diffClosures(*before, after);
}

} // namespace Snowpane::System
