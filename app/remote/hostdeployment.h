// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "activation.h"
#include "deploypreview.h"
#include "sshclient.h"
#include "sshtarget.h"
#include "thismachine.h"

#include <QString>

#include <functional>
#include <optional>

namespace Snowpane::Remote
{

/// One host to deploy: what to build (or the system already built) and where it goes.
struct DeployRequest {
    /// The flake's host name (`nixosConfigurations.<host>`), also the name in results.
    QString host;
    /// The flake directory; not needed when systemPath is given.
    QString flake;
    /// A toplevel already built; when empty, it is built from the flake.
    QString systemPath;
    SshTarget target;
    /// switch, boot, test or dry-activate; dry-activate previews (DeployPreview) and changes nothing.
    QString mode = QStringLiteral("switch");
    int rollbackSeconds = 90;
    /// Where it goes (routeOf()); anything but Ssh is refused by deployHost(), and DeployJob hands Helper to its local runner.
    DeployRoute route = DeployRoute::Ssh;
    /// With a route other than Ssh: why, and how to apply it instead (thisMachineMessage()).
    QString routeMessage;
    /// See ActivationRequest::afterActivation.
    std::function<void()> afterActivation;
};

enum class Step {
    Queued,
    Building,
    Connecting,
    Copying,
    Activating,
    Confirming,
    Finished,
};

/// "building", "copying", …
[[nodiscard]] QString stepName(Step step);

struct HostResult {
    QString host;
    SshTarget target;
    Outcome outcome = Outcome::Failed;
    RemoteError error = RemoteError::None;
    QString message;
    QString systemPath;
    int previousGeneration = 0;
    int generation = 0;
    bool rollbackScheduled = false;
    /// With the dry-activate mode: what a deployment would change.
    std::optional<DeployPreview> preview;
    /// Every line the build, the copy and the activation printed.
    QStringList log;
    qint64 elapsedMs = 0;
    /// ssh processes started for it (Nix's copy counts as one): what the benchmark weighs against the raw commands.
    int sshConnections = 0;
};

/// Progress of one host: a new step (line empty), or a log line within the current step.
using DeployProgress = std::function<void(const QString &host, Step step, const QString &line)>;

/// The store path of `nixosConfigurations.<host>.config.system.build.toplevel`, built locally (through the user's Nix daemon).
struct BuildResult {
    QString systemPath;
    QString error;
};
[[nodiscard]] BuildResult
buildHostSystem(const QString &flake, const QString &host, const SshSettings &settings, const std::function<void(const QString &)> &onLine = {});

/// Whether @p name can be a flake host name here (it is placed into an attribute path).
[[nodiscard]] bool isValidHostName(const QString &name);

/**
 * Deploys one host, start to end: build, look at the machine (Nix there?
 * systemd? who are we?), copy the closure with Nix's remote store, activate
 * with magic rollback. Blocking; FleetDeployment runs several at once.
 * Nothing on the machine changes before the copy, and the copy only adds
 * store paths, so any failure up to the activation leaves the machine as it was.
 * A raised settings.cancel stops it before the activation (the result says
 * cancelled); an activation already under way runs to its end, and then
 * the machine rolls back at once (or by its own timer) instead of being confirmed.
 */
[[nodiscard]] HostResult deployHost(const DeployRequest &request, const SshSettings &settings, const DeployProgress &progress = {});

} // namespace Snowpane::Remote
