// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Updating channels and flake inputs, and taking an update back.

#include "e2eclient.h"
#include "e2escenarios.h"

#include "privilegedjobs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using namespace EndToEnd;
using namespace Snowpane::Privileged;
using namespace std::chrono_literals;

namespace
{

class UpdateScenarios : public Scenarios
{
    Q_OBJECT

private Q_SLOTS:
    // updatesources on root's channels (helper.conf: ChannelsProfile, ChannelList under $work/channels):
    // the stand-in's channel moves to its next release, and the rollback takes the profile back exactly.
    void updateChannelsThenRollBack()
    {
        const QString channels = work() + u"/channels/profiles/per-user/root/channels"_s;
        const QString list = work() + u"/channels/root/.nix-channels"_s;
        const QString linkBefore = QFile::symLinkTarget(channels);
        const QString treeBefore = linkTarget(channels + u"/nixos"_s);
        const QByteArray listBefore = readFile(list);
        QCOMPARE(QFileInfo(linkBefore).fileName(), u"channels-1-link"_s);
        const QByteArray revisionBefore = readFile(channels + u"/nixos/.git-revision"_s);
        const int generation = currentGeneration();
        RebuildJob before(u"build"_s);
        QVERIFY(runJob(before, 300s));
        VERIFY_SUCCEEDED(before);
        const QString oldSystem = before.result().value(u"storePath"_s).toString();

        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        VERIFY_SUCCEEDED(update);
        const QVariantMap reply = update.result();
        QCOMPARE(reply.value(u"kind"_s).toString(), u"channels"_s);
        QCOMPARE(reply.value(u"changed"_s).toBool(), true);
        const QVariantMap nixos = reply.value(u"channels"_s).toList().value(0).toMap();
        QCOMPARE(nixos.value(u"name"_s).toString(), u"nixos"_s);
        QCOMPARE(nixos.value(u"oldGeneration"_s).toInt(), 1);
        QCOMPARE(nixos.value(u"newGeneration"_s).toInt(), 2);
        QCOMPARE(nixos.value(u"oldRevision"_s).toByteArray(), revisionBefore);
        QCOMPARE(nixos.value(u"newRevision"_s).toByteArray(), readFile(channels + u"/nixos/.git-revision"_s));
        QCOMPARE(readFile(channels + u"/nixos/.version-suffix"_s), QByteArray(".20241201.5d6e7f8"));

        // The preview: the new system built (not activated) from the updated channel, against the one built before.
        RebuildJob after(u"build"_s);
        QVERIFY(runJob(after, 300s));
        VERIFY_SUCCEEDED(after);
        const QString newSystem = after.result().value(u"storePath"_s).toString();
        QVERIFY(newSystem != oldSystem);
        QCOMPARE(currentGeneration(), generation);
        const auto version = [](const QString &system, const QString &package) {
            return QString::fromUtf8(readFile(system + u"/sw/share/doc/%1/VERSION"_s.arg(package))).trimmed();
        };
        QCOMPARE(version(oldSystem, u"firefox"_s), u"firefox 132.0.2"_s);
        QCOMPARE(version(newSystem, u"firefox"_s), u"firefox 133.0"_s);
        QCOMPARE(version(oldSystem, u"nodejs"_s), u"nodejs 22.10.0"_s);
        QCOMPARE(version(newSystem, u"nodejs"_s), u"nodejs 22.9.0"_s); // a downgrade
        QVERIFY2(linkTarget(oldSystem + u"/kernel"_s).contains("-linux-6.6.62/"_L1), qPrintable(linkTarget(oldSystem + u"/kernel"_s)));
        QVERIFY2(linkTarget(newSystem + u"/kernel"_s).contains("-linux-6.6.63/"_L1), qPrintable(linkTarget(newSystem + u"/kernel"_s)));
        const QString curl = QFileInfo(linkTarget(newSystem + u"/sw/bin/curl"_s)).absolutePath();
        QVERIFY(readFile(curl + u"/../nix-support/runtime-dependencies"_s).contains("-libpsl-0.21.5")); // an added package
        RebuildJob dryActivate(u"dry-activate"_s);
        QVERIFY(runJob(dryActivate, 300s));
        VERIFY_SUCCEEDED(dryActivate);
        const QString lines = dryActivate.result().value(u"recentLines"_s).toStringList().join(QLatin1Char('\n'));
        QVERIFY2(lines.contains("would restart the following units: nginx.service, tailscaled.service"_L1), qPrintable(lines));
        QCOMPARE(currentGeneration(), generation);

        // Refused while the profile is not at `from`, and for a `to` that is not older: nothing moves.
        RollBackChannelsJob wrongFrom(3, 1);
        QVERIFY(runJob(wrongFrom));
        QCOMPARE(wrongFrom.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(wrongFrom.errorMessage().contains("generation 2, not 3"_L1), qPrintable(describe(wrongFrom)));
        RollBackChannelsJob forwards(2, 1000);
        QVERIFY(runJob(forwards));
        QCOMPARE(forwards.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QCOMPARE(nixos.value(u"newGeneration"_s).toInt(), 2);
        QVERIFY(QFileInfo(channels + u"-2-link"_s).isSymLink());
        const QStringList profileBefore = QDir(QFileInfo(channels).absolutePath()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);

        RollBackChannelsJob rollback(nixos.value(u"newGeneration"_s).toInt(), nixos.value(u"oldGeneration"_s).toInt());
        QVERIFY(runJob(rollback));
        VERIFY_SUCCEEDED(rollback);
        QCOMPARE(rollback.result().value(u"kind"_s).toString(), u"channels"_s);
        QCOMPARE(QFile::symLinkTarget(channels), linkBefore);
        QVERIFY(!QFileInfo::exists(channels + u"-2-link"_s) && !QFileInfo(channels + u"-2-link"_s).isSymLink());
        QStringList profileAfter = profileBefore;
        profileAfter.removeAll(u"channels-2-link"_s);
        QCOMPARE(QDir(QFileInfo(channels).absolutePath()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot), profileAfter);
        QCOMPARE(linkTarget(channels + u"/nixos"_s), treeBefore);
        QCOMPARE(readFile(channels + u"/nixos/.git-revision"_s), revisionBefore);
        QCOMPARE(readFile(list), listBefore);
    }

    // updatesources on a flake (run-e2e points ConfigurationDirectory at $work/flake): the nixpkgs
    // input moves to the next revision in a commit that names both; restoreconfig undoes it.
    void updateFlakeThenDiscard()
    {
        const QString flake = work() + u"/flake"_s;
        const QByteArray lockBefore = readFile(flake + u"/flake.lock"_s);
        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        VERIFY_SUCCEEDED(update);
        const QVariantMap reply = update.result();
        QCOMPARE(reply.value(u"kind"_s).toString(), u"flake"_s);
        QCOMPARE(reply.value(u"changed"_s).toBool(), true);
        QVERIFY(readFile(flake + u"/flake.lock"_s) != lockBefore);
        const QVariantMap nixpkgs = reply.value(u"inputs"_s).toList().value(0).toMap();
        QCOMPARE(nixpkgs.value(u"name"_s).toString(), u"nixpkgs"_s);
        QCOMPARE(nixpkgs.value(u"oldDate"_s).toString(), u"2024-11-20T12:00:00Z"_s);
        QCOMPARE(nixpkgs.value(u"newDate"_s).toString(), u"2024-12-01T12:00:00Z"_s);
        QProcess git;
        git.start(u"git"_s, {u"-c"_s, u"safe.directory=*"_s, u"-C"_s, flake, u"log"_s, u"-1"_s, u"--format=%B"_s, reply.value(u"commit"_s).toString()});
        QVERIFY(git.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(git.readAllStandardOutput()).trimmed(),
                 u"Update flake inputs\n\nnixpkgs: %1 (2024-11-20) \u2192 %2 (2024-12-01)"_s.arg(nixpkgs.value(u"oldRevision"_s).toString().left(7),
                                                                                                 nixpkgs.value(u"newRevision"_s).toString().left(7)));

        // A commit made after the check stays when the update is discarded: only flake.lock goes back.
        const QByteArray edited = readFile(flake + u"/flake.nix"_s) + "\n# edited after the check\n";
        WriteConfigJob edit({u"flake.nix"_s}, {QString::fromUtf8(edited)}, u"Edited after the check"_s);
        QVERIFY(runJob(edit));
        VERIFY_SUCCEEDED(edit);
        RestoreConfigJob discard(reply.value(u"previousCommit"_s).toString(), {u"flake.lock"_s});
        QVERIFY(runJob(discard));
        VERIFY_SUCCEEDED(discard);
        QCOMPARE(readFile(flake + u"/flake.lock"_s), lockBefore);
        QCOMPARE(readFile(flake + u"/flake.nix"_s), edited);
        // Once more changes nothing and makes no commit.
        const QString discarded = discard.result().value(u"commit"_s).toString();
        QVERIFY(!discarded.isEmpty());
        RestoreConfigJob again(reply.value(u"previousCommit"_s).toString(), {u"flake.lock"_s});
        QVERIFY(runJob(again));
        VERIFY_SUCCEEDED(again);
        QCOMPARE(again.result().value(u"commit"_s).toString(), discarded);
        RestoreConfigJob hostile(reply.value(u"previousCommit"_s).toString(), {u"../etc/passwd"_s});
        QVERIFY(runJob(hostile));
        QCOMPARE(hostile.error(), PrivilegedJob::ErrorKind::InvalidRequest);
    }

    // A revision that does not evaluate ($work/flake-broken follows the stand-in's broken branch): a clear error, nothing changed.
    void brokenUpdateChangesNothing()
    {
        const QString flake = work() + u"/flake-broken"_s;
        const QByteArray lockBefore = readFile(flake + u"/flake.lock"_s);
        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        QCOMPARE(update.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(update.errorMessage().startsWith("syntax error"_L1), qPrintable(describe(update)));
        QCOMPARE(readFile(flake + u"/flake.lock"_s), lockBefore);
        UpdateSourcesJob hostile(u"--override-input"_s);
        QVERIFY(runJob(hostile));
        QCOMPARE(hostile.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QCOMPARE(readFile(flake + u"/flake.lock"_s), lockBefore);
    }
};

}

std::unique_ptr<QObject> EndToEnd::makeUpdateScenarios()
{
    return std::make_unique<UpdateScenarios>();
}

#include "updatescenarios.moc"
