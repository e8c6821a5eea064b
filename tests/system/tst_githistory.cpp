// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The configuration's git history through libgit2, on scratch repositories;
// the git command line makes the changes "made outside Snowpane" and checks
// what Snowpane wrote.

#include "commitmessage.h"
#include "generation.h"
#include "generationlink.h"
#include "gitdiff.h"
#include "gitrepository.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <git2.h>
#include <unistd.h>

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

QByteArray numberedLines(int count, const QByteArray &prefix)
{
    QByteArray text;
    for (int i = 1; i <= count; ++i) {
        text += prefix + ' ' + QByteArray::number(i) + '\n';
    }
    return text;
}

struct GitRun {
    int exitCode = -1;
    QString out;
};

GitRun git(const QString &directory, const QStringList &arguments)
{
    QProcess process;
    process.start(u"git"_s, QStringList{u"-C"_s, directory, u"-c"_s, u"user.name=Outside"_s, u"-c"_s, u"user.email=outside@example.org"_s} + arguments);
    GitRun run;
    if (process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit) {
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }
    return run;
}

const FileDiff *findFile(const ConfigurationDiff &diff, const QString &newPath)
{
    for (const FileDiff &file : diff.files) {
        if (file.newPath == newPath) {
            return &file;
        }
    }
    return nullptr;
}

} // namespace

class GitHistoryTest : public QObject
{
    Q_OBJECT

private:
    // A repository with two commits: the second renames hardware.nix and
    // changes line 5 of configuration.nix.
    static std::unique_ptr<GitRepository> twoCommits(const QString &path)
    {
        auto opened = GitRepository::init(path);
        if (!opened.repository) {
            return {};
        }
        if (!writeFile(path + u"/configuration.nix"_s, numberedLines(12, "# line")) || !writeFile(path + u"/hardware.nix"_s, numberedLines(20, "# hardware"))) {
            return {};
        }
        if (!opened.repository->commitTracked({u"configuration.nix"_s, u"hardware.nix"_s}, u"First configuration"_s).error.isEmpty()) {
            return {};
        }
        QByteArray changed = numberedLines(12, "# line");
        changed.replace("# line 5\n", "services.openssh.enable = true;\n");
        if (!writeFile(path + u"/configuration.nix"_s, changed) || !QFile::rename(path + u"/hardware.nix"_s, path + u"/hardware-configuration.nix"_s)) {
            return {};
        }
        if (!opened.repository->commitTracked({u"hardware-configuration.nix"_s}, u"Enable openssh\n\nservices.openssh.enable = true"_s).error.isEmpty()) {
            return {};
        }
        return std::move(opened.repository);
    }

private Q_SLOTS:
    void noRepositoryThenInit()
    {
        QTemporaryDir dir;
        const auto missing = GitRepository::open(dir.path());
        QCOMPARE(missing.status, GitRepository::OpenResult::Status::NotARepository);
        QVERIFY(!missing.repository);
        QVERIFY(missing.error.contains(dir.path()));

        // A directory inside some other repository is still "not under git":
        // only the configuration directory itself counts.
        QVERIFY(QDir().mkpath(dir.filePath(u"inner"_s)));
        QVERIFY(GitRepository::init(dir.path()).repository);
        QCOMPARE(GitRepository::open(dir.filePath(u"inner"_s)).status, GitRepository::OpenResult::Status::NotARepository);

        const auto opened = GitRepository::open(dir.path());
        QCOMPARE(opened.status, GitRepository::OpenResult::Status::Opened);
        QCOMPARE(opened.repository->workingDirectory(), QDir(dir.path()).canonicalPath());
    }

