// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "catalog.h"

#include "catalogschema.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <string>

using namespace Qt::StringLiterals;

namespace Snowpane::Packages
{

namespace
{

// Where the filters of a query go: {P} on a packages row `p`, {N} on a names
// row `n`. Only the filters a query sets are written, because SQLite would
// otherwise evaluate the licence and installed subqueries for every row.
#define SNOWPANE_IS_EXACT "(p.attr_key = ?1 OR p.pname_key = ?1)"
#define SNOWPANE_IS_PREFIX "((p.attr_key >= ?1 AND p.attr_key < ?2) OR (p.pname_key >= ?1 AND p.pname_key < ?2))"

// Exact attribute first, then exact pname; shorter attribute paths (the
// top-level package rather than a set's member) before longer ones.
constexpr const char *exactSql =
    "SELECT p.id, 0 FROM packages p WHERE " SNOWPANE_IS_EXACT " {P} ORDER BY p.attr_key = ?1 DESC, length(p.attr), p.attr LIMIT ?7";
// The shorter the name that has the prefix, the closer it is to what was
// typed. The index on `names` leads with that length: SQLite skips through it
// one length at a time, reads the key range within each, and sorts only that
// group by attribute before handing it out, so rows come in rank order and
// stepping stops after a page. A package can match twice (attribute and
// pname); search() keeps its first row.
constexpr const char *prefixSql =
    "SELECT n.id, n.closeness FROM names n INDEXED BY names_by_closeness"
    " WHERE n.key >= ?1 AND n.key < ?2 AND n.key != ?1 {N} ORDER BY n.closeness, n.attr";
// Ranked inside FTS5 alone, without joining each match to its package: the
// join and the filters run per candidate, only until the page is full. Name
// matches come from the index of names alone, so their BM25 weighs the names
// only (a long description does not push a name match down), and finding
// them does not read every description that has the word.
constexpr const char *nameTextSql = "SELECT rowid, rank FROM names_fts WHERE names_fts MATCH ?3 ORDER BY rank, rowid";
constexpr const char *fullTextSql = "SELECT rowid, rank FROM packages_fts WHERE packages_fts MATCH ?3 ORDER BY rank, rowid";
// BM25 costs a lookup per matching row; past this many matches (a common
// word or short prefix in descriptions) the description-only matches are
// listed by attribute path instead, so that a keystroke stays fast.
constexpr qint64 rankedMatchLimit = 1000;
constexpr const char *fullTextCountSql = "SELECT count(*) FROM (SELECT 1 FROM packages_fts WHERE packages_fts MATCH ?3 LIMIT 1001)";
constexpr const char *fullTextUnrankedSql = "SELECT rowid, 0 FROM packages_fts WHERE packages_fts MATCH ?3 ORDER BY rowid";
constexpr const char *candidateSql = "SELECT 1 FROM packages p WHERE p.id = ?8 AND NOT " SNOWPANE_IS_PREFIX " {P}";
constexpr const char *allSql = "SELECT p.id, 0 FROM packages p WHERE 1 {P} ORDER BY p.attr LIMIT ?7";

#define SNOWPANE_COLUMNS                                                                                                                                       \
    "SELECT id, attr, name, pname, version, description, main_program, homepage, platforms, unfree, broken, insecure, available, long_description"             \
    " FROM packages "

QByteArray asciiLower(const QString &text)
{
    QByteArray key = text.trimmed().toUtf8();
    for (char &c : key) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
    return key;
}

} // namespace

Catalog::~Catalog() = default;

std::unique_ptr<Catalog> Catalog::open(const QString &path, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return std::unique_ptr<Catalog>();
    };
    if (!QFileInfo::exists(path)) {
        return fail(u"there is no package catalog at %1 yet; import one with: snowpane-cli packages import"_s.arg(path));
    }
    std::unique_ptr<Catalog> catalog(new Catalog);
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    catalog->m_database.reset(raw);
    if (rc != SQLITE_OK) {
        return fail(u"cannot open the package catalog %1: %2"_s.arg(path, Sql::lastError(raw)));
    }
    QString sqlError;
    Sql::Statement info = Sql::Statement::prepare(raw, "SELECT key, value FROM info", &sqlError);
    if (!info.isValid()) {
        return fail(u"%1 is not a package catalog: %2"_s.arg(path, sqlError));
    }
    Info &i = catalog->m_info;
    while (info.step() == SQLITE_ROW) {
        const QString key = info.text(0);
        const QString value = info.text(1);
        if (key == u"schema"_s) {
            i.schema = value.toInt();
        } else if (key == u"packages"_s) {
            i.packages = value.toLongLong();
        } else if (key == u"source"_s) {
            i.source = value;
        } else if (key == u"fingerprint"_s) {
            i.fingerprint = value;
        } else if (key == u"origin"_s) {
            i.origin = value;
        } else if (key == u"format"_s) {
            i.format = value;
        } else if (key == u"imported"_s) {
            i.imported = value;
        }
    }
    if (i.schema != Schema::version) {
        return fail(u"the package catalog %1 has schema %2, this Snowpane reads %3; import it again"_s.arg(path).arg(i.schema).arg(Schema::version));
    }
    // The temporary table lives in the connection's own temp database, which
    // stays writable though the catalog is opened read-only.
    if (!Sql::exec(raw, "CREATE TEMP TABLE installed(id INTEGER PRIMARY KEY)", &sqlError) || !catalog->prepare(&sqlError)) {
        return fail(u"cannot read the package catalog %1: %2"_s.arg(path, sqlError));
    }
    return catalog;
}

