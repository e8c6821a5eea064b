// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "jobrunner.h"

/**
 * The requests the controllers make, one function per helper action, with
 * the argument keys of helperprotocol.h. Any JobRunner carries them out.
 */
namespace Snowpane::Privileged::Requests
{

/** Saves configuration files (names relative to the configuration directory) and commits them with @p message. */
[[nodiscard]] Request writeConfig(const QStringList &names, const QStringList &contents, const QString &message);
/** Builds the configuration and applies it: @p mode is switch, boot, test, build, dry-build or dry-activate. */
[[nodiscard]] Request rebuild(const QString &mode, const QString &flakeHost = QString());
/** Makes an existing generation current (`switch`) or the boot default (`boot`). */
[[nodiscard]] Request switchGeneration(int generation, const QString &mode);
/** Starts the git history of the configuration directory. */
[[nodiscard]] Request initRepo();
/** Restores the configuration files of @p commit as a new commit; only @p files when given. */
[[nodiscard]] Request restoreConfig(const QString &commit, const QStringList &files = QStringList());

enum class DeletionRule {
    KeepLast,
    OlderThanDays,
};
/**
 * Deletes exactly @p generations, the ones the window listed for the rule, then collects garbage. The helper
 * checks each number against the same rule and the protected set, and deletes all of them or none.
 */
[[nodiscard]] Request deleteGenerations(DeletionRule rule, int count, const QList<int> &generations);
/** Updates the nixpkgs the configuration uses: root's channels, or the flake's inputs (all when @p input is empty). */
[[nodiscard]] Request updateSources(const QString &input = QString());
/** Undoes a channel update never applied: when root's channels are at generation @p from, makes @p to current again and deletes @p from. */
[[nodiscard]] Request rollBackChannels(int from, int to);

}
