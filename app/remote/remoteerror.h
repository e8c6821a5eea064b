// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace Snowpane::Remote
{

/// What went wrong with a remote machine, in the few kinds a person can act on.
enum class RemoteError {
    None,
    /// Connection refused, timed out, no route, name not resolved.
    Unreachable,
    /// The key (or sudo) was refused.
    AuthenticationRefused,
    /// The machine's key is not known yet; accepting it is the person's decision.
    HostKeyUnknown,
    /// The machine's key differs from the known one: refused, never overridden here.
    HostKeyChanged,
    NoNix,
    DiskFull,
    BuildFailed,
    CopyFailed,
    ActivationFailed,
    /// The person cancelled the deployment.
    Cancelled,
    /// The host is the machine Snowpane runs on: applied through the helper, never over SSH to itself.
    ThisMachine,
    /// Anything else, with the message.
    Failed,
};

/// A short phrase for @p error: "unreachable", "host key changed", …
[[nodiscard]] QString errorName(RemoteError error);

/**
 * Sorts the failure of an ssh (or of Nix's ssh store) by its exit code and
 * standard error. ssh exits 255 for its own errors; any other code is the
 * remote command's, which is only sorted by what it printed (no space left,
 * nix not found).
 */
[[nodiscard]] RemoteError classifyFailure(int exitCode, const QString &standardError);

} // namespace Snowpane::Remote
