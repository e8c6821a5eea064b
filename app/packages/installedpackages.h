// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace Snowpane::System
{
class ClosureReader;
}

namespace Snowpane::Packages
{

class Catalog;

/**
 * A package present in the system: one store path referenced by the
 * system's `sw` tree, its name split the nvd way, and the catalog attribute
 * it was matched to (empty when the catalog has no package of that pname).
 */
struct InstalledPackage {
    QString storePath;
    QString pname;
    QString version;
    /// The output the path holds when it is not `out` (`bin`, `man`, …).
    QString output;
    QString attrPath;
    /// The matched catalog entry has the installed version, not just the pname.
    bool versionMatches = false;
};

struct InstalledPackages {
    /// The `sw` path that was read, resolved.
    QString swPath;
    /// Sorted by pname, then version.
    QList<InstalledPackage> packages;
    QString error;
};

/**
 * The packages in the system at @p systemPath (a system toplevel, or a
 * profile or link to one): the direct references of its `sw`, read from the
 * Nix database or nix-store through @p closures.
 */
[[nodiscard]] InstalledPackages readInstalledPackages(const QString &systemPath, System::ClosureReader &closures);

/**
 * Matches each package to a catalog entry by pname: the entry with the
 * installed version if there is one, and among equals the attribute named
 * like the pname, then the shortest attribute path.
 */
void matchInstalledPackages(QList<InstalledPackage> *packages, Catalog &catalog);

} // namespace Snowpane::Packages
