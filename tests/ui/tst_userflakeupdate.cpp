// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Updating the inputs of a flake the person owns, as the window does it
// (issue 16): real `nix flake update` on a local flake whose input is a git
// repository in a temporary directory (no network), flake.lock committed
// with the person's identity and put back by a discard; bad input and a
// failing or cancelled Nix leave the directory and its history as they were.

#include "Updates/userflakeupdate.h"
#include "helperreplies.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Snowpane::Privileged::Job;
using namespace std::chrono_literals;

using TestFiles::readBytes;
using TestFiles::writeBytes;

namespace
{

struct Run {
    bool ok = false;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QString &directory)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    Run result;
    result.ok = process.waitForFinished(300000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    result.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    result.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return result;
}

// git as someone other than the person, so that the person's own commits stand out.
QString git(const QString &directory, const QStringList &arguments)
{
    const Run result =
        run(u"git"_s, QStringList{u"-C"_s, directory, u"-c"_s, u"user.name=Outside"_s, u"-c"_s, u"user.email=outside@example.org"_s} + arguments, directory);
    if (!result.ok) {
        qWarning().noquote() << "git" << arguments.join(u' ') << "failed:" << result.err;
        return u"<failed>"_s;
    }
    return result.out;
}

// A process that is gone, or a zombie nobody reaped yet: either way it runs no more.
bool processEnded(qint64 pid)
{
    const QByteArray stat = readBytes(u"/proc/%1/stat"_s.arg(pid));
    if (stat.isEmpty()) {
        return true;
    }
    const qsizetype close = stat.lastIndexOf(')');
    return close > 0 && stat.size() > close + 2 && stat.at(close + 2) == 'Z';
}

// A nix that writes a lock into the output Snowpane names, starts a child in its group, and waits to be stopped.
constexpr char HangingNix[] = R"SH(#!/bin/sh
out=
while [ $# -gt 0 ]; do
  [ "$1" = --output-lock-file ] && out=$2
  shift
done
printf '{ "nodes": { "root": {} }, "root": "root", "version": 7 }' > "$out"
sleep 600 &
echo "$$ $!" > "$STUB_PIDS"
wait
)SH";

} // namespace

class UserFlakeUpdateTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_input;
    QString m_flake;
    QString m_revisionA;
    QString m_revisionB;
    QByteArray m_lockA;

    /** Runs @p job to its end; false when it did not end. */
    static bool finish(Job &job)
    {
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        return job.isFinished() || finished.wait(600000);
    }

    QString head() const
    {
        return git(m_flake, {u"rev-parse"_s, u"HEAD"_s});
    }

    /** What must not change when an update is refused or fails: the lock's bytes, HEAD, and what git says is uncommitted. */
    QString state() const
    {
        struct stat st{};
        const bool link = ::lstat(QFile::encodeName(m_flake + u"/flake.lock"_s).constData(), &st) == 0 && S_ISLNK(st.st_mode);
        return QString::fromLatin1(readBytes(m_flake + u"/flake.lock"_s).toBase64()) + (link ? u" link\n"_s : u"\n"_s) + head() + u'\n'
            + git(m_flake, {u"status"_s, u"--porcelain"_s, u"--ignored"_s});
    }

    void commitInput(const QByteArray &value, QString *revision)
    {
        QVERIFY(writeBytes(m_input + u"/flake.nix"_s, "{ outputs = { self }: { value = " + value + "; }; }\n"));
        QCOMPARE(git(m_input, {u"add"_s, u"flake.nix"_s}), QString());
        QVERIFY(git(m_input, {u"commit"_s, u"-q"_s, u"-m"_s, u"value "_s + QString::fromLatin1(value)}) != u"<failed>"_s);
        *revision = git(m_input, {u"rev-parse"_s, u"HEAD"_s});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(QDir().mkpath(m_root.filePath(u"home"_s)));
        QVERIFY(writeBytes(m_root.filePath(u"home/.gitconfig"_s), "[user]\n\tname = Alice Example\n\temail = alice@example.org\n"));
        // The person's identity where git and libgit2 look for it, before libgit2 first reads it; Nix fetches nothing from the network.
        qputenv("HOME", QFile::encodeName(m_root.filePath(u"home"_s)));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root.filePath(u"home/.config"_s)));
        qputenv("NIX_CONFIG", "substituters =\n");
        const Run nix = run(u"nix"_s, {u"--version"_s}, m_root.path());
        QVERIFY2(nix.ok, "this test runs real Nix: run it in the build root (tools/dev exec ctest)");
    }

    // Every test starts from a flake whose input `dep` is locked at revision A while revision B is newer.
    void init()
    {
        m_input = m_root.filePath(u"input"_s);
        m_flake = m_root.filePath(u"cfg"_s);
        QDir(m_input).removeRecursively();
        QDir(m_flake).removeRecursively();
        QVERIFY(QDir().mkpath(m_input));
        QVERIFY(QDir().mkpath(m_flake));
        QCOMPARE(git(m_input, {u"init"_s, u"-q"_s, u"-b"_s, u"main"_s}), QString());
        commitInput("1", &m_revisionA);
        QVERIFY(
            writeBytes(m_flake + u"/flake.nix"_s,
                       "{\n  inputs.dep.url = \"git+file://" + QFile::encodeName(m_input) + "\";\n  outputs = { self, dep }: { value = dep.value; };\n}\n"));
        QVERIFY(writeBytes(m_flake + u"/notes.nix"_s, "{ }\n"));
        QCOMPARE(git(m_flake, {u"init"_s, u"-q"_s, u"-b"_s, u"main"_s}), QString());
        QCOMPARE(git(m_flake, {u"add"_s, u"flake.nix"_s, u"notes.nix"_s}), QString());
        const Run locked = run(u"nix"_s, {u"--extra-experimental-features"_s, u"nix-command flakes"_s, u"flake"_s, u"lock"_s}, m_flake);
        QVERIFY2(locked.ok, qPrintable(locked.err));
        QCOMPARE(git(m_flake, {u"add"_s, u"flake.lock"_s}), QString());
        QVERIFY(git(m_flake, {u"commit"_s, u"-q"_s, u"-m"_s, u"A flake"_s}) != u"<failed>"_s);
        m_lockA = readBytes(m_flake + u"/flake.lock"_s);
        QVERIFY(m_lockA.contains(m_revisionA.toLatin1()));
        commitInput("2", &m_revisionB);
        // Something git does not track, which no commit may take.
        QVERIFY(writeBytes(m_flake + u"/secret.txt"_s, "hunter2\n"));
    }

    // The lock moves to B and is committed on its own in the person's name, after an outside change is saved; discard puts it back.
    void updatedAndPutBackAsThePerson()
    {
        const QString headBefore = head();
        QVERIFY(writeBytes(m_flake + u"/notes.nix"_s, "{ changed = \"outside Snowpane\"; }\n"));
        QVERIFY(Snowpane::Ui::whyFlakeNotUpdatable(m_flake).isEmpty());

        Snowpane::Ui::UserFlakeUpdateJob job(m_flake);
        QVERIFY(finish(job));
        QVERIFY2(job.state() == Job::State::Succeeded, qPrintable(job.errorMessage()));
        const auto reply = Snowpane::Privileged::updateSourcesReplyOf(job.result());
        QCOMPARE(reply.kind, Snowpane::Privileged::UpdateSourcesReply::Kind::Flake);
        QVERIFY(reply.changed);
        QCOMPARE(reply.inputs.size(), 1);
        QCOMPARE(reply.inputs.constFirst().name, u"dep"_s);
        QCOMPARE(reply.inputs.constFirst().revisionBefore, m_revisionA);
        QCOMPARE(reply.inputs.constFirst().revisionAfter, m_revisionB);
        QVERIFY(reply.inputs.constFirst().dateAfter.isValid());

        // The lock holds B, committed by the person, alone; the outside change went into the commit before it.
        QVERIFY(readBytes(m_flake + u"/flake.lock"_s).contains(m_revisionB.toLatin1()));
        QCOMPARE(reply.commit, head());
        QCOMPARE(git(m_flake, {u"log"_s, u"-1"_s, u"--format=%an <%ae>"_s}), u"Alice Example <alice@example.org>"_s);
        QCOMPARE(git(m_flake, {u"log"_s, u"-1"_s, u"--format=%s"_s}), u"Update flake inputs"_s);
        QCOMPARE(git(m_flake, {u"show"_s, u"--name-only"_s, u"--format="_s, u"HEAD"_s}), u"flake.lock"_s);
        QCOMPARE(reply.previousCommit, git(m_flake, {u"rev-parse"_s, u"HEAD~1"_s}));
        QCOMPARE(git(m_flake, {u"show"_s, u"--name-only"_s, u"--format="_s, u"HEAD~1"_s}), u"notes.nix"_s);
        QCOMPARE(git(m_flake, {u"log"_s, u"-1"_s, u"--format=%an"_s, u"HEAD~1"_s}), u"Alice Example"_s);
        QCOMPARE(git(m_flake, {u"rev-parse"_s, u"HEAD~2"_s}), headBefore);
        QCOMPARE(git(m_flake, {u"status"_s, u"--porcelain"_s}), u"?? secret.txt"_s);
        // Nix itself reads the new lock: the flake evaluates to B's value.
        const Run value = run(u"nix"_s, {u"--extra-experimental-features"_s, u"nix-command flakes"_s, u"eval"_s, u".#value"_s}, m_flake);
        QVERIFY2(value.ok, qPrintable(value.err));
        QCOMPARE(value.out, u"2"_s);

        // Checking again finds nothing newer and changes nothing.
        const QString updated = state();
        Snowpane::Ui::UserFlakeUpdateJob again(m_flake);
        QVERIFY(finish(again));
        QVERIFY2(again.state() == Job::State::Succeeded, qPrintable(again.errorMessage()));
        QVERIFY(!Snowpane::Privileged::updateSourcesReplyOf(again.result()).changed);
        QCOMPARE(state(), updated);

        // Discard: flake.lock is A's again, byte for byte, in a commit of the person's; the commits before stay.
        Snowpane::Ui::UserLockRestoreJob discard(m_flake, reply.previousCommit);
        QVERIFY(finish(discard));
        QVERIFY2(discard.state() == Job::State::Succeeded, qPrintable(discard.errorMessage()));
        QCOMPARE(readBytes(m_flake + u"/flake.lock"_s), m_lockA);
        QCOMPARE(git(m_flake, {u"log"_s, u"-1"_s, u"--format=%an <%ae>"_s}), u"Alice Example <alice@example.org>"_s);
        QCOMPARE(git(m_flake, {u"show"_s, u"--name-only"_s, u"--format="_s, u"HEAD"_s}), u"flake.lock"_s);
        QCOMPARE(git(m_flake, {u"rev-parse"_s, u"HEAD~1"_s}), reply.commit);
        QVERIFY(readBytes(m_flake + u"/notes.nix"_s).contains("outside Snowpane"));
        QCOMPARE(git(m_flake, {u"status"_s, u"--porcelain"_s}), u"?? secret.txt"_s);
    }

    // A flake without a lock yet: the update makes one, and a discard takes it away again.
    void firstLockIsMadeAndTakenBack()
    {
        QCOMPARE(git(m_flake, {u"rm"_s, u"-q"_s, u"flake.lock"_s}), QString());
        QVERIFY(git(m_flake, {u"commit"_s, u"-q"_s, u"-m"_s, u"No lock"_s}) != u"<failed>"_s);
        Snowpane::Ui::UserFlakeUpdateJob job(m_flake);
        QVERIFY(finish(job));
        QVERIFY2(job.state() == Job::State::Succeeded, qPrintable(job.errorMessage()));
        const auto reply = Snowpane::Privileged::updateSourcesReplyOf(job.result());
        QVERIFY(reply.changed);
        QVERIFY(readBytes(m_flake + u"/flake.lock"_s).contains(m_revisionB.toLatin1()));
        QCOMPARE(git(m_flake, {u"ls-files"_s, u"flake.lock"_s}), u"flake.lock"_s);
        QCOMPARE(Snowpane::Ui::restoreLockAsUser(m_flake, reply.previousCommit), QString());
        QVERIFY(!QFile::exists(m_flake + u"/flake.lock"_s));
        QCOMPARE(git(m_flake, {u"ls-files"_s, u"flake.lock"_s}), QString());
        QCOMPARE(git(m_flake, {u"status"_s, u"--porcelain"_s}), u"?? secret.txt"_s);
    }

    // Bad input is refused with the thing named, before Nix runs; nothing is written or committed.
    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not a git repository") << u"no-git"_s << u"is not a git repository"_s;
        QTest::newRow("lock is a symbolic link") << u"link"_s << u"flake.lock is a symbolic link"_s;
        QTest::newRow("lock not tracked") << u"untracked"_s << u"flake.lock is not tracked by git"_s;
        QTest::newRow("lock ignored") << u"ignored"_s << u"flake.lock is ignored by git"_s;
    }

    void badInputIsRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        if (kind == u"no-git"_s) {
            QVERIFY(QDir(m_flake + u"/.git"_s).removeRecursively());
        } else if (kind == u"link"_s) {
            QVERIFY(QFile::rename(m_flake + u"/flake.lock"_s, m_root.filePath(u"elsewhere.lock"_s)));
            QVERIFY(QFile::link(m_root.filePath(u"elsewhere.lock"_s), m_flake + u"/flake.lock"_s));
        } else {
            if (kind == u"ignored"_s) {
                QVERIFY(writeBytes(m_flake + u"/.git/info/exclude"_s, "flake.lock\n"));
            }
            QCOMPARE(git(m_flake, {u"rm"_s, u"-q"_s, u"--cached"_s, u"flake.lock"_s}), QString());
            QVERIFY(git(m_flake, {u"commit"_s, u"-q"_s, u"-m"_s, u"The lock left out"_s}) != u"<failed>"_s);
        }
        const QString before = kind == u"no-git"_s ? QString::fromLatin1(readBytes(m_flake + u"/flake.lock"_s).toBase64()) : state();
        const QByteArray elsewhere = readBytes(m_root.filePath(u"elsewhere.lock"_s));

        QVERIFY2(Snowpane::Ui::whyFlakeNotUpdatable(m_flake).contains(reason), qPrintable(Snowpane::Ui::whyFlakeNotUpdatable(m_flake)));
        Snowpane::Ui::UserFlakeUpdateJob job(m_flake);
        QVERIFY(finish(job));
        QCOMPARE(job.state(), Job::State::Failed);
        QVERIFY2(job.errorMessage().contains(reason) && job.errorMessage().contains(u"Nothing was changed"_s), qPrintable(job.errorMessage()));
        QCOMPARE(kind == u"no-git"_s ? QString::fromLatin1(readBytes(m_flake + u"/flake.lock"_s).toBase64()) : state(), before);
        QCOMPARE(readBytes(m_root.filePath(u"elsewhere.lock"_s)), elsewhere);
        // A discard refuses the same way: it never writes through the link.
        if (kind == u"link"_s) {
            QVERIFY(Snowpane::Ui::restoreLockAsUser(m_flake, head()).contains(reason));
            QCOMPARE(state(), before);
        }
    }

    // Nix fails (the input is gone): its own error is the message, and nothing is written, not even the outside change's save.
    void nixFailureChangesNothing()
    {
        QVERIFY(QDir(m_input).removeRecursively());
        QVERIFY(writeBytes(m_flake + u"/notes.nix"_s, "{ changed = \"outside Snowpane\"; }\n"));
        const QString before = state();
        Snowpane::Ui::UserFlakeUpdateJob job(m_flake);
        QVERIFY(finish(job));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.error(), Job::ErrorKind::Failed);
        QVERIFY2(job.errorMessage().startsWith(u"error:"_s), qPrintable(job.errorMessage()));
        QVERIFY2(job.errorMessage().contains(m_input), qPrintable(job.errorMessage()));
        QCOMPARE(state(), before);
        QVERIFY(!job.recentLines().isEmpty());
    }

    // Cancelled while Nix runs: Nix and what it started stop, the lock it had already written is thrown away, nothing changes.
    void cancelStopsNixAndChangesNothing()
    {
        const QString bin = m_root.filePath(u"bin"_s);
        QVERIFY(QDir().mkpath(bin));
        QVERIFY(writeBytes(bin + u"/nix"_s, HangingNix));
        QVERIFY(QFile::setPermissions(bin + u"/nix"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString pids = m_root.filePath(u"stub.pids"_s);
        QFile::remove(pids);
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QByteArray(QFile::encodeName(bin) + ':' + path));
        qputenv("STUB_PIDS", QFile::encodeName(pids));
        const QString before = state();

        Snowpane::Ui::UserFlakeUpdateJob job(m_flake);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        qputenv("PATH", path);
        QCOMPARE(job.state(), Job::State::Running);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return readBytes(pids).endsWith('\n');
            },
            60s));
        const QStringList started = QString::fromLatin1(readBytes(pids)).trimmed().split(u' ');
        QCOMPARE(started.size(), 2);
        job.cancel();
        QVERIFY(job.isFinished() || finished.wait(60000));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.error(), Job::ErrorKind::Cancelled);
        QVERIFY2(job.errorMessage().contains(u"Nothing was changed"_s), qPrintable(job.errorMessage()));
        for (const QString &pid : started) {
            QVERIFY2(QTest::qWaitFor(
                         [&] {
                             return processEnded(pid.toLongLong());
                         },
                         60s),
                     qPrintable(u"process %1 still runs"_s.arg(pid)));
        }
        QCOMPARE(state(), before);
    }
};

QTEST_GUILESS_MAIN(UserFlakeUpdateTest)

#include "tst_userflakeupdate.moc"
