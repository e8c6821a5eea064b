// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace Snowpane::Options
{

/**
 * Where the option catalog comes from: the user's classic configuration
 * evaluated with `<nixpkgs/nixos>`, a flake's `nixosConfigurations.<host>`,
 * or a given options.json file (the fallback). Every path is a setting whose
 * default is the NixOS location, so tests point the same code at the
 * stand-in system.
 */
struct OptionSource {
    enum class Kind {
        Classic,
        Flake,
        File,
    };
    Kind kind = Kind::Classic;
    QString configuration; ///< Classic: the entry file (configuration.nix)
    QString flake; ///< Flake: the flake's directory
    QString host; ///< Flake: the nixosConfigurations attribute; empty means this machine's host name
    QString nixpkgs; ///< Classic: a path for <nixpkgs>; empty means the one NIX_PATH names
    QString optionsJson; ///< File: the options.json to read
    /// The environment Nix runs with (NIX_PATH, NIX_CONFIG, ...).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    /**
     * The system this machine is configured from, as NixOS decides it:
     * `/etc/nixos/flake.nix` if present (host = the host name), else
     * NIXOS_CONFIG, else the `nixos-config` entry of NIX_PATH, else
     * `/etc/nixos/configuration.nix`. @p configurationDirectory replaces
     * /etc/nixos for tests and the demo.
     */
    [[nodiscard]] static OptionSource detect(const QString &configurationDirectory = QStringLiteral("/etc/nixos"));

    /// The flake host to evaluate: `host`, or this machine's host name.
    [[nodiscard]] QString effectiveHost() const;
    /// A short description for messages ("configuration /etc/nixos/configuration.nix").
    [[nodiscard]] QString describe() const;
};

/** A cache key, or why none could be computed. */
struct CacheKey {
    QString key; ///< hex digits; empty on error
    QString nixpkgsIdentity; ///< what identified the nixpkgs source (a store path, a revision, a lock's hash)
    QString error;
};

/**
 * The key of the cached catalog of @p source: the nixpkgs source (its store
 * path, `.git-revision`, the flake lock's hash, or for a checkout outside
 * the store its path and the sizes and times of the files under `lib/` and
 * `nixos/`) plus a hash of the configuration's files (the `.nix`, `.json`
 * and `.lock` files of its directory). Computed without running Nix, except
 * when NIX_PATH does not name nixpkgs as a path: then
 * `nix-instantiate --find-file nixpkgs` resolves it.
 */
[[nodiscard]] CacheKey cacheKeyFor(const OptionSource &source);

/** The directory of cached catalogs: `$XDG_CACHE_HOME/snowpane/options`. */
[[nodiscard]] QString optionsCacheDirectory();

} // namespace Snowpane::Options
