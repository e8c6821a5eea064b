// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "generationscommand.h"

#include "generationreader.h"
#include "systempaths.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;
using Snowpane::System::Generation;

namespace
{

// nixos-rebuild prints this where a field could not be read.
QString orUnknown(const QString &value)
{
    return value.isEmpty() ? u"Unknown"_s : value;
}

QString formatDate(const QDateTime &date)
{
    return date.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

// The same field names and values as `nixos-rebuild list-generations --json`.
QJsonObject toJson(const Generation &generation)
{
    return {
        {u"generation"_s, generation.number},
        {u"date"_s, formatDate(generation.date)},
        {u"nixosVersion"_s, orUnknown(generation.nixosVersion)},
        {u"kernelVersion"_s, orUnknown(generation.kernelVersion)},
        {u"configurationRevision"_s, generation.configurationRevision},
        {u"specialisations"_s, QJsonArray::fromStringList(generation.specialisations)},
        {u"current"_s, generation.current},
    };
}

} // namespace

int runGenerationsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List the generations of a system profile, newest first."_s);
    parser.addHelpOption();
    const QCommandLineOption profileOption(u"profile"_s, u"The profile to read (default: /nix/var/nix/profiles/system)."_s, u"PATH"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print JSON, as nixos-rebuild list-generations --json does."_s);
    parser.addOptions({profileOption, jsonOption});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "generations takes no arguments; see --help\n");
        return 2;
    }

    const QString profile = parser.isSet(profileOption) ? parser.value(profileOption) : Snowpane::System::SystemPaths().profile;
    const auto result = Snowpane::System::GenerationReader(profile).readAll();
    if (!result.error.isEmpty()) {
        std::fprintf(stderr, "snowpane-cli: %s\n", qPrintable(result.error));
        return 1;
    }
    if (parser.isSet(jsonOption)) {
        QJsonArray list;
        for (const Generation &generation : result.generations) {
            list.append(toJson(generation));
        }
        std::fputs(QJsonDocument(list).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    for (const Generation &generation : result.generations) {
        std::printf("%-6d %s  %-28s %-12s%s%s\n",
                    generation.number,
                    qPrintable(formatDate(generation.date)),
                    qPrintable(orUnknown(generation.nixosVersion)),
                    qPrintable(orUnknown(generation.kernelVersion)),
                    generation.current ? "  (current)" : "",
                    generation.problem.isEmpty() ? "" : qPrintable(u"  "_s + generation.problem));
    }
    return 0;
}
