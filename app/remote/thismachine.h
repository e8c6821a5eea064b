// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshtarget.h"

#include <QString>

namespace Snowpane::Remote
{

/**
 * The machine Snowpane runs on, as deployments must recognise it: the
 * configuration and host the helper builds (programs.snowpane.configuration
 * and programs.snowpane.host, from the helper's settings; /etc/nixos and
 * the host name without them), and the machine's own host name.
 */
struct ThisMachine {
    QString configurationDirectory = QStringLiteral("/etc/nixos");
    /// The flake host the helper builds; empty: the host name, as nixos-rebuild does.
    QString host;
    /// QSysInfo::machineHostName() unless told otherwise.
    QString hostName;

    /// The host's name in the flake: host, or else the host name.
    [[nodiscard]] QString flakeHost() const;
    /// From the helper's settings (their configuration directory and host).
    [[nodiscard]] static ThisMachine fromHelperSettings(const QString &configurationDirectory, const QString &host);
};

/// Where a deployment of one host goes.
enum class DeployRoute {
    /// Another machine: over SSH.
    Ssh,
    /// This machine's own configuration and host: through the privileged helper, as an apply in the window.
    Helper,
    /// This machine by its target, but another configuration than the one it is managed from: neither.
    Refused,
};

/**
 * Decides where deploying @p host of @p flake to @p target goes. The host
 * is this machine when it is the configuration and host the helper builds
 * (the same directory, however it is spelled), or when its target names
 * this machine (its host name, or a loopback address with ssh's default
 * port): Snowpane never deploys a machine to itself over SSH.
 */
[[nodiscard]] DeployRoute routeOf(const ThisMachine &machine, const QString &flake, const QString &host, const SshTarget &target);

/// Why a host of this machine was not deployed over SSH, and how to apply it instead.
[[nodiscard]] QString thisMachineMessage(const ThisMachine &machine, const QString &flake, const QString &host, const QString &mode, DeployRoute route);

} // namespace Snowpane::Remote
