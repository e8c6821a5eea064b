// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

/**
 * Runs the tools the stand-in tests need (nix-instantiate, nix-build, git,
 * make-demo-system) with a fixed environment: no binary caches, since the
 * build environment is offline and everything is built locally, and no
 * NIX_PATH or NIXOS_CONFIG from the caller, so that each test names its
 * nixpkgs and configuration itself.
 */
namespace StandIn
{

inline QString fixturesDir()
{
    return QDir(QStringLiteral(SNOWPANE_FIXTURES_DIR)).canonicalPath();
}

inline QString nixpkgsDir()
{
    return fixturesDir() + QStringLiteral("/nixpkgs");
}

struct Result {
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;

    [[nodiscard]] bool ok() const
    {
        return finished && exitCode == 0;
    }
    [[nodiscard]] QString describe() const
    {
        return QStringLiteral("exit code %1%2\n--- stdout\n%3\n--- stderr\n%4")
            .arg(exitCode)
            .arg(finished ? QString() : QStringLiteral(" (did not finish)"))
            .arg(out.right(4000), err.right(4000));
    }
};

inline QProcessEnvironment environment(const QProcessEnvironment &extra = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NIX_PATH"));
    env.remove(QStringLiteral("NIXOS_CONFIG"));
    env.remove(QStringLiteral("SNOWPANE_STANDIN_STATE"));
    env.insert(QStringLiteral("NIX_CONFIG"), QStringLiteral("substituters =\n"));
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    env.insert(extra);
    return env;
}

/** The absolute path of `name` on PATH, or an empty string. */
inline QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

[[nodiscard]] inline Result run(const QString &program,
                                const QStringList &arguments,
                                const QProcessEnvironment &env = environment(),
                                int timeoutMs = 300000,
                                const QString &workingDirectory = {})
{
    QProcess process;
    process.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty()) {
        process.setWorkingDirectory(workingDirectory);
    }
    process.start(program, arguments);
    Result result;
    if (!process.waitForStarted(30000)) {
        result.err = QStringLiteral("could not start %1: %2").arg(program, process.errorString());
        return result;
    }
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace StandIn
