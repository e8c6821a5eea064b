// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace snowpane::helper
{

/** One file for GitStore::commitFiles: its path in the tree and its exact bytes; no content removes it. */
struct StagedFile {
    QString path;
    std::optional<QByteArray> content;
    bool executable = false;
};

/**
 * The git history of the configuration directory, through libgit2.
 *
 * libgit2 rather than the git program because the helper runs as root in a
 * directory whose `.git/config` it did not write: git the program runs
 * hooks, `core.fsmonitor`, `core.sshCommand`, filter and diff drivers named
 * there, while libgit2 runs no program at all. The global and system git
 * configuration is ignored too, so root's ~/.gitconfig changes nothing.
 */
class GitStore
{
public:
    /** `directory` must be the configuration directory the helper already opened and checked. */
    explicit GitStore(QString directory, QString authorName);

    [[nodiscard]] bool isRepository() const;

    /** Creates the repository and commits every file. Fails if one exists already. */
    [[nodiscard]] Checked<QString> initialise(const QString &message) const;

    /**
     * Commits every change in the working tree (new, modified and deleted
     * files, .gitignore respected). Returns the new commit's id, or an empty
     * optional when there was nothing to commit.
     */
    [[nodiscard]] Checked<std::optional<QString>> commitAll(const QString &message) const;

    /**
     * Makes the working tree and index those of `commit` and records that as
     * a new commit on top of HEAD: history is never rewritten.
     */
    [[nodiscard]] Checked<QString> restore(const QString &commit, const QString &message) const;

    /**
     * Records on `commit`, in a note under refs/notes/snowpane, that it built
     * `generation` as `storePath`: a line "generation N store-path P" added to
     * the note's earlier lines (app/system's generationlink.cpp reads them).
     * Recording the same pair twice changes nothing.
     */
    [[nodiscard]] Checked<bool> recordGeneration(const QString &commit, int generation, const QString &storePath) const;

    /**
     * Commits exactly `files` on top of HEAD: the tree is HEAD's with these
     * paths set to these bytes (or removed), staged from the buffers and never
     * read from disk again, so what is committed is what the caller read.
     * The index gets the same entries; nothing else in it is committed.
     * Returns the new commit's id, or an empty optional when the tree is
     * HEAD's already.
     */
    [[nodiscard]] Checked<std::optional<QString>> commitFiles(const QList<StagedFile> &files, const QString &message) const;

    /** The file at `path` in `commit` (a commit of this history), or no content when the commit has none there. */
    [[nodiscard]] Checked<StagedFile> fileAt(const QString &commit, const QString &path) const;

    /** Whether `path` is kept out of the history: ignored by .gitignore and not tracked. */
    [[nodiscard]] Checked<bool> isIgnored(const QString &path) const;

    /** The id of HEAD, or an empty string in a repository without commits. */
    [[nodiscard]] Checked<QString> head() const;

private:
    QString m_directory;
    QString m_authorName;
};

}
