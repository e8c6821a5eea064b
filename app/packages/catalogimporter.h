// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "catalogsource.h"
#include "catalogwriter.h"
#include "packagestreamparser.h"

#include <QString>

#include <atomic>
#include <functional>

namespace Snowpane::Packages
{

/// What to import, and into which cache.
struct ImportRequest {
    /// The nixpkgs the catalog describes; it names the cache.
    CatalogSource source;
    /// A catalog file (nix-env JSON or packages.json) to read instead of running nix-env.
    QString fromFile;
    CatalogFormat format = CatalogFormat::Automatic;
    QString nixEnvProgram = QStringLiteral("nix-env");
    /// Where to write; empty means source.cachePath().
    QString cachePath;
    CatalogWriter::Options writerOptions;
};

struct ImportProgress {
    qint64 bytes = 0;
    /// -1 while nix-env is still printing.
    qint64 totalBytes = -1;
    qint64 packages = 0;
};

struct ImportResult {
    bool ok = false;
    bool cancelled = false;
    /// Says what failed and that the previous cache was kept.
    QString error;
    qint64 packages = 0;
    QString cachePath;
    qint64 elapsedMs = 0;
};

/**
 * One import, run to the end on the calling thread: catalog JSON from a file
 * or from `nix-env -qaP --json --meta` (streamed from its output, never held
 * whole) into a new cache that replaces the old one only on success.
 * Cancellation is polled between packages and while nix-env evaluates. For
 * the UI, CatalogImportJob runs this on a worker thread.
 */
class CatalogImporter
{
public:
    using ProgressFunction = std::function<void(const ImportProgress &)>;

    [[nodiscard]] static ImportResult run(const ImportRequest &request, const std::atomic<bool> *cancel = nullptr, const ProgressFunction &progress = {});

    /**
     * The Nix file nix-env lists instead of nixpkgs itself. nix-env lists a
     * value only once, under its first name, so `python3 = python312` would
     * hide python312 from the catalog although configurations name it; here
     * each top-level derivation reaches nix-env as a copy of its own.
     */
    [[nodiscard]] static QByteArray listerExpression();
    /**
     * The arguments given to nix-env for @p nixpkgs through the lister file at
     * @p lister: every package, unfree, broken and insecure ones included,
     * without aliases.
     */
    [[nodiscard]] static QStringList nixEnvArguments(const QString &nixpkgs, const QString &lister);
};

} // namespace Snowpane::Packages
