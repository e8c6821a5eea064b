// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixstoredatabase.h"
#include "storepathidindex.h"

#include <QScopeGuard>
#include <QUrl>

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>
#include <type_traits>
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

/// A store path's id and its position in a closure walk.
struct IdAt {
    qint64 id = 0;
    qint32 position = 0;
};

// Ids no further apart than this are read by one range scan: the rows of
// the ids between them, read and skipped, cost less than a new search from
// the B-tree's root with its reset, binds and final step. A path has about
// four references, each a row of Refs; it has one row of ValidPaths.
constexpr qint64 maxRefsGap = 3;
constexpr qint64 maxPathsGap = 8;

/**
 * Where the rows of one range scan go. The SQL function snowpane_row(sink,
 * id, columns...) hands each row to it from inside SQLite's own loop: a
 * row returned through sqlite3_step() and read with sqlite3_column_*()
 * cost about 85 ns, a call of this function about 60, and a closure is some
 * 15,000 rows. The sink is passed as a bound pointer, so it lives only for
 * the statement that it is bound to.
 */
struct RowSink {
    const IdAt *first = nullptr;
    const IdAt *at = nullptr;
    const IdAt *last = nullptr;
    void *use = nullptr;
    void (*call)(void *use, const IdAt &wanted, sqlite3_value **columns) = nullptr;
};
constexpr char rowSinkType[] = "snowpane_row_sink";

void rowFunction(sqlite3_context *context, int count, sqlite3_value **values)
{
    auto *sink = static_cast<RowSink *>(sqlite3_value_pointer(values[0], rowSinkType));
    if (!sink || count < 2) {
        sqlite3_result_error(context, "snowpane_row() needs a row sink and an id", -1);
        return;
    }
    const qint64 id = sqlite3_value_int64(values[1]);
    // Rows come in id order, as the index holds them; should they not, the
    // id is searched for instead.
    if (sink->at == sink->last || sink->at->id > id) {
        sink->at = std::lower_bound(sink->first, sink->last, id, [](const IdAt &wanted, qint64 value) {
            return wanted.id < value;
        });
    }
    while (sink->at != sink->last && sink->at->id < id) {
        ++sink->at;
    }
    if (sink->at != sink->last && sink->at->id == id) {
        sink->call(sink->use, *sink->at, values + 2);
    }
}

/**
 * Runs @p statement, which calls snowpane_row(?3, id, columns...) for each
 * row of the ids from ?1 to ?2, over runs of the sorted @p wanted, and calls
 * @p use with the wanted id and the columns of every row whose id is
 * wanted. Closures are registered in batches, so their ids come in runs; a
 * range scan walks one B-tree cursor along a run, where a search per id
 * started again from the root. False on an error.
 */
template<typename Use>
bool forEachRow(sqlite3_stmt *statement, const std::vector<IdAt> &wanted, qint64 maxGap, Use &&use)
{
    RowSink sink;
    sink.use = &use;
    sink.call = [](void *use, const IdAt &wanted, sqlite3_value **columns) {
        (*static_cast<std::remove_reference_t<Use> *>(use))(wanted, columns);
    };
    for (auto first = wanted.begin(); first != wanted.end();) {
        auto last = std::next(first);
        while (last != wanted.end() && last->id - std::prev(last)->id <= maxGap) {
            ++last;
        }
        sink.first = sink.at = &*first;
        sink.last = sink.first + (last - first);
        sqlite3_reset(statement);
        sqlite3_bind_int64(statement, 1, first->id);
        sqlite3_bind_int64(statement, 2, std::prev(last)->id);
        sqlite3_bind_pointer(statement, 3, &sink, rowSinkType, nullptr);
        int status = SQLITE_ROW;
        while ((status = sqlite3_step(statement)) == SQLITE_ROW) { }
        sqlite3_reset(statement); // the statement holds no pointer to the sink beyond this run
        if (status != SQLITE_DONE) {
            return false;
        }
        first = last;
    }
    return true;
}

/**
 * The positions of @p spans (into the UTF-8 @p names) in QString's order,
 * which is byte order for ASCII, as store paths are. Each path is keyed by
 * the eight bytes after the prefix all share ("/nix/store/"), which decide
 * almost every comparison with one integer compare.
 */
