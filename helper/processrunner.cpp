// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "processrunner.h"

#include "helperlogging.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

QString CommandOutcome::describe(const Command &command) const
{
    const QString name = QFileInfo(command.program).fileName();
    switch (status) {
    case Status::Exited:
        return exitCode == 0 ? u"%1 succeeded"_s.arg(name) : u"%1 failed with exit status %2"_s.arg(name).arg(exitCode);
    case Status::Crashed:
        return u"%1 was killed by a signal"_s.arg(name);
    case Status::TimedOut:
        return u"%1 did not finish within %2 s and was stopped"_s.arg(name).arg(command.timeout.count() / 1000);
    case Status::Cancelled:
        return u"%1 was cancelled"_s.arg(name);
    case Status::FailedToStart:
        return u"%1 could not be started: %2"_s.arg(command.program, startError);
    }
    return QString();
}

bool ProcessRunner::signalGroup(qint64 group, int signal)
{
    // kill(0, …) is the caller's own group, kill(-1, …) every process it may signal: neither is ever a command's group.
    if (group <= 1) {
        return false;
    }
    return ::kill(pid_t(-group), signal) == 0;
}

namespace
{

/**
 * The holder of a command's process group: a child of the helper that only
 * waits, and leads the group the command joins. The group's id is its pid,
 * which cannot be reused until the helper reaps it, and the helper reaps it
 * only after the last kill of the group. (The command's own pid would do
 * only until QProcess reaps it, which happens before the runner hears that
 * it ended.)
 */
class GroupHolder
{
public:
    GroupHolder()
    {
        m_pid = ::fork();
        if (m_pid == 0) {
            // Only async-signal-safe calls here: the helper has threads.
            ::setpgid(0, 0);
            for (;;) {
                ::pause();
            }
        }
        if (m_pid > 0) {
            // Both sides set the group, so the command can join it whichever runs first.
            if (::setpgid(m_pid, m_pid) != 0 && errno != EACCES) {
                release();
            }
        }
    }
    ~GroupHolder()
    {
        release();
    }
    GroupHolder(const GroupHolder &) = delete;
    GroupHolder &operator=(const GroupHolder &) = delete;

    [[nodiscard]] qint64 group() const
    {
        return m_pid;
    }

    /** Kills the whole group, the holder with it, and only then reaps the holder. */
    void release()
    {
        if (m_pid <= 1) {
            return;
        }
        ProcessRunner::signalGroup(m_pid, SIGKILL);
        ::kill(m_pid, SIGKILL);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) { }
        m_pid = -1;
    }

private:
    pid_t m_pid = -1;
};

}

CommandOutcome ProcessRunner::run(const Command &command) const
{
    CommandOutcome outcome;
    if (!QFileInfo(command.program).isAbsolute()) {
        outcome.startError = u"not an absolute path"_s;
        return outcome;
    }
    // Checked here because QProcess reports a failed exec in a new session as an ordinary exit.
    if (!QFileInfo(command.program).isExecutable() || QFileInfo(command.program).isDir()) {
        outcome.startError = u"no such program"_s;
        return outcome;
    }
    QProcess process;
    process.setProgram(command.program);
    process.setArguments(command.arguments);
    process.setProcessEnvironment(command.environment);
    process.setWorkingDirectory(command.workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    GroupHolder holder;
    if (holder.group() <= 1) {
        outcome.startError = u"cannot create a process group"_s;
        return outcome;
    }
    const pid_t group = pid_t(holder.group());
    // The command joins the holder's group, which timeouts and cancellation kill as a whole.
    process.setUnixProcessParameters(QProcess::UnixProcessFlag::ResetSignalHandlers | QProcess::UnixProcessFlag::CloseFileDescriptors);
    process.setChildProcessModifier([group, &process] {
        if (::setpgid(0, group) != 0) {
            process.failChildProcessModifier("cannot join the process group", errno);
        }
    });

    QByteArray errorBuffer;
    const auto flushErrorLines = [&](bool all) {
        qsizetype start = 0;
        for (qsizetype newline; (newline = errorBuffer.indexOf('\n', start)) >= 0; start = newline + 1) {
            if (onErrorLine) {
                onErrorLine(QByteArrayView(errorBuffer).sliced(start, newline - start));
            }
        }
        errorBuffer.remove(0, start);
        // A line longer than the cap is passed on in pieces rather than held forever.
        if ((all && !errorBuffer.isEmpty()) || errorBuffer.size() > 256 * 1024) {
            if (onErrorLine) {
                onErrorLine(errorBuffer);
            }
            errorBuffer.clear();
        }
    };
    QObject::connect(&process, &QProcess::readyReadStandardError, [&] {
        errorBuffer.append(process.readAllStandardError());
        flushErrorLines(false);
    });
    QObject::connect(&process, &QProcess::readyReadStandardOutput, [&] {
        const QByteArray chunk = process.readAllStandardOutput();
        if (outcome.standardOutput.size() < MaxCapturedBytes) {
            outcome.standardOutput.append(chunk.left(MaxCapturedBytes - outcome.standardOutput.size()));
        }
    });

    qCDebug(SNOWPANE_HELPER) << "running" << command.program << command.arguments;
    process.start();
    if (!process.waitForStarted(30000)) {
        outcome.startError = process.errorString();
        return outcome;
    }

    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    poll.setInterval(100);
    QElapsedTimer elapsed;
    elapsed.start();
    qint64 lastTick = 0;
    enum class Ending {
        None,
        TimedOut,
        Cancelled
    } ending = Ending::None;
    QDeadlineTimer killAt = QDeadlineTimer::Forever;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (process.state() == QProcess::NotRunning) {
            loop.quit();
            return;
        }
        if (ending == Ending::None) {
            if (elapsed.elapsed() > command.timeout.count()) {
                ending = Ending::TimedOut;
            } else if (shouldStop && shouldStop()) {
                ending = Ending::Cancelled;
            }
            if (ending != Ending::None) {
                qCInfo(SNOWPANE_HELPER) << "stopping" << command.program << (ending == Ending::TimedOut ? "(timed out)" : "(cancelled)");
                signalGroup(group, SIGTERM);
                killAt = QDeadlineTimer(TerminationGrace);
            }
        } else if (killAt.hasExpired()) {
            signalGroup(group, SIGKILL);
            killAt = QDeadlineTimer::Forever;
        }
        if (onTick && elapsed.elapsed() - lastTick >= 1000) {
            lastTick = elapsed.elapsed();
            onTick();
        }
    });
    poll.start();
    if (process.state() != QProcess::NotRunning) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    poll.stop();
    // Whatever the command left behind in its group goes with it, while the holder still keeps the group's id.
    signalGroup(group, SIGKILL);
    process.waitForFinished(-1);
    holder.release();

    errorBuffer.append(process.readAllStandardError());
    flushErrorLines(true);
    const QByteArray rest = process.readAllStandardOutput();
    if (outcome.standardOutput.size() < MaxCapturedBytes) {
        outcome.standardOutput.append(rest.left(MaxCapturedBytes - outcome.standardOutput.size()));
    }

    if (ending == Ending::TimedOut) {
        outcome.status = CommandOutcome::Status::TimedOut;
    } else if (ending == Ending::Cancelled) {
        outcome.status = CommandOutcome::Status::Cancelled;
    } else if (process.exitStatus() == QProcess::CrashExit) {
        outcome.status = CommandOutcome::Status::Crashed;
    } else {
        outcome.status = CommandOutcome::Status::Exited;
        outcome.exitCode = process.exitCode();
    }
    return outcome;
}

}
