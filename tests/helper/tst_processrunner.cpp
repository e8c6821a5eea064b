// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// How the helper runs programs: argument vectors without a shell, a fixed
// environment, and timeouts and cancellation that end the whole process group.

#include "processrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;
using namespace std::chrono_literals;

namespace
{
Command shell(const QString &script, std::chrono::milliseconds timeout = 10s)
{
    Command command;
    command.program = u"/bin/sh"_s;
    command.arguments = {u"-c"_s, script};
    command.environment.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    command.timeout = timeout;
    return command;
}

bool processAlive(const QByteArray &marker)
{
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker) && pid.toLongLong() != QCoreApplication::applicationPid()) {
            QFile status(u"/proc/%1/stat"_s.arg(pid));
            // A zombie is gone for our purposes.
            if (status.open(QIODevice::ReadOnly) && !status.readAll().contains(") Z ")) {
                return true;
            }
        }
    }
    return false;
}
}

class ProcessRunnerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitStatusAndOutput()
    {
        ProcessRunner runner;
        QList<QByteArray> lines;
        runner.onErrorLine = [&](QByteArrayView line) {
            lines.append(line.toByteArray());
        };
        const Command command = shell(u"echo out; echo one >&2; printf 'two\\nthree' >&2; exit 3"_s);
        const CommandOutcome outcome = runner.run(command);
        QCOMPARE(outcome.status, CommandOutcome::Status::Exited);
        QCOMPARE(outcome.exitCode, 3);
        QVERIFY(!outcome.succeeded());
        QCOMPARE(outcome.standardOutput, QByteArray("out\n"));
        QCOMPARE(lines, (QList<QByteArray>{"one", "two", "three"}));
        QVERIFY(outcome.describe(command).contains("exit status 3"_L1));
    }

    void argumentsAreNotAShell()
    {
        ProcessRunner runner;
        Command command;
        command.program = u"/bin/echo"_s;
        command.arguments = {u"$(id); `id` | true && false"_s};
        const CommandOutcome outcome = runner.run(command);
        QVERIFY(outcome.succeeded());
        QCOMPARE(outcome.standardOutput, QByteArray("$(id); `id` | true && false\n"));
    }

    void environmentIsFixed()
    {
        qputenv("SNOWPANE_LEAK", "secret");
        ProcessRunner runner;
        const CommandOutcome outcome = runner.run(shell(u"env"_s));
        QVERIFY(outcome.succeeded());
        QVERIFY(!outcome.standardOutput.contains("SNOWPANE_LEAK"));
        QVERIFY(outcome.standardOutput.contains("PATH=/usr/bin:/bin"));
    }

    void relativeProgramIsRefused()
    {
        ProcessRunner runner;
        Command command;
        command.program = u"sh"_s;
        const CommandOutcome outcome = runner.run(command);
        QCOMPARE(outcome.status, CommandOutcome::Status::FailedToStart);
        Command missing;
        missing.program = u"/nonexistent/program"_s;
        QCOMPARE(runner.run(missing).status, CommandOutcome::Status::FailedToStart);
    }

    void timeoutKillsTheGroup()
    {
        ProcessRunner runner;
        QElapsedTimer timer;
        timer.start();
        // A child that ignores SIGTERM, in the background: only the group kill ends it.
        const CommandOutcome outcome = runner.run(shell(u"trap '' TERM; /bin/sleep 91 & trap '' TERM; /bin/sleep 92; wait"_s, 500ms));
        QCOMPARE(outcome.status, CommandOutcome::Status::TimedOut);
        QVERIFY(timer.elapsed() < 500 + ProcessRunner::TerminationGrace.count() + 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(QByteArray("/bin/sleep\0"
                                                          "91",
                                                          13)),
                                 5000);
        // Killed in the same group, but the kernel may still be tearing it down: give it the same time.
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(QByteArray("/bin/sleep\0"
                                                          "92",
                                                          13)),
                                 5000);
    }

    void cancellation()
    {
        ProcessRunner runner;
        int polls = 0;
        runner.shouldStop = [&polls] {
            return ++polls > 3;
        };
        int ticks = 0;
        runner.onTick = [&ticks] {
            ++ticks;
        };
        QElapsedTimer timer;
        timer.start();
        const CommandOutcome outcome = runner.run(shell(u"/bin/sleep 93 & /bin/sleep 94"_s));
        QCOMPARE(outcome.status, CommandOutcome::Status::Cancelled);
        QVERIFY(timer.elapsed() < 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(QByteArray("/bin/sleep\0"
                                                          "93",
                                                          13)),
                                 5000);
        QVERIFY(outcome.describe(shell(QString())).contains("cancelled"_L1));
    }

    // The group killed at the end must still be the command's: its id may not be one the kernel can already hand to
    // someone else. So it is not the command's own pid (QProcess reaps the command before the runner hears it ended),
    // and the group's leftovers die when the command ends normally as well.
    void groupIdOutlivesTheCommand()
    {
        ProcessRunner runner;
        const CommandOutcome outcome = runner.run(shell(u"/bin/sleep 96 & echo $$ $(cut -d' ' -f5 /proc/$$/stat)"_s));
        QVERIFY(outcome.succeeded());
        const QList<QByteArray> ids = outcome.standardOutput.trimmed().split(' ');
        QCOMPARE(ids.size(), 2);
        const qint64 leader = ids[0].toLongLong();
        const qint64 group = ids[1].toLongLong();
        QVERIFY(leader > 1);
        QVERIFY(group > 1);
        QVERIFY2(group != leader, "the command leads its own group, whose id is free again once QProcess has reaped it");
        QVERIFY2(group != QCoreApplication::applicationPid(), "the command runs in the caller's group");
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(QByteArray("/bin/sleep\0"
                                                          "96",
                                                          13)),
                                 5000);
        // The group's holder is reaped, not left as a zombie child of the helper.
        QFile holder(u"/proc/%1/stat"_s.arg(group));
        QVERIFY(!holder.open(QIODevice::ReadOnly) || !holder.readAll().contains(QByteArray(") Z ")));
    }

    void neverSignalsGroupZeroOrOne()
    {
        // Signal 0 only checks: were the guard missing, these would report success for the caller's group and for everyone.
        QVERIFY(!ProcessRunner::signalGroup(0, 0));
        QVERIFY(!ProcessRunner::signalGroup(1, 0));
        QVERIFY(!ProcessRunner::signalGroup(-5, 0));
    }

    void ticksWhileRunning()
    {
        ProcessRunner runner;
        int ticks = 0;
        runner.onTick = [&ticks] {
            ++ticks;
        };
        QVERIFY(runner.run(shell(u"/bin/sleep 2.3"_s)).succeeded());
        QVERIFY2(ticks >= 2, qPrintable(QString::number(ticks)));
    }
};

QTEST_GUILESS_MAIN(ProcessRunnerTest)
#include "tst_processrunner.moc"