    void emptyRepository()
    {
        QTemporaryDir dir;
        auto repository = GitRepository::init(dir.path()).repository;
        QVERIFY(repository);
        const HeadState head = repository->head();
        QVERIFY(head.unborn);
        QVERIFY(!head.detached);
        QVERIFY(head.commit.isEmpty());
        QVERIFY(!head.branch.isEmpty());
        const auto log = repository->log();
        QVERIFY(log.error.isEmpty());
        QVERIFY(log.commits.isEmpty());

        QVERIFY(writeFile(dir.filePath(u"configuration.nix"_s), "{ }\n"));
        // Untracked, it is no change (it may be a secret); in the index with intent to add, as Snowpane adds what it writes, it is.
        QVERIFY(writeFile(dir.filePath(u"secret.key"_s), "not for git\n"));
        QCOMPARE(repository->status().changedPaths, QStringList());
        QCOMPARE(git(dir.path(), {u"add"_s, u"-N"_s, u"configuration.nix"_s}).exitCode, 0);
        QCOMPARE(repository->status().changedPaths, QStringList{u"configuration.nix"_s});
        QVERIFY(QFile::remove(dir.filePath(u"secret.key"_s)));
        const ConfigurationDiff diff = diffToWorkingTree(*repository);
        QVERIFY2(diff.isValid(), qPrintable(diff.error));
        QCOMPARE(diff.files.size(), 1);
        QCOMPARE(diff.files.first().status, FileDiff::Status::Added);

        const auto commit = repository->commitTracked({u"configuration.nix"_s}, u"Initial configuration"_s);
        QVERIFY2(commit.error.isEmpty(), qPrintable(commit.error));
        QCOMPARE(repository->head().commit, commit.commit);
        QVERIFY(!repository->head().unborn);
        QCOMPARE(git(dir.path(), {u"log"_s, u"--format=%s"_s}).out, u"Initial configuration"_s);
    }

    void logHasAuthorDateAndSubject()
    {
        QTemporaryDir dir;
        const auto repository = twoCommits(dir.path());
        QVERIFY(repository);
        QVERIFY(writeFile(dir.filePath(u"extra.nix"_s), "{ }\n"));
        QCOMPARE(git(dir.path(), {u"add"_s, u"-A"_s}).exitCode, 0);
        QCOMPARE(git(dir.path(), {u"commit"_s, u"-q"_s, u"-m"_s, u"Outside edit"_s, u"--date=2026-01-02T03:04:05+01:00"_s}).exitCode, 0);

        const auto log = repository->log();
        QVERIFY(log.error.isEmpty());
        QCOMPARE(log.commits.size(), 3);
        QCOMPARE(log.commits.at(0).subject, u"Outside edit"_s);
        QCOMPARE(log.commits.at(0).authorName, u"Outside"_s);
        QCOMPARE(log.commits.at(0).authorEmail, u"outside@example.org"_s);
        QCOMPARE(log.commits.at(0).date, QDateTime(QDate(2026, 1, 2), QTime(2, 4, 5), QTimeZone::UTC));
        QCOMPARE(log.commits.at(0).date.offsetFromUtc(), 3600);
        QCOMPARE(log.commits.at(0).id, git(dir.path(), {u"rev-parse"_s, u"HEAD"_s}).out);
        QCOMPARE(log.commits.at(0).shortId, log.commits.at(0).id.left(7));
        QCOMPARE(log.commits.at(1).subject, u"Enable openssh"_s);
        QCOMPARE(log.commits.at(1).body, u"services.openssh.enable = true"_s);
        QCOMPARE(log.commits.at(2).subject, u"First configuration"_s);
        QCOMPARE(repository->log(2).commits.size(), 2);
        QCOMPARE(repository->commit(u"HEAD~2"_s)->subject, u"First configuration"_s);
        QVERIFY(!repository->commit(u"no-such-revision"_s));
    }

