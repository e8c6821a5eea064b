// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Internal to the parser: shared by parser.cpp (expressions and operators)
// and parserforms.cpp (strings, paths, sets, bindings, patterns).

#pragma once

#include "parser.h"

#include <string>
#include <string_view>
#include <vector>

namespace Snowpane::Nix::Detail
{

// A pseudo token kind for "no more tokens", outside the real range.
constexpr auto Eof = static_cast<TokenKind>(255);

// Binding powers of Nix's operator table, loosest first.
enum Prec : std::uint8_t {
    PrecNone = 0,
    PrecImpl,
    PrecOr,
    PrecAnd,
    PrecEq,
    PrecCmp,
    PrecUpdate,
    PrecNot,
    PrecAdd,
    PrecMul,
    PrecConcat,
    PrecHas,
    PrecNegate,
};

/** Bison's name for a token, so that messages read like Nix's own. */
[[nodiscard]] std::string_view bisonName(TokenKind kind);
/** True for tokens that can start a simple expression (expr_simple). */
[[nodiscard]] bool startsSimple(TokenKind kind);
/** Tokens that close an enclosing construct: recovery stops in front of them. */
[[nodiscard]] bool isCloser(TokenKind kind);

// A node under construction. The parser emits nodes in postorder (children
// before parents), which suits both recursive descent and the operator stack;
// they are turned into preorder once at the end.
struct PostNode {
    TokenId firstToken;
    TokenId endToken;
    std::uint32_t descendants;
    NodeKind kind;
    std::uint8_t detail;
    bool check; // the validator must look at it (see Parser::Result::checks)
};

class Parser
{
public:
    // `scratch` holds the postorder nodes; the caller may keep it between
    // parses so that its memory is already mapped.
    Parser(std::string_view source, const TokenStream &tokens, const ParseOptions &options, std::vector<PostNode> &scratch)
        : m_src(source)
        , m_tokens(tokens)
        , m_count(tokens.size())
        , m_maxDepth(options.maxDepth)
        , m_nodes(scratch)
    {
        // NixOS-style code has about 0.55 nodes per token; a little more
        // avoids regrowing (and copying) the array on typical input.
        m_nodes.clear();
        m_nodes.reserve(tokens.size() / 8 * 5 + 16);
        m_pos = skipTrivia(0);
    }

    /**
     * The nodes in preorder, each node's parent, and the nodes that may hold
     * an error Nix finds while building its AST: sets and lets whose bindings
     * do not all start with distinct plain names, and lambdas with formals.
     * Every other set is valid by construction, so the validator skips it.
     */
    struct Result {
        std::vector<Node> nodes;
        std::vector<NodeId> parents;
        std::vector<NodeId> checks;
    };
    Result run();
    std::vector<Diagnostic> takeDiagnostics()
    {
        return std::move(m_diagnostics);
    }

private:
    // ---- tokens
    [[nodiscard]] TokenId skipTrivia(TokenId t) const
    {
        while (t < m_count && isTrivia(m_tokens.kinds[t])) {
            ++t;
        }
        return t;
    }
    [[nodiscard]] TokenKind peek() const
    {
        return m_pos < m_count ? m_tokens.kinds[m_pos] : Eof;
    }
    [[nodiscard]] TokenKind peekAt(unsigned ahead) const
    {
        TokenId t = m_pos;
        while (ahead-- > 0 && t < m_count) {
            t = skipTrivia(t + 1);
        }
        return t < m_count ? m_tokens.kinds[t] : Eof;
    }
    void bump()
    {
        if (m_pos < m_count) {
            m_lastEnd = m_pos + 1;
            m_pos = skipTrivia(m_pos + 1);
        }
    }
    bool accept(TokenKind kind)
    {
        if (peek() != kind) {
            return false;
        }
        bump();
        return true;
    }
    bool expect(TokenKind kind)
    {
        if (accept(kind)) {
            return true;
        }
        unexpected(bisonName(kind));
        return false;
    }

    // ---- nodes
    [[nodiscard]] std::uint32_t mark() const
    {
        return static_cast<std::uint32_t>(m_nodes.size());
    }
    void finish(NodeKind kind, std::uint32_t mark, TokenId first, std::uint8_t detail = 0)
    {
        const TokenId end = std::max(first, m_lastEnd);
        m_nodes.push_back({first, end, static_cast<std::uint32_t>(m_nodes.size()) - mark, kind, detail, false});
    }
    // Flags the node just finished for the validator.
    void needsCheck()
    {
        m_nodes.back().check = true;
    }
    void leaf(NodeKind kind)
    {
        const TokenId first = m_pos;
        bump();
        finish(kind, mark(), first);
    }

