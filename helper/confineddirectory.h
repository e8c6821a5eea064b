// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"
#include "validation.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

#include <sys/types.h>

namespace Snowpane::Helper
{

/** An open file descriptor, closed when it goes out of scope. */
class FileDescriptor
{
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    FileDescriptor(FileDescriptor &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {
    }
    FileDescriptor &operator=(FileDescriptor &&other) noexcept;
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    ~FileDescriptor();

    [[nodiscard]] int get() const
    {
        return m_fd;
    }
    [[nodiscard]] bool isValid() const
    {
        return m_fd >= 0;
    }

private:
    int m_fd = -1;
};

/** What is at a name, as lstat sees it, with the owner and mode of a regular file. */
struct FileStatus {
    enum class Kind {
        Missing,
        Regular,
        SymbolicLink,
        Other,
    };
    Kind kind = Kind::Missing;
    uid_t owner = 0;
    gid_t group = 0;
    mode_t mode = 0644;
    /** How many names the file has; more than one means another name elsewhere shares its content. */
    quint64 links = 1;
};

/**
 * Why users other than the owner cannot read the file at `components` below
 * the open directory `directory`: the file's mode has no read bit for
 * others, or a directory on the way has no search bit for them. An empty
 * string when they can read it, or when it does not exist (the writer makes
 * new files 0644 in 0755 directories). Walked with openat(O_NOFOLLOW), so a
 * linked directory on the way is an error, not followed.
 */
[[nodiscard]] Checked<QString> whyPrivate(int directory, const QStringList &components);

/**
 * The configuration directory, opened once, and every file reached below it
 * by walking one component at a time with openat(O_NOFOLLOW | O_DIRECTORY).
 * A symbolic link anywhere on the way — to /etc/shadow, or a linked
 * directory — is refused rather than followed, so no name can reach outside
 * the directory whatever the caller or a local user puts in it.
 */
class ConfinedDirectory
{
public:
    /**
     * Opens `path`, which must be an absolute path to a real directory
     * owned by root and writable by nobody else: the helper writes there as
     * root, so another user who could swap its entries must not exist. A
     * `.git` in it must be a real directory of root's alone too, and so must
     * each of its entries: libgit2 takes the working tree, the objects and
     * the references from there, so whoever could change them could make
     * root commit any file on the machine.
     */
    [[nodiscard]] static Checked<ConfinedDirectory> open(const QString &path);

    [[nodiscard]] const QString &path() const
    {
        return m_path;
    }

    /**
     * Replaces (or creates) the file atomically: a temporary file in the
     * same directory, written, given the old file's owner and mode (0644
     * root:root for a new one), fsynced, renamed over the old name, and the
     * directory fsynced. Missing parent directories are created 0755.
     */
    [[nodiscard]] Checked<Done> writeAtomically(const RelativeName &name, const QByteArray &content) const;
    /** The same, with this owner, group and mode rather than the current file's: to put a file back exactly as it was. */
    [[nodiscard]] Checked<Done> writeAtomically(const RelativeName &name, const QByteArray &content, const FileStatus &as) const;

    /** What is at `name`, without following a link (a missing directory on the way is Missing). */
    [[nodiscard]] Checked<FileStatus> status(const RelativeName &name) const;

    /** whyPrivate() for `name` below this directory. */
    [[nodiscard]] Checked<QString> whyPrivate(const RelativeName &name) const;

    /** The current content, or an empty optional if the file does not exist. */
    [[nodiscard]] Checked<std::optional<QByteArray>> read(const RelativeName &name, qsizetype maximumBytes) const;

    /** Removes the file (never a directory, never through a link); a missing file is not an error. */
    [[nodiscard]] Checked<Done> remove(const RelativeName &name) const;

private:
    ConfinedDirectory() = default;
    /**
     * The directory holding the last component of `name`, walked without
     * following links. Every directory on the way must be root's and
     * writable by root only, checked on the descriptor just opened, so that
     * nobody else can swap an entry between the check and the write.
     */
    [[nodiscard]] Checked<FileDescriptor> openParent(const RelativeName &name, bool create, bool *missing = nullptr) const;

    QString m_path;
    std::shared_ptr<FileDescriptor> m_root;
};

}
