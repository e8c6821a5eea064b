// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Importing catalogs into the cache: every stored field, the shapes nixpkgs
// really uses, both file formats, and failures that must keep the old cache.

#include "catalogimportjob.h"
#include "testcatalog.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

namespace
{

QStringList leftovers(const QString &directory)
{
    return QDir(directory).entryList({u"*.importing-*"_s}, QDir::Files);
}

} // namespace

class CatalogImportTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString cache(const QString &name) const
    {
        return m_dir.filePath(u"cache/"_s + name + u".sqlite"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void fields()
    {
        // One package of each awkward shape, in nix-env's output format.
        QFile shapes(QFINDTESTDATA("corpus/shapes.json"));
        QVERIFY(shapes.open(QIODevice::ReadOnly));
        const auto result = TestCatalog::importJson(m_dir, shapes.readAll(), cache(u"shapes"_s));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.packages, 5);
        QString error;
        auto catalog = Catalog::open(cache(u"shapes"_s), &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->info().packages, 5);
        QCOMPARE(catalog->info().format, u"nix-env"_s);

        const auto hello = catalog->package(u"hello"_s);
        QVERIFY(hello);
        QCOMPARE(hello->pname, u"hello"_s);
        QCOMPARE(hello->version, u"2.12.1"_s);
        QCOMPARE(hello->name, u"hello-2.12.1"_s);
        QCOMPARE(hello->description, u"Program that produces a familiar, friendly greeting"_s);
        QCOMPARE(hello->longDescription, u"GNU Hello is a program that prints a greeting.\nIt is élégant.\n"_s);
        QCOMPARE(hello->mainProgram, u"hello"_s);
        QCOMPARE(hello->homepage, u"https://www.gnu.org/software/hello/manual/"_s);
        QCOMPARE(hello->platforms, (QStringList{u"aarch64-linux"_s, u"x86_64-linux"_s}));
        QCOMPARE(hello->licenses, (QList<License>{{u"GPL-3.0-or-later"_s, u"gpl3Plus"_s, u"GNU General Public License v3.0 or later"_s, true}}));
        QVERIFY(!hello->unfree && !hello->broken && !hello->insecure && hello->available);

        const auto ripgrep = catalog->package(u"ripgrep"_s);
        QVERIFY(ripgrep);
        QCOMPARE(ripgrep->homepage, u"https://github.com/BurntSushi/ripgrep"_s);
        QCOMPARE(ripgrep->licenses.size(), 2);
        QCOMPARE(ripgrep->licenses.at(1).spdxId, u"MIT"_s);
        // The platform pattern names no system and is left out.
        QCOMPARE(ripgrep->platforms, (QStringList{u"x86_64-linux"_s, u"aarch64-darwin"_s}));

        const auto old = catalog->package(u"oldthing"_s);
        QVERIFY(old);
        // No pname or version given: split from the name the nvd way.
        QCOMPARE(old->pname, u"oldthing"_s);
        QCOMPARE(old->version, u"0.9-beta"_s);
        QCOMPARE(old->description, QString());
        QCOMPARE(old->licenses, (QList<License>{{QString(), QString(), u"Public domain"_s, true}}));
        QVERIFY(old->insecure);
        QVERIFY(old->broken);

        const auto blob = catalog->package(u"unfreeByLicence"_s);
        QVERIFY(blob);
        QVERIFY(blob->unfree);
        QVERIFY(!blob->available);

        const auto nometa = catalog->package(u"nometa"_s);
        QVERIFY(nometa);
        QCOMPARE(nometa->pname, u"nometa"_s);
        QCOMPARE(nometa->version, QString());
        QVERIFY(!catalog->package(u"missing"_s));
    }

    void channelFormat_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray packages = R"("packages": {"hello": {"name": "hello-2.12.1", "pname": "hello", "version": "2.12.1", "meta": {"description": "Hi"}}})";
        QTest::newRow("version first") << QByteArray("{\"version\": 2, " + packages + "}") << QString();
        QTest::newRow("packages first") << QByteArray("{" + packages + ", \"version\": 2, \"extra\": [1]}") << QString();
        QTest::newRow("version 3") << QByteArray("{\"version\": 3, " + packages + "}") << u"version 3 is not supported"_s;
        QTest::newRow("no packages") << QByteArray("{\"version\": 2}") << u"no \"packages\" object"_s;
        QTest::newRow("packages is a list") << QByteArray("{\"version\": 2, \"packages\": []}") << u"\"packages\" is a list, expected an object"_s;
    }

    void channelFormat()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const QString path = cache(u"channel"_s);
        QFile::remove(path);
        const auto result = TestCatalog::importJson(m_dir, json, path);
        if (!error.isEmpty()) {
            QVERIFY(!result.ok);
            QVERIFY2(result.error.contains(error), qPrintable(result.error));
            QVERIFY(!QFile::exists(path));
            return;
        }
        QVERIFY2(result.ok, qPrintable(result.error));
        QString openError;
        auto catalog = Catalog::open(path, &openError);
        QVERIFY2(catalog, qPrintable(openError));
        QCOMPARE(catalog->info().format, u"packages.json"_s);
        QCOMPARE(catalog->package(u"hello"_s)->description, u"Hi"_s);
    }

    void failuresKeepThePreviousCache_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("maxPages");
        QTest::addColumn<QString>("error");
        const QByteArray many = TestCatalog::manyPackages(3000);
        QTest::newRow("truncated") << many.left(many.size() / 2) << qint64(0) << u"truncated"_s;
        QTest::newRow("cut inside a string") << QByteArray("{\"a\": {\"name\": \"a-1\", \"meta\": {\"description\": \"unfinish") << qint64(0)
                                             << u"unterminated string"_s;
        QTest::newRow("not an object") << QByteArray("[1, 2]") << qint64(0) << u"a package catalog is a JSON object, but this file holds a list"_s;
        QTest::newRow("description is a number") << QByteArray(R"({"a": {"name": "a-1", "meta": {"description": 42}}})") << qint64(0)
                                                 << u"package 'a': meta.description is a number, expected a string"_s;
        QTest::newRow("meta is a list") << QByteArray(R"({"a": {"name": "a-1", "meta": []}})") << qint64(0)
                                        << u"package 'a': meta is a list, expected an object"_s;
        QTest::newRow("package is a string") << QByteArray(R"({"a": "a-1"})") << qint64(0) << u"package 'a': the package is a string, expected an object"_s;
        QTest::newRow("licence is a number") << QByteArray(R"({"a": {"name": "a-1", "meta": {"license": 3}}})") << qint64(0)
                                             << u"meta.license is a number, expected an attribute set, a list or a string"_s;
        QTest::newRow("broken is a string") << QByteArray(R"({"a": {"name": "a-1", "meta": {"broken": "yes"}}})") << qint64(0)
                                            << u"meta.broken is a string, expected a Boolean"_s;
        QTest::newRow("duplicate attribute") << QByteArray(R"({"a": {"name": "a-1"}, "a": {"name": "a-2"}})") << qint64(0) << u"'a' appears twice"_s;
        QTest::newRow("disk full") << many << qint64(40) << u"the disk is full"_s;
    }

    void failuresKeepThePreviousCache()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, maxPages);
        QFETCH(QString, error);
        const QString path = cache(u"kept"_s);
        const auto good = TestCatalog::importJson(m_dir, TestCatalog::manyPackages(10), path);
        QVERIFY2(good.ok, qPrintable(good.error));

        const auto bad = TestCatalog::importJson(m_dir, json, path, {maxPages});
        QVERIFY(!bad.ok);
        QVERIFY2(bad.error.contains(error), qPrintable(bad.error));
        QVERIFY2(bad.error.endsWith(u"the previous package cache was kept"_s), qPrintable(bad.error));
        QCOMPARE(leftovers(QFileInfo(path).absolutePath()), QStringList());

        QString openError;
        auto catalog = Catalog::open(path, &openError);
        QVERIFY2(catalog, qPrintable(openError));
        QCOMPARE(catalog->info().packages, 10);
        QVERIFY(catalog->package(u"pkg00009"_s));
    }

    void missingFile()
    {
        ImportRequest request;
        request.source.nixpkgs = u"/nonexistent"_s;
        request.fromFile = m_dir.filePath(u"does-not-exist.json"_s);
        request.cachePath = cache(u"missing"_s);
        const auto result = CatalogImporter::run(request);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith(u"cannot read "_s), qPrintable(result.error));
        QVERIFY(!QFile::exists(request.cachePath));
    }

    void openRefusesNonCatalogs()
    {
        QString error;
        QVERIFY(!Catalog::open(m_dir.filePath(u"none.sqlite"_s), &error));
        QVERIFY2(error.contains(u"snowpane-cli packages import"_s), qPrintable(error));
        const QString junk = m_dir.filePath(u"junk.sqlite"_s);
        QVERIFY(TestCatalog::writeFile(junk, "this is not a database, just text that is long enough to look like a header....."));
        QVERIFY(!Catalog::open(junk, &error));
        QVERIFY2(error.contains(u"not a package catalog"_s), qPrintable(error));
    }

    void cancelBeforeTheFirstPackage()
    {
        const QString path = cache(u"cancel"_s);
        QVERIFY(TestCatalog::importJson(m_dir, TestCatalog::manyPackages(3), path).ok);
        QVERIFY(TestCatalog::writeFile(m_dir.filePath(u"big.json"_s), TestCatalog::manyPackages(2000)));
        ImportRequest request;
        request.source.nixpkgs = m_dir.path();
        request.fromFile = m_dir.filePath(u"big.json"_s);
        request.cachePath = path;
        const std::atomic<bool> cancel{true};
        const auto result = CatalogImporter::run(request, &cancel);
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
        QVERIFY2(result.error.contains(u"cancelled"_s), qPrintable(result.error));
        QString error;
        auto catalog = Catalog::open(path, &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->info().packages, 3);
    }

    void backgroundJob()
    {
        QVERIFY(TestCatalog::writeFile(m_dir.filePath(u"job.json"_s), TestCatalog::manyPackages(10000)));
        ImportRequest request;
        request.source = CatalogSource::fromPath(m_dir.path());
        request.fromFile = m_dir.filePath(u"job.json"_s);
        QVERIFY(request.source.cachePath().startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)));

        CatalogImportJob job(request);
        QSignalSpy progress(&job, &CatalogImportJob::progress);
        QSignalSpy finished(&job, &CatalogImportJob::finished);
        job.start();
        // start() returns before the import is done: the caller's loop runs.
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(60000));
        QVERIFY(!job.isRunning());
        const ImportResult result = job.result();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.packages, 10000);
        QCOMPARE(result.cachePath, request.source.cachePath());
        QVERIFY(!progress.isEmpty());
        qint64 lastPackages = 0;
        for (const auto &arguments : std::as_const(progress)) {
            QVERIFY(arguments.at(2).toLongLong() >= lastPackages);
            lastPackages = arguments.at(2).toLongLong();
            QCOMPARE(arguments.at(1).toLongLong(), QFileInfo(request.fromFile).size());
        }

        // Cancelled right after the start: the finished cache stays.
        CatalogImportJob second(request);
        QSignalSpy secondFinished(&second, &CatalogImportJob::finished);
        second.start();
        second.cancel();
        QVERIFY(secondFinished.wait(60000));
        QVERIFY(second.result().cancelled);
        QString error;
        auto catalog = Catalog::open(request.source.cachePath(), &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->info().packages, 10000);
        QCOMPARE(catalog->info().source, m_dir.path());
    }

    void destroyingARunningJobCancelsIt()
    {
        ImportRequest request;
        request.source.nixpkgs = m_dir.path();
        request.fromFile = m_dir.filePath(u"job.json"_s);
        request.cachePath = cache(u"destroyed"_s);
        {
            CatalogImportJob job(request);
            job.start();
        }
        QVERIFY(!QFile::exists(request.cachePath));
        QCOMPARE(leftovers(QFileInfo(request.cachePath).absolutePath()), QStringList());
    }
};

QTEST_GUILESS_MAIN(CatalogImportTest)
#include "tst_catalogimport.moc"
