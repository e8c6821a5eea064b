// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "parser.h"
#include "parserimpl.h"
#include "recycler.h"
#include "validator.h"

#include <algorithm>

namespace Snowpane::Nix
{
namespace Detail
{

// Bison's names for tokens, so that messages read like Nix's own
// ("syntax error, unexpected ID, expecting ';'").
std::string_view bisonName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::KwIf:
        return "IF";
    case TokenKind::KwThen:
        return "THEN";
    case TokenKind::KwElse:
        return "ELSE";
    case TokenKind::KwAssert:
        return "ASSERT";
    case TokenKind::KwWith:
        return "WITH";
    case TokenKind::KwLet:
        return "LET";
    case TokenKind::KwIn:
        return "IN_KW";
    case TokenKind::KwRec:
        return "REC";
    case TokenKind::KwInherit:
        return "INHERIT";
    case TokenKind::KwOr:
        return "OR_KW";
    case TokenKind::Ellipsis:
        return "ELLIPSIS";
    case TokenKind::Eq:
        return "EQ";
    case TokenKind::NotEq:
        return "NEQ";
    case TokenKind::LessEq:
        return "LEQ";
    case TokenKind::GreaterEq:
        return "GEQ";
    case TokenKind::And:
        return "AND";
    case TokenKind::Or:
        return "OR";
    case TokenKind::Implies:
        return "IMPL";
    case TokenKind::Update:
        return "UPDATE";
    case TokenKind::Concat:
        return "CONCAT";
    case TokenKind::PipeFrom:
        return "PIPE_FROM";
    case TokenKind::PipeInto:
        return "PIPE_INTO";
    case TokenKind::Ident:
        return "ID";
    case TokenKind::Int:
        return "INT_LIT";
    case TokenKind::Float:
        return "FLOAT_LIT";
    case TokenKind::DollarCurly:
        return "DOLLAR_CURLY";
    case TokenKind::StrText:
        return "STR";
    case TokenKind::IndStrOpen:
        return "IND_STRING_OPEN";
    case TokenKind::IndStrText:
    case TokenKind::IndStrEscape:
        return "IND_STR";
    case TokenKind::IndStrClose:
        return "IND_STRING_CLOSE";
    case TokenKind::Path:
        return "PATH";
    case TokenKind::HomePath:
        return "HPATH";
    case TokenKind::PathText:
        return "STR";
    case TokenKind::SearchPath:
        return "SPATH";
    case TokenKind::Uri:
        return "URI";
    case TokenKind::Invalid:
        return "invalid token";
    default:
        return tokenKindName(kind);
    }
}

enum class Assoc : std::uint8_t {
    Left,
    Right,
    NonAssoc,
};

Prec binaryPrec(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Implies:
        return PrecImpl;
    case TokenKind::Or:
        return PrecOr;
    case TokenKind::And:
        return PrecAnd;
    case TokenKind::Eq:
    case TokenKind::NotEq:
        return PrecEq;
    case TokenKind::Less:
    case TokenKind::Greater:
    case TokenKind::LessEq:
    case TokenKind::GreaterEq:
        return PrecCmp;
    case TokenKind::Update:
        return PrecUpdate;
    case TokenKind::Plus:
    case TokenKind::Minus:
        return PrecAdd;
    case TokenKind::Star:
    case TokenKind::Slash:
        return PrecMul;
    case TokenKind::Concat:
        return PrecConcat;
    case TokenKind::Question:
        return PrecHas;
    default:
        return PrecNone;
    }
}

Assoc assocOf(Prec prec)
{
    switch (prec) {
    case PrecImpl:
    case PrecUpdate:
    case PrecConcat:
        return Assoc::Right;
    case PrecEq:
    case PrecCmp:
    case PrecHas:
        return Assoc::NonAssoc;
    default:
        return Assoc::Left;
    }
}

bool startsSimple(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Ident:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::Quote:
    case TokenKind::IndStrOpen:
    case TokenKind::Path:
    case TokenKind::HomePath:
    case TokenKind::SearchPath:
    case TokenKind::Uri:
    case TokenKind::LParen:
    case TokenKind::LBrace:
    case TokenKind::KwRec:
    case TokenKind::LBracket:
        return true;
    default:
        return false;
    }
}

