// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Packages page's backends against real Nix: the catalog of a copy of
// the stand-in nixpkgs imported with nix-env in the background, kept, and
// imported again when nixpkgs changes or the catalog is too old; searches
// off the window's thread with declared and installed flags; the installed
// view on the demo system; and issue 6's rules for adding unfree, broken and
// insecure packages, on a copy of the demo configuration.

#include "Common/configurationsession.h"
#include "Packages/packagecatalog.h"
#include "Packages/packageedits.h"
#include "Packages/packageinstalledmodel.h"
#include "Packages/packagesearchmodel.h"
#include "catalogimporter.h"
#include "catalogsource.h"
#include "nixtools.h"
#include "snowpanesettings.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

namespace
{

const QString sourceDir = QStringLiteral(SNOWPANE_SOURCE_DIR);
const QString demoRoot = QStringLiteral(SNOWPANE_DEMO_ROOT);
/// Long enough for nix-env over the stand-in on a loaded machine; a wait, not a speed check.
constexpr int importWaitMs = 180000;

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target)) {
            return false;
        }
    }
    return true;
}

QVariant roleValue(const QAbstractItemModel &model, int row, const QByteArray &role)
{
    return model.data(model.index(row, 0), model.roleNames().key(role));
}

int findRow(const QAbstractItemModel &model, const QByteArray &role, const QString &value)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (roleValue(model, row, role).toString() == value) {
            return row;
        }
    }
    return -1;
}

} // namespace

class PackageCatalogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void findsTheNixpkgsOfTheConfiguration();
    void importsInTheBackground();
    void installedPackagesOfTheSystem();
    void keepsAFreshCatalog();
    void importsAgainWhenNixpkgsChanges();
    void importsAgainWhenTooOld();
    void cancelledFirstImportSaysSo();
    void failureSaysWhy();
    void searchesWithFlags();
    void searchPagesAndFilters();
    void searchKeepsUpWithTyping();
    void installedViewDeclaredAndSystemOnly();
    void addingWarnsAboutUnfreeBrokenInsecure();
    void allowingUnfreeAndAddingGoTogether();

private:
    void copyConfiguration();
    void waitForReady(PackageCatalog &catalog);

    QTemporaryDir m_root;
    QString m_nixpkgs;
    QString m_configuration;
    QString m_cachePath;
    int m_nixEnvCount = 0;
};

