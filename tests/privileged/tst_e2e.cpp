// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The client half of the end-to-end test. run-e2e starts the system bus and
// polkitd, installs the helper in a private mount namespace, and runs these
// functions as an unprivileged user; every job goes through KAuth, D-Bus,
// polkit and the root helper to real Nix and the stand-in system.

#include "e2eworld.h"
#include "generationcleanup.h"
#include "generationlink.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "helperprotocol.h"
#include "privilegedjobs.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QXmlStreamReader>

#include <memory>
#include <vector>

#include <git2.h>

#include <sys/stat.h>

using namespace e2e;
using namespace snowpane::privileged;
using namespace std::chrono_literals;

namespace
{

QString linkTarget(const QString &path)
{
    return QFileInfo(path).canonicalFilePath();
}

QStringList activations()
{
    QStringList lines = QString::fromUtf8(readFile(state(QStringLiteral("activations.log")))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines;
}

QStringList gitLog()
{
    QProcess git;
    git.start(
        QStringLiteral("git"),
        {QStringLiteral("-c"), QStringLiteral("safe.directory=*"), QStringLiteral("-C"), configDir(), QStringLiteral("log"), QStringLiteral("--format=%H %s")});
    git.waitForFinished(30000);
    return QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString configText()
{
    return QString::fromUtf8(readFile(configDir() + QStringLiteral("/configuration.nix")));
}

QString describe(const PrivilegedJob &job)
{
    return QStringLiteral("state %1, error %2: %3 [%4:%5:%6]; last lines: %7")
        .arg(int(job.state()))
        .arg(int(job.error()))
        .arg(job.errorMessage(), job.errorFile())
        .arg(job.errorLine())
        .arg(job.errorColumn())
        .arg(job.recentLines().mid(job.recentLines().size() - 8).join(QStringLiteral(" | ")));
}

#define VERIFY_SUCCEEDED(job) QVERIFY2((job).state() == PrivilegedJob::State::Succeeded, qPrintable(describe(job)))

// A derivation that takes two minutes (or `seconds`) to build, different on every call so Nix never has it already.
QString slowPackage(int seconds = 120)
{
    return QStringLiteral(
               "(derivation { name = \"snowpane-e2e-slow\"; system = builtins.currentSystem; builder = \"/bin/sh\"; "
               "args = [ \"-c\" \"echo slow build %1 starts; /bin/sleep %2; echo done > $out\" ]; })")
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(seconds);
}

// Files through which cancelOnlyByItsCaller (the allowed user) and foreignCancel (another user) meet.
QString cancelTargetFile()
{
    return work() + QStringLiteral("/home/cancel-target");
}
QString foreignVerdictFile()
{
    return work() + QStringLiteral("/home/foreign-cancel-verdict");
}

// The helper's cancel method, called directly as any program on the bus could.
// "refused", "accepted", or "error: …" (no such object: the helper has not
// served a request since it was started, so there is nothing to cancel).
QString callCancel(const QString &request)
{
    namespace c = snowpane::protocol::cancel;
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(snowpane::protocol::HelperId),
                                                       QLatin1String(c::ObjectPath),
                                                       QLatin1String(c::Interface),
                                                       QLatin1String(c::Method));
    call << request;
    const QDBusReply<bool> reply = QDBusConnection::systemBus().call(call, QDBus::Block, 30000);
    if (!reply.isValid()) {
        return QStringLiteral("error: ") + reply.error().name();
    }
    return reply.value() ? QStringLiteral("accepted") : QStringLiteral("refused");
}

// KAuth's own stop, which takes no request and is open to every caller: the helper must ignore it.
bool callKAuthStop(const QString &action)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(snowpane::protocol::HelperId),
                                                       QStringLiteral("/"),
                                                       QStringLiteral("org.kde.kf6auth"),
                                                       QStringLiteral("stopAction"));
    call << action;
    return QDBusConnection::systemBus().call(call, QDBus::Block, 30000).type() == QDBusMessage::ReplyMessage;
}

QString withPackage(const QString &text, const QString &package)
{
    QString result = text;
    result.replace(QStringLiteral("environment.systemPackages = with pkgs; ["), QStringLiteral("environment.systemPackages = with pkgs; [\n    ") + package);
    return result;
}

QString withTimeZone(const QString &text, const QString &zone)
{
    QString result = text;
    static const QRegularExpression timeZone(QStringLiteral("time\\.timeZone = [^;]*;"));
    result.replace(timeZone, QStringLiteral("time.timeZone = %1;").arg(zone));
    return result;
}

// Whether the object database of the repository in `directory` holds a blob of exactly `content`,
// looked up by its hash as git would store it: "present", "absent", or "error: …".
QString blobState(const QString &directory, const QByteArray &content)
{
    git_libgit2_init();
    QString state;
    git_oid id;
    git_odb *odb = nullptr;
    if (git_odb_hash(&id, content.constData(), size_t(content.size()), GIT_OBJECT_BLOB) != 0
        || git_odb_open(&odb, QFile::encodeName(directory + QStringLiteral("/.git/objects")).constData()) != 0) {
        const git_error *error = git_error_last();
        state = QStringLiteral("error: ") + QString::fromUtf8(error && error->message ? error->message : "unknown");
    } else {
        state = git_odb_exists(odb, &id) ? QStringLiteral("present") : QStringLiteral("absent");
    }
    git_odb_free(odb);
    git_libgit2_shutdown();
    return state;
}

mode_t modeOf(const QString &path)
{
    struct stat st{};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : mode_t(-1);
}

QString gitIn(const QString &directory, const QStringList &arguments)
{
    QProcess git;
    git.start(QStringLiteral("git"), QStringList{QStringLiteral("-c"), QStringLiteral("safe.directory=*"), QStringLiteral("-C"), directory} + arguments);
    git.waitForFinished(30000);
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

// What the window's cleanup dialog lists for a rule (GenerationSpace::planFor): the profile read by the
// window's GenerationReader, the current, booted and running systems, and the rule shared with the helper.
QList<int> windowPreview(const QString &profile, const QString &bootedLink, const QString &runningLink, Snowpane::System::CleanupRule rule, int count)
{
    namespace System = Snowpane::System;
    const System::GenerationReader reader(profile);
    const auto current = reader.readCurrent();
    const System::ProtectedSystems kept{current ? current->number : 0, QFileInfo(bootedLink).canonicalFilePath(), QFileInfo(runningLink).canonicalFilePath()};
    return System::generationsRemovedBy(System::cleanupCandidatesOf(reader.readAll().generations), kept, rule, count, QDateTime::currentDateTime());
}

QStringList generationLinks(const QString &profile)
{
    const QFileInfo info(profile);
    return QDir(info.absolutePath()).entryList({info.fileName() + QStringLiteral("-*-link")}, QDir::AllEntries | QDir::System, QDir::Name);
}

bool sleepingBuildersLeft()
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        // The builder's shell ("… /bin/sleep 120; …") or the sleep itself ("/bin/sleep\0" "120").
        const QByteArray commandLine = readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (commandLine.contains("/bin/sleep 120")
            || commandLine.contains(QByteArray("/bin/sleep\0"
                                               "120",
                                               14))) {
            return true;
        }
    }
    return false;
}

}

class EndToEndTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (work().isEmpty() || configDir().isEmpty()) {
            QFAIL("run through tests/privileged/run-e2e (ctest -R privileged-e2e), which sets up the system bus, polkit and the helper");
        }
        QVERIFY2(::geteuid() != 0, "the client side must run as an unprivileged user");
    }

    void helperMissing()
    {
        WriteConfigJob job({QStringLiteral("configuration.nix")}, {QStringLiteral("{ }\n")}, QStringLiteral("x"));
        QVERIFY(runJob(job, 60s));
        QCOMPARE(job.error(), PrivilegedJob::ErrorKind::HelperMissing);
        QVERIFY(!job.errorMessage().isEmpty());
    }

    void initRepo()
    {
        InitRepoJob job;
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(job.result().value(QStringLiteral("commit")).toString().size(), 40);
        QVERIFY(QFileInfo(configDir() + QStringLiteral("/.git")).isDir());
        QCOMPARE(gitLog().size(), 1);
        // A second time is refused, and history stays as it is.
        InitRepoJob again;
        QVERIFY(runJob(again));
        QCOMPARE(again.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(again.errorMessage().contains(QLatin1String("already")), qPrintable(again.errorMessage()));
        QCOMPARE(gitLog().size(), 1);
    }

    void writeThenSwitch()
    {
        const QString changed = withTimeZone(configText(), QStringLiteral("\"Europe/Lisbon\""));
        WriteConfigJob write({QStringLiteral("configuration.nix")}, {changed}, QStringLiteral("Move to Lisbon"));
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        QCOMPARE(configText(), changed);
        QVERIFY2(gitLog().first().endsWith(QLatin1String(" Move to Lisbon")), qPrintable(gitLog().join(QLatin1Char('\n'))));
        QCOMPARE(write.result().value(QStringLiteral("commit")).toString(), gitLog().first().section(QLatin1Char(' '), 0, 0));

        RebuildJob rebuild(QStringLiteral("switch"));
        QStringList phases;
        connect(&rebuild, &PrivilegedJob::progressChanged, this, [&] {
            if (phases.isEmpty() || phases.last() != rebuild.phase()) {
                phases.append(rebuild.phase());
            }
        });
        QVERIFY(runJob(rebuild));
        VERIFY_SUCCEEDED(rebuild);
        const QVariantMap result = rebuild.result();
        QCOMPARE(result.value(QStringLiteral("generation")).toInt(), 1);
        const QString system = result.value(QStringLiteral("storePath")).toString();
        QVERIFY2(system.startsWith(QLatin1String("/nix/store/")) && system.contains(QLatin1String("nixos-system-")), qPrintable(system));
        QCOMPARE(currentGeneration(), 1);
        QCOMPARE(linkTarget(profile()), system);
        QCOMPARE(activations().last(), QStringLiteral("switch ") + system);
        QCOMPARE(linkTarget(state(QStringLiteral("current-system"))), system);
        QCOMPARE(linkTarget(state(QStringLiteral("boot-default"))), system);
        // The new system really has the new setting in its /etc.
        QCOMPARE(readFile(system + QStringLiteral("/etc/timezone")).trimmed(), QByteArray("Europe/Lisbon"));
        const QVariantList steps = result.value(QStringLiteral("steps")).toList();
        QCOMPARE(steps.size(), 3);
        for (const QVariant &step : steps) {
            QCOMPARE(step.toMap().value(QStringLiteral("exitCode")).toInt(), 0);
        }
        QVERIFY2(phases.contains(QStringLiteral("activating")), qPrintable(phases.join(QLatin1Char(','))));
        QVERIFY2(phases.first() == QStringLiteral("evaluating"), qPrintable(phases.join(QLatin1Char(','))));

        // The helper linked the generation to the commit that built it; this
        // user, who owns neither the repository nor the profile, reads both.
        namespace System = Snowpane::System;
        QCOMPARE(QFileInfo(configDir() + QStringLiteral("/.git")).ownerId(), 0u);
        const System::GitRepository::OpenResult opened = System::GitRepository::open(configDir());
        QVERIFY2(opened.status == System::GitRepository::OpenResult::Status::Opened, qPrintable(opened.error));
        QVERIFY(opened.ownedByOtherUser);
        const System::GitRepository::LogResult log = opened.repository->log();
        QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
        QCOMPARE(log.commits.first().subject, QStringLiteral("Move to Lisbon"));
        QCOMPARE(result.value(QStringLiteral("commit")).toString(), log.commits.first().id);
        QVERIFY2(!result.contains(QStringLiteral("noteError")), qPrintable(result.value(QStringLiteral("noteError")).toString()));
        const System::GenerationReader::Result generations = System::GenerationReader(profile()).readAll();
        QCOMPARE(generations.generations.size(), 1);
        // The demo sets configurationRevision from .git; without it, the helper's note links the two.
        const System::GenerationCommit byRevision = System::commitOfGeneration(*opened.repository, generations.generations.first());
        QCOMPARE(byRevision.via, System::GenerationCommit::Via::ConfigurationRevision);
        QCOMPARE(byRevision.commit, log.commits.first().id);
        System::Generation withoutRevision = generations.generations.first();
        withoutRevision.configurationRevision.clear();
        const System::GenerationCommit byNote = System::commitOfGeneration(*opened.repository, withoutRevision);
        QVERIFY2(byNote.error.isEmpty(), qPrintable(byNote.error));
        QCOMPARE(byNote.via, System::GenerationCommit::Via::Note);
        QCOMPARE(byNote.commit, log.commits.first().id);
    }

    void bootAndTest()
    {
        const QString before = linkTarget(state(QStringLiteral("current-system")));
        WriteConfigJob write({QStringLiteral("configuration.nix")}, {withTimeZone(configText(), QStringLiteral("\"Europe/Oslo\""))}, QStringLiteral("Oslo"));
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        RebuildJob boot(QStringLiteral("boot"));
        QVERIFY(runJob(boot));
        VERIFY_SUCCEEDED(boot);
        const QString bootSystem = boot.result().value(QStringLiteral("storePath")).toString();
        // boot: a new generation and boot default, but the running system stays.
        QCOMPARE(boot.result().value(QStringLiteral("generation")).toInt(), 2);
        QCOMPARE(currentGeneration(), 2);
        QCOMPARE(linkTarget(state(QStringLiteral("boot-default"))), bootSystem);
        QCOMPARE(linkTarget(state(QStringLiteral("current-system"))), before);
        QCOMPARE(activations().last(), QStringLiteral("boot ") + bootSystem);

        WriteConfigJob again({QStringLiteral("configuration.nix")}, {withTimeZone(configText(), QStringLiteral("\"Europe/Rome\""))}, QStringLiteral("Rome"));
        QVERIFY(runJob(again));
        VERIFY_SUCCEEDED(again);
        RebuildJob test(QStringLiteral("test"));
        QVERIFY(runJob(test));
        VERIFY_SUCCEEDED(test);
        const QString testSystem = test.result().value(QStringLiteral("storePath")).toString();
        // test: activated now, but the profile and the boot default are left alone.
        QVERIFY(!test.result().contains(QStringLiteral("generation")));
        QCOMPARE(currentGeneration(), 2);
        QCOMPARE(linkTarget(profile()), bootSystem);
        QCOMPARE(linkTarget(state(QStringLiteral("current-system"))), testSystem);
        QCOMPARE(linkTarget(state(QStringLiteral("boot-default"))), bootSystem);
        QCOMPARE(activations().last(), QStringLiteral("test ") + testSystem);
        QCOMPARE(test.result().value(QStringLiteral("steps")).toList().size(), 2);
    }

    void switchGenerationBack()
    {
        const QString first = linkTarget(profile() + QStringLiteral("-1-link"));
        QVERIFY(!first.isEmpty());
        SwitchGenerationJob job(1, QStringLiteral("switch"));
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(currentGeneration(), 1);
        QCOMPARE(linkTarget(profile()), first);
        QCOMPARE(activations().last(), QStringLiteral("switch ") + first);
        QCOMPARE(linkTarget(state(QStringLiteral("current-system"))), first);

        SwitchGenerationJob missing(99, QStringLiteral("switch"));
        QVERIFY(runJob(missing));
        QCOMPARE(missing.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QCOMPARE(currentGeneration(), 1);
        SwitchGenerationJob badMode(2, QStringLiteral("test"));
        QVERIFY(runJob(badMode));
        QCOMPARE(badMode.error(), PrivilegedJob::ErrorKind::InvalidRequest);
    }

    void refusesUnparsableAndTraversal()
    {
        const QString before = configText();
        const int commits = gitLog().size();
        WriteConfigJob broken({QStringLiteral("configuration.nix")},
                              {QStringLiteral("{ pkgs, ... }:\n{\n  networking.hostName = \"x\"\n  boot.loader.grub.device = \"/dev/sda\";\n}\n")},
                              QStringLiteral("broken"));
        QVERIFY(runJob(broken));
        QCOMPARE(broken.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QVERIFY2(broken.errorMessage().startsWith(QLatin1String("configuration.nix:4:")), qPrintable(broken.errorMessage()));
        WriteConfigJob traversal({QStringLiteral("../escaped.nix")}, {QStringLiteral("{ }")}, QStringLiteral("escape"));
        QVERIFY(runJob(traversal));
        QCOMPARE(traversal.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QVERIFY(!QFile::exists(work() + QStringLiteral("/escaped.nix")));
        QCOMPARE(configText(), before);
        QCOMPARE(gitLog().size(), commits);
    }

    void evaluationErrorHasFileAndLine()
    {
        const QString good = configText();
        QString bad = good;
        bad.replace(QRegularExpression(QStringLiteral("time\\.timeZone = [^;]*;")), QStringLiteral("time.timeZone = pkgs.doesNotExist;"));
        const int line = bad.left(bad.indexOf(QLatin1String("pkgs.doesNotExist"))).count(QLatin1Char('\n')) + 1;
        WriteConfigJob write({QStringLiteral("configuration.nix")}, {bad}, QStringLiteral("A mistake"));
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        const int generation = currentGeneration();
        RebuildJob rebuild(QStringLiteral("switch"));
        QVERIFY(runJob(rebuild));
        QCOMPARE(rebuild.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(rebuild.errorMessage().contains(QLatin1String("attribute 'doesNotExist' missing")), qPrintable(describe(rebuild)));
        QCOMPARE(rebuild.errorFile(), configDir() + QStringLiteral("/configuration.nix"));
        QCOMPARE(rebuild.errorLine(), line);
        QCOMPARE(rebuild.errorColumn(), 19);
        QCOMPARE(currentGeneration(), generation);
        WriteConfigJob fix({QStringLiteral("configuration.nix")}, {good}, QStringLiteral("Undo the mistake"));
        QVERIFY(runJob(fix));
        VERIFY_SUCCEEDED(fix);
    }

    void restoreConfig()
    {
        const QStringList log = gitLog();
        // The commit "Move to Lisbon" from writeThenSwitch.
        const auto lisbon = std::find_if(log.cbegin(), log.cend(), [](const QString &line) {
            return line.endsWith(QLatin1String(" Move to Lisbon"));
        });
        QVERIFY(lisbon != log.cend());
        RestoreConfigJob job(lisbon->section(QLatin1Char(' '), 0, 0));
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QVERIFY(configText().contains(QLatin1String("\"Europe/Lisbon\"")));
        const QStringList after = gitLog();
        QCOMPARE(after.size(), log.size() + 1);
        QCOMPARE(after.mid(1), log); // history is only added to
        RestoreConfigJob unknown(QString(40, QLatin1Char('f')));
        QVERIFY(runJob(unknown));
        QCOMPARE(unknown.error(), PrivilegedJob::ErrorKind::Failed);
    }

    void dryActivate()
    {
        const int lines = activations().size();
        const int generation = currentGeneration();
        RebuildJob job(QStringLiteral("dry-activate"));
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(activations().size(), lines);
        QCOMPARE(currentGeneration(), generation);
        QVERIFY2(job.result().value(QStringLiteral("recentLines")).toStringList().join(QLatin1Char('\n')).contains(QLatin1String("would activate")),
                 qPrintable(job.result().value(QStringLiteral("recentLines")).toStringList().join(QLatin1Char('\n'))));
    }

    void cancelledBuildChangesNothing()
    {
        const QString good = configText();
        WriteConfigJob write({QStringLiteral("configuration.nix")}, {withPackage(good, slowPackage())}, QStringLiteral("A slow package"));
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        const int generation = currentGeneration();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList before = activations();

        RebuildJob rebuild(QStringLiteral("switch"));
        QSignalSpy finished(&rebuild, &PrivilegedJob::finished);
        rebuild.start();
        QTRY_VERIFY_WITH_TIMEOUT(rebuild.activity().contains(QLatin1String("snowpane-e2e-slow")), 120000);
        QCOMPARE(rebuild.phase(), QStringLiteral("building"));
        QElapsedTimer timer;
        timer.start();
        rebuild.cancel();
        QVERIFY(finished.wait(30000));
        QCOMPARE(rebuild.error(), PrivilegedJob::ErrorKind::Cancelled);
        qInfo() << "cancelled in" << timer.elapsed() << "ms";
        QCOMPARE(currentGeneration(), generation);
        QCOMPARE(QFile::symLinkTarget(profile()), profileTarget);
        QCOMPARE(activations(), before);
        QTRY_VERIFY_WITH_TIMEOUT(!sleepingBuildersLeft(), 10000);

        WriteConfigJob undo({QStringLiteral("configuration.nix")}, {good}, QStringLiteral("Without the slow package"));
        QVERIFY(runJob(undo));
        VERIFY_SUCCEEDED(undo);
    }

    void concurrentRequestIsBusy()
    {
        const QString good = configText();
        WriteConfigJob write({QStringLiteral("configuration.nix")}, {withPackage(good, slowPackage())}, QStringLiteral("Another slow package"));
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);

        RebuildJob first(QStringLiteral("build"));
        QSignalSpy firstFinished(&first, &PrivilegedJob::finished);
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(first.activity().contains(QLatin1String("snowpane-e2e-slow")), 120000);

        // The same action, whose reply KAuth would hand to both clients, and another action.
        RebuildJob sameAction(QStringLiteral("dry-build"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(runJob(sameAction, 30s));
        QCOMPARE(sameAction.error(), PrivilegedJob::ErrorKind::Busy);
        qInfo() << "busy reported in" << timer.elapsed() << "ms";
        const QString during = configText();
        WriteConfigJob otherAction({QStringLiteral("configuration.nix")}, {good}, QStringLiteral("While busy"));
        QVERIFY(runJob(otherAction, 30s));
        QCOMPARE(otherAction.error(), PrivilegedJob::ErrorKind::Busy);
        QCOMPARE(configText(), during);
        QCOMPARE(first.state(), PrivilegedJob::State::Running);

        first.cancel();
        QVERIFY(firstFinished.wait(30000));
        QCOMPARE(first.error(), PrivilegedJob::ErrorKind::Cancelled);

        WriteConfigJob undo({QStringLiteral("configuration.nix")}, {good}, QStringLiteral("Without the slow package again"));
        QVERIFY(runJob(undo));
        VERIFY_SUCCEEDED(undo);
    }

    // A stop sent while the helper is idle, through KAuth or the helper's own
    // method, naming the very request that comes next, stops nothing.
    void idleStopIsIgnored()
    {
        const QString good = configText();
        WriteConfigJob write({QStringLiteral("configuration.nix")}, {withPackage(good, slowPackage(3))}, QStringLiteral("A package of three seconds"));
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);

        RebuildJob rebuild(QStringLiteral("build"));
        QVERIFY(callKAuthStop(QLatin1String(snowpane::protocol::action::Rebuild)));
        const QString verdict = callCancel(rebuild.requestId());
        QVERIFY2(verdict == QLatin1String("refused") || verdict == QLatin1String("error: org.freedesktop.DBus.Error.UnknownObject"), qPrintable(verdict));
        QVERIFY(runJob(rebuild));
        VERIFY_SUCCEEDED(rebuild);
        QVERIFY(rebuild.result().value(QStringLiteral("storePath")).toString().contains(QLatin1String("nixos-system-")));

        WriteConfigJob undo({QStringLiteral("configuration.nix")}, {good}, QStringLiteral("Without the package of three seconds"));
        QVERIFY(runJob(undo));
        VERIFY_SUCCEEDED(undo);
    }

    // Runs beside foreignCancel, which another user runs at the same time. Nobody
    // but this client, naming this request, stops this build.
    void cancelOnlyByItsCaller()
    {
        QFile::remove(cancelTargetFile());
        QFile::remove(foreignVerdictFile());
        const QString good = configText();
        WriteConfigJob write({QStringLiteral("configuration.nix")}, {withPackage(good, slowPackage(20))}, QStringLiteral("A package of twenty seconds"));
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);

        RebuildJob rebuild(QStringLiteral("build"));
        QSignalSpy finished(&rebuild, &PrivilegedJob::finished);
        rebuild.start();
        QTRY_VERIFY_WITH_TIMEOUT(rebuild.activity().contains(QLatin1String("snowpane-e2e-slow")), 120000);

        // The same user, naming another request, or through KAuth's stop: ignored.
        QCOMPARE(callCancel(QUuid::createUuid().toString(QUuid::WithoutBraces)), QStringLiteral("refused"));
        QVERIFY(callKAuthStop(QLatin1String(snowpane::protocol::action::Rebuild)));

        // Another user, naming this very request (it is in every progress signal): refused.
        QFile target(cancelTargetFile());
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.write(rebuild.requestId().toUtf8());
        target.close();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(foreignVerdictFile()), 60000);
        QCOMPARE(QString::fromUtf8(readFile(foreignVerdictFile())), QStringLiteral("refused"));
        // The build was still running when the others asked, so a stop would have ended it.
        QCOMPARE(rebuild.state(), PrivilegedJob::State::Running);
        QCOMPARE(finished.size(), 0);

        QVERIFY(finished.wait(120000));
        VERIFY_SUCCEEDED(rebuild);
        QVERIFY(!rebuild.result().value(QStringLiteral("storePath")).toString().isEmpty());

        WriteConfigJob undo({QStringLiteral("configuration.nix")}, {good}, QStringLiteral("Without the package of twenty seconds"));
        QVERIFY(runJob(undo));
        VERIFY_SUCCEEDED(undo);
    }

    // Run by another user while cancelOnlyByItsCaller builds: it tries to stop that build.
    void foreignCancel()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(cancelTargetFile()).size() > 0, 140000);
        const QString request = QString::fromUtf8(readFile(cancelTargetFile())).trimmed();
        const QString verdict = callCancel(request);
        QVERIFY(callKAuthStop(QLatin1String(snowpane::protocol::action::Rebuild)));
        QFile file(foreignVerdictFile() + QStringLiteral(".part"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(verdict.toUtf8());
        file.close();
        QVERIFY(QFile::rename(file.fileName(), foreignVerdictFile()));
        QCOMPARE(verdict, QStringLiteral("refused"));
    }

    void deleteGenerations()
    {
        using Snowpane::System::CleanupRule;
        const QString booted = work() + QStringLiteral("/home/booted-system");
        const QString running = state(QStringLiteral("current-system")); // CurrentSystem in helper.conf
        const auto preview = [&] {
            return windowPreview(profile(), booted, running, CleanupRule::KeepLast, 1);
        };
        // Generations 1 and 2 exist, 1 runs (switchGenerationBack). Make 2 current and pretend 1 is the booted system.
        SwitchGenerationJob toTwo(2, QStringLiteral("boot"));
        QVERIFY(runJob(toTwo));
        VERIFY_SUCCEEDED(toTwo);
        QCOMPARE(currentGeneration(), 2);
        QCOMPARE(linkTarget(running), linkTarget(profile() + QStringLiteral("-1-link")));
        QFile::remove(booted);
        QVERIFY(QFile::link(linkTarget(profile() + QStringLiteral("-1-link")), booted));
        // Keeping one lists nothing, and the helper will not delete the booted generation even when asked to.
        QCOMPARE(preview(), QList<int>());
        DeleteGenerationsJob keepBooted(DeleteGenerationsJob::Rule::KeepLast, 1, {1});
        QVERIFY(runJob(keepBooted));
        QCOMPARE(keepBooted.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(keepBooted.errorMessage().contains(QLatin1String("generation 1 is the system the machine booted")), qPrintable(describe(keepBooted)));
        QVERIFY(QFileInfo(profile() + QStringLiteral("-1-link")).isSymLink());

        // Booted elsewhere, generation 1 still runs: kept all the same.
        QVERIFY(QFile::remove(booted));
        QCOMPARE(preview(), QList<int>());
        DeleteGenerationsJob keepRunning(DeleteGenerationsJob::Rule::KeepLast, 1, {1});
        QVERIFY(runJob(keepRunning));
        QCOMPARE(keepRunning.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(keepRunning.errorMessage().contains(QLatin1String("generation 1 is the running system")), qPrintable(describe(keepRunning)));
        QVERIFY(QFileInfo(profile() + QStringLiteral("-1-link")).isSymLink());

        // Once 2 runs, generation 1 goes, exactly as listed; the current one never does.
        SwitchGenerationJob runTwo(2, QStringLiteral("switch"));
        QVERIFY(runJob(runTwo));
        VERIFY_SUCCEEDED(runTwo);
        QCOMPARE(preview(), QList<int>{1});
        DeleteGenerationsJob job(DeleteGenerationsJob::Rule::KeepLast, 1, preview());
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(job.result().value(QStringLiteral("deleted")).toList(), QVariantList{1});
        QVERIFY(!QFileInfo(profile() + QStringLiteral("-1-link")).exists());
        QVERIFY(QFileInfo(profile() + QStringLiteral("-2-link")).isSymLink());
        QCOMPARE(currentGeneration(), 2);

        DeleteGenerationsJob invalid(DeleteGenerationsJob::Rule::KeepLast, 0, {2});
        QVERIFY(runJob(invalid));
        QCOMPARE(invalid.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        DeleteGenerationsJob current(DeleteGenerationsJob::Rule::KeepLast, 1, {2});
        QVERIFY(runJob(current));
        QCOMPARE(current.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY(QFileInfo(profile() + QStringLiteral("-2-link")).isSymLink());
    }

    // run-e2e made $work/aged/profiles/system with nix-env: generations 1, 2 and 3 (current), whose links it
    // dated 40, 20 and 1 days ago with touch -h; the store paths behind them all carry 1970. "Older than 30 days"
    // deletes exactly generation 1, and the window's preview lists exactly that.
    void deleteOlderThanOnRealGenerations()
    {
        using Snowpane::System::CleanupRule;
        const QString aged = work() + QStringLiteral("/aged/profiles/system");
        const QString booted = work() + QStringLiteral("/home/booted-system");
        const QString running = work() + QStringLiteral("/home/running-system"); // CurrentSystem in helper.conf for this scenario
        QFile::remove(booted);
        QFile::remove(running);
        const QStringList all{QStringLiteral("system-1-link"), QStringLiteral("system-2-link"), QStringLiteral("system-3-link")};
        QCOMPARE(generationLinks(aged), all);
        QCOMPARE(QFileInfo(aged).symLinkTarget(), QFileInfo(aged + QStringLiteral("-3-link")).absoluteFilePath());
        // The trap: through the link, every generation looks 56 years old.
        QCOMPARE(QFileInfo(aged + QStringLiteral("-2-link")).lastModified().toSecsSinceEpoch(), 1);
        const auto preview = [&] {
            return windowPreview(aged, booted, running, CleanupRule::OlderThanDays, 30);
        };
        QCOMPARE(preview(), QList<int>{1});

        // Asked for one more than the rule selects, the helper deletes nothing and names it.
        DeleteGenerationsJob tooMany(DeleteGenerationsJob::Rule::OlderThanDays, 30, {1, 2});
        QVERIFY(runJob(tooMany));
        QCOMPARE(tooMany.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(tooMany.errorMessage().contains(QLatin1String("generation 2 is not older than 30 days")), qPrintable(describe(tooMany)));
        QCOMPARE(generationLinks(aged), all);

        // A running system is never deleted, however old its generation.
        QVERIFY(QFile::link(linkTarget(aged + QStringLiteral("-1-link")), running));
        QCOMPARE(preview(), QList<int>());
        DeleteGenerationsJob runningOne(DeleteGenerationsJob::Rule::OlderThanDays, 30, {1});
        QVERIFY(runJob(runningOne));
        QCOMPARE(runningOne.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(runningOne.errorMessage().contains(QLatin1String("generation 1 is the running system")), qPrintable(describe(runningOne)));
        QCOMPARE(generationLinks(aged), all);
        QVERIFY(QFile::remove(running));

        // What the window lists is what goes.
        const QList<int> shown = preview();
        QCOMPARE(shown, QList<int>{1});
        DeleteGenerationsJob job(DeleteGenerationsJob::Rule::OlderThanDays, 30, shown);
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(job.result().value(QStringLiteral("deleted")).toList(), QVariantList{1});
        QCOMPARE(generationLinks(aged), (QStringList{QStringLiteral("system-2-link"), QStringLiteral("system-3-link")}));
        QCOMPARE(preview(), QList<int>());
    }

    // updatesources on root's channels (helper.conf: ChannelsProfile, ChannelList under $work/channels):
    // the stand-in's channel moves to its next release, and the rollback takes the profile back exactly.
    void updateChannelsThenRollBack()
    {
        const QString channels = work() + QStringLiteral("/channels/profiles/per-user/root/channels");
        const QString list = work() + QStringLiteral("/channels/root/.nix-channels");
        const QString linkBefore = QFile::symLinkTarget(channels);
        const QString treeBefore = linkTarget(channels + QStringLiteral("/nixos"));
        const QByteArray listBefore = readFile(list);
        QCOMPARE(QFileInfo(linkBefore).fileName(), QStringLiteral("channels-1-link"));
        const QByteArray revisionBefore = readFile(channels + QStringLiteral("/nixos/.git-revision"));
        const int generation = currentGeneration();
        RebuildJob before(QStringLiteral("build"));
        QVERIFY(runJob(before, 300s));
        VERIFY_SUCCEEDED(before);
        const QString oldSystem = before.result().value(QStringLiteral("storePath")).toString();

        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        VERIFY_SUCCEEDED(update);
        const QVariantMap reply = update.result();
        QCOMPARE(reply.value(QStringLiteral("kind")).toString(), QStringLiteral("channels"));
        QCOMPARE(reply.value(QStringLiteral("changed")).toBool(), true);
        const QVariantMap nixos = reply.value(QStringLiteral("channels")).toList().value(0).toMap();
        QCOMPARE(nixos.value(QStringLiteral("name")).toString(), QStringLiteral("nixos"));
        QCOMPARE(nixos.value(QStringLiteral("oldGeneration")).toInt(), 1);
        QCOMPARE(nixos.value(QStringLiteral("newGeneration")).toInt(), 2);
        QCOMPARE(nixos.value(QStringLiteral("oldRevision")).toByteArray(), revisionBefore);
        QCOMPARE(nixos.value(QStringLiteral("newRevision")).toByteArray(), readFile(channels + QStringLiteral("/nixos/.git-revision")));
        QCOMPARE(readFile(channels + QStringLiteral("/nixos/.version-suffix")), QByteArray(".20241201.5d6e7f8"));

        // The preview: the new system built (not activated) from the updated channel, against the one built before.
        RebuildJob after(QStringLiteral("build"));
        QVERIFY(runJob(after, 300s));
        VERIFY_SUCCEEDED(after);
        const QString newSystem = after.result().value(QStringLiteral("storePath")).toString();
        QVERIFY(newSystem != oldSystem);
        QCOMPARE(currentGeneration(), generation);
        const auto version = [](const QString &system, const QString &package) {
            return QString::fromUtf8(readFile(system + QStringLiteral("/sw/share/doc/%1/VERSION").arg(package))).trimmed();
        };
        QCOMPARE(version(oldSystem, QStringLiteral("firefox")), QStringLiteral("firefox 132.0.2"));
        QCOMPARE(version(newSystem, QStringLiteral("firefox")), QStringLiteral("firefox 133.0"));
        QCOMPARE(version(oldSystem, QStringLiteral("nodejs")), QStringLiteral("nodejs 22.10.0"));
        QCOMPARE(version(newSystem, QStringLiteral("nodejs")), QStringLiteral("nodejs 22.9.0")); // a downgrade
        QVERIFY2(linkTarget(oldSystem + QStringLiteral("/kernel")).contains(QLatin1String("-linux-6.6.62/")),
                 qPrintable(linkTarget(oldSystem + QStringLiteral("/kernel"))));
        QVERIFY2(linkTarget(newSystem + QStringLiteral("/kernel")).contains(QLatin1String("-linux-6.6.63/")),
                 qPrintable(linkTarget(newSystem + QStringLiteral("/kernel"))));
        const QString curl = QFileInfo(linkTarget(newSystem + QStringLiteral("/sw/bin/curl"))).absolutePath();
        QVERIFY(readFile(curl + QStringLiteral("/../nix-support/runtime-dependencies")).contains("-libpsl-0.21.5")); // an added package
        RebuildJob dryActivate(QStringLiteral("dry-activate"));
        QVERIFY(runJob(dryActivate, 300s));
        VERIFY_SUCCEEDED(dryActivate);
        const QString lines = dryActivate.result().value(QStringLiteral("recentLines")).toStringList().join(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QLatin1String("would restart the following units: nginx.service, tailscaled.service")), qPrintable(lines));
        QCOMPARE(currentGeneration(), generation);

        // Refused while the profile is not at `from`, and for a `to` that is not older: nothing moves.
        RollBackChannelsJob wrongFrom(3, 1);
        QVERIFY(runJob(wrongFrom));
        QCOMPARE(wrongFrom.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(wrongFrom.errorMessage().contains(QLatin1String("generation 2, not 3")), qPrintable(describe(wrongFrom)));
        RollBackChannelsJob forwards(2, 1000);
        QVERIFY(runJob(forwards));
        QCOMPARE(forwards.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QCOMPARE(nixos.value(QStringLiteral("newGeneration")).toInt(), 2);
        QVERIFY(QFileInfo(channels + QStringLiteral("-2-link")).isSymLink());
        const QStringList profileBefore = QDir(QFileInfo(channels).absolutePath()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);

        RollBackChannelsJob rollback(nixos.value(QStringLiteral("newGeneration")).toInt(), nixos.value(QStringLiteral("oldGeneration")).toInt());
        QVERIFY(runJob(rollback));
        VERIFY_SUCCEEDED(rollback);
        QCOMPARE(rollback.result().value(QStringLiteral("kind")).toString(), QStringLiteral("channels"));
        QCOMPARE(QFile::symLinkTarget(channels), linkBefore);
        QVERIFY(!QFileInfo::exists(channels + QStringLiteral("-2-link")) && !QFileInfo(channels + QStringLiteral("-2-link")).isSymLink());
        QStringList profileAfter = profileBefore;
        profileAfter.removeAll(QStringLiteral("channels-2-link"));
        QCOMPARE(QDir(QFileInfo(channels).absolutePath()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot), profileAfter);
        QCOMPARE(linkTarget(channels + QStringLiteral("/nixos")), treeBefore);
        QCOMPARE(readFile(channels + QStringLiteral("/nixos/.git-revision")), revisionBefore);
        QCOMPARE(readFile(list), listBefore);
    }

    // updatesources on a flake (run-e2e points ConfigurationDirectory at $work/flake): the nixpkgs
    // input moves to the next revision in a commit that names both; restoreconfig undoes it.
    void updateFlakeThenDiscard()
    {
        const QString flake = work() + QStringLiteral("/flake");
        const QByteArray lockBefore = readFile(flake + QStringLiteral("/flake.lock"));
        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        VERIFY_SUCCEEDED(update);
        const QVariantMap reply = update.result();
        QCOMPARE(reply.value(QStringLiteral("kind")).toString(), QStringLiteral("flake"));
        QCOMPARE(reply.value(QStringLiteral("changed")).toBool(), true);
        QVERIFY(readFile(flake + QStringLiteral("/flake.lock")) != lockBefore);
        const QVariantMap nixpkgs = reply.value(QStringLiteral("inputs")).toList().value(0).toMap();
        QCOMPARE(nixpkgs.value(QStringLiteral("name")).toString(), QStringLiteral("nixpkgs"));
        QCOMPARE(nixpkgs.value(QStringLiteral("oldDate")).toString(), QStringLiteral("2024-11-20T12:00:00Z"));
        QCOMPARE(nixpkgs.value(QStringLiteral("newDate")).toString(), QStringLiteral("2024-12-01T12:00:00Z"));
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-c"),
                   QStringLiteral("safe.directory=*"),
                   QStringLiteral("-C"),
                   flake,
                   QStringLiteral("log"),
                   QStringLiteral("-1"),
                   QStringLiteral("--format=%B"),
                   reply.value(QStringLiteral("commit")).toString()});
        QVERIFY(git.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(git.readAllStandardOutput()).trimmed(),
                 QStringLiteral("Update flake inputs\n\nnixpkgs: %1 (2024-11-20) \u2192 %2 (2024-12-01)")
                     .arg(nixpkgs.value(QStringLiteral("oldRevision")).toString().left(7), nixpkgs.value(QStringLiteral("newRevision")).toString().left(7)));

        // A commit made after the check stays when the update is discarded: only flake.lock goes back.
        const QByteArray edited = readFile(flake + QStringLiteral("/flake.nix")) + "\n# edited after the check\n";
        WriteConfigJob edit({QStringLiteral("flake.nix")}, {QString::fromUtf8(edited)}, QStringLiteral("Edited after the check"));
        QVERIFY(runJob(edit));
        VERIFY_SUCCEEDED(edit);
        RestoreConfigJob discard(reply.value(QStringLiteral("previousCommit")).toString(), {QStringLiteral("flake.lock")});
        QVERIFY(runJob(discard));
        VERIFY_SUCCEEDED(discard);
        QCOMPARE(readFile(flake + QStringLiteral("/flake.lock")), lockBefore);
        QCOMPARE(readFile(flake + QStringLiteral("/flake.nix")), edited);
        // Once more changes nothing and makes no commit.
        const QString discarded = discard.result().value(QStringLiteral("commit")).toString();
        QVERIFY(!discarded.isEmpty());
        RestoreConfigJob again(reply.value(QStringLiteral("previousCommit")).toString(), {QStringLiteral("flake.lock")});
        QVERIFY(runJob(again));
        VERIFY_SUCCEEDED(again);
        QCOMPARE(again.result().value(QStringLiteral("commit")).toString(), discarded);
        RestoreConfigJob hostile(reply.value(QStringLiteral("previousCommit")).toString(), {QStringLiteral("../etc/passwd")});
        QVERIFY(runJob(hostile));
        QCOMPARE(hostile.error(), PrivilegedJob::ErrorKind::InvalidRequest);
    }

    // A revision that does not evaluate ($work/flake-broken follows the stand-in's broken branch): a clear error, nothing changed.
    void brokenUpdateChangesNothing()
    {
        const QString flake = work() + QStringLiteral("/flake-broken");
        const QByteArray lockBefore = readFile(flake + QStringLiteral("/flake.lock"));
        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        QCOMPARE(update.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(update.errorMessage().startsWith(QLatin1String("syntax error")), qPrintable(describe(update)));
        QCOMPARE(readFile(flake + QStringLiteral("/flake.lock")), lockBefore);
        UpdateSourcesJob hostile(QStringLiteral("--override-input"));
        QVERIFY(runJob(hostile));
        QCOMPARE(hostile.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QCOMPARE(readFile(flake + QStringLiteral("/flake.lock")), lockBefore);
    }

    // Issue 16: helper.conf names a flake the caller owns. The helper builds from it, as
    // `sudo nixos-rebuild --flake ~/cfg#host` does, but refuses every write there, naming the owner.
    void helperNeverWritesUserFlake()
    {
        const QString file = configDir() + QStringLiteral("/host.nix");
        const QByteArray before = readFile(file);
        QVERIFY(!before.isEmpty());
        const auto refusedNamingOwner = [](const PrivilegedJob &job) {
            return job.state() == PrivilegedJob::State::Failed && job.errorMessage().contains(QStringLiteral("snowpane-e2e"))
                && job.errorMessage().contains(QStringLiteral("never writes"));
        };
        WriteConfigJob write({QStringLiteral("host.nix")}, {QStringLiteral("{ }\n")}, QStringLiteral("must not be written"));
        QVERIFY(runJob(write));
        QVERIFY2(refusedNamingOwner(write), qPrintable(describe(write)));
        RestoreConfigJob restore(QStringLiteral("0123456789012345678901234567890123456789"));
        QVERIFY(runJob(restore));
        QVERIFY2(refusedNamingOwner(restore), qPrintable(describe(restore)));
        QCOMPARE(readFile(file), before);

        // A build names no host: the helper takes programs.snowpane.host (demo) from its settings.
        RebuildJob build(QStringLiteral("build"));
        QVERIFY(runJob(build, 300s));
        VERIFY_SUCCEEDED(build);
        QVERIFY(build.result().value(QStringLiteral("storePath")).toString().startsWith(QStringLiteral("/nix/store/")));
        QCOMPARE(readFile(file), before);
    }

    // run-e2e put secrets/wifi.psk (0600, this user's, so that it can be checked here) and
    // secrets/notes.txt (0644) into the configuration before initRepo; neither is tracked.
    void untrackedSecretsAreNotCommitted()
    {
        const QString secret = configDir() + QStringLiteral("/secrets/wifi.psk");
        const QString notes = configDir() + QStringLiteral("/secrets/notes.txt");
        const QByteArray secretContent = readFile(secret);
        const QByteArray notesContent = readFile(notes);
        QVERIFY2(secretContent.startsWith("psk=") && !notesContent.isEmpty(), "run-e2e did not put the untracked files in place");
        QCOMPARE(modeOf(secret), mode_t(0600));

        const QString changed = withTimeZone(configText(), QStringLiteral("\"Europe/Paris\""));
        WriteConfigJob write({QStringLiteral("configuration.nix")}, {changed}, QStringLiteral("Paris, next to a secret"));
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        RebuildJob rebuild(QStringLiteral("switch"));
        QVERIFY(runJob(rebuild));
        VERIFY_SUCCEEDED(rebuild);
        QCOMPARE(rebuild.result().value(QStringLiteral("commit")).toString(), gitLog().first().section(QLatin1Char(' '), 0, 0));

        // The lookup finds what was committed (so it can fail), and finds neither untracked file.
        QCOMPARE(blobState(configDir(), changed.toUtf8()), QStringLiteral("present"));
        QCOMPARE(blobState(configDir(), secretContent), QStringLiteral("absent"));
        QCOMPARE(blobState(configDir(), notesContent), QStringLiteral("absent"));
        QCOMPARE(gitIn(configDir(), {QStringLiteral("ls-files"), QStringLiteral("secrets")}), QString());
        QCOMPARE(modeOf(secret), mode_t(0600));
        QCOMPARE(readFile(secret), secretContent);
        QCOMPARE(readFile(notes), notesContent);
    }

    // run-e2e makes flake.nix a link: to a real flake elsewhere, or to nothing. configuration.nix
    // beside it must not be built instead, from root's channels.
    void refusesSymlinkedFlake()
    {
        const QString flake = configDir() + QStringLiteral("/flake.nix");
        QVERIFY2(QFileInfo(flake).isSymLink(), "run-e2e makes flake.nix a symbolic link here");
        QVERIFY(QFileInfo::exists(configDir() + QStringLiteral("/configuration.nix")));
        const int generation = currentGeneration();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList before = activations();
        for (const QString &mode : {QStringLiteral("build"), QStringLiteral("switch")}) {
            RebuildJob rebuild(mode);
            QVERIFY(runJob(rebuild));
            QCOMPARE(rebuild.error(), PrivilegedJob::ErrorKind::Failed);
            QVERIFY2(rebuild.errorMessage().contains(QLatin1String("flake.nix is a symbolic link")), qPrintable(describe(rebuild)));
            QVERIFY(!rebuild.result().contains(QStringLiteral("storePath")));
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
        const QString outside = work() + QStringLiteral("/home/outside/target.nix");
        const QString secondName = work() + QStringLiteral("/home/links/shared.nix");
        const QStringList log = gitLog();
        const auto a = std::find_if(log.cbegin(), log.cend(), [](const QString &line) {
            return line.endsWith(QLatin1String(" Restore fixture: A"));
        });
        QVERIFY(a != log.cend());
        const QString commitA = a->section(QLatin1Char(' '), 0, 0);
        QCOMPARE(QFile::symLinkTarget(dir + QStringLiteral("/linked.nix")), outside);
        QVERIFY(QFileInfo::exists(secondName));
        const QStringList names = {QStringLiteral("other.nix"),
                                   QStringLiteral("shared.nix"),
                                   QStringLiteral("dropped.nix"),
                                   QStringLiteral("added.nix"),
                                   QStringLiteral("local.nix"),
                                   QStringLiteral(".gitignore")};
        const auto snapshot = [&] {
            QStringList files;
            for (const QString &name : names) {
                files.append(name + QStringLiteral(": ")
                             + (QFileInfo::exists(dir + QLatin1Char('/') + name) ? readText(dir + QLatin1Char('/') + name) : QStringLiteral("<none>")));
            }
            files.append(QStringLiteral("outside: ") + readText(outside));
            files.append(QStringLiteral("link: ") + QFile::symLinkTarget(dir + QStringLiteral("/linked.nix")));
            return files;
        };
        const QStringList before = snapshot();

        RestoreConfigJob refused(commitA);
        QVERIFY(runJob(refused));
        QCOMPARE(refused.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("shared.nix has 2 hard links")), qPrintable(describe(refused)));
        QCOMPARE(snapshot(), before);
        QCOMPARE(gitLog(), log);

        // Without the second name, the tracked files go back; what git does not track stays as it is.
        QVERIFY(QFile::remove(secondName));
        RestoreConfigJob restore(commitA);
        QVERIFY(runJob(restore));
        VERIFY_SUCCEEDED(restore);
        QCOMPARE(readFile(dir + QStringLiteral("/other.nix")), QByteArray("{ other = \"A\"; }\n"));
        QCOMPARE(readFile(dir + QStringLiteral("/shared.nix")), QByteArray("{ shared = \"A\"; }\n"));
        QCOMPARE(readFile(dir + QStringLiteral("/dropped.nix")), QByteArray("{ dropped = \"A\"; }\n"));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/added.nix")));
        QCOMPARE(readFile(dir + QStringLiteral("/local.nix")), QByteArray("{ local = \"mine, never committed\"; }\n"));
        QCOMPARE(QFile::symLinkTarget(dir + QStringLiteral("/linked.nix")), outside);
        QCOMPARE(readText(outside), before.at(names.size()).section(QStringLiteral(": "), 1));
        QStringList leftAlone = restore.result().value(QStringLiteral("leftAlone")).toStringList();
        leftAlone.sort();
        QCOMPARE(leftAlone, (QStringList{QStringLiteral("linked.nix"), QStringLiteral("local.nix")}));
        const QStringList after = gitLog();
        QCOMPARE(after.size(), log.size() + 1);
        QCOMPARE(restore.result().value(QStringLiteral("commit")).toString(), after.first().section(QLatin1Char(' '), 0, 0));
        // The new commit is A's tree but for the two files git no longer tracks.
        QCOMPARE(gitIn(dir, {QStringLiteral("diff"), QStringLiteral("--name-status"), commitA, QStringLiteral("HEAD")}),
                 QStringLiteral("D\tlinked.nix\nD\tlocal.nix"));
    }

    // run-e2e makes hosts/ here this user's directory, inside root's configuration.
    void refusesForeignOwnedSubdirectory()
    {
        const QString hosts = configDir() + QStringLiteral("/hosts");
        QCOMPARE(QFileInfo(hosts).ownerId(), ::getuid());
        const QByteArray laptop = readFile(hosts + QStringLiteral("/laptop.nix"));
        const QStringList entries = QDir(hosts).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        const QStringList log = gitLog();
        const QString reason = QStringLiteral("'hosts' is owned by uid %1").arg(::getuid());

        WriteConfigJob write({QStringLiteral("hosts/laptop.nix")},
                             {QStringLiteral("{ networking.hostName = \"owned\"; }\n")},
                             QStringLiteral("Into a user's directory"));
        QVERIFY(runJob(write));
        QCOMPARE(write.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(write.errorMessage().contains(reason), qPrintable(describe(write)));
        WriteConfigJob deeper({QStringLiteral("hosts/new/x.nix")}, {QStringLiteral("{ }\n")}, QStringLiteral("Deeper into it"));
        QVERIFY(runJob(deeper));
        QCOMPARE(deeper.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(deeper.errorMessage().contains(reason), qPrintable(describe(deeper)));
        RestoreConfigJob restore(log.first().section(QLatin1Char(' '), 0, 0), {QStringLiteral("hosts/laptop.nix")});
        QVERIFY(runJob(restore));
        QCOMPARE(restore.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(restore.errorMessage().contains(reason), qPrintable(describe(restore)));

        QCOMPARE(readFile(hosts + QStringLiteral("/laptop.nix")), laptop);
        QCOMPARE(QFileInfo(hosts + QStringLiteral("/laptop.nix")).ownerId(), 0u);
        QCOMPARE(QDir(hosts).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), entries);
        QCOMPARE(gitLog(), log);
        // Root's own files beside it are still written.
        WriteConfigJob top({QStringLiteral("top.nix")}, {QStringLiteral("{ }\n# still written\n")}, QStringLiteral("Beside it"));
        QVERIFY(runJob(top));
        VERIFY_SUCCEEDED(top);
    }

    void deniedChangesNothing()
    {
        const QString text = configText();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList before = activations();
        const QStringList log = gitLog();

        WriteConfigJob write({QStringLiteral("configuration.nix")}, {withTimeZone(text, QStringLiteral("\"Asia/Tokyo\""))}, QStringLiteral("Denied"));
        QVERIFY(runJob(write));
        QCOMPARE(write.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        RebuildJob rebuild(QStringLiteral("switch"));
        QVERIFY(runJob(rebuild));
        QCOMPARE(rebuild.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        SwitchGenerationJob rollback(1, QStringLiteral("boot"));
        QVERIFY(runJob(rollback));
        QCOMPARE(rollback.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        const QString channels = work() + QStringLiteral("/channels/profiles/per-user/root/channels");
        const QString channelsTarget = QFile::symLinkTarget(channels);
        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        QCOMPARE(update.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        RollBackChannelsJob rollBackChannels(2, 1);
        QVERIFY(runJob(rollBackChannels));
        QCOMPARE(rollBackChannels.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        QCOMPARE(QFile::symLinkTarget(channels), channelsTarget);
        RestoreConfigJob restoreLock(QString(40, QLatin1Char('a')), {QStringLiteral("flake.lock")});
        QVERIFY(runJob(restoreLock));
        QCOMPARE(restoreLock.error(), PrivilegedJob::ErrorKind::NotAuthorised);

        QCOMPARE(configText(), text);
        QCOMPARE(QFile::symLinkTarget(profile()), profileTarget);
        QCOMPARE(activations(), before);
        QCOMPARE(gitLog(), log);
    }

    // Run as a user no polkit rule names, with no authentication agent: the installed policy's own defaults decide.
    // Every user run-e2e had before got an explicit YES or NO, so a default turned to "yes" went unnoticed.
    void shippedPolkitDefaults()
    {
        namespace action = snowpane::protocol::action;
        struct Defaults {
            QString any, inactive, active;
            bool operator==(const Defaults &) const = default;
        };
        const QString keep = QStringLiteral("auth_admin_keep"), admin = QStringLiteral("auth_admin"), no = QStringLiteral("no");
        // Changes are asked for once per session; what deletes for good (generations, a channels generation) every time.
        const QMap<QString, Defaults> expected{
            {QLatin1String(action::WriteConfig), {no, no, keep}},
            {QLatin1String(action::Rebuild), {no, no, keep}},
            {QLatin1String(action::SwitchGeneration), {no, no, keep}},
            {QLatin1String(action::InitRepo), {no, no, keep}},
            {QLatin1String(action::RestoreConfig), {no, no, keep}},
            {QLatin1String(action::UpdateSources), {no, no, keep}},
            {QLatin1String(action::RollBackChannels), {no, no, admin}},
            {QLatin1String(action::DeleteGenerations), {no, no, admin}},
        };
        QFile policy(QStringLiteral("/usr/share/polkit-1/actions/io.github.snowpane.policy"));
        QVERIFY2(policy.open(QIODevice::ReadOnly), "run-e2e installs the built policy there");
        QMap<QString, Defaults> found;
        QXmlStreamReader xml(&policy);
        QString id;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) {
                continue;
            }
            if (xml.name() == QLatin1String("action")) {
                id = xml.attributes().value(QLatin1String("id")).toString();
                // polkit's own value for a default the file leaves out
                found.insert(id, {no, no, no});
            } else if (xml.name() == QLatin1String("allow_any")) {
                found[id].any = xml.readElementText().trimmed();
            } else if (xml.name() == QLatin1String("allow_inactive")) {
                found[id].inactive = xml.readElementText().trimmed();
            } else if (xml.name() == QLatin1String("allow_active")) {
                found[id].active = xml.readElementText().trimmed();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(found.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const Defaults actual = found.value(it.key());
            QVERIFY2(
                actual == it.value(),
                qPrintable(QStringLiteral("%1: allow_any %2, allow_inactive %3, allow_active %4").arg(it.key(), actual.any, actual.inactive, actual.active)));
        }

        // Without a rule or an agent, each action is refused before the helper does anything.
        const QString text = configText();
        const QStringList log = gitLog();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList links = generationLinks(profile());
        const QStringList before = activations();
        const QString channels = work() + QStringLiteral("/channels/profiles/per-user/root/channels");
        const QString channelsTarget = QFile::symLinkTarget(channels);
        const QStringList channelLinks = generationLinks(channels);
        QVERIFY(!log.isEmpty());
        const QString firstCommit = log.last().section(QLatin1Char(' '), 0, 0);

        std::vector<std::unique_ptr<PrivilegedJob>> jobs;
        jobs.push_back(
            std::make_unique<WriteConfigJob>(QStringList{QStringLiteral("configuration.nix")}, QStringList{QStringLiteral("{ }\n")}, QStringLiteral("x")));
        jobs.push_back(std::make_unique<RebuildJob>(QStringLiteral("switch")));
        jobs.push_back(std::make_unique<SwitchGenerationJob>(currentGeneration(), QStringLiteral("boot")));
        jobs.push_back(std::make_unique<InitRepoJob>());
        jobs.push_back(std::make_unique<RestoreConfigJob>(firstCommit)); // the whole tree
        jobs.push_back(std::make_unique<DeleteGenerationsJob>(DeleteGenerationsJob::Rule::KeepLast, 1, QList<int>{currentGeneration()}));
        jobs.push_back(std::make_unique<UpdateSourcesJob>());
        jobs.push_back(std::make_unique<RollBackChannelsJob>(2, 1));
        QSet<QString> tried;
        for (const auto &job : jobs) {
            QVERIFY(runJob(*job));
            QVERIFY2(job->error() == PrivilegedJob::ErrorKind::NotAuthorised, qPrintable(job->actionName() + QStringLiteral(": ") + describe(*job)));
            tried.insert(job->actionName());
        }
        QCOMPARE(tried, QSet<QString>(expected.keyBegin(), expected.keyEnd()));

        QCOMPARE(configText(), text);
        QCOMPARE(gitLog(), log);
        QCOMPARE(QFile::symLinkTarget(profile()), profileTarget);
        QCOMPARE(generationLinks(profile()), links);
        QCOMPARE(activations(), before);
        QCOMPARE(QFile::symLinkTarget(channels), channelsTarget);
        QCOMPARE(generationLinks(channels), channelLinks);
    }
};

QTEST_GUILESS_MAIN(EndToEndTest)
#include "tst_e2e.moc"
