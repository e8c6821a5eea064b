// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The real catalog of the stand-in system, evaluated with real Nix (classic
// and flake), cached in the XDG cache directory, the cache keyed by the
// configuration's files, Nix's errors passed on, cancellation. Needs Nix:
// fails, never skips, without it.

#include "optionevaluator.h"
#include "standinsource.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

using namespace StandInSource;

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

constexpr auto userModule = R"nix({ lib, ... }:
{
  options.snowpaneTest.port = lib.mkOption {
    type = lib.types.port;
    default = 8080;
    description = "A port of the own module of the user.";
  };
  options.snowpaneTest.secret = lib.mkOption {
    type = lib.types.str;
    internal = true;
    description = "Internal: in the catalog, flagged, listed only on request.";
  };
  config = {
    fileSystems."/".device = "/dev/sda1";
    networking.hostName = "evaluator-test";
  };
}
)nix";

} // namespace

class OptionEvaluatorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(u"nix-instantiate"_s).isEmpty() || QStandardPaths::findExecutable(u"nix"_s).isEmpty()) {
            QFAIL(
                "nix-instantiate and nix are not on PATH. These tests evaluate the stand-in system with real Nix: run them in the build environment "
                "(tools/dev exec ctest --test-dir BUILD -R options).");
        }
        QVERIFY2(QFile::exists(fixtures() + u"/demo/configuration.nix"_s), qPrintable(fixtures()));
        QDir(optionsCacheDirectory()).removeRecursively();
    }

    void classicEvaluationAndCache()
    {
        const OptionSource source = classic(fixtures() + u"/demo/configuration.nix"_s);
        OptionEvaluator evaluator;
        QSignalSpy progress(&evaluator, &OptionEvaluator::progress);
        QSignalSpy finished(&evaluator, &OptionEvaluator::finished);
        evaluator.start(source);
        QVERIFY(evaluator.isRunning());
        QVERIFY(finished.wait(120000));
        const auto result = finished.at(0).at(0).value<CatalogOpening>();
        QVERIFY2(result.status == CatalogOpening::Status::Ok, qPrintable(result.error));
        QVERIFY(!result.fromCache);
        QVERIFY(QFile::exists(result.cacheFile));
        QVERIFY(result.cacheFile.startsWith(optionsCacheDirectory()));
        QStringList stages;
        for (const auto &arguments : std::as_const(progress)) {
            stages.append(arguments.at(0).toString());
        }
        QCOMPARE(stages, (QStringList{u"cache"_s, u"evaluate"_s, u"load"_s, u"save"_s}));

        const OptionCatalog &catalog = *result.catalog;
        QVERIFY2(catalog.size() > 100, qPrintable(QString::number(catalog.size())));
        const int ssh = catalog.indexOf(u"services.openssh.enable"_s);
        QVERIFY(ssh >= 0);
        QCOMPARE(catalog.type(ssh).editor.kind, EditorKind::Switch);
        QVERIFY(catalog.option(ssh).declarations.constFirst().endsWith(u".nix"_s));
        // Internal options (_module.args, assertions) are in the catalog, flagged, for the setting that lists them.
        for (const QString &name : {u"_module.args"_s, u"assertions"_s}) {
            const int index = catalog.indexOf(name);
            QVERIFY2(index >= 0, qPrintable(name));
            QVERIFY2(catalog.isInternal(index), qPrintable(name));
        }
        QVERIFY(!catalog.isInternal(ssh));

        // A valid cache means no Nix at all: without Nix on PATH it still opens.
        OptionSource withoutNix = source;
        withoutNix.environment.insert(u"PATH"_s, u"/nonexistent"_s);
        QElapsedTimer timer;
        timer.start();
        const CatalogOpening cached = OptionEvaluator::open(withoutNix);
        QVERIFY2(cached.status == CatalogOpening::Status::Ok, qPrintable(cached.error));
        QVERIFY(cached.fromCache);
        QCOMPARE(cached.catalog->toJson(), catalog.toJson());

        // Without the cache, the missing Nix is a clear error.
        const CatalogOpening noNix = OptionEvaluator::open(withoutNix, false);
        QCOMPARE(noNix.status, CatalogOpening::Status::Failed);
        QVERIFY2(noNix.error.startsWith(u"Cannot run nix-instantiate"_s), qPrintable(noNix.error));
    }

    void userModulesAndCacheKey()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"configuration.nix"_s), "{ imports = [ ./own.nix ]; }\n"));
        QVERIFY(writeFile(dir.filePath(u"own.nix"_s), userModule));
        const OptionSource source = classic(dir.filePath(u"configuration.nix"_s));

        const CatalogOpening first = OptionEvaluator::open(source);
        QVERIFY2(first.status == CatalogOpening::Status::Ok, qPrintable(first.error));
        QVERIFY(!first.fromCache);
        const int port = first.catalog->indexOf(u"snowpaneTest.port"_s);
        QVERIFY(port >= 0);
        const Option option = first.catalog->option(port);
        QCOMPARE(option.type->text, u"16 bit unsigned integer; between 0 and 65535 (both inclusive)"_s);
        QCOMPARE(option.defaultValue.text, u"8080"_s);
        QCOMPARE(option.declarations, QStringList{QFileInfo(dir.filePath(u"own.nix"_s)).canonicalFilePath()});
        const int secret = first.catalog->indexOf(u"snowpaneTest.secret"_s);
        QVERIFY(secret >= 0);
        QVERIFY(first.catalog->isInternal(secret));
        QVERIFY(!first.catalog->isInternal(port));

        QVERIFY(OptionEvaluator::open(source).fromCache);
        // Editing any file of the configuration invalidates the cache.
        QVERIFY(writeFile(dir.filePath(u"own.nix"_s), QByteArray(userModule).replace("8080", "9090")));
        const CatalogOpening edited = OptionEvaluator::open(source);
        QVERIFY2(edited.status == CatalogOpening::Status::Ok, qPrintable(edited.error));
        QVERIFY(!edited.fromCache);
        QCOMPARE(edited.catalog->option(edited.catalog->indexOf(u"snowpaneTest.port"_s)).defaultValue.text, u"9090"_s);
        QVERIFY(edited.cacheFile != first.cacheFile);
    }

    void flake()
    {
        OptionSource source;
        source.kind = OptionSource::Kind::Flake;
        source.flake = fixtures() + u"/flake"_s;
        source.host = u"demo"_s;
        source.environment = nixEnvironment();
        const CatalogOpening result = OptionEvaluator::open(source);
        QVERIFY2(result.status == CatalogOpening::Status::Ok, qPrintable(result.error));
        QVERIFY(!result.fromCache);
        QVERIFY(result.catalog->indexOf(u"services.openssh.enable"_s) >= 0);
        QVERIFY(result.catalog->indexOf(u"networking.hostName"_s) >= 0);
        QVERIFY(OptionEvaluator::open(source).fromCache);

        source.host = u"no-such-host"_s;
        const CatalogOpening missing = OptionEvaluator::open(source);
        QCOMPARE(missing.status, CatalogOpening::Status::Failed);
        QVERIFY2(missing.error.contains(u"no-such-host"_s), qPrintable(missing.error));
    }

    void nixErrorIsPassedOn()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"configuration.nix"_s), "{ services.openssh.enable = true\n"));
        const CatalogOpening result = OptionEvaluator::open(classic(dir.filePath(u"configuration.nix"_s)));
        QCOMPARE(result.status, CatalogOpening::Status::Failed);
        QVERIFY2(result.error.startsWith(u"Nix could not evaluate the options of the configuration "_s), qPrintable(result.error));
        // Nix's own text, with the file, and without terminal colours.
        QVERIFY2(result.error.contains(u"syntax error"_s), qPrintable(result.error));
        QVERIFY2(result.error.contains(dir.filePath(u"configuration.nix"_s)), qPrintable(result.error));
        QVERIFY(!result.error.contains(u'\x1b'));
        QVERIFY(result.catalog == nullptr);
    }

    void missingConfiguration()
    {
        const CatalogOpening result = OptionEvaluator::open(classic(u"/nonexistent/configuration.nix"_s));
        QCOMPARE(result.status, CatalogOpening::Status::Failed);
        QCOMPARE(
            result.error,
            u"Cannot evaluate the options of the configuration /nonexistent/configuration.nix: the configuration /nonexistent/configuration.nix does not exist"_s);
    }

    void cancel()
    {
        OptionEvaluator evaluator;
        QSignalSpy finished(&evaluator, &OptionEvaluator::finished);
        evaluator.start(classic(fixtures() + u"/demo/configuration.nix"_s), false);
        QVERIFY(evaluator.isRunning());
        evaluator.cancel();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).value<CatalogOpening>().status, CatalogOpening::Status::Cancelled);
        QVERIFY(!evaluator.isRunning());
    }

    void optionsJsonFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"options.json"_s);
        QVERIFY(writeFile(path, R"({"a.b": {"loc": ["a", "b"], "type": "boolean", "description": "x"}})"));
        OptionSource source;
        source.kind = OptionSource::Kind::File;
        source.optionsJson = path;
        const CatalogOpening result = OptionEvaluator::open(source);
        QVERIFY2(result.status == CatalogOpening::Status::Ok, qPrintable(result.error));
        QCOMPARE(result.catalog->size(), 1);

        source.optionsJson = dir.filePath(u"missing.json"_s);
        const CatalogOpening missing = OptionEvaluator::open(source);
        QCOMPARE(missing.status, CatalogOpening::Status::Failed);
        QVERIFY(missing.error.startsWith(u"cannot read "_s));
    }

    void detect()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"configuration.nix"_s), "{ }\n"));
        qputenv("NIXOS_CONFIG", "");
        qputenv("NIX_PATH", "nixpkgs=/x:nixos-config=/y/configuration.nix");
        OptionSource source = OptionSource::detect(dir.path());
        QCOMPARE(source.kind, OptionSource::Kind::Classic);
        QCOMPARE(source.configuration, u"/y/configuration.nix"_s);
        qputenv("NIX_PATH", "nixpkgs=/x");
        QCOMPARE(OptionSource::detect(dir.path()).configuration, dir.filePath(u"configuration.nix"_s));
        QVERIFY(writeFile(dir.filePath(u"flake.nix"_s), "{ outputs = _: { }; }\n"));
        source = OptionSource::detect(dir.path());
        QCOMPARE(source.kind, OptionSource::Kind::Flake);
        QCOMPARE(source.flake, dir.path());
    }
};

QTEST_GUILESS_MAIN(OptionEvaluatorTest)
#include "tst_optionevaluator.moc"
