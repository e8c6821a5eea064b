// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optionsource.h"

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
#include <QSysInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

namespace
{

// Bumped when the evaluation expression or the cached format changes.
constexpr auto cacheSchema = "snowpane-options-2";
constexpr int maximumHashedFiles = 20000;

// The `NAME=PATH` entry of a NIX_PATH-style search path, or the PATH/NAME of a plain entry that has it.
[[nodiscard]] QString searchPathEntry(const QString &nixPath, const QString &name)
{
    for (const QString &entry : nixPath.split(u':', Qt::SkipEmptyParts)) {
        const qsizetype equals = entry.indexOf(u'=');
        if (equals > 0 && entry.left(equals) == name) {
            return entry.mid(equals + 1);
        }
        if (equals < 0 && QFileInfo::exists(entry + u'/' + name)) {
            return entry + u'/' + name;
        }
    }
    return {};
}

// Sizes and modification times of the files below @p directory whose names pass @p wanted, in a stable order.
void hashTree(QCryptographicHash &hash, const QString &directory, bool contents, bool (*wanted)(const QString &))
{
    QStringList files;
    QDirIterator it(directory, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext() && files.size() < maximumHashedFiles) {
        const QString path = it.next();
        if (path.contains(u"/.git/"_s) || !wanted(it.fileName())) {
            continue;
        }
        files.append(path);
    }
    std::ranges::sort(files);
    for (const QString &path : std::as_const(files)) {
        const QFileInfo info(path);
        hash.addData(QDir(directory).relativeFilePath(path).toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        if (contents) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                hash.addData(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
            }
        } else {
            hash.addData(QByteArray(QByteArray::number(info.size()) + ' ' + QByteArray::number(info.lastModified().toMSecsSinceEpoch())));
        }
        hash.addData(QByteArrayView("\n", 1));
    }
}

[[nodiscard]] bool isConfigurationFile(const QString &name)
{
    return name.endsWith(u".nix"_s) || name.endsWith(u".json"_s) || name.endsWith(u".lock"_s) || name.endsWith(u".toml"_s);
}

[[nodiscard]] bool anyFile(const QString &)
{
    return true;
}

// What identifies a nixpkgs source tree at @p path.
[[nodiscard]] QString pathIdentity(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty()) {
        return {};
    }
    // Store paths never change.
    if (canonical.startsWith(u"/nix/store/"_s)) {
        return u"store:"_s + canonical;
    }
    QFile revision(canonical + u"/.git-revision"_s);
    if (revision.open(QIODevice::ReadOnly)) {
        return u"revision:"_s + QString::fromUtf8(revision.readAll().trimmed()) + u' ' + canonical;
    }
    // A checkout: its path and the state of the files the options come from.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hashTree(hash, canonical + u"/lib"_s, false, anyFile);
    hashTree(hash, canonical + u"/nixos"_s, false, anyFile);
    return u"tree:"_s + canonical + u' ' + QString::fromLatin1(hash.result().toHex());
}

[[nodiscard]] QString flakeNixpkgsIdentity(const QString &flakeDirectory, QString *error)
{
    QFile lockFile(flakeDirectory + u"/flake.lock"_s);
    if (!lockFile.open(QIODevice::ReadOnly)) {
        return u"unlocked"_s;
    }
    const QJsonObject nodes = QJsonDocument::fromJson(lockFile.readAll()).object().value(u"nodes"_s).toObject();
    const QString rootName = u"root"_s;
    const QJsonValue input = nodes.value(rootName).toObject().value(u"inputs"_s).toObject().value(u"nixpkgs"_s);
    if (!input.isString()) {
        // No input called nixpkgs: the lock as a whole identifies the inputs.
        return u"lock:"_s
            + QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(nodes).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
    }
    const QJsonObject locked = nodes.value(input.toString()).toObject().value(u"locked"_s).toObject();
    if (locked.contains(u"narHash"_s)) {
        return u"narHash:"_s + locked.value(u"narHash"_s).toString();
    }
    if (locked.contains(u"rev"_s)) {
        return u"rev:"_s + locked.value(u"rev"_s).toString();
    }
    if (locked.value(u"type"_s).toString() == u"path"_s) {
        const QString path = QDir(flakeDirectory).absoluteFilePath(locked.value(u"path"_s).toString());
        const QString identity = pathIdentity(path);
        if (identity.isEmpty()) {
            *error = u"the nixpkgs input of %1 is the path %2, which does not exist"_s.arg(flakeDirectory, path);
        }
        return identity;
    }
    return u"locked:"_s + QString::fromUtf8(QJsonDocument(locked).toJson(QJsonDocument::Compact));
}

} // namespace

