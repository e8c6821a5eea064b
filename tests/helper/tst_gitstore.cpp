// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's git history in a scratch repository: commits, restores that
// never rewrite history, and no program from the repository's configuration
// ever run — the reason the helper uses libgit2 instead of git.

#include "generationlink.h"
#include "gitstore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace snowpane::helper;

namespace
{
void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The files HEAD holds, read with the git program.
QStringList gitFiles(const QString &dir)
{
    QProcess git;
    git.start(QStringLiteral("git"),
              {QStringLiteral("-c"),
               QStringLiteral("safe.directory=*"),
               QStringLiteral("-C"),
               dir,
               QStringLiteral("ls-tree"),
               QStringLiteral("-r"),
               QStringLiteral("--name-only"),
               QStringLiteral("HEAD")});
    git.waitForFinished();
    QStringList files = QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    files.sort();
    return files;
}

// Every object in the repository, with its content, so that a secret in any blob shows.
QString gitObjects(const QString &dir)
{
    QProcess git;
    git.start(QStringLiteral("git"),
              {QStringLiteral("-c"),
               QStringLiteral("safe.directory=*"),
               QStringLiteral("-C"),
               dir,
               QStringLiteral("cat-file"),
               QStringLiteral("--batch-all-objects"),
               QStringLiteral("--batch")});
    git.waitForFinished();
    return QString::fromUtf8(git.readAllStandardOutput());
}

// Reads history with the git program, as a person would.
QStringList gitLog(const QString &dir)
{
    QProcess git;
    git.start(
        QStringLiteral("git"),
        {QStringLiteral("-c"), QStringLiteral("safe.directory=*"), QStringLiteral("-C"), dir, QStringLiteral("log"), QStringLiteral("--format=%H %an|%s")});
    git.waitForFinished();
    return QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
}

class GitStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The global git configuration must not matter to the helper.
        qputenv("HOME", QByteArray("/nonexistent"));
    }

    void initialiseAndCommit()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ a = 1; }\n");
        writeFile(dir.filePath(QStringLiteral("hosts/laptop.nix")), "{ }\n");
        writeFile(dir.filePath(QStringLiteral("flake.lock")), "{}\n");
        writeFile(dir.filePath(QStringLiteral("notes.txt")), "not configuration\n");
        writeFile(dir.filePath(QStringLiteral("private.nix")), "{ password = \"hunter2\"; }\n");
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("private.nix")), QFile::ReadOwner | QFile::WriteOwner));
        writeFile(dir.filePath(QStringLiteral("closed/inside.nix")), "{ }\n");
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("closed")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        writeFile(dir.filePath(QStringLiteral("ignored/x.nix")), "{ }\n");
        writeFile(dir.filePath(QStringLiteral(".gitignore")), "ignored/\n");
        GitStore git(dir.path(), QStringLiteral("alice (through Snowpane)"));
        QVERIFY(!git.isRepository());
        const auto first = git.initialise(QStringLiteral("Initial"));
        QVERIFY2(first.isOk(), qPrintable(first.error()));
        QVERIFY(git.isRepository());
        QVERIFY(!git.initialise(QStringLiteral("Again")).isOk());
        QCOMPARE(git.head().value(), first.value().commit);
        // The configuration files only: not notes, not what only root may read, not what .gitignore excludes.
        QStringList tracked = first.value().tracked;
        tracked.sort();
        QCOMPARE(
            tracked,
            (QStringList{QStringLiteral(".gitignore"), QStringLiteral("configuration.nix"), QStringLiteral("flake.lock"), QStringLiteral("hosts/laptop.nix")}));
        QStringList leftPrivate = first.value().leftPrivate;
        leftPrivate.sort();
        QCOMPARE(leftPrivate, (QStringList{QStringLiteral("closed/inside.nix"), QStringLiteral("private.nix")}));
        QCOMPARE(gitFiles(dir.path()), tracked);

        // Nothing changed: nothing committed.
        const auto unchanged = git.commitAll(QStringLiteral("Nothing"));
        QVERIFY(unchanged.isOk());
        QVERIFY(!unchanged.value().has_value());

        // Modified and deleted tracked files are committed; a new file is not, until the helper says it wrote it.
        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ a = 2; }\n");
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("hosts/laptop.nix"))));
        writeFile(dir.filePath(QStringLiteral("new.nix")), "{ }\n");
        const auto second = git.commitAll(QStringLiteral("Change a"));
        QVERIFY(second.isOk() && second.value().has_value());
        QCOMPARE(gitFiles(dir.path()), (QStringList{QStringLiteral(".gitignore"), QStringLiteral("configuration.nix"), QStringLiteral("flake.lock")}));
        QStringList log = gitLog(dir.path());
        QCOMPARE(log.size(), 2);
        QVERIFY2(log.first().endsWith(QLatin1String("alice (through Snowpane)|Change a")), qPrintable(log.first()));
        const auto written = git.commitAll(QStringLiteral("Wrote new.nix"), {QStringLiteral("new.nix"), QStringLiteral("ignored/x.nix")});
        QVERIFY2(written.isOk() && written.value().has_value(), qPrintable(written.error()));
        QCOMPARE(gitFiles(dir.path()),
                 (QStringList{QStringLiteral(".gitignore"), QStringLiteral("configuration.nix"), QStringLiteral("flake.lock"), QStringLiteral("new.nix")}));

        // A written file only its owner may read is refused, and so is a tracked one that became private and changed.
        const auto secret = git.commitAll(QStringLiteral("Wrote private.nix"), {QStringLiteral("private.nix")});
        QVERIFY(!secret.isOk());
        QVERIFY2(secret.error().contains(QLatin1String("private.nix can be read by its owner only (mode 0600)")), qPrintable(secret.error()));
        writeFile(dir.filePath(QStringLiteral("new.nix")), "{ token = \"s3cret\"; }\n");
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("new.nix")), QFile::ReadOwner | QFile::WriteOwner));
        const auto tightened = git.commitAll(QStringLiteral("Tightened"));
        QVERIFY(!tightened.isOk());
        QVERIFY2(tightened.error().contains(QLatin1String("new.nix can be read by its owner only")) && tightened.error().contains(QLatin1String("tracked")),
                 qPrintable(tightened.error()));
        QCOMPARE(gitLog(dir.path()).size(), 3);
        QVERIFY(!gitObjects(dir.path()).contains(QStringLiteral("hunter2")));
    }

    void configurationFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("tracked");
        QTest::newRow("configuration") << QStringLiteral("configuration.nix") << true;
        QTest::newRow("nested") << QStringLiteral("hosts/laptop/default.nix") << true;
        QTest::newRow("lock") << QStringLiteral("flake.lock") << true;
        QTest::newRow("nested lock") << QStringLiteral("sub/flake.lock") << true;
        QTest::newRow("gitignore") << QStringLiteral(".gitignore") << true;
        QTest::newRow("nested gitignore") << QStringLiteral("sub/.gitignore") << false;
        QTest::newRow("key") << QStringLiteral("secrets/wifi.psk") << false;
        QTest::newRow("age") << QStringLiteral("secrets/host.age") << false;
        QTest::newRow("only extension") << QStringLiteral(".nix") << false;
        QTest::newRow("nix in name") << QStringLiteral("nix.conf") << false;
        QTest::newRow("lock-like") << QStringLiteral("xflake.lock") << false;
    }
    void configurationFiles()
    {
        QFETCH(QString, path);
        QFETCH(bool, tracked);
        QCOMPARE(isConfigurationFile(path), tracked);
    }

    // The note after a rebuild, read back with git itself and with the app's own reader.
    void recordsGenerationsInNotes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ }\n");
        GitStore git(dir.path(), QStringLiteral("Snowpane"));
        const auto initial = git.initialise(QStringLiteral("first"));
        QVERIFY2(initial, qPrintable(initial.error()));
        const auto commit = Checked<QString>::ok(initial.value().commit);
        const QString storeA = QStringLiteral("/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-nixos-system-a");
        const QString storeB = QStringLiteral("/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-nixos-system-b");
        auto first = git.recordGeneration(commit.value(), 1, storeA);
        QVERIFY2(first && first.value(), qPrintable(first ? QString() : first.error()));
        auto again = git.recordGeneration(commit.value(), 1, storeA);
        QVERIFY(again && !again.value()); // the same pair twice changes nothing
        auto second = git.recordGeneration(commit.value(), 3, storeB);
        QVERIFY(second && second.value());

        QProcess show;
        show.start(QStringLiteral("git"),
                   {QStringLiteral("-c"),
                    QStringLiteral("safe.directory=*"),
                    QStringLiteral("-C"),
                    dir.path(),
                    QStringLiteral("notes"),
                    QStringLiteral("--ref=snowpane"),
                    QStringLiteral("show"),
                    commit.value()});
        QVERIFY(show.waitForFinished());
        const QString note = QString::fromUtf8(show.readAllStandardOutput());
        QCOMPARE(note, QStringLiteral("generation 1 store-path %1\ngeneration 3 store-path %2\n").arg(storeA, storeB));
        const QList<Snowpane::System::GenerationNote> parsed = Snowpane::System::parseGenerationNote(note);
        QCOMPARE(parsed, (QList<Snowpane::System::GenerationNote>{{1, storeA}, {3, storeB}}));
        QCOMPARE(gitLog(dir.path()).size(), 1); // a note is not a commit

        QVERIFY(!git.recordGeneration(commit.value(), 0, storeA));
        QVERIFY(!git.recordGeneration(commit.value(), 2, QStringLiteral("relative/path")));
        QVERIFY(!git.recordGeneration(commit.value(), 2, storeA + QStringLiteral("\ngeneration 9 store-path /x")));
        QVERIFY(!git.recordGeneration(QString(40, QLatin1Char('f')), 2, storeA));
    }

    void runsNoProgramFromTheRepository()
    {
        QTemporaryDir dir;
        QTemporaryDir witness;
        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ }\n");
        GitStore git(dir.path(), QStringLiteral("Snowpane"));
        QVERIFY(git.initialise(QStringLiteral("Initial")).isOk());
        // What the git program would run as root: hooks, an fsmonitor, a filter driver.
        const QString proof = witness.filePath(QStringLiteral("ran"));
        const QByteArray script = "#!/bin/sh\ntouch " + proof.toUtf8() + "\n";
        for (const char *hook : {"pre-commit", "post-commit", "commit-msg", "prepare-commit-msg", "post-checkout", "reference-transaction"}) {
            const QString path = dir.filePath(QStringLiteral(".git/hooks/") + QLatin1String(hook));
            writeFile(path, script);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        QFile config(dir.filePath(QStringLiteral(".git/config")));
        QVERIFY(config.open(QIODevice::Append));
        config.write("[core]\n\tfsmonitor = touch " + proof.toUtf8() + "\n[filter \"x\"]\n\tclean = touch " + proof.toUtf8() + "\n\tsmudge = touch "
                     + proof.toUtf8() + "\n");
        config.close();
        writeFile(dir.filePath(QStringLiteral(".gitattributes")), "*.nix filter=x\n");
        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ a = 1; }\n");
        QVERIFY(git.commitAll(QStringLiteral("Edit")).isOk());
        QVERIFY(git.commitAll(QStringLiteral("Attributes"), {QStringLiteral(".gitattributes")}).isOk());
        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ a = 2; }\n");
        QVERIFY(git.commitAll(QStringLiteral("Edit again")).isOk());
        QVERIFY2(!QFile::exists(proof), "a program named by the repository ran");

        // The control: the git program, on the same repository, does run what it names. Without this the
        // check above could pass because the traps were never armed (a hook not executable, a wrong path).
        QProcess control;
        control.start(QStringLiteral("git"),
                      {QStringLiteral("-C"),
                       dir.path(),
                       QStringLiteral("-c"),
                       QStringLiteral("user.name=Control"),
                       QStringLiteral("-c"),
                       QStringLiteral("user.email=control@localhost"),
                       QStringLiteral("commit"),
                       QStringLiteral("--allow-empty"),
                       QStringLiteral("--message=control")});
        QVERIFY2(control.waitForFinished(), "the git program did not run");
        QVERIFY2(QFile::exists(proof),
                 qPrintable(QStringLiteral("the git program left no mark either, so the test proves nothing: ")
                            + QString::fromUtf8(control.readAllStandardError())));
    }
};

QTEST_GUILESS_MAIN(GitStoreTest)
#include "tst_gitstore.moc"
