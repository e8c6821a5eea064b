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

namespace snowpane::helper
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
};

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
     * root, so another user who could swap its entries must not exist.
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

    /** The current content, or an empty optional if the file does not exist. */
    [[nodiscard]] Checked<std::optional<QByteArray>> read(const RelativeName &name, qsizetype maximumBytes) const;

    /** Removes the file (never a directory, never through a link); a missing file is not an error. */
    [[nodiscard]] Checked<Done> remove(const RelativeName &name) const;

private:
    ConfinedDirectory() = default;
    /** The directory holding the last component of `name`, walked without following links. */
    [[nodiscard]] Checked<FileDescriptor> openParent(const RelativeName &name, bool create, bool *missing = nullptr) const;

    QString m_path;
    std::shared_ptr<FileDescriptor> m_root;
};

}
