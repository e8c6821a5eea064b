// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Writing, building and switching: the main path, and what a build error and a bad path say.

#include "e2eclient.h"
#include "e2escenarios.h"

#include "generationlink.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "privilegedjobs.h"

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

class BuildScenarios : public Scenarios
{
    Q_OBJECT

private Q_SLOTS:
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
};

}

std::unique_ptr<QObject> EndToEnd::makeBuildScenarios()
{
    return std::make_unique<BuildScenarios>();
}

#include "buildscenarios.moc"
