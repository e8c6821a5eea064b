// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "usercommit.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

QStringList untrackedFiles(const GitRepository &repository, const QStringList &paths, QString *error)
{
    QStringList untracked;
    const Git::IndexPtr index = repository.freshIndex(error);
    if (!index) {
        return untracked;
    }
    const QDir tree(repository.workingDirectory());
    for (const QString &path : paths) {
        if (!QFileInfo::exists(tree.filePath(path))) {
            continue; // a file the edit creates: added with intent to add once it is written
        }
        if (!git_index_get_bypath(index.get(), path.toUtf8().constData(), 0)) {
            untracked.append(path);
        }
    }
    return untracked;
}

QString addIntentToAdd(const GitRepository &repository, const QStringList &paths)
{
    QString error;
    const Git::IndexPtr index = repository.freshIndex(&error);
    if (!index) {
        return error;
    }
    git_oid empty;
    if (const int code = git_blob_create_from_buffer(&empty, repository.handle(), "", 0); code < 0) {
        return Git::errorMessage(u"Cannot store an empty blob"_s, code);
    }
    for (const QString &path : paths) {
        const QByteArray name = path.toUtf8();
        if (git_index_get_bypath(index.get(), name.constData(), 0)) {
            continue;
        }
        // As `git add -N` writes it: the empty blob, flagged intent-to-add (index version 3, which libgit2 chooses).
        git_index_entry entry{};
        entry.path = name.constData();
        entry.mode = GIT_FILEMODE_BLOB;
        entry.id = empty;
        entry.flags_extended = GIT_INDEX_ENTRY_INTENT_TO_ADD;
        if (const int code = git_index_add(index.get(), &entry); code < 0) {
            return Git::errorMessage(u"Cannot add %1 with intent to add"_s.arg(path), code);
        }
    }
    if (const int code = git_index_write(index.get()); code < 0) {
        return Git::errorMessage(u"Cannot write the index"_s, code);
    }
    return {};
}

GitRepository::CommitResult restoreCommit(GitRepository &repository, const QString &revision, const QString &message)
{
    GitRepository::CommitResult result;
    git_object *raw = nullptr;
    const QByteArray spec = (revision + u"^{commit}"_s).toUtf8();
    int code = git_revparse_single(&raw, repository.handle(), spec.constData());
    const Git::ObjectPtr commit(raw);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot find the commit %1"_s.arg(revision), code);
        return result;
    }
    // Outside changes of tracked files go into the history before the checkout overwrites them.
    if (const auto saved = repository.commitTracked({}, u"Snowpane: save the configuration as it was before a restore"_s); !saved.error.isEmpty()) {
        return saved;
    }
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE; // never GIT_CHECKOUT_REMOVE_UNTRACKED: untracked files may be secrets
    if (code = git_checkout_tree(repository.handle(), commit.get(), &options); code < 0) {
        result.error = Git::errorMessage(u"Cannot restore the files of %1"_s.arg(revision), code);
        return result;
    }
    return repository.commitTracked({}, message);
}

std::optional<QByteArray> fileAtCommit(const GitRepository &repository, const QString &revision, const QString &path, QString *error)
{
    git_object *raw = nullptr;
    const QByteArray spec = (revision + u"^{tree}"_s).toUtf8();
    int code = git_revparse_single(&raw, repository.handle(), spec.constData());
    const Git::ObjectPtr tree(raw);
    if (code < 0) {
        *error = Git::errorMessage(u"Cannot find the commit %1"_s.arg(revision), code);
        return std::nullopt;
    }
    git_tree_entry *rawEntry = nullptr;
    code = git_tree_entry_bypath(&rawEntry, reinterpret_cast<git_tree *>(tree.get()), path.toUtf8().constData());
    const Git::TreeEntryPtr entry(rawEntry);
    if (code == GIT_ENOTFOUND) {
        return std::nullopt;
    }
    if (code < 0) {
        *error = Git::errorMessage(u"Cannot read %1 in %2"_s.arg(path, revision.left(12)), code);
        return std::nullopt;
    }
    const git_filemode_t mode = git_tree_entry_filemode(entry.get());
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) {
        *error = u"%1 is not a regular file in commit %2"_s.arg(path, revision.left(12));
        return std::nullopt;
    }
    git_blob *rawBlob = nullptr;
    code = git_blob_lookup(&rawBlob, repository.handle(), git_tree_entry_id(entry.get()));
    const Git::BlobPtr blob(rawBlob);
    if (code < 0) {
        *error = Git::errorMessage(u"Cannot read %1 in %2"_s.arg(path, revision.left(12)), code);
        return std::nullopt;
    }
    return QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())), qsizetype(git_blob_rawsize(blob.get())));
}

bool isIgnored(const GitRepository &repository, const QString &path, QString *error)
{
    int ignored = 0;
    if (const int code = git_ignore_path_is_ignored(&ignored, repository.handle(), path.toUtf8().constData()); code < 0) {
        *error = Git::errorMessage(u"Cannot tell whether git ignores %1"_s.arg(path), code);
        return false;
    }
    return ignored == 1;
}

} // namespace Snowpane::System