bool Catalog::prepare(QString *error)
{
    sqlite3 *db = m_database.get();
    m_nameText = Sql::Statement::prepare(db, nameTextSql, error);
    m_fullText = Sql::Statement::prepare(db, fullTextSql, error);
    m_fullTextCount = Sql::Statement::prepare(db, fullTextCountSql, error);
    m_fullTextUnranked = Sql::Statement::prepare(db, fullTextUnrankedSql, error);
    m_byId = Sql::Statement::prepare(db, SNOWPANE_COLUMNS "WHERE id = ?1", error);
    m_byAttr = Sql::Statement::prepare(db, SNOWPANE_COLUMNS "WHERE attr = ?1", error);
    m_byPname = Sql::Statement::prepare(db, SNOWPANE_COLUMNS "WHERE pname_key = ?1 ORDER BY attr", error);
    m_licenses = Sql::Statement::prepare(db, "SELECT spdx_id, short_name, name, free FROM licenses WHERE package = ?1 ORDER BY position", error);
    return m_nameText.isValid() && m_fullText.isValid() && m_fullTextCount.isValid() && m_fullTextUnranked.isValid() && m_byId.isValid() && m_byAttr.isValid()
        && m_byPname.isValid() && m_licenses.isValid();
}

Package Catalog::readPackage(Sql::Statement &s, bool withLongDescription)
{
    Package p;
    p.attrPath = s.text(1);
    p.name = s.text(2);
    p.pname = s.text(3);
    p.version = s.text(4);
    p.description = s.text(5);
    p.mainProgram = s.text(6);
    p.homepage = s.text(7);
    const QString platforms = s.text(8);
    p.platforms = platforms.isEmpty() ? QStringList() : platforms.split(u' ');
    p.unfree = s.integer(9) != 0;
    p.broken = s.integer(10) != 0;
    p.insecure = s.integer(11) != 0;
    p.available = s.integer(12) != 0;
    if (withLongDescription) {
        p.longDescription = s.text(13);
    }
    readLicenses(s.integer(0), &p);
    return p;
}

void Catalog::readLicenses(qint64 id, Package *package)
{
    m_licenses.bind(1, id);
    while (m_licenses.step() == SQLITE_ROW) {
        package->licenses.append({m_licenses.text(0), m_licenses.text(1), m_licenses.text(2), m_licenses.integer(3) != 0});
    }
    m_licenses.reset();
}

std::optional<Package> Catalog::package(const QString &attrPath)
{
    m_byAttr.bind(1, attrPath);
    std::optional<Package> result;
    if (m_byAttr.step() == SQLITE_ROW) {
        result = readPackage(m_byAttr, true);
    }
    m_byAttr.reset();
    return result;
}

QList<Package> Catalog::packagesWithPname(const QString &pname)
{
    QList<Package> packages;
    const QByteArray key = asciiLower(pname);
    m_byPname.bind(1, std::string_view(key.constData(), std::size_t(key.size())));
    while (m_byPname.step() == SQLITE_ROW) {
        packages.append(readPackage(m_byPname, false));
    }
    m_byPname.reset();
    return packages;
}

