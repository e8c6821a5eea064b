// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Reading options.json with simdjson's On-Demand API in its error-code style
// (the project builds without exceptions). On-Demand reports where it
// stopped, which gives the byte offset of bad JSON.

#include "optioncatalog.h"
#include "optionslogging.h"

#include <QFile>
#include <QHash>

#include <simdjson.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;
using namespace simdjson;

namespace Snowpane::Options
{

class CatalogBuilder
{
public:
    explicit CatalogBuilder(const padded_string &json)
        : m_json(json)
    {
    }

    [[nodiscard]] CatalogLoad build()
    {
        ondemand::document document;
        if (const error_code error = m_parser.iterate(m_json).get(document)) {
            return failure(jsonError(error, 0));
        }
        ondemand::json_type type;
        if (const error_code error = document.type().get(type)) {
            return failure(jsonError(error, location(document)));
        }
        if (type == ondemand::json_type::object) {
            ondemand::object options;
            if (const error_code error = document.get_object().get(options)) {
                return failure(jsonError(error, location(document)));
            }
            for (auto field : options) {
                std::string_view name;
                ondemand::value value;
                if (const error_code error = field.unescaped_key().get(name); error || (field.value().get(value))) {
                    return failure(jsonError(error ? error : field.value().error(), location(document)));
                }
                if (!entry(value, name, document)) {
                    return failure(m_error);
                }
            }
        } else if (type == ondemand::json_type::array) {
            ondemand::array entries;
            if (const error_code error = document.get_array().get(entries)) {
                return failure(jsonError(error, location(document)));
            }
            for (auto element : entries) {
                ondemand::value value;
                if (const error_code error = element.get(value)) {
                    return failure(jsonError(error, location(document)));
                }
                if (!entry(value, {}, document)) {
                    return failure(m_error);
                }
            }
        } else {
            return failure(u"options.json must hold an object keyed by option name, or a list of options"_s);
        }
        if (!document.at_end()) {
            return failure(u"options.json has text after the end of its JSON value, at byte %1"_s.arg(location(document)));
        }
        return finish();
    }

private:
    [[nodiscard]] qsizetype location(ondemand::document &document) const
    {
        const char *where = nullptr;
        if (document.current_location().get(where)) {
            return static_cast<qsizetype>(m_json.size());
        }
        return where - m_json.data();
    }

    [[nodiscard]] static QString jsonError(error_code error, qsizetype offset)
    {
        return u"options.json is not valid JSON at byte %1: %2"_s.arg(QString::number(offset), QString::fromUtf8(error_message(error)));
    }

    [[nodiscard]] static CatalogLoad failure(const QString &message)
    {
        qCDebug(SNOWPANE_OPTIONS) << "could not load the option catalog:" << message;
        return {std::nullopt, message};
    }

    OptionCatalog::Span store(std::string_view text)
    {
        OptionCatalog::Span span{static_cast<quint32>(m_catalog.m_text.size()), static_cast<quint32>(text.size())};
        m_catalog.m_text.append(text);
        return span;
    }

    bool fail(std::string_view option, const QString &what, ondemand::document &document)
    {
        m_error = u"option %1: %2 (at byte %3)"_s.arg(option.empty() ? u"#%1"_s.arg(m_catalog.m_records.size() + 1) : QString::fromUtf8(option),
                                                      what,
                                                      QString::number(location(document)));
        return false;
    }

    // A string, null (empty), or an object with a "text" (description as {_type = "mdDoc"; text})
    bool text(ondemand::value &value, OptionCatalog::Span &span)
    {
        ondemand::json_type type;
        if (value.type().get(type)) {
            return false;
        }
        if (type == ondemand::json_type::null) {
            return !value.is_null().error();
        }
        if (type == ondemand::json_type::object) {
            OptionLiteral::Kind kind;
            return literal(value, span, kind);
        }
        std::string_view string;
        if (value.get_string().get(string)) {
            return false;
        }
        span = store(string);
        return true;
    }

