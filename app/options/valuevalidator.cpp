// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "valuevalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

namespace
{

using Kind = OptionType::Kind;

[[nodiscard]] QString jsonKindName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"true or false"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"text"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an attribute set"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

[[nodiscard]] Validation expected(const QString &what, const QJsonValue &value)
{
    return Validation::invalid(u"Expected %1, but got %2 (%3)."_s.arg(what, jsonKindName(value), describeValue(value)));
}

[[nodiscard]] std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (std::trunc(number) != number || std::abs(number) > 9.0e18) {
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

[[nodiscard]] Validation validateInteger(const OptionType &type, const QJsonValue &value)
{
    const auto number = wholeNumber(value);
    if (!number) {
        return expected(u"a whole number"_s, value);
    }
    const bool belowMinimum = type.minimum && *number < *type.minimum;
    const bool aboveMaximum = type.maximum && *number > *type.maximum;
    if (!belowMinimum && !aboveMaximum) {
        return Validation::valid();
    }
    if (type.minimum && type.maximum) {
        // types.port is "16 bit unsigned integer"; say "port" where that is what the option holds.
        const bool port = type.bits == 16 && *type.minimum == 0 && *type.maximum == 65535;
        const QString what = port ? u"a valid port number"_s : u"in range"_s;
        return Validation::invalid(u"%1 is not %2: it must be between %3 and %4."_s.arg(QString::number(*number),
                                                                                        what,
                                                                                        QString::number(*type.minimum),
                                                                                        QString::number(*type.maximum)));
    }
    if (belowMinimum) {
        return Validation::invalid(u"%1 is too small: it must be at least %2."_s.arg(QString::number(*number), QString::number(*type.minimum)));
    }
    return Validation::invalid(u"%1 is too large: it must be at most %2."_s.arg(QString::number(*number), QString::number(*type.maximum)));
}

[[nodiscard]] Validation validateNumber(const OptionType &type, const QJsonValue &value)
{
    if (!value.isDouble()) {
        return expected(u"a number"_s, value);
    }
    const double number = value.toDouble();
    if (type.exclusiveMinimum && type.floatMinimum && number <= *type.floatMinimum) {
        return Validation::invalid(u"%1 is too small: it must be greater than %2."_s.arg(describeValue(value), QString::number(*type.floatMinimum)));
    }
    if ((type.floatMinimum && number < *type.floatMinimum) || (type.floatMaximum && number > *type.floatMaximum)) {
        if (type.floatMaximum) {
            return Validation::invalid(u"%1 is not in range: it must be between %2 and %3."_s.arg(describeValue(value),
                                                                                                  QString::number(*type.floatMinimum),
                                                                                                  QString::number(*type.floatMaximum)));
        }
        return Validation::invalid(u"%1 is too small: it must be at least %2."_s.arg(describeValue(value), QString::number(*type.floatMinimum)));
    }
    return Validation::valid();
}

[[nodiscard]] Validation validateString(const OptionType &type, const QJsonValue &value)
{
    if (!value.isString()) {
        return expected(u"text"_s, value);
    }
    const QString text = value.toString();
    // types.nonEmptyStr rejects strings of only spaces, tabs and newlines.
    if (type.nonEmpty && text.trimmed().isEmpty()) {
        return Validation::invalid(u"This value must not be empty."_s);
    }
    if (type.singleLine) {
        const QString body = text.endsWith(u'\n') ? text.chopped(1) : text;
        if (body.contains(u'\n')) {
            return Validation::invalid(u"This value must be a single line."_s);
        }
    }
    for (const QString &forbidden : type.forbiddenCharacters) {
        const QChar character = forbidden == "newlines"_L1 ? u'\n' : forbidden == "colons"_L1 ? u':' : QChar(u'\0');
        if (text.contains(character)) {
            return Validation::invalid(u"This value must not contain %1."_s.arg(forbidden));
        }
    }
    if (type.pattern) {
        // builtins.match matches the whole string with POSIX extended regular expressions.
        const QRegularExpression expression(QRegularExpression::anchoredPattern(*type.pattern));
        if (!expression.isValid()) {
            return Validation::valid();
        }
        if (!expression.match(text).hasMatch()) {
            return Validation::invalid(u"%1 does not have the required form: it must match the pattern %2."_s.arg(describeValue(value), *type.pattern));
        }
    }
    return Validation::valid();
}

[[nodiscard]] Validation validatePath(const OptionType &type, const QJsonValue &value)
{
    if (!value.isString()) {
        return expected(u"a path"_s, value);
    }
    const QString path = value.toString();
    // types.path accepts strings whose first character is "/", as absolute path does.
    if (type.inStore && !path.startsWith(u"/nix/store/"_s)) {
        return Validation::invalid(u"%1 is not a path in the Nix store: it must start with /nix/store/."_s.arg(describeValue(value)));
    }
    if (!path.startsWith(u'/')) {
        return Validation::invalid(u"%1 is not an absolute path: it must start with /."_s.arg(describeValue(value)));
    }
    return Validation::valid();
}

[[nodiscard]] Validation validateEnum(const OptionType &type, const QJsonValue &value)
{
    for (qsizetype i = 0; i < type.enumValues.size(); ++i) {
        const QString &shown = type.enumValues.at(i);
        const QString &text = type.enumTexts.at(i);
        const bool quoted = shown.startsWith(u'"');
        if (quoted ? (value.isString() && value.toString() == text) : (!value.isString() && describeValue(value) == text)) {
            return Validation::valid();
        }
    }
    if (type.enumValues.size() == 1) {
        return Validation::invalid(u"%1 is not allowed: the only allowed value is %2."_s.arg(describeValue(value), type.enumValues.front()));
    }
    return Validation::invalid(u"%1 is not one of the allowed values: %2."_s.arg(describeValue(value), type.enumValues.join(u", "_s)));
}

} // namespace

QString describeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const auto number = wholeNumber(value);
        return number ? QString::number(*number) : QString::number(value.toDouble());
    }
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Undefined:
        return u"nothing"_s;
    default:
        break;
    }
    const QJsonDocument document(QJsonArray{value});
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

