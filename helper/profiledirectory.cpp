// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "profiledirectory.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
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

}

int ProfileDirectory::generationOfName(const QString &base, const QString &name)
{
    if (base.isEmpty() || !name.startsWith(base + QLatin1Char('-')) || !name.endsWith("-link"_L1)) {
        return 0;
    }
    const QStringView digits = QStringView(name).sliced(base.size() + 1, name.size() - base.size() - 1 - 5);
    if (digits.isEmpty() || digits.size() > 9 || digits.startsWith(QLatin1Char('0'))) {
        return 0;
    }
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return 0;
        }
    }
    return digits.toInt();
}

Checked<ProfileDirectory> ProfileDirectory::open(const QString &profile, bool create)
{
    using R = Checked<ProfileDirectory>;
    const QStringList components = profile.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!profile.startsWith(QLatin1Char('/')) || components.isEmpty() || components.contains(u".."_s) || components.contains(u"."_s)) {
        return R::fail(u"the profile '%1' is not an absolute path"_s.arg(profile));
    }
    FileDescriptor current(::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!current.isValid()) {
        return R::fail(u"cannot open /: %1"_s.arg(errnoText(errno)));
    }
    // Every directory on the way is opened without following a link; the last one must also be root's alone.
    for (qsizetype i = 0; i + 1 < components.size(); ++i) {
        const QByteArray component = QFile::encodeName(components.at(i));
        int next = ::openat(current.get(), component.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT && create) {
            if (::mkdirat(current.get(), component.constData(), 0755) != 0 && errno != EEXIST) {
                return R::fail(u"cannot create the directory of the profile %1: %2"_s.arg(profile, errnoText(errno)));
            }
            next = ::openat(current.get(), component.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (next < 0) {
            const int error = errno;
            if (error == ELOOP || error == ENOTDIR) {
                return R::fail(u"the profile %1: '%2' is a symbolic link or not a directory"_s.arg(profile, components.at(i)));
            }
            return R::fail(u"the profile %1: cannot open '%2': %3"_s.arg(profile, components.at(i), errnoText(error)));
        }
        current = FileDescriptor(next);
    }
    struct stat st{};
    if (::fstat(current.get(), &st) != 0) {
        return R::fail(u"cannot inspect the directory of %1: %2"_s.arg(profile, errnoText(errno)));
    }
    if (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return R::fail(u"the directory of the profile %1 must be owned by root and writable by root only"_s.arg(profile));
    }
    ProfileDirectory directory;
    directory.m_profile = QLatin1Char('/') + components.join(QLatin1Char('/'));
    directory.m_base = components.last();
    directory.m_fd = std::make_shared<FileDescriptor>(std::move(current));
    return R::ok(std::move(directory));
}

QString ProfileDirectory::linkText(const QString &name) const
{
    QByteArray buffer(4096, Qt::Uninitialized);
    const ssize_t n = ::readlinkat(m_fd->get(), QFile::encodeName(name).constData(), buffer.data(), size_t(buffer.size()));
    return n > 0 && n < buffer.size() ? QFile::decodeName(buffer.left(n)) : QString();
}

int ProfileDirectory::currentGeneration() const
{
    return generationOfName(m_base, linkText(m_base));
}

QMap<int, QString> ProfileDirectory::generations() const
{
    QMap<int, QString> found;
    const int fd = ::fcntl(m_fd->get(), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        return found;
    }
    DIR *dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return found;
    }
    ::rewinddir(dir);
    while (const dirent *entry = ::readdir(dir)) {
        const QString name = QFile::decodeName(entry->d_name);
        const int generation = generationOfName(m_base, name);
        struct stat st{};
        if (generation > 0 && ::fstatat(m_fd->get(), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
            found.insert(generation, linkText(name));
        }
    }
    ::closedir(dir);
    return found;
}

Checked<Done> ProfileDirectory::pointAt(int generation) const
{
    using R = Checked<Done>;
    const QByteArray target = QFile::encodeName(generationLinkName(m_base, generation));
    struct stat st{};
    if (::fstatat(m_fd->get(), target.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISLNK(st.st_mode)) {
        return R::fail(u"generation %1 of %2 does not exist"_s.arg(generation).arg(m_profile));
    }
    const QByteArray temporary = QFile::encodeName(m_base) + ".snowpane-" + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    if (::symlinkat(target.constData(), m_fd->get(), temporary.constData()) != 0) {
        return R::fail(u"cannot make a link in the directory of %1: %2"_s.arg(m_profile, errnoText(errno)));
    }
    if (::renameat(m_fd->get(), temporary.constData(), m_fd->get(), QFile::encodeName(m_base).constData()) != 0) {
        const int error = errno;
        ::unlinkat(m_fd->get(), temporary.constData(), 0);
        return R::fail(u"cannot point %1 at generation %2: %3"_s.arg(m_profile).arg(generation).arg(errnoText(error)));
    }
    ::fsync(m_fd->get());
    return R::ok({});
}

Checked<Done> ProfileDirectory::removeProfileLink() const
{
    using R = Checked<Done>;
    const QByteArray name = QFile::encodeName(m_base);
    struct stat st{};
    if (::fstatat(m_fd->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return errno == ENOENT ? R::ok({}) : R::fail(u"cannot inspect %1: %2"_s.arg(m_profile, errnoText(errno)));
    }
    if (!S_ISLNK(st.st_mode)) {
        return R::fail(u"%1 is not a link"_s.arg(m_profile));
    }
    if (::unlinkat(m_fd->get(), name.constData(), 0) != 0 && errno != ENOENT) {
        return R::fail(u"cannot remove %1: %2"_s.arg(m_profile, errnoText(errno)));
    }
    ::fsync(m_fd->get());
    return R::ok({});
}

Checked<Done> ProfileDirectory::removeGeneration(int generation) const
{
    using R = Checked<Done>;
    if (generation == currentGeneration()) {
        return R::fail(u"generation %1 of %2 is the current one"_s.arg(generation).arg(m_profile));
    }
    const QByteArray name = QFile::encodeName(generationLinkName(m_base, generation));
    struct stat st{};
    if (::fstatat(m_fd->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return errno == ENOENT ? R::ok({}) : R::fail(u"cannot inspect generation %1 of %2: %3"_s.arg(generation).arg(m_profile, errnoText(errno)));
    }
    if (!S_ISLNK(st.st_mode)) {
        return R::fail(u"generation %1 of %2 is not a link"_s.arg(generation).arg(m_profile));
    }
    if (::unlinkat(m_fd->get(), name.constData(), 0) != 0 && errno != ENOENT) {
        return R::fail(u"cannot remove generation %1 of %2: %3"_s.arg(generation).arg(m_profile, errnoText(errno)));
    }
    ::fsync(m_fd->get());
    return R::ok({});
}

}
