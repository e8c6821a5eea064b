// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace Snowpane::Config
{

/**
 * A configuration value as typed data when its source is a literal, or an
 * opaque expression kept as source text. Packages are references by
 * attribute name (`pkgs.foo`, or `foo` under `with pkgs;`), never evaluated.
 * Lists and sets are literal only when every element is.
 */
struct Value {
    enum class Type : std::uint8_t {
        Null,
        Bool,
        Int,
        Float,
        String,
        Path,
        Package,
        List,
        AttrSet,
        Opaque
    };

    Type type = Type::Opaque;
    bool boolean = false;
    std::int64_t integer = 0;
    double number = 0;
    std::string text; // String: the value; Path: the literal; Package: the attribute; Opaque: the source
    std::vector<Value> items; // List
    std::vector<std::pair<std::string, Value>> attrs; // AttrSet, in source order

    [[nodiscard]] bool isLiteral() const
    {
        return type != Type::Opaque;
    }
    /** Structural equality; opaque values compare by source text. */
    [[nodiscard]] bool operator==(const Value &other) const;
};

/** The short name of a type: "bool", "int", "float", "string", "path", "null", "package", "list", "attrset", "expression". */
[[nodiscard]] const char *valueTypeName(Value::Type type);

/**
 * Reads an expression as a typed value. Identifiers are packages only when
 * Nix would find them through an enclosing `with pkgs;`; negative numbers,
 * parentheses and Nix's indented-string stripping are understood.
 */
[[nodiscard]] Value readValue(const Nix::SyntaxTree &tree, Nix::NodeId node);

/** Nix source for a literal value, on one line; opaque values give their source text. */
[[nodiscard]] std::string toNix(const Value &value);

} // namespace Snowpane::Config
