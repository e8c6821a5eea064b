// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Internal to the lexer: shared by lexer.cpp (the default state, numbers and
// the entry point) and lexerstrings.cpp (strings, indented strings, paths).

#pragma once

#include "lexer.h"
#include "literals.h"
#include "recycler.h"

#include <array>

namespace Snowpane::Nix::Detail
{

// Character classes of lexer.l, as bit flags in one table so that each test is
// a load and a mask.
enum CharClass : std::uint8_t {
    IdentStart = 1, // [a-zA-Z_]
    IdentRest = 2, // [a-zA-Z0-9_'-]
    PathChar = 4, // [a-zA-Z0-9._+-]
    UriScheme = 8, // [a-zA-Z0-9+.-] after the first letter
    UriChar = 16, // [a-zA-Z0-9%/?:@&=+$,_.!~*'-]
    Digit = 32,
    Alpha = 64,
    Space = 128, // [ \t\r\n]
};

constexpr std::array<std::uint8_t, 256> makeClasses()
{
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        std::uint8_t bits = 0;
        if (alpha || c == '_') {
            bits |= IdentStart;
        }
        if (alpha || digit || c == '_' || c == '\'' || c == '-') {
            bits |= IdentRest;
        }
        if (alpha || digit || c == '.' || c == '_' || c == '-' || c == '+') {
            bits |= PathChar;
        }
        if (alpha || digit || c == '+' || c == '-' || c == '.') {
            bits |= UriScheme;
        }
        if (alpha || digit || std::string_view("%/?:@&=+$,-_.!~*'").find(static_cast<char>(c)) != std::string_view::npos) {
            bits |= UriChar;
        }
        if (digit) {
            bits |= Digit;
        }
        if (alpha) {
            bits |= Alpha;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            bits |= Space;
        }
        table[static_cast<std::size_t>(c)] = bits;
    }
    return table;
}

inline constexpr std::array<std::uint8_t, 256> classes = makeClasses();

// Flex start conditions. Initial is only ever the bottom of the stack: a '}'
// there does not pop, as in Nix.
enum class State : std::uint8_t {
    Initial,
    Default,
    String,
    IndString,
    InPath,
    InPathSlash,
};

struct Keyword {
    std::string_view text;
    TokenKind kind;
};

// Keywords by length, so that an identifier is compared with at most two of
// them; most identifiers are longer than seven bytes or differ in the first.
inline TokenKind keywordOrIdent(std::string_view word)
{
    auto is = [&](std::string_view keyword, TokenKind kind) {
        return word == keyword ? kind : TokenKind::Ident;
    };
    switch (word.size()) {
    case 2:
        switch (word[0]) {
        case 'i':
            return word[1] == 'f' ? TokenKind::KwIf : word[1] == 'n' ? TokenKind::KwIn : TokenKind::Ident;
        case 'o':
            return word[1] == 'r' ? TokenKind::KwOr : TokenKind::Ident;
        default:
            return TokenKind::Ident;
        }
    case 3:
        return word[0] == 'l' ? is("let", TokenKind::KwLet) : word[0] == 'r' ? is("rec", TokenKind::KwRec) : TokenKind::Ident;
    case 4:
        switch (word[0]) {
        case 't':
            return is("then", TokenKind::KwThen);
        case 'e':
            return is("else", TokenKind::KwElse);
        case 'w':
            return is("with", TokenKind::KwWith);
        default:
            return TokenKind::Ident;
        }
    case 6:
        return is("assert", TokenKind::KwAssert);
    case 7:
        return is("inherit", TokenKind::KwInherit);
    default:
        return TokenKind::Ident;
    }
}

class Lexer
{
public:
    explicit Lexer(std::string_view source)
        : m_src(source)
        , m_size(static_cast<std::uint32_t>(source.size()))
    {
        // NixOS modules average about four bytes per token (0.26 tokens per
        // byte); reserving for three avoids regrowth, and with it a copy of
        // the arrays and a doubled capacity, on all but unusually dense code.
        m_out.tokens.offsets = reuseBuffer<std::uint32_t>(source.size() / 3 + 16);
        m_out.tokens.kinds = reuseBuffer<TokenKind>(source.size() / 3 + 16);
        m_states.push_back(State::Initial);
    }

