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

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

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
    git.start(u"git"_s, {u"-c"_s, u"safe.directory=*"_s, u"-C"_s, dir, u"ls-tree"_s, u"-r"_s, u"--name-only"_s, u"HEAD"_s});
    git.waitForFinished();
    QStringList files = QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    files.sort();
    return files;
}

// Every object in the repository, with its content, so that a secret in any blob shows.
QString gitObjects(const QString &dir)
{
    QProcess git;
    git.start(u"git"_s, {u"-c"_s, u"safe.directory=*"_s, u"-C"_s, dir, u"cat-file"_s, u"--batch-all-objects"_s, u"--batch"_s});
    git.waitForFinished();
    return QString::fromUtf8(git.readAllStandardOutput());
}

// Reads history with the git program, as a person would.
QStringList gitLog(const QString &dir)
{
    QProcess git;
    git.start(u"git"_s, {u"-c"_s, u"safe.directory=*"_s, u"-C"_s, dir, u"log"_s, u"--format=%H %an|%s"_s});
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
        writeFile(dir.filePath(u"configuration.nix"_s), "{ a = 1; }\n");
        writeFile(dir.filePath(u"hosts/laptop.nix"_s), "{ }\n");
        writeFile(dir.filePath(u"flake.lock"_s), "{}\n");
        writeFile(dir.filePath(u"notes.txt"_s), "not configuration\n");
        writeFile(dir.filePath(u"private.nix"_s), "{ password = \"hunter2\"; }\n");
        QVERIFY(QFile::setPermissions(dir.filePath(u"private.nix"_s), QFile::ReadOwner | QFile::WriteOwner));
        writeFile(dir.filePath(u"closed/inside.nix"_s), "{ }\n");
        QVERIFY(QFile::setPermissions(dir.filePath(u"closed"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        writeFile(dir.filePath(u"ignored/x.nix"_s), "{ }\n");
        writeFile(dir.filePath(u".gitignore"_s), "ignored/\n");
        GitStore git(dir.path(), u"alice (through Snowpane)"_s);
        QVERIFY(!git.isRepository());
        const auto first = git.initialise(u"Initial"_s);
        QVERIFY2(first.isOk(), qPrintable(first.error()));
        QVERIFY(git.isRepository());
        QVERIFY(!git.initialise(u"Again"_s).isOk());
        QCOMPARE(git.head().value(), first.value().commit);
        // The configuration files only: not notes, not what only root may read, not what .gitignore excludes.
        QStringList tracked = first.value().tracked;
        tracked.sort();
        QCOMPARE(tracked, (QStringList{u".gitignore"_s, u"configuration.nix"_s, u"flake.lock"_s, u"hosts/laptop.nix"_s}));
        QStringList leftPrivate = first.value().leftPrivate;
        leftPrivate.sort();
        QCOMPARE(leftPrivate, (QStringList{u"closed/inside.nix"_s, u"private.nix"_s}));
        QCOMPARE(gitFiles(dir.path()), tracked);

        // Nothing changed: nothing committed.
        const auto unchanged = git.commitAll(u"Nothing"_s);
        QVERIFY(unchanged.isOk());
        QVERIFY(!unchanged.value().has_value());

        // Modified and deleted tracked files are committed; a new file is not, until the helper says it wrote it.
        writeFile(dir.filePath(u"configuration.nix"_s), "{ a = 2; }\n");
        QVERIFY(QFile::remove(dir.filePath(u"hosts/laptop.nix"_s)));
        writeFile(dir.filePath(u"new.nix"_s), "{ }\n");
        const auto second = git.commitAll(u"Change a"_s);
        QVERIFY(second.isOk() && second.value().has_value());
        QCOMPARE(gitFiles(dir.path()), (QStringList{u".gitignore"_s, u"configuration.nix"_s, u"flake.lock"_s}));
        QStringList log = gitLog(dir.path());
        QCOMPARE(log.size(), 2);
        QVERIFY2(log.first().endsWith("alice (through Snowpane)|Change a"_L1), qPrintable(log.first()));
        const auto written = git.commitAll(u"Wrote new.nix"_s, {u"new.nix"_s, u"ignored/x.nix"_s});
        QVERIFY2(written.isOk() && written.value().has_value(), qPrintable(written.error()));
        QCOMPARE(gitFiles(dir.path()), (QStringList{u".gitignore"_s, u"configuration.nix"_s, u"flake.lock"_s, u"new.nix"_s}));

        // A written file only its owner may read is refused, and so is a tracked one that became private and changed.
        const auto secret = git.commitAll(u"Wrote private.nix"_s, {u"private.nix"_s});
        QVERIFY(!secret.isOk());
        QVERIFY2(secret.error().contains("private.nix can be read by its owner only (mode 0600)"_L1), qPrintable(secret.error()));
        writeFile(dir.filePath(u"new.nix"_s), "{ token = \"s3cret\"; }\n");
        QVERIFY(QFile::setPermissions(dir.filePath(u"new.nix"_s), QFile::ReadOwner | QFile::WriteOwner));
        const auto tightened = git.commitAll(u"Tightened"_s);
        QVERIFY(!tightened.isOk());
        QVERIFY2(tightened.error().contains("new.nix can be read by its owner only"_L1) && tightened.error().contains("tracked"_L1),
                 qPrintable(tightened.error()));
        QCOMPARE(gitLog(dir.path()).size(), 3);
        QVERIFY(!gitObjects(dir.path()).contains(u"hunter2"_s));
    }

    void configurationFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("tracked");
        QTest::newRow("configuration") << u"configuration.nix"_s << true;
        QTest::newRow("nested") << u"hosts/laptop/default.nix"_s << true;
        QTest::newRow("lock") << u"flake.lock"_s << true;
        QTest::newRow("nested lock") << u"sub/flake.lock"_s << true;
        QTest::newRow("gitignore") << u".gitignore"_s << true;
        QTest::newRow("nested gitignore") << u"sub/.gitignore"_s << false;
        QTest::newRow("key") << u"secrets/wifi.psk"_s << false;
        QTest::newRow("age") << u"secrets/host.age"_s << false;
        QTest::newRow("only extension") << u".nix"_s << false;
        QTest::newRow("nix in name") << u"nix.conf"_s << false;
        QTest::newRow("lock-like") << u"xflake.lock"_s << false;
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
        writeFile(dir.filePath(u"configuration.nix"_s), "{ }\n");
        GitStore git(dir.path(), u"Snowpane"_s);
        const auto initial = git.initialise(u"first"_s);
        QVERIFY2(initial, qPrintable(initial.error()));
        const auto commit = Checked<QString>::ok(initial.value().commit);
        const QString storeA = u"/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-nixos-system-a"_s;
        const QString storeB = u"/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-nixos-system-b"_s;
        auto first = git.recordGeneration(commit.value(), 1, storeA);
        QVERIFY2(first && first.value(), qPrintable(first ? QString() : first.error()));
        auto again = git.recordGeneration(commit.value(), 1, storeA);
        QVERIFY(again && !again.value()); // the same pair twice changes nothing
        auto second = git.recordGeneration(commit.value(), 3, storeB);
        QVERIFY(second && second.value());

        QProcess show;
        show.start(u"git"_s, {u"-c"_s, u"safe.directory=*"_s, u"-C"_s, dir.path(), u"notes"_s, u"--ref=snowpane"_s, u"show"_s, commit.value()});
        QVERIFY(show.waitForFinished());
        const QString note = QString::fromUtf8(show.readAllStandardOutput());
        QCOMPARE(note, u"generation 1 store-path %1\ngeneration 3 store-path %2\n"_s.arg(storeA, storeB));
        const QList<Snowpane::System::GenerationNote> parsed = Snowpane::System::parseGenerationNote(note);
        QCOMPARE(parsed, (QList<Snowpane::System::GenerationNote>{{1, storeA}, {3, storeB}}));
        QCOMPARE(gitLog(dir.path()).size(), 1); // a note is not a commit

        QVERIFY(!git.recordGeneration(commit.value(), 0, storeA));
        QVERIFY(!git.recordGeneration(commit.value(), 2, u"relative/path"_s));
        QVERIFY(!git.recordGeneration(commit.value(), 2, storeA + u"\ngeneration 9 store-path /x"_s));
        QVERIFY(!git.recordGeneration(QString(40, QLatin1Char('f')), 2, storeA));
    }

    void runsNoProgramFromTheRepository()
    {
        QTemporaryDir dir;
        QTemporaryDir witness;
        writeFile(dir.filePath(u"configuration.nix"_s), "{ }\n");
        GitStore git(dir.path(), u"Snowpane"_s);
        QVERIFY(git.initialise(u"Initial"_s).isOk());
        // What the git program would run as root: hooks, an fsmonitor, a filter driver.
        const QString proof = witness.filePath(u"ran"_s);
        const QByteArray script = "#!/bin/sh\ntouch " + proof.toUtf8() + "\n";
        for (const char *hook : {"pre-commit", "post-commit", "commit-msg", "prepare-commit-msg", "post-checkout", "reference-transaction"}) {
            const QString path = dir.filePath(u".git/hooks/"_s + QLatin1String(hook));
            writeFile(path, script);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        QFile config(dir.filePath(u".git/config"_s));
        QVERIFY(config.open(QIODevice::Append));
        config.write("[core]\n\tfsmonitor = touch " + proof.toUtf8() + "\n[filter \"x\"]\n\tclean = touch " + proof.toUtf8() + "\n\tsmudge = touch "
                     + proof.toUtf8() + "\n");
        config.close();
        writeFile(dir.filePath(u".gitattributes"_s), "*.nix filter=x\n");
        writeFile(dir.filePath(u"configuration.nix"_s), "{ a = 1; }\n");
        QVERIFY(git.commitAll(u"Edit"_s).isOk());
        QVERIFY(git.commitAll(u"Attributes"_s, {u".gitattributes"_s}).isOk());
        writeFile(dir.filePath(u"configuration.nix"_s), "{ a = 2; }\n");
        QVERIFY(git.commitAll(u"Edit again"_s).isOk());
        QVERIFY2(!QFile::exists(proof), "a program named by the repository ran");

        // The control: the git program, on the same repository, does run what it names. Without this the
        // check above could pass because the traps were never armed (a hook not executable, a wrong path).
        QProcess control;
        control.start(u"git"_s,
                      {u"-C"_s,
                       dir.path(),
                       u"-c"_s,
                       u"user.name=Control"_s,
                       u"-c"_s,
                       u"user.email=control@localhost"_s,
                       u"commit"_s,
                       u"--allow-empty"_s,
                       u"--message=control"_s});
        QVERIFY2(control.waitForFinished(), "the git program did not run");
        QVERIFY2(QFile::exists(proof),
                 qPrintable(u"the git program left no mark either, so the test proves nothing: "_s + QString::fromUtf8(control.readAllStandardError())));
    }
};

QTEST_GUILESS_MAIN(GitStoreTest)
#include "tst_gitstore.moc"