    // {"_type": "literalExpression" | "literalMD", "text": ...}, or any other JSON value kept as its text.
    bool literal(ondemand::value &value, OptionCatalog::Span &span, OptionLiteral::Kind &kind)
    {
        std::string_view raw;
        if (value.raw_json().get(raw)) {
            return false;
        }
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\t' || raw.back() == '\r')) {
            raw.remove_suffix(1);
        }
        kind = OptionLiteral::Kind::Json;
        if (raw.starts_with('{') && raw.find("\"_type\"") != std::string_view::npos) {
            // The raw text lies inside the padded input, so the padding after it is readable.
            const size_t capacity = m_json.size() + SIMDJSON_PADDING - static_cast<size_t>(raw.data() - m_json.data());
            ondemand::document inner;
            ondemand::object object;
            std::string_view literalType;
            std::string_view literalText;
            bool other = false;
            if (m_literalParser.iterate(raw.data(), raw.size(), capacity).get(inner) || inner.get_object().get(object)) {
                return false;
            }
            for (auto field : object) {
                std::string_view key;
                if (field.unescaped_key().get(key)) {
                    return false;
                }
                if (key == "_type") {
                    other = other || field.value().get_string().get(literalType);
                } else if (key == "text") {
                    other = other || field.value().get_string().get(literalText);
                } else {
                    other = true;
                }
            }
            if (!other && (literalType == "literalExpression" || literalType == "literalMD" || literalType == "mdDoc" || literalType == "literalDocBook")) {
                kind = literalType == "literalExpression" ? OptionLiteral::Kind::Expression : OptionLiteral::Kind::Markdown;
                span = store(literalText);
                return true;
            }
        }
        span = store(raw);
        return true;
    }

    bool strings(ondemand::value &value, OptionCatalog::Span &span, char separator, bool allowObjects)
    {
        ondemand::array array;
        if (value.get_array().get(array)) {
            return false;
        }
        const size_t start = m_catalog.m_text.size();
        bool first = true;
        for (auto element : array) {
            std::string_view item;
            if (allowObjects && element.type().value_unsafe() == ondemand::json_type::object) {
                ondemand::object object;
                if (element.get_object().get(object) || object.find_field_unordered("name").get_string().get(item)) {
                    return false;
                }
            } else if (element.get_string().get(item)) {
                return false;
            }
            if (!first) {
                m_catalog.m_text.push_back(separator);
            }
            first = false;
            m_catalog.m_text.append(item);
        }
        span = {static_cast<quint32>(start), static_cast<quint32>(m_catalog.m_text.size() - start)};
        return true;
    }

