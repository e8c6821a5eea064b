// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <string>
#include <vector>

namespace Snowpane::Nix
{

/** One piece of a string or path as Nix sees it: literal text, or an interpolated expression. */
struct StringPart {
    NodeId expr = noNode; // the expression inside ${ }, or noNode for text
    std::string text;

    [[nodiscard]] bool isText() const
    {
        return expr == noNode;
    }
};

/**
 * The pieces Nix builds for a String, IndString or Path node. Escapes are
 * decoded, CR and CRLF in double-quoted strings become LF, and indented strings
 * are stripped of their common indentation exactly as Nix's stripIndentation
 * does (escapes and interpolations end a line's leading whitespace, the final
 * whitespace-only line is dropped, empty pieces vanish). A path's first piece
 * is its raw literal text, not yet made absolute.
 */
[[nodiscard]] std::vector<StringPart> stringParts(const SyntaxTree &tree, NodeId node);

/**
 * True when Nix builds a single string literal (ExprString) for the node,
 * parentheses aside: a String without interpolation, a URI, or an IndString
 * that strips down to at most one text piece or to one interpolated string
 * literal. `value` receives the text.
 */
[[nodiscard]] bool isPlainString(const SyntaxTree &tree, NodeId node, std::string *value = nullptr);

} // namespace Snowpane::Nix
