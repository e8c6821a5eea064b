// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "builddirectory.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

Checked<BuildDirectory> classifyBuildDirectory(const QString &path, bool isSymbolicLink, bool isDirectory, uid_t owner, mode_t mode)
{
    using R = Checked<BuildDirectory>;
    if (!path.startsWith(QLatin1Char('/')) || path.split(QLatin1Char('/')).contains(u".."_s)) {
        return R::fail(u"the configuration directory '%1' is not an absolute path without '..'"_s.arg(path));
    }
    if (isSymbolicLink) {
        return R::fail(u"the configuration directory %1 is a symbolic link; name the directory it points at in helper.conf"_s.arg(path));
    }
    if (!isDirectory) {
        return R::fail(u"the configuration directory %1 is not a directory"_s.arg(path));
    }
    if ((mode & (S_IWGRP | S_IWOTH)) != 0) {
        return R::fail(u"the configuration directory %1 may be written by users other than its owner"_s.arg(path));
    }
    return R::ok(BuildDirectory{owner == 0 ? BuildDirectoryOwner::Root : BuildDirectoryOwner::User, owner});
}

Checked<BuildDirectory> inspectBuildDirectory(const QString &path)
{
    struct stat st{};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        return Checked<BuildDirectory>::fail(u"cannot open the configuration directory %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    return classifyBuildDirectory(path, S_ISLNK(st.st_mode), S_ISDIR(st.st_mode), st.st_uid, st.st_mode & 07777);
}

}