OptionSource OptionSource::detect(const QString &configurationDirectory)
{
    OptionSource source;
    if (QFileInfo::exists(configurationDirectory + u"/flake.nix"_s)) {
        source.kind = Kind::Flake;
        source.flake = configurationDirectory;
        return source;
    }
    source.kind = Kind::Classic;
    source.configuration = source.environment.value(u"NIXOS_CONFIG"_s);
    if (source.configuration.isEmpty()) {
        source.configuration = searchPathEntry(source.environment.value(u"NIX_PATH"_s), u"nixos-config"_s);
    }
    if (source.configuration.isEmpty()) {
        source.configuration = configurationDirectory + u"/configuration.nix"_s;
    }
    return source;
}

QString OptionSource::effectiveHost() const
{
    return host.isEmpty() ? QSysInfo::machineHostName() : host;
}

QString OptionSource::describe() const
{
    switch (kind) {
    case Kind::Classic:
        return u"the configuration %1"_s.arg(configuration);
    case Kind::Flake:
        return u"the flake %1 (nixosConfigurations.%2)"_s.arg(flake, effectiveHost());
    case Kind::File:
        return u"the options file %1"_s.arg(optionsJson);
    }
    return {};
}

QString optionsCacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/snowpane/options"_s;
}

CacheKey cacheKeyFor(const OptionSource &source)
{
    CacheKey result;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(cacheSchema));
    QString directory;
    if (source.kind == OptionSource::Kind::Classic) {
        const QFileInfo entry(source.configuration);
        if (!entry.isFile()) {
            result.error = u"the configuration %1 does not exist"_s.arg(source.configuration);
            return result;
        }
        QString nixpkgs = source.nixpkgs.isEmpty() ? searchPathEntry(source.environment.value(u"NIX_PATH"_s), u"nixpkgs"_s) : source.nixpkgs;
        if (nixpkgs.isEmpty() || !QFileInfo::exists(nixpkgs)) {
            // NIX_PATH names nixpkgs indirectly (a flake reference, a channel): ask Nix where it is.
            QProcess process;
            process.setProcessEnvironment(source.environment);
            process.start(u"nix-instantiate"_s, {u"--find-file"_s, u"nixpkgs"_s});
            if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0) {
                nixpkgs = QString::fromUtf8(process.readAllStandardOutput().trimmed());
            }
        }
        result.nixpkgsIdentity = pathIdentity(nixpkgs);
        if (result.nixpkgsIdentity.isEmpty()) {
            result.error = u"cannot find <nixpkgs>: NIX_PATH has no nixpkgs entry and nix-instantiate --find-file nixpkgs failed"_s;
            return result;
        }
        hash.addData(entry.canonicalFilePath().toUtf8());
        directory = entry.absolutePath();
    } else if (source.kind == OptionSource::Kind::Flake) {
        if (!QFileInfo::exists(source.flake + u"/flake.nix"_s)) {
            result.error = u"%1 has no flake.nix"_s.arg(source.flake);
            return result;
        }
        result.nixpkgsIdentity = flakeNixpkgsIdentity(source.flake, &result.error);
        if (!result.error.isEmpty()) {
            return result;
        }
        hash.addData(QByteArray(QFileInfo(source.flake).canonicalFilePath().toUtf8() + '#' + source.effectiveHost().toUtf8()));
        directory = source.flake;
    } else {
        result.error = u"an options.json file is read directly, not cached"_s;
        return result;
    }
    hash.addData(QByteArrayView("\n"));
    hash.addData(result.nixpkgsIdentity.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hashTree(hash, directory, true, isConfigurationFile);
    result.key = QString::fromLatin1(hash.result().toHex().left(32));
    return result;
}

} // namespace Snowpane::Options