std::vector<qint32> pathOrder(const std::string &names, const std::vector<std::pair<qsizetype, qsizetype>> &spans)
{
    std::vector<qint32> order(spans.size());
    std::iota(order.begin(), order.end(), 0);
    if (spans.empty()) {
        return order;
    }
    const auto view = [&names](const std::pair<qsizetype, qsizetype> &span) {
        return std::string_view(names).substr(size_t(span.first), size_t(span.second));
    };
    if (std::ranges::any_of(names, [](char c) {
            return static_cast<unsigned char>(c) >= 0x80;
        })) {
        // Not a store path Nix accepts; UTF-16 order differs from UTF-8's for some characters.
        std::vector<QString> paths;
        paths.reserve(spans.size());
        for (const auto &span : spans) {
            paths.push_back(QString::fromUtf8(view(span)));
        }
        std::ranges::sort(order, [&paths](qint32 a, qint32 b) {
            return storePathLess(paths[size_t(a)], paths[size_t(b)]);
        });
        return order;
    }
    const std::string_view first = view(spans.front());
    size_t shared = first.size();
    for (const auto &span : spans) {
        const std::string_view name = view(span);
        const size_t common = std::min(shared, name.size());
        shared = 0;
        while (shared < common && name[shared] == first[shared]) {
            ++shared;
        }
    }
    struct Keyed {
        quint64 key;
        qint32 position;
    };
    std::vector<Keyed> keyed(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) {
        const std::string_view rest = view(spans[i]).substr(shared);
        quint64 key = 0;
        for (size_t j = 0; j < sizeof key; ++j) {
            key = (key << 8) | (j < rest.size() ? static_cast<unsigned char>(rest[j]) : 0);
        }
        keyed[i] = {key, qint32(i)};
    }
    std::ranges::sort(keyed, [&](const Keyed &a, const Keyed &b) {
        return a.key != b.key ? a.key < b.key : view(spans[size_t(a.position)]) < view(spans[size_t(b.position)]);
    });
    for (size_t i = 0; i < keyed.size(); ++i) {
        order[i] = keyed[i].position;
    }
    return order;
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
    // A closure of 3,000 paths reads about 1.2 MB of pages. SQLite's 2 MB
    // page cache held one closure but not the two that a pooled connection
    // alternates between in diffs, so their pages were read again from the
    // system each time (a closure took 3.5 ms instead of 1.7). The cache
    // grows only as pages are read, so this costs memory only where used.
    sqlite3_exec(database.get(), "PRAGMA cache_size = -8192", nullptr, nullptr, nullptr);
    // snowpane_row(), for the closure walk (see RowSink). Direct only: SQL
    // stored in the database (triggers, views) cannot call it.
    if (sqlite3_create_function_v2(database.get(), "snowpane_row", -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr, rowFunction, nullptr, nullptr, nullptr)
        != SQLITE_OK) {
        m_error = u"Cannot read the Nix database %1: %2"_s.arg(m_path, lastError(database.get()));
        return false;
    }
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
    // A walk in C++ rather than one recursive query: it costs less (a
    // recursive CTE took two to three times as long), and it gives every
    // path's references on the way (a diff needs those of `sw`). Ids are read
    // in sorted runs by range scans (see forEachRun); one read transaction
    // gives one snapshot and one lock instead of one per statement.
    sqlite3_stmt *rawRoot = nullptr;
    sqlite3_stmt *rawRefs = nullptr;
    sqlite3_stmt *rawPaths = nullptr;
    sqlite3_prepare_v2(m_database.get(), "SELECT id FROM ValidPaths WHERE path = ?1", -1, &rawRoot, nullptr);
    const Statement root(rawRoot);
    sqlite3_prepare_v2(m_database.get(),
                       "SELECT count(snowpane_row(?3, referrer, reference)) FROM Refs WHERE referrer BETWEEN ?1 AND ?2",
                       -1,
                       &rawRefs,
                       nullptr);
    const Statement refs(rawRefs);
    sqlite3_prepare_v2(m_database.get(),
                       "SELECT count(snowpane_row(?3, id, path, coalesce(narSize, 0))) FROM ValidPaths WHERE id BETWEEN ?1 AND ?2",
                       -1,
                       &rawPaths,
                       nullptr);
    const Statement pathRows(rawPaths);
    if (!rawRoot || !rawRefs || !rawPaths || sqlite3_exec(m_database.get(), "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
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

    // Breadth first, one level at a time, so that each level's ids can be
    // read in sorted runs; a path's position is the order it was met in.
    std::vector<qint64> ids{sqlite3_column_int64(rawRoot, 0)};
    StorePathIdIndex positions;
    positions.tryInsert(ids.front(), 0);
    std::vector<std::pair<qint32, qint32>> edges;
    std::vector<IdAt> level;
    for (size_t levelStart = 0; levelStart < ids.size();) {
        level.clear();
        for (size_t i = levelStart; i < ids.size(); ++i) {
            level.push_back({ids[i], qint32(i)});
        }
        levelStart = ids.size();
        std::ranges::sort(level, {}, &IdAt::id);
        const bool read = forEachRow(rawRefs, level, maxRefsGap, [&](const IdAt &referrer, sqlite3_value **columns) {
            const qint64 reference = sqlite3_value_int64(columns[0]);
            const auto [position, isNew] = positions.tryInsert(reference, qint32(ids.size()));
            if (isNew) {
                ids.push_back(reference);
            }
            edges.emplace_back(referrer.position, position);
        });
        if (!read) {
            return fail();
        }
    }

    // Names and sizes in id order, kept as UTF-8 until the order is known.
    std::vector<IdAt> byId(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        byId[i] = {ids[i], qint32(i)};
    }
    std::ranges::sort(byId, {}, &IdAt::id);
    std::string names;
    names.reserve(ids.size() * 64);
    std::vector<std::pair<qsizetype, qsizetype>> spans(ids.size(), {0, -1});
    std::vector<qint64> sizes(ids.size());
    const bool read = forEachRow(rawPaths, byId, maxPathsGap, [&](const IdAt &row, sqlite3_value **columns) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(columns[0]));
        const int length = sqlite3_value_bytes(columns[0]);
        spans[size_t(row.position)] = {qsizetype(names.size()), length};
        names.append(text, size_t(length));
        sizes[size_t(row.position)] = sqlite3_value_int64(columns[1]);
    });
    if (!read || std::ranges::any_of(spans, [](const auto &span) {
            return span.second < 0; // a reference to a path that is not valid: the database is inconsistent
        })) {
        return fail();
    }

    // Sorted by path, as closures are everywhere; references renumbered to match.
    const std::vector<qint32> order = pathOrder(names, spans);
    std::vector<qint32> rank(ids.size());
    result.paths.reserve(qsizetype(ids.size()));
    for (size_t i = 0; i < order.size(); ++i) {
        const auto [start, length] = spans[size_t(order[i])];
        rank[size_t(order[i])] = qint32(i);
        result.paths.append({QString::fromUtf8(names.data() + start, length), sizes[size_t(order[i])]});
        result.totalNarSize += sizes[size_t(order[i])];
    }
    // References as rows by referrer, each ascending: the edges are bucketed
    // by target, then dealt out to their referrers in target order, which
    // takes two passes and no sort.
    const size_t count = order.size();
    std::vector<qint32> targetStarts(count + 1, 0);
    result.referenceStarts.fill(0, qsizetype(count) + 1);
    qsizetype *starts = result.referenceStarts.data();
    for (const auto &[from, to] : edges) {
        ++starts[rank[size_t(from)] + 1];
        ++targetStarts[size_t(rank[size_t(to)]) + 1];
    }
    for (size_t i = 0; i < count; ++i) {
        starts[i + 1] += starts[i];
        targetStarts[i + 1] += targetStarts[i];
    }
    std::vector<qint32> referrers(edges.size());
    std::vector<qint32> nextReferrer(targetStarts.begin(), targetStarts.end() - 1);
    for (const auto &[from, to] : edges) {
        referrers[size_t(nextReferrer[size_t(rank[size_t(to)])]++)] = rank[size_t(from)];
    }
    result.referenceTargets.resize(qsizetype(edges.size()));
    qsizetype *targets = result.referenceTargets.data();
    std::vector<qsizetype> nextTarget(starts, starts + count);
    for (size_t to = 0; to < count; ++to) {
        for (qint32 k = targetStarts[to]; k < targetStarts[to + 1]; ++k) {
            targets[nextTarget[size_t(referrers[size_t(k)])]++] = qsizetype(to);
        }
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
