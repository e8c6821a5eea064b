// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optionpath.h"
#include "syntaxtree.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Snowpane::Config
{

/** Whether @p node can stand as a function argument without parentheses (`mkForce x`, not `mkForce (f x)`). */
[[nodiscard]] bool isAtom(const Nix::SyntaxTree &tree, Nix::NodeId node);

/** The expression inside any number of parentheses. */
[[nodiscard]] Nix::NodeId unwrapParens(const Nix::SyntaxTree &tree, Nix::NodeId node);

/** The static names of a Binding's attribute path, or nothing when one of them is computed. */
[[nodiscard]] std::optional<OptionPath> bindingNames(const Nix::SyntaxTree &tree, Nix::NodeId binding);

/** The value expression of a Binding (its last child). */
[[nodiscard]] Nix::NodeId bindingValue(const Nix::SyntaxTree &tree, Nix::NodeId binding);

/** The Binding children of a set-like node (AttrSet, LetIn). */
[[nodiscard]] std::vector<Nix::NodeId> bindingsOf(const Nix::SyntaxTree &tree, Nix::NodeId set);

/**
 * The name of the function an Apply calls, ignoring where it comes from:
 * `lib.mkIf c x`, `mkIf c x` and `lib.modules.mkIf c x` all give "mkIf".
 * For a curried call the innermost function is named and `arguments` gets
 * every argument in order.
 */
[[nodiscard]] std::string calleeName(const Nix::SyntaxTree &tree, Nix::NodeId apply, std::vector<Nix::NodeId> *arguments = nullptr);

/** How a bare identifier gets its value at a point of the tree. */
enum class NameOrigin {
    Builtin, // true, false, null and other names no binder defines
    Let, // a let binding or an attribute of an enclosing rec set
    Argument, // a lambda argument or formal
    WithPkgs, // no binder, but an enclosing `with pkgs;`
    With, // no binder, but an enclosing `with` of something else
};

/** Where the identifier node gets its value, by Nix's scoping rules (`with` loses to every binder). */
[[nodiscard]] NameOrigin nameOrigin(const Nix::SyntaxTree &tree, Nix::NodeId ident);

/** True for a file of only whitespace and comments: an empty module to be. */
[[nodiscard]] bool onlyTrivia(const Nix::SyntaxTree &tree);

/** The start of the line holding `offset`. */
[[nodiscard]] std::uint32_t lineStart(std::string_view text, std::uint32_t offset);
/** The offset of the newline ending the line holding `offset`, or the text's size. */
[[nodiscard]] std::uint32_t lineEnd(std::string_view text, std::uint32_t offset);
/** The leading whitespace of the line holding `offset`. */
[[nodiscard]] std::string_view lineIndent(std::string_view text, std::uint32_t offset);
/** True when only spaces and tabs come before `offset` on its line. */
[[nodiscard]] bool startsLine(std::string_view text, std::uint32_t offset);

/** The file's indentation unit: a tab, or two or four spaces (two when nothing is indented). */
[[nodiscard]] std::string indentUnit(std::string_view text);

} // namespace Snowpane::Config
