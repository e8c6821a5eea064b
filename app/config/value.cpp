// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "value.h"

#include "literals.h"
#include "optionpath.h"
#include "stringparts.h"
#include "treeutil.h"

namespace Snowpane::Config
{

using namespace Snowpane::Nix;

bool Value::operator==(const Value &other) const
{
    if (type != other.type) {
        return false;
    }
    switch (type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return boolean == other.boolean;
    case Type::Int:
        return integer == other.integer;
    case Type::Float:
        return number == other.number;
    case Type::List:
        return items == other.items;
    case Type::AttrSet:
        return attrs == other.attrs;
    default:
        return text == other.text;
    }
}

const char *valueTypeName(Value::Type type)
{
    switch (type) {
    case Value::Type::Null:
        return "null";
    case Value::Type::Bool:
        return "bool";
    case Value::Type::Int:
        return "int";
    case Value::Type::Float:
        return "float";
    case Value::Type::String:
        return "string";
    case Value::Type::Path:
        return "path";
    case Value::Type::Package:
        return "package";
    case Value::Type::List:
        return "list";
    case Value::Type::AttrSet:
        return "attrset";
    case Value::Type::Opaque:
        break;
    }
    return "expression";
}

namespace
{

Value opaque(const SyntaxTree &tree, NodeId node)
{
    Value v;
    v.text = std::string(tree.text(node));
    return v;
}

// Adds `names = value` to a set value, merging dotted paths into nested sets
// as Nix does; false when a name is defined twice.
bool addAttr(Value &set, const OptionPath &names, std::size_t i, Value value)
{
    for (auto &[name, existing] : set.attrs) {
        if (name == names[i]) {
            if (i + 1 == names.size() || existing.type != Value::Type::AttrSet) {
                return false;
            }
            return addAttr(existing, names, i + 1, std::move(value));
        }
    }
    if (i + 1 == names.size()) {
        set.attrs.emplace_back(names[i], std::move(value));
        return true;
    }
    Value nested;
    nested.type = Value::Type::AttrSet;
    if (!addAttr(nested, names, i + 1, std::move(value))) {
        return false;
    }
    set.attrs.emplace_back(names[i], std::move(nested));
    return true;
}

} // namespace

Value readValue(const SyntaxTree &tree, NodeId node)
{
    node = unwrapParens(tree, node);
    if (node == noNode) {
        return {};
    }
    Value v;
    switch (tree.kind(node)) {
    case NodeKind::Ident: {
        const std::string_view name = tree.text(node);
        const NameOrigin origin = nameOrigin(tree, node);
        if (origin == NameOrigin::Builtin && (name == "true" || name == "false")) {
            v.type = Value::Type::Bool;
            v.boolean = name == "true";
            return v;
        }
        if (origin == NameOrigin::Builtin && name == "null") {
            v.type = Value::Type::Null;
            return v;
        }
        if (origin == NameOrigin::WithPkgs) {
            v.type = Value::Type::Package;
            v.text = std::string(name);
            return v;
        }
        return opaque(tree, node);
    }
    case NodeKind::Int:
        if (const auto i = parseNixInt(tree.text(node))) {
            v.type = Value::Type::Int;
            v.integer = *i;
            return v;
        }
        return opaque(tree, node);
    case NodeKind::Float:
        if (const auto f = parseNixFloat(tree.text(node))) {
            v.type = Value::Type::Float;
            v.number = *f;
            return v;
        }
        return opaque(tree, node);
    case NodeKind::UnaryOp: {
        const Value inner = readValue(tree, tree.firstChild(node));
        if (static_cast<TokenKind>(tree.node(node).detail) == TokenKind::Minus && inner.type == Value::Type::Int && inner.integer != INT64_MIN) {
            v = inner;
            v.integer = -inner.integer;
            return v;
        }
        if (static_cast<TokenKind>(tree.node(node).detail) == TokenKind::Minus && inner.type == Value::Type::Float) {
            v = inner;
            v.number = -inner.number;
            return v;
        }
        return opaque(tree, node);
    }
    case NodeKind::String:
    case NodeKind::IndString:
        if (isPlainString(tree, node, &v.text)) {
            v.type = Value::Type::String;
            return v;
        }
        return opaque(tree, node);
    case NodeKind::Path:
        if (tree.firstChild(node) == noNode) {
            v.type = Value::Type::Path;
            v.text = std::string(tree.text(node));
            return v;
        }
        return opaque(tree, node);
    case NodeKind::Select: {
        const NodeId base = unwrapParens(tree, tree.child(node, 0));
        // `pkgs.a.b`, or `a.b` where `a` comes from `with pkgs;`.
        const bool fromPkgs = tree.kind(base) == NodeKind::Ident && tree.text(base) == "pkgs" && nameOrigin(tree, base) != NameOrigin::Let;
        const bool underWith = tree.kind(base) == NodeKind::Ident && nameOrigin(tree, base) == NameOrigin::WithPkgs;
        if (tree.child(node, 2) == noNode && (fromPkgs || underWith)) {
            const NodeId attrPath = tree.child(node, 1);
            const std::string_view attrs = tree.text(attrPath);
            if (attrs.find_first_of("\"${ \t\n#") == std::string_view::npos) {
                v.type = Value::Type::Package;
                v.text = fromPkgs ? std::string(attrs) : std::string(tree.text(base)) + "." + std::string(attrs);
                return v;
            }
        }
        return opaque(tree, node);
    }
    case NodeKind::With: {
        const NodeId scope = unwrapParens(tree, tree.child(node, 0));
        if (tree.kind(scope) == NodeKind::Ident && tree.text(scope) == "pkgs") {
            return readValue(tree, tree.child(node, 1));
        }
        return opaque(tree, node);
    }
    case NodeKind::List:
        v.type = Value::Type::List;
        for (NodeId c = tree.firstChild(node); c != noNode; c = tree.nextSibling(c)) {
            v.items.push_back(readValue(tree, c));
            if (!v.items.back().isLiteral()) {
                return opaque(tree, node);
            }
        }
        return v;
    case NodeKind::AttrSet:
        if (tree.node(node).detail == 1) {
            return opaque(tree, node);
        }
        v.type = Value::Type::AttrSet;
        for (NodeId c = tree.firstChild(node); c != noNode; c = tree.nextSibling(c)) {
            if (tree.kind(c) != NodeKind::Binding) {
                return opaque(tree, node);
            }
            const std::optional<OptionPath> names = bindingNames(tree, c);
            Value item = readValue(tree, bindingValue(tree, c));
            if (!names || !item.isLiteral() || !addAttr(v, *names, 0, std::move(item))) {
                return opaque(tree, node);
            }
        }
        return v;
    default:
        return opaque(tree, node);
    }
}

std::string toNix(const Value &value)
{
    std::string out;
    switch (value.type) {
    case Value::Type::Null:
        return "null";
    case Value::Type::Bool:
        return value.boolean ? "true" : "false";
    case Value::Type::Int:
        return value.integer < 0 ? "(" + std::to_string(value.integer) + ")" : std::to_string(value.integer);
    case Value::Type::Float:
        out = formatNixFloat(value.number);
        if (out.find_first_of(".e") == std::string::npos) {
            out += ".0";
        }
        return value.number < 0 ? "(" + out + ")" : out;
    case Value::Type::String:
        appendQuotedString(out, value.text);
        return out;
    case Value::Type::Path:
        return value.text;
    case Value::Type::Package:
        return "pkgs." + value.text;
    case Value::Type::List:
        out = "[";
        for (const Value &item : value.items) {
            out += ' ';
            const std::string text = toNix(item);
            out += text;
        }
        out += " ]";
        return out;
    case Value::Type::AttrSet:
        out = "{";
        for (const auto &[name, item] : value.attrs) {
            out += ' ' + formatAttrName(name) + " = " + toNix(item) + ';';
        }
        out += " }";
        return out;
    case Value::Type::Opaque:
        break;
    }
    return value.text;
}

} // namespace Snowpane::Config
