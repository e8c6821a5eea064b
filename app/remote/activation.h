// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "processrun.h"
#include "remoteerror.h"

#include <QString>

#include <functional>

namespace Snowpane::Remote
{

class SshClient;

/// How one host's deployment (or remote switch) ended, as the person reads it.
enum class Outcome {
    Done,
    RolledBack,
    Failed,
    Unreachable,
    /// Stopped by the person before it changed the machine, or rolled back because of the cancel.
    Cancelled,
};

/// "done", "rolled back", "failed", "unreachable", "cancelled".
[[nodiscard]] QString outcomeName(Outcome outcome);

struct ActivationRequest {
    /// The system to activate (already in the machine's store)…
    QString systemPath;
    /// …or, when > 0, the profile generation to switch to.
    int generation = 0;
    /// switch, boot, test or dry-activate.
    QString action = QStringLiteral("switch");
    /// The machine returns to its previous system by itself unless the deployer reaches it again within this; 0: off.
    int rollbackSeconds = 90;
    bool systemd = false;
    QString profile = QStringLiteral("/nix/var/nix/profiles/system");
    QString currentSystem = QStringLiteral("/run/current-system");
    /// Called after the activation returned and before the fresh connection that confirms it (tests cut the network here);
    /// from then on only fresh connections are made, so a shared one may close.
    std::function<void()> afterActivation;
    /**
     * Raised to cancel: the activation itself runs to its end, but it is not
     * confirmed; the machine rolls back to its previous system at once (or,
     * unreachable, by its own schedule). Without a schedule the activation stands.
     */
    CancelFlag cancel;
};

struct ActivationResult {
    Outcome outcome = Outcome::Failed;
    RemoteError error = RemoteError::None;
    QString message;
    /// The profile generation before and after; 0 when there was none or it is unknown.
    int previousGeneration = 0;
    int generation = 0;
    QString system;
    QString previousSystem;
    bool rollbackScheduled = false;
    /// What the remote side printed (switch-to-configuration's own messages).
    QString log;
};

/**
 * Activates a system on a machine as nixos-rebuild does, with magic rollback:
 * the machine schedules its own return to the running system before the
 * activation, and the schedule is cancelled only through a fresh ssh
 * connection made afterwards. When no connection succeeds before the
 * timeout, the machine rolls back by itself and the result says so.
 */
[[nodiscard]] ActivationResult
activateRemotely(const SshClient &client, const ActivationRequest &request, const std::function<void(const QString &)> &log = {});

} // namespace Snowpane::Remote
