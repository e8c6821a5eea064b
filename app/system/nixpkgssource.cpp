// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixpkgssource.h"

#include "flakelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

constexpr qint64 MaxLockBytes = 4 * 1024 * 1024;

/** The first line of a small file, or an empty string. */
QString firstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.read(1024)).section(u'\n', 0, 0).trimmed();
}

/** A channel's version suffix carries the day its nixpkgs was made when it is date-based (".20241120.bc3c6a1"). */
QDateTime dateOfVersionSuffix(const QString &suffix)
{
    static const QRegularExpression dated(u"\\A(?:\\.|pre)(\\d{8})\\."_s);
    const auto match = dated.match(suffix);
    if (!match.hasMatch()) {
        return {};
    }
    const QDate day = QDate::fromString(match.captured(1), u"yyyyMMdd"_s);
    return day.isValid() ? QDateTime(day, QTime(0, 0), QTimeZone::UTC) : QDateTime();
}

/** When the profile's current generation was made: lstat of the generation link the profile points at. */
QDateTime generationTime(const QString &profile)
{
    const QString target = QFile::symLinkTarget(profile);
    struct stat st{};
    if (target.isEmpty() || ::lstat(QFile::encodeName(target).constData(), &st) != 0) {
        return {};
    }
    return QDateTime::fromSecsSinceEpoch(st.st_mtim.tv_sec, QTimeZone::UTC);
}

NixpkgsSource readChannel(const QString &channelsProfile)
{
    NixpkgsSource source;
    source.name = u"nixos"_s;
    source.where = channelsProfile + u"/nixos"_s;
    if (!QFileInfo(source.where).isDir()) {
        return source;
    }
    source.kind = NixpkgsSource::Kind::Channel;
    source.revision = firstLine(source.where + u"/.git-revision"_s);
    const QString suffix = firstLine(source.where + u"/.version-suffix"_s);
    QString release = firstLine(source.where + u"/.version"_s);
    if (release.isEmpty()) {
        release = firstLine(source.where + u"/lib/.version"_s);
    }
    if (!release.isEmpty() && !suffix.isEmpty()) {
        source.version = release + suffix;
    }
    source.date = dateOfVersionSuffix(suffix);
    if (!source.date.isValid()) {
        // A channel whose suffix counts commits instead: the day root fetched it is the best there is.
        source.date = generationTime(channelsProfile);
    }
    return source;
}

}

QList<NixpkgsSource> readFlakeInputs(const QString &flakeLockFile)
{
    QFile file(flakeLockFile);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxLockBytes) {
        return {};
    }
    // The window's and the helper's one reading of flake.lock; it gives the inputs in name order.
    QList<NixpkgsSource> result;
    for (const LockedInput &locked : parseFlakeLockInputs(file.readAll())) {
        NixpkgsSource input;
        input.kind = locked.locked ? NixpkgsSource::Kind::Flake : NixpkgsSource::Kind::Unknown;
        input.name = locked.name;
        input.where = flakeLockFile;
        input.revision = locked.revision;
        input.date = locked.date;
        result.append(input);
    }
    return result;
}

NixpkgsSource readNixpkgsSource(const QString &configurationDirectory, const QString &channelsProfile)
{
    if (!QFileInfo(configurationDirectory + u"/flake.nix"_s).isFile()) {
        return readChannel(channelsProfile);
    }
    const QString lockFile = configurationDirectory + u"/flake.lock"_s;
    const QList<NixpkgsSource> inputs = readFlakeInputs(lockFile);
    const auto nixpkgs = std::find_if(inputs.cbegin(), inputs.cend(), [](const NixpkgsSource &input) {
        return input.name == u"nixpkgs"_s;
    });
    if (nixpkgs != inputs.cend()) {
        return *nixpkgs;
    }
    NixpkgsSource unknown;
    unknown.name = u"nixpkgs"_s;
    unknown.where = lockFile;
    return unknown;
}

}
