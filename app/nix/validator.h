// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <vector>

namespace Snowpane::Nix
{

/**
 * The errors Nix raises while building its AST from a syntactically valid
 * tree: attributes defined twice, dynamic attributes in `let` or `inherit`,
 * and duplicate formal arguments. parse() runs it on error-free trees.
 */
[[nodiscard]] std::vector<Diagnostic> validate(const SyntaxTree &tree);

/**
 * The same, looking only at the given nodes: the sets, lets and lambdas the
 * parser found may hold such an error (the others cannot).
 */
[[nodiscard]] std::vector<Diagnostic> validateNodes(const SyntaxTree &tree, const std::vector<NodeId> &candidates);

} // namespace Snowpane::Nix
