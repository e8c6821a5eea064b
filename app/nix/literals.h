// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Snowpane::Nix
{

/** The value of an integer literal, or nothing when it does not fit in int64 as Nix requires. */
[[nodiscard]] std::optional<std::int64_t> parseNixInt(std::string_view digits);

/**
 * The value of a float literal, or nothing where Nix's strtod reports a range
 * error: overflow, and underflow to zero or to a subnormal number. Independent
 * of the C locale, unlike strtod.
 */
[[nodiscard]] std::optional<double> parseNixFloat(std::string_view text);

/** A float as Nix prints it: C++ stream default, six significant digits ("%g"). */
[[nodiscard]] std::string formatNixFloat(double value);

/**
 * Decodes the raw text of a double-quoted string piece: `\n`, `\r`, `\t`, and
 * any other escaped byte stands for itself; a raw CR or CRLF becomes LF.
 */
void appendUnescapedString(std::string &out, std::string_view raw);

/** The literal text of an indented-string escape token (`''$`, `'''`, `''\X`, `$`, `'`). */
void appendIndentedEscape(std::string &out, std::string_view raw);

/** A string as Nix prints a literal: quoted, with `"`, `\`, LF, CR, TAB and `${` escaped. */
void appendQuotedString(std::string &out, std::string_view value);

} // namespace Snowpane::Nix
