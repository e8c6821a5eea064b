// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optionjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

QJsonObject typeToJson(const OptionType &type)
{
    QJsonObject json{{u"kind"_s, OptionType::kindName(type.kind)}, {u"text"_s, type.text}};
    if (type.minimum) {
        json.insert(u"minimum"_s, double(*type.minimum));
    } else if (type.floatMinimum) {
        json.insert(u"minimum"_s, *type.floatMinimum);
    }
    if (type.maximum) {
        json.insert(u"maximum"_s, double(*type.maximum));
    } else if (type.floatMaximum) {
        json.insert(u"maximum"_s, *type.floatMaximum);
    }
    if (type.exclusiveMinimum) {
        json.insert(u"exclusiveMinimum"_s, true);
    }
    if (type.nonEmpty) {
        json.insert(u"nonEmpty"_s, true);
    }
    if (type.singleLine) {
        json.insert(u"singleLine"_s, true);
    }
    if (type.lazy) {
        json.insert(u"lazy"_s, true);
    }
    if (type.coerced) {
        json.insert(u"coerced"_s, true);
    }
    if (type.separator) {
        json.insert(u"separator"_s, *type.separator);
    }
    if (type.pattern) {
        json.insert(u"pattern"_s, *type.pattern);
    }
    if (!type.forbiddenCharacters.isEmpty()) {
        json.insert(u"forbidden"_s, QJsonArray::fromStringList(type.forbiddenCharacters));
    }
    if (type.kind == OptionType::Kind::Enum) {
        json.insert(u"values"_s, QJsonArray::fromStringList(type.enumTexts));
    }
    if (!type.children.empty()) {
        QJsonArray children;
        for (const OptionType &child : type.children) {
            children.append(typeToJson(child));
        }
        json.insert(u"children"_s, children);
    }
    return json;
}

QJsonObject editorToJson(const EditorInfo &editor)
{
    QJsonObject json{{u"kind"_s, EditorInfo::kindName(editor.kind)}, {u"nullable"_s, editor.nullable}};
    if (editor.multiline) {
        json.insert(u"multiline"_s, true);
    }
    if (editor.minimum) {
        json.insert(u"minimum"_s, double(*editor.minimum));
    }
    if (editor.maximum) {
        json.insert(u"maximum"_s, double(*editor.maximum));
    }
    if (editor.pattern) {
        json.insert(u"pattern"_s, *editor.pattern);
    }
    if (!editor.choices.isEmpty()) {
        json.insert(u"choices"_s, QJsonArray::fromStringList(editor.choices));
    }
    if (!editor.readOnlyReason.isEmpty()) {
        json.insert(u"readOnlyReason"_s, editor.readOnlyReason);
    }
    return json;
}

QString literalKindName(OptionLiteral::Kind kind)
{
    switch (kind) {
    case OptionLiteral::Kind::Expression:
        return u"literalExpression"_s;
    case OptionLiteral::Kind::Markdown:
        return u"literalMD"_s;
    case OptionLiteral::Kind::Json:
        return u"json"_s;
    case OptionLiteral::Kind::None:
        break;
    }
    return u"none"_s;
}

QJsonObject optionToJson(const Option &option)
{
    QJsonObject json{
        {u"name"_s, option.name},
        {u"loc"_s, QJsonArray::fromStringList(option.loc)},
        {u"description"_s, option.description},
        {u"type"_s, option.type->text},
        {u"typeTree"_s, typeToJson(option.type->tree)},
        {u"editor"_s, editorToJson(option.type->editor)},
        {u"declarations"_s, QJsonArray::fromStringList(option.declarations)},
        {u"readOnly"_s, option.readOnly},
    };
    for (const auto &[key, literal] : {std::pair{u"default"_s, &option.defaultValue}, std::pair{u"example"_s, &option.example}}) {
        if (literal->kind != OptionLiteral::Kind::None) {
            json.insert(key, QJsonObject{{u"kind"_s, literalKindName(literal->kind)}, {u"text"_s, literal->text}});
        }
    }
    return json;
}

} // namespace Snowpane::Options