Validation validateValue(const OptionType &type, const QJsonValue &value)
{
    switch (type.kind) {
    case Kind::Boolean:
        return value.isBool() ? Validation::valid() : expected(u"true or false"_s, value);
    case Kind::Integer:
        return validateInteger(type, value);
    case Kind::Float:
    case Kind::Number:
        return validateNumber(type, value);
    case Kind::String:
        return validateString(type, value);
    case Kind::Path:
        return validatePath(type, value);
    case Kind::Package:
        return value.isString() && !value.toString().isEmpty() ? Validation::valid() : expected(u"a package name"_s, value);
    case Kind::Null:
        return value.isNull() ? Validation::valid() : expected(u"null"_s, value);
    case Kind::Enum:
        return validateEnum(type, value);
    case Kind::Nullable:
        return value.isNull() ? Validation::valid() : validateValue(type.children.front(), value);
    case Kind::List: {
        if (!value.isArray()) {
            return expected(u"a list"_s, value);
        }
        const QJsonArray items = value.toArray();
        if (type.nonEmpty && items.isEmpty()) {
            return Validation::invalid(u"The list must not be empty."_s);
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            const Validation item = validateValue(type.children.front(), items.at(i));
            if (!item.ok) {
                return Validation::invalid(u"Item %1: %2"_s.arg(QString::number(i + 1), item.message));
            }
        }
        return Validation::valid();
    }
    case Kind::AttrsOf: {
        if (!value.isObject()) {
            return expected(u"an attribute set"_s, value);
        }
        const QJsonObject attributes = value.toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            const Validation item = validateValue(type.children.front(), it.value());
            if (!item.ok) {
                return Validation::invalid(u"In %1: %2"_s.arg(describeValue(it.key()), item.message));
            }
        }
        return Validation::valid();
    }
    case Kind::Either: {
        for (const OptionType &alternative : type.children) {
            if (validateValue(alternative, value).ok) {
                return Validation::valid();
            }
        }
        return Validation::invalid(u"%1 does not fit the type \"%2\"."_s.arg(describeValue(value), type.text));
    }
    case Kind::Attrs:
    case Kind::Submodule:
        return value.isObject() ? Validation::valid() : expected(u"an attribute set"_s, value);
    case Kind::Function:
        return Validation::invalid(u"A function can only be written as a Nix expression."_s);
    case Kind::Structured:
    case Kind::Other:
        return Validation::valid();
    }
    return Validation::valid();
}

} // namespace Snowpane::Options
