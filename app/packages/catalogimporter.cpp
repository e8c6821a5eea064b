// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "catalogimporter.h"

#include "packageslogging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Snowpane::Packages
{

namespace
{

constexpr qint64 progressEveryPackages = 2000;

QString formatName(CatalogFormat format)
{
    return format == CatalogFormat::PackagesJson ? u"packages.json"_s : u"nix-env"_s;
}

} // namespace

QByteArray CatalogImporter::listerExpression()
{
    return R"nix(# Written by Snowpane for nix-env -qaP --json --meta -f THIS.
{ nixpkgs, config ? { } }:
let
  pkgs = import (/. + nixpkgs) { inherit config; };
  # A copy is a value nix-env has not seen, so it is listed under this name
  # too; `// { }` would not do, as Nix returns the same value for it.
  own = name: value: if builtins.isAttrs value && (value.type or null) == "derivation" then value // { __snowpaneListedAs = name; } else value;
in
builtins.mapAttrs own pkgs
)nix";
}

QStringList CatalogImporter::nixEnvArguments(const QString &nixpkgs, const QString &lister)
{
    // The configuration channels use for packages.json: list what a user may
    // be blocked from building too, and flag it, rather than hide it.
    return {u"-qaP"_s,
            u"--json"_s,
            u"--meta"_s,
            u"-f"_s,
            lister,
            u"--argstr"_s,
            u"nixpkgs"_s,
            nixpkgs,
            u"--arg"_s,
            u"config"_s,
            u"{ allowAliases = false; allowUnfree = true; allowBroken = true; allowInsecurePredicate = _: true; }"_s};
}

ImportResult CatalogImporter::run(const ImportRequest &request, const std::atomic<bool> *cancel, const ProgressFunction &progress)
{
    QElapsedTimer timer;
    timer.start();
    ImportResult result;
    result.cachePath = request.cachePath.isEmpty() ? request.source.cachePath() : request.cachePath;
    const QString kept = u"; the previous package cache was kept"_s;
    auto cancelled = [cancel] {
        return cancel && cancel->load(std::memory_order_relaxed);
    };

    QFile file;
    QTemporaryDir listerDirectory;
    QProcess process;
    ImportProgress current;
    JsonReader::ReadFunction read;
    if (!request.fromFile.isEmpty()) {
        file.setFileName(request.fromFile);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = u"cannot read %1: %2%3"_s.arg(request.fromFile, file.errorString(), kept);
            return result;
        }
        current.totalBytes = file.size();
        read = [&file](char *buffer, qint64 size) {
            return file.read(buffer, size);
        };
    } else {
        QFile lister(listerDirectory.filePath(u"list-packages.nix"_s));
        if (!listerDirectory.isValid() || !lister.open(QIODevice::WriteOnly) || lister.write(listerExpression()) < 0 || !lister.flush()) {
            result.error = u"cannot write %1: %2%3"_s.arg(lister.fileName(), lister.errorString(), kept);
            return result;
        }
        lister.close();
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(request.nixEnvProgram, nixEnvArguments(request.source.nixpkgs, lister.fileName()));
        if (!process.waitForStarted()) {
            result.error = u"cannot run %1: %2%3"_s.arg(request.nixEnvProgram, process.errorString(), kept);
            return result;
        }
        read = [&process, &cancelled](char *buffer, qint64 size) -> qint64 {
            for (;;) {
                if (cancelled()) {
                    return -1;
                }
                const qint64 count = process.read(buffer, size);
                if (count > 0) {
                    return count;
                }
                // Once nix-env has exited and its output is drained, read()
                // reports -1 for the closed device: that is the end, not an error.
                if (process.state() == QProcess::NotRunning) {
                    return 0;
                }
                if (count < 0) {
                    return -1;
                }
                // Short waits, so that a cancel during a long evaluation is seen quickly.
                process.waitForReadyRead(200);
            }
        };
    }

    CatalogWriter writer;
    if (!writer.open(result.cachePath, request.writerOptions)) {
        result.error = writer.errorString() + kept;
        return result;
    }
    JsonReader reader(read);
    bool writeFailed = false;
    const auto parsed = PackageStreamParser::parse(reader, request.format, [&](PackageRecord &record) {
        if (cancelled()) {
            return false;
        }
        if (!writer.add(record)) {
            writeFailed = true;
            return false;
        }
        if (progress && writer.count() % progressEveryPackages == 0) {
            current.bytes = reader.offset();
            current.packages = writer.count();
            progress(current);
        }
        return true;
    });

    QString nixEnvError;
    if (request.fromFile.isEmpty()) {
        if (cancelled() || !parsed.ok) {
            process.kill();
        }
        process.waitForFinished(-1);
        if (!cancelled() && (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)) {
            nixEnvError = u"nix-env failed (exit code %1): %2"_s.arg(process.exitCode()).arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
        }
    }

    result.packages = writer.count();
    if (cancelled()) {
        writer.abort();
        result.cancelled = true;
        result.error = u"the import was cancelled"_s + kept;
        return result;
    }
    if (!nixEnvError.isEmpty()) {
        writer.abort();
        result.error = nixEnvError + kept;
        return result;
    }
    if (!parsed.ok) {
        writer.abort();
        const QString what = request.fromFile.isEmpty() ? u"nix-env's output"_s : request.fromFile;
        result.error = writeFailed ? writer.errorString() + kept : u"cannot import %1: %2%3"_s.arg(what, parsed.error, kept);
        return result;
    }
    const QList<QPair<QString, QString>> info = {
        {u"source"_s, request.source.nixpkgs},
        {u"fingerprint"_s, request.source.fingerprint()},
        {u"origin"_s, request.fromFile.isEmpty() ? u"nix-env"_s : request.fromFile},
        {u"format"_s, formatName(parsed.format)},
        {u"imported"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    if (!writer.commit(info)) {
        result.error = writer.errorString() + kept;
        return result;
    }
    if (progress) {
        current.bytes = reader.offset();
        current.packages = writer.count();
        progress(current);
    }
    result.ok = true;
    result.elapsedMs = timer.elapsed();
    qCDebug(SNOWPANE_PACKAGES) << "imported" << result.packages << "packages into" << result.cachePath << "in" << result.elapsedMs << "ms";
    return result;
}

} // namespace Snowpane::Packages
