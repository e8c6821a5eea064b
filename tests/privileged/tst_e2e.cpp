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

using namespace Qt::StringLiterals;

using namespace EndToEnd;
using namespace Snowpane::Privileged;
using namespace std::chrono_literals;

namespace
{

QString linkTarget(const QString &path)
{
    return QFileInfo(path).canonicalFilePath();
}

QStringList activations()
{
    QStringList lines = QString::fromUtf8(readFile(state(u"activations.log"_s))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines;
}

QStringList gitLog()
{
    QProcess git;
    git.start(u"git"_s, {u"-c"_s, u"safe.directory=*"_s, u"-C"_s, configDir(), u"log"_s, u"--format=%H %s"_s});
    git.waitForFinished(30000);
    return QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString configText()
{
    return QString::fromUtf8(readFile(configDir() + u"/configuration.nix"_s));
}

QString describe(const PrivilegedJob &job)
{
    return u"state %1, error %2: %3 [%4:%5:%6]; last lines: %7"_s.arg(int(job.state()))
        .arg(int(job.error()))
        .arg(job.errorMessage(), job.errorFile())
        .arg(job.errorLine())
        .arg(job.errorColumn())
        .arg(job.recentLines().mid(job.recentLines().size() - 8).join(u" | "_s));
}

#define VERIFY_SUCCEEDED(job) QVERIFY2((job).state() == PrivilegedJob::State::Succeeded, qPrintable(describe(job)))

// A derivation that takes two minutes (or `seconds`) to build, different on every call so Nix never has it already.
QString slowPackage(int seconds = 120)
{
    return u"(derivation { name = \"snowpane-e2e-slow\"; system = builtins.currentSystem; builder = \"/bin/sh\"; "
           "args = [ \"-c\" \"echo slow build %1 starts; /bin/sleep %2; echo done > $out\" ]; })"_s.arg(QDateTime::currentMSecsSinceEpoch())
               .arg(seconds);
}

// Files through which cancelOnlyByItsCaller (the allowed user) and foreignCancel (another user) meet.
QString cancelTargetFile()
{
    return work() + u"/home/cancel-target"_s;
}
QString foreignVerdictFile()
{
    return work() + u"/home/foreign-cancel-verdict"_s;
}

// The helper's cancel method, called directly as any program on the bus could.
// "refused", "accepted", or "error: …" (no such object: the helper has not
// served a request since it was started, so there is nothing to cancel).
QString callCancel(const QString &request)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(Snowpane::Protocol::HelperId),
                                                       QLatin1String(Snowpane::Protocol::Cancel::ObjectPath),
                                                       QLatin1String(Snowpane::Protocol::Cancel::Interface),
                                                       QLatin1String(Snowpane::Protocol::Cancel::Method));
    call << request;
    const QDBusReply<bool> reply = QDBusConnection::systemBus().call(call, QDBus::Block, 30000);
    if (!reply.isValid()) {
        return u"error: "_s + reply.error().name();
    }
    return reply.value() ? u"accepted"_s : u"refused"_s;
}

// KAuth's own stop, which takes no request and is open to every caller: the helper must ignore it.
bool callKAuthStop(const QString &action)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(Snowpane::Protocol::HelperId), u"/"_s, u"org.kde.kf6auth"_s, u"stopAction"_s);
    call << action;
    return QDBusConnection::systemBus().call(call, QDBus::Block, 30000).type() == QDBusMessage::ReplyMessage;
}

QString withPackage(const QString &text, const QString &package)
{
    QString result = text;
    result.replace(u"environment.systemPackages = with pkgs; ["_s, u"environment.systemPackages = with pkgs; [\n    "_s + package);
    return result;
}

