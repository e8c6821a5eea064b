// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Cancelling: only the caller stops its own request, and a stopped build leaves nothing behind.

#include "e2eclient.h"
#include "e2escenarios.h"

#include "helperprotocol.h"
#include "privilegedjobs.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

using namespace EndToEnd;
using namespace Snowpane::Privileged;
using namespace std::chrono_literals;

namespace
{

class CancelScenarios : public Scenarios
{
    Q_OBJECT

private Q_SLOTS:
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
};

}

std::unique_ptr<QObject> EndToEnd::makeCancelScenarios()
{
    return std::make_unique<CancelScenarios>();
}

#include "cancelscenarios.moc"
