// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Snowpane::Helper
{

/**
 * A value or the reason there is none, in words a person can read. The
 * helper returns these instead of throwing, so that no input can take it
 * down and every refusal reaches the client as a message.
 */
template<typename T>
class [[nodiscard]] Checked
{
public:
    static Checked ok(T value)
    {
        Checked c;
        c.m_value = std::move(value);
        return c;
    }
    static Checked fail(QString error)
    {
        Checked c;
        c.m_error = std::move(error);
        return c;
    }

    [[nodiscard]] bool isOk() const
    {
        return m_value.has_value();
    }
    explicit operator bool() const
    {
        return isOk();
    }
    [[nodiscard]] const T &value() const &
    {
        return *m_value;
    }
    [[nodiscard]] T &&value() &&
    {
        return std::move(*m_value);
    }
    [[nodiscard]] const QString &error() const
    {
        return m_error;
    }

private:
    std::optional<T> m_value;
    QString m_error;
};

/** For operations that yield nothing but success or a reason. */
struct Done {
};

}
