// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "hostdeployment.h"

#include "remotescripts.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QRegularExpression>
#include <QScopeGuard>

#include <future>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

QString stepName(Step step)
{
    switch (step) {
    case Step::Queued:
        return u"queued"_s;
    case Step::Building:
        return u"building"_s;
    case Step::Connecting:
        return u"connecting"_s;
    case Step::Copying:
        return u"copying"_s;
    case Step::Activating:
        return u"activating"_s;
    case Step::Confirming:
        return u"confirming"_s;
    case Step::Finished:
        return u"finished"_s;
    }
    return {};
}

bool isValidHostName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"_s);
    return pattern.match(name).hasMatch();
}

BuildResult buildHostSystem(const QString &flake, const QString &host, const SshSettings &settings, const std::function<void(const QString &)> &onLine)
{
    if (!isValidHostName(host)) {
        return {{}, u"'%1' is not a host name"_s.arg(host)};
    }
    const QString installable = flake + u"#nixosConfigurations.\""_s + host + u"\".config.system.build.toplevel"_s;
    const ProcessResult built = runProcess(settings.nixProgram,
                                           {u"build"_s, u"--no-link"_s, u"--print-out-paths"_s, installable},
                                           settings.environment,
                                           settings.commandTimeoutMs,
                                           onLine);
    if (!built.succeeded()) {
        const QString errors = built.errorText();
        return {{}, u"building %1 failed: %2"_s.arg(host, errors.isEmpty() ? u"exit code %1"_s.arg(built.exitCode) : errors.section(u'\n', -6))};
    }
    const QString path = QString::fromUtf8(built.standardOutput).trimmed().section(u'\n', -1);
    if (!path.startsWith(u'/')) {
        return {{}, u"building %1 printed no store path"_s.arg(host)};
    }
    return {path, {}};
}

namespace
{

void fail(HostResult &result, Outcome outcome, RemoteError error, const QString &message)
{
    result.outcome = outcome;
    result.error = error;
    result.message = message;
}

} // namespace

