// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "processrun.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>

#include <unistd.h>

namespace Snowpane::Remote
{

ProcessResult runProcess(const QString &program,
                         const QStringList &arguments,
                         const QProcessEnvironment &environment,
                         int timeoutMs,
                         const std::function<void(const QString &)> &onErrorLine,
                         const CancelFlag &cancel)
{
    ProcessResult result;
    QElapsedTimer clock;
    clock.start();
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    // A process group of its own: a Ctrl-C in the terminal reaches Snowpane,
    // which cancels in order, and never an ssh in the middle of an activation.
    process.setChildProcessModifier([] {
        ::setpgid(0, 0);
    });
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        result.standardError = process.errorString().toUtf8();
        result.elapsedMs = clock.elapsed();
        return result;
    }
    result.started = true;
    QByteArray pendingLine;
    const auto takeError = [&] {
        const QByteArray chunk = process.readAllStandardError();
        result.standardError += chunk;
        if (!onErrorLine) {
            return;
        }
        pendingLine += chunk;
        qsizetype newline = 0;
        while ((newline = pendingLine.indexOf('\n')) >= 0) {
            onErrorLine(QString::fromUtf8(pendingLine.left(newline)));
            pendingLine.remove(0, newline + 1);
        }
    };
    const QDeadlineTimer deadline(timeoutMs);
    while (process.state() != QProcess::NotRunning) {
        if (deadline.hasExpired()) {
            result.timedOut = true;
            process.kill();
            process.waitForFinished(5000);
            break;
        }
        if (isRaised(cancel)) {
            result.cancelled = true;
            process.terminate();
            if (!process.waitForFinished(3000)) {
                process.kill();
                process.waitForFinished(5000);
            }
            break;
        }
        process.waitForReadyRead(100);
        result.standardOutput += process.readAllStandardOutput();
        takeError();
    }
    result.standardOutput += process.readAllStandardOutput();
    takeError();
    if (onErrorLine && !pendingLine.isEmpty()) {
        onErrorLine(QString::fromUtf8(pendingLine));
    }
    if (!result.timedOut && !result.cancelled && process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    result.elapsedMs = clock.elapsed();
    return result;
}

} // namespace Snowpane::Remote
