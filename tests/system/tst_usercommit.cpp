// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The commits the window makes in a person's own configuration: their git
// identity, the tracked files and the files Snowpane wrote, never untracked
// files; new files told to git with intent to add, which a flake then sees.
// git itself and real Nix check the result.

#include "gitrepository.h"
#include "usercommit.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QString &directory = {})
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    Run result;
    if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    result.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return result;
}

// git as someone else, so that an author that is not the person's shows.
Run git(const QString &directory, const QStringList &arguments)
{
    return run(u"git"_s, QStringList{u"-C"_s, directory, u"-c"_s, u"user.name=Outside"_s, u"-c"_s, u"user.email=outside@example.org"_s} + arguments);
}

Run nixEval(const QString &flake)
{
    return run(u"nix"_s, {u"--extra-experimental-features"_s, u"nix-command flakes"_s, u"eval"_s, u"--raw"_s, flake + u"#greeting"_s});
}

} // namespace

class UserCommitTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        // The person's own identity, where git and libgit2 look for it; set before libgit2 first reads it.
        QVERIFY(m_home.isValid());
        QVERIFY(writeFile(m_home.filePath(u".gitconfig"_s), "[user]\n\tname = Alice Example\n\temail = alice@example.org\n"));
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u".config"_s)));
    }

    void commitsTrackedAndWrittenAsThePerson()
    {
        QTemporaryDir scratch;
        const QString dir = scratch.path();
        QVERIFY(writeFile(dir + u"/configuration.nix"_s, "{ }\n"));
        QVERIFY(writeFile(dir + u"/desktop.nix"_s, "{ }\n"));
        QVERIFY(writeFile(dir + u"/old.nix"_s, "{ }\n"));
        QCOMPARE(git(dir, {u"init"_s, u"-q"_s}).exitCode, 0);
        QCOMPARE(git(dir, {u"add"_s, u"configuration.nix"_s, u"desktop.nix"_s, u"old.nix"_s}).exitCode, 0);
        QCOMPARE(git(dir, {u"commit"_s, u"-q"_s, u"-m"_s, u"start"_s}).exitCode, 0);

        // A secret nobody added, an outside edit of a tracked file, a deleted tracked file, and the files Snowpane writes.
        QVERIFY(writeFile(dir + u"/secrets.nix"_s, "{ password = \"hunter2\"; }\n"));
        QVERIFY(writeFile(dir + u"/desktop.nix"_s, "{ services.printing.enable = true; }\n"));
        QVERIFY(QFile::remove(dir + u"/old.nix"_s));
        QVERIFY(writeFile(dir + u"/configuration.nix"_s, "{ imports = [ ./hosts/laptop.nix ]; }\n"));
        QVERIFY(writeFile(dir + u"/hosts/laptop.nix"_s, "{ }\n"));

        auto opened = GitRepository::open(dir);
        QVERIFY2(opened.repository, qPrintable(opened.error));
        GitRepository &repository = *opened.repository;

        QString error;
        QCOMPARE(untrackedFiles(repository, {u"configuration.nix"_s, u"secrets.nix"_s, u"hosts/laptop.nix"_s, u"hosts/none.nix"_s}, &error),
                 (QStringList{u"secrets.nix"_s, u"hosts/laptop.nix"_s}));
        QVERIFY(error.isEmpty());

        // Intent to add: git lists the new file as known, with nothing of it staged yet.
        QCOMPARE(addIntentToAdd(repository, {u"hosts/laptop.nix"_s}), QString());
        QCOMPARE(git(dir, {u"ls-files"_s, u"hosts"_s}).out, u"hosts/laptop.nix"_s);
        QCOMPARE(git(dir, {u"diff"_s, u"--cached"_s, u"--name-only"_s}).out, QString()); // nothing staged
        QCOMPARE(untrackedFiles(repository, {u"hosts/laptop.nix"_s}, &error), QStringList());

        const auto commit = repository.commitTracked({u"configuration.nix"_s, u"hosts/laptop.nix"_s}, u"Add the laptop's host file"_s);
        QVERIFY2(commit.error.isEmpty(), qPrintable(commit.error));
        QVERIFY(!commit.commit.isEmpty());
        QCOMPARE(git(dir, {u"rev-parse"_s, u"HEAD"_s}).out, commit.commit);
        QCOMPARE(git(dir, {u"log"_s, u"-1"_s, u"--format=%an <%ae>|%cn <%ce>|%s"_s}).out,
                 u"Alice Example <alice@example.org>|Alice Example <alice@example.org>|Add the laptop's host file"_s);
        QCOMPARE(git(dir, {u"show"_s, u"--no-renames"_s, u"--name-status"_s, u"--format="_s, u"HEAD"_s}).out.split(u'\n'),
                 (QStringList{u"M\tconfiguration.nix"_s, u"M\tdesktop.nix"_s, u"A\thosts/laptop.nix"_s, u"D\told.nix"_s}));
        QCOMPARE(git(dir, {u"show"_s, u"HEAD:hosts/laptop.nix"_s}).out, u"{ }"_s);
        // The secret is still there, still untracked, and in no commit.
        QCOMPARE(git(dir, {u"status"_s, u"--porcelain"_s}).out, u"?? secrets.nix"_s);
        QCOMPARE(git(dir, {u"log"_s, u"--all"_s, u"--format=%H"_s, u"--"_s, u"secrets.nix"_s}).out, QString());

        // Nothing changed: no commit.
        const auto again = repository.commitTracked({u"configuration.nix"_s}, u"Nothing"_s);
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QVERIFY(again.commit.isEmpty());
        QCOMPARE(git(dir, {u"rev-parse"_s, u"HEAD"_s}).out, commit.commit);
    }

    // A flake sees only files git knows: the new file is invisible to Nix until it is added with intent to add.
    void flakeSeesIntentToAdd()
    {
        QTemporaryDir scratch;
        const QString dir = scratch.path();
        QVERIFY(writeFile(dir + u"/flake.nix"_s, "{ outputs = { self }: { greeting = import ./greeting.nix; }; }\n"));
        QCOMPARE(git(dir, {u"init"_s, u"-q"_s}).exitCode, 0);
        QCOMPARE(git(dir, {u"add"_s, u"flake.nix"_s}).exitCode, 0);
        QCOMPARE(git(dir, {u"commit"_s, u"-q"_s, u"-m"_s, u"start"_s}).exitCode, 0);
        QVERIFY(writeFile(dir + u"/greeting.nix"_s, "\"hello from a new file\"\n"));

        const Run before = nixEval(dir);
        QVERIFY2(before.exitCode > 0, qPrintable(before.out + before.err));
        QVERIFY2(before.err.contains(u"greeting.nix"_s), qPrintable(before.err));

        auto opened = GitRepository::open(dir);
        QVERIFY2(opened.repository, qPrintable(opened.error));
        QCOMPARE(addIntentToAdd(*opened.repository, {u"greeting.nix"_s}), QString());
        const Run after = nixEval(dir);
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QCOMPARE(after.out, u"hello from a new file"_s);
    }
};

QTEST_GUILESS_MAIN(UserCommitTest)

#include "tst_usercommit.moc"
