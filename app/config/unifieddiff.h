// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <string>
#include <string_view>

namespace Snowpane::Config
{

/**
 * A unified diff of two texts (`--- a/NAME`, `+++ b/NAME`, hunks with three
 * lines of context), as `diff -u` and `git diff` print it, including the
 * "\ No newline at end of file" marker. Empty when the texts are equal.
 */
[[nodiscard]] std::string unifiedDiff(std::string_view name, std::string_view before, std::string_view after);

} // namespace Snowpane::Config
