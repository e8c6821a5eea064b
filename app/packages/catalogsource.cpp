// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "catalogsource.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
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

} // namespace Snowpane::Packages
