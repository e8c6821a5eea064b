// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "stringparts.h"
#include "literals.h"

namespace Snowpane::Nix
{
namespace
{

// Walks a node's own tokens and its Interpolation children in source order.
template<typename OnToken, typename OnChild>
void walkParts(const SyntaxTree &tree, NodeId node, OnToken onToken, OnChild onChild)
{
    const Node &n = tree.node(node);
    NodeId c = tree.firstChild(node);
    for (TokenId t = n.firstToken; t < n.endToken; ++t) {
        if (c != noNode && t == tree.node(c).firstToken) {
            onChild(c);
            t = tree.node(c).endToken - 1;
            c = tree.nextSibling(c);
            continue;
        }
        onToken(t);
    }
}

NodeId interpolated(const SyntaxTree &tree, NodeId interpolation)
{
    return tree.firstChild(interpolation);
}

struct IndPiece {
    NodeId expr = noNode;
    std::string text;
    bool hasIndentation = false;
};

// Nix's ParserState::stripIndentation, piece for piece.
std::vector<StringPart> stripIndentation(std::vector<IndPiece> &es)
{
    std::vector<StringPart> out;
    if (es.empty()) {
        return out;
    }
    bool atStartOfLine = true;
    std::size_t minIndent = 1000000;
    std::size_t curIndent = 0;
    for (const IndPiece &p : es) {
        if (p.expr != noNode || !p.hasIndentation) {
            if (atStartOfLine) {
                atStartOfLine = false;
                if (curIndent < minIndent) {
                    minIndent = curIndent;
                }
            }
            continue;
        }
        for (const char c : p.text) {
            if (atStartOfLine) {
                if (c == ' ') {
                    ++curIndent;
                } else if (c == '\n') {
                    curIndent = 0;
                } else {
                    atStartOfLine = false;
                    if (curIndent < minIndent) {
                        minIndent = curIndent;
                    }
                }
            } else if (c == '\n') {
                atStartOfLine = true;
                curIndent = 0;
            }
        }
    }

    atStartOfLine = true;
    std::size_t curDropped = 0;
    std::size_t n = es.size();
    for (IndPiece &p : es) {
        if (p.expr != noNode) {
            atStartOfLine = false;
            curDropped = 0;
            out.push_back({p.expr, {}});
            --n;
            continue;
        }
        std::string s2;
        for (const char c : p.text) {
            if (atStartOfLine) {
                if (c == ' ') {
                    if (curDropped++ >= minIndent) {
                        s2 += c;
                    }
                } else if (c == '\n') {
                    curDropped = 0;
                    s2 += c;
                } else {
                    atStartOfLine = false;
                    curDropped = 0;
                    s2 += c;
                }
            } else {
                s2 += c;
                if (c == '\n') {
                    atStartOfLine = true;
                }
            }
        }
        if (n == 1) {
            // The last line goes if it is only spaces.
            const std::size_t q = s2.find_last_of('\n');
            if (q != std::string::npos && s2.find_first_not_of(' ', q + 1) == std::string::npos) {
                s2.resize(q + 1);
            }
        }
        if (!s2.empty()) {
            out.push_back({noNode, std::move(s2)});
        }
        --n;
    }
    return out;
}

} // namespace

std::vector<StringPart> stringParts(const SyntaxTree &tree, NodeId node)
{
    std::vector<StringPart> parts;
    switch (tree.kind(node)) {
    case NodeKind::String: {
        walkParts(
            tree,
            node,
            [&](TokenId t) {
                if (tree.tokenKind(t) != TokenKind::StrText) {
                    return;
                }
                if (parts.empty() || !parts.back().isText()) {
                    parts.push_back({});
                }
                appendUnescapedString(parts.back().text, tree.tokenText(t));
            },
            [&](NodeId c) {
                parts.push_back({interpolated(tree, c), {}});
            });
        return parts;
    }
    case NodeKind::IndString: {
        std::vector<IndPiece> es;
        walkParts(
            tree,
            node,
            [&](TokenId t) {
                const TokenKind k = tree.tokenKind(t);
                if (k == TokenKind::IndStrText) {
                    es.push_back({noNode, std::string(tree.tokenText(t)), true});
                } else if (k == TokenKind::IndStrEscape) {
                    IndPiece p;
                    appendIndentedEscape(p.text, tree.tokenText(t));
                    es.push_back(std::move(p));
                }
            },
            [&](NodeId c) {
                es.push_back({interpolated(tree, c), {}, false});
            });
        return stripIndentation(es);
    }
    case NodeKind::Path: {
        walkParts(
            tree,
            node,
            [&](TokenId t) {
                const TokenKind k = tree.tokenKind(t);
                if (k == TokenKind::Path || k == TokenKind::HomePath || k == TokenKind::PathText) {
                    parts.push_back({noNode, std::string(tree.tokenText(t))});
                }
            },
            [&](NodeId c) {
                parts.push_back({interpolated(tree, c), {}});
            });
        return parts;
    }
    default:
        return parts;
    }
}

bool isPlainString(const SyntaxTree &tree, NodeId node, std::string *value)
{
    while (node != noNode && tree.kind(node) == NodeKind::Paren) {
        node = tree.firstChild(node);
    }
    if (node == noNode) {
        return false;
    }
    const NodeKind kind = tree.kind(node);
    if (kind == NodeKind::Uri) {
        if (value) {
            *value = std::string(tree.text(node));
        }
        return true;
    }
    if (kind != NodeKind::String && kind != NodeKind::IndString) {
        return false;
    }
    std::vector<StringPart> parts = stringParts(tree, node);
    if (parts.empty()) {
        if (value) {
            value->clear();
        }
        return true;
    }
    if (parts.size() != 1) {
        return false;
    }
    if (parts[0].isText()) {
        if (value) {
            *value = std::move(parts[0].text);
        }
        return true;
    }
    // An indented string that is one interpolation of a string literal is
    // that literal: Nix checks the piece's node type, not where it came from.
    return kind == NodeKind::IndString && isPlainString(tree, parts[0].expr, value);
}

} // namespace Snowpane::Nix
