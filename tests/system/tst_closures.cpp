// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Closures, package diffs and generation metadata on a real profile of
// eleven generations built with real Nix.

#include "closurereader.h"
#include "generationreader.h"
#include "nixprofilefixture.h"
#include "nixtools.h"
#include "storename.h"
#include "systemdiff.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

ClosureReader::Settings settingsFor(ClosureReader::Method method, const QString &databasePath = {})
{
    ClosureReader::Settings settings;
    settings.method = method;
    if (!databasePath.isEmpty()) {
        settings.databasePath = databasePath;
    }
    return settings;
}

const PackageChange *findChange(const PackageDiff &diff, const QString &pname)
{
    for (const PackageChange &change : diff.changes) {
        if (change.pname == pname) {
            return &change;
        }
    }
    return nullptr;
}

// Nix's own answer for the closure size, to check ours against.
qint64 nixClosureSize(const QString &path)
{
    const NixTools::Run run = NixTools::run(u"nix"_s, {u"path-info"_s, u"--closure-size"_s, path});
    if (!run.ok()) {
        qWarning() << "nix path-info failed:" << run.exitCode << run.err;
        return -1;
    }
    return QString::fromUtf8(run.out).simplified().section(u' ', 1, 1).toLongLong();
}

QStringList nixRequisites(const QString &path)
{
    const NixTools::Run run = NixTools::run(u"nix-store"_s, {u"--query"_s, u"--requisites"_s, path});
    QStringList paths = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    paths.sort();
    return paths;
}

} // namespace

class ClosuresTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<NixProfileFixture> m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_fixture = std::make_unique<NixProfileFixture>(m_dir.path());
        QVERIFY2(m_fixture->create(), qPrintable(m_fixture->errorString()));
        QCOMPARE(m_fixture->generationCount(), 11);
    }

    void databaseAndCommandsAgree_data()
    {
        QTest::addColumn<int>("generation");
        for (int number = 1; number <= 11; ++number) {
            QTest::addRow("generation %d", number) << number;
        }
    }

    void databaseAndCommandsAgree()
    {
        QFETCH(int, generation);
        const QString system = m_fixture->systemOf(generation);
        ClosureReader fromDatabase(settingsFor(ClosureReader::Method::DatabaseOnly));
        ClosureReader fromCommands(settingsFor(ClosureReader::Method::CommandsOnly));
        const Closure a = fromDatabase.closure(system);
        const Closure b = fromCommands.closure(system);
        QVERIFY2(a.isValid(), qPrintable(a.error));
        QVERIFY2(b.isValid(), qPrintable(b.error));
        QCOMPARE(a.source, Closure::Source::Database);
        QCOMPARE(b.source, Closure::Source::Commands);
        QCOMPARE(a.paths, b.paths);
        QCOMPARE(a.totalNarSize, b.totalNarSize);
        QVERIFY(a.totalNarSize > 9000);
        QCOMPARE(a.totalNarSize, nixClosureSize(system));
        QStringList paths;
        for (const StorePathInfo &info : a.paths) {
            QVERIFY(info.narSize > 0);
            paths.append(info.path);
        }
        QCOMPARE(paths, nixRequisites(system));

        const QString sw = QFileInfo(system + u"/sw"_s).canonicalFilePath();
        const References ra = fromDatabase.references(sw);
        const References rb = fromCommands.references(sw);
        QVERIFY2(ra.error.isEmpty(), qPrintable(ra.error));
        QVERIFY2(rb.error.isEmpty(), qPrintable(rb.error));
        QCOMPARE(ra.paths, rb.paths);
        QVERIFY(!ra.paths.isEmpty());

        // The walk of the database records every path's references, as nix-store --query --references gives them.
        QVERIFY(!b.referencesOf(sw)); // the commands give paths only
        for (const StorePathInfo &info : a.paths) {
            const std::optional<QStringList> known = a.referencesOf(info.path);
            QVERIFY2(known, qPrintable(info.path));
            const References fromNix = fromCommands.references(info.path);
            QVERIFY2(fromNix.error.isEmpty(), qPrintable(fromNix.error));
            QCOMPARE(*known, fromNix.paths);
        }
        QVERIFY(!a.referencesOf(u"/nix/store/00000000000000000000000000000000-not-in-it"_s));
    }

    // A store path never changes, so a closure read once is not read again:
    // reading through a copy of the database, then removing the copy, still
    // answers from the cache.
    void closuresAreCached()
    {
        QTemporaryDir copy;
        for (const QString &suffix : {QString(), u"-wal"_s}) {
            const QString source = u"/nix/var/nix/db/db.sqlite"_s + suffix;
            if (QFile::exists(source)) {
                QVERIFY(QFile::copy(source, copy.filePath(u"db.sqlite"_s + suffix)));
            }
        }
        ClosureReader reader(settingsFor(ClosureReader::Method::DatabaseOnly, copy.filePath(u"db.sqlite"_s)));
        const QString link = QFileInfo(m_fixture->profilePath()).dir().filePath(u"system-2-link"_s);
        const Closure first = reader.closure(link);
        QVERIFY2(first.isValid(), qPrintable(first.error));
        QCOMPARE(first.root, m_fixture->systemOf(2));
        QCOMPARE(reader.cachedClosureCount(), 1);
        QVERIFY(copy.remove());

        const Closure second = reader.closure(m_fixture->systemOf(2));
        QCOMPARE(second.paths, first.paths);
        QCOMPARE(reader.cachedClosureCount(), 1);

        reader.clearCache();
        const Closure third = reader.closure(m_fixture->systemOf(3));
        QVERIFY(third.isValid()); // the connection stays open to the unlinked file
        QCOMPARE(reader.cachedClosureCount(), 1);
    }

    // One reader shared by threads, as the UI's worker threads share it:
    // every thread sees the closures a reader of its own sees.
    void sharedBetweenThreads()
    {
        ClosureReader serial;
        QList<Closure> expected;
        for (int number = 1; number <= 11; ++number) {
            expected.append(serial.closure(m_fixture->systemOf(number)));
        }
        ClosureReader shared;
        std::vector<std::thread> threads;
        QList<QList<Closure>> seen(4);
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([this, t, &shared, &seen] {
                for (int round = 0; round < 3; ++round) {
                    for (int number = 1; number <= 11; ++number) {
                        // Each thread starts elsewhere, so that they meet on cold and warm paths.
                        const int which = (number + t * 3) % 11 + 1;
                        seen[t].append(shared.closure(m_fixture->systemOf(which)));
                    }
                }
            });
        }
        for (std::thread &thread : threads) {
            thread.join();
        }
        for (int t = 0; t < 4; ++t) {
            QCOMPARE(seen.at(t).size(), 33);
            for (qsizetype i = 0; i < seen.at(t).size(); ++i) {
                const int which = (int(i % 11) + 1 + t * 3) % 11 + 1;
                QCOMPARE(seen.at(t).at(i).paths, expected.at(which - 1).paths);
            }
        }
        QCOMPARE(shared.cachedClosureCount(), 11);
    }

    void fallsBackToCommands()
    {
        ClosureReader reader(settingsFor(ClosureReader::Method::Automatic, m_dir.filePath(u"no-such-db.sqlite"_s)));
        const Closure closure = reader.closure(m_fixture->systemOf(1));
        QVERIFY2(closure.isValid(), qPrintable(closure.error));
        QCOMPARE(closure.source, Closure::Source::Commands);
        QCOMPARE(closure.totalNarSize, nixClosureSize(m_fixture->systemOf(1)));

        ClosureReader databaseOnly(settingsFor(ClosureReader::Method::DatabaseOnly, m_dir.filePath(u"no-such-db.sqlite"_s)));
        const Closure failed = databaseOnly.closure(m_fixture->systemOf(1));
        QVERIFY(!failed.isValid());
        QVERIFY(failed.error.contains(u"no-such-db.sqlite"_s));
    }

    void invalidPathIsAnError_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("database") << int(ClosureReader::Method::DatabaseOnly);
        QTest::newRow("commands") << int(ClosureReader::Method::CommandsOnly);
        QTest::newRow("automatic") << int(ClosureReader::Method::Automatic);
    }

    void invalidPathIsAnError()
    {
        QFETCH(int, method);
        ClosureReader reader(settingsFor(ClosureReader::Method(method)));
        const Closure closure = reader.closure(u"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-not-there-1.0"_s);
        QVERIFY(!closure.isValid());
        QVERIFY(closure.paths.isEmpty());
        QCOMPARE(reader.cachedClosureCount(), 0);
        QVERIFY(!reader.references(u"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-not-there-1.0"_s).error.isEmpty());
    }

    void packageDiffBetweenGenerations()
    {
        ClosureReader reader;
        const PackageDiff diff = diffSystems(reader, m_fixture->systemOf(1), m_fixture->systemOf(2));
        QVERIFY2(diff.isValid(), qPrintable(diff.error));

        struct Expected {
            QString pname;
            PackageChange::Kind kind;
            QStringList before;
            QStringList after;
            bool selectedBefore;
            bool selectedAfter;
        };
        const QList<Expected> expected = {
            {u"curl"_s, PackageChange::Kind::Added, {}, {u"8.9.1"_s}, false, true},
            {u"firefox"_s, PackageChange::Kind::Upgraded, {u"127.0.2"_s}, {u"128.0"_s}, true, true},
            {u"nano"_s, PackageChange::Kind::Removed, {u"7.2"_s}, {}, true, false},
            {u"nixos-system-demo"_s, PackageChange::Kind::Upgraded, {u"26.05.1"_s}, {u"26.05.2"_s}, false, false},
            {u"openssl"_s, PackageChange::Kind::Changed, {u"3.0.13"_s}, {u"3.0.13"_s, u"3.3.1"_s}, false, false},
            {u"zlib"_s, PackageChange::Kind::SelectionChanged, {u"1.3.1"_s}, {u"1.3.1"_s}, false, true},
        };
        QStringList names;
        for (const PackageChange &change : diff.changes) {
            names.append(change.pname);
        }
        QCOMPARE(names, QStringList({u"curl"_s, u"firefox"_s, u"nano"_s, u"nixos-system-demo"_s, u"openssl"_s, u"zlib"_s}));
        for (const Expected &e : expected) {
            const PackageChange *change = findChange(diff, e.pname);
            QVERIFY2(change, qPrintable(e.pname));
            QCOMPARE(kindName(change->kind), kindName(e.kind));
            QCOMPARE(change->versionsBefore, e.before);
            QCOMPARE(change->versionsAfter, e.after);
            QCOMPARE(change->selectedBefore, e.selectedBefore);
            QCOMPARE(change->selectedAfter, e.selectedAfter);
        }

        QCOMPARE(diff.sizeBefore, nixClosureSize(m_fixture->systemOf(1)));
        QCOMPARE(diff.sizeAfter, nixClosureSize(m_fixture->systemOf(2)));
        QCOMPARE(diff.sizeDelta(), diff.sizeAfter - diff.sizeBefore);

        const QStringList before = nixRequisites(m_fixture->systemOf(1));
        const QStringList after = nixRequisites(m_fixture->systemOf(2));
        const QSet<QString> beforeSet(before.cbegin(), before.cend());
        const QSet<QString> afterSet(after.cbegin(), after.cend());
        QStringList added = QStringList((afterSet - beforeSet).values());
        QStringList removed = QStringList((beforeSet - afterSet).values());
        added.sort();
        removed.sort();
        QCOMPARE(diff.pathsAdded, added);
        QCOMPARE(diff.pathsRemoved, removed);
        QVERIFY(diff.pathsAdded.contains(m_fixture->packagePath(u"curl"_s)));
        QVERIFY(diff.pathsRemoved.contains(m_fixture->packagePath(u"nano"_s)));

        // And back again: firefox goes down.
        const PackageDiff back = diffSystems(reader, m_fixture->systemOf(2), m_fixture->systemOf(3));
        QVERIFY(back.isValid());
        QCOMPARE(kindName(findChange(back, u"firefox"_s)->kind), u"downgraded"_s);
        QCOMPARE(diffSystems(reader, m_fixture->systemOf(4), m_fixture->systemOf(4)).changes.size(), 0);
    }

    void generationsOfTheRealProfile()
    {
        ClosureReader closures;
        GenerationReader reader(m_fixture->profilePath());
        const QString run = m_dir.filePath(u"run"_s);
        QVERIFY(QDir().mkpath(run));
        QVERIFY(QFile::link(m_fixture->systemOf(9), run + u"/booted-system"_s));
        QVERIFY(QFile::link(m_fixture->systemOf(10), run + u"/current-system"_s));
        reader.setSystemLinks(run + u"/booted-system"_s, run + u"/current-system"_s);
        reader.setClosureReader(&closures);
        const GenerationReader::Result result = reader.readAll();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.generations.size(), 11);
        for (const Generation &generation : result.generations) {
            const int number = generation.number;
            QCOMPARE(generation.storePath, m_fixture->systemOf(number));
            QCOMPARE(generation.nixosVersion, u"26.05.%1"_s.arg(number));
            QCOMPARE(generation.current, number == 11);
            QCOMPARE(generation.booted, number == 9);
            QCOMPARE(generation.running, number == 10);
            QCOMPARE(generation.configurationRevision, m_fixture->revisionOf(number));
            QCOMPARE(generation.closureSize, nixClosureSize(generation.storePath));
            QVERIFY(generation.problem.isEmpty());
        }
        QCOMPARE(result.generations.first().kernelVersion, u"6.12.2"_s);
        QCOMPARE(result.generations.last().kernelVersion, u"6.6.1"_s);
        QCOMPARE(reader.linkPathOf(3), QFileInfo(m_fixture->profilePath()).dir().filePath(u"system-3-link"_s));
    }
};

QTEST_GUILESS_MAIN(ClosuresTest)
#include "tst_closures.moc"
