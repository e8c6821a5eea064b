// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "confineddirectory.h"

#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace snowpane::helper
{

namespace
{

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Writes all of `data`, retrying on short writes and EINTR.
bool writeAll(int fd, const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

}

FileDescriptor &FileDescriptor::operator=(FileDescriptor &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

FileDescriptor::~FileDescriptor()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

Checked<ConfinedDirectory> ConfinedDirectory::open(const QString &path)
{
    using R = Checked<ConfinedDirectory>;
    if (!path.startsWith(QLatin1Char('/'))) {
        return R::fail(QStringLiteral("the configuration directory '%1' is not an absolute path").arg(path));
    }
    // The configured path itself is trusted (it comes from root's settings), but its last component must be a real directory.
    FileDescriptor fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.isValid()) {
        return R::fail(QStringLiteral("cannot open the configuration directory %1: %2").arg(path, errnoText(errno)));
    }
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0) {
        return R::fail(QStringLiteral("cannot inspect %1: %2").arg(path, errnoText(errno)));
    }
    if (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return R::fail(QStringLiteral("the configuration directory %1 must be owned by root and writable by root only").arg(path));
    }
    ConfinedDirectory dir;
    dir.m_path = path;
    dir.m_root = std::make_shared<FileDescriptor>(std::move(fd));
    return R::ok(std::move(dir));
}

Checked<FileDescriptor> ConfinedDirectory::openParent(const RelativeName &name, bool create, bool *missing) const
{
    using R = Checked<FileDescriptor>;
    FileDescriptor current(::fcntl(m_root->get(), F_DUPFD_CLOEXEC, 0));
    if (!current.isValid()) {
        return R::fail(QStringLiteral("cannot duplicate a descriptor: %1").arg(errnoText(errno)));
    }
    for (qsizetype i = 0; i + 1 < name.components.size(); ++i) {
        const QByteArray component = QFile::encodeName(name.components.at(i));
        int next = ::openat(current.get(), component.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT && create) {
            if (::mkdirat(current.get(), component.constData(), 0755) != 0 && errno != EEXIST) {
                return R::fail(QStringLiteral("cannot create the directory for %1: %2").arg(name.text, errnoText(errno)));
            }
            next = ::openat(current.get(), component.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (next < 0) {
            const int error = errno;
            if (missing) {
                *missing = error == ENOENT;
            }
            if (error == ELOOP || error == ENOTDIR) {
                return R::fail(
                    QStringLiteral("%1: '%2' is a symbolic link or not a directory; only real directories inside the configuration directory are used")
                        .arg(name.text, name.components.at(i)));
            }
            return R::fail(QStringLiteral("%1: cannot open '%2': %3").arg(name.text, name.components.at(i), errnoText(error)));
        }
        current = FileDescriptor(next);
    }
    return R::ok(std::move(current));
}

Checked<FileStatus> ConfinedDirectory::status(const RelativeName &name) const
{
    using R = Checked<FileStatus>;
    bool missing = false;
    auto parent = openParent(name, false, &missing);
    if (!parent) {
        return missing ? R::ok(FileStatus{}) : R::fail(parent.error());
    }
    FileStatus status;
    struct stat st{};
    if (::fstatat(parent.value().get(), QFile::encodeName(name.components.last()).constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return errno == ENOENT ? R::ok(status) : R::fail(QStringLiteral("cannot inspect %1: %2").arg(name.text, errnoText(errno)));
    }
    status.kind = S_ISREG(st.st_mode) ? FileStatus::Kind::Regular : S_ISLNK(st.st_mode) ? FileStatus::Kind::SymbolicLink : FileStatus::Kind::Other;
    status.owner = st.st_uid;
    status.group = st.st_gid;
    status.mode = st.st_mode & 07777;
    return R::ok(status);
}

Checked<Done> ConfinedDirectory::writeAtomically(const RelativeName &name, const QByteArray &content) const
{
    auto current = status(name);
    if (!current) {
        return Checked<Done>::fail(current.error());
    }
    // A new file is 0644 root:root; an existing one keeps its owner and mode.
    FileStatus as = current.value();
    if (as.kind == FileStatus::Kind::Missing) {
        as = FileStatus{};
    }
    return writeAtomically(name, content, as);
}

Checked<Done> ConfinedDirectory::writeAtomically(const RelativeName &name, const QByteArray &content, const FileStatus &as) const
{
    using R = Checked<Done>;
    auto parent = openParent(name, true);
    if (!parent) {
        return R::fail(parent.error());
    }
    const int dirfd = parent.value().get();
    const QByteArray leaf = QFile::encodeName(name.components.last());

    const uid_t owner = as.owner;
    const gid_t group = as.group;
    // Never setuid, setgid or sticky, whatever the old file had: the helper writes as root.
    const mode_t mode = as.mode & 0777;
    struct stat st{};
    if (::fstatat(dirfd, leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISLNK(st.st_mode)) {
            return R::fail(QStringLiteral("%1 is a symbolic link; it is not written through").arg(name.text));
        }
        if (!S_ISREG(st.st_mode)) {
            return R::fail(QStringLiteral("%1 is not a regular file").arg(name.text));
        }
    } else if (errno != ENOENT) {
        return R::fail(QStringLiteral("cannot inspect %1: %2").arg(name.text, errnoText(errno)));
    }

    QByteArray temporary;
    FileDescriptor out;
    for (int attempt = 0; attempt < 16 && !out.isValid(); ++attempt) {
        temporary = QByteArrayLiteral(".snowpane-") + QByteArray::number(QRandomGenerator::system()->generate64(), 36) + QByteArrayLiteral(".tmp");
        out = FileDescriptor(::openat(dirfd, temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!out.isValid() && errno != EEXIST) {
            return R::fail(QStringLiteral("cannot create a temporary file for %1: %2").arg(name.text, errnoText(errno)));
        }
    }
    if (!out.isValid()) {
        return R::fail(QStringLiteral("cannot create a temporary file for %1").arg(name.text));
    }
    const auto discard = [&](const QString &why) {
        ::unlinkat(dirfd, temporary.constData(), 0);
        return R::fail(QStringLiteral("writing %1 failed: %2").arg(name.text, why));
    };
    if (!writeAll(out.get(), content)) {
        return discard(errnoText(errno));
    }
    if (::fchown(out.get(), owner, group) != 0 || ::fchmod(out.get(), mode) != 0) {
        return discard(errnoText(errno));
    }
    if (::fsync(out.get()) != 0) {
        return discard(errnoText(errno));
    }
    out = FileDescriptor();
    if (::renameat(dirfd, temporary.constData(), dirfd, leaf.constData()) != 0) {
        return discard(errnoText(errno));
    }
    // The rename is durable only once the directory entry is.
    ::fsync(dirfd);
    return R::ok({});
}

Checked<std::optional<QByteArray>> ConfinedDirectory::read(const RelativeName &name, qsizetype maximumBytes) const
{
    using R = Checked<std::optional<QByteArray>>;
    bool missing = false;
    auto parent = openParent(name, false, &missing);
    if (!parent) {
        return missing ? R::ok(std::nullopt) : R::fail(parent.error());
    }
    FileDescriptor in(::openat(parent.value().get(), QFile::encodeName(name.components.last()).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (!in.isValid()) {
        if (errno == ENOENT) {
            return R::ok(std::nullopt);
        }
        return R::fail(errno == ELOOP ? QStringLiteral("%1 is a symbolic link; it is not read through").arg(name.text)
                                      : QStringLiteral("cannot open %1: %2").arg(name.text, errnoText(errno)));
    }
    struct stat st{};
    if (::fstat(in.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return R::fail(QStringLiteral("%1 is not a regular file").arg(name.text));
    }
    if (st.st_size > maximumBytes) {
        return R::fail(QStringLiteral("%1 is larger than %2 bytes").arg(name.text).arg(maximumBytes));
    }
    QByteArray data(qsizetype(st.st_size), Qt::Uninitialized);
    qsizetype got = 0;
    while (got < data.size()) {
        const ssize_t n = ::read(in.get(), data.data() + got, size_t(data.size() - got));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += n;
    }
    data.truncate(got);
    return R::ok(std::optional<QByteArray>(std::move(data)));
}

Checked<Done> ConfinedDirectory::remove(const RelativeName &name) const
{
    bool missing = false;
    auto parent = openParent(name, false, &missing);
    if (!parent) {
        return missing ? Checked<Done>::ok({}) : Checked<Done>::fail(parent.error());
    }
    if (::unlinkat(parent.value().get(), QFile::encodeName(name.components.last()).constData(), 0) != 0 && errno != ENOENT) {
        return Checked<Done>::fail(QStringLiteral("cannot remove %1: %2").arg(name.text, errnoText(errno)));
    }
    return Checked<Done>::ok({});
}

}
