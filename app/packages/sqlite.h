// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <memory>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace Snowpane::Packages::Sql
{

struct DatabaseDeleter {
    void operator()(sqlite3 *database) const;
};
struct StatementDeleter {
    void operator()(sqlite3_stmt *statement) const;
};

/// One owner per connection; closing it finalises nothing else, so statements go first.
using Database = std::unique_ptr<sqlite3, DatabaseDeleter>;

/**
 * A prepared statement with typed binds by 1-based index and column reads by
 * 0-based index, the way the SQLite C API numbers them. Text goes in and out
 * as UTF-8 without copies where SQLite allows it.
 */
class Statement
{
public:
    Statement() = default;
    [[nodiscard]] static Statement prepare(sqlite3 *database, std::string_view sql, QString *error);

    [[nodiscard]] bool isValid() const
    {
        return m_statement != nullptr;
    }
    void bind(int index, std::string_view text);
    void bind(int index, const QString &text);
    void bind(int index, qint64 value);
    void bindNull(int index);
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    [[nodiscard]] int step();
    /// Resets and clears the bindings.
    void reset();
    /// Resets for another step with the same bindings.
    void resetKeepingBindings();

    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] double real(int column) const;

private:
    std::unique_ptr<sqlite3_stmt, StatementDeleter> m_statement;
};

/// Runs @p sql (one or more statements, no results); false with @p error set on failure.
[[nodiscard]] bool exec(sqlite3 *database, std::string_view sql, QString *error);

/// The connection's last error as text, with SQLite's code name.
[[nodiscard]] QString lastError(sqlite3 *database);

} // namespace Snowpane::Packages::Sql
