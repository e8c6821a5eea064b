// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "gitwrappers.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Snowpane::System
{

/// One commit of the configuration's history.
struct CommitInfo {
    QString id;
    QString shortId;
    QString authorName;
    QString authorEmail;
    QDateTime date;
    QString subject;
    QString body;
};

/// Where HEAD is: on a branch, detached at a commit, or unborn (an empty repository).
struct HeadState {
    bool unborn = false;
    bool detached = false;
    /// The branch's short name; empty when detached.
    QString branch;
    /// The commit HEAD points at; empty when unborn.
    QString commit;
};

/**
 * The git repository of the configuration directory (libgit2). Open it with
 * open(), which says when there is none so that the UI can offer init(). One
 * object per thread, as libgit2 repository handles are not shared. Writing
 * methods are for a repository the user owns; a root-owned repository is
 * opened read-only (see `OpenResult::ownedByOtherUser`) and written by the
 * privileged helper.
 */
class GitRepository
{
public:
    struct OpenResult {
        enum class Status {
            Opened,
            NotARepository,
            Error,
        };
        Status status = Status::Error;
        std::unique_ptr<GitRepository> repository;
        /// The repository belongs to another user (root, on NixOS): read it, write through the helper.
        bool ownedByOtherUser = false;
        QString error;
    };

    /// Opens the repository whose working tree is @p directory itself (no search upwards).
    [[nodiscard]] static OpenResult open(const QString &directory);
    /// Creates an empty repository in @p directory (which must exist) and opens it.
    [[nodiscard]] static OpenResult init(const QString &directory);

    ~GitRepository();
    GitRepository(const GitRepository &) = delete;
    GitRepository &operator=(const GitRepository &) = delete;

    [[nodiscard]] QString workingDirectory() const;
    [[nodiscard]] HeadState head() const;

    struct LogResult {
        /// Newest first.
        QList<CommitInfo> commits;
        QString error;
    };
    /// The history reachable from HEAD, at most @p maxCount commits (0: all).
    [[nodiscard]] LogResult log(int maxCount = 0) const;
    /// One commit by any revision git understands (`HEAD~2`, a short id, …).
    [[nodiscard]] std::optional<CommitInfo> commit(const QString &revision) const;

    struct StatusResult {
        /// Paths with changes not committed: tracked files, and files in the index with intent to add (the ones Snowpane wrote); never untracked ones.
        QStringList changedPaths;
        QString error;
    };
    /// The working tree's uncommitted changes: changes made outside Snowpane show here.
    [[nodiscard]] StatusResult status() const;

    struct CommitResult {
        QString commit;
        QString error;
    };
    /**
     * Commits on HEAD (a branch, a detached HEAD, or the first commit of an
     * empty repository) the changes of files git already tracks and the
     * files in @p written, and nothing else: untracked files may be secrets
     * and are never committed. The author is the person's own git identity
     * (signature()). An empty commit id means nothing changed.
     */
    [[nodiscard]] CommitResult commitTracked(const QStringList &written, const QString &message);

    /// The index as it is on disk now: another program (git itself) may have changed it since the repository was opened.
    [[nodiscard]] Git::IndexPtr freshIndex(QString *error) const;

    /// The signature for commits and notes: the user's git identity, or Snowpane's.
    [[nodiscard]] Git::SignaturePtr signature() const;

    /// The libgit2 handle, borrowed; for the diff and note helpers of this library.
    [[nodiscard]] git_repository *handle() const
    {
        return m_repository.get();
    }

private:
    explicit GitRepository(Git::RepositoryPtr repository);
    [[nodiscard]] CommitInfo commitInfo(const git_commit *commit) const;

    Git::Library m_library;
    Git::RepositoryPtr m_repository;
};

} // namespace Snowpane::System
