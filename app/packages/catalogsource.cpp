// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "catalogsource.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Snowpane::Packages
{

QString CatalogSource::cacheDirectory()
{
    // The generic location, not the application's: Snowpane and snowpane-cli
    // have different application names and must share one cache.
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/snowpane/packages"_s;
}

QString CatalogSource::cacheKey() const
{
    return QString::fromLatin1(QCryptographicHash::hash(nixpkgs.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

QString CatalogSource::cachePath() const
{
    return cacheDirectory() + u'/' + cacheKey() + u".sqlite"_s;
}

QString CatalogSource::fingerprint() const
{
    if (nixpkgs.startsWith(u"/nix/store/"_s)) {
        return u"store:"_s + nixpkgs;
    }
    const QFileInfo info(nixpkgs);
    if (!info.isDir()) {
        return u"file:%1:%2"_s.arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    }
    QFile revision(nixpkgs + u"/.git-revision"_s);
    if (revision.open(QIODevice::ReadOnly)) {
        return u"git:"_s + QString::fromUtf8(revision.readAll().trimmed());
    }
    qint64 newest = 0;
    qint64 count = 0;
    QDirIterator it(nixpkgs, {u"*.nix"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        newest = qMax(newest, it.fileInfo().lastModified().toMSecsSinceEpoch());
        ++count;
    }
    return u"tree:%1:%2"_s.arg(count).arg(newest);
}

CatalogSource CatalogSource::fromPath(const QString &path)
{
    CatalogSource source;
    source.nixpkgs = QFileInfo(path).canonicalFilePath();
    return source;
}

CatalogSource CatalogSource::fromNixPath(QString *error)
{
    QProcess process;
    process.start(u"nix-instantiate"_s, {u"--find-file"_s, u"nixpkgs"_s});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error) {
            const QString message = QString::fromUtf8(process.readAllStandardError()).trimmed();
            *error = u"cannot find <nixpkgs> with nix-instantiate --find-file nixpkgs: %1"_s.arg(message.isEmpty() ? process.errorString() : message);
        }
        return {};
    }
    CatalogSource source = fromPath(QString::fromUtf8(process.readAllStandardOutput()).trimmed());
    if (!source.isValid() && error) {
        *error = u"<nixpkgs> does not exist"_s;
    }
    return source;
}

namespace
{

// Asks Nix where the flake's nixpkgs input is: `nix flake archive` prints the
// store path of every input it fetched, without building anything.
CatalogSource fromFlakeArchive(const QString &flakeDirectory, const QString &nixProgram, QString *error)
{
    QProcess process;
    process.start(nixProgram, {u"flake"_s, u"archive"_s, u"--dry-run"_s, u"--json"_s, flakeDirectory});
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString message = QString::fromUtf8(process.readAllStandardError()).trimmed();
        *error = u"cannot find the nixpkgs input of the flake %1 with nix flake archive: %2"_s.arg(flakeDirectory,
                                                                                                   message.isEmpty() ? process.errorString() : message);
        return {};
    }
    const QJsonObject archive = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QString path = archive.value(u"inputs"_s).toObject().value(u"nixpkgs"_s).toObject().value(u"path"_s).toString();
    if (path.isEmpty()) {
        *error = u"nix flake archive names no store path for the nixpkgs input of the flake %1"_s.arg(flakeDirectory);
        return {};
    }
    CatalogSource source = CatalogSource::fromPath(path);
    if (!source.isValid()) {
        *error = u"the nixpkgs input of the flake %1 is %2, which does not exist"_s.arg(flakeDirectory, path);
    }
    return source;
}

} // namespace

CatalogSource CatalogSource::fromFlake(const QString &flakeDirectory, QString *error, const QString &nixProgram)
{
    QString ignored;
    QString &problem = error ? *error : ignored;
    QFile lockFile(flakeDirectory + u"/flake.lock"_s);
    if (!lockFile.open(QIODevice::ReadOnly)) {
        problem = u"the flake %1 has no flake.lock; run 'nix flake lock' there first"_s.arg(flakeDirectory);
        return {};
    }
    const QJsonObject lock = QJsonDocument::fromJson(lockFile.readAll()).object();
    const QJsonObject nodes = lock.value(u"nodes"_s).toObject();
    const QJsonObject root = nodes.value(lock.value(u"root"_s).toString(u"root"_s)).toObject();
    const QJsonValue input = root.value(u"inputs"_s).toObject().value(u"nixpkgs"_s);
    if (input.isUndefined()) {
        problem = u"the flake %1 has no input called nixpkgs"_s.arg(flakeDirectory);
        return {};
    }
    // A direct input names its node; a `follows` is a list, which only Nix resolves.
    const QJsonObject locked = nodes.value(input.toString()).toObject().value(u"locked"_s).toObject();
    if (input.isString() && locked.value(u"type"_s).toString() == u"path"_s) {
        const QString path = QDir(flakeDirectory).absoluteFilePath(locked.value(u"path"_s).toString());
        CatalogSource source = fromPath(path);
        if (!source.isValid()) {
            problem = u"the nixpkgs input of the flake %1 is the path %2, which does not exist"_s.arg(flakeDirectory, path);
        }
        return source;
    }
    return fromFlakeArchive(QFileInfo(flakeDirectory).absoluteFilePath(), nixProgram, &problem);
}

CatalogSource CatalogSource::forConfiguration(const QString &configurationDirectory, QString *error)
{
    if (QFileInfo::exists(configurationDirectory + u"/flake.nix"_s)) {
        return fromFlake(configurationDirectory, error);
    }
    return fromNixPath(error);
}

} // namespace Snowpane::Packages
