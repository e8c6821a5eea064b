// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The catalog and installed packages against real Nix: nix-env over the
// stand-in nixpkgs, a demo system built by make-demo-system, and
// snowpane-cli packages on both. Without Nix these tests fail and say why.

#include "catalog.h"
#include "catalogimporter.h"
#include "closurereader.h"
#include "installedpackages.h"
#include "nixtools.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

namespace
{

const QString standIn = QStringLiteral(SNOWPANE_SOURCE_DIR "/tests/fixtures/nixpkgs");

struct Cli {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class PackagesNixTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QJsonObject m_nixEnv;

    Cli cli(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // The CLI's cache goes to the test's directory, not the user's.
        environment.insert(u"XDG_CACHE_HOME"_s, m_dir.filePath(u"xdg-cache"_s));
        environment.insert(u"NIX_CONFIG"_s, u"substituters =\n"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SNOWPANE_CLI), QStringList{u"packages"_s} + arguments);
        Cli run;
        if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit) {
            run.exitCode = process.exitCode();
        }
        run.out = process.readAllStandardOutput();
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = NixTools::requireNix();
        if (!missing.isEmpty()) {
            QFAIL(qPrintable(missing));
        }
        QStandardPaths::setTestModeEnabled(true);
        qputenv("NIX_CONFIG", "substituters =\n");
        QVERIFY(m_dir.isValid());
        QFile lister(m_dir.filePath(u"list-packages.nix"_s));
        QVERIFY(lister.open(QIODevice::WriteOnly));
        QVERIFY(lister.write(CatalogImporter::listerExpression()) > 0);
        lister.close();
        const auto listed = NixTools::run(u"nix-env"_s, CatalogImporter::nixEnvArguments(standIn, lister.fileName()));
        QVERIFY2(listed.ok(), listed.err.constData());
        m_nixEnv = QJsonDocument::fromJson(listed.out).object();
        QVERIFY(m_nixEnv.size() > 50);
        // Names that are the same value as another (python3 = python312) are listed too.
        QVERIFY(m_nixEnv.contains(u"python3"_s));
        QVERIFY(m_nixEnv.contains(u"python312"_s));
        const auto plain = NixTools::run(u"nix-env"_s, {u"-qaP"_s, u"--json"_s, u"-f"_s, standIn, u"--arg"_s, u"config"_s, u"{ allowAliases = false; }"_s});
        QVERIFY2(plain.ok(), plain.err.constData());
        QVERIFY(!QJsonDocument::fromJson(plain.out).object().contains(u"python312"_s));

