// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The names of type kinds and the one-line rendering of a type tree that
// tests and `snowpane-cli options show` print.

#include "optiontype.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

using Kind = OptionType::Kind;

QString OptionType::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Boolean:
        return u"boolean"_s;
    case Kind::Integer:
        return u"integer"_s;
    case Kind::Float:
        return u"float"_s;
    case Kind::Number:
        return u"number"_s;
    case Kind::String:
        return u"string"_s;
    case Kind::Path:
        return u"path"_s;
    case Kind::Package:
        return u"package"_s;
    case Kind::Null:
        return u"null"_s;
    case Kind::Enum:
        return u"enum"_s;
    case Kind::Nullable:
        return u"nullable"_s;
    case Kind::List:
        return u"list"_s;
    case Kind::AttrsOf:
        return u"attrsOf"_s;
    case Kind::Either:
        return u"either"_s;
    case Kind::Function:
        return u"function"_s;
    case Kind::Submodule:
        return u"submodule"_s;
    case Kind::Attrs:
        return u"attrs"_s;
    case Kind::Structured:
        return u"structured"_s;
    case Kind::Other:
        return u"other"_s;
    }
    return u"other"_s;
}

QString OptionType::toDebugString() const
{
    QString out = kindName(kind);
    QStringList details;
    if (minimum || maximum) {
        details.append((minimum ? QString::number(*minimum) : QString()) + u".."_s + (maximum ? QString::number(*maximum) : QString()));
    } else if (exclusiveMinimum) {
        details.append(u">"_s + QString::number(floatMinimum.value_or(0)));
    } else if (floatMinimum || floatMaximum) {
        details.append((floatMinimum ? QString::number(*floatMinimum) : QString()) + u".."_s + (floatMaximum ? QString::number(*floatMaximum) : QString()));
    }
    if (nonEmpty) {
        details.append(u"nonempty"_s);
    }
    if (singleLine) {
        details.append(u"line"_s);
    }
    if (absolute && !inStore) {
        details.append(u"absolute"_s);
    }
    if (inStore) {
        details.append(u"store"_s);
    }
    if (lazy) {
        details.append(u"lazy"_s);
    }
    if (coerced) {
        details.append(u"coerced"_s);
    }
    if (separator) {
        details.append(u"sep="_s + QString::fromUtf8(QJsonDocument(QJsonArray{*separator}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    }
    if (pattern) {
        details.append(u"pattern="_s + *pattern);
    }
    if (!forbiddenCharacters.isEmpty()) {
        details.append(u"no "_s + forbiddenCharacters.join(u'+'));
    }
    if (kind == Kind::Enum && !enumValues.isEmpty()) {
        details.append(enumValues.join(u'|'));
    }
    if (kind == Kind::Other || kind == Kind::Structured) {
        details.append(text);
    }
    if (!details.isEmpty()) {
        out += u'[' + details.join(u',') + u']';
    }
    if (!children.empty()) {
        QStringList inner;
        for (const OptionType &child : children) {
            inner.append(child.toDebugString());
        }
        out += u'(' + inner.join(u", "_s) + u')';
    }
    return out;
}

} // namespace Snowpane::Options
