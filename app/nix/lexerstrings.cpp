// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The lexer's string, indented-string and path states (flex's STRING,
// IND_STRING, INPATH and INPATH_SLASH start conditions).

#include "lexerimpl.h"

namespace Snowpane::Nix::Detail
{

void Lexer::lexString()
{
    const std::uint32_t p = m_pos;
    if (m_src[p] == '"') {
        pop();
        emit(TokenKind::Quote, 1);
        return;
    }
    if (m_src[p] == '$' && at(p + 1) == '{') {
        push(State::Default);
        emit(TokenKind::DollarCurly, 2);
        return;
    }
    // ([^\$\"\\]|\$[^\{\"\\]|\\{ANY}|\$\\{ANY})+ and the variant ending in a
    // '$' right before the closing quote. A '\' or '$' cut off by the end of
    // input is kept in the run; the missing quote is the parser's error.
    std::uint32_t i = p;
    while (i < m_size) {
        const char c = m_src[i];
        if (c == '"') {
            break;
        }
        if (c == '\\') {
            i += 2;
        } else if (c == '$') {
            const char next = at(i + 1);
            if (next == '{' && i + 1 < m_size) {
                break;
            }
            if (next == '"') {
                ++i;
                break;
            }
            i += next == '\\' ? 3 : 2;
        } else {
            ++i;
        }
    }
    if (i > m_size) {
        i = m_size;
    }
    emitText(TokenKind::StrText, i - p);
}

void Lexer::lexIndString()
{
    const std::uint32_t p = m_pos;
    const char c = m_src[p];
    if (c == '\'' && at(p + 1) == '\'') {
        const char third = at(p + 2);
        if (p + 2 < m_size && (third == '\'' || third == '$')) {
            emit(TokenKind::IndStrEscape, 3);
        } else if (p + 3 < m_size && third == '\\') {
            emitText(TokenKind::IndStrEscape, 4);
        } else {
            pop();
            emit(TokenKind::IndStrClose, 2);
        }
        return;
    }
    if (c == '$' && at(p + 1) == '{' && p + 1 < m_size) {
        push(State::Default);
        emit(TokenKind::DollarCurly, 2);
        return;
    }
    // ([^\$\']|\$[^\{\']|\'[^\'\$])+
    std::uint32_t i = p;
    while (i < m_size) {
        const char d = m_src[i];
        if (d != '$' && d != '\'') {
            ++i;
            continue;
        }
        if (i + 1 >= m_size) {
            break;
        }
        const char next = m_src[i + 1];
        if (d == '$' ? (next == '{' || next == '\'') : (next == '\'' || next == '$')) {
            break;
        }
        i += 2;
    }
    if (i > p) {
        emitText(TokenKind::IndStrText, i - p);
        return;
    }
    // A lone '$' or '\'' that the run could not take: a literal of its own.
    emit(TokenKind::IndStrEscape, 1);
}

void Lexer::lexInPath()
{
    const std::uint32_t p = m_pos;
    if (m_src[p] == '$' && at(p + 1) == '{') {
        pop();
        push(State::InPath);
        push(State::Default);
        emit(TokenKind::DollarCurly, 2);
        return;
    }
    // {PATH}|{PATH_SEG}|{PATH_CHAR}+
    const std::uint32_t chars = runOf(p, PathChar);
    std::uint32_t n = std::max(pathLength(p), chars);
    if (at(p + chars) == '/') {
        n = std::max(n, chars + 1);
    }
    if (n > 0) {
        pop();
        push(m_src[p + n - 1] == '/' ? State::InPathSlash : State::InPath);
        emit(TokenKind::PathText, n);
        return;
    }
    if (m_states.back() == State::InPathSlash) {
        error(p, "path has a trailing slash");
    }
    // PATH_END: the byte is lexed again in the enclosing state.
    pop();
}

} // namespace Snowpane::Nix::Detail
