// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "installedpackages.h"

#include "catalog.h"
#include "closurereader.h"
#include "storename.h"

#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Packages
{

InstalledPackages readInstalledPackages(const QString &systemPath, System::ClosureReader &closures)
{
    InstalledPackages result;
    const QFileInfo sw(systemPath + u"/sw"_s);
    result.swPath = sw.canonicalFilePath();
    if (result.swPath.isEmpty()) {
        result.error = u"%1 has no sw: it is not a NixOS system"_s.arg(systemPath);
        return result;
    }
    const System::References references = closures.references(result.swPath);
    if (!references.error.isEmpty()) {
        result.error = u"cannot read the references of %1: %2"_s.arg(result.swPath, references.error);
        return result;
    }
    for (const QString &path : references.paths) {
        const System::StoreName name = System::parseStoreName(path);
        result.packages.append({path, name.pname, name.version, name.output, {}, false});
    }
    std::sort(result.packages.begin(), result.packages.end(), [](const InstalledPackage &a, const InstalledPackage &b) {
        return std::tie(a.pname, a.version, a.output, a.storePath) < std::tie(b.pname, b.version, b.output, b.storePath);
    });
    return result;
}

void matchInstalledPackages(QList<InstalledPackage> *packages, Catalog &catalog)
{
    for (InstalledPackage &installed : *packages) {
        const QList<Package> candidates = catalog.packagesWithPname(installed.pname);
        const Package *best = nullptr;
        auto rank = [&](const Package &p) {
            // Lower is better: version, then the attribute named like the package, then a short path.
            return std::tuple(p.version != installed.version, p.attrPath != installed.pname, p.attrPath.size(), p.attrPath);
        };
        for (const Package &candidate : candidates) {
            if (!best || rank(candidate) < rank(*best)) {
                best = &candidate;
            }
        }
        if (best) {
            installed.attrPath = best->attrPath;
            installed.versionMatches = best->version == installed.version;
        }
    }
}

} // namespace Snowpane::Packages
