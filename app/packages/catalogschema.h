// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace Snowpane::Packages::Schema
{

/// Bumped whenever the tables change; a cache with another version is imported again.
inline constexpr int version = 3;

/**
 * Tables made before the packages are inserted. `attr_key` and `pname_key`
 * hold the ASCII-lowercased names that exact and prefix matches compare by
 * index range; the unique index on `attr` exists from the start so a
 * duplicate attribute fails the import at once.
 */
inline constexpr const char *createTables = R"sql(
CREATE TABLE info(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE packages(
    id INTEGER PRIMARY KEY,
    attr TEXT NOT NULL,
    name TEXT NOT NULL,
    pname TEXT NOT NULL,
    version TEXT NOT NULL,
    description TEXT NOT NULL,
    long_description TEXT NOT NULL,
    main_program TEXT NOT NULL,
    homepage TEXT NOT NULL,
    platforms TEXT NOT NULL,
    unfree INTEGER NOT NULL,
    broken INTEGER NOT NULL,
    insecure INTEGER NOT NULL,
    available INTEGER NOT NULL,
    attr_key TEXT NOT NULL,
    pname_key TEXT NOT NULL
);
CREATE UNIQUE INDEX packages_attr ON packages(attr);
CREATE TABLE licenses(
    package INTEGER NOT NULL,
    position INTEGER NOT NULL,
    spdx_id TEXT NOT NULL,
    short_name TEXT NOT NULL,
    name TEXT NOT NULL,
    free INTEGER NOT NULL,
    PRIMARY KEY(package, position)
) WITHOUT ROWID;
)sql";

/**
 * Indexes and the full-text index, built once after all rows are in: much
 * faster than row by row. `names` holds each package's attribute path and
 * pname (once when they are equal) with the length that ranks a prefix match.
 * Its one index leads with that length, so a prefix search reads it as one
 * key range per length, shortest first, and stops after a page: a one-letter
 * query neither sorts a third of the catalog nor walks past every shorter
 * name (a set's members, such as `emacsPackages.*`, all rank late). The index
 * covers every column the prefix tier reads, `unfree` included, so it never
 * visits the wide package rows.
 *
 * Two full-text indexes: `names_fts` over the attribute path and pname alone
 * finds and ranks name matches without reading the long lists of packages
 * whose description has the word, and `packages_fts` over all three columns
 * serves the rest. Both store prefixes of up to six letters (eight for names,
 * which are few) as their own lists, so a prefix typed so far is read, not
 * merged from every word that starts with it; a query of several words then
 * intersects stored lists.
 */
inline constexpr const char *createIndexes = R"sql(
CREATE INDEX packages_attr_key ON packages(attr_key);
CREATE INDEX packages_pname_key ON packages(pname_key, version);
CREATE TABLE names(key TEXT NOT NULL, closeness INTEGER NOT NULL, attr TEXT NOT NULL, id INTEGER NOT NULL, unfree INTEGER NOT NULL);
INSERT INTO names SELECT attr_key, length(attr), attr, id, unfree FROM packages;
INSERT INTO names SELECT pname_key, length(pname), attr, id, unfree FROM packages WHERE pname_key != attr_key;
CREATE INDEX names_by_closeness ON names(closeness, key, attr, id, unfree);
CREATE VIRTUAL TABLE names_fts USING fts5(
    attr, pname,
    content='packages', content_rowid='id',
    prefix='3 4 5 6 7 8',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO names_fts(names_fts) VALUES('rebuild');
INSERT INTO names_fts(names_fts, rank) VALUES('rank', 'bm25(8.0, 8.0)');
CREATE VIRTUAL TABLE packages_fts USING fts5(
    attr, pname, description,
    content='packages', content_rowid='id',
    prefix='3 4 5 6',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO packages_fts(packages_fts) VALUES('rebuild');
INSERT INTO packages_fts(packages_fts, rank) VALUES('rank', 'bm25(8.0, 8.0, 1.0)');
)sql";

inline constexpr const char *insertPackage = R"sql(
INSERT INTO packages(attr, name, pname, version, description, long_description, main_program, homepage,
                     platforms, unfree, broken, insecure, available, attr_key, pname_key)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
)sql";

inline constexpr const char *insertLicense = "INSERT INTO licenses(package, position, spdx_id, short_name, name, free) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

} // namespace Snowpane::Packages::Schema
