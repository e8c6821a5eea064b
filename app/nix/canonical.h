// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <string>

namespace Snowpane::Nix
{

/** Where relative and home paths resolve, as Nix would resolve them for this file. */
struct CanonicalOptions {
    std::string baseDirectory = "/"; // the directory of the file (absolute)
    std::string homeDirectory = "/homeless-shelter"; // $HOME
};

/** The canonical text, or why there is none. */
struct CanonicalResult {
    bool ok = false;
    std::string text;
    std::string error;
};

/**
 * Prints a tree the way `nix-instantiate --parse` (Nix 2.26) prints the AST it
 * builds: bindings sorted bytewise with inherits first, dotted paths merged
 * into sets, operators desugared to `__sub`, `__mul`, `__div`, `__lessThan`
 * and `!`, strings as concatenations, floats with six significant digits,
 * paths made absolute, `<p>` as `__findFile __nixPath "p"`, and calls
 * flattened the way Nix's parser merges them. There is no trailing newline.
 * Trees with errors have no canonical form. Deep trees do not recurse: the
 * printer works from an explicit stack.
 */
[[nodiscard]] CanonicalResult printCanonical(const SyntaxTree &tree, const CanonicalOptions &options = {});

/** Nix's canonPath: an absolute path with `.`, `..` and repeated slashes resolved, no trailing slash. */
[[nodiscard]] std::string canonicalPath(std::string_view path);

} // namespace Snowpane::Nix