        m_demo = m_dir.filePath(u"demo"_s);
        const auto demo = NixTools::run(QStringLiteral(SNOWPANE_SOURCE_DIR "/tests/fixtures/make-demo-system"), {m_demo}, {}, 600000);
        QVERIFY2(demo.ok(), qPrintable(u"make-demo-system failed: "_s + QString::fromUtf8(demo.err)));
    }

    void importFromNixEnv()
    {
        ImportRequest request;
        request.source = CatalogSource::fromPath(standIn);
        request.cachePath = m_dir.filePath(u"nix-env.sqlite"_s);
        const ImportResult result = CatalogImporter::run(request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.packages, m_nixEnv.size());

        QString error;
        auto catalog = Catalog::open(request.cachePath, &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->info().origin, u"nix-env"_s);
        QCOMPARE(catalog->info().source, QFileInfo(standIn).canonicalFilePath());
        QCOMPARE(catalog->info().fingerprint, request.source.fingerprint());
        // Every attribute nix-env lists is there, with its name and version.
        for (auto it = m_nixEnv.constBegin(); it != m_nixEnv.constEnd(); ++it) {
            const auto package = catalog->package(it.key());
            QVERIFY2(package, qPrintable(it.key()));
            const QJsonObject object = it.value().toObject();
            QCOMPARE(package->name, object.value(u"name"_s).toString());
            QCOMPARE(package->version, object.value(u"version"_s).toString());
            const QJsonObject meta = object.value(u"meta"_s).toObject();
            QCOMPARE(package->description, meta.value(u"description"_s).toString());
            QCOMPARE(package->unfree, meta.value(u"unfree"_s).toBool());
            QCOMPARE(package->broken, meta.value(u"broken"_s).toBool());
            QCOMPARE(package->insecure, meta.value(u"insecure"_s).toBool());
        }
        QVERIFY(catalog->package(u"vscode"_s)->unfree);
        QVERIFY(catalog->package(u"xmms"_s)->broken);
        QVERIFY(catalog->package(u"openssl_1_1"_s)->insecure);
        QCOMPARE(catalog->package(u"fd"_s)->licenses.size(), 2);
        QCOMPARE(catalog->package(u"bash"_s)->pname, u"bash-interactive"_s);

        SearchQuery query;
        query.text = u"firefox"_s;
        const SearchResult found = catalog->search(query);
        QVERIFY(!found.hits.isEmpty());
        QCOMPARE(found.hits.first().package.attrPath, u"firefox"_s);
        QCOMPARE(found.hits.first().match, SearchHit::Match::Exact);
    }

    // nix-env lists each value once, under the first path it reaches (in
    // name order), and plain nix-env hides a set's member that a top-level
    // alias listed first. The lister copies every top-level package, so set
    // members stay listed; only a set that is another set under a second
    // name (python3Packages = python312Packages) adds nothing.
    void packageSetMembersAreListed()
    {
        const QString nixpkgs = m_dir.filePath(u"sets-nixpkgs"_s);
        QVERIFY(QDir().mkpath(nixpkgs));
        QFile file(nixpkgs + u"/default.nix"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(R"nix({ config ? { } }:
let
  mk = pname: version: derivation {
    name = "${pname}-${version}";
    builder = "/bin/sh";
    system = builtins.currentSystem;
  } // { inherit pname version; meta = { description = "The ${pname} package"; }; };
  requests = mk "requests" "2.32.3";
in
{
  inherit requests;
  aRequests = requests;
  hello = mk "hello" "2.12.1";
  python312Packages = { recurseForDerivations = true; inherit requests; six = mk "six" "1.16.0"; };
  python3Packages = { recurseForDerivations = true; inherit requests; };
  python311Packages = { recurseForDerivations = true; requests = mk "requests" "2.31.0"; };
  notRecursed = { requests = mk "requests" "2.32.3"; };
}
)nix") > 0);
        file.close();
        const auto plain = NixTools::run(u"nix-env"_s, {u"-qaP"_s, u"--json"_s, u"-f"_s, nixpkgs});
        QVERIFY2(plain.ok(), plain.err.constData());
        const QJsonObject plainList = QJsonDocument::fromJson(plain.out).object();
        QVERIFY(plainList.contains(u"aRequests"_s));
        QVERIFY(!plainList.contains(u"python312Packages.requests"_s));

        ImportRequest request;
        request.source = CatalogSource::fromPath(nixpkgs);
        request.cachePath = m_dir.filePath(u"sets.sqlite"_s);
        const ImportResult result = CatalogImporter::run(request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QString error;
        auto catalog = Catalog::open(request.cachePath, &error);
        QVERIFY2(catalog, qPrintable(error));
        SearchQuery all;
        QStringList attrs;
        for (const SearchHit &hit : catalog->search(all).hits) {
            attrs << hit.package.attrPath;
        }
        QCOMPARE(attrs,
                 (QStringList{u"aRequests"_s,
                              u"hello"_s,
                              u"python311Packages.requests"_s,
                              u"python312Packages.requests"_s,
                              u"python312Packages.six"_s,
                              u"requests"_s}));
    }

    void nixEnvFailureKeepsTheCache()
    {
        const QString broken = m_dir.filePath(u"broken-nixpkgs"_s);
        QVERIFY(QDir().mkpath(broken));
        QFile file(broken + u"/default.nix"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ ... }: throw \"this nixpkgs does not evaluate\"\n");
        file.close();
        ImportRequest request;
        request.source = CatalogSource::fromPath(broken);
        request.cachePath = m_dir.filePath(u"nix-env.sqlite"_s);
        const ImportResult result = CatalogImporter::run(request);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"nix-env failed"_s) && result.error.contains(u"this nixpkgs does not evaluate"_s), qPrintable(result.error));
        QVERIFY2(result.error.endsWith(u"the previous package cache was kept"_s), qPrintable(result.error));
        QString error;
        auto catalog = Catalog::open(request.cachePath, &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->info().packages, m_nixEnv.size());
    }

    void installedInTheSystem()
    {
        const QString profile = m_demo + u"/profiles/system"_s;
        Snowpane::System::ClosureReader closures;
        const InstalledPackages installed = readInstalledPackages(profile, closures);
        QVERIFY2(installed.error.isEmpty(), qPrintable(installed.error));
        const QString sw = QFileInfo(profile + u"/sw"_s).canonicalFilePath();
        QCOMPARE(installed.swPath, sw);
        const auto references = NixTools::run(u"nix-store"_s, {u"-q"_s, u"--references"_s, sw});
        QVERIFY(references.ok());
        QStringList expected = QString::fromUtf8(references.out).split(u'\n', Qt::SkipEmptyParts);
        QStringList paths;
        for (const InstalledPackage &p : installed.packages) {
            paths << p.storePath;
        }
        expected.sort();
        paths.sort();
        QCOMPARE(paths, expected);

        QString error;
        auto catalog = Catalog::open(m_dir.filePath(u"nix-env.sqlite"_s), &error);
        QVERIFY2(catalog, qPrintable(error));
        QList<InstalledPackage> packages = installed.packages;
        matchInstalledPackages(&packages, *catalog);
        int matched = 0;
        for (const InstalledPackage &p : std::as_const(packages)) {
            if (p.attrPath.isEmpty()) {
                continue;
            }
            ++matched;
            const auto entry = catalog->package(p.attrPath);
            QVERIFY(entry);
            QCOMPARE(entry->pname, p.pname);
            QCOMPARE(p.versionMatches, entry->version == p.version);
        }
        QVERIFY2(matched >= packages.size() / 2, qPrintable(u"%1 of %2 matched"_s.arg(matched).arg(packages.size())));
    }

    void cli()
    {
        // No catalog yet: search imports one first.
        Cli search = cli({u"search"_s, u"fire"_s, u"--json"_s, u"--limit"_s, u"1"_s, u"--nixpkgs"_s, standIn});
        QVERIFY2(search.exitCode == 0, qPrintable(search.err));
        QVERIFY2(search.err.contains(u"importing it first"_s), qPrintable(search.err));
        QJsonObject object = QJsonDocument::fromJson(search.out).object();
        QJsonArray results = object.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.at(0).toObject().value(u"attrPath"_s).toString(), u"firefox"_s);
        QCOMPARE(results.at(0).toObject().value(u"match"_s).toString(), u"prefix"_s);
        QVERIFY(object.value(u"hasMore"_s).toBool());

        search = cli({u"search"_s, u"code"_s, u"editor"_s, u"--unfree"_s, u"--json"_s, u"--nixpkgs"_s, standIn});
        QCOMPARE(search.exitCode, 0);
        results = QJsonDocument::fromJson(search.out).object().value(u"results"_s).toArray();
        QVERIFY(!results.isEmpty());
        for (const QJsonValue &value : std::as_const(results)) {
            QVERIFY(value.toObject().value(u"unfree"_s).toBool());
        }

        const Cli show = cli({u"show"_s, u"openssl_1_1"_s, u"--json"_s, u"--nixpkgs"_s, standIn});
        QCOMPARE(show.exitCode, 0);
        object = QJsonDocument::fromJson(show.out).object();
        QCOMPARE(object.value(u"insecure"_s).toBool(), true);
        QCOMPARE(object.value(u"licenses"_s).toArray().at(0).toObject().value(u"spdxId"_s).toString(), u"OpenSSL"_s);
        QCOMPARE(object.value(u"mainProgram"_s).toString(), u"openssl"_s);

        const Cli text = cli({u"show"_s, u"vscode"_s, u"--nixpkgs"_s, standIn});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("unfree"), text.out.constData());
        const Cli missing = cli({u"show"_s, u"no-such-package"_s, u"--nixpkgs"_s, standIn});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"no package 'no-such-package'"_s), qPrintable(missing.err));

        const Cli installed = cli({u"installed"_s, u"--json"_s, u"--profile"_s, m_demo + u"/profiles/system"_s, u"--nixpkgs"_s, standIn});
        QVERIFY2(installed.exitCode == 0, qPrintable(installed.err));
        const QJsonArray packages = QJsonDocument::fromJson(installed.out).object().value(u"packages"_s).toArray();
        QVERIFY(!packages.isEmpty());
        QStringList installedAttrs;
        for (const QJsonValue &value : packages) {
            QVERIFY(value.toObject().value(u"storePath"_s).toString().startsWith(u"/nix/store/"_s));
            installedAttrs << value.toObject().value(u"attrPath"_s).toString();
        }

        const Cli onlyInstalled =
            cli({u"search"_s, u"--installed"_s, u"--json"_s, u"--limit"_s, u"1000"_s, u"--profile"_s, m_demo + u"/profiles/system"_s, u"--nixpkgs"_s, standIn});
        QVERIFY2(onlyInstalled.exitCode == 0, qPrintable(onlyInstalled.err));
        for (const QJsonValue &value : QJsonDocument::fromJson(onlyInstalled.out).object().value(u"results"_s).toArray()) {
            QVERIFY(installedAttrs.contains(value.toObject().value(u"attrPath"_s).toString()));
        }

        // A truncated file fails and keeps the catalog; a good one replaces it.
        const QString file = m_dir.filePath(u"packages.json"_s);
        QFile json(file);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"version": 2, "packages": {"only": {"name": "only-1.0", "pname": "only", "version": "1.0", "meta": {"description": "The only one")");
        json.close();
        Cli imported = cli({u"import"_s, u"--from"_s, file, u"--nixpkgs"_s, standIn});
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.contains(u"truncated"_s) && imported.err.contains(u"previous package cache was kept"_s), qPrintable(imported.err));
        QCOMPARE(cli({u"show"_s, u"firefox"_s, u"--nixpkgs"_s, standIn}).exitCode, 0);
        QVERIFY(json.open(QIODevice::Append));
        json.write("}}}}\n");
        json.close();
        imported = cli({u"import"_s, u"--from"_s, file, u"--nixpkgs"_s, standIn});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.err.contains(u"imported 1 packages"_s), qPrintable(imported.err));
        QCOMPARE(cli({u"show"_s, u"firefox"_s, u"--nixpkgs"_s, standIn}).exitCode, 1);

        QCOMPARE(cli({u"frobnicate"_s}).exitCode, 2);
        QCOMPARE(cli({u"show"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(PackagesNixTest)
#include "tst_packagesnix.moc"
