// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The parser's rules for strings, paths, interpolations, lists, sets,
// bindings, inherits and lambda patterns.

#include "parserimpl.h"

#include <algorithm>

namespace Snowpane::Nix::Detail
{

void Parser::parseAttrPath()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    parseAttr();
    while (accept(TokenKind::Dot)) {
        parseAttr();
    }
    finish(NodeKind::AttrPath, m, first);
}

void Parser::parseAttr()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    switch (peek()) {
    case TokenKind::Ident:
    case TokenKind::KwOr:
        bump();
        break;
    case TokenKind::Quote:
        parseString();
        break;
    case TokenKind::DollarCurly:
        parseInterpolation();
        break;
    default:
        unexpected();
        break;
    }
    finish(NodeKind::Attr, m, first);
}

void Parser::parseString()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    bump();
    for (;;) {
        switch (peek()) {
        case TokenKind::StrText:
            bump();
            continue;
        case TokenKind::DollarCurly:
            parseInterpolation();
            continue;
        case TokenKind::Quote:
            bump();
            break;
        default:
            unexpected("'\"'");
            break;
        }
        break;
    }
    finish(NodeKind::String, m, first);
}

void Parser::parseIndString()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    bump();
    for (;;) {
        switch (peek()) {
        case TokenKind::IndStrText:
        case TokenKind::IndStrEscape:
            bump();
            continue;
        case TokenKind::DollarCurly:
            parseInterpolation();
            continue;
        case TokenKind::IndStrClose:
            bump();
            break;
        default:
            unexpected("IND_STRING_CLOSE");
            break;
        }
        break;
    }
    finish(NodeKind::IndString, m, first);
}

// A path continues while the lexer stays in its path state: literal pieces,
// and interpolations that start right where the previous piece ended.
void Parser::parsePath()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    bump();
    bool interpolated = false;
    for (;;) {
        if (peek() == TokenKind::PathText) {
            bump();
            // string_parts_interpolated must open with an interpolation, so a
            // literal piece straight after the first one needs a "${" next.
            if (!interpolated && !(peek() == TokenKind::DollarCurly && m_pos == m_lastEnd)) {
                error(m_tokens.offsets[first], "syntax error, unexpected PATH_END, expecting DOLLAR_CURLY");
            }
        } else if (peek() == TokenKind::DollarCurly && m_pos == m_lastEnd) {
            parseInterpolation();
            interpolated = true;
        } else {
            break;
        }
    }
    finish(NodeKind::Path, m, first);
}

void Parser::parseInterpolation()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    bump();
    parseExpr();
    if (peek() != TokenKind::RBrace) {
        unexpected("'}'");
        // The lexer pairs braces, so skipping to the matching '}' resumes in
        // the string or path that holds this interpolation.
        int depth = 0;
        const std::uint32_t em = mark();
        const TokenId efirst = m_pos;
        while (peek() != Eof && !(depth == 0 && peek() == TokenKind::RBrace)) {
            if (peek() == TokenKind::LBrace || peek() == TokenKind::DollarCurly) {
                ++depth;
            } else if (peek() == TokenKind::RBrace) {
                --depth;
            }
            bump();
        }
        finish(NodeKind::Error, em, efirst);
    }
    accept(TokenKind::RBrace);
    finish(NodeKind::Interpolation, m, first);
}

void Parser::parseList()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    bump();
    for (;;) {
        const TokenKind k = peek();
        if (k == TokenKind::RBracket || k == Eof) {
            break;
        }
        if (startsSimple(k) || (k == TokenKind::KwLet && peekAt(1) == TokenKind::LBrace)) {
            parseSelect();
            continue;
        }
        if (k == TokenKind::KwLet) {
            letWithoutBrace();
            continue;
        }
        unexpected("']'");
        if (isCloser(k)) {
            break;
        }
        skipToCloser();
    }
    expect(TokenKind::RBracket);
    finish(NodeKind::List, m, first);
}

void Parser::parseBraces(NodeKind kind, std::uint32_t m, TokenId first, std::uint8_t detail)
{
    if (!expect(TokenKind::LBrace)) {
        finish(NodeKind::Error, m, first);
        return;
    }
    const bool check = parseBindings(TokenKind::RBrace);
    expect(TokenKind::RBrace);
    finish(kind, m, first, detail);
    if (check) {
        needsCheck();
    }
}

// Returns whether the validator must check these bindings: not when every
// binding and inherited name is a plain identifier and the leading names are
// distinct, since such a set can hold neither a duplicate nor a dynamic name.
// Most sets of real code are like this, and the names are checked here while
// their tokens are still in the cache.
bool Parser::parseBindings(TokenKind terminator)
{
    const std::size_t base = m_names.size();
    bool plain = true;
    for (;;) {
        const TokenKind k = peek();
        if (k == terminator || k == Eof) {
            break;
        }
        switch (k) {
        case TokenKind::KwInherit:
            plain = parseInherit() && plain;
            continue;
        case TokenKind::Ident:
        case TokenKind::KwOr:
            m_names.push_back({m_pos, secondName()});
            parseBinding();
            continue;
        case TokenKind::Quote:
        case TokenKind::DollarCurly:
            plain = false;
            parseBinding();
            continue;
        default:
            break;
        }
        unexpected();
        if (isCloser(k) && k != TokenKind::Semicolon && k != TokenKind::Comma) {
            break;
        }
        skipToCloser();
        accept(TokenKind::Semicolon);
        if (peek() == TokenKind::Comma) {
            bump();
        }
    }
    const bool check = !plain || !distinctNames(base);
    m_names.resize(base);
    return check;
}

