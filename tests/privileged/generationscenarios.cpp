// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Deleting old generations: exactly what the window previewed, never the current, booted or running one.

#include "e2eclient.h"
#include "e2escenarios.h"

#include "generationcleanup.h"
#include "generationlink.h"
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

class GenerationScenarios : public Scenarios
{
    Q_OBJECT

private Q_SLOTS:
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
};

}

std::unique_ptr<QObject> EndToEnd::makeGenerationScenarios()
{
    return std::make_unique<GenerationScenarios>();
}

#include "generationscenarios.moc"