// Tokens that close an enclosing construct: recovery stops in front of them
// so that the construct that owns them can consume them.
bool isCloser(TokenKind kind)
{
    if (kind == Eof) {
        return true;
    }
    switch (kind) {
    case TokenKind::RParen:
    case TokenKind::RBrace:
    case TokenKind::RBracket:
    case TokenKind::Semicolon:
    case TokenKind::KwIn:
    case TokenKind::KwThen:
    case TokenKind::KwElse:
    case TokenKind::Comma:
        return true;
    default:
        return false;
    }
}

Parser::Result Parser::run()
{
    if (peek() == Eof) {
        unexpected();
    } else {
        parseExpr();
    }
    if (peek() != Eof) {
        unexpected("end of file");
        const std::uint32_t m = mark();
        const TokenId first = m_pos;
        m_pos = m_count;
        m_lastEnd = m_count;
        finish(NodeKind::Error, m, first);
    }
    m_nodes.push_back({0, m_count, static_cast<std::uint32_t>(m_nodes.size()), NodeKind::Root, 0, false});

    // Postorder to preorder in one backward pass over the postorder array,
    // which the hardware prefetches well. A node's preorder index is the
    // number of nodes before its subtree in postorder, plus its depth; the
    // ancestors still open are kept on a stack, which also gives the parent.
    const auto n = static_cast<std::uint32_t>(m_nodes.size());
    Result result;
    result.nodes = reuseBuffer<Node>(n);
    result.nodes.resize(n);
    result.parents = reuseBuffer<NodeId>(n);
    result.parents.resize(n);
    struct Open {
        std::uint32_t lo; // where the ancestor's subtree starts in postorder
        NodeId pre;
    };
    std::vector<Open> ancestors;
    ancestors.reserve(256);
    for (std::uint32_t i = n; i-- > 0;) {
        const PostNode &pn = m_nodes[i];
        while (!ancestors.empty() && ancestors.back().lo > i) {
            ancestors.pop_back();
        }
        const std::uint32_t lo = i - pn.descendants;
        const auto pre = static_cast<NodeId>(lo + ancestors.size());
        result.nodes[pre] = {pn.firstToken, pn.endToken, pn.descendants, pn.kind, pn.detail};
        result.parents[pre] = ancestors.empty() ? noNode : ancestors.back().pre;
        if (pn.check) {
            result.checks.push_back(pre);
        }
        if (pn.descendants > 0) {
            ancestors.push_back({lo, pre});
        }
    }
    return result;
}

// expr_function: lambdas, assert, with, let … in, if, and below them the
// pipe and operator levels.
void Parser::parseExpr()
{
    if (!enter()) {
        return;
    }
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    switch (peek()) {
    case TokenKind::Ident: {
        const TokenKind next = peekAt(1);
        if (next == TokenKind::Colon) {
            leaf(NodeKind::Ident);
            bump();
            parseExpr();
            finish(NodeKind::Lambda, m, first);
        } else if (next == TokenKind::At) {
            leaf(NodeKind::Ident);
            bump();
            if (peek() == TokenKind::LBrace) {
                parsePattern();
            } else {
                unexpected("'{'");
            }
            expect(TokenKind::Colon);
            parseExpr();
            finish(NodeKind::Lambda, m, first);
            needsCheck();
        } else {
            parsePipeline();
        }
        break;
    }
    case TokenKind::LBrace:
        if (atPattern()) {
            parsePattern();
            if (accept(TokenKind::At)) {
                if (peek() == TokenKind::Ident) {
                    leaf(NodeKind::Ident);
                } else {
                    unexpected("ID");
                }
            }
            if (peek() != TokenKind::Colon) {
                unexpected(m_nodes.back().kind == NodeKind::Pattern ? "':' or '@'" : "':'");
            } else {
                bump();
            }
            parseExpr();
            finish(NodeKind::Lambda, m, first);
            needsCheck();
        } else {
            parsePipeline();
        }
        break;
    case TokenKind::KwAssert:
    case TokenKind::KwWith: {
        const NodeKind kind = peek() == TokenKind::KwAssert ? NodeKind::Assert : NodeKind::With;
        bump();
        parseExpr();
        expect(TokenKind::Semicolon);
        parseExpr();
        finish(kind, m, first);
        break;
    }
    case TokenKind::KwLet: {
        if (peekAt(1) == TokenKind::LBrace) {
            parsePipeline();
            break;
        }
        bump();
        const bool check = parseBindings(TokenKind::KwIn);
        expect(TokenKind::KwIn);
        parseExpr();
        finish(NodeKind::LetIn, m, first);
        if (check) {
            needsCheck();
        }
        break;
    }
    case TokenKind::KwIf:
        bump();
        parseExpr();
        expect(TokenKind::KwThen);
        parseExpr();
        expect(TokenKind::KwElse);
        parseExpr();
        finish(NodeKind::If, m, first);
        break;
    default:
        parsePipeline();
        break;
    }
    leave();
}