// The plain second name of the dotted path starting here (`a.b`), or noNode.
TokenId Parser::secondName() const
{
    if (peekAt(1) != TokenKind::Dot) {
        return noNode;
    }
    const TokenId dot = skipTrivia(m_pos + 1);
    const TokenId second = skipTrivia(dot + 1);
    if (second >= m_count || (m_tokens.kinds[second] != TokenKind::Ident && m_tokens.kinds[second] != TokenKind::KwOr)) {
        return noNode;
    }
    return second;
}

// Whether the leading names of one set cannot clash. Equal leading names are
// fine when both are dotted paths with different plain second names
// (`users.users.x = …; users.groups.x = …;`): Nix merges them into one
// implicit set and nothing collides. Anything else goes to the validator.
bool Parser::distinctNames(std::size_t base)
{
    const std::size_t count = m_names.size() - base;
    auto text = [&](TokenId t) {
        return t == noNode ? std::string_view() : m_src.substr(m_tokens.offsets[t], m_tokens.offsets[t + 1] - m_tokens.offsets[t]);
    };
    auto compatible = [](std::string_view secondA, std::string_view secondB) {
        return !secondA.empty() && !secondB.empty() && secondA != secondB;
    };
    if (count <= 16) {
        for (std::size_t i = base; i < m_names.size(); ++i) {
            const std::string_view a = text(m_names[i].first);
            for (std::size_t j = i + 1; j < m_names.size(); ++j) {
                // Names of one set mostly differ in length or first byte.
                const std::string_view b = text(m_names[j].first);
                if (b.size() == a.size() && b[0] == a[0] && b == a && !compatible(text(m_names[i].second), text(m_names[j].second))) {
                    return false;
                }
            }
        }
        return true;
    }
    m_sortedNames.clear();
    for (std::size_t i = base; i < m_names.size(); ++i) {
        m_sortedNames.push_back({text(m_names[i].first), text(m_names[i].second)});
    }
    // Sorted by both names, a group of equal leading names is contiguous and
    // any clash within it is between neighbours.
    std::sort(m_sortedNames.begin(), m_sortedNames.end(), [](const NamePair &x, const NamePair &y) {
        return x.first != y.first ? x.first < y.first : x.second < y.second;
    });
    for (std::size_t i = 0; i + 1 < m_sortedNames.size(); ++i) {
        if (m_sortedNames[i].first == m_sortedNames[i + 1].first && !compatible(m_sortedNames[i].second, m_sortedNames[i + 1].second)) {
            return false;
        }
    }
    return true;
}

void Parser::expectSemicolon()
{
    if (accept(TokenKind::Semicolon)) {
        return;
    }
    unexpected("';'");
    if (peek() != TokenKind::RBrace && peek() != TokenKind::KwIn) {
        skipToCloser();
        accept(TokenKind::Semicolon);
    }
}

void Parser::parseBinding()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    parseAttrPath();
    if (!expect(TokenKind::Assign)) {
        skipToCloser();
        accept(TokenKind::Semicolon);
        finish(NodeKind::Binding, m, first);
        return;
    }
    parseExpr();
    expectSemicolon();
    finish(NodeKind::Binding, m, first);
}

// Returns whether every inherited name is a plain identifier; records them.
bool Parser::parseInherit()
{
    bool plain = true;
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    bump();
    if (peek() == TokenKind::LParen) {
        const std::uint32_t fm = mark();
        const TokenId ffirst = m_pos;
        bump();
        parseExpr();
        expect(TokenKind::RParen);
        finish(NodeKind::InheritFrom, fm, ffirst);
    }
    for (;;) {
        const TokenKind k = peek();
        if (k != TokenKind::Ident && k != TokenKind::KwOr && k != TokenKind::Quote && k != TokenKind::DollarCurly) {
            break;
        }
        if (k == TokenKind::Ident || k == TokenKind::KwOr) {
            m_names.push_back({m_pos, noNode});
        } else {
            plain = false;
        }
        parseAttr();
    }
    expectSemicolon();
    finish(NodeKind::Inherit, m, first);
    return plain;
}

// `{` starts a pattern rather than a set when what follows can only be
// formals: `}` then `:` or `@`, `...`, or a name then `,`, `?` or `}`.
bool Parser::atPattern() const
{
    switch (peekAt(1)) {
    case TokenKind::RBrace: {
        const TokenKind after = peekAt(2);
        return after == TokenKind::Colon || after == TokenKind::At;
    }
    case TokenKind::Ellipsis:
        return true;
    case TokenKind::Ident: {
        const TokenKind after = peekAt(2);
        return after == TokenKind::Comma || after == TokenKind::Question || after == TokenKind::RBrace;
    }
    default:
        return false;
    }
}

void Parser::parsePattern()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    bump();
    for (;;) {
        const TokenKind k = peek();
        if (k == TokenKind::RBrace || k == Eof) {
            break;
        }
        if (k == TokenKind::Ellipsis) {
            bump();
            break;
        }
        if (k == TokenKind::Ident) {
            const std::uint32_t em = mark();
            const TokenId efirst = m_pos;
            bump();
            if (accept(TokenKind::Question)) {
                parseExpr();
            }
            finish(NodeKind::PatternEntry, em, efirst);
            if (accept(TokenKind::Comma)) {
                continue;
            }
            if (peek() == TokenKind::RBrace) {
                break;
            }
        }
        unexpected();
        if (peek() == TokenKind::Comma) {
            bump();
            continue;
        }
        if (isCloser(peek())) {
            break;
        }
        skipToCloser();
    }
    expect(TokenKind::RBrace);
    finish(NodeKind::Pattern, m, first);
}

} // namespace Snowpane::Nix::Detail
