// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

namespace Snowpane::Remote
{

/**
 * Where a host is deployed: an SSH destination as the user would type it.
 * The host may be an alias of the user's ~/.ssh/config, which ssh resolves;
 * nothing here looks it up. The user is empty when ssh's own default (the
 * config's User, else the local name) applies.
 */
struct SshTarget {
    QString user;
    QString host;
    /// 0: ssh's default (the config's Port, else 22).
    int port = 0;
    /// Extra ssh arguments, as deploy-rs's sshOpts: each one argv word.
    QStringList options;

    /// `user@host`, or `host`.
    [[nodiscard]] QString destination() const;
    /// `ssh://user@host:port` with what is set; how targets are shown and given back to the CLI.
    [[nodiscard]] QString uri() const;
    friend bool operator==(const SshTarget &, const SshTarget &) = default;
};

struct TargetParse {
    SshTarget target;
    QString error;
    [[nodiscard]] bool isValid() const
    {
        return error.isEmpty();
    }
};

/**
 * Reads `ssh://[user@]host[:port]`, `[user@]host[:port]` or `[user@][v6addr]:port`.
 * Refuses what ssh would read as an option or what a shell would split
 * (a leading '-', spaces, control characters, quotes), so that a target taken
 * from a flake cannot become an ssh option.
 */
[[nodiscard]] TargetParse parseTarget(const QString &text);

/// Checks a target assembled from parts (the flake's attributes): the same rules as parseTarget.
[[nodiscard]] QString validateTarget(const SshTarget &target);

} // namespace Snowpane::Remote
