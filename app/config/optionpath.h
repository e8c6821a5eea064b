// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Snowpane::Config
{

/** An option path as a list of attribute names, such as {"services", "openssh", "enable"}. */
using OptionPath = std::vector<std::string>;

/**
 * Splits an option path written as on the command line: names separated by
 * dots, where a name may be double-quoted to hold dots or other characters
 * (`services.nginx.virtualHosts."example.org".root`). Returns nothing for an
 * empty path, an empty name or an unterminated quote.
 */
[[nodiscard]] std::optional<OptionPath> parseOptionPath(std::string_view text);

/** True when `name` can be written bare as an attribute name: an identifier that is not a keyword. */
[[nodiscard]] bool isBareAttrName(std::string_view name);

/** An attribute name as Nix source: bare when possible, else a quoted string with `"`, `\` and `${` escaped. */
[[nodiscard]] std::string formatAttrName(std::string_view name);

/** A whole path as Nix source (`a.b."c d"`), from `from` to the end. */
[[nodiscard]] std::string formatAttrPath(const OptionPath &path, std::size_t from = 0);

/** The number of leading names two paths share. */
[[nodiscard]] std::size_t commonPrefix(const OptionPath &a, std::size_t aFrom, const OptionPath &b, std::size_t bFrom);

} // namespace Snowpane::Config
