// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// snowpane-cli diff-generations and history on a real profile built with
// Nix and a scratch configuration repository whose commits built it.

#include "generationlink.h"
#include "gitrepository.h"
#include "nixprofilefixture.h"
#include "nixtools.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(SNOWPANE_CLI), arguments);
    Run run;
    if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit) {
        run.exitCode = process.exitCode();
    }
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

} // namespace

class SystemCliTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<NixProfileFixture> m_fixture;
    QString m_config;
    QStringList m_commits;

private Q_SLOTS:
    void initTestCase()
    {
        // Three commits: generations 1 and 2 record their revisions (as
        // flakes do); generation 3 is linked by a note.
        m_config = m_dir.filePath(u"etc-nixos"_s);
        QVERIFY(QDir().mkpath(m_config));
        auto repository = GitRepository::init(m_config).repository;
        QVERIFY(repository);
        const QList<QByteArray> versions = {"{ pkgs, ... }: { environment.systemPackages = [ pkgs.nano ]; }\n",
                                            "{ pkgs, ... }: { environment.systemPackages = [ pkgs.curl ]; }\n",
                                            "{ pkgs, ... }: { environment.systemPackages = [ pkgs.curl pkgs.firefox ]; }\n"};
        for (const QByteArray &text : versions) {
            QVERIFY(writeFile(m_config + u"/configuration.nix"_s, text));
            const auto commit = repository->commitTracked({u"configuration.nix"_s}, u"Configuration %1"_s.arg(m_commits.size() + 1));
            QVERIFY2(commit.error.isEmpty(), qPrintable(commit.error));
            m_commits.append(commit.commit);
        }
        m_fixture = std::make_unique<NixProfileFixture>(m_dir.filePath(u"nix"_s));
        QVERIFY(QDir().mkpath(m_dir.filePath(u"nix"_s)));
        m_fixture->setRevisions(m_commits.at(0), m_commits.at(1));
        QVERIFY2(m_fixture->create(), qPrintable(m_fixture->errorString()));
        QCOMPARE(recordGeneration(*repository, m_commits.at(2), 3, m_fixture->systemOf(3)), QString());
    }

    void diffGenerationsJson()
    {
        const Run run = runCli({u"diff-generations"_s, u"1"_s, u"2"_s, u"--profile"_s, m_fixture->profilePath(), u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(object.value(u"before"_s).toObject().value(u"storePath"_s).toString(), m_fixture->systemOf(1));
        QCOMPARE(object.value(u"after"_s).toObject().value(u"generation"_s).toInt(), 2);
        QStringList kinds;
        for (const QJsonValue &change : object.value(u"changes"_s).toArray()) {
            kinds.append(change[u"pname"_s].toString() + u':' + change[u"kind"_s].toString());
        }
        QCOMPARE(kinds,
                 QStringList(
                     {u"curl:added"_s, u"firefox:upgraded"_s, u"nano:removed"_s, u"nixos-system-demo:upgraded"_s, u"openssl:changed"_s, u"zlib:selection"_s}));
        const QJsonObject size = object.value(u"closureSize"_s).toObject();
        const NixTools::Run nix = NixTools::run(u"nix"_s, {u"path-info"_s, u"--closure-size"_s, m_fixture->systemOf(2)});
        QCOMPARE(size.value(u"after"_s).toInteger(), QString::fromUtf8(nix.out).simplified().section(u' ', 1, 1).toLongLong());
        QCOMPARE(size.value(u"delta"_s).toInteger(), size.value(u"after"_s).toInteger() - size.value(u"before"_s).toInteger());
        QVERIFY(object.value(u"pathsAdded"_s).toArray().contains(m_fixture->packagePath(u"curl"_s)));
        QVERIFY(object.value(u"pathsRemoved"_s).toArray().contains(m_fixture->packagePath(u"nano"_s)));
    }

    void generationsWithClosureSizes()
    {
        const Run run = runCli({u"generations"_s, u"--json"_s, u"--closure-size"_s, u"--profile"_s, m_fixture->profilePath()});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(list.size(), 11);
        for (const QJsonValue &entry : list) {
            const QString storePath = entry[u"storePath"_s].toString();
            QCOMPARE(storePath, m_fixture->systemOf(entry[u"generation"_s].toInt()));
            const NixTools::Run nix = NixTools::run(u"nix"_s, {u"path-info"_s, u"--closure-size"_s, storePath});
            QVERIFY2(nix.ok(), nix.err.constData());
            QCOMPARE(entry[u"closureSize"_s].toInteger(), QString::fromUtf8(nix.out).simplified().section(u' ', 1, 1).toLongLong());
        }
        QCOMPARE(list.at(0)[u"configurationRevision"_s].toString(), QString());
        QCOMPARE(list.at(10)[u"configurationRevision"_s].toString(), m_commits.at(0));
    }

    void diffGenerationsText()
    {
        const Run run = runCli({u"diff-generations"_s, u"1"_s, u"2"_s, u"--profile"_s, m_fixture->profilePath(), u"--config"_s, m_config});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n');
        const auto has = [&lines](const QString &start, const QString &end) {
            return std::ranges::any_of(lines, [&](const QString &line) {
                return line.startsWith(start) && line.endsWith(end);
            });
        };
        QVERIFY2(has(u"[U*] firefox "_s, u" 127.0.2 -> 128.0"_s), qPrintable(run.out));
        QVERIFY(has(u"[C.] openssl "_s, u" 3.0.13 -> 3.0.13, 3.3.1"_s));
        QVERIFY(has(u"[A+] curl "_s, u" 8.9.1"_s));
        QVERIFY(has(u"[R-] nano "_s, u" 7.2"_s));
        QVERIFY(has(u"[S+] zlib "_s, u" 1.3.1"_s));
        QVERIFY(has(u"Closure size: "_s, u" removed."_s));
        // Generations 1 and 2 name their commits by configurationRevision.
        QVERIFY2(run.out.contains(u"-{ pkgs, ... }: { environment.systemPackages = [ pkgs.nano ]; }\n"_s
                                  u"+{ pkgs, ... }: { environment.systemPackages = [ pkgs.curl ]; }\n"_s),
                 qPrintable(run.out));
    }

    void diffGenerationsFailsClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing generation") << QStringList{u"1"_s, u"99"_s} << 1 << u"generation 99 does not exist"_s;
        QTest::newRow("one number") << QStringList{u"1"_s} << 2 << u"two generation numbers"_s;
        QTest::newRow("not a number") << QStringList{u"1"_s, u"two"_s} << 2 << u"two generation numbers"_s;
    }

    void diffGenerationsFailsClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = runCli(QStringList{u"diff-generations"_s, u"--profile"_s, m_fixture->profilePath()} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void historyLinksGenerations()
    {
        // An edit of a tracked file made outside Snowpane is uncommitted; an untracked file (it may be a secret) is not.
        QFile committed(m_config + u"/configuration.nix"_s);
        QVERIFY(committed.open(QIODevice::ReadOnly));
        const QByteArray original = committed.readAll();
        committed.close();
        QVERIFY(writeFile(m_config + u"/configuration.nix"_s, original + "# edited outside Snowpane\n"));
        QVERIFY(writeFile(m_config + u"/untracked.nix"_s, "{ }\n"));
        const Run run = runCli({u"history"_s, u"--config"_s, m_config, u"--profile"_s, m_fixture->profilePath(), u"--json"_s});
        QVERIFY(writeFile(m_config + u"/configuration.nix"_s, original));
        QFile::remove(m_config + u"/untracked.nix"_s);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(object.value(u"uncommitted"_s).toArray(), QJsonArray({u"configuration.nix"_s}));
        QCOMPARE(object.value(u"head"_s).toObject().value(u"commit"_s).toString(), m_commits.at(2));
        const QJsonArray commits = object.value(u"commits"_s).toArray();
        QCOMPARE(commits.size(), 3);
        QCOMPARE(commits.at(0)[u"subject"_s].toString(), u"Configuration 3"_s);
        QCOMPARE(commits.at(0)[u"generations"_s].toArray(), QJsonArray({3}));
        // By configurationRevision, as the fixture's first two record their commits.
        QCOMPARE(commits.at(1)[u"generations"_s].toArray(), QJsonArray({2}));
        QCOMPARE(commits.at(2)[u"generations"_s].toArray(), QJsonArray({1}));
        QCOMPARE(commits.at(2)[u"commit"_s].toString(), m_commits.at(0));
        QVERIFY(!commits.at(2)[u"date"_s].toString().isEmpty());

        const Run text = runCli({u"history"_s, u"--config"_s, m_config, u"--profile"_s, m_fixture->profilePath()});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(u"Configuration 3  [generation 3]"_s), qPrintable(text.out));
    }

    void historyWithoutRepository()
    {
        QTemporaryDir plain;
        const Run run = runCli({u"history"_s, u"--config"_s, plain.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"is not under git"_s));
        QVERIFY(run.err.contains(u"git init"_s));
    }
};

QTEST_GUILESS_MAIN(SystemCliTest)
#include "tst_systemcli.moc"
