// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "closure.h"

#include <QString>

#include <memory>

struct sqlite3;

namespace Snowpane::System
{

/**
 * Read-only access to the Nix database (`/nix/var/nix/db/db.sqlite`): the
 * `ValidPaths` and `Refs` tables. It never writes and never takes Nix's
 * big-lock; SQLite's WAL mode lets it read while Nix writes. One object per
 * thread, as SQLite connections are not shared here.
 */
class NixStoreDatabase
{
public:
    explicit NixStoreDatabase(QString databasePath);
    ~NixStoreDatabase();
    NixStoreDatabase(const NixStoreDatabase &) = delete;
    NixStoreDatabase &operator=(const NixStoreDatabase &) = delete;

    /// Opens the database; false and errorString() when it cannot be read.
    [[nodiscard]] bool open();
    [[nodiscard]] bool isOpen() const
    {
        return m_database != nullptr;
    }
    [[nodiscard]] QString errorString() const
    {
        return m_error;
    }

    /// The closure of @p storePath; an error when the path is not valid in the database.
    [[nodiscard]] Closure closure(const QString &storePath);
    [[nodiscard]] References references(const QString &storePath);

private:
    struct Close {
        void operator()(sqlite3 *database) const;
    };

    QString m_path;
    QString m_error;
    std::unique_ptr<sqlite3, Close> m_database;
};

} // namespace Snowpane::System
