// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The whole of app/system on the project's stand-in NixOS: the demo root
// that tests/fixtures/make-demo-system builds with real Nix (ten
// generations, one per commit of a git-tracked etc/nixos).

#include "closurereader.h"
#include "generationlink.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "nixtools.h"
#include "systemdiff.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

const PackageChange *findChange(const PackageDiff &diff, const QString &pname)
{
    for (const PackageChange &change : diff.changes) {
        if (change.pname == pname) {
            return &change;
        }
    }
    return nullptr;
}

} // namespace

class StandinSystemTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QHash<QString, QString> m_env;
    QList<Generation> m_generations; // oldest first

    [[nodiscard]] const Generation &generation(int number) const
    {
        return m_generations.at(number - 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = NixTools::requireNix();
        if (!missing.isEmpty()) {
            QFAIL(qPrintable(missing));
        }
        const QString root = m_dir.filePath(u"demo"_s);
        const NixTools::Run made = NixTools::run(u"bash"_s, {QStringLiteral(SNOWPANE_FIXTURES) + u"/make-demo-system"_s, root}, {}, 900000);
        QVERIFY2(made.ok(), made.err.constData());
        QFile env(root + u"/snowpane-demo.env"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (!line.startsWith('#') && equals > 0) {
                m_env.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
            }
        }
        QVERIFY(m_env.contains(u"PROFILE"_s));
        QVERIFY(m_env.value(u"GENERATIONS"_s).toInt() >= 10);
    }

    void generationsWithMetadata()
    {
        ClosureReader closures;
        GenerationReader reader(m_env.value(u"PROFILE"_s));
        reader.setSystemLinks(m_env.value(u"BOOTED_SYSTEM"_s), m_env.value(u"CURRENT_SYSTEM"_s));
        reader.setClosureReader(&closures);
        const GenerationReader::Result result = reader.readAll();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.generations.size(), m_env.value(u"GENERATIONS"_s).toInt());
        m_generations = result.generations;
        std::ranges::reverse(m_generations);
        int booted = 0;
        for (const Generation &g : std::as_const(m_generations)) {
            QVERIFY2(g.problem.isEmpty(), qPrintable(g.problem));
            QVERIFY(!g.nixosVersion.isEmpty());
            QVERIFY(!g.kernelVersion.isEmpty());
            QVERIFY(g.closureSize > 0);
            booted += g.booted ? 1 : 0;
        }
        QCOMPARE(booted, 1);
        QVERIFY(m_generations.last().current);
        QVERIFY(m_generations.last().running);
        // From step 4 on, the demo records its commit as the configuration revision.
        QVERIFY(generation(1).configurationRevision.isEmpty());
        QCOMPARE(generation(4).configurationRevision.size(), 40);
    }

    // The check: the database and the commands give the same closure.
    void databaseAndCommandsAgree()
    {
        ClosureReader::Settings database;
        database.method = ClosureReader::Method::DatabaseOnly;
        ClosureReader::Settings commands;
        commands.method = ClosureReader::Method::CommandsOnly;
        ClosureReader fromDatabase(database);
        ClosureReader fromCommands(commands);
        for (const Generation &g : std::as_const(m_generations)) {
            const Closure a = fromDatabase.closure(g.storePath);
            const Closure b = fromCommands.closure(g.storePath);
            QVERIFY2(a.isValid() && b.isValid(), qPrintable(a.error + b.error));
            QCOMPARE(a.paths, b.paths);
            QCOMPARE(a.totalNarSize, b.totalNarSize);
            QCOMPARE(a.totalNarSize, g.closureSize);
            QCOMPARE(selectedPackagesOf(fromDatabase, g.storePath), selectedPackagesOf(fromCommands, g.storePath));
        }
    }

    void packageDiffOfTheLastStep()
    {
        ClosureReader reader;
        const PackageDiff diff = diffSystems(reader, generation(9).storePath, generation(10).storePath);
        QVERIFY2(diff.isValid(), qPrintable(diff.error));
        struct Expected {
            const char *pname;
            const char *kind;
            bool selectedAfter;
        };
        // demo/history step 10: nginx, Docker, btop instead of htop, a channel update.
        for (const Expected &e : {Expected{"nginx", "added", true},
                                  Expected{"docker", "added", true},
                                  Expected{"btop", "added", true},
                                  Expected{"htop", "removed", false},
                                  Expected{"firefox", "upgraded", true},
                                  Expected{"vscode", "upgraded", true},
                                  Expected{"nodejs", "upgraded", true}}) {
            const PackageChange *change = findChange(diff, QString::fromLatin1(e.pname));
            QVERIFY2(change, e.pname);
            QCOMPARE(kindName(change->kind), QString::fromLatin1(e.kind));
            QCOMPARE(change->selectedAfter, e.selectedAfter);
        }
        QCOMPARE(findChange(diff, u"firefox"_s)->versionsBefore, QStringList{u"131.0"_s});
        QCOMPARE(findChange(diff, u"firefox"_s)->versionsAfter, QStringList{u"132.0.2"_s});
        QVERIFY(!findChange(diff, u"git"_s)); // unchanged
        QCOMPARE(diff.sizeBefore, generation(9).closureSize);
        QCOMPARE(diff.sizeAfter, generation(10).closureSize);
    }

    // Generations 4 and later name their commit; the first three are linked
    // by notes, as Snowpane records them when it applies.
    void generationsLinkToCommits()
    {
        auto opened = GitRepository::open(m_env.value(u"CONFIG_DIR"_s));
        QVERIFY2(opened.repository, qPrintable(opened.error));
        GitRepository &repository = *opened.repository;
        QList<CommitInfo> commits = repository.log().commits;
        QCOMPARE(commits.size(), m_generations.size());
        std::ranges::reverse(commits);
        for (int number = 1; number <= 3; ++number) {
            QCOMPARE(commitOfGeneration(repository, generation(number)).via, GenerationCommit::Via::None);
            QCOMPARE(recordGeneration(repository, commits.at(number - 1).id, number, generation(number).storePath), QString());
        }
        for (const Generation &g : std::as_const(m_generations)) {
            const GenerationCommit link = commitOfGeneration(repository, g);
            QCOMPARE(link.via, g.number <= 3 ? GenerationCommit::Via::Note : GenerationCommit::Via::ConfigurationRevision);
            QCOMPARE(link.commit, commits.at(g.number - 1).id);
        }
        const ConfigurationDiff diff = diffGenerations(repository, generation(9), generation(10));
        QVERIFY2(diff.isValid(), qPrintable(diff.error));
        QVERIFY(diff.text.contains(u"btop"_s));
        const ConfigurationDiff first = diffGenerations(repository, generation(1), generation(2));
        QVERIFY2(first.isValid(), qPrintable(first.error));
        bool desktopAdded = false;
        for (const FileDiff &file : first.files) {
            desktopAdded |= file.newPath == u"desktop.nix"_s && file.status == FileDiff::Status::Added;
        }
        QVERIFY(desktopAdded);
    }
};

QTEST_GUILESS_MAIN(StandinSystemTest)
#include "tst_standinsystem.moc"
