// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Deploying to real second machines: run-fleet starts them (each a mount
// namespace with its own /nix and an sshd on a loopback address) and runs
// this as an ordinary user, who builds and copies through the Nix daemon.
// The scenarios drive snowpane-cli where a person would, and the library
// where the test must act between two steps (cutting a machine's network).

#include "deployjob.h"
#include "fakerunner.h"
#include "flaketargets.h"
#include "fleetdeployment.h"
#include "fleetenvironment.h"
#include "helperprotocol.h"
#include "remotegenerations.h"
#include "sshclient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;

namespace
{

QString env(const char *name)
{
    return fleetEnvironment(name);
}

QString work()
{
    return env("SNOWPANE_FLEET_WORK");
}

QString flake()
{
    return env("SNOWPANE_FLEET_FLAKE");
}

QString machineDir(const QString &machine)
{
    return work() + u"/machines/"_s + machine;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
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

/// The system the machine runs, by its stand-in state.
QString runningSystem(const QString &machine)
{
    return QFileInfo(machineDir(machine) + u"/state/current-system"_s).symLinkTarget();
}

bool inStore(const QString &machine, const QString &storePath)
{
    return QFileInfo::exists(machineDir(machine) + u"/nix/store/"_s + storePath.section(u'/', -1));
}

/// Everything a failed deployment must leave as it was on a machine.
struct MachineState {
    QStringList activations;
    QString profile;
    QString running;
    QStringList store;
    friend bool operator==(const MachineState &, const MachineState &) = default;
};

MachineState stateOf(const QString &machine)
{
    return {activations(machine),
            profileLink(machine),
            runningSystem(machine),
            QDir(machineDir(machine) + u"/nix/store"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)};
}

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun cli(const QStringList &arguments)
{
    QProcess process;
    process.start(env("SNOWPANE_CLI"), arguments);
    if (!process.waitForFinished(10 * 60 * 1000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonObject hostResult(const QJsonObject &document, const QString &host)
{
    for (const QJsonValue &value : document.value(u"hosts"_s).toArray()) {
        if (value.toObject().value(u"host"_s).toString() == host) {
            return value.toObject();
        }
    }
    return {};
}

SshTarget target(const QString &text)
{
    const TargetParse parsed = parseTarget(text);
    if (!parsed.isValid()) {
        qFatal("bad test target %s", qPrintable(text));
    }
    return parsed.target;
}

/// Asks run-fleet to stop (or start) a machine's sshd, and waits until it has.
bool controlSshd(const QString &verb, const QString &machine)
{
    const QString done = work() + u"/control/"_s + (verb == u"stop"_s ? u"stopped-"_s : u"started-"_s) + machine;
    QFile::remove(done);
    QFile request(work() + u"/control/"_s + verb + u'-' + machine);
    if (!request.open(QIODevice::WriteOnly)) {
        return false;
    }
    request.close();
    for (int i = 0; i < 600 && !QFileInfo::exists(done); ++i) {
        QThread::msleep(100);
    }
    return QFileInfo::exists(done);
}

} // namespace

class FleetTest : public QObject
{
    Q_OBJECT

    QHash<QString, QString> m_systems;
    QString m_localProfileBefore;

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &machine : {u"alpha"_s, u"beta"_s, u"gamma"_s, u"nonix"_s}) {
            QVERIFY2(QFileInfo::exists(machineDir(machine) + u"/sshd_config"_s), "run-fleet made no machines");
            QCOMPARE(stateOf(machine), MachineState{});
        }
        for (const QString &host : {u"alpha"_s, u"beta"_s, u"gamma"_s}) {
            const BuildResult built = buildHostSystem(flake(), host, SshSettings{});
            QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
            QVERIFY(built.systemPath.contains(u"nixos-system-"_s + host));
            m_systems.insert(host, built.systemPath);
        }
    }

    // Targets come from what the flake says: deploy-rs, colmena, else the host's name.
    void targetsFromTheFlake()
    {
        const FlakeTargets read = readFlakeTargets(flake(), {}, SshSettings{});
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.hosts.size(), 3);
        QCOMPARE(read.hosts[0].host, u"alpha"_s);
        QCOMPARE(read.hosts[0].source, HostTarget::Source::DeployRs);
        QCOMPARE(read.hosts[0].target.host, u"127.0.0.2"_s);
        QCOMPARE(read.hosts[0].target.user, u"root"_s);
        QCOMPARE(read.hosts[0].target.options, (QStringList{u"-p"_s, u"2222"_s}));
        QCOMPARE(read.hosts[1].source, HostTarget::Source::Colmena);
        QCOMPARE(read.hosts[1].target.uri(), u"ssh://root@127.0.0.3:2222"_s);
        QCOMPARE(read.hosts[2].source, HostTarget::Source::HostName);
        QCOMPARE(read.hosts[2].target.uri(), u"ssh://gamma"_s);
    }

    // A machine seen for the first time: its key is shown, and only an explicit yes stores it.
    void unknownHostKeyNeedsAcceptance()
    {
        const MachineState before = stateOf(u"gamma"_s);
        DeployRequest request;
        request.host = u"gamma"_s;
        request.systemPath = m_systems.value(u"gamma"_s);
        request.target = target(u"fresh-gamma"_s);
        const HostResult refused = deployHost(request, SshSettings{});
        QCOMPARE(refused.outcome, Outcome::Failed);
        QCOMPARE(refused.error, RemoteError::HostKeyUnknown);
        const QString fingerprint = readText(machineDir(u"gamma"_s) + u"/fingerprint"_s).trimmed();
        QVERIFY2(refused.message.contains(fingerprint), qPrintable(refused.message + u" lacks "_s + fingerprint));
        QCOMPARE(stateOf(u"gamma"_s), before);
        QCOMPARE(readText(work() + u"/home/.ssh/known_hosts_fresh"_s), QString());

        SshSettings accepting;
        accepting.acceptNewHostKey = true;
        const SshClient client(target(u"fresh-gamma"_s), accepting);
        const RemoteGenerationList listed = listRemoteGenerations(client);
        QVERIFY2(listed.error == RemoteError::None || listed.message.contains(u"no system profile"_s), qPrintable(listed.message));
        // Stored (ssh hashes the name, so the key itself is what shows).
        const QString offered = readText(machineDir(u"gamma"_s) + u"/ssh_host_ed25519_key.pub"_s).section(u' ', 1, 1);
        QVERIFY(!offered.isEmpty());
        QVERIFY(readText(work() + u"/home/.ssh/known_hosts_fresh"_s).contains(offered));
    }

    void deployToSecondMachine()
    {
        const QString localLogBefore = readText(qEnvironmentVariable("SNOWPANE_STANDIN_STATE") + u"/activations.log"_s);
        const CliRun run = cli({u"deploy"_s, u"--config"_s, flake(), u"--host"_s, u"alpha"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject document = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(document.value(u"ok"_s).toBool(), true);
        const QJsonObject alpha = hostResult(document, u"alpha"_s);
        QCOMPARE(alpha.value(u"outcome"_s).toString(), u"done"_s);
        QCOMPARE(alpha.value(u"targetSource"_s).toString(), u"deploy-rs"_s);
        QCOMPARE(alpha.value(u"systemPath"_s).toString(), m_systems.value(u"alpha"_s));

        // The closure arrived in the other store, with a new generation and the activation recorded there.
        const QString system = m_systems.value(u"alpha"_s);
        QVERIFY(inStore(u"alpha"_s, system));
        QCOMPARE(profileLink(u"alpha"_s), u"system-1-link"_s);
        QCOMPARE(QFileInfo(machineDir(u"alpha"_s) + u"/nix/var/nix/profiles/system-1-link"_s).symLinkTarget(), system);
        QCOMPARE(activations(u"alpha"_s), QStringList{u"switch "_s + system});
        QCOMPARE(runningSystem(u"alpha"_s), system);
        QCOMPARE(alpha.value(u"generation"_s).toInt(), 1);
        // No scheduled rollback is left behind on a first deployment, nor on this machine.
        QCOMPARE(readText(qEnvironmentVariable("SNOWPANE_STANDIN_STATE") + u"/activations.log"_s), localLogBefore);
        // The other machines saw nothing.
        QCOMPARE(stateOf(u"beta"_s), MachineState{});
    }

    void parallelDeployToThreeMachines()
    {
        const CliRun run = cli({u"deploy"_s, u"--config"_s, flake(), u"--all"_s, u"--parallel"_s, u"3"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        const QJsonObject document = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(document.value(u"hosts"_s).toArray().size(), 3);
        for (const QString &host : {u"alpha"_s, u"beta"_s, u"gamma"_s}) {
            const QString system = m_systems.value(host);
            QCOMPARE(hostResult(document, host).value(u"outcome"_s).toString(), u"done"_s);
            QVERIFY(inStore(host, system));
            QCOMPARE(activations(host).constLast(), u"switch "_s + system);
            QCOMPARE(runningSystem(host), system);
            // Each machine has only its own host's system.
            for (const QString &other : {u"alpha"_s, u"beta"_s, u"gamma"_s}) {
                if (other != host) {
                    QVERIFY2(!inStore(host, m_systems.value(other)), qPrintable(host + u" has "_s + other + u"'s system"_s));
                }
            }
        }
        QCOMPARE(hostResult(document, u"beta"_s).value(u"targetSource"_s).toString(), u"colmena"_s);
        QCOMPARE(hostResult(document, u"gamma"_s).value(u"targetSource"_s).toString(), u"host name"_s);
        // alpha was deployed before, with the same system: a second generation is not made for it.
        QCOMPARE(profileLink(u"alpha"_s), u"system-1-link"_s);
    }

    // Preview before deploying: beta's system against what gamma's machine runs, read there; nothing changes but the store.
    void previewBeforeDeploying()
    {
        const MachineState before = stateOf(u"gamma"_s);
        QCOMPARE(before.running, m_systems.value(u"gamma"_s));
        const QStringList arguments{u"deploy"_s, u"--config"_s, flake(), u"--host"_s, u"beta"_s, u"--target"_s, u"gamma"_s, u"--mode"_s, u"dry-activate"_s};
        const CliRun run = cli(arguments + QStringList{u"--json"_s});
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        const QJsonObject beta = hostResult(QJsonDocument::fromJson(run.out).object(), u"beta"_s);
        QCOMPARE(beta.value(u"outcome"_s).toString(), u"done"_s);
        const QJsonObject preview = beta.value(u"preview"_s).toObject();
        QCOMPARE(preview.value(u"currentSystem"_s).toString(), m_systems.value(u"gamma"_s));
        QCOMPARE(preview.value(u"newSystem"_s).toString(), m_systems.value(u"beta"_s));
        // The package diff, from the machine's own store.
        QHash<QString, QString> kinds;
        for (const QJsonValue &change : preview.value(u"changes"_s).toArray()) {
            kinds.insert(change.toObject().value(u"pname"_s).toString(), change.toObject().value(u"kind"_s).toString());
        }
        QCOMPARE(kinds.value(u"curl"_s), u"added"_s);
        QCOMPARE(kinds.value(u"nginx"_s), u"added"_s);
        QCOMPARE(kinds.value(u"ripgrep"_s), u"removed"_s);
        QCOMPARE(kinds.value(u"linux"_s), u"upgraded"_s);
        QVERIFY(!kinds.contains(u"vim"_s));
        QVERIFY(preview.value(u"closureSize"_s).toObject().value(u"before"_s).toInteger() > 0);
        // beta runs the latest kernel: a reboot note.
        const QJsonObject kernel = preview.value(u"kernel"_s).toObject();
        QVERIFY(!kernel.value(u"before"_s).toString().isEmpty());
        QVERIFY(!kernel.value(u"after"_s).toString().isEmpty());
        QVERIFY(kernel.value(u"before"_s) != kernel.value(u"after"_s));
        QCOMPARE(preview.value(u"rebootNeeded"_s).toBool(), true);
        // The units, from a dry-activate on the machine.
        QCOMPARE(preview.value(u"units"_s).toObject().value(u"start"_s).toArray(), QJsonArray{u"nginx.service"_s});
        QVERIFY(preview.value(u"units"_s).toObject().value(u"stop"_s).toArray().isEmpty());

        // Nothing changed but the store, which now holds the closure (as after nixos-rebuild dry-activate).
        const MachineState after = stateOf(u"gamma"_s);
        QCOMPARE(after.activations, before.activations);
        QCOMPARE(after.profile, before.profile);
        QCOMPARE(after.running, before.running);
        QVERIFY(inStore(u"gamma"_s, m_systems.value(u"beta"_s)));

        // The same in words.
        const CliRun text = cli(arguments);
        QVERIFY2(text.exitCode == 0, QByteArray(text.out + text.err).constData());
        const QString shown = QString::fromUtf8(text.out);
        QVERIFY2(shown.contains(u"dry-activate: nothing was changed"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"Reboot:"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"would start: nginx.service"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"ripgrep"_s), qPrintable(shown));
        QCOMPARE(activations(u"gamma"_s), before.activations);
    }

    // This machine's own host (the helper's settings name it) is never deployed over SSH to itself.
    void thisMachineIsNotDeployedOverSsh()
    {
        const QString self = env("SNOWPANE_FLEET_SELF_FLAKE");
        const MachineState alphaBefore = stateOf(u"alpha"_s);
        const CliRun run = cli({u"deploy"_s, u"--config"_s, self, u"--host"_s, u"alpha"_s, u"--host"_s, u"beta"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject document = QJsonDocument::fromJson(run.out).object();
        const QJsonObject alpha = hostResult(document, u"alpha"_s);
        QCOMPARE(alpha.value(u"outcome"_s).toString(), u"failed"_s);
        QCOMPARE(alpha.value(u"error"_s).toString(), u"this machine"_s);
        const QString message = alpha.value(u"message"_s).toString();
        QVERIFY2(message.contains(u"does not deploy it to itself over SSH"_s) && message.contains(u"sudo nixos-rebuild switch --flake "_s + self + u"#alpha"_s),
                 qPrintable(message));
        QCOMPARE(stateOf(u"alpha"_s), alphaBefore);
        // The other hosts of that configuration deploy as usual.
        QCOMPARE(hostResult(document, u"beta"_s).value(u"outcome"_s).toString(), u"done"_s);

        // Nor is a generation switched over SSH on this machine.
        const CliRun switched = cli({u"switch-generation"_s, u"1"_s, u"--target"_s, u"ssh://root@localhost"_s});
        QCOMPARE(switched.exitCode, 1);
        QVERIFY2(switched.err.contains("is this machine"), switched.err.constData());
    }

    // In the window, the same host goes through the helper's runner instead (a scripted one here), and no SSH is made.
    void thisMachineThroughTheHelper()
    {
        const MachineState alphaBefore = stateOf(u"alpha"_s);
        DeployRequest request;
        request.host = u"alpha"_s;
        request.flake = env("SNOWPANE_FLEET_SELF_FLAKE");
        request.target = target(u"ssh://root@127.0.0.2:2222"_s);
        request.route = routeOf(ThisMachine::fromHelperSettings(request.flake, u"alpha"_s), request.flake, request.host, request.target);
        QCOMPARE(request.route, DeployRoute::Helper);
        FakeRunner runner;
        runner.expect(FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild,
                                           {{u"generation"_s, 7}, {u"storePath"_s, m_systems.value(u"alpha"_s)}, {u"mode"_s, u"switch"_s}}));
        DeployJob job({request}, SshSettings{}, 4);
        job.setLocalRunner(&runner);
        QSignalSpy finished(&job, &DeployJob::finished);
        job.start();
        QVERIFY(finished.count() == 1 || finished.wait(60000));
        QCOMPARE(job.state(), DeployJob::State::Succeeded);
        QCOMPARE(runner.mismatches(), QStringList());
        QCOMPARE(runner.requests().size(), 1);
        QCOMPARE(runner.requests()[0].arguments.value(QLatin1String(Snowpane::Protocol::Key::Mode)).toString(), u"switch"_s);
        QCOMPARE(runner.requests()[0].arguments.value(QLatin1String(Snowpane::Protocol::Key::Host)).toString(), u"alpha"_s);
        QCOMPARE(job.results()[0].outcome, Outcome::Done);
        QCOMPARE(job.results()[0].generation, 7);
        QVERIFY(job.rows()[0].finished);
        QCOMPARE(job.rows()[0].result.generation, 7);
        QCOMPARE(stateOf(u"alpha"_s), alphaBefore);
    }

    void unreachableHostChangesNothing()
    {
        const MachineState gammaBefore = stateOf(u"gamma"_s);
        QList<DeployRequest> requests;
        for (const auto &[host, where] : {std::pair{u"beta"_s, u"ssh://root@127.0.0.2:2222"_s},
                                          std::pair{u"gamma"_s, u"unreachable"_s},
                                          std::pair{u"alpha"_s, u"ssh://root@127.0.0.3:2222"_s}}) {
            DeployRequest request;
            request.host = host;
            request.systemPath = m_systems.value(host);
            request.target = target(where);
            requests.append(request);
        }
        const QList<HostResult> results = deployFleet(requests, SshSettings{}, 4);
        QCOMPARE(results.size(), 3);
        QCOMPARE(results[1].outcome, Outcome::Unreachable);
        QCOMPARE(results[1].error, RemoteError::Unreachable);
        QVERIFY2(results[1].message.contains(u"unreachable"_s) && results[1].message.contains(u"Connection refused"_s), qPrintable(results[1].message));
        QCOMPARE(stateOf(u"gamma"_s), gammaBefore);
        // The other two deployed: beta's system on the first machine, alpha's on the second.
        QCOMPARE(results[0].outcome, Outcome::Done);
        QCOMPARE(results[2].outcome, Outcome::Done);
        QCOMPARE(runningSystem(u"alpha"_s), m_systems.value(u"beta"_s));
        QCOMPARE(runningSystem(u"beta"_s), m_systems.value(u"alpha"_s));
        QCOMPARE(profileLink(u"alpha"_s), u"system-2-link"_s);
        QCOMPARE(results[0].previousGeneration, 1);
        QCOMPARE(results[0].generation, 2);
        QVERIFY(results[0].rollbackScheduled);
    }

    void changedHostKeyRefused()
    {
        const MachineState before = stateOf(u"beta"_s);
        DeployRequest request;
        request.host = u"beta"_s;
        request.systemPath = m_systems.value(u"beta"_s);
        request.target = target(u"changed-beta"_s);
        SshSettings settings;
        // Not even accept-new lets a changed key through.
        settings.acceptNewHostKey = true;
        const HostResult result = deployHost(request, settings);
        QCOMPARE(result.outcome, Outcome::Failed);
        QCOMPARE(result.error, RemoteError::HostKeyChanged);
        QVERIFY2(result.message.contains(u"CHANGED"_s), qPrintable(result.message));
        QCOMPARE(stateOf(u"beta"_s), before);
    }

    void authenticationRefused()
    {
        const MachineState before = stateOf(u"alpha"_s);
        DeployRequest request;
        request.host = u"gamma"_s;
        request.systemPath = m_systems.value(u"gamma"_s);
        request.target = target(u"stranger-alpha"_s);
        const HostResult result = deployHost(request, SshSettings{});
        QCOMPARE(result.outcome, Outcome::Failed);
        QCOMPARE(result.error, RemoteError::AuthenticationRefused);
        QVERIFY2(result.message.contains(u"refused the authentication"_s), qPrintable(result.message));
        QCOMPARE(stateOf(u"alpha"_s), before);
    }

    void remoteWithoutNixChangesNothing()
    {
        const MachineState before = stateOf(u"nonix"_s);
        const CliRun run = cli({u"deploy"_s, u"--config"_s, flake(), u"--host"_s, u"gamma"_s, u"--target"_s, u"ssh://root@127.0.0.5:2222"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject gamma = hostResult(QJsonDocument::fromJson(run.out).object(), u"gamma"_s);
        QCOMPARE(gamma.value(u"outcome"_s).toString(), u"failed"_s);
        QCOMPARE(gamma.value(u"error"_s).toString(), u"no Nix on the machine"_s);
        QCOMPARE(stateOf(u"nonix"_s), before);
        QVERIFY(before.store.isEmpty());
    }

    // The new system cuts the machine off: it returns to its previous generation by itself.
    void magicRollbackWhenUnreachable()
    {
        const QString previous = runningSystem(u"gamma"_s);
        QCOMPARE(previous, m_systems.value(u"gamma"_s));
        QCOMPARE(profileLink(u"gamma"_s), u"system-1-link"_s);
        const int rollbackSeconds = 10;
        DeployRequest request;
        request.host = u"beta"_s;
        request.systemPath = m_systems.value(u"beta"_s);
        request.target = target(u"gamma"_s);
        request.rollbackSeconds = rollbackSeconds;
        bool cut = false;
        request.afterActivation = [&] {
            // The new system is active now; the machine stops accepting connections.
            cut = controlSshd(u"stop"_s, u"gamma"_s);
        };
        const HostResult result = deployHost(request, SshSettings{});
        QVERIFY(cut);
        QCOMPARE(outcomeName(result.outcome), u"rolled back"_s);
        QVERIFY2(result.message.contains(u"rolls back to generation 1"_s), qPrintable(result.message));
        QCOMPARE(result.previousGeneration, 1);
        QCOMPARE(result.generation, 2);
        // The activation happened (switch to beta's system), then the machine rolled back on its own.
        QVERIFY(activations(u"gamma"_s).contains(u"switch "_s + m_systems.value(u"beta"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(activations(u"gamma"_s).constLast() == u"switch "_s + previous, (rollbackSeconds + 30) * 1000);
        QCOMPARE(runningSystem(u"gamma"_s), previous);
        QCOMPARE(profileLink(u"gamma"_s), u"system-1-link"_s);
        QVERIFY(controlSshd(u"start"_s, u"gamma"_s));
    }

    void remoteGenerationsAndRollback()
    {
        // alpha's machine runs beta's system as generation 2 (unreachableHostChangesNothing); 1 is alpha's.
        const QString uri = u"ssh://root@127.0.0.2:2222"_s;
        const SshClient client(target(uri), SshSettings{});
        const RemoteGenerationList listed = listRemoteGenerations(client);
        QVERIFY2(listed.error == RemoteError::None, qPrintable(listed.message));
        QCOMPARE(client.connectionCount(), 1);
        QCOMPARE(listed.generations.size(), 2);
        QCOMPARE(listed.generations[0].number, 2);
        QVERIFY(listed.generations[0].current);
        QVERIFY(listed.generations[0].running);
        QCOMPARE(listed.generations[0].storePath, m_systems.value(u"beta"_s));
        QCOMPARE(listed.generations[1].storePath, m_systems.value(u"alpha"_s));
        QCOMPARE(listed.generations[1].nixosVersion, readText(m_systems.value(u"alpha"_s) + u"/nixos-version"_s));
        QVERIFY(!listed.generations[1].kernelVersion.isEmpty());
        // The date is the link's own time, as nix-env shows it.
        struct stat link{};
        QCOMPARE(::lstat(QFile::encodeName(machineDir(u"alpha"_s) + u"/nix/var/nix/profiles/system-1-link"_s).constData(), &link), 0);
        QCOMPARE(listed.generations[1].date.toSecsSinceEpoch(), qint64(link.st_mtime));

        CliRun run = cli({u"generations"_s, u"--target"_s, uri, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray generations = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(generations.size(), 2);
        QCOMPARE(generations[0].toObject().value(u"generation"_s).toInt(), 2);
        QCOMPARE(generations[0].toObject().value(u"current"_s).toBool(), true);

        run = cli({u"diff-generations"_s, u"1"_s, u"2"_s, u"--target"_s, uri, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QHash<QString, QString> kinds;
        for (const QJsonValue &change : QJsonDocument::fromJson(run.out).object().value(u"changes"_s).toArray()) {
            kinds.insert(change.toObject().value(u"pname"_s).toString(), change.toObject().value(u"kind"_s).toString());
        }
        // alpha has git (which brings curl along); beta selects curl and nginx instead.
        QCOMPARE(kinds.value(u"curl"_s), u"selection"_s);
        QCOMPARE(kinds.value(u"nginx"_s), u"added"_s);
        QCOMPARE(kinds.value(u"git"_s), u"removed"_s);

        run = cli({u"switch-generation"_s, u"1"_s, u"--target"_s, uri, u"--json"_s});
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        const QJsonObject switched = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(switched.value(u"outcome"_s).toString(), u"done"_s);
        QCOMPARE(switched.value(u"generation"_s).toInt(), 1);
        QCOMPARE(profileLink(u"alpha"_s), u"system-1-link"_s);
        QCOMPARE(runningSystem(u"alpha"_s), m_systems.value(u"alpha"_s));
        QCOMPARE(activations(u"alpha"_s).constLast(), u"switch "_s + m_systems.value(u"alpha"_s));

        // --boot only makes generation 2 the boot default.
        run = cli({u"switch-generation"_s, u"2"_s, u"--boot"_s, u"--target"_s, uri});
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        QCOMPARE(activations(u"alpha"_s).constLast(), u"boot "_s + m_systems.value(u"beta"_s));
        QCOMPARE(runningSystem(u"alpha"_s), m_systems.value(u"alpha"_s));
        QCOMPARE(QFileInfo(machineDir(u"alpha"_s) + u"/state/boot-default"_s).symLinkTarget(), m_systems.value(u"beta"_s));
    }

    // Cancel: a host that is activating finishes its activation, then rolls back instead of being confirmed; a queued one never starts.
    void cancelDuringActivationRollsBack()
    {
        const MachineState gammaBefore = stateOf(u"gamma"_s);
        const MachineState betaBefore = stateOf(u"beta"_s);
        QCOMPARE(gammaBefore.running, m_systems.value(u"gamma"_s));
        DeployRequest activating;
        activating.host = u"alpha"_s;
        activating.systemPath = m_systems.value(u"alpha"_s);
        activating.target = target(u"gamma"_s);
        DeployRequest queued;
        queued.host = u"gamma"_s;
        queued.systemPath = m_systems.value(u"gamma"_s);
        queued.target = target(u"ssh://root@127.0.0.3:2222"_s);
        DeployJob *cancelling = nullptr;
        // Between the activation and its confirmation, the person presses Cancel (on the job's thread, as the window does).
        activating.afterActivation = [&cancelling] {
            QMetaObject::invokeMethod(cancelling, &DeployJob::cancel, Qt::BlockingQueuedConnection);
        };
        // One at a time, so that the second waits while the first activates.
        DeployJob job({activating, queued}, SshSettings{}, 1);
        cancelling = &job;
        QSignalSpy finished(&job, &DeployJob::finished);
        job.start();
        QVERIFY(finished.wait(5 * 60 * 1000));
        QCOMPARE(job.state(), DeployJob::State::Failed);
        QCOMPARE(job.error(), DeployJob::ErrorKind::Cancelled);
        const HostResult first = job.results()[0];
        QCOMPARE(outcomeName(first.outcome), u"cancelled"_s);
        QVERIFY2(first.message.contains(u"rolled back to generation"_s), qPrintable(first.message));
        // The activation happened, then the machine went back to what it ran.
        QCOMPARE(activations(u"gamma"_s).size(), gammaBefore.activations.size() + 2);
        QCOMPARE(activations(u"gamma"_s).value(gammaBefore.activations.size()), u"switch "_s + m_systems.value(u"alpha"_s));
        QCOMPARE(activations(u"gamma"_s).constLast(), u"switch "_s + gammaBefore.running);
        QCOMPARE(runningSystem(u"gamma"_s), gammaBefore.running);
        QCOMPARE(profileLink(u"gamma"_s), gammaBefore.profile);
        // The queued host never started.
        QCOMPARE(outcomeName(job.results()[1].outcome), u"cancelled"_s);
        QCOMPARE(job.results()[1].error, RemoteError::Cancelled);
        QCOMPARE(stateOf(u"beta"_s), betaBefore);
        QCOMPARE(job.rows()[1].result.outcome, Outcome::Cancelled);
        QCOMPARE(job.result().value(u"hosts"_s).toList().value(1).toMap().value(u"outcome"_s).toString(), u"cancelled"_s);
    }

    // Cancelled while copying: the copy stops (or the activation never starts), and the machine runs what it ran.
    void cancelDuringCopyChangesNothing()
    {
        const MachineState before = stateOf(u"bench-a"_s);
        DeployRequest request;
        request.host = u"beta"_s;
        request.systemPath = m_systems.value(u"beta"_s);
        request.target = target(u"ssh://root@127.0.0.7:2222"_s);
        DeployJob job({request}, SshSettings{}, 4);
        connect(&job, &DeployJob::progressChanged, &job, [&job] {
            if (job.rows().value(0).step == Step::Copying) {
                job.cancel();
            }
        });
        QSignalSpy finished(&job, &DeployJob::finished);
        job.start();
        QVERIFY(finished.wait(5 * 60 * 1000));
        QCOMPARE(job.error(), DeployJob::ErrorKind::Cancelled);
        QCOMPARE(job.results()[0].outcome, Outcome::Cancelled);
        QVERIFY2(job.results()[0].message.contains(u"nothing changed"_s), qPrintable(job.results()[0].message));
        const MachineState after = stateOf(u"bench-a"_s);
        QCOMPARE(after.activations, before.activations);
        QCOMPARE(after.profile, before.profile);
        QCOMPARE(after.running, before.running);
    }
};

QTEST_GUILESS_MAIN(FleetTest)
#include "tst_fleet.moc"
