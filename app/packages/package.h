// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace Snowpane::Packages
{

/**
 * One licence of a package as nixpkgs describes it in `meta.license`: an
 * SPDX identifier when the licence has one, nixpkgs' short name, the full
 * name, and whether it is free. A licence given as a bare string has only a
 * name.
 */
struct License {
    QString spdxId;
    QString shortName;
    QString name;
    bool free = true;

    friend bool operator==(const License &, const License &) = default;
};

/**
 * A package of the catalog, as read back from the cache. `licenses` keeps
 * the order of `meta.license`; `unfree` is nixpkgs' own flag (or, when the
 * catalog lacks it, "some licence is not free").
 */
struct Package {
    QString attrPath;
    QString name;
    QString pname;
    QString version;
    QString description;
    QString longDescription;
    QString mainProgram;
    QString homepage;
    QList<License> licenses;
    QStringList platforms;
    bool unfree = false;
    bool broken = false;
    bool insecure = false;
    bool available = true;
};

/**
 * A package as the importer reads it from JSON: UTF-8 bytes, so that 150,000
 * of them go from the parser to SQLite without a detour through UTF-16.
 */
struct PackageRecord {
    struct RecordLicense {
        std::string spdxId;
        std::string shortName;
        std::string name;
        bool free = true;
    };

    std::string attrPath;
    std::string name;
    std::string pname;
    std::string version;
    std::string description;
    std::string longDescription;
    std::string mainProgram;
    std::string homepage;
    std::vector<RecordLicense> licenses;
    /// Space-separated, as platforms never contain spaces.
    std::string platforms;
    // -1 = not given; the importer derives a value.
    int unfree = -1;
    int broken = -1;
    int insecure = -1;
    int available = -1;
    bool hasKnownVulnerabilities = false;

    void clear();
};

} // namespace Snowpane::Packages
