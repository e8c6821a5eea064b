// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "closure.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

namespace Snowpane::System
{

/**
 * What happened to one package (all store paths with one pname) between
 * two closures, with nvd's classification: added or removed; upgraded or
 * downgraded when it had one version before and one after; changed when
 * several versions are involved (or two spellings compare equal); and a
 * selection change when only whether it was selected (a direct reference of
 * the system's `sw`) changed.
 */
struct PackageChange {
    enum class Kind {
        Added,
        Removed,
        Upgraded,
        Downgraded,
        Changed,
        SelectionChanged,
    };

    QString pname;
    Kind kind = Kind::Changed;
    /// Distinct versions, in Nix's version order; one empty string for a package without a version.
    QStringList versionsBefore;
    QStringList versionsAfter;
    bool selectedBefore = false;
    bool selectedAfter = false;
};

/// The name nvd and the UI use for @p kind ("added", "upgraded", …).
[[nodiscard]] QString kindName(PackageChange::Kind kind);

/**
 * The difference between two closures: package changes sorted by pname,
 * closure sizes before and after, and the store paths added and removed.
 */
struct PackageDiff {
    QList<PackageChange> changes;
    qint64 sizeBefore = 0;
    qint64 sizeAfter = 0;
    QStringList pathsAdded;
    QStringList pathsRemoved;
    QString error;

    [[nodiscard]] qint64 sizeDelta() const
    {
        return sizeAfter - sizeBefore;
    }
    [[nodiscard]] bool isValid() const
    {
        return error.isEmpty();
    }
};

/**
 * One side of a diff: a closure's packages by pname, each with its versions
 * and whether one of its paths is selected. Apart from the diff so that a
 * diff of two systems splits both sides' names at once, on two threads (as
 * it reads them). It keeps the closure, whose paths its names point into.
 */
class ClosurePackages
{
public:
    /// @p selected: the store paths the user selected (the references of the system's `sw`); may be empty.
    ClosurePackages(Closure closure, const QStringList &selected);

    [[nodiscard]] const Closure &closure() const
    {
        return m_closure;
    }

private:
    friend PackageDiff diffClosures(const ClosurePackages &before, const ClosurePackages &after);

    struct State {
        /// Distinct versions, in Nix's version order.
        QVarLengthArray<QStringView, 2> versions;
        bool selected = false;
    };

    // Copies of a Closure share its strings, which nothing changes, so the
    // views stay valid however this object is copied or moved.
    Closure m_closure;
    QHash<QStringView, State> m_packages;
};

/**
 * Compares two closures. @p selectedBefore and @p selectedAfter are the
 * store paths the user selected (the references of each system's `sw`);
 * they decide selection changes and may be empty.
 */
[[nodiscard]] PackageDiff diffClosures(const Closure &before, const QStringList &selectedBefore, const Closure &after, const QStringList &selectedAfter);
[[nodiscard]] PackageDiff diffClosures(const ClosurePackages &before, const ClosurePackages &after);

} // namespace Snowpane::System
