// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Snowpane::Helper
{

/** Where the helper reads its settings. Fixed: no caller and no environment variable can move it. */
inline constexpr char HelperConfigFile[] = "/etc/snowpane/helper.conf";

/**
 * Every path and program the helper uses. The defaults are a NixOS
 * machine's; only root's /etc/snowpane/helper.conf may change them, which is
 * how tests point the same code at a stand-in system.
 */
struct HelperConfig {
    QString configurationDirectory = QStringLiteral("/etc/nixos");
    /** The flake's nixosConfigurations host this machine runs (programs.snowpane.host); empty means the host name. */
    QString host;
    QString systemProfile = QStringLiteral("/nix/var/nix/profiles/system");
    QString storeDirectory = QStringLiteral("/nix/store");
    /** Holds nix-build, nix-env, nix-store, nix-instantiate and nix. */
    QString nixBinDirectory = QStringLiteral("/run/current-system/sw/bin");
    QString systemdRun = QStringLiteral("/run/current-system/sw/bin/systemd-run");
    /** Activation goes through systemd-run only when this exists, as in nixos-rebuild. */
    QString systemdRuntimeDirectory = QStringLiteral("/run/systemd/system");
    QString bootedSystem = QStringLiteral("/run/booted-system");
    /** The running system, which deletegenerations never deletes, as it never deletes the booted one. */
    QString currentSystem = QStringLiteral("/run/current-system");
    /** Root's channels profile, which `nixpkgs=` of NIX_PATH reads (`<profile>/nixos`) and updatesources updates. */
    QString channelsProfile = QStringLiteral("/nix/var/nix/profiles/per-user/root/channels");
    /** Root's channel list, `URL NAME` lines, as nix-channel --add writes it. */
    QString channelList = QStringLiteral("/root/.nix-channels");
    /**
     * NIX_PATH for every command; empty (the default) leaves it unset, so that
     * Nix takes the `nix-path` NixOS writes into nix.conf, as nixos-rebuild
     * does. A pinned machine is then never built from root's channel instead.
     */
    QString nixPath;
    /** Whether deleting generations ends with `nix-store --gc`, as it should on a real machine. */
    bool collectGarbage = true;
    /** Extra variables for every command, as NAME=value (the stand-in's SNOWPANE_STANDIN_STATE, for example). */
    QStringList extraEnvironment;

    [[nodiscard]] QString nixProgram(const QString &name) const
    {
        return nixBinDirectory + QLatin1Char('/') + name;
    }
    /** The fixed environment of every command the helper runs. */
    [[nodiscard]] QProcessEnvironment environment() const;
};

/**
 * Parses the text of helper.conf: `[Paths]` with ConfigurationDirectory,
 * SystemProfile, StoreDirectory, NixBinDirectory, SystemdRun,
 * SystemdRuntimeDirectory, BootedSystem, CurrentSystem, ChannelsProfile,
 * ChannelList and NixPath; `[Configuration]` with Host (a flake host name);
 * `[Behaviour]` with
 * CollectGarbage=true|false; `[Environment]` with
 * NAME=value lines. Unknown sections and keys are errors, and every path
 * must be absolute.
 */
[[nodiscard]] Checked<HelperConfig> parseHelperConfig(const QByteArray &text);

/**
 * Reads the settings file: the defaults if it does not exist, an error if
 * it is not a regular file owned by root and writable by root only (a
 * settings file others could edit would hand them the helper).
 */
[[nodiscard]] Checked<HelperConfig> loadHelperConfig(const QString &file = QString::fromLatin1(HelperConfigFile));

}
