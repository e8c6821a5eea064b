// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "jsonreader.h"
#include "package.h"

#include <QString>

#include <functional>

namespace Snowpane::Packages
{

/// The two JSON shapes a catalog comes in.
enum class CatalogFormat {
    /// Decide from the first key: `version` or `packages` mean a channel's packages.json.
    Automatic,
    /// `nix-env -qaP --json --meta`: `{ "attr": { "name", "pname", "version", "meta" }, ... }`.
    NixEnv,
    /// A channel's `packages.json`: `{ "version": 2, "packages": { "attr": {...}, ... } }`.
    PackagesJson,
};

/**
 * Reads packages one at a time from a catalog's JSON and hands each to a
 * sink, keeping only the current package in memory. Fields Snowpane stores
 * are type-checked: a `meta.description` that is a number or a `meta` that is
 * a list fails the whole parse with the attribute, the field and the byte
 * offset, so a wrong file never half-replaces a good cache. The shapes nixpkgs
 * really uses are all accepted: `meta.license` as an attribute set, a list
 * or a string; `meta.homepage` as a string or a list; platform patterns
 * (attribute sets) inside `meta.platforms` are skipped.
 */
class PackageStreamParser
{
public:
    struct Result {
        bool ok = false;
        /// The sink returned false: the caller stopped the parse.
        bool stopped = false;
        QString error;
        qint64 packages = 0;
        CatalogFormat format = CatalogFormat::Automatic;
    };

    /// Receives each package; returns false to stop.
    using Sink = std::function<bool(PackageRecord &record)>;

    [[nodiscard]] static Result parse(JsonReader &reader, CatalogFormat format, const Sink &sink);
};

/// Splits a derivation name the way nvd does: the version starts at the first `-` followed by a digit.
void splitDerivationName(const std::string &name, std::string *pname, std::string *version);

} // namespace Snowpane::Packages
