// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "packagediff.h"
#include "storename.h"
#include "versioncompare.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

// Views into the closures' path strings, which outlive the diff: splitting
// thousands of names allocates nothing until a change is reported.
struct PackageState {
    QVarLengthArray<QStringView, 2> versions;
    bool selected = false;
};

using Packages = QHash<QStringView, PackageState>;

bool versionLess(QStringView a, QStringView b)
{
    const int order = compareVersions(a, b);
    return order != 0 ? order < 0 : a < b;
}

// Which of the closure's paths are selected, by one walk along both sorted
// lists; empty when a selected path is not in the closure or the list is not
// sorted, and the names are then compared instead.
std::vector<bool> selectedPaths(const Closure &closure, const QStringList &selected)
{
    std::vector<bool> marks(size_t(closure.paths.size()), false);
    qsizetype i = 0;
    for (qsizetype j = 0; j < selected.size(); ++j) {
        if (j > 0 && storePathLess(selected[j], selected[j - 1])) {
            return {};
        }
        while (i < closure.paths.size() && storePathLess(closure.paths[i].path, selected[j])) {
            ++i;
        }
        if (i == closure.paths.size() || closure.paths[i].path != selected[j]) {
            return {};
        }
        marks[size_t(i)] = true;
    }
    return marks;
}

Packages packagesOf(const Closure &closure, const QStringList &selected)
{
    const std::vector<bool> marks = selectedPaths(closure, selected);
    QSet<QStringView> selectedNames;
    if (marks.empty() && !selected.isEmpty()) {
        selectedNames.reserve(selected.size());
        for (const QString &path : selected) {
            selectedNames.insert(splitStoreName(path).pname);
        }
    }
    Packages packages;
    packages.reserve(closure.paths.size());
    for (qsizetype i = 0; i < closure.paths.size(); ++i) {
        const StoreNameView name = splitStoreName(closure.paths[i].path);
        PackageState &state = packages[name.pname];
        if (!state.versions.contains(name.version)) {
            state.versions.append(name.version);
        }
        if (!marks.empty() && marks[size_t(i)]) {
            state.selected = true;
        }
    }
    for (auto it = packages.begin(); it != packages.end(); ++it) {
        if (!selectedNames.isEmpty()) {
            it->selected = selectedNames.contains(it.key());
        }
        if (it->versions.size() > 1) {
            std::sort(it->versions.begin(), it->versions.end(), versionLess);
        }
    }
    return packages;
}

QStringList toStringList(const QVarLengthArray<QStringView, 2> &views)
{
    QStringList list;
    list.reserve(views.size());
    for (const QStringView view : views) {
        list.append(view.toString());
    }
    return list;
}

// Both lists are sorted, as closures are; a merge walk is linear.
void pathDifference(const QList<StorePathInfo> &before, const QList<StorePathInfo> &after, QStringList &added, QStringList &removed)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && storePathLess(before[i].path, after[j].path))) {
            removed.append(before[i++].path);
        } else if (i == before.size() || storePathLess(after[j].path, before[i].path)) {
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
    const auto report = [&diff](QStringView pname, const PackageState *was, const PackageState *is) {
        PackageChange::Kind kind;
        if (!was) {
            kind = PackageChange::Kind::Added;
        } else if (!is) {
            kind = PackageChange::Kind::Removed;
        } else if (was->versions != is->versions) {
            const int order = was->versions.size() == 1 && is->versions.size() == 1 ? compareVersions(is->versions.first(), was->versions.first()) : 0;
            kind = order > 0 ? PackageChange::Kind::Upgraded : order < 0 ? PackageChange::Kind::Downgraded : PackageChange::Kind::Changed;
        } else if (was->selected != is->selected) {
            kind = PackageChange::Kind::SelectionChanged;
        } else {
            return;
        }
        PackageChange change;
        change.pname = pname.toString();
        change.kind = kind;
        if (was) {
            change.versionsBefore = toStringList(was->versions);
            change.selectedBefore = was->selected;
        }
        if (is) {
            change.versionsAfter = toStringList(is->versions);
            change.selectedAfter = is->selected;
        }
        diff.changes.append(std::move(change));
    };
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        const auto match = now.constFind(it.key());
        report(it.key(), &it.value(), match == now.cend() ? nullptr : &match.value());
    }
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (!old.contains(it.key())) {
            report(it.key(), nullptr, &it.value());
        }
    }
    std::ranges::sort(diff.changes, {}, &PackageChange::pname);
    return diff;
}

} // namespace Snowpane::System
