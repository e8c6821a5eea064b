// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "packagediff.h"
#include "storename.h"
#include "versioncompare.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

struct PackageState {
    QStringList versions;
    bool selected = false;
};

using Packages = QHash<QString, PackageState>;

Packages packagesOf(const Closure &closure, const QStringList &selected)
{
    Packages packages;
    packages.reserve(closure.paths.size());
    for (const StorePathInfo &info : closure.paths) {
        const StoreName name = parseStoreName(info.path);
        PackageState &state = packages[name.pname];
        if (!state.versions.contains(name.version)) {
            state.versions.append(name.version);
        }
    }
    for (const QString &path : selected) {
        const auto it = packages.find(parseStoreName(path).pname);
        if (it != packages.end()) {
            it->selected = true;
        }
    }
    for (PackageState &state : packages) {
        std::ranges::sort(state.versions, [](const QString &a, const QString &b) {
            const int order = compareVersions(a, b);
            return order != 0 ? order < 0 : a < b;
        });
    }
    return packages;
}

// Both lists are sorted, as closures are; a merge walk is linear.
void pathDifference(const QList<StorePathInfo> &before, const QList<StorePathInfo> &after, QStringList &added, QStringList &removed)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && before[i].path < after[j].path)) {
            removed.append(before[i++].path);
        } else if (i == before.size() || after[j].path < before[i].path) {
            added.append(after[j++].path);
        } else {
            ++i;
            ++j;
        }
    }
}

} // namespace

QString kindName(PackageChange::Kind kind)
{
    switch (kind) {
    case PackageChange::Kind::Added:
        return u"added"_s;
    case PackageChange::Kind::Removed:
        return u"removed"_s;
    case PackageChange::Kind::Upgraded:
        return u"upgraded"_s;
    case PackageChange::Kind::Downgraded:
        return u"downgraded"_s;
    case PackageChange::Kind::Changed:
        return u"changed"_s;
    case PackageChange::Kind::SelectionChanged:
        return u"selection"_s;
    }
    return {};
}

PackageDiff diffClosures(const Closure &before, const QStringList &selectedBefore, const Closure &after, const QStringList &selectedAfter)
{
    PackageDiff diff;
    if (!before.isValid() || !after.isValid()) {
        diff.error = before.isValid() ? after.error : before.error;
        return diff;
    }
    diff.sizeBefore = before.totalNarSize;
    diff.sizeAfter = after.totalNarSize;
    pathDifference(before.paths, after.paths, diff.pathsAdded, diff.pathsRemoved);

    const Packages old = packagesOf(before, selectedBefore);
    const Packages now = packagesOf(after, selectedAfter);
    QSet<QString> names;
    names.reserve(old.size() + now.size());
    for (auto it = old.keyBegin(); it != old.keyEnd(); ++it) {
        names.insert(*it);
    }
    for (auto it = now.keyBegin(); it != now.keyEnd(); ++it) {
        names.insert(*it);
    }

    for (const QString &pname : std::as_const(names)) {
        const auto oldIt = old.constFind(pname);
        const auto nowIt = now.constFind(pname);
        PackageChange change;
        change.pname = pname;
        if (oldIt != old.cend()) {
            change.versionsBefore = oldIt->versions;
            change.selectedBefore = oldIt->selected;
        }
        if (nowIt != now.cend()) {
            change.versionsAfter = nowIt->versions;
            change.selectedAfter = nowIt->selected;
        }
        if (oldIt == old.cend()) {
            change.kind = PackageChange::Kind::Added;
        } else if (nowIt == now.cend()) {
            change.kind = PackageChange::Kind::Removed;
        } else if (change.versionsBefore != change.versionsAfter) {
            const int order = change.versionsBefore.size() == 1 && change.versionsAfter.size() == 1
                ? compareVersions(change.versionsAfter.first(), change.versionsBefore.first())
                : 0;
            change.kind = order > 0 ? PackageChange::Kind::Upgraded : order < 0 ? PackageChange::Kind::Downgraded : PackageChange::Kind::Changed;
        } else if (change.selectedBefore != change.selectedAfter) {
            change.kind = PackageChange::Kind::SelectionChanged;
        } else {
            continue;
        }
        diff.changes.append(std::move(change));
    }
    std::ranges::sort(diff.changes, {}, &PackageChange::pname);
    return diff;
}

} // namespace Snowpane::System