void PackageCatalogTest::initTestCase()
{
    const QString missing = NixTools::requireNix();
    if (!missing.isEmpty()) {
        QFAIL(qPrintable(missing));
    }
    QVERIFY2(QFileInfo::exists(demoRoot + u"/profiles/system"_s), "the demo system is missing; the demo_system test builds it");
    QStandardPaths::setTestModeEnabled(true);
    qputenv("NIX_CONFIG", "substituters =\n");
    QVERIFY(m_root.isValid());

    // A copy of the stand-in: a cache of its own, and a source this test may change.
    m_nixpkgs = m_root.filePath(u"nixpkgs"_s);
    QVERIFY(copyTree(sourceDir + u"/tests/fixtures/nixpkgs"_s, m_nixpkgs));
    qputenv("NIX_PATH", QByteArray("nixpkgs=" + m_nixpkgs.toUtf8()));
    m_cachePath = CatalogSource::fromPath(m_nixpkgs).cachePath();
    QFile::remove(m_cachePath);

    QFile lister(m_root.filePath(u"list-packages.nix"_s));
    QVERIFY(lister.open(QIODevice::WriteOnly));
    QVERIFY(lister.write(CatalogImporter::listerExpression()) > 0);
    lister.close();
    const auto listed = NixTools::run(u"nix-env"_s, CatalogImporter::nixEnvArguments(m_nixpkgs, lister.fileName()));
    QVERIFY2(listed.ok(), listed.err.constData());
    m_nixEnvCount = int(QJsonDocument::fromJson(listed.out).object().size());
    QVERIFY(m_nixEnvCount > 50);

    m_configuration = m_root.filePath(u"etc/nixos"_s);
    SnowpaneSettings::instance(KSharedConfig::openConfig(m_root.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
    SnowpaneSettings::self()->setConfigurationDirectory(m_configuration);
    SnowpaneSettings::self()->setProfile(demoRoot + u"/profiles/system"_s);
    SnowpaneSettings::self()->setCatalogRefreshDays(7);
    copyConfiguration();
    ConfigurationSession::self()->reload();
    QVERIFY2(ConfigurationSession::self()->isEditable(), qPrintable(ConfigurationSession::self()->loadError()));
}

void PackageCatalogTest::cleanupTestCase()
{
    QFile::remove(m_cachePath);
}

void PackageCatalogTest::copyConfiguration()
{
    QDir(m_configuration).removeRecursively();
    QVERIFY(QDir().mkpath(m_configuration));
    for (const QString &name : {u"configuration.nix"_s, u"hardware-configuration.nix"_s, u"desktop.nix"_s}) {
        QVERIFY(QFile::copy(sourceDir + u"/tests/fixtures/demo/"_s + name, m_configuration + u'/' + name));
    }
}

void PackageCatalogTest::waitForReady(PackageCatalog &catalog)
{
    QTRY_VERIFY_WITH_TIMEOUT((catalog.status() == PackageCatalog::Status::Ready && !catalog.isImporting() && catalog.isInstalledLoaded())
                                 || catalog.status() == PackageCatalog::Status::Failed,
                             importWaitMs);
    QVERIFY2(catalog.status() == PackageCatalog::Status::Ready, qPrintable(catalog.errorString() + u": "_s + catalog.errorDetails()));
}

void PackageCatalogTest::findsTheNixpkgsOfTheConfiguration()
{
    // Classic: <nixpkgs> of NIX_PATH.
    QString error;
    const CatalogSource classic = CatalogSource::forConfiguration(m_configuration, &error);
    QVERIFY2(classic.isValid(), qPrintable(error));
    QCOMPARE(classic.nixpkgs, QFileInfo(m_nixpkgs).canonicalFilePath());

    // A flake: its locked nixpkgs input, here a path beside it.
    const QString flake = m_root.filePath(u"flake/etc/nixos"_s);
    QVERIFY(copyTree(sourceDir + u"/tests/fixtures/flake"_s, flake));
    QVERIFY(copyTree(sourceDir + u"/tests/fixtures/nixpkgs"_s, m_root.filePath(u"flake/etc/nixpkgs"_s)));
    const CatalogSource flakeSource = CatalogSource::forConfiguration(flake, &error);
    QVERIFY2(flakeSource.isValid(), qPrintable(error));
    QCOMPARE(flakeSource.nixpkgs, QFileInfo(m_root.filePath(u"flake/etc/nixpkgs"_s)).canonicalFilePath());
}

void PackageCatalogTest::importsInTheBackground()
{
    PackageCatalog *catalog = PackageCatalog::self();
    QSignalSpy importing(catalog, &PackageCatalog::importingChanged);
    QSignalSpy revisions(catalog, &PackageCatalog::revisionChanged);
    QCOMPARE(catalog->status(), PackageCatalog::Status::Idle);
    catalog->start();
    // start() returns at once: the work is on other threads.
    QCOMPARE(catalog->status(), PackageCatalog::Status::Locating);
    QTRY_VERIFY_WITH_TIMEOUT(catalog->isImporting(), importWaitMs);
    QCOMPARE(catalog->status(), PackageCatalog::Status::Importing);
    QCOMPARE(catalog->importReason(), u"There is no package catalog for this nixpkgs yet."_s);
    QCOMPARE(catalog->nixpkgsPath(), QFileInfo(m_nixpkgs).canonicalFilePath());
    waitForReady(*catalog);
    QCOMPARE(importing.count(), 2);
    QCOMPARE(revisions.count(), 1);
    QCOMPARE(catalog->revision(), 1);
    QCOMPARE(catalog->packageCount(), m_nixEnvCount);
    QCOMPARE(catalog->importedPackages(), m_nixEnvCount);
    QCOMPARE(catalog->catalogPath(), m_cachePath);
    QVERIFY(catalog->importedAt().secsTo(QDateTime::currentDateTimeUtc()) < 3600);
    QVERIFY(catalog->errorString().isEmpty());
    const auto vscode = catalog->package(u"vscode"_s);
    QVERIFY(vscode);
    QVERIFY(vscode->unfree);
}

void PackageCatalogTest::installedPackagesOfTheSystem()
{
    PackageCatalog *catalog = PackageCatalog::self();
    QVERIFY2(catalog->installedError().isEmpty(), qPrintable(catalog->installedError()));
    // The demo's newest generation is built from the demo configuration.
    auto inSystem = [catalog](const QString &attr) {
        const auto package = catalog->package(attr);
        return package && catalog->isInSystem(attr, package->pname, package->version);
    };
    for (const QString &attr : {u"vim"_s, u"curl"_s, u"tmux"_s, u"ripgrep"_s, u"btop"_s, u"vscode"_s, u"nodejs_22"_s}) {
        QVERIFY2(catalog->installedAttributes().contains(attr), qPrintable(attr));
        QVERIFY2(inSystem(attr), qPrintable(attr));
    }
    // python3 is python312: one store path, matched to the attribute named like it, and both are in the system.
    QVERIFY(catalog->installedAttributes().contains(u"python3"_s));
    QVERIFY(inSystem(u"python312"_s));
    QVERIFY(!inSystem(u"python311"_s));
    QVERIFY(!inSystem(u"steam"_s));
    QVERIFY(!inSystem(u"nodejs_20"_s));
}

void PackageCatalogTest::keepsAFreshCatalog()
{
    PackageCatalog catalog(nullptr);
    QSignalSpy importing(&catalog, &PackageCatalog::importingChanged);
    catalog.start();
    waitForReady(catalog);
    QCOMPARE(importing.count(), 0);
    QCOMPARE(catalog.packageCount(), m_nixEnvCount);
}

void PackageCatalogTest::importsAgainWhenNixpkgsChanges()
{
    const QDateTime before = QFileInfo(m_cachePath).lastModified();
    // A checkout changes: a newer file, as after `git pull`.
    QFile file(m_nixpkgs + u"/pkgs/snowpane-touched.nix"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ }\n");
    file.close();

    PackageCatalog catalog(nullptr);
    catalog.start();
    // The old catalog serves at once while the new one is imported.
    QTRY_VERIFY_WITH_TIMEOUT(catalog.isImporting(), importWaitMs);
    QCOMPARE(catalog.status(), PackageCatalog::Status::Ready);
    QCOMPARE(catalog.revision(), 1);
    QCOMPARE(catalog.importReason(), u"nixpkgs has changed since the package catalog was made."_s);
    waitForReady(catalog);
    QCOMPARE(catalog.revision(), 2);
    QVERIFY(QFileInfo(m_cachePath).lastModified() > before);
}

void PackageCatalogTest::importsAgainWhenTooOld()
{
    {
        sqlite3 *database = nullptr;
        QCOMPARE(sqlite3_open(m_cachePath.toUtf8().constData(), &database), SQLITE_OK);
        char *message = nullptr;
        const int rc = sqlite3_exec(database, "UPDATE info SET value = '2020-01-01T00:00:00Z' WHERE key = 'imported'", nullptr, nullptr, &message);
        const QString error = QString::fromUtf8(message ? message : "");
        sqlite3_free(message);
        sqlite3_close(database);
        QVERIFY2(rc == SQLITE_OK, qPrintable(error));
    }
    PackageCatalog catalog(nullptr);
    catalog.start();
    QTRY_VERIFY_WITH_TIMEOUT(catalog.isImporting(), importWaitMs);
    QCOMPARE(catalog.importReason(), u"The package catalog is more than 7 day(s) old."_s);
    QCOMPARE(catalog.importedAt(), QDateTime(QDate(2020, 1, 1), QTime(0, 0), QTimeZone::UTC));
    waitForReady(catalog);
    QVERIFY(catalog.importedAt().secsTo(QDateTime::currentDateTimeUtc()) < 3600);
}

void PackageCatalogTest::cancelledFirstImportSaysSo()
{
    // Another nixpkgs without a catalog yet.
    const QString other = m_root.filePath(u"other-nixpkgs"_s);
    QVERIFY(copyTree(sourceDir + u"/tests/fixtures/nixpkgs"_s, other));
    const QByteArray nixPath = qgetenv("NIX_PATH");
    qputenv("NIX_PATH", QByteArray("nixpkgs=" + other.toUtf8()));
    PackageCatalog catalog(nullptr);
    // Cancelled the moment the import starts, before nix-env can have printed anything.
    bool cancelled = false;
    connect(&catalog, &PackageCatalog::importingChanged, &catalog, [&catalog, &cancelled] {
        if (catalog.isImporting() && !cancelled) {
            cancelled = true;
            catalog.cancelImport();
        }
    });
    catalog.start();
    QTRY_VERIFY_WITH_TIMEOUT(cancelled, importWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!catalog.isImporting(), importWaitMs);
    qputenv("NIX_PATH", nixPath);
    QCOMPARE(catalog.status(), PackageCatalog::Status::Failed);
    QCOMPARE(catalog.errorString(), u"The import of the package catalog was cancelled."_s);
    QVERIFY(!QFileInfo::exists(CatalogSource::fromPath(other).cachePath()));
}

void PackageCatalogTest::failureSaysWhy()
{
    // A flake without a lock file: Snowpane cannot know its nixpkgs.
    const QString flake = m_root.filePath(u"unlocked"_s);
    QVERIFY(QDir().mkpath(flake));
    QFile file(flake + u"/flake.nix"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ inputs.nixpkgs.url = \"github:NixOS/nixpkgs\"; outputs = _: { }; }\n");
    file.close();
    SnowpaneSettings::self()->setConfigurationDirectory(flake);
    PackageCatalog catalog(nullptr);
    catalog.start();
    QTRY_COMPARE_WITH_TIMEOUT(catalog.status(), PackageCatalog::Status::Failed, importWaitMs);
    SnowpaneSettings::self()->setConfigurationDirectory(m_configuration);
    QCOMPARE(catalog.errorString(), u"Snowpane cannot tell which nixpkgs your configuration is built from, so it cannot list packages."_s);
    QVERIFY2(catalog.errorDetails().contains(u"has no flake.lock"_s), qPrintable(catalog.errorDetails()));
    QVERIFY(catalog.catalogPath().isEmpty());
}

void PackageCatalogTest::searchesWithFlags()
{
    PackageSearchModel model;
    QSignalSpy ready(&model, &PackageSearchModel::resultsReady);
    model.setQuery(u"firefox"_s);
    QVERIFY(ready.wait(importWaitMs));
    QVERIFY(model.rowCount() >= 2);
    QCOMPARE(roleValue(model, 0, "attrPath").toString(), u"firefox"_s);
    QCOMPARE(roleValue(model, 0, "name").toString(), u"firefox"_s);
    QVERIFY(!roleValue(model, 0, "version").toString().isEmpty());
    QVERIFY(!roleValue(model, 0, "description").toString().isEmpty());
    QCOMPARE(roleValue(model, 0, "license").toString(), u"MPL-2.0"_s);
    QCOMPARE(roleValue(model, 0, "unfree").toBool(), false);
    // programs.firefox.enable puts it in the system without listing it.
    QCOMPARE(roleValue(model, 0, "declared").toBool(), false);
    QCOMPARE(roleValue(model, 0, "inSystem").toBool(), true);

    model.setQuery(u"vscode"_s);
    QVERIFY(ready.wait(importWaitMs));
    QCOMPARE(roleValue(model, 0, "attrPath").toString(), u"vscode"_s);
    QCOMPARE(roleValue(model, 0, "unfree").toBool(), true);
    QCOMPARE(roleValue(model, 0, "declared").toBool(), true);
    QCOMPARE(roleValue(model, 0, "inSystem").toBool(), true);

    model.setQuery(u"xmms"_s);
    QVERIFY(ready.wait(importWaitMs));
    QCOMPARE(roleValue(model, 0, "broken").toBool(), true);
    QCOMPARE(roleValue(model, 0, "declared").toBool(), false);

    // A pending edit shows at once, without searching again.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(ConfigurationSession::self()->addPackage(u"xmms"_s), QString());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(roleValue(model, 0, "declared").toBool(), true);
    ConfigurationSession::self()->discardAll();
    QCOMPARE(roleValue(model, 0, "declared").toBool(), false);
}

void PackageCatalogTest::searchPagesAndFilters()
{
    PackageSearchModel model;
    QSignalSpy ready(&model, &PackageSearchModel::resultsReady);
    QVERIFY(ready.wait(importWaitMs));
    // The empty query lists everything, a page at a time.
    QCOMPARE(model.rowCount(), PackageSearchModel::pageSize);
    QVERIFY(model.hasMore());
    QVERIFY(model.canFetchMore({}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(inserted.wait(importWaitMs));
    QCOMPARE(model.rowCount(), m_nixEnvCount);
    QVERIFY(!model.hasMore());
    QStringList attrs;
    for (int row = 0; row < model.rowCount(); ++row) {
        attrs.append(roleValue(model, row, "attrPath").toString());
    }
    QCOMPARE(QSet<QString>(attrs.begin(), attrs.end()).size(), m_nixEnvCount);

    model.setUnfreeFilter(PackageSearchModel::UnfreeFilter::UnfreeOnly);
    QVERIFY(ready.wait(importWaitMs));
    QVERIFY(model.rowCount() >= 3);
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(roleValue(model, row, "unfree").toBool());
    }
    QVERIFY(findRow(model, "attrPath", u"steam"_s) >= 0);
    model.setUnfreeFilter(PackageSearchModel::UnfreeFilter::FreeOnly);
    QVERIFY(ready.wait(importWaitMs));
    QCOMPARE(findRow(model, "attrPath", u"steam"_s), -1);
    QCOMPARE(model.rowCount(), PackageSearchModel::pageSize);
}

void PackageCatalogTest::searchKeepsUpWithTyping()
{
    PackageSearchModel model;
    QSignalSpy ready(&model, &PackageSearchModel::resultsReady);
    QVERIFY(ready.wait(importWaitMs));
    ready.clear();
    // Every keystroke sends a query; only the newest one's rows are shown.
    for (const QString &typed : {u"r"_s, u"ri"_s, u"rip"_s, u"ripg"_s, u"ripgr"_s, u"ripgre"_s, u"ripgrep"_s}) {
        model.setQuery(typed);
    }
    QVERIFY(model.isSearching());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isSearching(), importWaitMs);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(roleValue(model, 0, "attrPath").toString(), u"ripgrep"_s);
    QCOMPARE(model.query(), u"ripgrep"_s);
}

void PackageCatalogTest::installedViewDeclaredAndSystemOnly()
{
    PackageInstalledModel model;
    const QStringList declared{u"vim"_s, u"curl"_s, u"tmux"_s, u"nodejs_22"_s, u"python312"_s, u"ripgrep"_s, u"btop"_s, u"vscode"_s};
    QCOMPARE(model.declaredCount(), declared.size());
    QCOMPARE(model.pendingCount(), 0);
    for (int row = 0; row < model.declaredCount(); ++row) {
        QCOMPARE(roleValue(model, row, "attrPath").toString(), declared.at(row));
        QCOMPARE(roleValue(model, row, "section").toString(), u"declared"_s);
        QCOMPARE(roleValue(model, row, "file").toString(), u"configuration.nix"_s);
        QVERIFY(roleValue(model, row, "location").toString().startsWith(u"configuration.nix:"_s));
        QVERIFY2(roleValue(model, row, "inSystem").toBool(), qPrintable(declared.at(row)));
        QVERIFY(!roleValue(model, row, "description").toString().isEmpty());
    }
    QCOMPARE(roleValue(model, 0, "line").toInt(), 62);
    QCOMPARE(roleValue(model, 3, "name").toString(), u"nodejs"_s);

    // The system has more than the list: firefox and git come from programs.*.enable.
    QVERIFY(model.systemOnlyCount() > 0);
    const int firefox = findRow(model, "name", u"firefox"_s);
    QVERIFY(firefox >= model.declaredCount());
    QCOMPARE(roleValue(model, firefox, "section").toString(), u"system"_s);
    QCOMPARE(roleValue(model, firefox, "attrPath").toString(), u"firefox"_s);
    QVERIFY(findRow(model, "name", u"git"_s) >= model.declaredCount());
    QCOMPARE(findRow(model, "name", u"vim"_s), 0);

    // Added but not built yet: pending.
    QCOMPARE(ConfigurationSession::self()->addPackage(u"htop"_s), QString());
    QCOMPARE(model.declaredCount(), declared.size() + 1);
    QCOMPARE(model.pendingCount(), 1);
    const int htop = findRow(model, "attrPath", u"htop"_s);
    QVERIFY(htop >= 0 && htop < model.declaredCount());
    QCOMPARE(roleValue(model, htop, "pending").toBool(), true);
    QCOMPARE(roleValue(model, htop, "inSystem").toBool(), false);
    // Removed: gone from the declared list, and now in the system only.
    QCOMPARE(ConfigurationSession::self()->removePackage(u"ripgrep"_s), QString());
    QCOMPARE(findRow(model, "attrPath", u"ripgrep"_s) >= model.declaredCount(), true);
    ConfigurationSession::self()->discardAll();
    QCOMPARE(model.declaredCount(), declared.size());
}

void PackageCatalogTest::addingWarnsAboutUnfreeBrokenInsecure()
{
    auto *session = ConfigurationSession::self();
    PackageEdits edits(session, PackageCatalog::self());
    // The demo allows unfree packages.
    QCOMPARE(unfreePolicy(*session), UnfreePolicy::Allowed);
    PackageAdvice advice = edits.adviseAdd(u"steam"_s);
    QCOMPARE(advice.needsConfirmation(), false);
    QCOMPARE(advice.warnings, QStringList());
    QCOMPARE(advice.attr, u"steam"_s);
    QCOMPARE(edits.adviseAdd(u"htop"_s).needsConfirmation(), false);

    advice = edits.adviseAdd(u"xmms"_s);
    QCOMPARE(advice.needsConfirmation(), true);
    QCOMPARE(advice.offerAllowUnfree, false);
    QCOMPARE(advice.title, u"Add xmms?"_s);
    QCOMPARE(advice.text(), advice.warnings.constFirst());
    QCOMPARE(advice.warnings,
             QStringList{u"xmms is marked as broken in your nixpkgs: it is known not to build or not to work. The rebuild will stop unless "
                         u"nixpkgs.config.allowBroken is set."_s});

    advice = edits.adviseAdd(u"openssl_1_1"_s);
    QCOMPARE(advice.needsConfirmation(), true);
    QVERIFY(advice.warnings.constFirst().startsWith(u"openssl_1_1 is marked as insecure"_s));

    // Without allowUnfree, an unfree package says so and offers to set it.
    QCOMPARE(session->unsetOption(u"nixpkgs.config.allowUnfree"_s), QString());
    QCOMPARE(unfreePolicy(*session), UnfreePolicy::NotSet);
    advice = edits.adviseAdd(u"steam"_s);
    QCOMPARE(advice.needsConfirmation(), true);
    QCOMPARE(advice.offerAllowUnfree, true);
    const QString warning = advice.warnings.value(0);
    QVERIFY2(warning.startsWith(u"steam is unfree: its licence ("_s), qPrintable(warning));
    QVERIFY2(warning.endsWith(u"NixOS builds unfree packages only when nixpkgs.config.allowUnfree is set, and your configuration does not set it."_s),
             qPrintable(warning));
    // Free packages still go straight in.
    QCOMPARE(edits.adviseAdd(u"htop"_s).needsConfirmation(), false);

    // Set to false: the same offer, with the reason.
    QCOMPARE(session->setOptionValue(u"nixpkgs.config.allowUnfree"_s, false), QString());
    QCOMPARE(unfreePolicy(*session), UnfreePolicy::Refused);
    advice = edits.adviseAdd(u"steam"_s);
    QCOMPARE(advice.offerAllowUnfree, true);
    QVERIFY(advice.warnings.value(0).contains(u"sets nixpkgs.config.allowUnfree to false"_s));
    session->discardAll();
}

void PackageCatalogTest::allowingUnfreeAndAddingGoTogether()
{
    auto *session = ConfigurationSession::self();
    PackageEdits edits(session, PackageCatalog::self());
    QCOMPARE(session->unsetOption(u"nixpkgs.config.allowUnfree"_s), QString());
    QCOMPARE(session->pendingCount(), 1);

    QCOMPARE(edits.add(u"steam"_s, true), QString());
    QCOMPARE(session->pendingCount(), 3);
    QCOMPARE(unfreePolicy(*session), UnfreePolicy::Allowed);
    QVERIFY(session->isDeclaredPackage(u"steam"_s));
    QCOMPARE(session->literalValue(u"nixpkgs.config.allowUnfree"_s), QVariant(true));
    QCOMPARE(edits.adviseAdd(u"vscode"_s).needsConfirmation(), false);

    // A refused add takes the allowUnfree edit back with it.
    QCOMPARE(session->unsetOption(u"nixpkgs.config.allowUnfree"_s), QString());
    const int before = session->pendingCount();
    const QString refusal = edits.add(u"steam; rm -rf"_s, true);
    QVERIFY(!refusal.isEmpty());
    QCOMPARE(session->pendingCount(), before);
    QCOMPARE(unfreePolicy(*session), UnfreePolicy::NotSet);

    QCOMPARE(edits.remove(u"steam"_s), QString());
    QVERIFY(!session->isDeclaredPackage(u"steam"_s));
    session->discardAll();
}

QTEST_GUILESS_MAIN(PackageCatalogTest)

#include "tst_packagecatalog.moc"
