// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "editorkind.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

namespace
{

using Kind = OptionType::Kind;

[[nodiscard]] bool isStringLike(const OptionType &type)
{
    return type.kind == Kind::String || type.kind == Kind::Path;
}

} // namespace

EditorInfo EditorInfo::forType(const OptionType &type)
{
    EditorInfo info;
    switch (type.kind) {
    case Kind::Boolean:
        info.kind = EditorKind::Switch;
        break;
    case Kind::Integer:
        info.kind = EditorKind::Integer;
        info.minimum = type.minimum;
        info.maximum = type.maximum;
        break;
    case Kind::Float:
    case Kind::Number:
        info.kind = EditorKind::Float;
        break;
    case Kind::String:
        info.kind = EditorKind::Text;
        info.pattern = type.pattern;
        // Separated strings are merged line by line (lines) or with another separator; a text area fits both.
        info.multiline = type.separator.has_value() && !type.singleLine;
        break;
    case Kind::Path:
        info.kind = EditorKind::Path;
        break;
    case Kind::Enum:
        info.kind = EditorKind::Choice;
        info.choices = type.enumTexts;
        break;
    case Kind::Nullable: {
        info = forType(type.children.front());
        info.nullable = true;
        break;
    }
    case Kind::List: {
        const OptionType &element = type.children.front();
        const bool packages = element.kind == Kind::Package || (element.kind == Kind::Nullable && element.children.front().kind == Kind::Package);
        info.kind = packages ? EditorKind::PackageList : EditorKind::List;
        break;
    }
    case Kind::AttrsOf:
    case Kind::Attrs:
    case Kind::Submodule:
        info.kind = EditorKind::AttributeSet;
        break;
    case Kind::Either: {
        // coercedTo: the value is edited as its final type. Otherwise text
        // covers any alternative that is a string; else the first editable
        // alternative decides.
        if (type.coerced) {
            info = forType(type.children.front());
            break;
        }
        bool hasNull = false;
        for (const OptionType &alternative : type.children) {
            hasNull = hasNull || alternative.kind == Kind::Null;
        }
        const auto stringLike = std::ranges::find_if(type.children, isStringLike);
        if (stringLike != type.children.end()) {
            info.kind = EditorKind::Text;
        } else {
            info.readOnlyReason = u"no editor fits every alternative of \"%1\""_s.arg(type.text);
            for (const OptionType &alternative : type.children) {
                if (alternative.kind == Kind::Null) {
                    continue;
                }
                const EditorInfo candidate = forType(alternative);
                if (candidate.kind != EditorKind::ReadOnly) {
                    info = candidate;
                    break;
                }
            }
        }
        info.nullable = info.nullable || hasNull;
        break;
    }
    case Kind::Function:
        info.readOnlyReason = u"a function can only be written as a Nix expression"_s;
        break;
    case Kind::Package:
        info.readOnlyReason = u"a single package is a Nix expression (pkgs.NAME)"_s;
        break;
    case Kind::Structured:
        info.readOnlyReason = u"\"%1\" takes any structured value; edit it as Nix"_s.arg(type.text);
        break;
    case Kind::Null:
        info.readOnlyReason = u"the only value is null"_s;
        break;
    case Kind::Other:
        info.readOnlyReason = u"Snowpane does not know the type \"%1\""_s.arg(type.text);
        break;
    }
    if (info.kind != EditorKind::ReadOnly) {
        info.readOnlyReason.clear();
    }
    return info;
}

QString EditorInfo::kindName(EditorKind kind)
{
    switch (kind) {
    case EditorKind::Switch:
        return u"switch"_s;
    case EditorKind::Integer:
        return u"integer"_s;
    case EditorKind::Float:
        return u"float"_s;
    case EditorKind::Text:
        return u"text"_s;
    case EditorKind::Choice:
        return u"choice"_s;
    case EditorKind::List:
        return u"list"_s;
    case EditorKind::PackageList:
        return u"package-list"_s;
    case EditorKind::Path:
        return u"path"_s;
    case EditorKind::AttributeSet:
        return u"attribute-set"_s;
    case EditorKind::ReadOnly:
        return u"read-only"_s;
    }
    return u"read-only"_s;
}

} // namespace Snowpane::Options