bool Catalog::setInstalled(const QStringList &attrPaths, QString *error)
{
    sqlite3 *db = m_database.get();
    if (!Sql::exec(db, "DELETE FROM temp.installed", error)) {
        return false;
    }
    Sql::Statement insert = Sql::Statement::prepare(db, "INSERT OR IGNORE INTO temp.installed(id) SELECT id FROM packages WHERE attr = ?1", error);
    if (!insert.isValid() || !Sql::exec(db, "BEGIN", error)) {
        return false;
    }
    for (const QString &attr : attrPaths) {
        insert.bind(1, attr);
        const int rc = insert.step();
        insert.reset();
        if (rc != SQLITE_DONE) {
            if (error) {
                *error = Sql::lastError(db);
            }
            (void)Sql::exec(db, "ROLLBACK", nullptr);
            return false;
        }
    }
    return Sql::exec(db, "COMMIT", error);
}

QString Catalog::fullTextExpression(const QString &text)
{
    QStringList words;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty()) {
            words.append(word.toLower());
            word.clear();
        }
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            word.append(c);
        } else {
            flush();
        }
    }
    flush();
    // One or two letters as a prefix match a large part of the index (and
    // must all be ranked) for nothing the name tiers do not already show:
    // short words are matched whole, and at least one word must be longer.
    constexpr qsizetype minimumPrefix = 3;
    if (std::none_of(words.cbegin(), words.cend(), [](const QString &w) {
            return w.size() >= minimumPrefix;
        })) {
        return {};
    }
    QStringList terms;
    for (const QString &w : std::as_const(words)) {
        terms.append(w.size() < minimumPrefix ? u"\"%1\""_s.arg(w) : u"\"%1\"*"_s.arg(w));
    }
    return terms.join(u' ');
}

