// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "syntaxtree.h"
#include "recycler.h"

#include <algorithm>

namespace Snowpane::Nix
{

std::string_view nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Root:
        return "Root";
    case NodeKind::Error:
        return "Error";
    case NodeKind::Lambda:
        return "Lambda";
    case NodeKind::Pattern:
        return "Pattern";
    case NodeKind::PatternEntry:
        return "PatternEntry";
    case NodeKind::Assert:
        return "Assert";
    case NodeKind::With:
        return "With";
    case NodeKind::LetIn:
        return "LetIn";
    case NodeKind::If:
        return "If";
    case NodeKind::Pipe:
        return "Pipe";
    case NodeKind::BinaryOp:
        return "BinaryOp";
    case NodeKind::UnaryOp:
        return "UnaryOp";
    case NodeKind::HasAttr:
        return "HasAttr";
    case NodeKind::Apply:
        return "Apply";
    case NodeKind::Select:
        return "Select";
    case NodeKind::Ident:
        return "Ident";
    case NodeKind::Int:
        return "Int";
    case NodeKind::Float:
        return "Float";
    case NodeKind::Uri:
        return "Uri";
    case NodeKind::SearchPath:
        return "SearchPath";
    case NodeKind::String:
        return "String";
    case NodeKind::IndString:
        return "IndString";
    case NodeKind::Path:
        return "Path";
    case NodeKind::Interpolation:
        return "Interpolation";
    case NodeKind::Paren:
        return "Paren";
    case NodeKind::List:
        return "List";
    case NodeKind::AttrSet:
        return "AttrSet";
    case NodeKind::LegacyLet:
        return "LegacyLet";
    case NodeKind::Binding:
        return "Binding";
    case NodeKind::Inherit:
        return "Inherit";
    case NodeKind::InheritFrom:
        return "InheritFrom";
    case NodeKind::AttrPath:
        return "AttrPath";
    case NodeKind::Attr:
        return "Attr";
    }
    return "?";
}

SyntaxTree::SyntaxTree(std::string source, std::string fileName, TokenStream tokens, std::vector<Node> nodes, std::vector<Diagnostic> diagnostics)
    : m_source(std::move(source))
    , m_fileName(std::move(fileName))
    , m_tokens(std::move(tokens))
    , m_nodes(std::move(nodes))
    , m_diagnostics(std::move(diagnostics))
    , m_lines(m_source)
{
    // Parents are found with one stack walk over the preorder array.
    m_parents.assign(m_nodes.size(), noNode);
    std::vector<NodeId> open;
    for (NodeId i = 0; i < m_nodes.size(); ++i) {
        while (!open.empty() && i > open.back() + m_nodes[open.back()].descendants) {
            open.pop_back();
        }
        m_parents[i] = open.empty() ? noNode : open.back();
        if (m_nodes[i].descendants > 0) {
            open.push_back(i);
        }
    }
}

SyntaxTree::SyntaxTree(std::string source, std::string fileName, TokenStream tokens, std::vector<Node> nodes, std::vector<NodeId> parents)
    : m_source(std::move(source))
    , m_fileName(std::move(fileName))
    , m_tokens(std::move(tokens))
    , m_nodes(std::move(nodes))
    , m_parents(std::move(parents))
    , m_lines(m_source)
{
}

SyntaxTree::~SyntaxTree()
{
    Detail::recycleBuffer(m_tokens.offsets);
    Detail::recycleBuffer(m_tokens.kinds);
    Detail::recycleBuffer(m_nodes);
    Detail::recycleBuffer(m_parents);
}

bool SyntaxTree::hasErrors() const
{
    return std::any_of(m_diagnostics.begin(), m_diagnostics.end(), [](const Diagnostic &d) {
        return d.severity == Severity::Error;
    });
}

NodeId SyntaxTree::nextSibling(NodeId id) const
{
    const NodeId up = m_parents[id];
    if (up == noNode) {
        return noNode;
    }
    const NodeId next = id + m_nodes[id].descendants + 1;
    return next <= up + m_nodes[up].descendants ? next : noNode;
}

