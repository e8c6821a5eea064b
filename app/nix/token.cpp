// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "token.h"

namespace Snowpane::Nix
{

std::string_view tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Whitespace:
        return "whitespace";
    case TokenKind::LineComment:
        return "comment";
    case TokenKind::BlockComment:
        return "comment";
    case TokenKind::Ignored:
        return "ignored input";
    case TokenKind::KwIf:
        return "'if'";
    case TokenKind::KwThen:
        return "'then'";
    case TokenKind::KwElse:
        return "'else'";
    case TokenKind::KwAssert:
        return "'assert'";
    case TokenKind::KwWith:
        return "'with'";
    case TokenKind::KwLet:
        return "'let'";
    case TokenKind::KwIn:
        return "'in'";
    case TokenKind::KwRec:
        return "'rec'";
    case TokenKind::KwInherit:
        return "'inherit'";
    case TokenKind::KwOr:
        return "'or'";
    case TokenKind::Ellipsis:
        return "'...'";
    case TokenKind::Eq:
        return "'=='";
    case TokenKind::NotEq:
        return "'!='";
    case TokenKind::LessEq:
        return "'<='";
    case TokenKind::GreaterEq:
        return "'>='";
    case TokenKind::And:
        return "'&&'";
    case TokenKind::Or:
        return "'||'";
    case TokenKind::Implies:
        return "'->'";
    case TokenKind::Update:
        return "'//'";
    case TokenKind::Concat:
        return "'++'";
    case TokenKind::PipeFrom:
        return "'<|'";
    case TokenKind::PipeInto:
        return "'|>'";
    case TokenKind::Ident:
        return "identifier";
    case TokenKind::Int:
        return "integer";
    case TokenKind::Float:
        return "float";
    case TokenKind::DollarCurly:
        return "'${'";
    case TokenKind::LBrace:
        return "'{'";
    case TokenKind::RBrace:
        return "'}'";
    case TokenKind::LParen:
        return "'('";
    case TokenKind::RParen:
        return "')'";
    case TokenKind::LBracket:
        return "'['";
    case TokenKind::RBracket:
        return "']'";
    case TokenKind::Semicolon:
        return "';'";
    case TokenKind::Colon:
        return "':'";
    case TokenKind::Comma:
        return "','";
    case TokenKind::Dot:
        return "'.'";
    case TokenKind::Assign:
        return "'='";
    case TokenKind::At:
        return "'@'";
    case TokenKind::Question:
        return "'?'";
    case TokenKind::Bang:
        return "'!'";
    case TokenKind::Minus:
        return "'-'";
    case TokenKind::Plus:
        return "'+'";
    case TokenKind::Star:
        return "'*'";
    case TokenKind::Slash:
        return "'/'";
    case TokenKind::Less:
        return "'<'";
    case TokenKind::Greater:
        return "'>'";
    case TokenKind::Quote:
        return "'\"'";
    case TokenKind::StrText:
        return "string text";
    case TokenKind::IndStrOpen:
        return "''";
    case TokenKind::IndStrText:
        return "indented string text";
    case TokenKind::IndStrEscape:
        return "indented string escape";
    case TokenKind::IndStrClose:
        return "''";
    case TokenKind::Path:
        return "path";
    case TokenKind::HomePath:
        return "path";
    case TokenKind::PathText:
        return "path text";
    case TokenKind::SearchPath:
        return "search path";
    case TokenKind::Uri:
        return "URI";
    case TokenKind::Invalid:
        return "invalid token";
    }
    return "?";
}

} // namespace Snowpane::Nix
