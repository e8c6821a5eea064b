// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "package.h"
#include "sqlite.h"

#include <QList>
#include <QPair>
#include <QString>

namespace Snowpane::Packages
{

/**
 * Writes a new catalog cache beside the current one and replaces it only
 * when every package is in and the indexes are built: the rows go into a
 * temporary file, which is synced and renamed over the cache. Any failure
 * (disk full, a bad package, a cancelled import) removes the temporary file
 * and leaves the cache as it was; readers that have the old file open keep
 * reading it.
 */
class CatalogWriter
{
public:
    struct Options {
        /**
         * A ceiling on the new database's pages (SQLite's `max_page_count`);
         * writes beyond it fail exactly as on a full disk. 0 means none.
         */
        qint64 maxPageCount = 0;
    };

    CatalogWriter() = default;
    ~CatalogWriter();
    CatalogWriter(const CatalogWriter &) = delete;
    CatalogWriter &operator=(const CatalogWriter &) = delete;

    /// Starts a new database for @p cachePath; false with errorString() on failure.
    [[nodiscard]] bool open(const QString &cachePath, const Options &options);
    [[nodiscard]] bool add(const PackageRecord &record);
    /// Builds the indexes, stores @p info, and replaces the cache.
    [[nodiscard]] bool commit(const QList<QPair<QString, QString>> &info);
    /// Drops the new database; the cache is untouched.
    void abort();

    [[nodiscard]] QString errorString() const
    {
        return m_error;
    }
    [[nodiscard]] qint64 count() const
    {
        return m_count;
    }

private:
    bool failWith(const QString &what, int rc = 0);

    QString m_cachePath;
    QString m_tempPath;
    Sql::Database m_database;
    Sql::Statement m_insertPackage;
    Sql::Statement m_insertLicense;
    QString m_error;
    qint64 m_count = 0;
};

} // namespace Snowpane::Packages