// expr_pipe_into is left-associative, expr_pipe_from right-associative, and
// the two never mix without parentheses: the other operator is left for the
// caller, which reports it as unexpected, as Bison does.
void Parser::parsePipeline()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    parseOperators();
    const TokenKind op = peek();
    if (op != TokenKind::PipeInto && op != TokenKind::PipeFrom) {
        return;
    }
    error(here(), "the pipe operators need the experimental 'pipe-operators' feature", DiagnosticKind::Feature, Severity::Warning);
    if (op == TokenKind::PipeInto) {
        while (accept(TokenKind::PipeInto)) {
            parseOperators();
            finish(NodeKind::Pipe, m, first, static_cast<std::uint8_t>(op));
        }
        return;
    }
    std::vector<Operand> starts{{m, first}};
    while (accept(TokenKind::PipeFrom)) {
        starts.push_back({mark(), m_pos});
        parseOperators();
    }
    starts.pop_back();
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        finish(NodeKind::Pipe, it->mark, it->first, static_cast<std::uint8_t>(op));
    }
}

// expr_op with an explicit operator stack instead of recursion, so that long
// operator chains and prefix runs cannot exhaust the call stack. Reductions
// follow Bison's precedence rules: reduce when the stacked operator binds
// tighter, or equally and left-associatively; equal non-associative
// operators are a syntax error.
void Parser::parseOperators()
{
    const std::size_t operandBase = m_operands.size();
    const std::size_t operatorBase = m_operators.size();

    auto reduce = [&]() {
        const Operator op = m_operators.back();
        m_operators.pop_back();
        if (op.prefix) {
            m_operands.pop_back();
            finish(NodeKind::UnaryOp, op.mark, op.first, static_cast<std::uint8_t>(op.token));
            m_operands.push_back({op.mark, op.first});
        } else {
            m_operands.pop_back();
            const Operand lhs = m_operands.back();
            finish(NodeKind::BinaryOp, lhs.mark, lhs.first, static_cast<std::uint8_t>(op.token));
        }
    };

    for (;;) {
        // Operand position: prefix operators, then an application.
        while (peek() == TokenKind::Bang || peek() == TokenKind::Minus) {
            const Prec prec = peek() == TokenKind::Bang ? PrecNot : PrecNegate;
            m_operators.push_back({prec, true, peek(), mark(), m_pos});
            bump();
        }
        m_operands.push_back({mark(), m_pos});
        parseOperand();

        // Operator position.
        for (;;) {
            const TokenKind tok = peek();
            const Prec prec = binaryPrec(tok);
            while (m_operators.size() > operatorBase) {
                const Operator &top = m_operators.back();
                if (top.prec > prec || (top.prec == prec && assocOf(prec) == Assoc::Left)) {
                    reduce();
                } else {
                    break;
                }
            }
            if (prec == PrecNone) {
                m_operands.resize(operandBase);
                return;
            }
            if (m_operators.size() > operatorBase && m_operators.back().prec == prec && assocOf(prec) == Assoc::NonAssoc && prec != PrecHas) {
                // Reported, then parsed as if left-associative to recover.
                unexpected();
                reduce();
            }
            if (tok == TokenKind::Question) {
                // expr_op '?' attrpath: the operand is complete, the attribute
                // path is not an expression.
                const Operand lhs = m_operands.back();
                bump();
                parseAttrPath();
                finish(NodeKind::HasAttr, lhs.mark, lhs.first);
                continue;
            }
            const Operand lhs = m_operands.back();
            m_operators.push_back({prec, false, tok, lhs.mark, lhs.first});
            bump();
            break;
        }
    }
}

void Parser::parseOperand()
{
    const TokenKind k = peek();
    if (startsSimple(k) || (k == TokenKind::KwLet && peekAt(1) == TokenKind::LBrace)) {
        parseApp();
        return;
    }
    if (k == TokenKind::KwLet) {
        letWithoutBrace();
        return;
    }
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    unexpected();
    if (k == TokenKind::KwIf || k == TokenKind::KwWith || k == TokenKind::KwAssert) {
        // Valid only at the top of an expression; keep its structure anyway.
        parseExpr();
    } else if (!isCloser(k)) {
        bump();
    }
    finish(NodeKind::Error, m, first);
}