    void diffBetweenCommitsFindsRenames()
    {
        QTemporaryDir dir;
        const auto repository = twoCommits(dir.path());
        QVERIFY(repository);
        const ConfigurationDiff diff = diffCommits(*repository, u"HEAD~1"_s, u"HEAD"_s);
        QVERIFY2(diff.isValid(), qPrintable(diff.error));
        QCOMPARE(diff.files.size(), 2);

        const FileDiff *renamed = findFile(diff, u"hardware-configuration.nix"_s);
        QVERIFY(renamed);
        QCOMPARE(renamed->status, FileDiff::Status::Renamed);
        QCOMPARE(renamed->oldPath, u"hardware.nix"_s);
        QCOMPARE(renamed->similarity, 100);
        QVERIFY(renamed->hunks.isEmpty());

        const FileDiff *modified = findFile(diff, u"configuration.nix"_s);
        QVERIFY(modified);
        QCOMPARE(modified->status, FileDiff::Status::Modified);
        QCOMPARE(modified->hunks.size(), 1);
        const DiffHunk &hunk = modified->hunks.first();
        QCOMPARE(hunk.oldStart, 2);
        QCOMPARE(hunk.newStart, 2);
        QVERIFY(hunk.header.startsWith(u"@@ -2,7 +2,7 @@"_s));
        QList<DiffLine> changed;
        for (const DiffLine &line : hunk.lines) {
            if (line.origin != ' ') {
                changed.append(line);
            }
        }
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).origin, '-');
        QCOMPARE(changed.at(0).oldLine, 5);
        QCOMPARE(changed.at(0).newLine, -1);
        QCOMPARE(changed.at(0).text, u"# line 5"_s);
        QCOMPARE(changed.at(1).origin, '+');
        QCOMPARE(changed.at(1).newLine, 5);
        QCOMPARE(changed.at(1).text, u"services.openssh.enable = true;"_s);

        QVERIFY(diff.text.contains(u"rename from hardware.nix\nrename to hardware-configuration.nix"_s));
        QVERIFY(diff.text.contains(u"-# line 5\n+services.openssh.enable = true;\n"_s));
        // git itself agrees on the text of the change.
        QVERIFY(git(dir.path(), {u"diff"_s, u"-M"_s, u"HEAD~1"_s, u"HEAD"_s}).out.contains(u"-# line 5\n+services.openssh.enable = true;"_s));

        QVERIFY(!diffCommits(*repository, u"HEAD~5"_s, u"HEAD"_s).isValid());
    }

    // Changes made outside Snowpane: shown as a diff against the working
    // tree (a rename not staged included), then committed on their own.
    void dirtyTreeIsShownAndCommittedSeparately()
    {
        QTemporaryDir dir;
        const auto repository = twoCommits(dir.path());
        QVERIFY(repository);
        QVERIFY(repository->status().changedPaths.isEmpty());
        QVERIFY(QFile::rename(dir.filePath(u"hardware-configuration.nix"_s), dir.filePath(u"hardware/default.nix"_s))
                || (QDir().mkpath(dir.filePath(u"hardware"_s))
                    && QFile::rename(dir.filePath(u"hardware-configuration.nix"_s), dir.filePath(u"hardware/default.nix"_s))));
        QVERIFY(writeFile(dir.filePath(u"users.nix"_s), "{ users.users.alice.isNormalUser = true; }\n"));

        const ConfigurationDiff diff = diffToWorkingTree(*repository);
        QVERIFY2(diff.isValid(), qPrintable(diff.error));
        const FileDiff *moved = findFile(diff, u"hardware/default.nix"_s);
        QVERIFY(moved);
        QCOMPARE(moved->status, FileDiff::Status::Renamed);
        QCOMPARE(moved->oldPath, u"hardware-configuration.nix"_s);
        const FileDiff *added = findFile(diff, u"users.nix"_s);
        QVERIFY(added);
        QCOMPARE(added->status, FileDiff::Status::Added);
        QCOMPARE(added->hunks.first().lines.first().newLine, 1);

        // The deletion counts; the two untracked files do not.
        QCOMPARE(repository->status().changedPaths, QStringList{u"hardware-configuration.nix"_s});
        const auto commit = repository->commitTracked({u"hardware/default.nix"_s, u"users.nix"_s}, u"Changes made outside Snowpane"_s);
        QVERIFY2(commit.error.isEmpty(), qPrintable(commit.error));
        QVERIFY(repository->status().changedPaths.isEmpty());
        QCOMPARE(git(dir.path(), {u"status"_s, u"--porcelain"_s}).out, QString());
        QCOMPARE(git(dir.path(), {u"show"_s, u"--format="_s, u"--name-status"_s, u"-M"_s, u"HEAD"_s}).out,
                 u"R100\thardware-configuration.nix\thardware/default.nix\nA\tusers.nix"_s);
    }

    void detachedHead()
    {
        QTemporaryDir dir;
        const auto repository = twoCommits(dir.path());
        QVERIFY(repository);
        const QString branch = repository->head().branch;
        QVERIFY(!branch.isEmpty());
        QCOMPARE(git(dir.path(), {u"checkout"_s, u"-q"_s, u"--detach"_s, u"HEAD~1"_s}).exitCode, 0);
        const HeadState head = repository->head();
        QVERIFY(head.detached);
        QVERIFY(head.branch.isEmpty());
        QCOMPARE(head.commit, git(dir.path(), {u"rev-parse"_s, u"HEAD"_s}).out);
        QCOMPARE(repository->log().commits.size(), 1);

        QVERIFY(writeFile(dir.filePath(u"configuration.nix"_s), "{ }\n"));
        const auto commit = repository->commitTracked({}, u"On a detached HEAD"_s);
        QVERIFY2(commit.error.isEmpty(), qPrintable(commit.error));
        QVERIFY(repository->head().detached);
        QCOMPARE(repository->head().commit, commit.commit);
        // The branch did not move.
        QCOMPARE(git(dir.path(), {u"log"_s, u"-1"_s, u"--format=%s"_s, branch}).out, u"Enable openssh"_s);
    }

    void generationsAndCommitsAreLinked()
    {
        QTemporaryDir dir;
        const auto repository = twoCommits(dir.path());
        QVERIFY(repository);
        const QString first = git(dir.path(), {u"rev-parse"_s, u"HEAD~1"_s}).out;
        const QString second = git(dir.path(), {u"rev-parse"_s, u"HEAD"_s}).out;
        const QString storeA = u"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-nixos-system-demo-26.05.1"_s;
        const QString storeB = u"/nix/store/2b9p07z77phvv2hf6gm9f28syp39f1ag-nixos-system-demo-26.05.2"_s;

        QCOMPARE(recordGeneration(*repository, first, 1, storeA), QString());
        QCOMPARE(recordGeneration(*repository, second, 2, storeB), QString());
        QCOMPARE(recordGeneration(*repository, second, 2, storeB), QString()); // twice: no change
        QCOMPARE(recordGeneration(*repository, second, 3, storeB), QString()); // rebuilt, same commit
        QVERIFY(!recordGeneration(*repository, u"0000000"_s, 4, storeB).isEmpty());
        QVERIFY(!recordGeneration(*repository, second, 4, u"not a path"_s).isEmpty());

        // git sees the notes where Snowpane says it writes them.
        QCOMPARE(git(dir.path(), {u"notes"_s, u"--ref=snowpane"_s, u"show"_s, second}).out,
                 u"generation 2 store-path %1\ngeneration 3 store-path %1"_s.arg(storeB));

        Generation generation;
        generation.number = 1;
        generation.storePath = storeA;
        GenerationCommit link = commitOfGeneration(*repository, generation);
        QCOMPARE(link.via, GenerationCommit::Via::Note);
        QCOMPARE(link.commit, first);

        generation.number = 3;
        generation.storePath = storeB;
        QCOMPARE(commitOfGeneration(*repository, generation).commit, second);

        // configurationRevision wins where it names a commit of this repository.
        generation.configurationRevision = first;
        link = commitOfGeneration(*repository, generation);
        QCOMPARE(link.via, GenerationCommit::Via::ConfigurationRevision);
        QCOMPARE(link.commit, first);
        QVERIFY(!link.dirty);
        generation.configurationRevision = first.left(12) + u"-dirty"_s;
        link = commitOfGeneration(*repository, generation);
        QCOMPARE(link.commit, first);
        QVERIFY(link.dirty);
        // A revision from elsewhere falls back to the note.
        generation.configurationRevision = u"abcdef0123456789abcdef0123456789abcdef01"_s;
        link = commitOfGeneration(*repository, generation);
        QCOMPARE(link.via, GenerationCommit::Via::Note);
        QCOMPARE(link.commit, second);

        Generation unknown;
        unknown.number = 9;
        unknown.storePath = u"/nix/store/3b9p07z77phvv2hf6gm9f28syp39f1ag-nixos-system-demo-26.05.9"_s;
        QCOMPARE(commitOfGeneration(*repository, unknown).via, GenerationCommit::Via::None);

        Generation before;
        before.number = 1;
        before.storePath = storeA;
        const ConfigurationDiff diff = diffGenerations(*repository, before, generation);
        QVERIFY2(diff.isValid(), qPrintable(diff.error));
        QCOMPARE(diff.files.size(), 2);
        QVERIFY(!diffGenerations(*repository, before, unknown).isValid());
    }

    void notesInAnEmptyHistory()
    {
        QTemporaryDir dir;
        const auto repository = GitRepository::init(dir.path()).repository;
        Generation generation;
        generation.number = 1;
        generation.storePath = u"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-nixos-system-demo-26.05.1"_s;
        const GenerationCommit link = commitOfGeneration(*repository, generation);
        QCOMPARE(link.via, GenerationCommit::Via::None);
        QVERIFY(link.error.isEmpty());
    }

    void noteText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("count");
        QTest::newRow("ours") << u"generation 3 store-path /nix/store/x-nixos\n"_s << 1;
        QTest::newRow("two") << u"generation 3 store-path /nix/store/x\ngeneration 4 store-path /nix/store/y\n"_s << 2;
        QTest::newRow("foreign lines skipped") << u"Reviewed-by: someone\ngeneration 3 store-path /nix/store/x\n"_s << 1;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("relative path") << u"generation 3 store-path nix/store/x\n"_s << 0;
    }

    void noteText()
    {
        QFETCH(QString, text);
        QFETCH(int, count);
        const QList<GenerationNote> notes = parseGenerationNote(text);
        QCOMPARE(notes.size(), count);
        if (count > 0) {
            QCOMPARE(parseGenerationNote(formatGenerationNote(notes)), notes);
        }
    }

    void commitMessages_data()
    {
        using Kind = ChangeSet::OptionChange::Kind;
        QTest::addColumn<ChangeSet>("changes");
        QTest::addColumn<QString>("message");
        QTest::newRow("issue example") << ChangeSet{{{u"services.openssh.enable"_s, Kind::Enabled, u"true"_s, u"OpenSSH"_s},
                                                     {u"time.timeZone"_s, Kind::Set, u"\"Europe/Paris\""_s, {}}},
                                                    {u"firefox"_s},
                                                    {u"nano"_s}}
                                       << u"Enable OpenSSH; add firefox, remove nano; set time.timeZone\n\n"
                                          u"services.openssh.enable = true\ntime.timeZone = \"Europe/Paris\"\n"
                                          u"environment.systemPackages: add firefox\nenvironment.systemPackages: remove nano\n"_s;
        QTest::newRow("label from the path") << ChangeSet{{{u"services.nginx.enable"_s, Kind::Disabled, {}, {}}}, {}, {}}
                                             << u"Disable nginx\n\nservices.nginx.enable = false\n"_s;
        QTest::newRow("unset") << ChangeSet{{{u"networking.hostName"_s, Kind::Unset, {}, {}}}, {}, {}}
                               << u"Reset networking.hostName\n\nnetworking.hostName removed (back to its default)\n"_s;
        QTest::newRow("nothing") << ChangeSet{} << u"Update the configuration"_s;
        QStringList many;
        for (int i = 0; i < 12; ++i) {
            many.append(u"package-number-%1"_s.arg(i));
        }
        ChangeSet large{{{u"services.openssh.enable"_s, Kind::Enabled, {}, u"OpenSSH"_s}}, many, {}};
        QString body = u"services.openssh.enable = true\n"_s;
        for (const QString &name : std::as_const(many)) {
            body += u"environment.systemPackages: add "_s + name + u'\n';
        }
        QTest::newRow("long subject") << large << u"Enable OpenSSH and other changes\n\n"_s + body;
        ChangeSet onlyPackages{{}, many, {}};
        QTest::newRow("long, one part") << onlyPackages << u"Change 12 packages\n\n"_s + body.section(u'\n', 1);
    }

    void commitMessages()
    {
        QFETCH(ChangeSet, changes);
        QFETCH(QString, message);
        QCOMPARE(commitMessage(changes), message);
        QVERIFY(commitMessage(changes).section(u'\n', 0, 0).size() <= 72);
    }

    // On NixOS /etc/nixos belongs to root while Snowpane runs as the user;
    // the repository is read anyway and marked for writing by the helper.
    // Made here by giving a scratch repository to another user, which needs root.
    void repositoryOwnedByAnotherUser()
    {
        if (::geteuid() != 0) {
            QFAIL("This test makes a repository owned by another user, which needs root; run it in the build root (tools/dev exec ctest).");
        }
        QTemporaryDir dir;
        QVERIFY(twoCommits(dir.path()));
        QCOMPARE(QProcess::execute(u"chown"_s, {u"-R"_s, u"12345:12345"_s, dir.path()}), 0);
        const auto opened = GitRepository::open(dir.path());
        QVERIFY2(opened.repository, qPrintable(opened.error));
        QVERIFY(opened.ownedByOtherUser);
        QCOMPARE(opened.repository->log().commits.size(), 2);
        QCOMPARE(QProcess::execute(u"chown"_s, {u"-R"_s, u"0:0"_s, dir.path()}), 0);
        git_libgit2_init();
        git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
        git_libgit2_shutdown();
    }
};

QTEST_GUILESS_MAIN(GitHistoryTest)
#include "tst_githistory.moc"