std::vector<NodeId> SyntaxTree::children(NodeId id) const
{
    std::vector<NodeId> out;
    const NodeId end = id + m_nodes[id].descendants;
    for (NodeId c = id + 1; c <= end; c += m_nodes[c].descendants + 1) {
        out.push_back(c);
    }
    return out;
}

NodeId SyntaxTree::child(NodeId id, unsigned n) const
{
    const NodeId end = id + m_nodes[id].descendants;
    for (NodeId c = id + 1; c <= end; c += m_nodes[c].descendants + 1) {
        if (n-- == 0) {
            return c;
        }
    }
    return noNode;
}

TokenId SyntaxTree::ownToken(NodeId id, TokenKind kind) const
{
    const Node &n = m_nodes[id];
    NodeId c = firstChild(id);
    for (TokenId t = n.firstToken; t < n.endToken; ++t) {
        while (c != noNode && t >= m_nodes[c].endToken) {
            c = nextSibling(c);
        }
        if (c != noNode && t >= m_nodes[c].firstToken) {
            t = m_nodes[c].endToken - 1;
            continue;
        }
        if (m_tokens.kinds[t] == kind) {
            return t;
        }
    }
    return noNode;
}

std::string SyntaxTree::print() const
{
    std::string out;
    out.reserve(m_source.size());
    for (TokenId t = 0; t < m_tokens.size(); ++t) {
        out += tokenText(t);
    }
    return out;
}

namespace
{

void appendEscaped(std::string &out, std::string_view text)
{
    for (const char c : text) {
        switch (c) {
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        default:
            out += c;
        }
    }
}

} // namespace

std::string SyntaxTree::dump() const
{
    std::string out;
    // An explicit stack keeps deep trees from exhausting the call stack.
    struct Frame {
        NodeId node;
        TokenId nextToken;
        NodeId nextChild;
        int depth;
    };
    std::vector<Frame> stack;
    // Deep trees would make indentation quadratic; past a point the depth is
    // written as a number instead.
    auto indent = [&](int depth) {
        if (depth <= 40) {
            out.append(static_cast<std::size_t>(depth) * 2, ' ');
        } else {
            out += '[' + std::to_string(depth) + "] ";
        }
    };
    auto open = [&](NodeId id, int depth) {
        const Node &n = m_nodes[id];
        indent(depth);
        out += nodeKindName(n.kind);
        out += '@' + std::to_string(byteBegin(id)) + ".." + std::to_string(byteEnd(id));
        if (n.detail != 0) {
            out += " detail=" + std::to_string(n.detail);
        }
        out += '\n';
        stack.push_back({id, n.firstToken, firstChild(id), depth + 1});
    };
    open(root(), 0);
    while (!stack.empty()) {
        Frame &f = stack.back();
        const Node &n = m_nodes[f.node];
        if (f.nextChild != noNode && f.nextToken >= m_nodes[f.nextChild].firstToken) {
            const NodeId c = f.nextChild;
            f.nextToken = m_nodes[c].endToken;
            f.nextChild = nextSibling(c);
            open(c, f.depth);
            continue;
        }
        if (f.nextToken >= n.endToken) {
            stack.pop_back();
            continue;
        }
        const TokenId t = f.nextToken++;
        indent(f.depth);
        out += tokenKindName(m_tokens.kinds[t]);
        out += " \"";
        appendEscaped(out, tokenText(t));
        out += "\"\n";
    }
    return out;
}

std::size_t SyntaxTree::memoryUsage() const
{
    return m_tokens.offsets.capacity() * sizeof(std::uint32_t) + m_tokens.kinds.capacity() * sizeof(TokenKind) + m_nodes.capacity() * sizeof(Node)
        + m_parents.capacity() * sizeof(NodeId) + m_lines.lineCount() * sizeof(std::uint32_t);
}

} // namespace Snowpane::Nix
