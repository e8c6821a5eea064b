// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Generations/generationpackagechanges.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;
using Snowpane::System::PackageChange;

namespace
{

// The order of the groups on screen: what most people look for first.
int groupOrder(PackageChange::Kind kind)
{
    switch (kind) {
    case PackageChange::Kind::Upgraded:
        return 0;
    case PackageChange::Kind::Downgraded:
        return 1;
    case PackageChange::Kind::Added:
        return 2;
    case PackageChange::Kind::Removed:
        return 3;
    case PackageChange::Kind::Changed:
        return 4;
    case PackageChange::Kind::SelectionChanged:
        return 5;
    }
    return 6;
}

QString versions(const QStringList &list)
{
    QStringList shown;
    for (const QString &version : list) {
        shown.append(version.isEmpty() ? GenerationPackageChangeModel::tr("no version") : version);
    }
    return shown.join(u", "_s);
}

} // namespace

GenerationPackageChangeModel::GenerationPackageChangeModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int GenerationPackageChangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

QVariant GenerationPackageChangeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PackageChange &change = m_changes.at(index.row());
    switch (role) {
    case NameRole:
        return change.pname;
    case KindRole:
        return int(change.kind);
    case GroupRole:
        return groupTitle(change.kind);
    case VersionsBeforeRole:
        return versions(change.versionsBefore);
    case VersionsAfterRole:
        return versions(change.versionsAfter);
    case ChangeTextRole:
        return changeText(change);
    case FirstInGroupRole:
        return index.row() == 0 || groupOrder(m_changes.at(index.row() - 1).kind) != groupOrder(change.kind);
    }
    return {};
}

QHash<int, QByteArray> GenerationPackageChangeModel::roleNames() const
{
    return {
        {NameRole, "name"},
        {KindRole, "kind"},
        {GroupRole, "group"},
        {VersionsBeforeRole, "versionsBefore"},
        {VersionsAfterRole, "versionsAfter"},
        {ChangeTextRole, "changeText"},
        {FirstInGroupRole, "firstInGroup"},
    };
}

void GenerationPackageChangeModel::setChanges(QList<PackageChange> changes)
{
    std::stable_sort(changes.begin(), changes.end(), [](const PackageChange &a, const PackageChange &b) {
        const int orderA = groupOrder(a.kind);
        const int orderB = groupOrder(b.kind);
        return orderA != orderB ? orderA < orderB : a.pname < b.pname;
    });
    beginResetModel();
    m_changes = std::move(changes);
    endResetModel();
    Q_EMIT countsChanged();
}

int GenerationPackageChangeModel::countOf(PackageChange::Kind kind) const
{
    return int(std::count_if(m_changes.cbegin(), m_changes.cend(), [kind](const PackageChange &change) {
        return change.kind == kind;
    }));
}

int GenerationPackageChangeModel::upgradedCount() const
{
    return countOf(PackageChange::Kind::Upgraded);
}

int GenerationPackageChangeModel::downgradedCount() const
{
    return countOf(PackageChange::Kind::Downgraded);
}

int GenerationPackageChangeModel::addedCount() const
{
    return countOf(PackageChange::Kind::Added);
}

int GenerationPackageChangeModel::removedCount() const
{
    return countOf(PackageChange::Kind::Removed);
}

int GenerationPackageChangeModel::otherCount() const
{
    return countOf(PackageChange::Kind::Changed) + countOf(PackageChange::Kind::SelectionChanged);
}

QString GenerationPackageChangeModel::groupTitle(PackageChange::Kind kind)
{
    switch (kind) {
    case PackageChange::Kind::Upgraded:
        return GenerationPackageChangeModel::tr("Upgraded");
    case PackageChange::Kind::Downgraded:
        return GenerationPackageChangeModel::tr("Downgraded");
    case PackageChange::Kind::Added:
        return GenerationPackageChangeModel::tr("Added");
    case PackageChange::Kind::Removed:
        return GenerationPackageChangeModel::tr("Removed");
    case PackageChange::Kind::Changed:
        return GenerationPackageChangeModel::tr("Other version changes");
    case PackageChange::Kind::SelectionChanged:
        return GenerationPackageChangeModel::tr("Now installed directly, or no longer");
    }
    return {};
}

QString GenerationPackageChangeModel::changeText(const PackageChange &change)
{
    switch (change.kind) {
    case PackageChange::Kind::Added:
        return versions(change.versionsAfter);
    case PackageChange::Kind::Removed:
        return versions(change.versionsBefore);
    case PackageChange::Kind::SelectionChanged:
        return change.selectedAfter ? GenerationPackageChangeModel::tr("%1, now in the system packages").arg(versions(change.versionsAfter))
                                    : GenerationPackageChangeModel::tr("%1, now only a dependency").arg(versions(change.versionsAfter));
    case PackageChange::Kind::Upgraded:
    case PackageChange::Kind::Downgraded:
    case PackageChange::Kind::Changed:
        break;
    }
    return GenerationPackageChangeModel::tr("%1 → %2").arg(versions(change.versionsBefore), versions(change.versionsAfter));
}
