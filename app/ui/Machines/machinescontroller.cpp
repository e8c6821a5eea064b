// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Machines/machinescontroller.h"

#include "Machines/machinetexts.h"
#include "deployjob.h"
#include "hostkeys.h"
#include "snowpanesettings.h"
#include "targetsettings.h"

#include <KConfigGroup>
#include <KSharedConfig>

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;
using namespace Snowpane::Ui;

namespace
{

KConfigGroup machineRecord(const QString &host)
{
    // The window's state file (WindowState's), apart from the person's settings.
    return KSharedConfig::openStateConfig(u"snowpanestaterc"_s)->group(u"Machines"_s).group(host);
}

} // namespace

MachinesController::MachinesController(QObject *parent)
    : QObject(parent)
    , m_list(new MachineListModel(this))
    , m_progress(new MachineProgressModel(this))
    , m_generationChanges(new GenerationPackageChangeModel(this))
{
    // Each probe or deployment mostly waits on ssh and nix; a pool of its own keeps the global one free.
    m_pool.setMaxThreadCount(4);
}

MachinesController *MachinesController::self()
{
    static QPointer<MachinesController> instance;
    if (!instance) {
        instance = new MachinesController(QCoreApplication::instance());
    }
    return instance;
}

MachinesController *MachinesController::create(QQmlEngine *, QJSEngine *)
{
    MachinesController *controller = self();
    QJSEngine::setObjectOwnership(controller, QJSEngine::CppOwnership);
    return controller;
}

MachinesController::~MachinesController()
{
    // Workers report to this object; they end within their connection timeouts.
    m_pool.waitForDone();
}

QString MachinesController::flake() const
{
    const QString directory = SnowpaneSettings::self()->configurationDirectory();
    return QFileInfo::exists(directory + u"/flake.nix"_s) ? directory : QString();
}

QStringList MachinesController::modes() const
{
    return {u"switch"_s, u"boot"_s, u"test"_s, u"dry-activate"_s};
}

bool MachinesController::isRemote(const QString &host) const
{
    return m_list->contains(host) && !m_list->machine(host).thisMachine;
}

SshTarget MachinesController::targetOf(const QString &host) const
{
    return m_targets.value(host).target;
}

void MachinesController::refresh()
{
    if (m_readingTargets) {
        return;
    }
    const QString flakeDirectory = flake();
    Q_EMIT flakeChanged();
    if (flakeDirectory.isEmpty()) {
        m_list->clear();
        m_loadError = tr("The configuration is not a flake, so it describes only this machine. Machines lists the hosts of a flake (nixosConfigurations).");
        Q_EMIT loadErrorChanged();
        return;
    }
    m_readingTargets = true;
    Q_EMIT busyChanged();
    QPointer<MachinesController> self(this);
    const SshSettings settings = m_sshSettings;
    m_pool.start([self, flakeDirectory, settings] {
        const FlakeTargets targets = readFlakeTargets(flakeDirectory, readTargetSettings(), settings);
        QMetaObject::invokeMethod(
            qApp,
            [self, targets] {
                if (self) {
                    self->applyTargets(targets);
                }
            },
            Qt::QueuedConnection);
    });
}

void MachinesController::loadRecord(MachineStatus &status) const
{
    const KConfigGroup record = machineRecord(status.host);
    status.lastDeployed = record.readEntry("LastDeployed", QDateTime());
    status.lastOutcome = record.readEntry("LastOutcome", QString());
}

void MachinesController::recordDeployment(const QString &host, bool done, const QString &outcome)
{
    KConfigGroup record = machineRecord(host);
    if (done) {
        record.writeEntry("LastDeployed", QDateTime::currentDateTimeUtc());
    }
    record.writeEntry("LastOutcome", outcome);
    record.sync();
    MachineStatus status = m_list->machine(host);
    if (!status.host.isEmpty()) {
        loadRecord(status);
        m_list->setMachine(status);
    }
}

