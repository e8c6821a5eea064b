// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "closure.h"

#include <QList>
#include <QString>

namespace Snowpane::System
{

/**
 * Store paths grouped by the set of roots whose closures hold them: every
 * path kept alive by exactly generations {3, 5} is in one group with their
 * summed NAR size. A path is freed when every owner of its group is gone,
 * so what any set of deletions frees is a sum over groups, without touching
 * a store path again. Owner -1 stands for a system kept alive besides the
 * profile's generations (the running or booted system), which is never
 * deleted.
 */
struct StoreOwnership {
    struct Group {
        /// Generation numbers, ascending; -1 (first) for a root outside the profile.
        QList<int> owners;
        qint64 bytes = 0;
        friend bool operator==(const Group &, const Group &) = default;
    };
    QList<Group> groups;
    QString error;

    /// Bytes of the paths that only generation @p number holds.
    [[nodiscard]] qint64 exclusiveBytes(int number) const;
    /// Bytes of the paths held only by generations in @p removed: what deleting them frees.
    [[nodiscard]] qint64 bytesFreedByRemoving(const QList<int> &removed) const;
};

/**
 * Groups the paths of @p closures (those of generations @p numbers, parallel)
 * and @p otherRoots by owners. A generation listed twice with the same system
 * shares its paths with itself, which is right: deleting one frees nothing.
 */
[[nodiscard]] StoreOwnership groupByOwners(const QList<int> &numbers, const QList<Closure> &closures, const QList<Closure> &otherRoots);

}
