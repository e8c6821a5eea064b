// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "confineddirectory.h"

#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

namespace
{

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The login name of `uid`, so that a refusal names whose directory it is.
QString ownerName(uid_t uid)
{
    struct passwd entry{};
    struct passwd *found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found && found->pw_name) {
        return u"%1 (uid %2)"_s.arg(QString::fromLocal8Bit(found->pw_name)).arg(uid);
    }
    return u"uid %1"_s.arg(uid);
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

// Only root may change what the helper writes through or reads its history from.
bool isRootsAlone(const struct stat &st)
{
    return st.st_uid == 0 && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

QString ownerText(const struct stat &st)
{
    return st.st_uid != 0 ? u"is owned by uid %1, not root"_s.arg(st.st_uid)
                          : u"is writable by its group or by others (mode %1)"_s.arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
}

// `.git` and each entry in it: real directories and files, root's alone. Deeper
// entries can only have been made by someone who could write one of these.
Checked<Done> checkRepositoryDirectory(int root, const QString &path)
{
    using R = Checked<Done>;
    struct stat st{};
    if (::fstatat(root, ".git", &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return errno == ENOENT ? R::ok({}) : R::fail(u"cannot inspect %1/.git: %2"_s.arg(path, errnoText(errno)));
    }
    if (!S_ISDIR(st.st_mode)) {
        return R::fail(
            u"%1/.git is %2; the helper uses only a real .git directory"_s.arg(path, S_ISLNK(st.st_mode) ? u"a symbolic link"_s : u"not a directory"_s));
    }
    if (!isRootsAlone(st)) {
        return R::fail(u"%1/.git %2; the helper commits only to a repository that root alone can change"_s.arg(path, ownerText(st)));
    }
    const int fd = ::openat(root, ".git", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *entries = fd >= 0 ? ::fdopendir(fd) : nullptr;
    if (!entries) {
        if (fd >= 0) {
            ::close(fd);
        }
        return R::fail(u"cannot read %1/.git: %2"_s.arg(path, errnoText(errno)));
    }
    const std::unique_ptr<DIR, int (*)(DIR *)> closer(entries, ::closedir);
    while (const dirent *entry = ::readdir(entries)) {
        const QByteArray name(entry->d_name);
        if (name == "." || name == "..") {
            continue;
        }
        struct stat child{};
        if (::fstatat(::dirfd(entries), entry->d_name, &child, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT) {
                continue; // a lock file that went away meanwhile
            }
            return R::fail(u"cannot inspect %1/.git/%2: %3"_s.arg(path, QFile::decodeName(name), errnoText(errno)));
        }
        if (S_ISLNK(child.st_mode)) {
            return R::fail(u"%1/.git/%2 is a symbolic link; the helper uses only a repository whose parts are inside it"_s.arg(path, QFile::decodeName(name)));
        }
        if (!isRootsAlone(child)) {
            return R::fail(
                u"%1/.git/%2 %3; the helper commits only to a repository that root alone can change"_s.arg(path, QFile::decodeName(name), ownerText(child)));
        }
    }
    return R::ok({});
}

}

Checked<QString> whyPrivate(int directory, const QStringList &components)
{
    using R = Checked<QString>;
    FileDescriptor current(::fcntl(directory, F_DUPFD_CLOEXEC, 0));
    if (!current.isValid()) {
        return R::fail(u"cannot duplicate a descriptor: %1"_s.arg(errnoText(errno)));
    }
    const QString text = components.join(QLatin1Char('/'));
    struct stat st{};
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QByteArray component = QFile::encodeName(components.at(i));
        if (i + 1 == components.size()) {
            if (::fstatat(current.get(), component.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
                return errno == ENOENT ? R::ok(QString()) : R::fail(u"cannot inspect %1: %2"_s.arg(text, errnoText(errno)));
            }
            // A link's text is what git stores, and a link's own mode means nothing.
            if (S_ISREG(st.st_mode) && (st.st_mode & S_IROTH) == 0) {
                return R::ok(u"%1 can be read by its owner only (mode %2)"_s.arg(text).arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
            }
            return R::ok(QString());
        }
        FileDescriptor next(::openat(current.get(), component.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next.isValid()) {
            if (errno == ENOENT) {
                return R::ok(QString());
            }
            return R::fail(errno == ELOOP || errno == ENOTDIR
                               ? u"%1: '%2' is a symbolic link or not a directory"_s.arg(text, components.mid(0, i + 1).join(QLatin1Char('/')))
                               : u"%1: cannot open '%2': %3"_s.arg(text, components.at(i), errnoText(errno)));
        }
        if (::fstat(next.get(), &st) != 0) {
            return R::fail(u"cannot inspect %1: %2"_s.arg(text, errnoText(errno)));
        }
        if ((st.st_mode & S_IXOTH) == 0) {
            return R::ok(u"%1 is in the directory '%2', which others cannot enter (mode %3)"_s.arg(text, components.mid(0, i + 1).join(QLatin1Char('/')))
                             .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
        }
        current = std::move(next);
    }
    return R::ok(QString());
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
        return R::fail(u"the configuration directory '%1' is not an absolute path"_s.arg(path));
    }
    // The configured path itself is trusted (it comes from root's settings), but its last component must be a real directory.
    FileDescriptor fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.isValid()) {
        return R::fail(u"cannot open the configuration directory %1: %2"_s.arg(path, errnoText(errno)));
    }
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0) {
        return R::fail(u"cannot inspect %1: %2"_s.arg(path, errnoText(errno)));
    }
    if (st.st_uid != 0) {
        // A person's own configuration is written by Snowpane's window as that person; root never writes there.
        return R::fail(
            u"the configuration directory %1 belongs to %2, not root: the helper only builds from it and never writes there"_s.arg(path, ownerName(st.st_uid)));
    }
    if (!isRootsAlone(st)) {
        return R::fail(u"the configuration directory %1 must be owned by root and writable by root only"_s.arg(path));
    }
    if (auto repository = checkRepositoryDirectory(fd.get(), path); !repository) {
        return R::fail(repository.error());
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
        return R::fail(u"cannot duplicate a descriptor: %1"_s.arg(errnoText(errno)));
    }
    for (qsizetype i = 0; i + 1 < name.components.size(); ++i) {
        const QByteArray component = QFile::encodeName(name.components.at(i));
        int next = ::openat(current.get(), component.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT && create) {
            if (::mkdirat(current.get(), component.constData(), 0755) != 0 && errno != EEXIST) {
                return R::fail(u"cannot create the directory for %1: %2"_s.arg(name.text, errnoText(errno)));
            }
            next = ::openat(current.get(), component.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (next < 0) {
            const int error = errno;
            if (missing) {
                *missing = error == ENOENT;
            }
            if (error == ELOOP || error == ENOTDIR) {
                return R::fail(u"%1: '%2' is a symbolic link or not a directory; only real directories inside the configuration directory are used"_s.arg(
                    name.text,
                    name.components.at(i)));
            }
            return R::fail(u"%1: cannot open '%2': %3"_s.arg(name.text, name.components.at(i), errnoText(error)));
        }
        current = FileDescriptor(next);
        // Checked on the descriptor itself: what was opened is what was checked.
        struct stat st{};
        if (::fstat(current.get(), &st) != 0) {
            return R::fail(u"%1: cannot inspect '%2': %3"_s.arg(name.text, name.components.at(i), errnoText(errno)));
        }
        if (!isRootsAlone(st)) {
            return R::fail(u"%1: the directory '%2' %3; the helper writes only through directories that root alone can change"_s
                               .arg(name.text, name.components.mid(0, i + 1).join(QLatin1Char('/')), ownerText(st)));
        }
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
        return errno == ENOENT ? R::ok(status) : R::fail(u"cannot inspect %1: %2"_s.arg(name.text, errnoText(errno)));
    }
    status.kind = S_ISREG(st.st_mode) ? FileStatus::Kind::Regular : S_ISLNK(st.st_mode) ? FileStatus::Kind::SymbolicLink : FileStatus::Kind::Other;
    status.owner = st.st_uid;
    status.group = st.st_gid;
    status.mode = st.st_mode & 07777;
    status.links = st.st_nlink;
    return R::ok(status);
}

Checked<QString> ConfinedDirectory::whyPrivate(const RelativeName &name) const
{
    return Helper::whyPrivate(m_root->get(), name.components);
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
            return R::fail(u"%1 is a symbolic link; it is not written through"_s.arg(name.text));
        }
        if (!S_ISREG(st.st_mode)) {
            return R::fail(u"%1 is not a regular file"_s.arg(name.text));
        }
    } else if (errno != ENOENT) {
        return R::fail(u"cannot inspect %1: %2"_s.arg(name.text, errnoText(errno)));
    }

    QByteArray temporary;
    FileDescriptor out;
    for (int attempt = 0; attempt < 16 && !out.isValid(); ++attempt) {
        temporary = QByteArrayLiteral(".snowpane-") + QByteArray::number(QRandomGenerator::system()->generate64(), 36) + QByteArrayLiteral(".tmp");
        out = FileDescriptor(::openat(dirfd, temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!out.isValid() && errno != EEXIST) {
            return R::fail(u"cannot create a temporary file for %1: %2"_s.arg(name.text, errnoText(errno)));
        }
    }
    if (!out.isValid()) {
        return R::fail(u"cannot create a temporary file for %1"_s.arg(name.text));
    }
    const auto discard = [&](const QString &why) {
        ::unlinkat(dirfd, temporary.constData(), 0);
        return R::fail(u"writing %1 failed: %2"_s.arg(name.text, why));
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
        return R::fail(errno == ELOOP ? u"%1 is a symbolic link; it is not read through"_s.arg(name.text)
                                      : u"cannot open %1: %2"_s.arg(name.text, errnoText(errno)));
    }
    struct stat st{};
    if (::fstat(in.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return R::fail(u"%1 is not a regular file"_s.arg(name.text));
    }
    if (st.st_size > maximumBytes) {
        return R::fail(u"%1 is larger than %2 bytes"_s.arg(name.text).arg(maximumBytes));
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
        return Checked<Done>::fail(u"cannot remove %1: %2"_s.arg(name.text, errnoText(errno)));
    }
    return Checked<Done>::ok({});
}

}
