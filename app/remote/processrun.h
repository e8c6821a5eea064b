// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Snowpane::Remote
{

/**
 * Raised by whoever started a deployment to stop it: every program run with
 * it stops (terminated, then killed), except those run to their end on purpose
 * (an activation). Shared, because the deployment's threads outlive no one's
 * stack frame.
 */
using CancelFlag = std::shared_ptr<std::atomic_bool>;

[[nodiscard]] inline bool isRaised(const CancelFlag &flag)
{
    return flag && flag->load();
}

/// How one local program ended.
struct ProcessResult {
    /// -1 when it could not start or was killed.
    int exitCode = -1;
    bool started = false;
    bool timedOut = false;
    /// Stopped because its CancelFlag was raised.
    bool cancelled = false;
    QByteArray standardOutput;
    QByteArray standardError;
    qint64 elapsedMs = 0;

    [[nodiscard]] bool succeeded() const
    {
        return started && !timedOut && !cancelled && exitCode == 0;
    }
    [[nodiscard]] QString errorText() const
    {
        return QString::fromUtf8(standardError).trimmed();
    }
};

/**
 * Runs @p program with @p arguments (a fixed argv, no shell) and waits at
 * most @p timeoutMs. Blocking: it is called from the deployment's worker
 * threads. Each line of standard error goes to @p onErrorLine as it comes
 * (for a live log), and is also kept in the result. When @p cancel is
 * raised, the program is terminated (killed after 3 s) and the result says
 * cancelled.
 */
[[nodiscard]] ProcessResult runProcess(const QString &program,
                                       const QStringList &arguments,
                                       const QProcessEnvironment &environment,
                                       int timeoutMs,
                                       const std::function<void(const QString &)> &onErrorLine = {},
                                       const CancelFlag &cancel = {});

} // namespace Snowpane::Remote
