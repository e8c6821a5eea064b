// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "activation.h"
#include "remoteerror.h"

#include "closure.h"
#include "generation.h"
#include "packagediff.h"

#include <QList>

namespace Snowpane::Remote
{

class SshClient;

/// Where a machine keeps its system; the NixOS locations unless told otherwise.
struct RemotePaths {
    QString profile = QStringLiteral("/nix/var/nix/profiles/system");
    QString currentSystem = QStringLiteral("/run/current-system");
    QString bootedSystem = QStringLiteral("/run/booted-system");
};

struct RemoteGenerationList {
    /// Newest first, with the fields of the local list (closure sizes are not read remotely).
    QList<System::Generation> generations;
    RemoteError error = RemoteError::None;
    QString message;
};

/// A machine's generations, in one ssh round trip; dates are each link's own time, as nix-env shows.
[[nodiscard]] RemoteGenerationList listRemoteGenerations(const SshClient &client, const RemotePaths &paths = {});

/// Reads the list script's output; exposed for tests.
[[nodiscard]] RemoteGenerationList generationsFromOutput(const QString &output);

/**
 * Makes generation @p number the machine's current one (switch) or only its
 * boot default (@p boot), with magic rollback for a switch.
 */
[[nodiscard]] ActivationResult switchRemoteGeneration(SshClient &client, int number, bool boot, int rollbackSeconds, const RemotePaths &paths = {});

struct RemoteGenerationDiff {
    System::PackageDiff diff;
    System::Closure before;
    System::Closure after;
    RemoteError error = RemoteError::None;
    QString message;
};

/**
 * Reads the closure sections that the generation diff and the preview
 * scripts print (`snowpane:before=`, `snowpane:after=`, the closures, sizes
 * and selected packages). Incomplete output is an error without a message,
 * for the caller to name what it asked for.
 */
[[nodiscard]] RemoteGenerationDiff closureDiffFromOutput(const QString &output);

/// The package difference between two of the machine's generations, from its own store, in one round trip.
[[nodiscard]] RemoteGenerationDiff diffRemoteGenerations(const SshClient &client, int before, int after, const RemotePaths &paths = {});

} // namespace Snowpane::Remote
