// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "package.h"
#include "sqlite.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace Snowpane::Packages
{

/// A search of the catalog: text, filters, and one page.
struct SearchQuery {
    enum class Unfree {
        Any,
        FreeOnly,
        UnfreeOnly,
    };

    QString text;
    Unfree unfree = Unfree::Any;
    /// An SPDX id, nixpkgs short name or full name, compared without case; empty for any.
    QString license;
    /// Only packages marked installed with Catalog::setInstalled().
    bool installedOnly = false;
    qsizetype offset = 0;
    qsizetype limit = 50;
};

/// One result: the package (without its long description) and why it matched.
struct SearchHit {
    enum class Match {
        /// The attribute path or pname is the query.
        Exact,
        /// The attribute path or pname starts with the query.
        Prefix,
        /// Full-text match; `score` is BM25 (lower is better).
        FullText,
        /// An empty query lists everything by attribute path.
        All,
    };

    Package package;
    Match match = Match::All;
    double score = 0;
};

struct SearchResult {
    QList<SearchHit> hits;
    /// More results follow this page.
    bool hasMore = false;
    QString error;
};

/**
 * A read-only view of one catalog cache. Search ranks exact attribute or
 * pname matches first, then prefixes (shorter names first), then full-text
 * matches: those with every word in the attribute path or pname before the
 * others, each group by BM25, ties in import order, so pages are stable. Name
 * matches are ranked by BM25 over the names alone; the others over names and
 * description, names weighted eight times the description. The others are
 * listed in import order instead when the query matches more than 1,000
 * packages, since BM25 costs a lookup per match. The tiers are evaluated
 * lazily: a page full of prefix matches never runs the full-text query. One
 * Catalog is used by one thread at a time.
 */
class Catalog
{
public:
    struct Info {
        int schema = 0;
        qint64 packages = 0;
        QString source;
        QString fingerprint;
        QString origin;
        QString format;
        QString imported;
    };

    ~Catalog();

    /// Opens the cache at @p path read-only; null with @p error set when it is missing or not a catalog of this schema.
    [[nodiscard]] static std::unique_ptr<Catalog> open(const QString &path, QString *error);

    [[nodiscard]] const Info &info() const
    {
        return m_info;
    }
    [[nodiscard]] std::optional<Package> package(const QString &attrPath);
    /// Packages whose pname is @p pname, by attribute path.
    [[nodiscard]] QList<Package> packagesWithPname(const QString &pname);
    [[nodiscard]] SearchResult search(const SearchQuery &query);
    /// Marks the packages that SearchQuery::installedOnly keeps; false with @p error on failure.
    [[nodiscard]] bool setInstalled(const QStringList &attrPaths, QString *error = nullptr);

    /// The FTS5 expression search() uses for @p text: each word as a prefix, all required.
    [[nodiscard]] static QString fullTextExpression(const QString &text);

private:
    Catalog() = default;
    [[nodiscard]] bool prepare(QString *error);
    [[nodiscard]] Sql::Statement *filtered(const char *sql, const SearchQuery &query);
    [[nodiscard]] Package readPackage(Sql::Statement &statement, bool withLongDescription);
    void readLicenses(qint64 id, Package *package);
    void mapAfterFirstSearch();
    [[nodiscard]] bool runTier(Sql::Statement &statement,
                               SearchHit::Match match,
                               const QByteArray &key,
                               const QByteArray &keyEnd,
                               const QString &fts,
                               const SearchQuery &query,
                               qsizetype wanted,
                               QList<std::pair<qint64, SearchHit>> *out,
                               QSet<qint64> *seen,
                               Sql::Statement *check = nullptr);

    Sql::Database m_database;
    Info m_info;
    bool m_mapped = false;
    Sql::Statement m_nameText;
    Sql::Statement m_fullText;
    /// Statements with the filters of a query written in, by their text.
    std::map<std::string, Sql::Statement> m_filtered;
    Sql::Statement m_fullTextCount;
    Sql::Statement m_fullTextUnranked;
    Sql::Statement m_byId;
    Sql::Statement m_byAttr;
    Sql::Statement m_byPname;
    Sql::Statement m_licenses;
};

} // namespace Snowpane::Packages