    // ---- diagnostics
    void error(std::uint32_t offset, std::string message, DiagnosticKind kind = DiagnosticKind::Syntax, Severity severity = Severity::Error)
    {
        // After the first error the rest is mostly noise; a bound keeps a
        // pathological file from producing millions of messages.
        if (m_aborted || m_diagnostics.size() >= 100) {
            return;
        }
        m_diagnostics.push_back({offset, severity, kind, std::move(message)});
    }
    [[nodiscard]] std::uint32_t here() const
    {
        return m_pos < m_count ? m_tokens.offsets[m_pos] : static_cast<std::uint32_t>(m_src.size());
    }
    void unexpected(std::string_view expecting = {})
    {
        std::string message = "syntax error, unexpected ";
        message += peek() == Eof ? std::string_view("end of file") : bisonName(peek());
        if (!expecting.empty()) {
            message += ", expecting ";
            message += expecting;
        }
        error(here(), std::move(message));
    }
    // `let` where only a simple expression may start, so only `let {` is
    // valid: Bison shifts the `let` and fails on the token after it, which is
    // where Nix reports the error. The let expression is then parsed anyway,
    // inside an Error node, to keep the tree's structure.
    void letWithoutBrace()
    {
        const std::uint32_t m = mark();
        const TokenId first = m_pos;
        const TokenId next = skipTrivia(m_pos + 1);
        std::string message = "syntax error, unexpected ";
        message += next < m_count ? bisonName(m_tokens.kinds[next]) : std::string_view("end of file");
        message += ", expecting '{'";
        error(next < m_count ? m_tokens.offsets[next] : static_cast<std::uint32_t>(m_src.size()), std::move(message));
        parseExpr();
        finish(NodeKind::Error, m, first);
    }
    // Skips tokens up to (not including) a closer at bracket depth zero, into
    // an Error node. Always makes progress unless already at a closer.
    void skipToCloser()
    {
        const std::uint32_t m = mark();
        const TokenId first = m_pos;
        int depth = 0;
        while (peek() != Eof) {
            const TokenKind k = peek();
            if (depth == 0 && isCloser(k)) {
                break;
            }
            if (k == TokenKind::LParen || k == TokenKind::LBracket || k == TokenKind::LBrace || k == TokenKind::DollarCurly) {
                ++depth;
            } else if (k == TokenKind::RParen || k == TokenKind::RBracket || k == TokenKind::RBrace) {
                --depth;
            }
            bump();
        }
        finish(NodeKind::Error, m, first);
    }
    bool enter()
    {
        if (m_aborted) {
            return false;
        }
        if (++m_depth > m_maxDepth) {
            error(here(), "expression nesting too deep (more than " + std::to_string(m_maxDepth) + " levels)");
            m_aborted = true;
            // Everything left goes into one Error node and the parser unwinds.
            const std::uint32_t m = mark();
            const TokenId first = m_pos;
            m_pos = m_count;
            m_lastEnd = m_count;
            finish(NodeKind::Error, m, first);
            --m_depth;
            return false;
        }
        return true;
    }
    void leave()
    {
        --m_depth;
    }

    // ---- grammar
    void parseExpr();
    void parsePipeline();
    void parseOperators();
    void parseOperand();
    void parseApp();
    void parseSelect();
    void parseSimple();
    void parseAttrPath();
    void parseAttr();
    void parseString();
    void parseIndString();
    void parsePath();
    void parseInterpolation();
    void parseList();
    void parseBraces(NodeKind kind, std::uint32_t m, TokenId first, std::uint8_t detail);
    [[nodiscard]] bool parseBindings(TokenKind terminator);
    [[nodiscard]] bool distinctNames(std::size_t base);
    [[nodiscard]] TokenId secondName() const;
    void parseBinding();
    [[nodiscard]] bool parseInherit();
    void parsePattern();
    [[nodiscard]] bool atPattern() const;
    void expectSemicolon();

    std::string_view m_src;
    const TokenStream &m_tokens;
    TokenId m_count;
    TokenId m_pos = 0;
    TokenId m_lastEnd = 0;
    unsigned m_depth = 0;
    unsigned m_maxDepth;
    bool m_aborted = false;
    std::vector<PostNode> &m_nodes;
    std::vector<Diagnostic> m_diagnostics;

    // Operator-precedence stacks, shared by all nesting levels; each call of
    // parseOperators() only touches the entries above its base.
    struct Operand {
        std::uint32_t mark;
        TokenId first;
    };
    struct Operator {
        Prec prec;
        bool prefix;
        TokenKind token;
        std::uint32_t mark; // where the operator's own subtree starts
        TokenId first;
    };
    std::vector<Operand> m_operands;
    std::vector<Operator> m_operators;

    // The leading plain names of the bindings and inherits of the sets being
    // parsed, innermost set on top; each parseBindings() call removes its own.
    // `second` is the plain second name of a dotted path (`a.b = …`), or
    // noNode for a single name, an inherit or a computed second name.
    struct LeadingName {
        TokenId first;
        TokenId second;
    };
    std::vector<LeadingName> m_names;
    struct NamePair {
        std::string_view first;
        std::string_view second; // empty when there is no plain second name
    };
    std::vector<NamePair> m_sortedNames;
};

} // namespace Snowpane::Nix::Detail
