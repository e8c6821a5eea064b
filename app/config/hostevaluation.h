// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "hostscope.h"

#include <QProcessEnvironment>
#include <QString>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace Snowpane::Config
{

/** The hosts of a flake and where the list comes from. */
struct HostList {
    std::vector<std::string> hosts;
    HostReading reading = HostReading::Static;
    std::string why; ///< for the static reading: Nix's error (or why Nix was not asked)
    std::string error; ///< neither reading found a host
    bool fromCache = false;
};

/**
 * Every `nixosConfigurations.<host>` of the flake in @p flakeDirectory: from
 * `nix eval --json DIR#nixosConfigurations --apply builtins.attrNames`, so
 * hosts made by `lib.genAttrs` or a `mkHost` function are found; from the
 * static reading of flake.nix when Nix fails, with Nix's error in `why`.
 * Results of evaluation are cached under the user's cache directory, keyed
 * by flake.lock and the content of the flake's files. Without
 * @p mayEvaluate a missing cache entry means the static reading.
 */
[[nodiscard]] HostList listHosts(const QString &flakeDirectory,
                                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                                 bool useCache = true,
                                 bool mayEvaluate = true);

/** Which working-tree files define which options, per host, as Nix's module system says. */
struct HostFiles {
    bool ok = false;
    std::string error; ///< Nix's error, when evaluation failed
    bool fromCache = false;
    /** host → file (absolute, in the working tree) → the options it defines (dotted). */
    std::map<std::string, std::map<std::string, std::vector<std::string>>> files;
};

/**
 * Evaluates every option's `definitionsWithLocations` for the given hosts
 * (all when empty), in one Nix run, and maps the files from the flake's
 * store copy (`/nix/store/…-source/hosts/a.nix`) back to the working tree;
 * definitions from elsewhere (nixpkgs' own modules, defaults) are dropped.
 * Only the definitions that win are listed, as in the module system: one
 * hidden by `mkIf false` or by a stronger priority is not. Cached like
 * listHosts(). Without @p mayEvaluate, only the cache answers.
 */
[[nodiscard]] HostFiles evaluateHostFiles(const QString &flakeDirectory,
                                          const std::vector<std::string> &hosts = {},
                                          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                                          bool useCache = true,
                                          bool mayEvaluate = true);

/**
 * The scope of @p host without running Nix: from the cache when evaluation
 * results for the current content are there, else from the static reading
 * (with `why` saying so). For the window, which must not wait for Nix
 * before showing the configuration.
 */
[[nodiscard]] HostScope cachedScopeFor(const QString &flakeDirectory, const std::string &host);

/**
 * The scope of @p host: every host, and for each file the hosts that include
 * it (the static import graph of each host completed with evaluation), the
 * files evaluation found that the static reading did not reach, and the
 * reading in use. @p hostList and @p files may come from the calls above; a
 * failed evaluation makes the static reading the one in use, with the
 * reason.
 */
[[nodiscard]] HostScope scopeFor(const QString &flakeDirectory, const std::string &host, const HostList &hostList, const HostFiles &files);

/** The files of one host by the static reading, given the scope that names every host (for in-memory sets: tests, benchmarks). */
using StaticFilesOf = std::function<std::vector<std::string>(const std::string &host, const HostScope &names)>;

/** scopeFor() with the static reading supplied by @p staticFiles. */
[[nodiscard]] HostScope scopeFrom(const std::string &host, const HostList &hostList, const HostFiles &files, const StaticFilesOf &staticFiles);

/** The directory of cached host readings: `$XDG_CACHE_HOME/snowpane/hosts`. */
[[nodiscard]] QString hostsCacheDirectory();

} // namespace Snowpane::Config
