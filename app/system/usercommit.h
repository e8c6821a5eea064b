// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "gitrepository.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Snowpane::System
{

/**
 * Of @p paths (relative to the working tree), those that exist on disk but
 * that git does not track: a flake does not see them, so an edit there
 * would change nothing that is built. An intent-to-add entry counts as
 * tracked. @p error is set when the index cannot be read.
 */
[[nodiscard]] QStringList untrackedFiles(const GitRepository &repository, const QStringList &paths, QString *error);

/**
 * Records @p paths in the index with intent to add (`git add -N`): the
 * file's content is not staged yet, but git, and so a flake, now sees it.
 * Paths already in the index are left as they are. Returns an error message,
 * or an empty string.
 */
[[nodiscard]] QString addIntentToAdd(const GitRepository &repository, const QStringList &paths);

/**
 * Restores, as the person, the files of commit @p revision in the working
 * tree and commits them on top with @p message: what reverting an edit is in
 * their own repository. Changes of tracked files made outside Snowpane are
 * committed first, so nothing is lost; tracked files the commit did not have
 * are removed; untracked and ignored files are left as they are. Returns the
 * new commit, or an empty id when the tree already held those files.
 */
[[nodiscard]] GitRepository::CommitResult restoreCommit(GitRepository &repository, const QString &revision, const QString &message);

/**
 * The bytes of @p path (relative to the working tree) in commit @p revision:
 * nullopt when the commit has no such file. @p error is set, and nullopt
 * returned, when the commit cannot be read or holds something other than a
 * regular file at @p path (a link, a directory, a submodule).
 */
[[nodiscard]] std::optional<QByteArray> fileAtCommit(const GitRepository &repository, const QString &revision, const QString &path, QString *error);

/** Whether git ignores @p path (.gitignore, info/exclude, the global excludes). @p error is set when that cannot be told. */
[[nodiscard]] bool isIgnored(const GitRepository &repository, const QString &path, QString *error);

} // namespace Snowpane::System
