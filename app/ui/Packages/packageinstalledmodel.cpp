// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Packages/packageinstalledmodel.h"

#include "Common/configurationsession.h"
#include "Packages/packagecatalog.h"

#include <QHash>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

PackageInstalledModel::PackageInstalledModel(QObject *parent)
    : QAbstractListModel(parent)
{
    PackageCatalog *catalog = PackageCatalog::self();
    connect(catalog, &PackageCatalog::revisionChanged, this, &PackageInstalledModel::reload);
    connect(catalog, &PackageCatalog::installedChanged, this, &PackageInstalledModel::reload);
    connect(ConfigurationSession::self(), &ConfigurationSession::changesChanged, this, &PackageInstalledModel::reload);
    reload();
}

void PackageInstalledModel::reload()
{
    PackageCatalog *catalog = PackageCatalog::self();
    const QList<InstalledPackage> &installed = catalog->installedPackages();
    // The system's packages by pname: a declared attribute is in the system
    // when a package of its pname is, whichever version (the catalog may be
    // newer than the last rebuild).
    QHash<QString, const InstalledPackage *> installedByPname;
    for (const InstalledPackage &package : installed) {
        // Outputs (man, bin) of the same package count once; `out` wins.
        const auto found = installedByPname.constFind(package.pname);
        if (found == installedByPname.constEnd() || (!(*found)->output.isEmpty() && package.output.isEmpty())) {
            installedByPname.insert(package.pname, &package);
        }
    }

    QList<Row> rows;
    QSet<QString> declaredPnames;
    QSet<QString> declaredAttributes;
    int pending = 0;
    for (const DeclaredPackage &entry : ConfigurationSession::self()->declaredPackages()) {
        Row row;
        row.attrPath = entry.attr;
        row.declared = true;
        row.file = entry.file;
        row.line = entry.line;
        row.name = row.attrPath;
        declaredAttributes.insert(row.attrPath);
        if (const auto package = catalog->package(row.attrPath)) {
            row.inCatalog = true;
            row.name = package->pname;
            row.version = package->version;
            row.description = package->description;
            row.unfree = package->unfree;
            declaredPnames.insert(package->pname);
            if (const InstalledPackage *present = installedByPname.value(package->pname)) {
                row.inSystem = true;
                // The version the system has, which is the one that matters here.
                row.version = present->version;
            }
        } else {
            row.inSystem = catalog->installedAttributes().contains(row.attrPath);
        }
        // Unknown until the system's packages are read: not pending then.
        row.pending = !row.inSystem && catalog->isInstalledLoaded() && catalog->installedError().isEmpty();
        pending += row.pending ? 1 : 0;
        rows.append(row);
    }
    const int declaredCount = int(rows.size());

    QList<Row> systemOnly;
    QSet<QString> seen;
    for (const InstalledPackage *package : std::as_const(installedByPname)) {
        if (declaredPnames.contains(package->pname) || declaredAttributes.contains(package->attrPath) || seen.contains(package->pname)) {
            continue;
        }
        seen.insert(package->pname);
        Row row;
        row.attrPath = package->attrPath;
        row.name = package->pname;
        row.version = package->version;
        row.inSystem = true;
        if (!package->attrPath.isEmpty()) {
            if (const auto known = catalog->package(package->attrPath)) {
                row.inCatalog = true;
                row.description = known->description;
                row.unfree = known->unfree;
            }
        }
        systemOnly.append(row);
    }
    std::sort(systemOnly.begin(), systemOnly.end(), [](const Row &a, const Row &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    rows.append(systemOnly);

    beginResetModel();
    m_rows = rows;
    m_declaredCount = declaredCount;
    m_pendingCount = pending;
    endResetModel();
    Q_EMIT countsChanged();
}

int PackageInstalledModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PackageInstalledModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case AttrPathRole:
        return row.attrPath;
    case VersionRole:
        return row.version;
    case DescriptionRole:
        return row.description;
    case SectionRole:
        return row.declared ? u"declared"_s : u"system"_s;
    case FileRole:
        return row.file;
    case LineRole:
        return row.line;
    case LocationRole:
        return row.declared ? u"%1:%2"_s.arg(row.file).arg(row.line) : QString();
    case InSystemRole:
        return row.inSystem;
    case PendingRole:
        return row.pending;
    case InCatalogRole:
        return row.inCatalog;
    case UnfreeRole:
        return row.unfree;
    }
    return {};
}

QHash<int, QByteArray> PackageInstalledModel::roleNames() const
{
    return {
        {AttrPathRole, "attrPath"},
        {NameRole, "name"},
        {VersionRole, "version"},
        {DescriptionRole, "description"},
        {SectionRole, "section"},
        {FileRole, "file"},
        {LineRole, "line"},
        {LocationRole, "location"},
        {InSystemRole, "inSystem"},
        {PendingRole, "pending"},
        {InCatalogRole, "inCatalog"},
        {UnfreeRole, "unfree"},
    };
}
