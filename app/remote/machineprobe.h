// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "remoteerror.h"
#include "remotegenerations.h"
#include "sshclient.h"

#include <QString>

namespace Snowpane::Remote
{

/// What a glance at a machine finds: whether it answers, and what it runs.
struct MachineFacts {
    RemoteError error = RemoteError::None;
    QString message;
    /// With HostKeyUnknown: the fingerprints the machine offers now (`ssh-keygen -l` lines), for the person to check.
    QString offeredHostKeys;
    /// The system profile's generation; 0 when it has none.
    int generation = 0;
    /// The running system's `nixos-version`.
    QString nixosVersion;
    QString runningSystem;
    /// What the system profile points at: the next boot's system.
    QString profileSystem;
    /// The booted and the running system differ in kernel, initrd or kernel modules; or the profile (the boot default) is not what runs.
    bool rebootPending = false;
    bool kernelChanged = false;

    [[nodiscard]] bool reachable() const
    {
        return error == RemoteError::None || error == RemoteError::NoNix;
    }
};

/**
 * Looks at a machine in one ssh round trip, reading only: whether Nix is
 * there, its profile's generation, the running system and its NixOS version,
 * and whether a reboot is pending. Blocking; the window calls it from a
 * worker thread.
 */
[[nodiscard]] MachineFacts probeMachine(const SshClient &client, const RemotePaths &paths = {});

/// The same look at this machine, with the local `sh` and no ssh.
[[nodiscard]] MachineFacts probeThisMachine(const SshSettings &settings, const RemotePaths &paths = {});

/// The probe's script; exposed for tests.
[[nodiscard]] QString machineProbeScript(const RemotePaths &paths);

/// Reads the probe's output; exposed for tests.
[[nodiscard]] MachineFacts machineFactsFromOutput(const QString &output);

} // namespace Snowpane::Remote
