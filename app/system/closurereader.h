// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "closure.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>
#include <vector>

namespace Snowpane::System
{

class NixStoreDatabase;

/**
 * Closures and references of store paths. It reads the Nix database
 * read-only and falls back to `nix-store --query` and `nix path-info` when
 * the database cannot be read or does not know the path yet. Results are
 * cached per store path, because a store path never changes. The reader is
 * safe to share between threads: each query takes a database connection of
 * its own from a small pool (one per process and database file), so two
 * closures can be read at once.
 */
class ClosureReader
{
public:
    enum class Method {
        /// The database, then the commands where the database fails.
        Automatic,
        DatabaseOnly,
        CommandsOnly,
    };

    struct Settings {
        QString databasePath = QStringLiteral("/nix/var/nix/db/db.sqlite");
        QString nixStoreProgram = QStringLiteral("nix-store");
        QString nixProgram = QStringLiteral("nix");
        Method method = Method::Automatic;
    };

    ClosureReader();
    explicit ClosureReader(Settings settings);
    ~ClosureReader();
    ClosureReader(const ClosureReader &) = delete;
    ClosureReader &operator=(const ClosureReader &) = delete;

    /// The closure of @p storePath, which may also be a link to one (a profile).
    [[nodiscard]] Closure closure(const QString &storePath);
    /// The direct references of @p storePath, without itself.
    [[nodiscard]] References references(const QString &storePath);

    /// How many closures are cached; for tests of the cache.
    [[nodiscard]] qsizetype cachedClosureCount() const;
    void clearCache();

private:
    [[nodiscard]] Closure closureFromCommands(const QString &storePath) const;
    [[nodiscard]] References referencesFromCommands(const QString &storePath) const;
    /// A connection for this thread's query: an idle one, or a new one.
    [[nodiscard]] std::unique_ptr<NixStoreDatabase> takeDatabase();
    void returnDatabase(std::unique_ptr<NixStoreDatabase> database);

    Settings m_settings;
    mutable QMutex m_mutex;
    QHash<QString, Closure> m_closures;
    QHash<QString, References> m_references;
};

} // namespace Snowpane::System
