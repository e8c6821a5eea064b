// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshclient.h"
#include "sshtarget.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Snowpane::Remote
{

/// Where one host of a flake goes, and which attribute said so.
struct HostTarget {
    QString host;
    SshTarget target;
    enum class Source {
        /// deploy-rs: deploy.nodes.<host>.hostname, sshUser, sshOpts.
        DeployRs,
        /// colmena: colmena.<host>.deployment.targetHost, targetUser, targetPort.
        Colmena,
        /// Snowpane's own per-host setting.
        Setting,
        /// Nothing said: the host's own name, as ssh (and ~/.ssh/config) resolves it.
        HostName,
    };
    Source source = Source::HostName;
    /// Set when what the flake says is not a usable target; target is then the host name.
    QString problem;
};

[[nodiscard]] QString sourceName(HostTarget::Source source);

struct FlakeTargets {
    QList<HostTarget> hosts;
    QString error;
};

/**
 * Reads the hosts of @p flake (`nixosConfigurations`) and each one's target
 * from what the flake says (deploy-rs, then colmena), else from @p settings
 * (host → target text, Snowpane's per-host setting), else the host's name.
 * One `nix eval --json`; the flake's path reaches the expression through the
 * environment, never through its text.
 */
[[nodiscard]] FlakeTargets readFlakeTargets(const QString &flake, const QHash<QString, QString> &settings, const SshSettings &sshSettings);

/// The decision of readFlakeTargets() from its `nix eval` output; exposed for tests.
[[nodiscard]] FlakeTargets targetsFromJson(const QByteArray &json, const QHash<QString, QString> &settings);

} // namespace Snowpane::Remote
