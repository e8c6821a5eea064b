// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's files: secrets, links, owners, and a flake the user owns.

#include "e2eclient.h"
#include "e2escenarios.h"

#include "privilegedjobs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using namespace EndToEnd;
using namespace Snowpane::Privileged;
using namespace std::chrono_literals;

namespace
{

class FileSafetyScenarios : public Scenarios
{
    Q_OBJECT

private Q_SLOTS:
    // Issue 16: helper.conf names a flake the caller owns. The helper builds from it, as
    // `sudo nixos-rebuild --flake ~/cfg#host` does, but refuses every write there, naming the owner.
    void helperNeverWritesUserFlake()
    {
        const QString file = configDir() + u"/host.nix"_s;
        const QByteArray before = readFile(file);
        QVERIFY(!before.isEmpty());
        const auto refusedNamingOwner = [](const PrivilegedJob &job) {
            return job.state() == PrivilegedJob::State::Failed && job.errorMessage().contains(u"snowpane-e2e"_s)
                && job.errorMessage().contains(u"never writes"_s);
        };
        WriteConfigJob write({u"host.nix"_s}, {u"{ }\n"_s}, u"must not be written"_s);
        QVERIFY(runJob(write));
        QVERIFY2(refusedNamingOwner(write), qPrintable(describe(write)));
        RestoreConfigJob restore(u"0123456789012345678901234567890123456789"_s);
        QVERIFY(runJob(restore));
        QVERIFY2(refusedNamingOwner(restore), qPrintable(describe(restore)));
        QCOMPARE(readFile(file), before);

        // A build names no host: the helper takes programs.snowpane.host (demo) from its settings.
        RebuildJob build(u"build"_s);
        QVERIFY(runJob(build, 300s));
        VERIFY_SUCCEEDED(build);
        QVERIFY(build.result().value(u"storePath"_s).toString().startsWith(u"/nix/store/"_s));
        QCOMPARE(readFile(file), before);
    }

    // run-e2e put secrets/wifi.psk (0600, this user's, so that it can be checked here) and
    // secrets/notes.txt (0644) into the configuration before initRepo; neither is tracked.
    void untrackedSecretsAreNotCommitted()
    {
        const QString secret = configDir() + u"/secrets/wifi.psk"_s;
        const QString notes = configDir() + u"/secrets/notes.txt"_s;
        const QByteArray secretContent = readFile(secret);
        const QByteArray notesContent = readFile(notes);
        QVERIFY2(secretContent.startsWith("psk=") && !notesContent.isEmpty(), "run-e2e did not put the untracked files in place");
        QCOMPARE(modeOf(secret), mode_t(0600));

        const QString changed = withTimeZone(configText(), u"\"Europe/Paris\""_s);
        WriteConfigJob write({u"configuration.nix"_s}, {changed}, u"Paris, next to a secret"_s);
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        RebuildJob rebuild(u"switch"_s);
        QVERIFY(runJob(rebuild));
        VERIFY_SUCCEEDED(rebuild);
        QCOMPARE(rebuild.result().value(u"commit"_s).toString(), gitLog().first().section(QLatin1Char(' '), 0, 0));

        // The lookup finds what was committed (so it can fail), and finds neither untracked file.
        QCOMPARE(blobState(configDir(), changed.toUtf8()), u"present"_s);
        QCOMPARE(blobState(configDir(), secretContent), u"absent"_s);
        QCOMPARE(blobState(configDir(), notesContent), u"absent"_s);
        QCOMPARE(gitIn(configDir(), {u"ls-files"_s, u"secrets"_s}), QString());
        QCOMPARE(modeOf(secret), mode_t(0600));
        QCOMPARE(readFile(secret), secretContent);
        QCOMPARE(readFile(notes), notesContent);
    }

    // run-e2e makes flake.nix a link: to a real flake elsewhere, or to nothing. configuration.nix
    // beside it must not be built instead, from root's channels.
    void refusesSymlinkedFlake()
    {
        const QString flake = configDir() + u"/flake.nix"_s;
        QVERIFY2(QFileInfo(flake).isSymLink(), "run-e2e makes flake.nix a symbolic link here");
        QVERIFY(QFileInfo::exists(configDir() + u"/configuration.nix"_s));
        const int generation = currentGeneration();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList before = activations();
        for (const QString &mode : {u"build"_s, u"switch"_s}) {
            RebuildJob rebuild(mode);
            QVERIFY(runJob(rebuild));
            QCOMPARE(rebuild.error(), PrivilegedJob::ErrorKind::Failed);
            QVERIFY2(rebuild.errorMessage().contains("flake.nix is a symbolic link"_L1), qPrintable(describe(rebuild)));
            QVERIFY(!rebuild.result().contains(u"storePath"_s));
        }
        QCOMPARE(currentGeneration(), generation);
        QCOMPARE(QFile::symLinkTarget(profile()), profileTarget);
        QCOMPARE(activations(), before);
    }

