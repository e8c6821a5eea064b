// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixstoredatabase.h"

#include <QScopeGuard>
#include <QUrl>

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <vector>

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
    // A walk in C++ rather than one recursive query: it costs less, and it
    // gives every path's references on the way (a diff needs those of `sw`),
    // where the query gave only paths. One statement per path gives its name,
    // size and references; one read transaction gives one snapshot and one
    // lock instead of one per statement.
    sqlite3_stmt *rawRoot = nullptr;
    sqlite3_stmt *rawPath = nullptr;
    sqlite3_prepare_v2(m_database.get(), "SELECT id FROM ValidPaths WHERE path = ?1", -1, &rawRoot, nullptr);
    const Statement root(rawRoot);
    sqlite3_prepare_v2(m_database.get(),
                       "SELECT v.path, coalesce(v.narSize, 0), r.reference FROM ValidPaths v LEFT JOIN Refs r ON r.referrer = v.id WHERE v.id = ?1",
                       -1,
                       &rawPath,
                       nullptr);
    const Statement pathStatement(rawPath);
    if (!rawRoot || !rawPath || sqlite3_exec(m_database.get(), "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        result.error = u"Cannot query the Nix database: %1"_s.arg(lastError(m_database.get()));
        return result;
    }
    const auto endTransaction = qScopeGuard([this] {
        sqlite3_exec(m_database.get(), "COMMIT", nullptr, nullptr, nullptr);
    });
    const auto fail = [&result, this] {
        result.error = u"Cannot query the Nix database: %1"_s.arg(lastError(m_database.get()));
        result.paths.clear();
        result.referenceStarts.clear();
        result.referenceTargets.clear();
        result.totalNarSize = 0;
        return result;
    };

    const QByteArray path = storePath.toUtf8();
    sqlite3_bind_text(rawRoot, 1, path.constData(), int(path.size()), SQLITE_STATIC);
    const int rootStatus = sqlite3_step(rawRoot);
    if (rootStatus != SQLITE_ROW) {
        if (rootStatus != SQLITE_DONE) {
            return fail();
        }
        result.error = u"%1 is not a valid path in the Nix database."_s.arg(storePath);
        return result;
    }

    // Breadth first; `found` numbers the paths in the order they are met.
    std::vector<sqlite3_int64> ids{sqlite3_column_int64(rawRoot, 0)};
    std::unordered_map<sqlite3_int64, qsizetype> found{{ids.front(), 0}};
    std::vector<std::pair<qsizetype, qsizetype>> edges;
    QList<StorePathInfo> met;
    for (size_t i = 0; i < ids.size(); ++i) {
        sqlite3_reset(rawPath);
        sqlite3_bind_int64(rawPath, 1, ids[i]);
        int status = sqlite3_step(rawPath);
        if (status != SQLITE_ROW) {
            return fail(); // a reference to a path that is not valid: the database is inconsistent
        }
        met.append({columnText(rawPath, 0), sqlite3_column_int64(rawPath, 1)});
        result.totalNarSize += met.last().narSize;
        for (; status == SQLITE_ROW; status = sqlite3_step(rawPath)) {
            if (sqlite3_column_type(rawPath, 2) == SQLITE_NULL) {
                break; // no references
            }
            const auto [entry, isNew] = found.try_emplace(sqlite3_column_int64(rawPath, 2), qsizetype(ids.size()));
            if (isNew) {
                ids.push_back(entry->first);
            }
            edges.emplace_back(qsizetype(i), entry->second);
        }
        if (status != SQLITE_ROW && status != SQLITE_DONE) {
            return fail();
        }
    }

    // Sorted by path, as closures are everywhere; references renumbered to match.
    std::vector<qsizetype> order(ids.size());
    std::iota(order.begin(), order.end(), 0);
    std::ranges::sort(order, [&met](qsizetype a, qsizetype b) {
        return storePathLess(met[a].path, met[b].path);
    });
    std::vector<qsizetype> rank(ids.size());
    result.paths.reserve(met.size());
    for (size_t i = 0; i < order.size(); ++i) {
        rank[size_t(order[i])] = qsizetype(i);
        result.paths.append(std::move(met[order[i]]));
    }
    result.referenceStarts.fill(0, result.paths.size() + 1);
    for (const auto &[from, to] : edges) {
        ++result.referenceStarts[rank[size_t(from)] + 1];
    }
    for (qsizetype i = 0; i < result.paths.size(); ++i) {
        result.referenceStarts[i + 1] += result.referenceStarts[i];
    }
    result.referenceTargets.resize(qsizetype(edges.size()));
    QList<qsizetype> next = result.referenceStarts;
    for (const auto &[from, to] : edges) {
        result.referenceTargets[next[rank[size_t(from)]]++] = rank[size_t(to)];
    }
    for (qsizetype i = 0; i < result.paths.size(); ++i) {
        std::sort(result.referenceTargets.begin() + result.referenceStarts[i], result.referenceTargets.begin() + result.referenceStarts[i + 1]);
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
