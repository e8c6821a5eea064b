// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixstoredatabase.h"

#include <QUrl>

#include <algorithm>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

// Nix holds write transactions briefly; a reader waits rather than failing.
constexpr int busyTimeoutMs = 2000;

struct FinalizeStatement {
    void operator()(sqlite3_stmt *statement) const
    {
        sqlite3_finalize(statement);
    }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

QString lastError(sqlite3 *database)
{
    return QString::fromUtf8(sqlite3_errmsg(database));
}

QString columnText(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(statement, column));
}

} // namespace

void NixStoreDatabase::Close::operator()(sqlite3 *database) const
{
    sqlite3_close_v2(database);
}

NixStoreDatabase::NixStoreDatabase(QString databasePath)
    : m_path(std::move(databasePath))
{
}

NixStoreDatabase::~NixStoreDatabase() = default;

bool NixStoreDatabase::open()
{
    if (m_database) {
        return true;
    }
    // mode=ro in a URI: SQLite refuses any write, whatever the file's mode.
    const QByteArray uri = "file:" + QUrl::toPercentEncoding(m_path, "/") + "?mode=ro";
    sqlite3 *raw = nullptr;
    const int status = sqlite3_open_v2(uri.constData(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<sqlite3, Close> database(raw);
    if (status != SQLITE_OK) {
        m_error = u"Cannot open the Nix database %1: %2"_s.arg(m_path, raw ? lastError(raw) : QString::fromUtf8(sqlite3_errstr(status)));
        return false;
    }
    sqlite3_busy_timeout(database.get(), busyTimeoutMs);
    // Opening is lazy in SQLite; a query shows whether this is a Nix
    // database we may read (the WAL index may be unreadable to a user).
    sqlite3_stmt *probe = nullptr;
    if (sqlite3_prepare_v2(database.get(), "SELECT count(*) FROM ValidPaths WHERE id = 0", -1, &probe, nullptr) != SQLITE_OK) {
        m_error = u"Cannot read the Nix database %1: %2"_s.arg(m_path, lastError(database.get()));
        return false;
    }
    const Statement probeOwner(probe);
    if (sqlite3_step(probe) != SQLITE_ROW) {
        m_error = u"Cannot read the Nix database %1: %2"_s.arg(m_path, lastError(database.get()));
        return false;
    }
    m_database = std::move(database);
    m_error.clear();
    return true;
}

Closure NixStoreDatabase::closure(const QString &storePath)
{
    Closure result;
    result.root = storePath;
    result.source = Closure::Source::Database;
    if (!open()) {
        result.error = m_error;
        return result;
    }
    // UNION (not UNION ALL) makes the walk stop at paths already visited,
    // so shared dependencies are read once. CROSS JOIN fixes the join order:
    // left to itself SQLite scanned all of ValidPaths for each closure,
    // which took twice as long on a 3,000-path closure.
    static constexpr char query[] =
        "WITH RECURSIVE closure(id) AS ("
        "  SELECT id FROM ValidPaths WHERE path = ?1"
        "  UNION SELECT Refs.reference FROM closure CROSS JOIN Refs ON Refs.referrer = closure.id"
        ") SELECT v.path, coalesce(v.narSize, 0) FROM closure CROSS JOIN ValidPaths v ON v.id = closure.id ORDER BY v.path";
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_database.get(), query, -1, &raw, nullptr) != SQLITE_OK) {
        result.error = u"Cannot query the Nix database: %1"_s.arg(lastError(m_database.get()));
        return result;
    }
    const Statement statement(raw);
    const QByteArray path = storePath.toUtf8();
    sqlite3_bind_text(raw, 1, path.constData(), int(path.size()), SQLITE_TRANSIENT);
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(raw)) == SQLITE_ROW) {
        StorePathInfo info{columnText(raw, 0), sqlite3_column_int64(raw, 1)};
        result.totalNarSize += info.narSize;
        result.paths.append(std::move(info));
    }
    if (status != SQLITE_DONE) {
        result.error = u"Cannot query the Nix database: %1"_s.arg(lastError(m_database.get()));
        result.paths.clear();
        result.totalNarSize = 0;
    } else if (result.paths.isEmpty()) {
        result.error = u"%1 is not a valid path in the Nix database."_s.arg(storePath);
    }
    return result;
}

// Self-references are left out, as a package does not select itself.
References NixStoreDatabase::references(const QString &storePath)
{
    References result;
    if (!open()) {
        result.error = m_error;
        return result;
    }
    static constexpr char query[] =
        "SELECT r.path FROM ValidPaths p"
        " JOIN Refs ON Refs.referrer = p.id JOIN ValidPaths r ON r.id = Refs.reference"
        " WHERE p.path = ?1 AND r.id != p.id ORDER BY r.path";
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_database.get(), query, -1, &raw, nullptr) != SQLITE_OK) {
        result.error = u"Cannot query the Nix database: %1"_s.arg(lastError(m_database.get()));
        return result;
    }
    const Statement statement(raw);
    const QByteArray path = storePath.toUtf8();
    sqlite3_bind_text(raw, 1, path.constData(), int(path.size()), SQLITE_TRANSIENT);
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(raw)) == SQLITE_ROW) {
        result.paths.append(columnText(raw, 0));
    }
    if (status != SQLITE_DONE) {
        result.error = u"Cannot query the Nix database: %1"_s.arg(lastError(m_database.get()));
        result.paths.clear();
        return result;
    }
    if (result.paths.isEmpty()) {
        // No rows: either a path without references, or not a valid path.
        sqlite3_stmt *rawValid = nullptr;
        if (sqlite3_prepare_v2(m_database.get(), "SELECT 1 FROM ValidPaths WHERE path = ?1", -1, &rawValid, nullptr) == SQLITE_OK) {
            const Statement valid(rawValid);
            sqlite3_bind_text(rawValid, 1, path.constData(), int(path.size()), SQLITE_TRANSIENT);
            if (sqlite3_step(rawValid) != SQLITE_ROW) {
                result.error = u"%1 is not a valid path in the Nix database."_s.arg(storePath);
            }
        }
    }
    return result;
}

} // namespace Snowpane::System
