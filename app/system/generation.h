// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Snowpane::System
{

/**
 * One generation of a system profile, with the fields that
 * `nixos-rebuild list-generations --json` reports, read from the same sources.
 * Fields that could not be read stay empty; `problem` says why, so that a
 * broken generation is still listed with what is known.
 */
struct Generation {
    int number = 0;
    /// The `system-N-link`'s own modification time, which is what nix-env shows.
    QDateTime date;
    /// The store path the link resolves to, empty when the link is dangling.
    QString storePath;
    QString nixosVersion;
    QString kernelVersion;
    QString configurationRevision;
    QStringList specialisations;
    bool current = false;
    /// Whether /run/booted-system (a setting) points at this generation's store path.
    bool booted = false;
    /// Whether /run/current-system (a setting) points at this generation's store path.
    bool running = false;
    /// Sum of the NAR sizes of the closure; -1 when not computed or unknown.
    qint64 closureSize = -1;
    QString problem;
};

} // namespace Snowpane::System
