// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "catalog.h"

#include <QList>
#include <QString>

#include <memory>

/** A package as a list row shows it: names, the licence in words, the flags. */
struct PackageRow {
    QString attrPath;
    QString pname;
    QString version;
    QString description;
    /// SPDX ids (or names) of the licences, joined.
    QString license;
    QString homepage;
    bool unfree = false;
    bool broken = false;
    bool insecure = false;

    [[nodiscard]] static PackageRow from(const Snowpane::Packages::Package &package);
};

/** One page of results for the search numbered `serial`. */
struct PackageSearchPage {
    int serial = 0;
    qsizetype offset = 0;
    QList<PackageRow> rows;
    bool hasMore = false;
    QString error;
};

/**
 * Runs searches for PackageSearchModel on its worker thread, with a catalog
 * connection of its own that it opens again when the catalog is replaced.
 */
class PackageSearchWorker
{
public:
    /** Searches the catalog at @p catalogPath, reopened when @p revision differs from the last call's. */
    [[nodiscard]] PackageSearchPage search(const QString &catalogPath, int revision, const Snowpane::Packages::SearchQuery &query);

private:
    std::unique_ptr<Snowpane::Packages::Catalog> m_catalog;
    int m_revision = -1;
};

/** The licences of a package in short form: SPDX ids where they exist ("MIT, Apache-2.0"). */
[[nodiscard]] QString packageLicenseText(const QList<Snowpane::Packages::License> &licenses);
