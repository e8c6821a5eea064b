// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringView>

namespace Snowpane::System
{

/**
 * Compares two package versions exactly as Nix's `builtins.compareVersions`
 * does: versions split into components at `.` and `-` and between digits and
 * non-digits; numeric components compare as numbers, `pre` sorts before
 * anything else, a missing component sorts before a number, a word sorts
 * before a number, and two words compare bytewise. Numbers that do not fit a
 * 32-bit int are words, as in Nix. Returns -1, 0 or 1.
 */
[[nodiscard]] int compareVersions(QStringView left, QStringView right);

} // namespace Snowpane::System
