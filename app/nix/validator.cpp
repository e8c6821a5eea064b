// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "validator.h"
#include "attrmodel.h"

#include <algorithm>
#include <string_view>

namespace Snowpane::Nix
{
namespace
{

void checkFormals(const SyntaxTree &tree, NodeId lambda, std::vector<Diagnostic> &out)
{
    // The last child is the body; the ones before it are the parameters.
    NodeId pattern = noNode;
    NodeId alias = noNode;
    for (NodeId c = tree.firstChild(lambda); c != noNode; c = tree.nextSibling(c)) {
        if (tree.nextSibling(c) == noNode) {
            break;
        }
        if (tree.kind(c) == NodeKind::Pattern) {
            pattern = c;
        } else if (tree.kind(c) == NodeKind::Ident) {
            alias = c;
        }
    }
    if (pattern == noNode) {
        return;
    }
    std::vector<std::pair<std::string_view, std::uint32_t>> names;
    for (NodeId e = tree.firstChild(pattern); e != noNode; e = tree.nextSibling(e)) {
        if (tree.kind(e) == NodeKind::PatternEntry) {
            names.emplace_back(tree.tokenText(tree.node(e).firstToken), tree.byteBegin(e));
        }
    }
    std::sort(names.begin(), names.end());
    for (std::size_t i = 0; i + 1 < names.size(); ++i) {
        if (names[i].first == names[i + 1].first) {
            out.push_back(
                {names[i + 1].second, Severity::Error, DiagnosticKind::Syntax, "duplicate formal function argument '" + std::string(names[i].first) + "'"});
            return;
        }
    }
    if (alias != noNode) {
        const std::string_view name = tree.text(alias);
        for (const auto &[formal, offset] : names) {
            if (formal == name) {
                out.push_back(
                    {tree.byteBegin(lambda), Severity::Error, DiagnosticKind::Syntax, "duplicate formal function argument '" + std::string(name) + "'"});
                return;
            }
        }
    }
}

// True when a set or let cannot hold an error that the full model would
// find: every binding starts with a plain name, names that start bindings are
// distinct, and nothing is dynamic. Most sets in real code are like this, and
// checking it needs no allocation beyond one small vector.
bool obviouslyValid(const SyntaxTree &tree, NodeId owner, std::vector<std::string_view> &names)
{
    names.clear();
    for (NodeId c = tree.firstChild(owner); c != noNode; c = tree.nextSibling(c)) {
        const NodeKind kind = tree.kind(c);
        if (kind == NodeKind::Binding) {
            const NodeId path = tree.firstChild(c);
            const NodeId attr = path == noNode ? noNode : tree.firstChild(path);
            if (attr == noNode || tree.firstChild(attr) != noNode) {
                return false; // a quoted or interpolated name
            }
            names.push_back(tree.tokenText(tree.node(attr).firstToken));
        } else if (kind == NodeKind::Inherit) {
            for (NodeId a = tree.firstChild(c); a != noNode; a = tree.nextSibling(a)) {
                if (tree.kind(a) == NodeKind::Attr) {
                    if (tree.firstChild(a) != noNode) {
                        return false;
                    }
                    names.push_back(tree.tokenText(tree.node(a).firstToken));
                }
            }
        }
    }
    if (names.size() <= 12) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            for (std::size_t j = i + 1; j < names.size(); ++j) {
                if (names[i] == names[j]) {
                    return false;
                }
            }
        }
        return true;
    }
    std::sort(names.begin(), names.end());
    return std::adjacent_find(names.begin(), names.end()) == names.end();
}

} // namespace

namespace
{

void checkNode(const SyntaxTree &tree, NodeId id, AttrModel &model, std::vector<Diagnostic> &out)
{
    const NodeKind kind = tree.kind(id);
    switch (kind) {
    case NodeKind::AttrSet:
    case NodeKind::LegacyLet:
        model.clear();
        (void)model.build(id);
        break;
    case NodeKind::LetIn:
        model.clear();
        if (!model.set(model.build(id)).dynamics.empty()) {
            out.push_back({tree.byteBegin(id), Severity::Error, DiagnosticKind::Syntax, "dynamic attributes not allowed in let"});
        }
        break;
    case NodeKind::Lambda:
        checkFormals(tree, id, out);
        break;
    default:
        break;
    }
}

std::vector<Diagnostic> sortedUnique(std::vector<Diagnostic> out)
{
    // A set literal merged into another is checked from both places.
    std::sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.offset != b.offset ? a.offset < b.offset : a.message < b.message;
    });
    out.erase(std::unique(out.begin(),
                          out.end(),
                          [](const Diagnostic &a, const Diagnostic &b) {
                              return a.offset == b.offset && a.message == b.message;
                          }),
              out.end());
    return out;
}

} // namespace

std::vector<Diagnostic> validate(const SyntaxTree &tree)
{
    std::vector<Diagnostic> out;
    AttrModel model(tree, out);
    std::vector<std::string_view> names;
    const auto count = static_cast<NodeId>(tree.nodes().size());
    for (NodeId id = 0; id < count; ++id) {
        const NodeKind kind = tree.kind(id);
        if ((kind == NodeKind::AttrSet || kind == NodeKind::LegacyLet || kind == NodeKind::LetIn) && obviouslyValid(tree, id, names)) {
            continue;
        }
        checkNode(tree, id, model, out);
    }
    return sortedUnique(std::move(out));
}

std::vector<Diagnostic> validateNodes(const SyntaxTree &tree, const std::vector<NodeId> &candidates)
{
    std::vector<Diagnostic> out;
    if (candidates.empty()) {
        return out;
    }
    AttrModel model(tree, out);
    // The parser flags only sets that fail obviouslyValid(), so it is not
    // asked again.
    for (const NodeId id : candidates) {
        checkNode(tree, id, model, out);
    }
    return sortedUnique(std::move(out));
}

} // namespace Snowpane::Nix
