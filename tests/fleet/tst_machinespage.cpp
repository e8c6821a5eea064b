// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The window's Machines page against real second machines: run-fleet starts
// them, and this drives the page's controller (MachinesController, the
// `Machines` singleton) as the page does: it reads the fleet flake's hosts,
// probes each machine over SSH, deploys two together with one progress row
// each, and says what is wrong with a machine in words.

#include "Machines/machinescontroller.h"
#include "snowpanesettings.h"
#include "targetsettings.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(io_github_snowpanePlugin)

namespace
{

QString env(const char *name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty()) {
        qFatal("%s is not set: run this through tests/fleet/run-fleet (ctest -R fleet)", name);
    }
    return value;
}

QString machineDir(const QString &machine)
{
    return env("SNOWPANE_FLEET_WORK") + u"/machines/"_s + machine;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void setTargetSetting(const QString &host, const QString &target)
{
    QSettings settings(Snowpane::Remote::targetSettingsPath(), QSettings::IniFormat);
    settings.beginGroup(u"Targets"_s);
    settings.setValue(host, target);
    settings.sync();
}

constexpr int probeTimeoutMs = 120 * 1000;
constexpr int deployTimeoutMs = 10 * 60 * 1000;

} // namespace

class MachinesPageTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;
    MachinesController *m_machines = nullptr;

    void refreshAndWait()
    {
        m_machines->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isBusy(), probeTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(Snowpane::Remote::targetSettingsPath());
        SnowpaneSettings::instance(KSharedConfig::openConfig(m_settings.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        SnowpaneSettings::self()->setConfigurationDirectory(env("SNOWPANE_FLEET_FLAKE"));
        // The window's own instance: the page in the screenshot shows what this test did.
        m_machines = MachinesController::self();
        // No machine here may take the test past its own rollback window.
        m_machines->setRollbackSeconds(30);
    }

    // Every host of the flake, its target from what the flake says, and a real probe of each machine.
    void probesEveryHost()
    {
        QCOMPARE(m_machines->flake(), env("SNOWPANE_FLEET_FLAKE"));
        refreshAndWait();
        QVERIFY2(m_machines->loadError().isEmpty(), qPrintable(m_machines->loadError()));
        MachineListModel *list = m_machines->list();
        QCOMPARE(list->hosts(), (QStringList{u"alpha"_s, u"beta"_s, u"gamma"_s}));
        QCOMPARE(list->machine(u"alpha"_s).targetSource, u"deploy-rs"_s);
        QCOMPARE(list->machine(u"beta"_s).target, u"ssh://root@127.0.0.3:2222"_s);
        QCOMPARE(list->machine(u"gamma"_s).target, u"ssh://gamma"_s);
        for (const QString &host : list->hosts()) {
            const MachineStatus status = list->machine(host);
            QVERIFY2(status.probed && status.reachable, qPrintable(host + u": "_s + status.detail));
            QCOMPARE(status.problem, MachineProblem::None);
            QCOMPARE(status.stateText, u"Reachable"_s);
            // A new machine: no generation yet, never deployed from here.
            QCOMPARE(status.generation, 0);
            QCOMPARE(status.lastDeployedText, u"Never deployed from here"_s);
        }
    }

    // Two hosts selected, deployed together: one progress row each, bytes copied, a log, and the new state probed.
    void deploysTwoHostsTogether()
    {
        QSignalSpy started(m_machines, &MachinesController::operationStarted);
        m_machines->deploy({u"alpha"_s, u"beta"_s}, u"switch"_s);
        QCOMPARE(started.size(), 1);
        QVERIFY(m_machines->isRunning());
        QCOMPARE(m_machines->progress()->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isRunning(), deployTimeoutMs);
        QVERIFY2(m_machines->operationSucceeded(), qPrintable(m_machines->operationSummary()));
        QCOMPARE(m_machines->operationSummary(), u"Every host succeeded: %1."_s.arg(QLocale().createSeparatedList({u"alpha"_s, u"beta"_s})));
        for (const QString &host : {u"alpha"_s, u"beta"_s}) {
            const MachineProgress row = m_machines->progress()->row(host);
            QVERIFY(row.finished);
            QVERIFY2(row.succeeded, qPrintable(row.resultText + u" / "_s + row.detail));
            QCOMPARE(row.resultText, u"Deployed: %1 runs generation 1"_s.arg(host));
            QCOMPARE(row.stepText, u"Finished"_s);
            QVERIFY2(row.pathsCopied > 0, qPrintable(m_machines->progress()->logOf(host)));
            // Sizes are looked up as the copy goes; the last answer may come after the end.
            QTRY_VERIFY_WITH_TIMEOUT(m_machines->progress()->row(host).bytesCopied > 0, 60000);
            QVERIFY(m_machines->progress()->logOf(host).contains(u"copying path"_s));
        }
        // The machines are probed again after the deployment.
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isBusy(), probeTimeoutMs);
        for (const QString &host : {u"alpha"_s, u"beta"_s}) {
            const MachineStatus status = m_machines->list()->machine(host);
            QCOMPARE(status.generation, 1);
            const QString running = QFileInfo(machineDir(host) + u"/state/current-system"_s).symLinkTarget();
            QCOMPARE(status.nixosVersion, readText(running + u"/nixos-version"_s).trimmed());
            QVERIFY(!status.nixosVersion.isEmpty());
            QCOMPARE(status.systemText, u"Generation 1, NixOS %1"_s.arg(status.nixosVersion));
            QVERIFY(status.lastDeployed.isValid());
            QVERIFY(status.lastDeployedText.startsWith(u"Deployed "_s));
            QVERIFY(!status.rebootPending);
        }
        // gamma was not selected: nothing reached it.
        QVERIFY(!QFileInfo::exists(machineDir(u"gamma"_s) + u"/state/activations.log"_s));
        QCOMPARE(m_machines->list()->machine(u"gamma"_s).generation, 0);
    }

    // A machine seen for the first time: its fingerprint is shown, and only acceptHostKey (the person's yes) stores it.
    void unknownHostKeyIsAcceptedOnlyByThePerson()
    {
        setTargetSetting(u"gamma"_s, u"fresh-gamma"_s);
        refreshAndWait();
        MachineStatus gamma = m_machines->list()->machine(u"gamma"_s);
        QCOMPARE(gamma.target, u"ssh://fresh-gamma"_s);
        QCOMPARE(gamma.problem, MachineProblem::HostKeyUnknown);
        QCOMPARE(gamma.stateText, u"Unknown host key"_s);
        const QString fingerprint = readText(machineDir(u"gamma"_s) + u"/fingerprint"_s).trimmed();
        QVERIFY2(gamma.hostKeyFingerprints.contains(fingerprint), qPrintable(gamma.hostKeyFingerprints));
        QCOMPARE(readText(env("SNOWPANE_FLEET_WORK") + u"/home/.ssh/known_hosts_fresh"_s), QString());

        // Each key scan costs connections that sshd's PerSourcePenalties count: one probe and one acceptance only.
        m_machines->acceptHostKey(u"gamma"_s, gamma.hostKeyFingerprints);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isBusy(), probeTimeoutMs);
        gamma = m_machines->list()->machine(u"gamma"_s);
        QVERIFY2(gamma.reachable && gamma.problem == MachineProblem::None, qPrintable(gamma.detail));
        const QString key = readText(machineDir(u"gamma"_s) + u"/ssh_host_ed25519_key.pub"_s).section(u' ', 1, 1);
        QVERIFY(readText(env("SNOWPANE_FLEET_WORK") + u"/home/.ssh/known_hosts_fresh"_s).contains(key));
    }

    void problemsInWords_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<MachineProblem::Kind>("problem");
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<bool>("reachable");
        QTest::newRow("unreachable") << u"unreachable"_s << MachineProblem::Unreachable << u"gamma is unreachable: the connection was refused or timed out."_s
                                     << false;
        QTest::newRow("host key changed") << u"changed-beta"_s << MachineProblem::HostKeyChanged << u"The host key of gamma has changed since it was stored."_s
                                          << false;
        QTest::newRow("authentication refused") << u"stranger-alpha"_s << MachineProblem::AuthenticationRefused
                                                << u"gamma refused the authentication: your SSH key (or sudo) was not accepted."_s << false;
        QTest::newRow("no Nix") << u"ssh://root@127.0.0.5:2222"_s << MachineProblem::NoNix << u"gamma has no Nix: Snowpane deploys only to machines with Nix."_s
                                << true;
    }

    void problemsInWords()
    {
        QFETCH(QString, target);
        QFETCH(MachineProblem::Kind, problem);
        QFETCH(QString, sentence);
        QFETCH(bool, reachable);
        setTargetSetting(u"gamma"_s, target);
        refreshAndWait();
        const MachineStatus gamma = m_machines->list()->machine(u"gamma"_s);
        QCOMPARE(gamma.problem, problem);
        QVERIFY2(gamma.problemText.startsWith(sentence), qPrintable(gamma.problemText));
        QCOMPARE(gamma.reachable, reachable);
        QVERIFY(!gamma.detail.isEmpty());
        // The other machines are still fine.
        QCOMPARE(m_machines->list()->machine(u"alpha"_s).problem, MachineProblem::None);
    }

    // The whole window on the Machines page after all of the above, as a person sees it.
    void screenshot()
    {
        setTargetSetting(u"gamma"_s, u"unreachable"_s);
        m_machines->list()->setSelected(u"alpha"_s, true);
        m_machines->list()->setSelected(u"beta"_s, true);
        QQmlApplicationEngine engine;
        engine.loadFromModule("io.github.snowpane", "Main");
        QVERIFY(!engine.rootObjects().isEmpty());
        // The page binds to the same controller this test drove.
        QCOMPARE(engine.singletonInstance<MachinesController *>("io.github.snowpane", "Machines"), m_machines);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        window->resize(1200, 760);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        bool shown = false;
        QVERIFY(QMetaObject::invokeMethod(window, "showPage", Q_RETURN_ARG(bool, shown), Q_ARG(QString, u"machines"_s)));
        QVERIFY(shown);
        // The page probes again when it opens.
        m_machines->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isBusy(), probeTimeoutMs);
        QCOMPARE(m_machines->list()->machine(u"gamma"_s).problem, MachineProblem::Unreachable);
        QCOMPARE(m_machines->list()->machine(u"alpha"_s).generation, 1);
        QCOMPARE(m_machines->list()->selectedHosts(), (QStringList{u"alpha"_s, u"beta"_s}));
        QTest::qWait(500);
        const QString directory = env("SNOWPANE_FLEET_WORK") + u"/home/screenshots"_s;
        QVERIFY(QDir().mkpath(directory));
        QVERIFY(window->grabWindow().save(directory + u"/machines.png"_s));
        qInfo("saved %s/machines.png", qPrintable(directory));
    }

    void cleanupTestCase()
    {
        QFile::remove(Snowpane::Remote::targetSettingsPath());
    }
};

int main(int argc, char **argv)
{
    // run-fleet clears the environment: no display here.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QApplication app(argc, argv);
    QIcon::setThemeName(u"breeze"_s);
    QQuickStyle::setStyle(u"org.kde.desktop"_s);
    MachinesPageTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_machinespage.moc"
