// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The window's Machines page against real second machines: run-fleet starts
// them, and this drives the page's controller (MachinesController, the
// `Machines` singleton) as the page does: it reads the fleet flake's hosts,
// probes each machine over SSH, deploys two together with one progress row
// each (bytes copied from Nix's NAR sizes), builds a host without touching
// any machine, rolls a machine back with magic rollback, lists and compares
// its generations, and says what is wrong with a machine in words. What each
// action did is checked on the machine itself.

#include "Machines/machinescontroller.h"
#include "fleetenvironment.h"
#include "snowpanesettings.h"
#include "targetsettings.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(io_github_snowpanePlugin)

namespace
{

QString env(const char *name)
{
    return fleetEnvironment(name);
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

QStringList activations(const QString &machine)
{
    return readText(machineDir(machine) + u"/state/activations.log"_s).split(u'\n', Qt::SkipEmptyParts);
}

/// The machine's system profile link (`system-N-link`), empty when it has none.
QString profileLink(const QString &machine)
{
    return QFileInfo(machineDir(machine) + u"/nix/var/nix/profiles/system"_s).symLinkTarget().section(u'/', -1);
}

/// The store path generation @p number of the machine's profile points to.
QString generationSystem(const QString &machine, int number)
{
    return QFileInfo(machineDir(machine) + u"/nix/var/nix/profiles/system-%1-link"_s.arg(number)).symLinkTarget();
}

/// The system the machine runs, by its stand-in state.
QString runningSystem(const QString &machine)
{
    return QFileInfo(machineDir(machine) + u"/state/current-system"_s).symLinkTarget();
}

bool inStore(const QString &machine, const QString &storePath)
{
    return QFileInfo::exists(machineDir(machine) + u"/nix/store/"_s + storePath.section(u'/', -1));
}

struct Ran {
    int exitCode = -1;
    QString out;
    QString err;
};

Ran run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(5 * 60 * 1000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

/// Runs @p command on @p machine (127.0.0.x:2222) as root, with the deployer's own ssh configuration.
Ran onMachine(const QString &machine, const QString &command)
{
    return run(
        u"ssh"_s,
        {u"-o"_s, u"BatchMode=yes"_s, u"-p"_s, u"2222"_s, u"-l"_s, u"root"_s, u"--"_s, readText(machineDir(machine) + u"/address"_s).trimmed(), command});
}

/// The toplevel of @p host in the fleet flake, as Nix evaluates it.
QString toplevelOf(const QString &host)
{
    const Ran evaluated =
        run(u"nix"_s, {u"eval"_s, u"--raw"_s, env("SNOWPANE_FLEET_FLAKE") + u"#nixosConfigurations.%1.config.system.build.toplevel.outPath"_s.arg(host)});
    if (evaluated.exitCode != 0) {
        qWarning("nix eval of %s failed: %s", qPrintable(host), qPrintable(evaluated.err));
        return {};
    }
    return evaluated.out.trimmed();
}

/// The NAR size of each path of @p storePath's closure, as `nix path-info` reports it.
QHash<QString, qint64> closureSizes(const QString &storePath)
{
    const Ran info = run(u"nix"_s, {u"path-info"_s, u"--json"_s, u"--recursive"_s, storePath});
    QHash<QString, qint64> sizes;
    const QJsonObject paths = QJsonDocument::fromJson(info.out.toUtf8()).object();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        sizes.insert(it.key(), it.value().toObject().value(u"narSize"_s).toInteger(-1));
    }
    if (info.exitCode != 0 || sizes.isEmpty()) {
        qWarning("nix path-info of %s failed: %s", qPrintable(storePath), qPrintable(info.err));
    }
    return sizes;
}

qint64 totalOf(const QHash<QString, qint64> &sizes)
{
    qint64 total = 0;
    for (const qint64 size : sizes) {
        total += size;
    }
    return total;
}

/// The connections each machine's sshd logged: logins, and those that ended before one (key scans).
/// Not every line: an earlier connection may still log its end.
QHash<QString, QStringList> sshdConnections()
{
    QHash<QString, QStringList> connections;
    for (const QString &machine : {u"alpha"_s, u"beta"_s, u"gamma"_s}) {
        for (const QString &line : readText(machineDir(machine) + u"/sshd.log"_s).split(u'\n')) {
            if (line.startsWith(u"Accepted "_s) || line.contains(u"[preauth]"_s) || line.startsWith(u"Connection from"_s)) {
                connections[machine].append(line);
            }
        }
    }
    return connections;
}

/// Whether a visible text item under @p item says exactly @p text.
bool shownText(QQuickItem *item, const QString &text)
{
    if (!item || !item->isVisible()) {
        return false;
    }
    if (item->inherits("QQuickText") && item->property("text").toString() == text) {
        return true;
    }
    const QList<QQuickItem *> children = item->childItems();
    return std::ranges::any_of(children, [&text](QQuickItem *child) {
        return shownText(child, text);
    });
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
            // The machine's store was empty: the system's whole closure was copied. The figure is
            // final when the operation ends, and it is the NAR sizes Nix has for those paths.
            const QHash<QString, qint64> closure = closureSizes(runningSystem(host));
            QVERIFY(!closure.isEmpty());
            QVERIFY2(row.pathsCopied > 0, qPrintable(m_machines->progress()->logOf(host)));
            QCOMPARE(row.pathsCopied, int(closure.size()));
            QCOMPARE(row.bytesCopied, totalOf(closure));
            QCOMPARE(row.copiedText, u"%1, store paths: %2"_s.arg(QLocale().formattedDataSize(totalOf(closure))).arg(closure.size()));
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

    // Build: the host's system is built here, and no machine hears of it.
    void buildChangesNoMachine()
    {
        const QHash<QString, QStringList> connectionsBefore = sshdConnections();
        const QStringList gammaActivations = activations(u"gamma"_s);
        const QString expected = toplevelOf(u"gamma"_s);
        QVERIFY(expected.startsWith(u"/nix/store/"_s));

        QSignalSpy started(m_machines, &MachinesController::operationStarted);
        m_machines->build({u"gamma"_s});
        QCOMPARE(started.size(), 1);
        QCOMPARE(m_machines->progress()->hosts(), QStringList{u"gamma"_s});
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isRunning(), deployTimeoutMs);
        QVERIFY2(m_machines->operationSucceeded(), qPrintable(m_machines->operationSummary()));
        const MachineProgress row = m_machines->progress()->row(u"gamma"_s);
        QVERIFY2(row.finished && row.succeeded, qPrintable(row.resultText + u" / "_s + row.detail));
        QCOMPARE(row.resultText, u"Built "_s + expected);
        QCOMPARE(row.pathsCopied, 0);
        // Built here, for real: a NixOS system in this machine's store.
        QVERIFY(QFileInfo(expected + u"/bin/switch-to-configuration"_s).isExecutable());

        // Nothing reached a machine: not a connection, not a store path, not an activation.
        QCOMPARE(sshdConnections(), connectionsBefore);
        QVERIFY(!inStore(u"gamma"_s, expected));
        QCOMPARE(profileLink(u"gamma"_s), QString());
        QCOMPARE(activations(u"gamma"_s), gammaActivations);
        QCOMPARE(m_machines->list()->machine(u"gamma"_s).generation, 0);
    }

    // Roll back: after a second deployment, the machine's previous generation is current again, confirmed by magic rollback.
    void rollBackReturnsToThePreviousGeneration()
    {
        const QString firstSystem = runningSystem(u"alpha"_s);
        QCOMPARE(generationSystem(u"alpha"_s, 1), firstSystem);

        // The person adds a package to alpha and deploys it: generation 2.
        const QString alphaFile = env("SNOWPANE_FLEET_FLAKE") + u"/alpha.nix"_s;
        const QString original = readText(alphaFile);
        QVERIFY(original.contains(u"[ git ]"_s));
        {
            QFile file(alphaFile);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QString(original).replace(u"[ git ]"_s, u"[ git curl ]"_s).toUtf8());
        }
        m_machines->deploy({u"alpha"_s}, u"switch"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isRunning(), deployTimeoutMs);
        QVERIFY2(m_machines->operationSucceeded(), qPrintable(m_machines->operationSummary() + u" / "_s + m_machines->progress()->row(u"alpha"_s).detail));
        const MachineProgress deployed = m_machines->progress()->row(u"alpha"_s);
        QCOMPARE(deployed.resultText, u"Deployed: alpha runs generation 2"_s);
        QVERIFY(deployed.rollbackConfirmed);
        const QString secondSystem = runningSystem(u"alpha"_s);
        QVERIFY(secondSystem != firstSystem);
        // Only what the machine did not have yet was copied: the new closure's paths that the first one lacks.
        const QHash<QString, qint64> firstClosure = closureSizes(firstSystem);
        QHash<QString, qint64> added = closureSizes(secondSystem);
        QVERIFY(!firstClosure.isEmpty() && !added.isEmpty());
        for (auto it = firstClosure.begin(); it != firstClosure.end(); ++it) {
            added.remove(it.key());
        }
        QVERIFY(!added.isEmpty());
        QCOMPARE(deployed.pathsCopied, int(added.size()));
        QCOMPARE(deployed.bytesCopied, totalOf(added));
        QCOMPARE(profileLink(u"alpha"_s), u"system-2-link"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isBusy(), probeTimeoutMs);
        QCOMPARE(m_machines->list()->machine(u"alpha"_s).generation, 2);
        const int activationsBefore = int(activations(u"alpha"_s).size());
        const QStringList betaActivations = activations(u"beta"_s);

        QSignalSpy started(m_machines, &MachinesController::operationStarted);
        m_machines->rollBack(u"alpha"_s);
        QCOMPARE(started.size(), 1);
        QCOMPARE(m_machines->operationTitle(), u"Rolling back alpha"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isRunning(), deployTimeoutMs);
        const MachineProgress row = m_machines->progress()->row(u"alpha"_s);
        QVERIFY2(m_machines->operationSucceeded(), qPrintable(m_machines->operationSummary() + u" / "_s + row.detail));
        QVERIFY(row.finished && row.succeeded);
        QCOMPARE(row.resultText, u"alpha runs generation 1"_s);

        // On the machine itself: its profile, what it runs, and one more activation, of the first system.
        QCOMPARE(profileLink(u"alpha"_s), u"system-1-link"_s);
        QCOMPARE(runningSystem(u"alpha"_s), firstSystem);
        const QStringList alphaActivations = activations(u"alpha"_s);
        QCOMPARE(alphaActivations.size(), activationsBefore + 1);
        QCOMPARE(alphaActivations.constLast(), u"switch "_s + firstSystem);
        // Generation 2 is still there, to go back to.
        QCOMPARE(generationSystem(u"alpha"_s, 2), secondSystem);

        // Magic rollback: scheduled on the machine, then cancelled by a fresh connection; nothing is left pending there.
        QVERIFY(row.rollbackConfirmed);
        QCOMPARE(row.detail, u"A new connection reached alpha after the activation, so its scheduled return to generation 2 was cancelled."_s);
        const Ran pending = onMachine(u"alpha"_s, u"ls -d /tmp/snowpane-rollback-* 2>/dev/null; true"_s);
        QVERIFY2(pending.exitCode == 0, qPrintable(pending.err));
        QCOMPARE(pending.out.trimmed(), QString());
        QCOMPARE(activations(u"beta"_s), betaActivations);

        // The page probes the machine again: generation 1.
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->isBusy(), probeTimeoutMs);
        QCOMPARE(m_machines->list()->machine(u"alpha"_s).generation, 1);

