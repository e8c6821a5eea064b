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

// Views into the closure's path strings: splitting thousands of names
// allocates nothing until a change is reported.
ClosurePackages::ClosurePackages(Closure closure, const QStringList &selected)
    : m_closure(std::move(closure))
{
    if (!m_closure.isValid()) {
        return;
    }
    const std::vector<bool> marks = selectedPaths(m_closure, selected);
    QSet<QStringView> selectedNames;
    if (marks.empty() && !selected.isEmpty()) {
        selectedNames.reserve(selected.size());
        for (const QString &path : selected) {
            selectedNames.insert(splitStoreName(path).pname);
        }
    }
    // Const: a copy of the closure's list is shared, and must not detach.
    const QList<StorePathInfo> &paths = std::as_const(m_closure).paths;
    m_packages.reserve(paths.size());
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const StoreNameView name = splitStoreName(paths[i].path);
        State &state = m_packages[name.pname];
        if (!state.versions.contains(name.version)) {
            state.versions.append(name.version);
        }
        if (!marks.empty() && marks[size_t(i)]) {
            state.selected = true;
        }
    }
    for (auto it = m_packages.begin(); it != m_packages.end(); ++it) {
        if (!selectedNames.isEmpty()) {
            it->selected = selectedNames.contains(it.key());
        }
        if (it->versions.size() > 1) {
            std::sort(it->versions.begin(), it->versions.end(), versionLess);
        }
    }
}

PackageDiff diffClosures(const Closure &before, const QStringList &selectedBefore, const Closure &after, const QStringList &selectedAfter)
{
    if (!before.isValid() || !after.isValid()) {
        PackageDiff diff;
        diff.error = before.isValid() ? after.error : before.error;
        return diff;
    }
    return diffClosures(ClosurePackages(before, selectedBefore), ClosurePackages(after, selectedAfter));
}

PackageDiff diffClosures(const ClosurePackages &before, const ClosurePackages &after)
{
    PackageDiff diff;
    if (!before.closure().isValid() || !after.closure().isValid()) {
        diff.error = before.closure().isValid() ? after.closure().error : before.closure().error;
        return diff;
    }
    diff.sizeBefore = before.closure().totalNarSize;
    diff.sizeAfter = after.closure().totalNarSize;
    pathDifference(before.closure().paths, after.closure().paths, diff.pathsAdded, diff.pathsRemoved);

    const QHash<QStringView, ClosurePackages::State> &old = before.m_packages;
    const QHash<QStringView, ClosurePackages::State> &now = after.m_packages;
    using PackageState = ClosurePackages::State;
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
