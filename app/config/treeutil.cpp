// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "treeutil.h"

#include "attrmodel.h"

#include <numeric>

namespace Snowpane::Config
{

bool isAtom(const Nix::SyntaxTree &tree, Nix::NodeId node)
{
    using Nix::NodeKind;
    switch (tree.kind(node)) {
    case NodeKind::Ident:
    case NodeKind::Int:
    case NodeKind::Float:
    case NodeKind::String:
    case NodeKind::IndString:
    case NodeKind::Path:
    case NodeKind::List:
    case NodeKind::AttrSet:
    case NodeKind::Paren:
    case NodeKind::SearchPath:
    case NodeKind::Uri:
        return true;
    case NodeKind::Select:
        return tree.child(node, 2) == Nix::noNode;
    default:
        return false;
    }
}

using namespace Snowpane::Nix;

NodeId unwrapParens(const SyntaxTree &tree, NodeId node)
{
    while (node != noNode && tree.kind(node) == NodeKind::Paren) {
        node = tree.firstChild(node);
    }
    return node;
}

std::optional<OptionPath> bindingNames(const SyntaxTree &tree, NodeId binding)
{
    const NodeId attrPath = tree.firstChild(binding);
    if (attrPath == noNode || tree.kind(attrPath) != NodeKind::AttrPath) {
        return std::nullopt;
    }
    std::vector<Diagnostic> ignored;
    const AttrModel model(tree, ignored);
    OptionPath names;
    for (NodeId attr = tree.firstChild(attrPath); attr != noNode; attr = tree.nextSibling(attr)) {
        std::optional<std::string> name = model.staticName(attr);
        if (!name) {
            return std::nullopt;
        }
        names.push_back(std::move(*name));
    }
    return names;
}

NodeId bindingValue(const SyntaxTree &tree, NodeId binding)
{
    NodeId last = noNode;
    for (NodeId c = tree.firstChild(binding); c != noNode; c = tree.nextSibling(c)) {
        last = c;
    }
    return last == tree.firstChild(binding) ? noNode : last;
}

std::vector<NodeId> bindingsOf(const SyntaxTree &tree, NodeId set)
{
    std::vector<NodeId> out;
    for (NodeId c = tree.firstChild(set); c != noNode; c = tree.nextSibling(c)) {
        if (tree.kind(c) == NodeKind::Binding) {
            out.push_back(c);
        }
    }
    return out;
}

std::string calleeName(const SyntaxTree &tree, NodeId apply, std::vector<NodeId> *arguments)
{
    NodeId fn = apply;
    std::vector<NodeId> args;
    while (fn != noNode && tree.kind(fn) == NodeKind::Apply) {
        const NodeId f = tree.child(fn, 0);
        args.insert(args.begin(), tree.child(fn, 1));
        fn = unwrapParens(tree, f);
    }
    if (arguments) {
        *arguments = args;
    }
    if (fn == noNode) {
        return {};
    }
    if (tree.kind(fn) == NodeKind::Ident) {
        return std::string(tree.text(fn));
    }
    if (tree.kind(fn) == NodeKind::Select && tree.child(fn, 2) == noNode) {
        const NodeId attrPath = tree.child(fn, 1);
        NodeId last = noNode;
        for (NodeId a = tree.firstChild(attrPath); a != noNode; a = tree.nextSibling(a)) {
            last = a;
        }
        return last == noNode ? std::string() : std::string(tree.text(last));
    }
    return {};
}

namespace
{

bool bindsName(const SyntaxTree &tree, NodeId set, std::string_view name)
{
    for (NodeId c = tree.firstChild(set); c != noNode; c = tree.nextSibling(c)) {
        if (tree.kind(c) == NodeKind::Binding) {
            const std::optional<OptionPath> names = bindingNames(tree, c);
            if (names && !names->empty() && names->front() == name) {
                return true;
            }
        } else if (tree.kind(c) == NodeKind::Inherit) {
            for (NodeId a = tree.firstChild(c); a != noNode; a = tree.nextSibling(a)) {
                if (tree.kind(a) == NodeKind::Attr && tree.text(a) == name) {
                    return true;
                }
            }
        }
    }
    return false;
}

bool lambdaBinds(const SyntaxTree &tree, NodeId lambda, std::string_view name)
{
    for (NodeId c = tree.firstChild(lambda); c != noNode; c = tree.nextSibling(c)) {
        if (tree.kind(c) == NodeKind::Ident && tree.text(c) == name) {
            return true;
        }
        if (tree.kind(c) == NodeKind::Pattern) {
            for (NodeId e = tree.firstChild(c); e != noNode; e = tree.nextSibling(e)) {
                const TokenId t = tree.node(e).firstToken;
                if (tree.kind(e) == NodeKind::PatternEntry && tree.tokenText(t) == name) {
                    return true;
                }
            }
        }
    }
    return false;
}

} // namespace

NameOrigin nameOrigin(const SyntaxTree &tree, NodeId ident)
{
    const std::string_view name = tree.text(ident);
    NameOrigin withOrigin = NameOrigin::Builtin;
    bool sawWith = false;
    NodeId child = ident;
    for (NodeId p = tree.parent(ident); p != noNode; child = p, p = tree.parent(p)) {
        switch (tree.kind(p)) {
        case NodeKind::LetIn:
        case NodeKind::LegacyLet:
            if (bindsName(tree, p, name)) {
                return NameOrigin::Let;
            }
            break;
        case NodeKind::AttrSet:
            if (tree.node(p).detail == 1 && bindsName(tree, p, name)) {
                return NameOrigin::Let;
            }
            break;
        case NodeKind::Lambda:
            if (lambdaBinds(tree, p, name)) {
                return NameOrigin::Argument;
            }
            break;
        case NodeKind::With:
            // The innermost `with` wins among withs; only the body is in its scope.
            if (!sawWith && child != tree.firstChild(p)) {
                sawWith = true;
                const NodeId scope = unwrapParens(tree, tree.firstChild(p));
                withOrigin = tree.kind(scope) == NodeKind::Ident && tree.text(scope) == "pkgs" ? NameOrigin::WithPkgs : NameOrigin::With;
            }
            break;
        default:
            break;
        }
    }
    // Nix's base environment is lexical: `with` never shadows true, false, null or builtins.
    static constexpr std::string_view baseNames[] =
        {"true", "false", "null", "builtins", "import", "toString", "map", "throw", "abort", "derivation", "isNull", "removeAttrs", "baseNameOf", "dirOf"};
    for (const std::string_view base : baseNames) {
        if (name == base) {
            return NameOrigin::Builtin;
        }
    }
    return sawWith ? withOrigin : NameOrigin::Builtin;
}

bool onlyTrivia(const SyntaxTree &tree)
{
    for (TokenId t = 0; t < tree.tokens().size(); ++t) {
        if (!isTrivia(tree.tokenKind(t))) {
            return false;
        }
    }
    return true;
}

std::uint32_t lineStart(std::string_view text, std::uint32_t offset)
{
    while (offset > 0 && text[offset - 1] != '\n') {
        --offset;
    }
    return offset;
}

std::uint32_t lineEnd(std::string_view text, std::uint32_t offset)
{
    while (offset < text.size() && text[offset] != '\n') {
        ++offset;
    }
    return offset;
}

std::string_view lineIndent(std::string_view text, std::uint32_t offset)
{
    const std::uint32_t begin = lineStart(text, offset);
    std::uint32_t end = begin;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) {
        ++end;
    }
    return text.substr(begin, end - begin);
}

bool startsLine(std::string_view text, std::uint32_t offset)
{
    for (std::uint32_t i = lineStart(text, offset); i < offset; ++i) {
        if (text[i] != ' ' && text[i] != '\t') {
            return false;
        }
    }
    return true;
}

std::string indentUnit(std::string_view text)
{
    std::size_t tabs = 0;
    std::size_t spaced = 0;
    std::size_t unit = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t spaces = 0;
        if (text[i] == '\t') {
            ++tabs;
        } else {
            while (i + spaces < text.size() && text[i + spaces] == ' ') {
                ++spaces;
            }
            const bool content = i + spaces < text.size() && text[i + spaces] != '\n' && text[i + spaces] != '#';
            if (spaces > 0 && content) {
                ++spaced;
                unit = std::gcd(unit, spaces);
            }
        }
        while (i < text.size() && text[i] != '\n') {
            ++i;
        }
        ++i;
    }
    if (tabs > spaced) {
        return "\t";
    }
    return unit >= 4 ? std::string(4, ' ') : std::string(2, ' ');
}

} // namespace Snowpane::Config