    // On-Demand skips what it is not asked for without checking it: fields Snowpane does not use are walked so that bad JSON there is an error too.
    static bool check(ondemand::value value, int depth = 0)
    {
        ondemand::json_type type;
        if (depth > 64 || value.type().get(type)) {
            return false;
        }
        switch (type) {
        case ondemand::json_type::array: {
            ondemand::array array;
            if (value.get_array().get(array)) {
                return false;
            }
            for (auto element : array) {
                ondemand::value item;
                if (element.get(item) || !check(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        case ondemand::json_type::object: {
            ondemand::object object;
            if (value.get_object().get(object)) {
                return false;
            }
            for (auto field : object) {
                ondemand::value item;
                if (field.value().get(item) || !check(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        case ondemand::json_type::number:
            return !value.get_number().error();
        case ondemand::json_type::string:
            return !value.get_string().error();
        case ondemand::json_type::boolean:
            return !value.get_bool().error();
        case ondemand::json_type::null: {
            bool isNull = false;
            return !value.is_null().get(isNull) && isNull;
        }
        default:
            return false;
        }
    }

    bool entry(ondemand::value &value, std::string_view key, ondemand::document &document)
    {
        ondemand::object object;
        if (value.get_object().get(object)) {
            return fail(key, u"the entry is not an object"_s, document);
        }
        OptionCatalog::Record record;
        std::string_view name = key;
        std::string_view typeText;
        bool hasType = false;
        bool hasLoc = false;
        bool visible = true;
        bool internal = false;
        for (auto field : object) {
            std::string_view fieldName;
            ondemand::value fieldValue;
            if (field.unescaped_key().get(fieldName) || field.value().get(fieldValue)) {
                return fail(name, u"bad JSON"_s, document);
            }
            bool ok = true;
            if (fieldName == "type") {
                ok = !fieldValue.get_string().get(typeText);
                hasType = ok;
            } else if (fieldName == "loc") {
                ok = strings(fieldValue, record.loc, '\x1f', false);
                hasLoc = ok;
            } else if (fieldName == "name") {
                ok = !fieldValue.get_string().get(name);
                if (ok) {
                    // The string buffer is reused by later strings: keep a copy.
                    m_nameCopy.assign(name);
                    name = m_nameCopy;
                }
            } else if (fieldName == "description") {
                ok = text(fieldValue, record.description);
            } else if (fieldName == "default") {
                ok = literal(fieldValue, record.defaultText, record.defaultKind);
            } else if (fieldName == "example") {
                ok = literal(fieldValue, record.exampleText, record.exampleKind);
            } else if (fieldName == "declarations") {
                ok = strings(fieldValue, record.declarations, '\n', true);
            } else if (fieldName == "readOnly") {
                ok = !fieldValue.get_bool().get(record.readOnly);
            } else if (fieldName == "visible") {
                // "shallow" hides sub-options only; the option itself is shown.
                ondemand::json_type type;
                ok = !fieldValue.type().get(type);
                if (ok && type == ondemand::json_type::boolean) {
                    ok = !fieldValue.get_bool().get(visible);
                }
            } else if (fieldName == "internal") {
                ok = !fieldValue.get_bool().get(internal);
            } else if (fieldName == "relatedPackages") {
                std::string_view raw;
                ok = !fieldValue.raw_json().get(raw);
                record.relatedPackages = store(raw);
            } else {
                ok = check(fieldValue);
            }
            if (!ok) {
                return fail(name, u"\"%1\" has the wrong kind of value"_s.arg(QString::fromUtf8(fieldName)), document);
            }
        }
        if (name.empty()) {
            return fail(name, u"has no \"name\""_s, document);
        }
        if (!hasType) {
            return fail(name, u"has no \"type\""_s, document);
        }
        if (!hasLoc) {
            return fail(name, u"has no \"loc\""_s, document);
        }
        if (!visible) {
            return true;
        }
        record.internal = internal;
        record.name = store(name);
        record.type = typeIndex(typeText);
        m_catalog.m_records.push_back(record);
        return true;
    }

    quint32 typeIndex(std::string_view text)
    {
        const QByteArray key(text.data(), static_cast<qsizetype>(text.size()));
        const auto found = m_typeIndex.constFind(key);
        if (found != m_typeIndex.constEnd()) {
            return found.value();
        }
        CatalogType type;
        type.text = QString::fromUtf8(key);
        type.tree = OptionType::parse(type.text);
        type.editor = EditorInfo::forType(type.tree);
        const auto index = static_cast<quint32>(m_catalog.m_types.size());
        m_catalog.m_types.push_back(std::move(type));
        m_typeIndex.insert(key, index);
        return index;
    }

    [[nodiscard]] CatalogLoad finish()
    {
        auto &records = m_catalog.m_records;
        const std::string &text = m_catalog.m_text;
        auto nameOf = [&text](const OptionCatalog::Record &record) {
            return std::string_view(text.data() + record.name.offset, record.name.length);
        };
        std::ranges::stable_sort(records, {}, nameOf);
        // The same name twice (a list with duplicates): the last one wins, as in an object.
        const auto duplicates = std::ranges::unique(records.rbegin(), records.rend(), {}, nameOf);
        records.erase(records.begin(), duplicates.begin().base());
        records.shrink_to_fit();
        m_catalog.m_text.shrink_to_fit();
        if (text.size() > std::numeric_limits<quint32>::max()) {
            return failure(u"options.json is too large (over 4 GB of text)"_s);
        }
        qCDebug(SNOWPANE_OPTIONS) << "loaded" << records.size() << "options with" << m_catalog.m_types.size() << "distinct types";
        return {std::move(m_catalog), {}};
    }

    const padded_string &m_json;
    ondemand::parser m_parser;
    ondemand::parser m_literalParser;
    OptionCatalog m_catalog;
    QHash<QByteArray, quint32> m_typeIndex;
    std::string m_nameCopy;
    QString m_error;
};

CatalogLoad OptionCatalog::fromJson(QByteArrayView json)
{
    const padded_string padded(json.data(), static_cast<size_t>(json.size()));
    CatalogBuilder builder(padded);
    return builder.build();
}

CatalogLoad OptionCatalog::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {std::nullopt, u"cannot read %1: %2"_s.arg(path, file.errorString())};
    }
    const QByteArray bytes = file.readAll();
    CatalogLoad load = fromJson(bytes);
    if (!load.catalog) {
        load.error = path + u": "_s + load.error;
    }
    return load;
}

} // namespace Snowpane::Options