bool Catalog::runTier(Sql::Statement &s,
                      SearchHit::Match match,
                      const QByteArray &key,
                      const QByteArray &keyEnd,
                      const QString &fts,
                      const SearchQuery &query,
                      qsizetype wanted,
                      QList<std::pair<qint64, SearchHit>> *out,
                      QSet<qint64> *seen,
                      Sql::Statement *check)
{
    if (check) {
        check->bind(1, std::string_view(key.constData(), std::size_t(key.size())));
        check->bind(2, std::string_view(keyEnd.constData(), std::size_t(keyEnd.size())));
        check->bind(4, qint64(query.unfree));
        check->bind(5, query.license.trimmed());
        check->bind(6, qint64(query.installedOnly));
    }
    s.bind(1, std::string_view(key.constData(), std::size_t(key.size())));
    s.bind(2, std::string_view(keyEnd.constData(), std::size_t(keyEnd.size())));
    s.bind(3, fts);
    s.bind(4, qint64(query.unfree));
    s.bind(5, query.license.trimmed());
    s.bind(6, qint64(query.installedOnly));
    s.bind(7, qint64(wanted));
    // Rows are stepped lazily: a tier read in rank order stops after the page.
    int rc = SQLITE_DONE;
    while (out->size() < wanted && (rc = s.step()) == SQLITE_ROW) {
        const qint64 id = s.integer(0);
        if (seen->contains(id)) {
            continue;
        }
        if (check) {
            check->bind(8, id);
            const bool keep = check->step() == SQLITE_ROW;
            check->resetKeepingBindings();
            if (!keep) {
                continue;
            }
        }
        seen->insert(id);
        SearchHit hit;
        hit.match = match;
        hit.score = s.real(1);
        out->append({id, hit});
    }
    s.reset();
    if (check) {
        check->reset();
    }
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

Sql::Statement *Catalog::filtered(const char *sql, const SearchQuery &query)
{
    auto filters = [&query](const char *row) {
        std::string clause;
        const std::string r(row);
        if (query.unfree != SearchQuery::Unfree::Any) {
            clause += " AND " + r + ".unfree = " + (query.unfree == SearchQuery::Unfree::UnfreeOnly ? "1" : "0");
        }
        if (!query.license.trimmed().isEmpty()) {
            clause += " AND EXISTS (SELECT 1 FROM licenses l WHERE l.package = " + r
                + ".id AND (l.spdx_id = ?5 COLLATE NOCASE OR l.short_name = ?5 COLLATE NOCASE OR l.name = ?5 COLLATE NOCASE))";
        }
        if (query.installedOnly) {
            clause += " AND " + r + ".id IN (SELECT id FROM temp.installed)";
        }
        return clause;
    };
    std::string text(sql);
    for (const auto &[placeholder, row] : {std::pair{"{P}", "p"}, std::pair{"{N}", "n"}}) {
        const std::size_t at = text.find(placeholder);
        if (at != std::string::npos) {
            text.replace(at, 3, filters(row));
        }
    }
    auto it = m_filtered.find(text);
    if (it == m_filtered.end()) {
        Sql::Statement statement = Sql::Statement::prepare(m_database.get(), text, nullptr);
        if (!statement.isValid()) {
            return nullptr;
        }
        it = m_filtered.emplace(text, std::move(statement)).first;
    }
    return &it->second;
}

SearchResult Catalog::search(const SearchQuery &query)
{
    SearchResult result;
    const qsizetype limit = qMax<qsizetype>(query.limit, 0);
    const qsizetype offset = qMax<qsizetype>(query.offset, 0);
    // One more than the page, to know whether another page follows.
    const qsizetype wanted = offset + limit + 1;
    const QByteArray key = asciiLower(query.text);
    // Every UTF-8 string that starts with the key sorts below the key followed by U+10FFFF.
    const QByteArray keyEnd = key + QByteArray("\xf4\x8f\xbf\xbf");
    QList<std::pair<qint64, SearchHit>> ids;
    QSet<qint64> seen;
    Sql::Statement *all = filtered(allSql, query);
    Sql::Statement *exact = filtered(exactSql, query);
    Sql::Statement *prefix = filtered(prefixSql, query);
    Sql::Statement *candidate = filtered(candidateSql, query);
    bool ok = all && exact && prefix && candidate;
    if (ok && key.isEmpty()) {
        ok = runTier(*all, SearchHit::Match::All, key, keyEnd, {}, query, wanted, &ids, &seen);
    } else if (ok) {
        ok = runTier(*exact, SearchHit::Match::Exact, key, keyEnd, {}, query, wanted, &ids, &seen);
        if (ok && ids.size() < wanted) {
            ok = runTier(*prefix, SearchHit::Match::Prefix, key, keyEnd, {}, query, wanted, &ids, &seen);
        }
        const QString fts = fullTextExpression(query.text);
        if (ok && ids.size() < wanted && !fts.isEmpty()) {
            // Matches in the names first (the boost), each group by BM25.
            ok = runTier(m_nameText, SearchHit::Match::FullText, key, keyEnd, fts, query, wanted, &ids, &seen, candidate);
        }
        if (ok && ids.size() < wanted && !fts.isEmpty()) {
            m_fullTextCount.bind(3, fts);
            const qint64 matches = m_fullTextCount.step() == SQLITE_ROW ? m_fullTextCount.integer(0) : 0;
            m_fullTextCount.reset();
            Sql::Statement &statement = matches <= rankedMatchLimit ? m_fullText : m_fullTextUnranked;
            ok = runTier(statement, SearchHit::Match::FullText, key, keyEnd, fts, query, wanted, &ids, &seen, candidate);
        }
    }
    if (!ok) {
        result.error = u"search failed: %1"_s.arg(Sql::lastError(m_database.get()));
        return result;
    }
    result.hasMore = ids.size() > offset + limit;
    for (qsizetype i = offset; i < qMin(ids.size(), offset + limit); ++i) {
        auto &[id, hit] = ids[i];
        m_byId.bind(1, id);
        if (m_byId.step() == SQLITE_ROW) {
            hit.package = readPackage(m_byId, false);
            result.hits.append(std::move(hit));
        }
        m_byId.reset();
    }
    mapAfterFirstSearch();
    return result;
}

void Catalog::mapAfterFirstSearch()
{
    // Later searches read pages through a memory map rather than one read()
    // and copy each: a keystroke touches index, full-text and package pages
    // all over the file, and the kernel reads ahead around each page first
    // touched, so a cold cache warms in a few large reads. The first search
    // after opening reads plainly, only the pages it needs, so that its
    // results are not held up by megabytes of read-ahead (8 MiB per page
    // here). The import replaces the file by renaming another over it, so
    // the mapped one never shrinks under us.
    if (!m_mapped) {
        m_mapped = true;
        (void)Sql::exec(m_database.get(), "PRAGMA mmap_size = 1073741824", nullptr);
    }
}

} // namespace Snowpane::Packages
