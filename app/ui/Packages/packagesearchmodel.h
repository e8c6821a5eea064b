// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Packages/packagesearchworker.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>
#include <QThread>

#include <atomic>
#include <memory>

/**
 * Search results from the package catalog, a page at a time, for the
 * Packages page. Every search runs on the model's own thread, so typing never
 * waits for SQLite: each keystroke sends the query, a query overtaken by a
 * newer one is skipped, and the rows shown stay until the newest results
 * arrive. The list view asks for the next page when it scrolls to the end
 * (fetchMore). Each row also says whether the configuration declares the
 * package (pending edits included) and whether the current system has it.
 */
class PackageSearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(UnfreeFilter unfreeFilter READ unfreeFilter WRITE setUnfreeFilter NOTIFY unfreeFilterChanged)
    Q_PROPERTY(bool searching READ isSearching NOTIFY searchingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    enum Role {
        AttrPathRole = Qt::UserRole + 1,
        NameRole,
        VersionRole,
        DescriptionRole,
        LicenseRole,
        HomepageRole,
        UnfreeRole,
        BrokenRole,
        InsecureRole,
        DeclaredRole,
        InSystemRole,
    };
    Q_ENUM(Role)

    enum class UnfreeFilter {
        Any,
        FreeOnly,
        UnfreeOnly,
    };
    Q_ENUM(UnfreeFilter)

    /// Rows fetched per page.
    static constexpr int pageSize = 50;

    explicit PackageSearchModel(QObject *parent = nullptr);
    ~PackageSearchModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] QString query() const
    {
        return m_query;
    }
    void setQuery(const QString &query);
    [[nodiscard]] UnfreeFilter unfreeFilter() const
    {
        return m_unfreeFilter;
    }
    void setUnfreeFilter(UnfreeFilter filter);
    [[nodiscard]] bool isSearching() const
    {
        return m_inFlight > 0;
    }
    [[nodiscard]] bool hasMore() const
    {
        return m_hasMore;
    }
    [[nodiscard]] int count() const
    {
        return int(m_rows.size());
    }
    [[nodiscard]] QString errorString() const
    {
        return m_errorString;
    }

Q_SIGNALS:
    void queryChanged();
    void unfreeFilterChanged();
    void searchingChanged();
    void countChanged();
    void errorStringChanged();
    /// A search (not a further page) has delivered its first page.
    void resultsReady();

private:
    void replaceRows(const QList<PackageRow> &rows);
    void search();
    void request(qsizetype offset);
    void receive(const PackageSearchPage &page);
    void updateDeclared();
    void setErrorString(const QString &error);

    QString m_query;
    UnfreeFilter m_unfreeFilter = UnfreeFilter::Any;
    QList<PackageRow> m_rows;
    bool m_hasMore = false;
    bool m_fetching = false;
    int m_inFlight = 0;
    QString m_errorString;
    QSet<QString> m_declared;

    int m_serial = 0;
    std::shared_ptr<std::atomic<int>> m_latestSerial = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<PackageSearchWorker> m_worker = std::make_shared<PackageSearchWorker>();
    QThread m_thread;
    /// Lives on m_thread: the context searches are queued to.
    QObject *m_threadContext = nullptr;
};
