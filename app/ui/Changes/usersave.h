// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

class ConfigurationSession;

namespace Snowpane::Ui
{

/** What saving the pending edits as the person did. */
struct UserSave {
    /** Why nothing was written; empty on success. */
    QString error;
    /** The commit holding the configuration as it was before the edit (outside changes of tracked files included). */
    QString savedBefore;
    /** The commit of the edit; empty when it changed nothing. */
    QString commit;
    /** Files the edit created, added to git with intent to add before the commit. */
    QStringList added;
};

/**
 * Refuses an edit of a file a flake cannot see: one that exists but that
 * git does not track. Returns the sentence naming the files, or empty when
 * every file is tracked, the configuration is not a flake, or not under git.
 */
[[nodiscard]] QString untrackedRefusal(const ConfigurationSession &session);

/**
 * Saves the session's pending edits into the person's own configuration
 * directory, as that person, never through the helper: commits outside
 * changes of tracked files first (so the edit can be undone), writes every
 * file with the atomic, parse-checked writer, tells git of new files (intent
 * to add), and commits the tracked files and the files written, with the
 * person's own git identity. Untracked files are never committed.
 */
[[nodiscard]] UserSave saveAsUser(const ConfigurationSession &session);

/**
 * Reverts the person's own configuration to the files of @p commit, as the
 * person (never through the helper), with a new commit on top in their own
 * name. Returns why not, or an empty string.
 */
[[nodiscard]] QString restoreAsUser(const QString &directory, const QString &commit);

/** After a build from the person's directory: notes the generation on the commit it was built from, as the person. */
[[nodiscard]] QString noteUserGeneration(const QString &directory, const QString &commit, int generation, const QString &storePath);

} // namespace Snowpane::Ui
