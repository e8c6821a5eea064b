// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Snowpane::Helper
{

/** One file for GitStore::commitFiles: its path in the tree and its exact bytes; no content removes it. */
struct StagedFile {
    QString path;
    std::optional<QByteArray> content;
    bool executable = false;
};

/** One entry of a tree or of the index: a path, its git mode (GIT_FILEMODE_*) and its object id. */
struct GitEntry {
    QString path;
    quint32 mode = 0;
    QString id;
};

/** The first commit of a new repository, and which files it holds. */
struct InitialCommit {
    QString commit;
    /** The files now tracked (see isConfigurationFile). */
    QStringList tracked;
    /** Configuration files left untracked because only their owner may read them. */
    QStringList leftPrivate;
};

/**
 * Whether initialise() tracks the file at `path`: the files the helper
 * itself knows and writes, `*.nix`, `flake.lock` (both at any depth) and the
 * top `.gitignore`. Anything else — keys, passwords, notes, build results —
 * stays untracked until someone adds it by hand.
 */
[[nodiscard]] bool isConfigurationFile(const QString &path);

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

    /**
     * Creates the repository and commits the configuration files
     * (isConfigurationFile) that .gitignore does not exclude and that others
     * may read. Fails if a repository exists already.
     */
    [[nodiscard]] Checked<InitialCommit> initialise(const QString &message) const;

    /**
     * Commits the changes of tracked files (modified and deleted) and the
     * files in `written`, which the helper wrote in this operation (a
     * written file .gitignore excludes and nobody tracks stays out).
     * Untracked files are never added: they may be secrets, and the history
     * is readable by every user who can read the directory. For the same
     * reason a file to be staged that others cannot read (whyPrivate) fails
     * the whole commit, with the file named. Returns the new commit's id, or
     * an empty optional when there was nothing to commit.
     */
    [[nodiscard]] Checked<std::optional<QString>> commitAll(const QString &message, const QStringList &written = {}) const;

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

    /** Every file, link and submodule in the tree of `commit`, at most `maximumEntries`. */
    [[nodiscard]] Checked<QList<GitEntry>> entriesAt(const QString &commit, int maximumEntries) const;

    /** Every path in the index (the tracked files), at most `maximumEntries`. */
    [[nodiscard]] Checked<QList<GitEntry>> trackedEntries(int maximumEntries) const;

    /** The content of the blob `id`, refused above `maximumBytes`. */
    [[nodiscard]] Checked<QByteArray> blob(const QString &id, qsizetype maximumBytes) const;

    /** Whether `path` is kept out of the history: ignored by .gitignore and not tracked. */
    [[nodiscard]] Checked<bool> isIgnored(const QString &path) const;

    /** The id of HEAD, or an empty string in a repository without commits. */
    [[nodiscard]] Checked<QString> head() const;

private:
    QString m_directory;
    QString m_authorName;
};

}