HostResult deployHost(const DeployRequest &request, const SshSettings &settings, const DeployProgress &progress)
{
    QElapsedTimer clock;
    clock.start();
    HostResult result;
    result.host = request.host;
    result.target = request.target;
    QMutex logMutex;
    // The probe's lines may come from its own thread while the build runs.
    std::atomic<Step> current = Step::Queued;
    const auto enter = [&](Step step) {
        current = step;
        if (progress) {
            progress(request.host, step, {});
        }
    };
    const auto onLine = [&](const QString &line) {
        {
            QMutexLocker locker(&logMutex);
            result.log.append(line);
        }
        if (progress) {
            progress(request.host, current, line);
        }
    };
    const SshClient *connected = nullptr;
    const auto finish = [&]() -> HostResult {
        result.elapsedMs = clock.elapsed();
        result.sshConnections = connected ? connected->connectionCount() : 0;
        enter(Step::Finished);
        return result;
    };

    // Checked between steps: a step under way stops by itself (runProcess), and nothing after it starts.
    const auto cancelled = [&](const QString &before) {
        if (!isRaised(settings.cancel)) {
            return false;
        }
        fail(result, Outcome::Cancelled, RemoteError::Cancelled, u"cancelled before %1; nothing changed on %2"_s.arg(before, request.target.destination()));
        return true;
    };
    const auto failStep = [&](const RemoteResult &failed, RemoteError otherwise, const QString &step) {
        if (failed.error == RemoteError::Cancelled) {
            fail(result, Outcome::Cancelled, RemoteError::Cancelled, u"cancelled while %1; nothing changed on %2"_s.arg(step, request.target.destination()));
            return;
        }
        fail(result,
             failed.error == RemoteError::Unreachable ? Outcome::Unreachable : Outcome::Failed,
             failed.error == RemoteError::Failed ? otherwise : failed.error,
             failed.message);
    };

    if (request.route != DeployRoute::Ssh) {
        fail(result, Outcome::Failed, RemoteError::ThisMachine, request.routeMessage);
        return finish();
    }
    static const QStringList modes{u"switch"_s, u"boot"_s, u"test"_s, u"dry-activate"_s};
    if (!modes.contains(request.mode)) {
        fail(result, Outcome::Failed, RemoteError::Failed, u"unknown mode '%1' (switch, boot, test or dry-activate)"_s.arg(request.mode));
        return finish();
    }
    if (const QString invalid = validateTarget(request.target); !invalid.isEmpty()) {
        fail(result, Outcome::Failed, RemoteError::Failed, invalid);
        return finish();
    }

    if (cancelled(u"it started"_s)) {
        return finish();
    }
    SshClient client(request.target, settings);
    client.setShareConnection(true);
    // The shared connection ends with this function, however it returns; or earlier, while the activation is confirmed.
    connected = &client;
    std::future<void> closing;
    const auto closeConnection = qScopeGuard([&client, &closing] {
        if (closing.valid()) {
            closing.wait();
        } else {
            client.closeSharedConnection();
        }
    });
    const auto probe = [&client, &onLine, known = request.systemPath] {
        return client.runScript(Scripts::probe(known), false, onLine);
    };

    result.systemPath = request.systemPath;
    std::future<RemoteResult> probing;
    if (result.systemPath.isEmpty()) {
        // The machine is looked at (and the shared connection opened) while the system builds: the
        // handshake and the probe cost no time of their own, and nothing on the machine changes.
        probing = std::async(std::launch::async, probe);
        enter(Step::Building);
        const BuildResult built = buildHostSystem(request.flake, request.host, settings, onLine);
        // The result is complete only once the probe's lines are in.
        probing.wait();
        if (cancelled(u"the build ended"_s)) {
            return finish();
        }
        if (!built.error.isEmpty()) {
            fail(result, Outcome::Failed, RemoteError::BuildFailed, built.error);
            return finish();
        }
        result.systemPath = built.systemPath;
    }

    enter(Step::Connecting);
    const RemoteResult probed = probing.valid() ? probing.get() : probe();
    if (!probed.succeeded()) {
        failStep(probed, RemoteError::Failed, u"connecting"_s);
        return finish();
    }
    const QHash<QString, QString> facts = readMarkers(probed.output());
    if (facts.value(u"nix"_s).isEmpty()) {
        fail(result,
             Outcome::Failed,
             RemoteError::NoNix,
             u"%1 has no Nix (nix-env and nix-store are not on its PATH); Snowpane deploys only to machines with Nix"_s.arg(request.target.destination()));
        return finish();
    }
    client.setUseSudo(facts.value(u"uid"_s) != u"0"_s);

    if (cancelled(u"the copy"_s)) {
        return finish();
    }
    enter(Step::Copying);
    bool present = facts.contains(u"present"_s);
    if (!present && request.systemPath.isEmpty()) {
        // Built here, so the probe ran before the path was known. Asking costs one session on the shared
        // connection; a copy of a closure that is there already costs Nix's start on both sides.
        const RemoteResult asked = client.runScript(Scripts::presence(result.systemPath), false, onLine);
        present = asked.succeeded() && readMarkers(asked.output()).contains(u"present"_s);
    }
    if (present) {
        onLine(u"%1 is in the store of %2 already; nothing to copy"_s.arg(result.systemPath, request.target.destination()));
    } else if (const RemoteResult copied = client.copyClosure(result.systemPath, facts.contains(u"daemon"_s), onLine); !copied.succeeded()) {
        // The copy only adds store paths: the machine's system is as it was.
        failStep(copied, RemoteError::CopyFailed, u"copying"_s);
        return finish();
    }
    if (cancelled(u"the activation"_s)) {
        return finish();
    }

    if (request.mode == u"dry-activate"_s) {
        enter(Step::Activating);
        DeployPreview preview = previewOnMachine(client, result.systemPath);
        if (preview.error == RemoteError::Cancelled) {
            fail(result,
                 Outcome::Cancelled,
                 RemoteError::Cancelled,
                 u"cancelled during the preview; nothing changed on %1"_s.arg(request.target.destination()));
        } else if (!preview.isValid()) {
            fail(result, preview.error == RemoteError::Unreachable ? Outcome::Unreachable : Outcome::Failed, preview.error, preview.message);
        } else {
            result.outcome = Outcome::Done;
        }
        for (const QString &line : std::as_const(preview.dryActivationLog)) {
            onLine(line);
        }
        result.preview = std::move(preview);
        return finish();
    }

    enter(Step::Activating);
    ActivationRequest activation;
    activation.systemPath = result.systemPath;
    activation.action = request.mode;
    activation.rollbackSeconds = request.rollbackSeconds;
    activation.systemd = facts.contains(u"systemd"_s);
    activation.cancel = settings.cancel;
    activation.afterActivation = [&] {
        // Nothing after the activation uses the shared connection (confirming, and rolling back on a cancel,
        // each need a fresh one), so it closes while the confirmation connects instead of after it.
        closing = std::async(std::launch::async, [&client] {
            client.closeSharedConnection();
        });
        enter(Step::Confirming);
        if (request.afterActivation) {
            request.afterActivation();
        }
    };
    const ActivationResult activated = activateRemotely(client, activation, onLine);
    result.outcome = activated.outcome;
    result.error = activated.error;
    result.message = activated.message;
    result.previousGeneration = activated.previousGeneration;
    result.generation = activated.generation;
    result.rollbackScheduled = activated.rollbackScheduled;
    return finish();
}

} // namespace Snowpane::Remote
