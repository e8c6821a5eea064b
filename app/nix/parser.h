// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <string>

namespace Snowpane::Nix
{

/** Settings for one parse. */
struct ParseOptions {
    /** The name diagnostics are reported against. */
    std::string fileName = "<input>";
    /**
     * How deeply expressions may nest (parentheses, lists, sets, lambdas, …)
     * before the parser stops with an error instead of risking the stack.
     */
    unsigned maxDepth = 1000;
};

/**
 * Parses Nix source into a lossless syntax tree. It accepts what Nix 2.26
 * accepts, with the same precedence and associativity, and reports what Nix
 * rejects at parse time — syntax errors, lexical errors, duplicate attributes
 * and formals, dynamic attributes in `let` and `inherit` — as diagnostics in
 * the tree. It never throws for bad input and never aborts: any input, however
 * broken or deeply nested, yields a tree whose tokens reprint it byte for byte.
 * Undefined variables are not checked here; see findUndefinedVariables().
 */
[[nodiscard]] SyntaxTree parse(std::string source, const ParseOptions &options = {});

} // namespace Snowpane::Nix
