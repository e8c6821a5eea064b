// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <cstdint>
#include <vector>

namespace Snowpane::Nix
{

/**
 * The comments that belong to a binding, and the bytes to take along when the
 * binding is moved or deleted. Leading comments are the comment lines directly
 * above it with no blank line between; the trailing comment is one that
 * follows it on the same line.
 */
struct AttachedComments {
    std::vector<TokenId> leading; // in source order
    TokenId trailing = noNode;
    std::uint32_t begin = 0; // byte range of the comments and the binding,
    std::uint32_t end = 0; // widened to whole lines when they are alone there
};

/** The comments attached to a node, normally a Binding or Inherit. */
[[nodiscard]] AttachedComments attachedComments(const SyntaxTree &tree, NodeId node);

} // namespace Snowpane::Nix