void Parser::parseApp()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    parseSelect();
    for (;;) {
        const TokenKind k = peek();
        if (k == TokenKind::KwLet && peekAt(1) != TokenKind::LBrace) {
            letWithoutBrace();
            finish(NodeKind::Apply, m, first);
            continue;
        }
        if (!startsSimple(k) && k != TokenKind::KwLet) {
            return;
        }
        parseSelect();
        finish(NodeKind::Apply, m, first);
    }
}

// expr_select: a simple expression, then `.attrpath [or default]`, or the
// old `f or` application where `or` is a variable.
void Parser::parseSelect()
{
    if (!enter()) {
        return;
    }
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    parseSimple();
    if (accept(TokenKind::Dot)) {
        parseAttrPath();
        if (accept(TokenKind::KwOr)) {
            parseSelect();
        }
        finish(NodeKind::Select, m, first);
    } else if (peek() == TokenKind::KwOr) {
        leaf(NodeKind::Ident);
        finish(NodeKind::Apply, m, first);
    }
    leave();
}

void Parser::parseSimple()
{
    const std::uint32_t m = mark();
    const TokenId first = m_pos;
    switch (peek()) {
    case TokenKind::Ident:
        leaf(NodeKind::Ident);
        return;
    case TokenKind::Int:
        leaf(NodeKind::Int);
        return;
    case TokenKind::Float:
        leaf(NodeKind::Float);
        return;
    case TokenKind::Uri:
        leaf(NodeKind::Uri);
        return;
    case TokenKind::SearchPath:
        leaf(NodeKind::SearchPath);
        return;
    case TokenKind::Path:
    case TokenKind::HomePath:
        parsePath();
        return;
    case TokenKind::Quote:
        parseString();
        return;
    case TokenKind::IndStrOpen:
        parseIndString();
        return;
    case TokenKind::LParen:
        bump();
        parseExpr();
        if (peek() != TokenKind::RParen) {
            unexpected("')'");
            skipToCloser();
            accept(TokenKind::RParen);
        } else {
            bump();
        }
        finish(NodeKind::Paren, m, first);
        return;
    case TokenKind::LBrace:
        parseBraces(NodeKind::AttrSet, m, first, 0);
        return;
    case TokenKind::KwRec:
        bump();
        if (peek() != TokenKind::LBrace) {
            unexpected("'{'");
            finish(NodeKind::Error, m, first);
            return;
        }
        parseBraces(NodeKind::AttrSet, m, first, 1);
        return;
    case TokenKind::KwLet:
        bump();
        parseBraces(NodeKind::LegacyLet, m, first, 0);
        return;
    case TokenKind::LBracket:
        parseList();
        return;
    default:
        unexpected();
        if (!isCloser(peek())) {
            bump();
        }
        finish(NodeKind::Error, m, first);
        return;
    }
}

} // namespace Detail

SyntaxTree parse(std::string source, const ParseOptions &options)
{
    LexResult lexed = lex(source);
    // The parser's postorder nodes are scratch space, kept per thread between
    // parses: fresh memory costs a page fault per 4 KiB on first touch, and
    // those faults were a quarter of the time of a big parse. At most 16 MiB
    // (a source of about 7 MB) stay allocated.
    thread_local std::vector<Detail::PostNode> scratch;
    Detail::Parser parser(source, lexed.tokens, options, scratch);
    Detail::Parser::Result parsed = parser.run();
    if (scratch.capacity() > (std::size_t{16} << 20) / sizeof(Detail::PostNode)) {
        scratch = {};
    }
    std::vector<Diagnostic> diagnostics = parser.takeDiagnostics();
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(lexed.diagnostics.begin()), std::make_move_iterator(lexed.diagnostics.end()));
    SyntaxTree tree(std::move(source), options.fileName, std::move(lexed.tokens), std::move(parsed.nodes), std::move(parsed.parents));
    const bool syntaxOk = std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) {
        return d.severity == Severity::Error;
    });
    if (syntaxOk) {
        // Nix rejects these while building its AST, so they count as parse errors.
        std::vector<Diagnostic> more = validateNodes(tree, parsed.checks);
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.offset < b.offset;
    });
    tree.m_diagnostics = std::move(diagnostics);
    return tree;
}

} // namespace Snowpane::Nix
