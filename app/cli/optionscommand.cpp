// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optionscommand.h"

#include "commandline.h"

#include "optionevaluator.h"
#include "optionjson.h"
#include "optionsearch.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

void printJson(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

[[nodiscard]] QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype end = trimmed.indexOf(u'\n');
    return end < 0 ? trimmed : trimmed.left(end);
}

int search(const OptionCatalog &catalog, const QString &query, int limit, bool json)
{
    OptionSearch search(catalog);
    const SearchResult result = search.search(query, limit);
    if (json) {
        QJsonArray hits;
        for (const SearchHit &hit : result.hits) {
            const CatalogType &type = catalog.type(hit.index);
            hits.append(QJsonObject{
                {u"name"_s, catalog.name(hit.index).toString()},
                {u"tier"_s, int(hit.tier)},
                {u"type"_s, type.text},
                {u"editor"_s, EditorInfo::kindName(type.editor.kind)},
                {u"description"_s, catalog.descriptionView(hit.index).toString()},
            });
        }
        printJson(QJsonObject{{u"query"_s, query}, {u"total"_s, result.total}, {u"results"_s, hits}});
        return 0;
    }
    for (const SearchHit &hit : result.hits) {
        std::printf("%s  (%s)\n", catalog.name(hit.index).toString().toLocal8Bit().constData(), qPrintable(catalog.type(hit.index).text));
        const QString summary = firstLine(catalog.descriptionView(hit.index).toString());
        if (!summary.isEmpty()) {
            std::printf("    %s\n", qPrintable(summary));
        }
    }
    std::fprintf(stderr, "%d of %d options matching '%s'\n", int(result.hits.size()), result.total, qPrintable(query));
    return 0;
}

int show(const OptionCatalog &catalog, const QString &name, bool json)
{
    const int index = catalog.indexOf(name);
    if (index < 0) {
        // Suggestions: options matching the name, else its parent (a typo in the last component).
        OptionSearch search(catalog);
        SearchResult similar = search.search(name, 5);
        if (similar.hits.empty() && name.contains(u'.')) {
            similar = search.search(name.section(u'.', 0, -2), 5);
        }
        QStringList names;
        for (const SearchHit &hit : similar.hits) {
            names.append(catalog.name(hit.index).toString());
        }
        std::fprintf(stderr,
                     "snowpane-cli: the option %s does not exist%s\n",
                     qPrintable(name),
                     names.isEmpty() ? "" : qPrintable(u"; similar: "_s + names.join(u", "_s)));
        return 1;
    }
    const Option option = catalog.option(index);
    if (json) {
        QJsonObject object = optionToJson(option);
        // Definitions in the user's files come from app/config, which does not exist yet.
        object.insert(u"definitions"_s, QJsonValue::Null);
        printJson(object);
        return 0;
    }
    const EditorInfo &editor = option.type->editor;
    QString editorText = EditorInfo::kindName(editor.kind);
    if (editor.minimum || editor.maximum) {
        editorText +=
            u" (%1 to %2)"_s.arg(editor.minimum ? QString::number(*editor.minimum) : u"any"_s, editor.maximum ? QString::number(*editor.maximum) : u"any"_s);
    }
    if (!editor.choices.isEmpty()) {
        editorText += u" ("_s + editor.choices.join(u", "_s) + u')';
    }
    if (editor.pattern) {
        editorText += u" (pattern "_s + *editor.pattern + u')';
    }
    if (editor.nullable) {
        editorText += u", may be null"_s;
    }
    if (!editor.readOnlyReason.isEmpty()) {
        editorText += u": "_s + editor.readOnlyReason;
    }
    std::printf("%s\n", qPrintable(option.name));
    std::printf("  Type:        %s\n", qPrintable(option.type->text));
    std::printf("  Type tree:   %s\n", qPrintable(option.type->tree.toDebugString()));
    std::printf("  Editor:      %s\n", qPrintable(editorText));
    // Multi-line values stay aligned under their first line.
    const auto indented = [](const QString &text) {
        return QString(text).replace(u'\n', u"\n               "_s);
    };
    if (option.defaultValue.kind != OptionLiteral::Kind::None) {
        std::printf("  Default:     %s\n", qPrintable(indented(option.defaultValue.text)));
    }
    if (option.example.kind != OptionLiteral::Kind::None) {
        std::printf("  Example:     %s\n", qPrintable(indented(option.example.text)));
    }
    if (option.readOnly) {
        std::printf("  Read-only:   yes\n");
    }
    for (const QString &file : option.declarations) {
        std::printf("  Declared in: %s\n", qPrintable(file));
    }
    std::printf("  Definitions: (not shown yet: reading them from the configuration files is not implemented)\n");
    if (!option.description.isEmpty()) {
        std::printf("\n%s\n", qPrintable(option.description.trimmed()));
    }
    return 0;
}

} // namespace

int runOptionsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The option catalog of the configured system, evaluated with Nix and cached.\n\n"
        "  search QUERY...   options matching QUERY, best first\n"
        "  show OPTION       one option: type, type tree, editor, default, declarations\n"
        "  dump --json       the whole catalog in the options.json schema"_s);
    parser.addHelpOption();
    const QCommandLineOption jsonOption(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption limitOption(u"limit"_s, u"search: show at most N results (default 20; 0 for all)."_s, u"N"_s, u"20"_s);
    const QCommandLineOption optionsJsonOption(u"options-json"_s, u"Read the catalog from this options.json instead of evaluating the system."_s, u"FILE"_s);
    const QCommandLineOption configOption(u"config"_s, u"Evaluate this classic configuration.nix (default: as NixOS decides)."_s, u"FILE"_s);
    const QCommandLineOption flakeOption(u"flake"_s, u"Evaluate nixosConfigurations.<host> of the flake in DIR."_s, u"DIR"_s);
    const QCommandLineOption hostOption(u"host"_s, u"The flake's host (default: this machine's host name)."_s, u"HOST"_s);
    const QCommandLineOption nixpkgsOption(u"nixpkgs"_s, u"Use this nixpkgs for <nixpkgs> (classic configurations)."_s, u"PATH"_s);
    const QCommandLineOption configDirOption(u"config-dir"_s, u"The configuration directory NixOS would use (default: /etc/nixos)."_s, u"DIR"_s);
    const QCommandLineOption noCacheOption(u"no-cache"_s, u"Evaluate even when a cached catalog is valid."_s);
    parser.addOptions({jsonOption, limitOption, optionsJsonOption, configOption, flakeOption, hostOption, nixpkgsOption, configDirOption, noCacheOption});
    if (const auto exitCode = parseSubcommandArguments(parser, arguments)) {
        return *exitCode;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    bool limitOk = false;
    const int limit = parser.value(limitOption).toInt(&limitOk);
    const bool json = parser.isSet(jsonOption);
    const bool usageOk = (action == u"search"_s && positional.size() >= 2) || (action == u"show"_s && positional.size() == 2)
        || (action == u"dump"_s && positional.size() == 1 && json);
    if (!usageOk || !limitOk || limit < 0 || (parser.isSet(configOption) && parser.isSet(flakeOption))) {
        std::fprintf(stderr, "usage: options search QUERY [--limit N] [--json] | options show OPTION [--json] | options dump --json; see --help\n");
        return 2;
    }

    OptionSource source = OptionSource::detect(parser.isSet(configDirOption) ? parser.value(configDirOption) : u"/etc/nixos"_s);
    if (parser.isSet(optionsJsonOption)) {
        source.kind = OptionSource::Kind::File;
        source.optionsJson = parser.value(optionsJsonOption);
    } else if (parser.isSet(flakeOption)) {
        source.kind = OptionSource::Kind::Flake;
        source.flake = parser.value(flakeOption);
    } else if (parser.isSet(configOption)) {
        source.kind = OptionSource::Kind::Classic;
        source.configuration = parser.value(configOption);
    }
    source.host = parser.value(hostOption);
    source.nixpkgs = parser.value(nixpkgsOption);

    // The command prints errors itself; the library's warnings would repeat them.
    QLoggingCategory::setFilterRules(u"snowpane.options.warning=false"_s);
    const CatalogOpening opening = OptionEvaluator::open(source, !parser.isSet(noCacheOption), [](const QString &stage, const QString &text) {
        if (stage == u"evaluate"_s) {
            std::fprintf(stderr, "snowpane-cli: %s...\n", qPrintable(text));
        }
    });
    if (opening.status != CatalogOpening::Status::Ok) {
        std::fprintf(stderr, "snowpane-cli: %s\n", qPrintable(opening.error));
        return 1;
    }
    const OptionCatalog &catalog = *opening.catalog;
    if (action == u"search"_s) {
        return search(catalog, positional.mid(1).join(u' '), limit == 0 ? -1 : limit, json);
    }
    if (action == u"show"_s) {
        return show(catalog, positional.at(1), json);
    }
    const QByteArray dump = catalog.toJson();
    std::fwrite(dump.constData(), 1, size_t(dump.size()), stdout);
    return 0;
}
