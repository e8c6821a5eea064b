// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "attrmodel.h"
#include "navigation.h"

#include <algorithm>

namespace Snowpane::Nix
{

namespace
{
// Sets up to this size are searched linearly; most sets are small.
constexpr std::size_t linearLimit = 16;

NodeId stripParens(const SyntaxTree &tree, NodeId node)
{
    while (node != noNode && tree.kind(node) == NodeKind::Paren) {
        node = tree.firstChild(node);
    }
    return node;
}
} // namespace

AttrModel::AttrModel(const SyntaxTree &tree, std::vector<Diagnostic> &diagnostics)
    : m_tree(tree)
    , m_diagnostics(diagnostics)
{
}

std::int32_t AttrModel::newSet(bool recursive)
{
    m_sets.emplace_back();
    m_sets.back().recursive = recursive;
    return static_cast<std::int32_t>(m_sets.size() - 1);
}

std::int32_t AttrModel::build(NodeId owner)
{
    const NodeKind kind = m_tree.kind(owner);
    const bool recursive = kind == NodeKind::LegacyLet || kind == NodeKind::LetIn || (kind == NodeKind::AttrSet && m_tree.node(owner).detail == 1);
    const std::int32_t set = newSet(recursive);
    addBindings(set, owner);
    return set;
}

void AttrModel::addBindings(std::int32_t set, NodeId owner)
{
    for (NodeId c = m_tree.firstChild(owner); c != noNode; c = m_tree.nextSibling(c)) {
        if (m_tree.kind(c) == NodeKind::Binding) {
            addAttr(set, c);
        } else if (m_tree.kind(c) == NodeKind::Inherit) {
            addInherit(set, c);
        }
    }
}

std::optional<std::string> AttrModel::staticName(NodeId attr) const
{
    return attrName(m_tree, attr);
}

std::int64_t AttrModel::find(std::int32_t set, const std::string &name) const
{
    const AttrSetModel &s = m_sets[static_cast<std::size_t>(set)];
    if (!s.index.empty()) {
        const auto it = s.index.find(name);
        return it == s.index.end() ? -1 : static_cast<std::int64_t>(it->second);
    }
    for (std::size_t i = 0; i < s.entries.size(); ++i) {
        if (s.entries[i].name == name) {
            return static_cast<std::int64_t>(i);
        }
    }
    return -1;
}

void AttrModel::insert(std::int32_t set, AttrEntry entry)
{
    AttrSetModel &s = m_sets[static_cast<std::size_t>(set)];
    s.entries.push_back(std::move(entry));
    if (!s.index.empty()) {
        s.index.emplace(s.entries.back().name, static_cast<std::uint32_t>(s.entries.size() - 1));
    } else if (s.entries.size() > linearLimit) {
        for (std::size_t i = 0; i < s.entries.size(); ++i) {
            s.index.emplace(s.entries[i].name, static_cast<std::uint32_t>(i));
        }
    }
}

NodeId AttrModel::setLiteral(NodeId expr) const
{
    const NodeId inner = stripParens(m_tree, expr);
    return inner != noNode && m_tree.kind(inner) == NodeKind::AttrSet ? inner : noNode;
}

// The merged set standing for entry `entry`, turning a set literal into a
// model on first use; -1 when the value is not a set literal.
std::int32_t AttrModel::nestedOf(std::int32_t set, std::size_t entry)
{
    AttrEntry &e = m_sets[static_cast<std::size_t>(set)].entries[entry];
    if (e.nested >= 0) {
        return e.nested;
    }
    if (e.kind != AttrKind::Plain) {
        return -1;
    }
    const NodeId literal = setLiteral(e.value);
    if (literal == noNode) {
        return -1;
    }
    const std::int32_t nested = build(literal);
    m_sets[static_cast<std::size_t>(set)].entries[entry].nested = nested;
    return nested;
}

void AttrModel::duplicate(std::uint32_t offset, const std::string &path, std::uint32_t previous)
{
    const Location at = m_tree.locate(previous);
    m_diagnostics.push_back(
        {offset,
         Severity::Error,
         DiagnosticKind::Syntax,
         "attribute '" + path + "' already defined at " + m_tree.fileName() + ':' + std::to_string(at.line) + ':' + std::to_string(at.column)});
}

void AttrModel::addAttr(std::int32_t set, NodeId binding)
{
    const NodeId path = m_tree.child(binding, 0);
    const NodeId value = m_tree.child(binding, 1);
    if (path == noNode || value == noNode) {
        return;
    }
    const std::uint32_t offset = m_tree.byteBegin(path);
    // A local list: nested builds below re-enter addAttr.
    std::vector<NodeId> attrs;
    for (NodeId a = m_tree.firstChild(path); a != noNode; a = m_tree.nextSibling(a)) {
        attrs.push_back(a);
    }
    // The path as Nix's showAttrPath writes it, for messages only.
    auto shown = [&]() {
        std::string out;
        for (std::size_t i = 0; i < attrs.size(); ++i) {
            if (i > 0) {
                out += '.';
            }
            const std::optional<std::string> name = staticName(attrs[i]);
            out += name ? *name : std::string("\"${...}\"");
        }
        return out;
    };

    for (std::size_t i = 0; i + 1 < attrs.size(); ++i) {
        const std::optional<std::string> name = staticName(attrs[i]);
        if (!name) {
            const std::int32_t nested = newSet(false);
            m_sets[static_cast<std::size_t>(set)].dynamics.push_back({m_tree.firstChild(attrs[i]), noNode, nested});
            set = nested;
            continue;
        }
        const std::int64_t j = find(set, *name);
        if (j < 0) {
            const std::int32_t nested = newSet(false);
            insert(set, {*name, AttrKind::Plain, noNode, nested, 0, offset});
            set = nested;
            continue;
        }
        const std::int32_t nested = nestedOf(set, static_cast<std::size_t>(j));
        if (nested < 0) {
            duplicate(offset, shown(), m_sets[static_cast<std::size_t>(set)].entries[static_cast<std::size_t>(j)].offset);
            return;
        }
        set = nested;
    }

    const NodeId last = attrs.back();
    const std::optional<std::string> name = staticName(last);
    if (!name) {
        m_sets[static_cast<std::size_t>(set)].dynamics.push_back({m_tree.firstChild(last), value, -1});
        return;
    }
    const std::int64_t j = find(set, *name);
    if (j < 0) {
        insert(set, {*name, AttrKind::Plain, value, -1, 0, offset});
        return;
    }
    // Two set literals for one name merge, shallowly; anything else clashes.
    const NodeId literal = setLiteral(value);
    const std::int32_t target = literal != noNode ? nestedOf(set, static_cast<std::size_t>(j)) : -1;
    if (target < 0) {
        duplicate(offset, shown(), m_sets[static_cast<std::size_t>(set)].entries[static_cast<std::size_t>(j)].offset);
        return;
    }
    const std::int32_t incoming = build(literal);
    const std::size_t shift = m_sets[static_cast<std::size_t>(target)].inheritFrom.size();
    const std::vector<AttrEntry> entries = m_sets[static_cast<std::size_t>(incoming)].entries;
    for (AttrEntry e : entries) {
        const std::int64_t k = find(target, e.name);
        if (k >= 0) {
            duplicate(e.offset, e.name, m_sets[static_cast<std::size_t>(target)].entries[static_cast<std::size_t>(k)].offset);
            return;
        }
        if (e.kind == AttrKind::InheritedFrom) {
            e.fromIndex += static_cast<std::uint32_t>(shift);
        }
        insert(target, std::move(e));
    }
    AttrSetModel &from = m_sets[static_cast<std::size_t>(incoming)];
    std::vector<DynamicEntry> dynamics = from.dynamics;
    std::vector<NodeId> inheritFrom = from.inheritFrom;
    AttrSetModel &to = m_sets[static_cast<std::size_t>(target)];
    to.dynamics.insert(to.dynamics.end(), dynamics.begin(), dynamics.end());
    to.inheritFrom.insert(to.inheritFrom.end(), inheritFrom.begin(), inheritFrom.end());
}

void AttrModel::addInherit(std::int32_t set, NodeId inherit)
{
    std::int64_t fromIndex = -1;
    for (NodeId c = m_tree.firstChild(inherit); c != noNode; c = m_tree.nextSibling(c)) {
        if (m_tree.kind(c) == NodeKind::InheritFrom) {
            AttrSetModel &s = m_sets[static_cast<std::size_t>(set)];
            s.inheritFrom.push_back(m_tree.firstChild(c));
            fromIndex = static_cast<std::int64_t>(s.inheritFrom.size() - 1);
            continue;
        }
        if (m_tree.kind(c) != NodeKind::Attr) {
            continue;
        }
        const std::optional<std::string> name = staticName(c);
        const std::uint32_t offset = m_tree.byteBegin(c);
        if (!name) {
            m_diagnostics.push_back({offset, Severity::Error, DiagnosticKind::Syntax, "dynamic attributes not allowed in inherit"});
            continue;
        }
        const std::int64_t j = find(set, *name);
        if (j >= 0) {
            duplicate(offset, *name, m_sets[static_cast<std::size_t>(set)].entries[static_cast<std::size_t>(j)].offset);
            continue;
        }
        insert(set,
               {*name,
                fromIndex >= 0 ? AttrKind::InheritedFrom : AttrKind::Inherited,
                c,
                -1,
                static_cast<std::uint32_t>(std::max<std::int64_t>(fromIndex, 0)),
                offset});
    }
}

} // namespace Snowpane::Nix
