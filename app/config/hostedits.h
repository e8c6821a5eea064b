// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "changeset.h"

namespace Snowpane::Config
{

/**
 * Plans an operation for the chosen host of a flake with several hosts.
 * New definitions already go only into files the host alone includes (see
 * placeDefinition). A plan that would change a file other hosts include is
 * then decided by `operation.reach`:
 *
 * - ThisHost: refused, naming the file and the other hosts (also as
 *   EditResult::shared, for a window that offers the choice); a package added
 *   to a shared list goes instead into a list of the host's own files (lists
 *   of packages merge);
 * - AllHosts: planned as if the host were alone;
 * - OverrideForHost: a `set` writes the value into the host's own file at a
 *   priority that wins over every other definition (`lib.mkForce`, or
 *   `lib.mkOverride N` below an existing mkForce), adding `lib` to the
 *   module's arguments when they lack it.
 */
[[nodiscard]] Snowpane::Config::EditResult planForHost(const Snowpane::Config::DocumentSet &set, const Snowpane::Config::Operation &operation);

/** The wrapper an override for the host needs to win over definitions of the given priorities. */
[[nodiscard]] std::string overrideWrapper(int lowestPriority);

} // namespace Snowpane::Config
