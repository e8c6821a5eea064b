// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <string_view>

namespace Snowpane::Nix
{

/**
 * The kind of one token of Nix source. Every byte of a file belongs to exactly
 * one token, trivia (whitespace and comments) included, so the kinds mirror the
 * tokens of Nix's own flex lexer plus the trivia it throws away. Tokens that
 * only exist inside strings and paths carry the text pieces Nix turns into
 * string literals.
 */
enum class TokenKind : std::uint8_t {
    Whitespace,
    LineComment,
    BlockComment,
    Ignored, // everything after a NUL byte outside strings, which Nix reads as end of input

    KwIf,
    KwThen,
    KwElse,
    KwAssert,
    KwWith,
    KwLet,
    KwIn,
    KwRec,
    KwInherit,
    KwOr,
    Ellipsis,

    Eq, // ==
    NotEq, // !=
    LessEq, // <=
    GreaterEq, // >=
    And, // &&
    Or, // ||
    Implies, // ->
    Update, // //
    Concat, // ++
    PipeFrom, // <|
    PipeInto, // |>

    Ident,
    Int,
    Float,

    DollarCurly, // ${
    LBrace,
    RBrace,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Semicolon,
    Colon,
    Comma,
    Dot,
    Assign,
    At,
    Question,
    Bang,
    Minus,
    Plus,
    Star,
    Slash,
    Less,
    Greater,

    Quote, // " opening or closing a string
    StrText, // a run of string content, escapes not yet decoded
    IndStrOpen, // '' plus the optional spaces and newline Nix swallows with it
    IndStrText, // a run of indented-string content that takes part in indentation stripping
    IndStrEscape, // ''$ ''' ''\X, and a lone $ or ' : literal text outside stripping
    IndStrClose, // ''

    Path, // the first piece of a path literal (relative or absolute)
    HomePath, // the first piece of a ~/ path literal
    PathText, // a later literal piece of an interpolated path
    SearchPath, // <nixpkgs/lib>
    Uri,

    Invalid, // a byte Nix has no token for
};

/** The number of token kinds, for tables indexed by kind. */
inline constexpr int tokenKindCount = static_cast<int>(TokenKind::Invalid) + 1;

/** True for whitespace and comments, which the grammar never sees. */
[[nodiscard]] constexpr bool isTrivia(TokenKind kind)
{
    return kind <= TokenKind::Ignored;
}

/** A short human name for a kind, as used in diagnostics ("'{'", "identifier"). */
[[nodiscard]] std::string_view tokenKindName(TokenKind kind);

} // namespace Snowpane::Nix
