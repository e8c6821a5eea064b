// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace Snowpane::Packages
{

/**
 * The nixpkgs a catalog describes, and where its cache lives. The cache is
 * keyed by the canonical path of the nixpkgs source: a channel or flake input
 * in the store gets a new path (and so a new cache) with every update, while
 * a checkout keeps its cache and is seen as stale through fingerprint().
 * Caches live in the XDG cache directory, shared by Snowpane and
 * snowpane-cli.
 */
struct CatalogSource {
    /// The canonical path of the nixpkgs directory (or file) this catalog is for.
    QString nixpkgs;

    [[nodiscard]] bool isValid() const
    {
        return !nixpkgs.isEmpty();
    }
    /// 16 hexadecimal digits of the SHA-256 of the source path.
    [[nodiscard]] QString cacheKey() const;
    /// `$XDG_CACHE_HOME/snowpane/packages/KEY.sqlite`.
    [[nodiscard]] QString cachePath() const;
    /**
     * What changes when the source does: the store path itself for store
     * sources, `.git-revision` where nixpkgs has one, else the newest
     * modification time and the count of the `.nix` files under the source.
     */
    [[nodiscard]] QString fingerprint() const;

    /// The source at @p path (a nixpkgs directory), canonicalised; invalid when it does not exist.
    [[nodiscard]] static CatalogSource fromPath(const QString &path);
    /**
     * The `<nixpkgs>` of NIX_PATH, as `nix-instantiate --find-file nixpkgs`
     * resolves it; invalid with @p error set when Nix cannot find it.
     */
    [[nodiscard]] static CatalogSource fromNixPath(QString *error);
    /**
     * The `nixpkgs` input of the flake in @p flakeDirectory, as its lock file
     * pins it. A `path` input is resolved on the disk beside the flake (the
     * way Nix resolves a relative path inside the flake's repository); any
     * other input (github, git, tarball, a `follows`) is asked of Nix with
     * `nix flake archive --dry-run --json`, which fetches it if needed and
     * prints its store path. Invalid with @p error set when the flake has no
     * lock file, no nixpkgs input, or Nix cannot fetch it.
     */
    [[nodiscard]] static CatalogSource fromFlake(const QString &flakeDirectory, QString *error, const QString &nixProgram = QStringLiteral("nix"));
    /**
     * The nixpkgs the configuration in @p configurationDirectory is built
     * from: the flake's nixpkgs input when the directory has a `flake.nix`,
     * else the `<nixpkgs>` of NIX_PATH, as nixos-rebuild decides.
     */
    [[nodiscard]] static CatalogSource forConfiguration(const QString &configurationDirectory, QString *error);
    /// Where all catalog caches go.
    [[nodiscard]] static QString cacheDirectory();
};

} // namespace Snowpane::Packages
