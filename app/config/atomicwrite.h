// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <string>
#include <utility>
#include <vector>

namespace Snowpane::Config
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

/** A file to write: its absolute path, the text it was loaded with (empty for a new file), and its new text. */
struct CheckedWrite {
    std::string path;
    std::string before;
    std::string after;
};

/**
 * The writer every edit goes through, in the window as in the helper: each
 * file must still hold the text it was loaded with (a new file must still
 * not exist), and each new text must parse; only then are they all written
 * with writeFilesAtomically(). Missing parent directories of new files are
 * created. Returns an error message naming the file, or empty on success;
 * on error nothing was written.
 */
[[nodiscard]] std::string writeCheckedFiles(const std::vector<CheckedWrite> &files);

} // namespace Snowpane::Config
