// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "activation.h"
#include "sshclient.h"
#include "sshtarget.h"

#include <QString>

#include <functional>

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
    /// switch, boot, test or dry-activate.
    QString mode = QStringLiteral("switch");
    int rollbackSeconds = 90;
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
    /// Every line the build, the copy and the activation printed.
    QStringList log;
    qint64 elapsedMs = 0;
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
 */
[[nodiscard]] HostResult deployHost(const DeployRequest &request, const SshSettings &settings, const DeployProgress &progress = {});

} // namespace Snowpane::Remote
