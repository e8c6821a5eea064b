// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "lexerimpl.h"

namespace Snowpane::Nix
{
namespace Detail
{

void Lexer::lexDefault()
{
    // Most tokens are lexed in the default state: stay in this loop until a
    // string or path opens, or the end of input.
    do {
        lexDefaultToken();
    } while (m_pos < m_size && m_states.back() <= State::Default);
}

inline void Lexer::lexDefaultToken()
{
    const std::uint32_t p = m_pos;
    const char c = m_src[p];
    const std::uint8_t k = classes[static_cast<unsigned char>(c)];

    // One jump on the first byte for the commonest tokens, the ones that no
    // other rule can extend; the rest fall through to the longest-match
    // search below. A single indirect jump mispredicts less often than a
    // chain of tests as whitespace, names and punctuation alternate.
    switch (c) {
    case '\0':
        // Flex hands the NUL byte to Bison, which takes it for end of input.
        warning(p, "input after a NUL byte is ignored");
        emit(TokenKind::Ignored, m_size - p);
        return;
    case ' ':
    case '\t':
    case '\n':
    case '\r':
        emit(TokenKind::Whitespace, 1 + runOf(p + 1, Space));
        return;
    case '#': {
        std::uint32_t i = p + 1;
        while (i < m_size && m_src[i] != '\n' && m_src[i] != '\r') {
            ++i;
        }
        emit(TokenKind::LineComment, i - p);
        return;
    }
    case 'a':
    case 'b':
    case 'c':
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'h':
    case 'i':
    case 'j':
    case 'k':
    case 'l':
    case 'm':
    case 'n':
    case 'o':
    case 'p':
    case 'q':
    case 'r':
    case 's':
    case 't':
    case 'u':
    case 'v':
    case 'w':
    case 'x':
    case 'y':
    case 'z':
    case 'A':
    case 'B':
    case 'C':
    case 'D':
    case 'E':
    case 'F':
    case 'G':
    case 'H':
    case 'I':
    case 'J':
    case 'K':
    case 'L':
    case 'M':
    case 'N':
    case 'O':
    case 'P':
    case 'Q':
    case 'R':
    case 'S':
    case 'T':
    case 'U':
    case 'V':
    case 'W':
    case 'X':
    case 'Y':
    case 'Z':
    case '_': {
        // An identifier that no longer rule can extend. Only a path
        // ({PATH_CHAR}*\/...) or a URI (scheme ':' uri-char) could be longer,
        // and both need a particular byte right after a run that starts here:
        // '/' after the run of path characters, ':' after the scheme. This is
        // most tokens of real code, `config.services.foo` included.
        const std::uint32_t n = 1 + runOf(p + 1, IdentRest);
        const char next = at(p + n);
        if ((next != '.' && next != '+' && next != '/' && next != ':') || (!mayStartPath(p) && !mayStartUri(p))) {
            emit(keywordOrIdent(m_src.substr(p, n)), n);
            return;
        }
        break;
    }
    case '.':
        // A select dot, unless it starts "...", a float (.5) or a path (./a).
        if (at(p + 1) != '.' && !(cls(p + 1) & Digit) && !mayStartPath(p)) {
            emit(TokenKind::Dot, 1);
            return;
        }
        break;
    case '}':
        if (m_states.back() != State::Initial) {
            pop();
        }
        emit(TokenKind::RBrace, 1);
        return;
    case ';':
        emit(TokenKind::Semicolon, 1);
        return;
    case ',':
        emit(TokenKind::Comma, 1);
        return;
    case '(':
        emit(TokenKind::LParen, 1);
        return;
    case ')':
        emit(TokenKind::RParen, 1);
        return;
    case '[':
        emit(TokenKind::LBracket, 1);
        return;
    case ']':
        emit(TokenKind::RBracket, 1);
        return;
    case '@':
        emit(TokenKind::At, 1);
        return;
    case '?':
        emit(TokenKind::Question, 1);
        return;
    case ':':
        emit(TokenKind::Colon, 1);
        return;
    case '=':
        if (at(p + 1) != '=') {
            emit(TokenKind::Assign, 1);
            return;
        }
        break;
    case '{':
        push(State::Default);
        emit(TokenKind::LBrace, 1);
        return;
    case '"':
        push(State::String);
        emit(TokenKind::Quote, 1);
        return;
    default:
        break;
    }

    Match best;
    if (k & IdentStart) {
        const std::uint32_t n = 1 + runOf(p + 1, IdentRest);
        offer(best, n, keywordOrIdent(m_src.substr(p, n)));
    }
    if (c == '.' && startsWith(p, "...")) {
        offer(best, 3, TokenKind::Ellipsis);
    }
    static constexpr std::array<Keyword, 11> operators{{
        {"==", TokenKind::Eq},
        {"!=", TokenKind::NotEq},
        {"<=", TokenKind::LessEq},
        {">=", TokenKind::GreaterEq},
        {"&&", TokenKind::And},
        {"||", TokenKind::Or},
        {"->", TokenKind::Implies},
        {"//", TokenKind::Update},
        {"++", TokenKind::Concat},
        {"<|", TokenKind::PipeFrom},
        {"|>", TokenKind::PipeInto},
    }};
    if (p + 1 < m_size) {
        for (const Keyword &op : operators) {
            if (op.text[0] == c && op.text[1] == m_src[p + 1]) {
                offer(best, 2, op.kind);
                break;
            }
        }
    }
    if (k & Digit) {
        offer(best, runOf(p, Digit), TokenKind::Int);
    }
    if ((k & Digit) || c == '.') {
        offer(best, floatLength(p), TokenKind::Float);
    }
    if (c == '$' && at(p + 1) == '{') {
        offer(best, 2, TokenKind::DollarCurly, PushDefault);
    }
    if (c == '}') {
        offer(best, 1, TokenKind::RBrace, PopBrace);
    }
    if (c == '{') {
        offer(best, 1, TokenKind::LBrace, PushDefault);
    }
    if (c == '"') {
        offer(best, 1, TokenKind::Quote, OpenString);
    }
    if (c == '\'' && at(p + 1) == '\'') {
        std::uint32_t i = p + 2;
        while (at(i) == ' ') {
            ++i;
        }
        offer(best, at(i) == '\n' ? i + 1 - p : 2, TokenKind::IndStrOpen, OpenIndString);
    }
    if ((k & PathChar) || c == '/') {
        if (const std::uint32_t n = pathSegmentBeforeInterpolation(p)) {
            offer(best, n + 2, TokenKind::Path, PathBeforeInterpolation);
        }
        offer(best, pathLength(p), TokenKind::Path, PathLiteral);
    }
    if (c == '~') {
        if (startsWith(p, "~/${")) {
            offer(best, 4, TokenKind::HomePath, HomeBeforeInterpolation);
        }
        offer(best, homePathLength(p), TokenKind::HomePath, PathLiteral);
    }
    if (c == '<') {
        offer(best, searchPathLength(p), TokenKind::SearchPath);
    }
    if (k & Alpha) {
        offer(best, uriLength(p), TokenKind::Uri);
    }
    if (c == '/' && at(p + 1) == '*') {
        // Flex would fall back to '/' '*' for an unterminated comment, which is
        // always a syntax error; one comment token to the end keeps the tree
        // readable and the error the same.
        const std::size_t close = m_src.find("*/", p + 2);
        if (close == std::string_view::npos) {
            offer(best, m_size - p, TokenKind::BlockComment, UnterminatedComment);
        } else {
            offer(best, static_cast<std::uint32_t>(close + 2 - p), TokenKind::BlockComment);
        }
    }
    if (best.length == 0) {
        TokenKind kind = TokenKind::Invalid;
        switch (c) {
        case '(':
            kind = TokenKind::LParen;
            break;
        case ')':
            kind = TokenKind::RParen;
            break;
        case '[':
            kind = TokenKind::LBracket;
            break;
        case ']':
            kind = TokenKind::RBracket;
            break;
        case ';':
            kind = TokenKind::Semicolon;
            break;
        case ':':
            kind = TokenKind::Colon;
            break;
        case ',':
            kind = TokenKind::Comma;
            break;
        case '.':
            kind = TokenKind::Dot;
            break;
        case '=':
            kind = TokenKind::Assign;
            break;
        case '@':
            kind = TokenKind::At;
            break;
        case '?':
            kind = TokenKind::Question;
            break;
        case '!':
            kind = TokenKind::Bang;
            break;
        case '-':
            kind = TokenKind::Minus;
            break;
        case '+':
            kind = TokenKind::Plus;
            break;
        case '*':
            kind = TokenKind::Star;
            break;
        case '/':
            kind = TokenKind::Slash;
            break;
        case '<':
            kind = TokenKind::Less;
            break;
        case '>':
            kind = TokenKind::Greater;
            break;
        default:
            break;
        }
        best = {1, kind, Plain};
    }

    switch (best.action) {
    case PushDefault:
        push(State::Default);
        emit(best.kind, best.length);
        return;
    case PopBrace:
        if (m_states.back() != State::Initial) {
            pop();
        }
        emit(best.kind, best.length);
        return;
    case OpenString:
        push(State::String);
        emit(best.kind, best.length);
        return;
    case OpenIndString:
        push(State::IndString);
        emit(best.kind, best.length);
        return;
    case PathBeforeInterpolation:
        // The "${" is only lookahead: the segment is the token.
        push(State::InPathSlash);
        emit(best.kind, best.length - 2);
        return;
    case HomeBeforeInterpolation:
        push(State::InPathSlash);
        emit(best.kind, 2);
        return;
    case PathLiteral:
        push(m_src[p + best.length - 1] == '/' ? State::InPathSlash : State::InPath);
        emit(best.kind, best.length);
        return;
    case UnterminatedComment:
        error(p, "unterminated comment");
        emit(best.kind, best.length);
        return;
    default:
        if (best.kind == TokenKind::Int || best.kind == TokenKind::Float) {
            checkNumber(best.kind, best.length);
        }
        if (best.kind == TokenKind::Invalid) {
            // Nix hands the byte itself to the parser, which has no token for it.
            std::uint32_t n = 1;
            while (p + n < m_size && (static_cast<unsigned char>(m_src[p + n]) & 0xC0) == 0x80) {
                ++n; // keep one UTF-8 character together
            }
            emit(best.kind, n);
            return;
        }
        emit(best.kind, best.length);
        return;
    }
}

void Lexer::checkNumber(TokenKind kind, std::uint32_t length)
{
    const std::string_view text = m_src.substr(m_pos, length);
    if (kind == TokenKind::Int) {
        if (!parseNixInt(text)) {
            error(m_pos, "invalid integer '" + std::string(text) + "'");
        }
    } else if (!parseNixFloat(text)) {
        error(m_pos, "invalid float '" + std::string(text) + "'");
    }
}

} // namespace Detail

LexResult lex(std::string_view source)
{
    return Detail::Lexer(source).run();
}

} // namespace Snowpane::Nix
