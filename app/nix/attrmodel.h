// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace Snowpane::Nix
{

/** How an attribute got into a set. */
enum class AttrKind : std::uint8_t {
    Plain, // name = value;
    Inherited, // inherit name;
    InheritedFrom, // inherit (expr) name;
};

/** One static attribute of a desugared set. */
struct AttrEntry {
    std::string name;
    AttrKind kind = AttrKind::Plain;
    NodeId value = noNode; // Plain: the value expression; otherwise the Attr node naming it
    std::int32_t nested = -1; // a merged set standing for the value, index into AttrModel::sets
    std::uint32_t fromIndex = 0; // InheritedFrom: index into AttrSetModel::inheritFrom
    std::uint32_t offset = 0; // where the name was written
};

/** A `${…}` or interpolated-string attribute name and its value. */
struct DynamicEntry {
    NodeId name = noNode; // the Interpolation or String node of the name
    NodeId value = noNode;
    std::int32_t nested = -1;
};

/**
 * An attribute set as Nix builds it from syntax: dotted paths expanded into
 * nested sets, set literals for the same name merged, inherits recorded. This
 * is what Nix's `addAttr` produces, and what its printer and scope rules see.
 */
struct AttrSetModel {
    bool recursive = false;
    std::vector<AttrEntry> entries; // insertion order
    std::vector<DynamicEntry> dynamics;
    std::vector<NodeId> inheritFrom; // the expressions of `inherit (e)`, in order
    std::unordered_map<std::string, std::uint32_t> index; // built once a set grows large
};

/**
 * Builds the desugared model of the sets in a tree and reports what Nix
 * rejects while doing so: an attribute already defined, a dynamic attribute in
 * `inherit`, and (for `let`) a dynamic attribute at the top. Models are kept
 * in one arena and refer to each other by index.
 */
class AttrModel
{
public:
    AttrModel(const SyntaxTree &tree, std::vector<Diagnostic> &diagnostics);

    /** The model of an AttrSet, LetIn or LegacyLet node. */
    [[nodiscard]] std::int32_t build(NodeId owner);

    [[nodiscard]] const AttrSetModel &set(std::int32_t index) const
    {
        return m_sets[static_cast<std::size_t>(index)];
    }

    /** Forgets all models, keeping the allocations for the next build(). */
    void clear()
    {
        m_sets.clear();
    }

    /** The static name of an Attr node, or nothing when the name is computed. */
    [[nodiscard]] std::optional<std::string> staticName(NodeId attr) const;

private:
    std::int32_t newSet(bool recursive);
    void addBindings(std::int32_t set, NodeId owner);
    void addAttr(std::int32_t set, NodeId binding);
    void addInherit(std::int32_t set, NodeId inherit);
    [[nodiscard]] std::int64_t find(std::int32_t set, const std::string &name) const;
    void insert(std::int32_t set, AttrEntry entry);
    [[nodiscard]] NodeId setLiteral(NodeId expr) const;
    std::int32_t nestedOf(std::int32_t set, std::size_t entry);
    void duplicate(std::uint32_t offset, const std::string &path, std::uint32_t previous);

    const SyntaxTree &m_tree;
    std::vector<Diagnostic> &m_diagnostics;
    std::vector<AttrSetModel> m_sets;
};

} // namespace Snowpane::Nix