QString withTimeZone(const QString &text, const QString &zone)
{
    QString result = text;
    static const QRegularExpression timeZone(u"time\\.timeZone = [^;]*;"_s);
    result.replace(timeZone, u"time.timeZone = %1;"_s.arg(zone));
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
        || git_odb_open(&odb, QFile::encodeName(directory + u"/.git/objects"_s).constData()) != 0) {
        const git_error *error = git_error_last();
        state = u"error: "_s + QString::fromUtf8(error && error->message ? error->message : "unknown");
    } else {
        state = git_odb_exists(odb, &id) ? u"present"_s : u"absent"_s;
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
    git.start(u"git"_s, QStringList{u"-c"_s, u"safe.directory=*"_s, u"-C"_s, directory} + arguments);
    git.waitForFinished(30000);
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

// What the window's cleanup dialog lists for a rule (GenerationSpace::planFor): the profile read by the
// window's GenerationReader, the current, booted and running systems, and the rule shared with the helper.
QList<int> windowPreview(const QString &profile, const QString &bootedLink, const QString &runningLink, Snowpane::System::CleanupRule rule, int count)
{
    const Snowpane::System::GenerationReader reader(profile);
    const auto current = reader.readCurrent();
    const Snowpane::System::ProtectedSystems kept{current ? current->number : 0,
                                                  QFileInfo(bootedLink).canonicalFilePath(),
                                                  QFileInfo(runningLink).canonicalFilePath()};
    return Snowpane::System::generationsRemovedBy(Snowpane::System::cleanupCandidatesOf(reader.readAll().generations),
                                                  kept,
                                                  rule,
                                                  count,
                                                  QDateTime::currentDateTime());
}

QStringList generationLinks(const QString &profile)
{
    const QFileInfo info(profile);
    return QDir(info.absolutePath()).entryList({info.fileName() + u"-*-link"_s}, QDir::AllEntries | QDir::System, QDir::Name);
}

bool sleepingBuildersLeft()
{
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        // The builder's shell ("… /bin/sleep 120; …") or the sleep itself ("/bin/sleep\0" "120").
        const QByteArray commandLine = readFile(u"/proc/%1/cmdline"_s.arg(pid));
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
        WriteConfigJob job({u"configuration.nix"_s}, {u"{ }\n"_s}, u"x"_s);
        QVERIFY(runJob(job, 60s));
        QCOMPARE(job.error(), PrivilegedJob::ErrorKind::HelperMissing);
        QVERIFY(!job.errorMessage().isEmpty());
    }

    void initRepo()
    {
        InitRepoJob job;
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(job.result().value(u"commit"_s).toString().size(), 40);
        QVERIFY(QFileInfo(configDir() + u"/.git"_s).isDir());
        QCOMPARE(gitLog().size(), 1);
        // A second time is refused, and history stays as it is.
        InitRepoJob again;
        QVERIFY(runJob(again));
        QCOMPARE(again.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(again.errorMessage().contains("already"_L1), qPrintable(again.errorMessage()));
        QCOMPARE(gitLog().size(), 1);
    }

    void writeThenSwitch()
    {
        const QString changed = withTimeZone(configText(), u"\"Europe/Lisbon\""_s);
        WriteConfigJob write({u"configuration.nix"_s}, {changed}, u"Move to Lisbon"_s);
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        QCOMPARE(configText(), changed);
        QVERIFY2(gitLog().first().endsWith(" Move to Lisbon"_L1), qPrintable(gitLog().join(QLatin1Char('\n'))));
        QCOMPARE(write.result().value(u"commit"_s).toString(), gitLog().first().section(QLatin1Char(' '), 0, 0));

        RebuildJob rebuild(u"switch"_s);
        QStringList phases;
        connect(&rebuild, &PrivilegedJob::progressChanged, this, [&] {
            if (phases.isEmpty() || phases.last() != rebuild.phase()) {
                phases.append(rebuild.phase());
            }
        });
        QVERIFY(runJob(rebuild));
        VERIFY_SUCCEEDED(rebuild);
        const QVariantMap result = rebuild.result();
        QCOMPARE(result.value(u"generation"_s).toInt(), 1);
        const QString system = result.value(u"storePath"_s).toString();
        QVERIFY2(system.startsWith("/nix/store/"_L1) && system.contains("nixos-system-"_L1), qPrintable(system));
        QCOMPARE(currentGeneration(), 1);
        QCOMPARE(linkTarget(profile()), system);
        QCOMPARE(activations().last(), u"switch "_s + system);
        QCOMPARE(linkTarget(state(u"current-system"_s)), system);
        QCOMPARE(linkTarget(state(u"boot-default"_s)), system);
        // The new system really has the new setting in its /etc.
        QCOMPARE(readFile(system + u"/etc/timezone"_s).trimmed(), QByteArray("Europe/Lisbon"));
        const QVariantList steps = result.value(u"steps"_s).toList();
        QCOMPARE(steps.size(), 3);
        for (const QVariant &step : steps) {
            QCOMPARE(step.toMap().value(u"exitCode"_s).toInt(), 0);
        }
        QVERIFY2(phases.contains(u"activating"_s), qPrintable(phases.join(QLatin1Char(','))));
        QVERIFY2(phases.first() == u"evaluating"_s, qPrintable(phases.join(QLatin1Char(','))));

        // The helper linked the generation to the commit that built it; this
        // user, who owns neither the repository nor the profile, reads both.
        QCOMPARE(QFileInfo(configDir() + u"/.git"_s).ownerId(), 0u);
        const Snowpane::System::GitRepository::OpenResult opened = Snowpane::System::GitRepository::open(configDir());
        QVERIFY2(opened.status == Snowpane::System::GitRepository::OpenResult::Status::Opened, qPrintable(opened.error));
        QVERIFY(opened.ownedByOtherUser);
        const Snowpane::System::GitRepository::LogResult log = opened.repository->log();
        QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
        QCOMPARE(log.commits.first().subject, u"Move to Lisbon"_s);
        QCOMPARE(result.value(u"commit"_s).toString(), log.commits.first().id);
        QVERIFY2(!result.contains(u"noteError"_s), qPrintable(result.value(u"noteError"_s).toString()));
        const Snowpane::System::GenerationReader::Result generations = Snowpane::System::GenerationReader(profile()).readAll();
        QCOMPARE(generations.generations.size(), 1);
        // The demo sets configurationRevision from .git; without it, the helper's note links the two.
        const Snowpane::System::GenerationCommit byRevision = Snowpane::System::commitOfGeneration(*opened.repository, generations.generations.first());
        QCOMPARE(byRevision.via, Snowpane::System::GenerationCommit::Via::ConfigurationRevision);
        QCOMPARE(byRevision.commit, log.commits.first().id);
        Snowpane::System::Generation withoutRevision = generations.generations.first();
        withoutRevision.configurationRevision.clear();
        const Snowpane::System::GenerationCommit byNote = Snowpane::System::commitOfGeneration(*opened.repository, withoutRevision);
        QVERIFY2(byNote.error.isEmpty(), qPrintable(byNote.error));
        QCOMPARE(byNote.via, Snowpane::System::GenerationCommit::Via::Note);
        QCOMPARE(byNote.commit, log.commits.first().id);
    }

    void bootAndTest()
    {
        const QString before = linkTarget(state(u"current-system"_s));
        WriteConfigJob write({u"configuration.nix"_s}, {withTimeZone(configText(), u"\"Europe/Oslo\""_s)}, u"Oslo"_s);
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        RebuildJob boot(u"boot"_s);
        QVERIFY(runJob(boot));
        VERIFY_SUCCEEDED(boot);
        const QString bootSystem = boot.result().value(u"storePath"_s).toString();
        // boot: a new generation and boot default, but the running system stays.
        QCOMPARE(boot.result().value(u"generation"_s).toInt(), 2);
        QCOMPARE(currentGeneration(), 2);
        QCOMPARE(linkTarget(state(u"boot-default"_s)), bootSystem);
        QCOMPARE(linkTarget(state(u"current-system"_s)), before);
        QCOMPARE(activations().last(), u"boot "_s + bootSystem);

        WriteConfigJob again({u"configuration.nix"_s}, {withTimeZone(configText(), u"\"Europe/Rome\""_s)}, u"Rome"_s);
        QVERIFY(runJob(again));
        VERIFY_SUCCEEDED(again);
        RebuildJob test(u"test"_s);
        QVERIFY(runJob(test));
        VERIFY_SUCCEEDED(test);
        const QString testSystem = test.result().value(u"storePath"_s).toString();
        // test: activated now, but the profile and the boot default are left alone.
        QVERIFY(!test.result().contains(u"generation"_s));
        QCOMPARE(currentGeneration(), 2);
        QCOMPARE(linkTarget(profile()), bootSystem);
        QCOMPARE(linkTarget(state(u"current-system"_s)), testSystem);
        QCOMPARE(linkTarget(state(u"boot-default"_s)), bootSystem);
        QCOMPARE(activations().last(), u"test "_s + testSystem);
        QCOMPARE(test.result().value(u"steps"_s).toList().size(), 2);
    }

    void switchGenerationBack()
    {
        const QString first = linkTarget(profile() + u"-1-link"_s);
        QVERIFY(!first.isEmpty());
        SwitchGenerationJob job(1, u"switch"_s);
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(currentGeneration(), 1);
        QCOMPARE(linkTarget(profile()), first);
        QCOMPARE(activations().last(), u"switch "_s + first);
        QCOMPARE(linkTarget(state(u"current-system"_s)), first);

        SwitchGenerationJob missing(99, u"switch"_s);
        QVERIFY(runJob(missing));
        QCOMPARE(missing.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QCOMPARE(currentGeneration(), 1);
        SwitchGenerationJob badMode(2, u"test"_s);
        QVERIFY(runJob(badMode));
        QCOMPARE(badMode.error(), PrivilegedJob::ErrorKind::InvalidRequest);
    }

    void refusesUnparsableAndTraversal()
    {
        const QString before = configText();
        const int commits = gitLog().size();
        WriteConfigJob broken({u"configuration.nix"_s},
                              {u"{ pkgs, ... }:\n{\n  networking.hostName = \"x\"\n  boot.loader.grub.device = \"/dev/sda\";\n}\n"_s},
                              u"broken"_s);
        QVERIFY(runJob(broken));
        QCOMPARE(broken.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QVERIFY2(broken.errorMessage().startsWith("configuration.nix:4:"_L1), qPrintable(broken.errorMessage()));
        WriteConfigJob traversal({u"../escaped.nix"_s}, {u"{ }"_s}, u"escape"_s);
        QVERIFY(runJob(traversal));
        QCOMPARE(traversal.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        QVERIFY(!QFile::exists(work() + u"/escaped.nix"_s));
        QCOMPARE(configText(), before);
        QCOMPARE(gitLog().size(), commits);
    }

    void evaluationErrorHasFileAndLine()
    {
        const QString good = configText();
        QString bad = good;
        bad.replace(QRegularExpression(u"time\\.timeZone = [^;]*;"_s), u"time.timeZone = pkgs.doesNotExist;"_s);
        const int line = bad.left(bad.indexOf("pkgs.doesNotExist"_L1)).count(QLatin1Char('\n')) + 1;
        WriteConfigJob write({u"configuration.nix"_s}, {bad}, u"A mistake"_s);
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        const int generation = currentGeneration();
        RebuildJob rebuild(u"switch"_s);
        QVERIFY(runJob(rebuild));
        QCOMPARE(rebuild.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(rebuild.errorMessage().contains("attribute 'doesNotExist' missing"_L1), qPrintable(describe(rebuild)));
        QCOMPARE(rebuild.errorFile(), configDir() + u"/configuration.nix"_s);
        QCOMPARE(rebuild.errorLine(), line);
        QCOMPARE(rebuild.errorColumn(), 19);
        QCOMPARE(currentGeneration(), generation);
        WriteConfigJob fix({u"configuration.nix"_s}, {good}, u"Undo the mistake"_s);
        QVERIFY(runJob(fix));
        VERIFY_SUCCEEDED(fix);
    }

    void restoreConfig()
    {
        const QStringList log = gitLog();
        // The commit "Move to Lisbon" from writeThenSwitch.
        const auto lisbon = std::find_if(log.cbegin(), log.cend(), [](const QString &line) {
            return line.endsWith(" Move to Lisbon"_L1);
        });
        QVERIFY(lisbon != log.cend());
        RestoreConfigJob job(lisbon->section(QLatin1Char(' '), 0, 0));
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QVERIFY(configText().contains("\"Europe/Lisbon\""_L1));
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
        RebuildJob job(u"dry-activate"_s);
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(activations().size(), lines);
        QCOMPARE(currentGeneration(), generation);
        QVERIFY2(job.result().value(u"recentLines"_s).toStringList().join(QLatin1Char('\n')).contains("would activate"_L1),
                 qPrintable(job.result().value(u"recentLines"_s).toStringList().join(QLatin1Char('\n'))));
    }

    void cancelledBuildChangesNothing()
    {
        const QString good = configText();
        WriteConfigJob write({u"configuration.nix"_s}, {withPackage(good, slowPackage())}, u"A slow package"_s);
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);
        const int generation = currentGeneration();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList before = activations();

        RebuildJob rebuild(u"switch"_s);
        QSignalSpy finished(&rebuild, &PrivilegedJob::finished);
        rebuild.start();
        QTRY_VERIFY_WITH_TIMEOUT(rebuild.activity().contains("snowpane-e2e-slow"_L1), 120000);
        QCOMPARE(rebuild.phase(), u"building"_s);
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

        WriteConfigJob undo({u"configuration.nix"_s}, {good}, u"Without the slow package"_s);
        QVERIFY(runJob(undo));
        VERIFY_SUCCEEDED(undo);
    }

    void concurrentRequestIsBusy()
    {
        const QString good = configText();
        WriteConfigJob write({u"configuration.nix"_s}, {withPackage(good, slowPackage())}, u"Another slow package"_s);
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);

        RebuildJob first(u"build"_s);
        QSignalSpy firstFinished(&first, &PrivilegedJob::finished);
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(first.activity().contains("snowpane-e2e-slow"_L1), 120000);

        // The same action, whose reply KAuth would hand to both clients, and another action.
        RebuildJob sameAction(u"dry-build"_s);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(runJob(sameAction, 30s));
        QCOMPARE(sameAction.error(), PrivilegedJob::ErrorKind::Busy);
        qInfo() << "busy reported in" << timer.elapsed() << "ms";
        const QString during = configText();
        WriteConfigJob otherAction({u"configuration.nix"_s}, {good}, u"While busy"_s);
        QVERIFY(runJob(otherAction, 30s));
        QCOMPARE(otherAction.error(), PrivilegedJob::ErrorKind::Busy);
        QCOMPARE(configText(), during);
        QCOMPARE(first.state(), PrivilegedJob::State::Running);

        first.cancel();
        QVERIFY(firstFinished.wait(30000));
        QCOMPARE(first.error(), PrivilegedJob::ErrorKind::Cancelled);

        WriteConfigJob undo({u"configuration.nix"_s}, {good}, u"Without the slow package again"_s);
        QVERIFY(runJob(undo));
        VERIFY_SUCCEEDED(undo);
    }

    // A stop sent while the helper is idle, through KAuth or the helper's own
    // method, naming the very request that comes next, stops nothing.
    void idleStopIsIgnored()
    {
        const QString good = configText();
        WriteConfigJob write({u"configuration.nix"_s}, {withPackage(good, slowPackage(3))}, u"A package of three seconds"_s);
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);

        RebuildJob rebuild(u"build"_s);
        QVERIFY(callKAuthStop(QLatin1String(Snowpane::Protocol::Action::Rebuild)));
        const QString verdict = callCancel(rebuild.requestId());
        QVERIFY2(verdict == "refused"_L1 || verdict == "error: org.freedesktop.DBus.Error.UnknownObject"_L1, qPrintable(verdict));
        QVERIFY(runJob(rebuild));
        VERIFY_SUCCEEDED(rebuild);
        QVERIFY(rebuild.result().value(u"storePath"_s).toString().contains("nixos-system-"_L1));

        WriteConfigJob undo({u"configuration.nix"_s}, {good}, u"Without the package of three seconds"_s);
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
        WriteConfigJob write({u"configuration.nix"_s}, {withPackage(good, slowPackage(20))}, u"A package of twenty seconds"_s);
        QVERIFY(runJob(write));
        VERIFY_SUCCEEDED(write);

        RebuildJob rebuild(u"build"_s);
        QSignalSpy finished(&rebuild, &PrivilegedJob::finished);
        rebuild.start();
        QTRY_VERIFY_WITH_TIMEOUT(rebuild.activity().contains("snowpane-e2e-slow"_L1), 120000);

        // The same user, naming another request, or through KAuth's stop: ignored.
        QCOMPARE(callCancel(QUuid::createUuid().toString(QUuid::WithoutBraces)), u"refused"_s);
        QVERIFY(callKAuthStop(QLatin1String(Snowpane::Protocol::Action::Rebuild)));

        // Another user, naming this very request (it is in every progress signal): refused.
        QFile target(cancelTargetFile());
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.write(rebuild.requestId().toUtf8());
        target.close();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(foreignVerdictFile()), 60000);
        QCOMPARE(QString::fromUtf8(readFile(foreignVerdictFile())), u"refused"_s);
        // The build was still running when the others asked, so a stop would have ended it.
        QCOMPARE(rebuild.state(), PrivilegedJob::State::Running);
        QCOMPARE(finished.size(), 0);

        QVERIFY(finished.wait(120000));
        VERIFY_SUCCEEDED(rebuild);
        QVERIFY(!rebuild.result().value(u"storePath"_s).toString().isEmpty());

        WriteConfigJob undo({u"configuration.nix"_s}, {good}, u"Without the package of twenty seconds"_s);
        QVERIFY(runJob(undo));
        VERIFY_SUCCEEDED(undo);
    }

    // Run by another user while cancelOnlyByItsCaller builds: it tries to stop that build.
    void foreignCancel()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(cancelTargetFile()).size() > 0, 140000);
        const QString request = QString::fromUtf8(readFile(cancelTargetFile())).trimmed();
        const QString verdict = callCancel(request);
        QVERIFY(callKAuthStop(QLatin1String(Snowpane::Protocol::Action::Rebuild)));
        QFile file(foreignVerdictFile() + u".part"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(verdict.toUtf8());
        file.close();
        QVERIFY(QFile::rename(file.fileName(), foreignVerdictFile()));
        QCOMPARE(verdict, u"refused"_s);
    }

    void deleteGenerations()
    {
        using Snowpane::System::CleanupRule;
        const QString booted = work() + u"/home/booted-system"_s;
        const QString running = state(u"current-system"_s); // CurrentSystem in helper.conf
        const auto preview = [&] {
            return windowPreview(profile(), booted, running, CleanupRule::KeepLast, 1);
        };
        // Generations 1 and 2 exist, 1 runs (switchGenerationBack). Make 2 current and pretend 1 is the booted system.
        SwitchGenerationJob toTwo(2, u"boot"_s);
        QVERIFY(runJob(toTwo));
        VERIFY_SUCCEEDED(toTwo);
        QCOMPARE(currentGeneration(), 2);
        QCOMPARE(linkTarget(running), linkTarget(profile() + u"-1-link"_s));
        QFile::remove(booted);
        QVERIFY(QFile::link(linkTarget(profile() + u"-1-link"_s), booted));
        // Keeping one lists nothing, and the helper will not delete the booted generation even when asked to.
        QCOMPARE(preview(), QList<int>());
        DeleteGenerationsJob keepBooted(DeleteGenerationsJob::Rule::KeepLast, 1, {1});
        QVERIFY(runJob(keepBooted));
        QCOMPARE(keepBooted.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(keepBooted.errorMessage().contains("generation 1 is the system the machine booted"_L1), qPrintable(describe(keepBooted)));
        QVERIFY(QFileInfo(profile() + u"-1-link"_s).isSymLink());

        // Booted elsewhere, generation 1 still runs: kept all the same.
        QVERIFY(QFile::remove(booted));
        QCOMPARE(preview(), QList<int>());
        DeleteGenerationsJob keepRunning(DeleteGenerationsJob::Rule::KeepLast, 1, {1});
        QVERIFY(runJob(keepRunning));
        QCOMPARE(keepRunning.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(keepRunning.errorMessage().contains("generation 1 is the running system"_L1), qPrintable(describe(keepRunning)));
        QVERIFY(QFileInfo(profile() + u"-1-link"_s).isSymLink());

        // Once 2 runs, generation 1 goes, exactly as listed; the current one never does.
        SwitchGenerationJob runTwo(2, u"switch"_s);
        QVERIFY(runJob(runTwo));
        VERIFY_SUCCEEDED(runTwo);
        QCOMPARE(preview(), QList<int>{1});
        DeleteGenerationsJob job(DeleteGenerationsJob::Rule::KeepLast, 1, preview());
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(job.result().value(u"deleted"_s).toList(), QVariantList{1});
        QVERIFY(!QFileInfo(profile() + u"-1-link"_s).exists());
        QVERIFY(QFileInfo(profile() + u"-2-link"_s).isSymLink());
        QCOMPARE(currentGeneration(), 2);

        DeleteGenerationsJob invalid(DeleteGenerationsJob::Rule::KeepLast, 0, {2});
        QVERIFY(runJob(invalid));
        QCOMPARE(invalid.error(), PrivilegedJob::ErrorKind::InvalidRequest);
        DeleteGenerationsJob current(DeleteGenerationsJob::Rule::KeepLast, 1, {2});
        QVERIFY(runJob(current));
        QCOMPARE(current.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY(QFileInfo(profile() + u"-2-link"_s).isSymLink());
    }

    // run-e2e made $work/aged/profiles/system with nix-env: generations 1, 2 and 3 (current), whose links it
    // dated 40, 20 and 1 days ago with touch -h; the store paths behind them all carry 1970. "Older than 30 days"
    // deletes exactly generation 1, and the window's preview lists exactly that.
    void deleteOlderThanOnRealGenerations()
    {
        using Snowpane::System::CleanupRule;
        const QString aged = work() + u"/aged/profiles/system"_s;
        const QString booted = work() + u"/home/booted-system"_s;
        const QString running = work() + u"/home/running-system"_s; // CurrentSystem in helper.conf for this scenario
        QFile::remove(booted);
        QFile::remove(running);
        const QStringList all{u"system-1-link"_s, u"system-2-link"_s, u"system-3-link"_s};
        QCOMPARE(generationLinks(aged), all);
        QCOMPARE(QFileInfo(aged).symLinkTarget(), QFileInfo(aged + u"-3-link"_s).absoluteFilePath());
        // The trap: through the link, every generation looks 56 years old.
        QCOMPARE(QFileInfo(aged + u"-2-link"_s).lastModified().toSecsSinceEpoch(), 1);
        const auto preview = [&] {
            return windowPreview(aged, booted, running, CleanupRule::OlderThanDays, 30);
        };
        QCOMPARE(preview(), QList<int>{1});

        // Asked for one more than the rule selects, the helper deletes nothing and names it.
        DeleteGenerationsJob tooMany(DeleteGenerationsJob::Rule::OlderThanDays, 30, {1, 2});
        QVERIFY(runJob(tooMany));
        QCOMPARE(tooMany.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(tooMany.errorMessage().contains("generation 2 is not older than 30 days"_L1), qPrintable(describe(tooMany)));
        QCOMPARE(generationLinks(aged), all);

        // A running system is never deleted, however old its generation.
        QVERIFY(QFile::link(linkTarget(aged + u"-1-link"_s), running));
        QCOMPARE(preview(), QList<int>());
        DeleteGenerationsJob runningOne(DeleteGenerationsJob::Rule::OlderThanDays, 30, {1});
        QVERIFY(runJob(runningOne));
        QCOMPARE(runningOne.error(), PrivilegedJob::ErrorKind::Failed);
        QVERIFY2(runningOne.errorMessage().contains("generation 1 is the running system"_L1), qPrintable(describe(runningOne)));
        QCOMPARE(generationLinks(aged), all);
        QVERIFY(QFile::remove(running));

        // What the window lists is what goes.
        const QList<int> shown = preview();
        QCOMPARE(shown, QList<int>{1});
        DeleteGenerationsJob job(DeleteGenerationsJob::Rule::OlderThanDays, 30, shown);
        QVERIFY(runJob(job));
        VERIFY_SUCCEEDED(job);
        QCOMPARE(job.result().value(u"deleted"_s).toList(), QVariantList{1});
        QCOMPARE(generationLinks(aged), (QStringList{u"system-2-link"_s, u"system-3-link"_s}));
        QCOMPARE(preview(), QList<int>());
    }

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

    void deniedChangesNothing()
    {
        const QString text = configText();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList before = activations();
        const QStringList log = gitLog();

        WriteConfigJob write({u"configuration.nix"_s}, {withTimeZone(text, u"\"Asia/Tokyo\""_s)}, u"Denied"_s);
        QVERIFY(runJob(write));
        QCOMPARE(write.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        RebuildJob rebuild(u"switch"_s);
        QVERIFY(runJob(rebuild));
        QCOMPARE(rebuild.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        SwitchGenerationJob rollback(1, u"boot"_s);
        QVERIFY(runJob(rollback));
        QCOMPARE(rollback.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        const QString channels = work() + u"/channels/profiles/per-user/root/channels"_s;
        const QString channelsTarget = QFile::symLinkTarget(channels);
        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        QCOMPARE(update.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        RollBackChannelsJob rollBackChannels(2, 1);
        QVERIFY(runJob(rollBackChannels));
        QCOMPARE(rollBackChannels.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        QCOMPARE(QFile::symLinkTarget(channels), channelsTarget);
        RestoreConfigJob restoreLock(QString(40, QLatin1Char('a')), {u"flake.lock"_s});
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
        struct Defaults {
            QString any, inactive, active;
            bool operator==(const Defaults &) const = default;
        };
        const QString keep = u"auth_admin_keep"_s, admin = u"auth_admin"_s, no = u"no"_s;
        // Changes are asked for once per session; what deletes for good (generations, a channels generation) every time.
        const QMap<QString, Defaults> expected{
            {QLatin1String(Snowpane::Protocol::Action::WriteConfig), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::Rebuild), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::SwitchGeneration), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::InitRepo), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::RestoreConfig), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::UpdateSources), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::RollBackChannels), {no, no, admin}},
            {QLatin1String(Snowpane::Protocol::Action::DeleteGenerations), {no, no, admin}},
        };
        QFile policy(u"/usr/share/polkit-1/actions/io.github.snowpane.policy"_s);
        QVERIFY2(policy.open(QIODevice::ReadOnly), "run-e2e installs the built policy there");
        QMap<QString, Defaults> found;
        QXmlStreamReader xml(&policy);
        QString id;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) {
                continue;
            }
            if (xml.name() == "action"_L1) {
                id = xml.attributes().value("id"_L1).toString();
                // polkit's own value for a default the file leaves out
                found.insert(id, {no, no, no});
            } else if (xml.name() == "allow_any"_L1) {
                found[id].any = xml.readElementText().trimmed();
            } else if (xml.name() == "allow_inactive"_L1) {
                found[id].inactive = xml.readElementText().trimmed();
            } else if (xml.name() == "allow_active"_L1) {
                found[id].active = xml.readElementText().trimmed();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(found.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const Defaults actual = found.value(it.key());
            QVERIFY2(actual == it.value(),
                     qPrintable(u"%1: allow_any %2, allow_inactive %3, allow_active %4"_s.arg(it.key(), actual.any, actual.inactive, actual.active)));
        }

        // Without a rule or an agent, each action is refused before the helper does anything.
        const QString text = configText();
        const QStringList log = gitLog();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList links = generationLinks(profile());
        const QStringList before = activations();
        const QString channels = work() + u"/channels/profiles/per-user/root/channels"_s;
        const QString channelsTarget = QFile::symLinkTarget(channels);
        const QStringList channelLinks = generationLinks(channels);
        QVERIFY(!log.isEmpty());
        const QString firstCommit = log.last().section(QLatin1Char(' '), 0, 0);

        std::vector<std::unique_ptr<PrivilegedJob>> jobs;
        jobs.push_back(std::make_unique<WriteConfigJob>(QStringList{u"configuration.nix"_s}, QStringList{u"{ }\n"_s}, u"x"_s));
        jobs.push_back(std::make_unique<RebuildJob>(u"switch"_s));
        jobs.push_back(std::make_unique<SwitchGenerationJob>(currentGeneration(), u"boot"_s));
        jobs.push_back(std::make_unique<InitRepoJob>());
        jobs.push_back(std::make_unique<RestoreConfigJob>(firstCommit)); // the whole tree
        jobs.push_back(std::make_unique<DeleteGenerationsJob>(DeleteGenerationsJob::Rule::KeepLast, 1, QList<int>{currentGeneration()}));
        jobs.push_back(std::make_unique<UpdateSourcesJob>());
        jobs.push_back(std::make_unique<RollBackChannelsJob>(2, 1));
        QSet<QString> tried;
        for (const auto &job : jobs) {
            QVERIFY(runJob(*job));
            QVERIFY2(job->error() == PrivilegedJob::ErrorKind::NotAuthorised, qPrintable(job->actionName() + u": "_s + describe(*job)));
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
