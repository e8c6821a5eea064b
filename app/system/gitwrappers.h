// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <git2.h>

#include <memory>

namespace Snowpane::System::Git
{

/**
 * The notes ref where the helper records which generations a commit built,
 * and where the window reads them (generationlink.h). The helper includes
 * this header too, so the two cannot drift apart.
 */
inline constexpr char GenerationNotesRef[] = "refs/notes/snowpane";

/*
 * Ownership, as STYLE.md asks: every object libgit2 hands out through an
 * out-parameter and documents as "must be freed" gets exactly one owner of
 * the types below, which are move-only. Pointers libgit2 returns as a
 * function's value (git_commit_author, git_note_message, git_patch_get_delta,
 * the hunks and lines of a patch, …) are borrowed from their parent object
 * and are never freed; they live only as long as that owner.
 */

template<typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *object) const
    {
        Free(object);
    }
};

template<typename T, void (*Free)(T *)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using RepositoryPtr = Owned<git_repository, git_repository_free>;
using CommitPtr = Owned<git_commit, git_commit_free>;
using TreePtr = Owned<git_tree, git_tree_free>;
using ObjectPtr = Owned<git_object, git_object_free>;
using ReferencePtr = Owned<git_reference, git_reference_free>;
using RevwalkPtr = Owned<git_revwalk, git_revwalk_free>;
using SignaturePtr = Owned<git_signature, git_signature_free>;
using IndexPtr = Owned<git_index, git_index_free>;
using DiffPtr = Owned<git_diff, git_diff_free>;
using PatchPtr = Owned<git_patch, git_patch_free>;
using NotePtr = Owned<git_note, git_note_free>;
using BlobPtr = Owned<git_blob, git_blob_free>;
using StatusListPtr = Owned<git_status_list, git_status_list_free>;
using TreeEntryPtr = Owned<git_tree_entry, git_tree_entry_free>;

/// A git_buf that is disposed of when it goes out of scope.
class Buffer
{
public:
    Buffer() = default;
    ~Buffer()
    {
        git_buf_dispose(&m_buffer);
    }
    Buffer(const Buffer &) = delete;
    Buffer &operator=(const Buffer &) = delete;

    [[nodiscard]] git_buf *get()
    {
        return &m_buffer;
    }
    [[nodiscard]] QString toString() const
    {
        return QString::fromUtf8(m_buffer.ptr, qsizetype(m_buffer.size));
    }

private:
    git_buf m_buffer = GIT_BUF_INIT;
};

/**
 * Keeps libgit2 initialised while an instance lives. libgit2 counts these
 * calls, so every object that uses libgit2 holds one.
 */
class Library
{
public:
    Library()
    {
        git_libgit2_init();
    }
    ~Library()
    {
        git_libgit2_shutdown();
    }
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;
};

/**
 * The message of the last libgit2 error on this thread, for @p what that
 * failed with @p code. libgit2 keeps errors per thread, so this must be
 * called on the thread whose call failed, right after it.
 */
[[nodiscard]] inline QString errorMessage(const QString &what, int code)
{
    const git_error *error = git_error_last();
    const QString detail = error && error->message ? QString::fromUtf8(error->message) : QString();
    return detail.isEmpty() ? QStringLiteral("%1 failed (libgit2 error %2)").arg(what).arg(code) : QStringLiteral("%1: %2").arg(what, detail);
}

/// The hexadecimal form of @p oid.
[[nodiscard]] inline QString toString(const git_oid &oid)
{
    char text[GIT_OID_MAX_HEXSIZE + 1] = {};
    git_oid_tostr(text, sizeof text, &oid);
    return QString::fromLatin1(text);
}

} // namespace Snowpane::System::Git