    // run-e2e's history here: commit A tracks other.nix, shared.nix, dropped.nix and (forced past
    // .gitignore) local.nix and linked.nix; commit B changes the first two, drops dropped.nix, adds
    // added.nix and stops tracking local.nix and linked.nix. Now local.nix holds the user's own text,
    // linked.nix links to a file outside, and shared.nix has a second name in a directory of this user.
    void restoreLeavesIgnoredFilesAndLinksAlone()
    {
        const QString dir = configDir();
        const QString outside = work() + u"/home/outside/target.nix"_s;
        const QString secondName = work() + u"/home/links/shared.nix"_s;
        const QStringList log = gitLog();
        const auto a = std::find_if(log.cbegin(), log.cend(), [](const QString &line) {
            return line.endsWith(" Restore fixture: A"_L1);
        });
        QVERIFY(a != log.cend());
        const QString commitA = a->section(QLatin1Char(' '), 0, 0);
        QCOMPARE(QFile::symLinkTarget(dir + u"/linked.nix"_s), outside);
        QVERIFY(QFileInfo::exists(secondName));
        const QStringList names = {u"other.nix"_s, u"shared.nix"_s, u"dropped.nix"_s, u"added.nix"_s, u"local.nix"_s, u".gitignore"_s};
        const auto snapshot = [&] {
            QStringList files;
            for (const QString &name : names) {
                files.append(name + u": "_s + (QFileInfo::exists(dir + QLatin1Char('/') + name) ? readText(dir + QLatin1Char('/') + name) : u"<none>"_s));
            }
            files.append(u"outside: "_s + readText(outside));
            files.append(u"link: "_s + QFile::symLinkTarget(dir + u"/linked.nix"_s));
            return files;
        };
        const QStringList before = snapshot();

        RestoreConfigJob refused(commitA);
        QVERIFY(runJob(refused));
        QCOMPARE(refused.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(refused.errorMessage().contains("shared.nix has 2 hard links"_L1), qPrintable(describe(refused)));
        QCOMPARE(snapshot(), before);
        QCOMPARE(gitLog(), log);

        // Without the second name, the tracked files go back; what git does not track stays as it is.
        QVERIFY(QFile::remove(secondName));
        RestoreConfigJob restore(commitA);
        QVERIFY(runJob(restore));
        VERIFY_SUCCEEDED(restore);
        QCOMPARE(readFile(dir + u"/other.nix"_s), QByteArray("{ other = \"A\"; }\n"));
        QCOMPARE(readFile(dir + u"/shared.nix"_s), QByteArray("{ shared = \"A\"; }\n"));
        QCOMPARE(readFile(dir + u"/dropped.nix"_s), QByteArray("{ dropped = \"A\"; }\n"));
        QVERIFY(!QFileInfo::exists(dir + u"/added.nix"_s));
        QCOMPARE(readFile(dir + u"/local.nix"_s), QByteArray("{ local = \"mine, never committed\"; }\n"));
        QCOMPARE(QFile::symLinkTarget(dir + u"/linked.nix"_s), outside);
        QCOMPARE(readText(outside), before.at(names.size()).section(u": "_s, 1));
        QStringList leftAlone = restore.result().value(u"leftAlone"_s).toStringList();
        leftAlone.sort();
        QCOMPARE(leftAlone, (QStringList{u"linked.nix"_s, u"local.nix"_s}));
        const QStringList after = gitLog();
        QCOMPARE(after.size(), log.size() + 1);
        QCOMPARE(restore.result().value(u"commit"_s).toString(), after.first().section(QLatin1Char(' '), 0, 0));
        // The new commit is A's tree but for the two files git no longer tracks.
        QCOMPARE(gitIn(dir, {u"diff"_s, u"--name-status"_s, commitA, u"HEAD"_s}), u"D\tlinked.nix\nD\tlocal.nix"_s);
    }

    // run-e2e makes hosts/ here this user's directory, inside root's configuration.
    void refusesForeignOwnedSubdirectory()
    {
        const QString hosts = configDir() + u"/hosts"_s;
        QCOMPARE(QFileInfo(hosts).ownerId(), ::getuid());
        const QByteArray laptop = readFile(hosts + u"/laptop.nix"_s);
        const QStringList entries = QDir(hosts).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        const QStringList log = gitLog();
        const QString reason = u"'hosts' is owned by uid %1"_s.arg(::getuid());

        WriteConfigJob write({u"hosts/laptop.nix"_s}, {u"{ networking.hostName = \"owned\"; }\n"_s}, u"Into a user's directory"_s);
        QVERIFY(runJob(write));
        QCOMPARE(write.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(write.errorMessage().contains(reason), qPrintable(describe(write)));
        WriteConfigJob deeper({u"hosts/new/x.nix"_s}, {u"{ }\n"_s}, u"Deeper into it"_s);
        QVERIFY(runJob(deeper));
        QCOMPARE(deeper.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(deeper.errorMessage().contains(reason), qPrintable(describe(deeper)));
        RestoreConfigJob restore(log.first().section(QLatin1Char(' '), 0, 0), {u"hosts/laptop.nix"_s});
        QVERIFY(runJob(restore));
        QCOMPARE(restore.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(restore.errorMessage().contains(reason), qPrintable(describe(restore)));

        QCOMPARE(readFile(hosts + u"/laptop.nix"_s), laptop);
        QCOMPARE(QFileInfo(hosts + u"/laptop.nix"_s).ownerId(), 0u);
        QCOMPARE(QDir(hosts).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), entries);
        QCOMPARE(gitLog(), log);
        // Root's own files beside it are still written.
        WriteConfigJob top({u"top.nix"_s}, {u"{ }\n# still written\n"_s}, u"Beside it"_s);
        QVERIFY(runJob(top));
        VERIFY_SUCCEEDED(top);
    }
};

}

std::unique_ptr<QObject> EndToEnd::makeFileSafetyScenarios()
{
    return std::make_unique<FileSafetyScenarios>();
}

#include "filesafetyscenarios.moc"
