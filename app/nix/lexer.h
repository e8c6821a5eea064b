// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "diagnostic.h"
#include "token.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace Snowpane::Nix
{

/**
 * The tokens of one source text, stored as two parallel arrays. Tokens are
 * contiguous and cover every byte, so a token's end is the next token's start
 * and only starts are stored: `offsets` has one more entry than `kinds`, the
 * last being the text's size. Five bytes per token keep big files cheap.
 */
struct TokenStream {
    std::vector<std::uint32_t> offsets;
    std::vector<TokenKind> kinds;

    [[nodiscard]] std::uint32_t size() const
    {
        return static_cast<std::uint32_t>(kinds.size());
    }
    [[nodiscard]] std::uint32_t begin(std::uint32_t token) const
    {
        return offsets[token];
    }
    [[nodiscard]] std::uint32_t end(std::uint32_t token) const
    {
        return offsets[token + 1];
    }
};

/** The tokens of a text and the lexical errors found on the way. */
struct LexResult {
    TokenStream tokens;
    std::vector<Diagnostic> diagnostics;
};

/**
 * Splits UTF-8 source into tokens exactly as Nix 2.26's flex lexer does:
 * longest match first, ties to the earlier rule, with the same start-condition
 * stack for strings, indented strings, interpolations and paths. It never
 * fails: bytes Nix has no token for become `Invalid` tokens, and errors Nix
 * raises while lexing (integer overflow, a bad float, a path with a trailing
 * slash) are reported as diagnostics. Sources must be smaller than 4 GiB.
 */
[[nodiscard]] LexResult lex(std::string_view source);

} // namespace Snowpane::Nix
