// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "navigation.h"

#include "stringparts.h"

#include <algorithm>

namespace Snowpane::Nix
{

NodeId unparenthesized(const SyntaxTree &tree, NodeId node)
{
    while (node != noNode && tree.kind(node) == NodeKind::Paren) {
        node = tree.firstChild(node);
    }
    return node;
}

std::vector<NodeId> bindingsOf(const SyntaxTree &tree, NodeId owner)
{
    std::vector<NodeId> out;
    for (NodeId c = tree.firstChild(owner); c != noNode; c = tree.nextSibling(c)) {
        if (tree.kind(c) == NodeKind::Binding || tree.kind(c) == NodeKind::Inherit) {
            out.push_back(c);
        }
    }
    return out;
}

NodeId bindingPath(const SyntaxTree &tree, NodeId binding)
{
    const NodeId c = tree.firstChild(binding);
    return c != noNode && tree.kind(c) == NodeKind::AttrPath ? c : noNode;
}

NodeId bindingValue(const SyntaxTree &tree, NodeId binding)
{
    const NodeId c = tree.child(binding, 1);
    return c != noNode && tree.kind(c) != NodeKind::Error ? c : noNode;
}

std::optional<std::string> attrName(const SyntaxTree &tree, NodeId attr)
{
    const NodeId c = tree.firstChild(attr);
    if (c == noNode) {
        const TokenId t = tree.node(attr).firstToken;
        const TokenKind k = tree.tokenKind(t);
        if (k != TokenKind::Ident && k != TokenKind::KwOr) {
            return std::nullopt;
        }
        return std::string(tree.tokenText(t));
    }
    std::string value;
    if (tree.kind(c) == NodeKind::String) {
        if (isPlainString(tree, c, &value)) {
            return value;
        }
        return std::nullopt;
    }
    // ${ e } names a static attribute when Nix turns e into a plain string
    // literal: a string without interpolation, or a URI.
    if (isPlainString(tree, tree.firstChild(c), &value)) {
        return value;
    }
    return std::nullopt;
}

std::vector<std::optional<std::string>> attrPathNames(const SyntaxTree &tree, NodeId path)
{
    std::vector<std::optional<std::string>> out;
    for (NodeId a = tree.firstChild(path); a != noNode; a = tree.nextSibling(a)) {
        out.push_back(attrName(tree, a));
    }
    return out;
}

NodeId findBinding(const SyntaxTree &tree, NodeId owner, const std::vector<std::string> &path)
{
    for (const NodeId b : bindingsOf(tree, owner)) {
        if (tree.kind(b) != NodeKind::Binding) {
            continue;
        }
        const std::vector<std::optional<std::string>> names = attrPathNames(tree, bindingPath(tree, b));
        if (names.size() == path.size() && std::equal(names.begin(), names.end(), path.begin(), [](const std::optional<std::string> &n, const std::string &p) {
                return n && *n == p;
            })) {
            return b;
        }
    }
    return noNode;
}

std::vector<NodeId> listElements(const SyntaxTree &tree, NodeId list)
{
    return tree.children(list);
}

LambdaParts lambdaParts(const SyntaxTree &tree, NodeId lambda)
{
    LambdaParts parts;
    const std::vector<NodeId> c = tree.children(lambda);
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (i + 1 == c.size()) {
            parts.body = c[i];
        } else if (tree.kind(c[i]) == NodeKind::Pattern) {
            parts.pattern = c[i];
        } else {
            parts.parameter = c[i];
        }
    }
    return parts;
}

ScopeParts withParts(const SyntaxTree &tree, NodeId with)
{
    return {tree.child(with, 0), tree.child(with, 1)};
}

NodeId letBody(const SyntaxTree &tree, NodeId let)
{
    NodeId body = noNode;
    for (NodeId c = tree.firstChild(let); c != noNode; c = tree.nextSibling(c)) {
        body = c;
    }
    return body != noNode && tree.kind(body) != NodeKind::Binding && tree.kind(body) != NodeKind::Inherit ? body : noNode;
}

Application flattenApplication(const SyntaxTree &tree, NodeId apply)
{
    Application out;
    NodeId n = apply;
    while (n != noNode && tree.kind(n) == NodeKind::Apply) {
        out.arguments.push_back(tree.child(n, 1));
        n = tree.child(n, 0);
    }
    out.function = n;
    std::reverse(out.arguments.begin(), out.arguments.end());
    return out;
}

NodeId nodeAt(const SyntaxTree &tree, std::uint32_t offset)
{
    NodeId best = tree.root();
    NodeId c = tree.firstChild(best);
    while (c != noNode) {
        if (tree.byteBegin(c) <= offset && offset < tree.byteEnd(c)) {
            best = c;
            c = tree.firstChild(c);
        } else {
            c = tree.nextSibling(c);
        }
    }
    return best;
}

} // namespace Snowpane::Nix
