// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace Snowpane::Helper
{

/** One command: an absolute program and its argument vector, never a shell line. */
struct Command {
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    QString workingDirectory = QStringLiteral("/");
    std::chrono::milliseconds timeout{60000};
};

struct CommandOutcome {
    enum class Status {
        Exited,
        Crashed,
        TimedOut,
        Cancelled,
        FailedToStart,
    };
    Status status = Status::FailedToStart;
    int exitCode = -1;
    QByteArray standardOutput; // capped, see ProcessRunner::MaxCapturedBytes
    QString startError;

    [[nodiscard]] bool succeeded() const
    {
        return status == Status::Exited && exitCode == 0;
    }
    /** A short description for a person: "exit status 3", "timed out after 60 s", … */
    [[nodiscard]] QString describe(const Command &command) const;
};

/**
 * Runs one command in a process group of its own, waits for it in a local
 * event loop (so that D-Bus requests — a stop, a second caller — are still
 * answered), and on timeout or cancellation sends SIGTERM and then SIGKILL
 * to the whole group, so no builder or activation script outlives it. The
 * group is led by a child of the helper that is reaped only after the group
 * is killed, so its id can never belong to someone else when it is signalled.
 */
class ProcessRunner
{
public:
    static constexpr qsizetype MaxCapturedBytes = 1024 * 1024;
    static constexpr std::chrono::milliseconds TerminationGrace{5000};

    /** Called for each line of standard error, without its newline. */
    std::function<void(QByteArrayView)> onErrorLine;
    /** Polled about every 100 ms; returning true cancels the command. */
    std::function<bool()> shouldStop;
    /** Called about once a second while the command runs. */
    std::function<void()> onTick;

    [[nodiscard]] CommandOutcome run(const Command &command) const;

    /** Sends @p signal to process group @p group; never to group 0 (the helper's own) or 1 and below (every process). */
    static bool signalGroup(qint64 group, int signal);
};

}