        QFile file(alphaFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(original.toUtf8());
    }

    // Generations: the page's list of a remote machine has the local list's fields, read from that machine's profile.
    void generationsMatchTheMachine()
    {
        QSignalSpy changed(m_machines, &MachinesController::generationsChanged);
        m_machines->loadGenerations(u"alpha"_s);
        QCOMPARE(m_machines->generationsHost(), u"alpha"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->generationsLoading(), probeTimeoutMs);
        QVERIFY2(m_machines->generationsError().isEmpty(), qPrintable(m_machines->generationsError()));
        const QList<MachineGeneration> generations = m_machines->generations();

        const QDir profiles(machineDir(u"alpha"_s) + u"/nix/var/nix/profiles"_s);
        const QStringList links = profiles.entryList({u"system-*-link"_s}, QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(links, (QStringList{u"system-1-link"_s, u"system-2-link"_s}));
        QCOMPARE(generations.size(), 2);
        // Newest first, as the local list.
        QCOMPARE(generations[0].number, 2);
        QCOMPARE(generations[1].number, 1);
        for (const MachineGeneration &generation : generations) {
            const QString link = profiles.filePath(u"system-%1-link"_s.arg(generation.number));
            const QString system = QFileInfo(link).symLinkTarget();
            QCOMPARE(generation.storePath, system);
            QCOMPARE(generation.nixosVersion, readText(system + u"/nixos-version"_s).trimmed());
            QVERIFY(!generation.nixosVersion.isEmpty());
            const QStringList modules = QDir(system + u"/kernel-modules/lib/modules"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            QVERIFY(!modules.isEmpty());
            QCOMPARE(generation.kernelVersion, modules.constFirst());
            QCOMPARE(generation.specialisations, QDir(system + u"/specialisation"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name));
            QCOMPARE(generation.configurationRevision, QString());
            QVERIFY2(generation.problem.isEmpty(), qPrintable(generation.problem));
            // The link's own time on the machine, as nix-env shows it.
            struct stat info{};
            QCOMPARE(::lstat(QFile::encodeName(link).constData(), &info), 0);
            QCOMPARE(generation.date.toSecsSinceEpoch(), qint64(info.st_mtime));
            QCOMPARE(generation.dateText, QLocale().toString(generation.date.toLocalTime(), QLocale::ShortFormat));
            // Generation 1 is the profile's and runs (rolled back to); nothing was booted in the stand-in machine.
            QCOMPARE(generation.current, generation.number == 1);
            QCOMPARE(generation.running, system == runningSystem(u"alpha"_s));
            QCOMPARE(generation.running, generation.number == 1);
            QVERIFY(!generation.booted);
        }
        QCOMPARE(generations[0].previousNumber, 1);
        QCOMPARE(generations[1].previousNumber, 0);

        // What generation 2 changed since 1, read from the machine's own store.
        m_machines->compareGenerations(u"alpha"_s, 1, 2);
        QVERIFY(m_machines->comparing());
        QCOMPARE(m_machines->comparisonTitle(), u"Generation 1 → 2 of alpha"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->comparing(), probeTimeoutMs);
        QVERIFY2(m_machines->comparisonError().isEmpty(), qPrintable(m_machines->comparisonError()));
        QHash<QString, Snowpane::System::PackageChange> changes;
        for (const Snowpane::System::PackageChange &change : m_machines->generationChanges()->changes()) {
            changes.insert(change.pname, change);
        }
        // curl came along with git already: adding it to alpha only selected it.
        QVERIFY2(changes.contains(u"curl"_s), qPrintable(QStringList(changes.keys()).join(u", "_s)));
        QCOMPARE(changes.value(u"curl"_s).kind, Snowpane::System::PackageChange::Kind::SelectionChanged);
        QVERIFY(!changes.value(u"curl"_s).selectedBefore);
        QVERIFY(changes.value(u"curl"_s).selectedAfter);
        QCOMPARE(m_machines->generationChanges()->addedCount(), 0);
        QCOMPARE(m_machines->generationChanges()->removedCount(), 0);
        QCOMPARE(m_machines->comparisonSizeText(),
                 u"Closure %1 → %2"_s.arg(QLocale().formattedDataSize(totalOf(closureSizes(generations[1].storePath))),
                                          QLocale().formattedDataSize(totalOf(closureSizes(generations[0].storePath)))));

        // A generation the machine does not have: said, nothing shown.
        m_machines->compareGenerations(u"alpha"_s, 1, 7);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->comparing(), probeTimeoutMs);
        QVERIFY2(m_machines->comparisonError().contains(u"generation 7 does not exist"_s), qPrintable(m_machines->comparisonError()));
        QCOMPARE(m_machines->generationChanges()->count(), 0);
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
        // Exactly the key shown, one line, in the file the user's config names for fresh-gamma, under the name
        // ssh looks up (hashed: Debian's ssh_config sets HashKnownHosts).
        const QString key = readText(machineDir(u"gamma"_s) + u"/ssh_host_ed25519_key.pub"_s).section(u' ', 0, 1);
        const QString knownHosts = env("SNOWPANE_FLEET_WORK") + u"/home/.ssh/known_hosts_fresh"_s;
        const QStringList lines = readText(knownHosts).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.constFirst().section(u' ', 1), key);
        const Ran found = run(u"ssh-keygen"_s, {u"-F"_s, u"[127.0.0.4]:2222"_s, u"-f"_s, knownHosts});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QVERIFY(found.out.contains(key));
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

        // alpha's Generations sheet, with what generation 2 changed since 1, as the person opens it.
        m_machines->loadGenerations(u"alpha"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->generationsLoading(), probeTimeoutMs);
        m_machines->compareGenerations(u"alpha"_s, 1, 2);
        QTRY_VERIFY_WITH_TIMEOUT(!m_machines->comparing(), probeTimeoutMs);
        auto *sheet = window->findChild<QObject *>(u"generationsSheet"_s);
        QVERIFY(sheet);
        QVERIFY(QMetaObject::invokeMethod(sheet, "open"));
        QTRY_VERIFY(sheet->property("opened").toBool());
        QTRY_VERIFY(shownText(window->contentItem(), u"Generation 1 → 2 of alpha"_s));
        QTRY_VERIFY(shownText(window->contentItem(), u"curl"_s));
        QVERIFY(shownText(window->contentItem(), u"Generation 2"_s));
        QVERIFY(shownText(window->contentItem(), u"Generation 1 (current, running)"_s));
        QTest::qWait(500);
        QVERIFY(window->grabWindow().save(directory + u"/machines-generations.png"_s));
        qInfo("saved %s/machines-generations.png", qPrintable(directory));
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
