// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Snowpane::Remote
{

/**
 * The shell scripts run on the other machine, each in one ssh round trip.
 * Every value is quoted into them here; they print their findings as
 * `snowpane:KEY=VALUE` lines on stdout (what they run logs to stderr), which
 * readMarkers() takes apart. Pure functions, so the quoting is tested alone.
 */
namespace Scripts
{

/**
 * The shell function `changed_boot_parts BOOTED SYSTEM`, which prints each of
 * kernel, initrd and kernel-modules that SYSTEM boots differently from
 * BOOTED, one per line: what makes a reboot pending. A part neither system
 * has is no change. The one definition the machine probe and the deploy
 * preview both use.
 */
[[nodiscard]] QString changedBootParts();

/**
 * What a remote machine is: whether it has Nix, systemd, a Nix daemon, who we
 * are there. Given @p systemPath, also whether that system is already valid in
 * the machine's store (`snowpane:present=1`): a valid path's closure is valid
 * too, so a redeployment skips the copy.
 */
[[nodiscard]] QString probe(const QString &systemPath = {});

/// Only whether @p systemPath is already valid in the machine's store, as probe() says it.
[[nodiscard]] QString presence(const QString &systemPath);

struct Activation {
    QString profile = QStringLiteral("/nix/var/nix/profiles/system");
    QString currentSystem = QStringLiteral("/run/current-system");
    /// The system to set the profile to (switch, boot) or to activate (test, dry-activate)…
    QString systemPath;
    /// …or, when > 0, the profile's generation to switch to (remote rollback).
    int generation = 0;
    /// switch, boot, test or dry-activate.
    QString action;
    /// 0: no magic rollback.
    int rollbackSeconds = 0;
    /// Names the scheduled rollback; [0-9a-f]{16}.
    QString token;
    bool systemd = false;
};

/**
 * Sets the profile (switch, boot), schedules the machine's own return to the
 * running system (magic rollback: a transient systemd timer, or a detached
 * `sleep` where systemd is absent), then runs `switch-to-configuration`
 * (under systemd-run when systemd runs). A failed activation rolls back at once.
 */
[[nodiscard]] QString activate(const Activation &plan);

/// Cancels the scheduled rollback @p token, if it has not begun; prints `snowpane:confirmed` or `snowpane:too-late`.
[[nodiscard]] QString confirm(const QString &token);

/// Every generation of @p profile with its date (the link's own mtime), version, kernel and revision.
[[nodiscard]] QString listGenerations(const QString &profile, const QString &currentSystem, const QString &bootedSystem);

/// The closures, NAR sizes and selected packages of two generations of @p profile.
[[nodiscard]] QString closuresOfGenerations(const QString &profile, int before, int after);

/**
 * Compares @p newSystem (already in the machine's store) with what the
 * machine runs: both closures with their sizes and selected packages, the
 * kernels, whether the boot files differ from the booted system's (a reboot
 * note), and what `switch-to-configuration dry-activate` would do to units.
 * Changes nothing.
 */
[[nodiscard]] QString preview(const QString &newSystem, const QString &currentSystem, const QString &bootedSystem);

/// Rolls back at once what the activation @p token scheduled (a cancelled deployment); prints `snowpane:rolled-back=STATUS`, or `snowpane:too-late=1`.
[[nodiscard]] QString rollBackNow(const QString &token);

/// A new rollback token: 16 random hex digits.
[[nodiscard]] QString newToken();
/// Whether @p token is one newToken() could have made (it is placed in paths and unit names).
[[nodiscard]] bool isValidToken(const QString &token);

} // namespace Scripts

/// The `snowpane:KEY=VALUE` lines of @p output (the last value of a key wins).
[[nodiscard]] QHash<QString, QString> readMarkers(const QString &output);

/// The lines after each `snowpane-section NAME` line of @p output, by name (marker lines and empty lines left out).
[[nodiscard]] QHash<QString, QStringList> readSections(const QString &output);

} // namespace Snowpane::Remote
