// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <string>
#include <utility>
#include <vector>

namespace snowpane::config
{

/**
 * Writes several files as one step, each atomically: every new text first
 * goes to a temporary file beside its target (same mode as the file it
 * replaces), is flushed with fsync, and only when all of them are written are
 * they renamed over their targets and the directories synced. A failure
 * before the renames leaves every target untouched. Returns an error message,
 * or empty on success.
 */
[[nodiscard]] std::string writeFilesAtomically(const std::vector<std::pair<std::string, std::string>> &files);

} // namespace snowpane::config
