// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <vector>

namespace Snowpane::Nix
{

/**
 * The variables that no enclosing `let`, `rec` set, lambda or `with`, nor
 * Nix's base environment, defines: what `nix-instantiate --parse` reports as
 * "undefined variable" after parsing. Reported as semantic diagnostics, kept
 * apart from syntax errors, because a file with them still parses and still
 * round-trips; Nix only rejects it when binding variables. Trees with syntax
 * errors give no results.
 */
[[nodiscard]] std::vector<Diagnostic> findUndefinedVariables(const SyntaxTree &tree);

} // namespace Snowpane::Nix
