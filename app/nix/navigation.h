// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <optional>
#include <string>
#include <vector>

namespace Snowpane::Nix
{

/** The node inside any number of parentheses. */
[[nodiscard]] NodeId unparenthesized(const SyntaxTree &tree, NodeId node);

/** The Binding and Inherit nodes of an AttrSet, LetIn or LegacyLet, in source order. */
[[nodiscard]] std::vector<NodeId> bindingsOf(const SyntaxTree &tree, NodeId owner);

/** The AttrPath of a Binding. */
[[nodiscard]] NodeId bindingPath(const SyntaxTree &tree, NodeId binding);
/** The value expression of a Binding, or noNode when it is missing. */
[[nodiscard]] NodeId bindingValue(const SyntaxTree &tree, NodeId binding);

/**
 * The name an Attr node stands for, decoded, as Nix sees it: identifiers,
 * `or`, strings without interpolation, and `${…}` around a plain string or a
 * URI are static; anything else is computed and gives nothing.
 */
[[nodiscard]] std::optional<std::string> attrName(const SyntaxTree &tree, NodeId attr);

/** The names of an AttrPath, nothing for computed ones. */
[[nodiscard]] std::vector<std::optional<std::string>> attrPathNames(const SyntaxTree &tree, NodeId path);

/**
 * The Binding whose attribute path is exactly `path` among the bindings of a
 * set or let (`services.openssh.enable` written as one binding), or noNode.
 */
[[nodiscard]] NodeId findBinding(const SyntaxTree &tree, NodeId owner, const std::vector<std::string> &path);

/** The elements of a List. */
[[nodiscard]] std::vector<NodeId> listElements(const SyntaxTree &tree, NodeId list);

/** The parts of a lambda: `x: …`, `{ … }: …`, `x @ { … }: …`. */
struct LambdaParts {
    NodeId parameter = noNode; // the Ident of a named argument or alias
    NodeId pattern = noNode; // the Pattern, when there are formals
    NodeId body = noNode;
};
[[nodiscard]] LambdaParts lambdaParts(const SyntaxTree &tree, NodeId lambda);

/** The scope and body of a With, the cond and body of an Assert. */
struct ScopeParts {
    NodeId head = noNode;
    NodeId body = noNode;
};
[[nodiscard]] ScopeParts withParts(const SyntaxTree &tree, NodeId with);

/** The body of a LetIn. */
[[nodiscard]] NodeId letBody(const SyntaxTree &tree, NodeId let);

/** An application flattened: `f a b` gives f and [a, b]. */
struct Application {
    NodeId function = noNode;
    std::vector<NodeId> arguments;
};
[[nodiscard]] Application flattenApplication(const SyntaxTree &tree, NodeId apply);

/** The innermost node whose bytes contain `offset`. */
[[nodiscard]] NodeId nodeAt(const SyntaxTree &tree, std::uint32_t offset);

} // namespace Snowpane::Nix
