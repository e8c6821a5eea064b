// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sqlite.h"

#include <sqlite3.h>

#include <string>

using namespace Qt::StringLiterals;

namespace Snowpane::Packages::Sql
{

void DatabaseDeleter::operator()(sqlite3 *database) const
{
    sqlite3_close_v2(database);
}

void StatementDeleter::operator()(sqlite3_stmt *statement) const
{
    sqlite3_finalize(statement);
}

QString lastError(sqlite3 *database)
{
    if (!database) {
        return u"out of memory opening the database"_s;
    }
    const int code = sqlite3_extended_errcode(database);
    return u"%1 (%2)"_s.arg(QString::fromUtf8(sqlite3_errmsg(database)), QString::fromUtf8(sqlite3_errstr(code)));
}

Statement Statement::prepare(sqlite3 *database, std::string_view sql, QString *error)
{
    Statement statement;
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v3(database, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, nullptr) != SQLITE_OK) {
        if (error) {
            *error = lastError(database);
        }
        sqlite3_finalize(raw);
        return statement;
    }
    statement.m_statement.reset(raw);
    return statement;
}

void Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_statement.get(), index, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_statement.get(), index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement.get(), index, value);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_statement.get(), index);
}

int Statement::step()
{
    return sqlite3_step(m_statement.get());
}

void Statement::reset()
{
    sqlite3_reset(m_statement.get());
    sqlite3_clear_bindings(m_statement.get());
}

void Statement::resetKeepingBindings()
{
    sqlite3_reset(m_statement.get());
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement.get(), column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_statement.get(), column)) : QString();
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement.get(), column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_statement.get(), column);
}

bool exec(sqlite3 *database, std::string_view sql, QString *error)
{
    const std::string text(sql);
    if (sqlite3_exec(database, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        if (error) {
            *error = lastError(database);
        }
        return false;
    }
    return true;
}

} // namespace Snowpane::Packages::Sql
