// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "editorkind.h"
#include "optiontype.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUtf8StringView>

#include <optional>
#include <string>
#include <vector>

namespace Snowpane::Options
{

/** A default or example as options.json writes it: `{"_type": "literalExpression" | "literalMD", "text": ...}`, or plain JSON. */
struct OptionLiteral {
    enum class Kind : quint8 {
        None, ///< the option has no default (or example)
        Expression, ///< literalExpression: Nix code
        Markdown, ///< literalMD: prose
        Json, ///< a plain JSON value (older options.json files), kept as compact JSON text
    };
    Kind kind = Kind::None;
    QString text;
};

/** A parsed type string shared by every option with that type, and its editor. */
struct CatalogType {
    QString text;
    OptionType tree;
    EditorInfo editor;
};

/** One option, copied out of the catalog for display. */
struct Option {
    QString name;
    QStringList loc;
    QString description; ///< Markdown
    const CatalogType *type = nullptr;
    OptionLiteral defaultValue;
    OptionLiteral example;
    QStringList declarations; ///< file paths (the `name` of `{name, url}` entries)
    bool readOnly = false;
    QString relatedPackages; ///< the raw JSON, empty when absent
};

/**
 * The option catalog in the schema of NixOS's options.json: either the
 * object keyed by option name that NixOS ships, or the list that
 * lib.optionAttrSetToDocList returns (entries that are not visible are
 * dropped; internal ones are kept and flagged). Every string lives in one UTF-8 arena and each
 * option is a fixed-size record of offsets into it, sorted by name, so 25,000
 * options take little more memory than their JSON text. Type strings are
 * parsed once per distinct string.
 */
class OptionCatalog
{
public:
    /** Parses options.json text. Bad JSON or a missing field gives an error naming the byte offset or the option. */
    [[nodiscard]] static struct CatalogLoad fromJson(QByteArrayView json);
    /** Reads and parses the file at @p path. */
    [[nodiscard]] static struct CatalogLoad fromFile(const QString &path);

    [[nodiscard]] int size() const
    {
        return static_cast<int>(m_records.size());
    }
    /// The index of the option called @p name, or -1.
    [[nodiscard]] int indexOf(QUtf8StringView name) const;
    [[nodiscard]] int indexOf(const QString &name) const;

    [[nodiscard]] QUtf8StringView name(int index) const;
    [[nodiscard]] QUtf8StringView descriptionView(int index) const;
    [[nodiscard]] const CatalogType &type(int index) const;
    [[nodiscard]] bool isReadOnly(int index) const;
    /// NixOS marks the option internal: not for configurations, listed only on request.
    [[nodiscard]] bool isInternal(int index) const;
    /// The whole option, its strings copied.
    [[nodiscard]] Option option(int index) const;

    /// All distinct types, in order of first appearance.
    [[nodiscard]] const std::vector<CatalogType> &types() const
    {
        return m_types;
    }
    /// Bytes held by the catalog (arena, records and types), for the benchmark's memory figure.
    [[nodiscard]] qsizetype memoryUsage() const;

    /** The catalog as options.json text (the object form), the format `snowpane-cli options dump --json` prints and the cache stores. */
    [[nodiscard]] QByteArray toJson() const;

private:
    friend class CatalogBuilder;

    struct Span {
        quint32 offset = 0;
        quint32 length = 0;
    };
    struct Record {
        Span name;
        Span loc; ///< components joined by U+001F
        Span description;
        Span defaultText;
        Span exampleText;
        Span declarations; ///< joined by "\n"
        Span relatedPackages;
        quint32 type = 0;
        OptionLiteral::Kind defaultKind = OptionLiteral::Kind::None;
        OptionLiteral::Kind exampleKind = OptionLiteral::Kind::None;
        bool readOnly = false;
        bool internal = false;
    };

    [[nodiscard]] QUtf8StringView view(Span span) const
    {
        return QUtf8StringView(m_text.data() + span.offset, span.length);
    }
    [[nodiscard]] QString string(Span span) const
    {
        return QString::fromUtf8(m_text.data() + span.offset, span.length);
    }

    std::string m_text;
    std::vector<Record> m_records;
    std::vector<CatalogType> m_types;
};

/** A loaded catalog, or the reason none could be loaded. */
struct CatalogLoad {
    std::optional<OptionCatalog> catalog;
    QString error;
};

} // namespace Snowpane::Options