void MachinesController::applyTargets(const FlakeTargets &targets)
{
    m_readingTargets = false;
    m_loadError = targets.error.isEmpty() ? QString() : tr("The hosts of the flake could not be read: ") + targets.error;
    Q_EMIT loadErrorChanged();
    QStringList hosts;
    m_targets.clear();
    for (const HostTarget &target : targets.hosts) {
        hosts.append(target.host);
        m_targets.insert(target.host, target);
        MachineStatus status = m_list->machine(target.host);
        status.host = target.host;
        status.target = target.target.uri();
        status.targetSource = sourceName(target.source);
        status.thisMachine = target.host == QSysInfo::machineHostName();
        loadRecord(status);
        m_list->setMachine(status);
    }
    m_list->retain(hosts);
    for (const QString &host : std::as_const(hosts)) {
        startProbe(host, false);
    }
    Q_EMIT busyChanged();
}

void MachinesController::probe(const QString &host)
{
    if (m_list->contains(host)) {
        startProbe(host, false);
    }
}

void MachinesController::acceptHostKey(const QString &host, const QString &fingerprints)
{
    if (m_list->contains(host) && !fingerprints.trimmed().isEmpty()) {
        startProbe(host, true, fingerprints.trimmed());
    }
}

void MachinesController::startProbe(const QString &host, bool acceptNewKey, const QString &expectedFingerprints)
{
    MachineStatus status = m_list->machine(host);
    if (status.probing) {
        return;
    }
    status.probing = true;
    m_list->setMachine(status);
    ++m_probesRunning;
    Q_EMIT busyChanged();

    SshSettings settings = m_sshSettings;
    // A glance, not a deployment: a machine that does not answer soon is shown as such.
    settings.connectTimeoutSeconds = qMin(settings.connectTimeoutSeconds, 5);
    settings.commandTimeoutMs = 30000;
    const SshTarget target = targetOf(host);
    const bool local = status.thisMachine;
    RemotePaths localPaths;
    if (local) {
        localPaths.profile = SnowpaneSettings::self()->profile();
        localPaths.currentSystem = SnowpaneSettings::self()->currentSystem();
        localPaths.bootedSystem = SnowpaneSettings::self()->bootedSystem();
    }
    QPointer<MachinesController> self(this);
    m_pool.start([self, host, target, settings, local, localPaths, acceptNewKey, expectedFingerprints] {
        MachineFacts facts;
        if (local) {
            facts = probeThisMachine(settings, localPaths);
        } else if (acceptNewKey) {
            // Exactly the keys whose fingerprints the person saw go into known_hosts; the probe then checks strictly,
            // so a machine that offers another key on that connection is refused, not stored.
            SshSettings strict = settings;
            strict.acceptNewHostKey = false;
            const SshClient client(target, strict);
            const HostKeyAcceptance accepted = acceptHostKeys(client, expectedFingerprints);
            if (accepted.error != RemoteError::None) {
                facts.error = accepted.error;
                facts.offeredHostKeys = accepted.offeredHostKeys;
                facts.message = accepted.error == RemoteError::HostKeyUnknown
                    ? tr("The machine now offers another key than the one shown; nothing was stored. Check the new fingerprint.")
                    : accepted.message;
            } else {
                facts = probeMachine(client);
            }
        } else {
            facts = probeMachine(SshClient(target, settings));
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, host, facts] {
                if (self) {
                    self->applyFacts(host, facts);
                }
            },
            Qt::QueuedConnection);
    });
}

void MachinesController::applyFacts(const QString &host, const MachineFacts &facts)
{
    --m_probesRunning;
    MachineStatus status = m_list->machine(host);
    if (!status.host.isEmpty()) {
        status.probing = false;
        status.probed = true;
        status.reachable = facts.reachable();
        status.problem = MachineTexts::problemOf(facts.error);
        status.detail = facts.message;
        status.hostKeyFingerprints = facts.offeredHostKeys;
        status.generation = facts.generation;
        status.nixosVersion = facts.nixosVersion;
        status.rebootPending = facts.rebootPending;
        status.kernelChanged = facts.kernelChanged;
        m_list->setMachine(status);
    }
    Q_EMIT busyChanged();
}
