// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systemcontents.h"
#include "systemlogging.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>

#include <algorithm>

#include <climits>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

// nixos-version is a one-line file; anything longer is not one.
constexpr qsizetype maxVersionFileBytes = 4096;
// The configuration revision comes from running the generation's own
// nixos-version, as nixos-rebuild does; a generation must not hang the caller.
constexpr int nixosVersionTimeoutMs = 5000;

// Plain system calls: a listing of 1,000 generations reads some 4,000 small
// files and directories, and QFile and QDir add a stat or two to each.
QString readFirstLine(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return {};
    }
    char buffer[maxVersionFileBytes];
    const ssize_t length = ::read(fd, buffer, sizeof buffer);
    ::close(fd);
    if (length <= 0) {
        return {};
    }
    return QString::fromUtf8(buffer, length).section(u'\n', 0, 0).trimmed();
}

// The names in a directory, sorted, without hidden ones (as QDir lists them).
QStringList entriesOf(const QString &path)
{
    QStringList names;
    DIR *directory = ::opendir(QFile::encodeName(path).constData());
    if (!directory) {
        return names;
    }
    while (const dirent *entry = ::readdir(directory)) {
        if (entry->d_name[0] != '.') {
            names.append(QFile::decodeName(entry->d_name));
        }
    }
    ::closedir(directory);
    std::ranges::sort(names);
    return names;
}

QString kernelVersionOf(const QString &systemPath)
{
    // kernel-modules is what NixOS activates; the kernel package's own
    // lib/modules is where older nixos-rebuild looked. Either names the version.
    QStringList versions = entriesOf(systemPath + u"/kernel-modules/lib/modules"_s);
    if (versions.isEmpty()) {
        const QString kernelPackage = QFileInfo(QFileInfo(systemPath + u"/kernel"_s).canonicalFilePath()).path();
        if (!kernelPackage.isEmpty()) {
            versions = entriesOf(kernelPackage + u"/lib/modules"_s);
        }
    }
    return versions.value(0);
}

QString runConfigurationRevision(const QString &systemPath)
{
    const QString program = systemPath + u"/sw/bin/nixos-version"_s;
    if (::access(QFile::encodeName(program).constData(), X_OK) != 0) {
        return {};
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, {u"--configuration-revision"_s});
    if (!process.waitForFinished(nixosVersionTimeoutMs)) {
        qCWarning(SNOWPANE_SYSTEM) << "nixos-version did not answer in time:" << program;
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput().left(maxVersionFileBytes)).trimmed();
}

SystemContents readSystemContents(const QString &storePath)
{
    SystemContents contents;
    contents.nixosVersion = readFirstLine(storePath + u"/nixos-version"_s);
    contents.kernelVersion = kernelVersionOf(storePath);
    contents.configurationRevision = runConfigurationRevision(storePath);
    contents.specialisations = entriesOf(storePath + u"/specialisation"_s);
    return contents;
}

QMutex cacheMutex;
QHash<QString, SystemContents> cache;

} // namespace

SystemLinkResolver::Resolved SystemLinkResolver::resolve(const QString &linkPath)
{
    Resolved result;
    char buffer[PATH_MAX];
    const ssize_t length = ::readlink(QFile::encodeName(linkPath).constData(), buffer, sizeof buffer);
    if (length <= 0 || size_t(length) >= sizeof buffer) {
        // Not a link, or an unusual one: the general way.
        result.storePath = QFileInfo(linkPath).canonicalFilePath();
        return result;
    }
    QString target = QFile::decodeName(QByteArray(buffer, length));
    if (!target.startsWith(u'/')) {
        target = QFileInfo(linkPath).absolutePath() + u'/' + target;
    }
    result.target = target;
    const qsizetype slash = target.lastIndexOf(u'/');
    const QString name = target.sliced(slash + 1);
    if (name.isEmpty() || name == u"."_s || name == u".."_s) {
        result.storePath = QFileInfo(linkPath).canonicalFilePath();
        return result;
    }
    const QString directory = slash > 0 ? target.first(slash) : u"/"_s;
    auto known = m_canonicalDirectories.constFind(directory);
    if (known == m_canonicalDirectories.cend()) {
        known = m_canonicalDirectories.insert(directory, QFileInfo(directory).canonicalFilePath());
    }
    if (known->isEmpty()) {
        return result; // the directory itself is gone
    }
    const QString candidate = (*known == u"/"_s ? QString() : *known) + u'/' + name;
    struct stat status{};
    if (::lstat(QFile::encodeName(candidate).constData(), &status) != 0) {
        return result; // dangling: garbage-collected, or never there
    }
    // A store path is a directory or a file, never a link; should one be, follow it all the way.
    result.storePath = S_ISLNK(status.st_mode) ? QFileInfo(candidate).canonicalFilePath() : candidate;
    return result;
}

SystemContents systemContentsOf(const QString &storePath)
{
    // Only the Nix store is immutable; anything else (a test's fake store) is read every time.
    if (!storePath.startsWith(u"/nix/store/"_s)) {
        return readSystemContents(storePath);
    }
    {
        const QMutexLocker locker(&cacheMutex);
        if (const auto cached = cache.constFind(storePath); cached != cache.cend()) {
            return *cached;
        }
    }
    // Read without the lock: two threads may read one path twice, never wrongly.
    SystemContents contents = readSystemContents(storePath);
    const QMutexLocker locker(&cacheMutex);
    cache.insert(storePath, contents);
    return contents;
}

} // namespace Snowpane::System
