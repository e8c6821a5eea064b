// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/configvalues.h"

#include <QJSValue>
#include <QVariantList>
#include <QVariantMap>

#include <cmath>
#include <limits>

namespace Snowpane::Ui
{

using Snowpane::Config::Value;

QVariant toVariant(const Value &value)
{
    switch (value.type) {
    case Value::Type::Null:
        return QVariant::fromValue(nullptr);
    case Value::Type::Bool:
        return value.boolean;
    case Value::Type::Int:
        return qint64(value.integer);
    case Value::Type::Float:
        return value.number;
    case Value::Type::String:
    case Value::Type::Path:
    case Value::Type::Package:
        return QString::fromStdString(value.text);
    case Value::Type::List: {
        QVariantList items;
        for (const Value &item : value.items) {
            items.append(toVariant(item));
        }
        return items;
    }
    case Value::Type::AttrSet: {
        QVariantMap attrs;
        for (const auto &[name, item] : value.attrs) {
            attrs.insert(QString::fromStdString(name), toVariant(item));
        }
        return attrs;
    }
    case Value::Type::Opaque:
        break;
    }
    return {};
}

std::optional<Value> fromVariant(const QVariant &variant)
{
    if (variant.metaType() == QMetaType::fromType<QJSValue>()) {
        return fromVariant(variant.value<QJSValue>().toVariant());
    }
    Value value;
    switch (variant.metaType().id()) {
    case QMetaType::Nullptr:
        value.type = Value::Type::Null;
        return value;
    case QMetaType::Bool:
        value.type = Value::Type::Bool;
        value.boolean = variant.toBool();
        return value;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
        value.type = Value::Type::Int;
        value.integer = variant.toLongLong();
        return value;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double number = variant.toDouble();
        if (!std::isfinite(number)) {
            return std::nullopt;
        }
        constexpr double int64Bound = 9.2e18;
        if (std::trunc(number) == number && std::abs(number) < int64Bound) {
            value.type = Value::Type::Int;
            value.integer = static_cast<std::int64_t>(number);
        } else {
            value.type = Value::Type::Float;
            value.number = number;
        }
        return value;
    }
    case QMetaType::QString:
        value.type = Value::Type::String;
        value.text = variant.toString().toStdString();
        return value;
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        value.type = Value::Type::List;
        for (const QVariant &item : variant.toList()) {
            std::optional<Value> converted = fromVariant(item);
            if (!converted) {
                return std::nullopt;
            }
            value.items.push_back(std::move(*converted));
        }
        return value;
    case QMetaType::QVariantMap: {
        value.type = Value::Type::AttrSet;
        const QVariantMap map = variant.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            std::optional<Value> converted = fromVariant(it.value());
            if (!converted) {
                return std::nullopt;
            }
            value.attrs.emplace_back(it.key().toStdString(), std::move(*converted));
        }
        return value;
    }
    default:
        return std::nullopt;
    }
}

} // namespace Snowpane::Ui
