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

    void initialiseCommitRestore()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ a = 1; }\n");
        writeFile(dir.filePath(QStringLiteral("hosts/laptop.nix")), "{ }\n");
        GitStore git(dir.path(), QStringLiteral("alice (through Snowpane)"));
        QVERIFY(!git.isRepository());
        const auto first = git.initialise(QStringLiteral("Initial"));
        QVERIFY2(first.isOk(), qPrintable(first.error()));
        QVERIFY(git.isRepository());
        QVERIFY(!git.initialise(QStringLiteral("Again")).isOk());
        QCOMPARE(git.head().value(), first.value());

        // Nothing changed: nothing committed.
        const auto unchanged = git.commitAll(QStringLiteral("Nothing"));
        QVERIFY(unchanged.isOk());
        QVERIFY(!unchanged.value().has_value());

        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ a = 2; }\n");
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("hosts/laptop.nix"))));
        writeFile(dir.filePath(QStringLiteral("new.nix")), "{ }\n");
        const auto second = git.commitAll(QStringLiteral("Change a"));
        QVERIFY(second.isOk() && second.value().has_value());
        QStringList log = gitLog(dir.path());
        QCOMPARE(log.size(), 2);
        QVERIFY2(log.first().endsWith(QLatin1String("alice (through Snowpane)|Change a")), qPrintable(log.first()));

        const auto restored = git.restore(first.value(), QStringLiteral("Restore"));
        QVERIFY2(restored.isOk(), qPrintable(restored.error()));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("configuration.nix"))), QByteArray("{ a = 1; }\n"));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("hosts/laptop.nix"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.nix"))));
        log = gitLog(dir.path());
        QCOMPARE(log.size(), 3); // added to, never rewritten
        QVERIFY(log.first().endsWith(QLatin1String("|Restore")));
        QVERIFY(!git.restore(QString(40, QLatin1Char('0')), QStringLiteral("x")).isOk());
    }

    // The note after a rebuild, read back with git itself and with the app's own reader.
    void recordsGenerationsInNotes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("configuration.nix")), "{ }\n");
        GitStore git(dir.path(), QStringLiteral("Snowpane"));
        const auto commit = git.initialise(QStringLiteral("first"));
        QVERIFY2(commit, qPrintable(commit.error()));
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
        const auto first = git.head().value();
        QVERIFY(git.commitAll(QStringLiteral("Edit")).isOk());
        QVERIFY(git.restore(first, QStringLiteral("Restore")).isOk());
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
