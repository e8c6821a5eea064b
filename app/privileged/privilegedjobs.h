// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "privilegedjob.h"

namespace Snowpane::Privileged
{

/* The KAuth jobs by action, for code that talks to this machine's helper directly (the end-to-end tests);
 * controllers make Requests and run them through a JobRunner. */

/** Saves configuration files (names relative to the configuration directory) and commits them with `message`. */
class WriteConfigJob : public PrivilegedJob
{
    Q_OBJECT
public:
    WriteConfigJob(const QStringList &names, const QStringList &contents, const QString &message, QObject *parent = nullptr);
};

/** Builds the configuration and applies it: mode is switch, boot, test, build, dry-build or dry-activate. */
class RebuildJob : public PrivilegedJob
{
    Q_OBJECT
public:
    explicit RebuildJob(const QString &mode, const QString &flakeHost = QString(), QObject *parent = nullptr);
};

/** Makes an existing generation current (`switch`) or the boot default (`boot`). */
class SwitchGenerationJob : public PrivilegedJob
{
    Q_OBJECT
public:
    SwitchGenerationJob(int generation, const QString &mode, QObject *parent = nullptr);
};

/** Starts the git history of the configuration directory. */
class InitRepoJob : public PrivilegedJob
{
    Q_OBJECT
public:
    explicit InitRepoJob(QObject *parent = nullptr);
};

/** Restores the configuration files of `commit` as a new commit; only `files` (names relative to the configuration directory) when given. */
class RestoreConfigJob : public PrivilegedJob
{
    Q_OBJECT
public:
    explicit RestoreConfigJob(const QString &commit, const QStringList &files = QStringList(), QObject *parent = nullptr);
};

/**
 * Deletes exactly `generations`, the ones shown for `rule` with `count`, then
 * collects garbage. The helper checks each against the rule and never
 * deletes the current, booted or running generation; if one fails, it
 * deletes none and names it.
 */
class DeleteGenerationsJob : public PrivilegedJob
{
    Q_OBJECT
public:
    enum class Rule {
        KeepLast,
        OlderThanDays,
    };
    DeleteGenerationsJob(Rule rule, int count, const QList<int> &generations, QObject *parent = nullptr);
};

/** Updates the nixpkgs the configuration uses: the root's channels, or the flake's inputs (all when `input` is empty). */
class UpdateSourcesJob : public PrivilegedJob
{
    Q_OBJECT
public:
    explicit UpdateSourcesJob(const QString &input = QString(), QObject *parent = nullptr);
};

/** Undoes a channel update never applied: when root's channels are at generation `from`, makes `to` current again and deletes `from`. */
class RollBackChannelsJob : public PrivilegedJob
{
    Q_OBJECT
public:
    RollBackChannelsJob(int from, int to, QObject *parent = nullptr);
};

}