    LexResult run()
    {
        while (m_pos < m_size) {
            switch (m_states.back()) {
            case State::Initial:
            case State::Default:
                lexDefault();
                break;
            case State::String:
                lexString();
                break;
            case State::IndString:
                lexIndString();
                break;
            case State::InPath:
            case State::InPathSlash:
                lexInPath();
                break;
            }
        }
        // A path that ends the file: PATH_END at end of input is fine, but a
        // trailing slash is an error. Flex runs no user action for <<EOF>>,
        // so Nix reports it at the last token, the piece ending in '/'.
        if (m_states.back() == State::InPathSlash) {
            error(m_out.tokens.offsets.back(), "path has a trailing slash");
        }
        m_out.tokens.offsets.push_back(m_size);
        return std::move(m_out);
    }

private:
    [[nodiscard]] std::uint8_t cls(std::uint32_t i) const
    {
        return i < m_size ? classes[static_cast<unsigned char>(m_src[i])] : 0;
    }
    [[nodiscard]] char at(std::uint32_t i) const
    {
        return i < m_size ? m_src[i] : '\0';
    }
    [[nodiscard]] bool startsWith(std::uint32_t i, std::string_view s) const
    {
        return m_src.substr(i, s.size()) == s;
    }

    void emit(TokenKind kind, std::uint32_t length)
    {
        m_out.tokens.offsets.push_back(m_pos);
        m_out.tokens.kinds.push_back(kind);
        m_pos += length;
    }
    void error(std::uint32_t offset, std::string message)
    {
        m_out.diagnostics.push_back({offset, Severity::Error, DiagnosticKind::Syntax, std::move(message)});
    }
    void warning(std::uint32_t offset, std::string message)
    {
        m_out.diagnostics.push_back({offset, Severity::Warning, DiagnosticKind::Syntax, std::move(message)});
    }
    // Nix refuses string pieces with NUL bytes: its strings are C strings.
    void emitText(TokenKind kind, std::uint32_t length)
    {
        const std::string_view text = m_src.substr(m_pos, length);
        if (text.find('\0') != std::string_view::npos) {
            error(m_pos, "input string cannot be represented as Nix string because it contains null bytes");
        }
        emit(kind, length);
    }
    void push(State s)
    {
        m_states.push_back(s);
    }
    void pop()
    {
        if (m_states.size() > 1) {
            m_states.pop_back();
        }
    }

    // The end of the maximal run of `mask` characters containing i. Runs are
    // remembered, because a run of '-' or '.' is re-examined from each of its
    // characters as a candidate path and would otherwise cost quadratic time.
    [[nodiscard]] std::uint32_t cachedRun(std::uint32_t i, std::uint8_t mask, std::uint32_t &start, std::uint32_t &end) const
    {
        if (i >= start && i < end) {
            return end - i;
        }
        const std::uint32_t n = runOf(i, mask);
        if (n > 0) {
            start = i;
            end = i + n;
        }
        return n;
    }
    [[nodiscard]] std::uint32_t pathRun(std::uint32_t i) const
    {
        return cachedRun(i, PathChar, m_pathRunStart, m_pathRunEnd);
    }
    [[nodiscard]] std::uint32_t schemeRun(std::uint32_t i) const
    {
        return cachedRun(i, UriScheme, m_schemeRunStart, m_schemeRunEnd);
    }

    [[nodiscard]] std::uint32_t runOf(std::uint32_t i, std::uint8_t mask) const
    {
        const std::uint32_t start = i;
        const char *const src = m_src.data();
        // Four bytes per bound check while far from the end.
        while (i + 4 <= m_size) {
            if (!(classes[static_cast<unsigned char>(src[i])] & mask)) {
                return i - start;
            }
            if (!(classes[static_cast<unsigned char>(src[i + 1])] & mask)) {
                return i + 1 - start;
            }
            if (!(classes[static_cast<unsigned char>(src[i + 2])] & mask)) {
                return i + 2 - start;
            }
            if (!(classes[static_cast<unsigned char>(src[i + 3])] & mask)) {
                return i + 3 - start;
            }
            i += 4;
        }
        while (i < m_size && (classes[static_cast<unsigned char>(src[i])] & mask)) {
            ++i;
        }
        return i - start;
    }

    // Whether a path token (with or without interpolation) could start here:
    // every form begins with {PATH_CHAR}*\/ .
    [[nodiscard]] bool mayStartPath(std::uint32_t start) const
    {
        return at(start + pathRun(start)) == '/';
    }
    // Whether a URI could start here: [a-zA-Z][a-zA-Z0-9+.-]*:{URI_CHAR}
    [[nodiscard]] bool mayStartUri(std::uint32_t start) const
    {
        if (!(cls(start) & Alpha)) {
            return false;
        }
        const std::uint32_t colon = start + 1 + schemeRun(start + 1);
        return at(colon) == ':' && (cls(colon + 1) & UriChar);
    }

