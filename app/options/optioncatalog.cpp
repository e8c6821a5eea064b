// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optioncatalog.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

namespace
{

void appendJsonString(QByteArray &out, QUtf8StringView text)
{
    out.append('"');
    for (const char c : QByteArrayView(text.data(), text.size())) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out.append("\\u00");
                out.append("0123456789abcdef"[(c >> 4) & 0xf]);
                out.append("0123456789abcdef"[c & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void appendLiteral(QByteArray &out, const char *key, OptionLiteral::Kind kind, QUtf8StringView text)
{
    if (kind == OptionLiteral::Kind::None) {
        return;
    }
    out.append(",\"").append(key).append("\":");
    if (kind == OptionLiteral::Kind::Json) {
        out.append(text.data(), text.size());
        return;
    }
    out.append(kind == OptionLiteral::Kind::Expression ? "{\"_type\":\"literalExpression\",\"text\":" : "{\"_type\":\"literalMD\",\"text\":");
    appendJsonString(out, text);
    out.append('}');
}

// Writes the parts of @p joined (separated by @p separator) as a JSON list's elements.
void appendJsonStrings(QByteArray &out, QUtf8StringView joined, char separator)
{
    const std::string_view text(joined.data(), joined.size());
    size_t start = 0;
    while (true) {
        const size_t end = text.find(separator, start);
        const std::string_view part = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (start > 0) {
            out.append(',');
        }
        appendJsonString(out, QUtf8StringView(part.data(), part.size()));
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
}

} // namespace

int OptionCatalog::indexOf(QUtf8StringView name) const
{
    const std::string_view wanted(name.data(), name.size());
    const auto found = std::ranges::lower_bound(m_records, wanted, {}, [this](const Record &record) {
        return std::string_view(m_text.data() + record.name.offset, record.name.length);
    });
    if (found == m_records.end() || std::string_view(m_text.data() + found->name.offset, found->name.length) != wanted) {
        return -1;
    }
    return static_cast<int>(found - m_records.begin());
}

int OptionCatalog::indexOf(const QString &name) const
{
    const QByteArray utf8 = name.toUtf8();
    return indexOf(QUtf8StringView(utf8));
}

QUtf8StringView OptionCatalog::name(int index) const
{
    return view(m_records[index].name);
}

QUtf8StringView OptionCatalog::descriptionView(int index) const
{
    return view(m_records[index].description);
}

const CatalogType &OptionCatalog::type(int index) const
{
    return m_types[m_records[index].type];
}

bool OptionCatalog::isInternal(int index) const
{
    return m_records[index].internal;
}

bool OptionCatalog::isReadOnly(int index) const
{
    return m_records[index].readOnly;
}

Option OptionCatalog::option(int index) const
{
    const Record &record = m_records[index];
    Option option;
    option.name = string(record.name);
    option.loc = string(record.loc).split(u'\x1f');
    option.description = string(record.description);
    option.type = &m_types[record.type];
    option.defaultValue = {record.defaultKind, string(record.defaultText)};
    option.example = {record.exampleKind, string(record.exampleText)};
    if (record.declarations.length > 0) {
        option.declarations = string(record.declarations).split(u'\n');
    }
    option.readOnly = record.readOnly;
    option.relatedPackages = string(record.relatedPackages);
    return option;
}

qsizetype OptionCatalog::memoryUsage() const
{
    qsizetype bytes = static_cast<qsizetype>(m_text.capacity() + m_records.capacity() * sizeof(Record) + m_types.capacity() * sizeof(CatalogType));
    for (const CatalogType &type : m_types) {
        // The text twice (the type's and its tree's) and a rough figure for the tree's nodes.
        bytes += 2 * type.text.capacity() * 2 + static_cast<qsizetype>(sizeof(OptionType)) * (1 + static_cast<qsizetype>(type.tree.children.size()));
    }
    return bytes;
}

QByteArray OptionCatalog::toJson() const
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(m_text.size() + m_records.size() * 160));
    out.append('{');
    for (size_t i = 0; i < m_records.size(); ++i) {
        const Record &record = m_records[i];
        if (i > 0) {
            out.append(",\n");
        }
        appendJsonString(out, view(record.name));
        out.append(":{\"declarations\":[");
        if (record.declarations.length > 0) {
            appendJsonStrings(out, view(record.declarations), '\n');
        }
        out.append("],\"description\":");
        appendJsonString(out, view(record.description));
        appendLiteral(out, "default", record.defaultKind, view(record.defaultText));
        appendLiteral(out, "example", record.exampleKind, view(record.exampleText));
        out.append(",\"loc\":[");
        appendJsonStrings(out, view(record.loc), '\x1f');
        out.append(']');
        if (record.internal) {
            out.append(",\"internal\":true");
        }
        out.append(",\"readOnly\":").append(record.readOnly ? "true" : "false");
        if (record.relatedPackages.length > 0) {
            out.append(",\"relatedPackages\":").append(view(record.relatedPackages).data(), record.relatedPackages.length);
        }
        out.append(",\"type\":");
        const QByteArray typeText = m_types[record.type].text.toUtf8();
        appendJsonString(out, QUtf8StringView(typeText));
        out.append('}');
    }
    out.append("}\n");
    return out;
}

} // namespace Snowpane::Options
