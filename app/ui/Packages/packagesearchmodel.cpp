// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Packages/packagesearchmodel.h"

#include "Common/configurationsession.h"
#include "Packages/packagecatalog.h"

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

PackageSearchModel::PackageSearchModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_thread.setObjectName(u"package search"_s);
    m_threadContext = new QObject;
    m_threadContext->moveToThread(&m_thread);
    m_thread.start();

    PackageCatalog *catalog = PackageCatalog::self();
    connect(catalog, &PackageCatalog::revisionChanged, this, &PackageSearchModel::search);
    connect(catalog, &PackageCatalog::installedChanged, this, [this] {
        if (!m_rows.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {InSystemRole});
        }
    });
    connect(ConfigurationSession::self(), &ConfigurationSession::changesChanged, this, &PackageSearchModel::updateDeclared);
    updateDeclared();
    search();
}

PackageSearchModel::~PackageSearchModel()
{
    m_thread.quit();
    m_thread.wait();
    delete m_threadContext;
}

int PackageSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PackageSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PackageRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case AttrPathRole:
        return row.attrPath;
    case NameRole:
        return row.pname;
    case VersionRole:
        return row.version;
    case DescriptionRole:
        return row.description;
    case LicenseRole:
        return row.license;
    case HomepageRole:
        return row.homepage;
    case UnfreeRole:
        return row.unfree;
    case BrokenRole:
        return row.broken;
    case InsecureRole:
        return row.insecure;
    case DeclaredRole:
        return m_declared.contains(row.attrPath);
    case InSystemRole:
        return PackageCatalog::self()->isInSystem(row.attrPath, row.pname, row.version);
    }
    return {};
}

QHash<int, QByteArray> PackageSearchModel::roleNames() const
{
    return {
        {AttrPathRole, "attrPath"},
        {NameRole, "name"},
        {VersionRole, "version"},
        {DescriptionRole, "description"},
        {LicenseRole, "license"},
        {HomepageRole, "homepage"},
        {UnfreeRole, "unfree"},
        {BrokenRole, "broken"},
        {InsecureRole, "insecure"},
        {DeclaredRole, "declared"},
        {InSystemRole, "inSystem"},
    };
}

bool PackageSearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetching;
}

void PackageSearchModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent)) {
        m_fetching = true;
        request(m_rows.size());
    }
}

void PackageSearchModel::setQuery(const QString &query)
{
    if (query == m_query) {
        return;
    }
    m_query = query;
    Q_EMIT queryChanged();
    search();
}

void PackageSearchModel::setUnfreeFilter(UnfreeFilter filter)
{
    if (filter == m_unfreeFilter) {
        return;
    }
    m_unfreeFilter = filter;
    Q_EMIT unfreeFilterChanged();
    search();
}

void PackageSearchModel::search()
{
    // Rows of an earlier search stay until the new page replaces them.
    ++m_serial;
    m_latestSerial->store(m_serial);
    m_fetching = false;
    request(0);
}

void PackageSearchModel::request(qsizetype offset)
{
    const QString catalogPath = PackageCatalog::self()->catalogPath();
    if (catalogPath.isEmpty()) {
        return;
    }
    SearchQuery query;
    query.text = m_query;
    query.unfree = m_unfreeFilter == UnfreeFilter::FreeOnly ? SearchQuery::Unfree::FreeOnly
        : m_unfreeFilter == UnfreeFilter::UnfreeOnly        ? SearchQuery::Unfree::UnfreeOnly
                                                            : SearchQuery::Unfree::Any;
    query.offset = offset;
    query.limit = pageSize;
    const int serial = m_serial;
    const int revision = PackageCatalog::self()->revision();
    if (m_inFlight++ == 0) {
        Q_EMIT searchingChanged();
    }
    QMetaObject::invokeMethod(
        m_threadContext,
        [this, worker = m_worker, latest = m_latestSerial, catalogPath, revision, query, serial] {
            PackageSearchPage page;
            page.serial = serial;
            // Overtaken by a newer query while queued: not worth running.
            if (serial >= latest->load()) {
                page = worker->search(catalogPath, revision, query);
                page.serial = serial;
            }
            QMetaObject::invokeMethod(
                this,
                [this, page] {
                    receive(page);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void PackageSearchModel::receive(const PackageSearchPage &page)
{
    if (--m_inFlight == 0) {
        Q_EMIT searchingChanged();
    }
    if (page.serial != m_serial) {
        return;
    }
    setErrorString(page.error);
    if (page.offset == 0) {
        replaceRows(page.rows);
        m_hasMore = page.hasMore;
        Q_EMIT countChanged();
        Q_EMIT resultsReady();
        return;
    }
    m_fetching = false;
    if (page.offset != m_rows.size() || page.rows.isEmpty()) {
        m_hasMore = page.hasMore && page.offset == m_rows.size();
        Q_EMIT countChanged();
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.rows.size()) - 1);
    m_rows.append(page.rows);
    m_hasMore = page.hasMore;
    endInsertRows();
    Q_EMIT countChanged();
}

// A new page of results changes the rows in place rather than resetting the
// model: the view keeps the rows it drew and only rebinds them, which costs a
// fraction of making them again on every keystroke.
void PackageSearchModel::replaceRows(const QList<PackageRow> &rows)
{
    const qsizetype kept = std::min(m_rows.size(), rows.size());
    if (rows.size() < m_rows.size()) {
        beginRemoveRows({}, int(rows.size()), int(m_rows.size()) - 1);
        m_rows.resize(rows.size());
        endRemoveRows();
    }
    for (qsizetype row = 0; row < kept; ++row) {
        m_rows[row] = rows[row];
    }
    if (kept > 0) {
        Q_EMIT dataChanged(index(0), index(int(kept) - 1));
    }
    if (rows.size() > kept) {
        beginInsertRows({}, int(kept), int(rows.size()) - 1);
        m_rows.append(rows.mid(kept));
        endInsertRows();
    }
}

void PackageSearchModel::updateDeclared()
{
    QSet<QString> declared;
    for (const DeclaredPackage &entry : ConfigurationSession::self()->declaredPackages()) {
        declared.insert(entry.attr);
    }
    if (declared == m_declared) {
        return;
    }
    m_declared = declared;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {DeclaredRole});
    }
}

void PackageSearchModel::setErrorString(const QString &error)
{
    if (error != m_errorString) {
        m_errorString = error;
        Q_EMIT errorStringChanged();
    }
}