    // {PATH_CHAR}*(\/{PATH_CHAR}+)+\/?  — the length of the longest match, or 0.
    [[nodiscard]] std::uint32_t pathLength(std::uint32_t start) const
    {
        std::uint32_t i = start + pathRun(start);
        bool segment = false;
        while (at(i) == '/' && (cls(i + 1) & PathChar)) {
            i += 1 + runOf(i + 1, PathChar);
            segment = true;
        }
        if (!segment) {
            return 0;
        }
        if (at(i) == '/') {
            ++i;
        }
        return i - start;
    }

    // \~(\/{PATH_CHAR}+)+\/?
    [[nodiscard]] std::uint32_t homePathLength(std::uint32_t start) const
    {
        if (at(start) != '~') {
            return 0;
        }
        std::uint32_t i = start + 1;
        bool segment = false;
        while (at(i) == '/' && (cls(i + 1) & PathChar)) {
            i += 1 + runOf(i + 1, PathChar);
            segment = true;
        }
        if (!segment) {
            return 0;
        }
        if (at(i) == '/') {
            ++i;
        }
        return i - start;
    }

    // {PATH_SEG}\$\{ — the length of the segment without the "${", or 0.
    [[nodiscard]] std::uint32_t pathSegmentBeforeInterpolation(std::uint32_t start) const
    {
        const std::uint32_t i = start + pathRun(start);
        if (at(i) == '/' && at(i + 1) == '$' && at(i + 2) == '{') {
            return i + 1 - start;
        }
        return 0;
    }

    // \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>
    [[nodiscard]] std::uint32_t searchPathLength(std::uint32_t start) const
    {
        std::uint32_t i = start + 1;
        std::uint32_t n = runOf(i, PathChar);
        if (n == 0) {
            return 0;
        }
        i += n;
        while (at(i) == '/' && (cls(i + 1) & PathChar)) {
            i += 1 + runOf(i + 1, PathChar);
        }
        return at(i) == '>' ? i + 1 - start : 0;
    }

    // [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[uri chars]+
    [[nodiscard]] std::uint32_t uriLength(std::uint32_t start) const
    {
        if (!(cls(start) & Alpha)) {
            return 0;
        }
        std::uint32_t i = start + 1 + schemeRun(start + 1);
        if (at(i) != ':') {
            return 0;
        }
        const std::uint32_t rest = runOf(i + 1, UriChar);
        return rest == 0 ? 0 : i + 1 + rest - start;
    }

    // (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
    [[nodiscard]] std::uint32_t floatLength(std::uint32_t start) const
    {
        std::uint32_t i = start;
        const char c = at(i);
        if (c >= '1' && c <= '9') {
            i += runOf(i, Digit);
            if (at(i) != '.') {
                return 0;
            }
            ++i;
            i += runOf(i, Digit);
        } else {
            if (c == '0') {
                ++i;
            }
            if (at(i) != '.' || !(cls(i + 1) & Digit)) {
                return 0;
            }
            ++i;
            i += runOf(i, Digit);
        }
        if (at(i) == 'e' || at(i) == 'E') {
            std::uint32_t j = i + 1;
            if (at(j) == '+' || at(j) == '-') {
                ++j;
            }
            if (cls(j) & Digit) {
                i = j + runOf(j, Digit);
            }
        }
        return i - start;
    }

    // Candidates are offered in lexer.l's rule order, so a strict comparison
    // gives flex's tie-break to the earlier rule.
    struct Match {
        std::uint32_t length = 0;
        TokenKind kind = TokenKind::Invalid;
        int action = 0;
    };
    static void offer(Match &best, std::uint32_t length, TokenKind kind, int action = 0)
    {
        if (length > best.length) {
            best = {length, kind, action};
        }
    }

    enum Action {
        Plain,
        PushDefault,
        PopBrace,
        OpenString,
        OpenIndString,
        PathBeforeInterpolation,
        HomeBeforeInterpolation,
        PathLiteral,
        UnterminatedComment,
    };

    void lexDefault();
    void lexDefaultToken();
    void lexString();
    void lexIndString();
    void lexInPath();
    void checkNumber(TokenKind kind, std::uint32_t length);

    std::string_view m_src;
    std::uint32_t m_size;
    std::uint32_t m_pos = 0;
    std::vector<State> m_states;
    LexResult m_out;
    mutable std::uint32_t m_pathRunStart = 0;
    mutable std::uint32_t m_pathRunEnd = 0;
    mutable std::uint32_t m_schemeRunStart = 0;
    mutable std::uint32_t m_schemeRunEnd = 0;
};

} // namespace Snowpane::Nix::Detail
