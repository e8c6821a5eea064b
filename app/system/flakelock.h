// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

/**
 * Reading flake.lock and saying what an update changed in it. Both sides of
 * an update need it: the root helper, for root's own flake, and the window,
 * for a flake the person owns. Plain QtCore, no files and no processes.
 */
namespace Snowpane::System
{

/** One direct input of a flake, as its flake.lock records it. */
struct LockedInput {
    QString name;
    QString revision; // the git revision; empty for inputs without one (path, tarball)
    QDateTime date; // lastModified, UTC; invalid when not recorded
    QString narHash;
    bool locked = false; // the lock pins it (a `locked` entry); false for an input Nix has not locked yet
};

/** Whether @p json is a flake.lock Nix would read: an object with `nodes`, a `version` and the root node it names. */
[[nodiscard]] bool isFlakeLock(const QByteArray &json);

/** The root's direct inputs of a flake.lock (version 7), in name order; inputs that only follow another are left out. Malformed text gives an empty list. */
[[nodiscard]] QList<LockedInput> parseFlakeLockInputs(const QByteArray &json);

/** An input whose locked revision changed (or that appeared or disappeared) between two lock files. */
struct InputChange {
    QString name;
    QString oldRevision;
    QString newRevision;
    QDateTime oldDate;
    QDateTime newDate;
};

/** The inputs whose lock changed from `before` to `after`, in name order. */
[[nodiscard]] QList<InputChange> changedInputs(const QList<LockedInput> &before, const QList<LockedInput> &after);

/** "Update flake inputs\n\nnixpkgs: 1a2b3c4 (2024-11-20) → 5d6e7f8 (2024-12-01)\n", one line per change. */
[[nodiscard]] QString flakeUpdateMessage(const QList<InputChange> &changes);

}
