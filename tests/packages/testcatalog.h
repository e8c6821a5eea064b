// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "catalog.h"
#include "catalogimporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

/**
 * Builders for catalog JSON in the real nix-env shape, and a one-call
 * import into a temporary cache, shared by the import and search tests.
 */
namespace TestCatalog
{

using namespace Qt::StringLiterals;

struct Spec {
    QString attr;
    QString pname;
    QString version;
    QString description;
    QJsonValue license = QJsonObject{{u"spdxId"_s, u"MIT"_s}, {u"shortName"_s, u"mit"_s}, {u"fullName"_s, u"MIT License"_s}, {u"free"_s, true}};
    bool unfree = false;
};

inline QJsonObject package(const Spec &spec)
{
    const QJsonObject meta{
        {u"available"_s, !spec.unfree},
        {u"broken"_s, false},
        {u"description"_s, spec.description},
        {u"homepage"_s, u"https://example.org/%1"_s.arg(spec.pname)},
        {u"insecure"_s, false},
        {u"license"_s, spec.license},
        {u"mainProgram"_s, spec.pname},
        {u"maintainers"_s, QJsonArray{QJsonObject{{u"name"_s, u"Alice"_s}, {u"github"_s, u"alice"_s}}}},
        {u"platforms"_s, QJsonArray{u"x86_64-linux"_s, u"aarch64-linux"_s}},
        {u"position"_s, u"/nix/store/x/pkgs/%1/default.nix:10"_s.arg(spec.pname)},
        {u"unfree"_s, spec.unfree},
    };
    return {
        {u"meta"_s, meta},
        {u"name"_s, QString(spec.pname + u'-' + spec.version)},
        {u"outputName"_s, u"out"_s},
        {u"outputs"_s, QJsonObject{{u"out"_s, QJsonValue::Null}}},
        {u"pname"_s, spec.pname},
        {u"system"_s, u"x86_64-linux"_s},
        {u"version"_s, spec.version},
    };
}

inline QByteArray nixEnvJson(const QList<Spec> &specs)
{
    QJsonObject top;
    for (const Spec &spec : specs) {
        top.insert(spec.attr, package(spec));
    }
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

/// @p count packages named pkg00000… in nix-env's shape, written directly for speed.
inline QByteArray manyPackages(int count)
{
    QByteArray json = "{\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i).rightJustified(5, '0');
        json += "  \"pkg" + n + "\": {\"meta\": {\"description\": \"Package number " + n
            + "\", \"license\": {\"spdxId\": \"MIT\", \"free\": true}, \"platforms\": [\"x86_64-linux\"], \"unfree\": false},"
              " \"name\": \"pkg"
            + n + "-1.0\", \"pname\": \"pkg" + n + "\", \"version\": \"1.0\"}" + (i + 1 < count ? ",\n" : "\n");
    }
    return json + "}\n";
}

/// Imports @p json into @p cachePath; the result says how it went.
inline Snowpane::Packages::ImportResult
importJson(const QTemporaryDir &dir, const QByteArray &json, const QString &cachePath, Snowpane::Packages::CatalogWriter::Options options = {})
{
    const QString file = dir.filePath(u"catalog.json"_s);
    if (!writeFile(file, json)) {
        return {};
    }
    Snowpane::Packages::ImportRequest request;
    request.source.nixpkgs = dir.path() + u"/nixpkgs"_s;
    request.fromFile = file;
    request.cachePath = cachePath;
    request.writerOptions = options;
    return Snowpane::Packages::CatalogImporter::run(request);
}

} // namespace TestCatalog
