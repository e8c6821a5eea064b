// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "storeownership.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Snowpane::System
{

qint64 StoreOwnership::exclusiveBytes(int number) const
{
    qint64 bytes = 0;
    for (const Group &group : groups) {
        if (group.owners.size() == 1 && group.owners.first() == number) {
            bytes += group.bytes;
        }
    }
    return bytes;
}

qint64 StoreOwnership::bytesFreedByRemoving(const QList<int> &removed) const
{
    const QSet<int> gone(removed.cbegin(), removed.cend());
    qint64 bytes = 0;
    for (const Group &group : groups) {
        if (std::ranges::all_of(group.owners, [&gone](int owner) {
                return gone.contains(owner);
            })) {
            bytes += group.bytes;
        }
    }
    return bytes;
}

StoreOwnership groupByOwners(const QList<int> &numbers, const QList<Closure> &closures, const QList<Closure> &otherRoots)
{
    struct PathOwners {
        QList<int> owners;
        qint64 narSize = 0;
    };
    QHash<QString, PathOwners> byPath;
    const auto addClosure = [&byPath](const Closure &closure, int owner) {
        for (const auto &info : closure.paths) {
            PathOwners &entry = byPath[info.path];
            entry.narSize = info.narSize;
            // Closures are walked owner by owner, so a repeat can only be the last one added.
            if (entry.owners.isEmpty() || entry.owners.last() != owner) {
                entry.owners.append(owner);
            }
        }
    };
    // Roots outside the profile first, so that -1 leads every owner list it is in.
    for (const Closure &closure : otherRoots) {
        addClosure(closure, -1);
    }
    QList<qsizetype> order(numbers.size());
    for (qsizetype i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::ranges::sort(order, {}, [&numbers](qsizetype i) {
        return numbers[i];
    });
    for (qsizetype i : order) {
        addClosure(closures[i], numbers[i]);
    }

    QHash<QList<int>, qint64> bytesByOwners;
    for (const PathOwners &entry : std::as_const(byPath)) {
        bytesByOwners[entry.owners] += entry.narSize;
    }
    StoreOwnership result;
    result.groups.reserve(bytesByOwners.size());
    for (auto it = bytesByOwners.cbegin(); it != bytesByOwners.cend(); ++it) {
        result.groups.append({it.key(), it.value()});
    }
    return result;
}

}
