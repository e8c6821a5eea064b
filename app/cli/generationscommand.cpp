// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "generationscommand.h"

#include "commandline.h"
#include "remoteoptions.h"

#include "remotegenerations.h"

#include "closurereader.h"
#include "generationreader.h"
#include "systempaths.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

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
        // Snowpane's own fields, beyond what nixos-rebuild prints.
        {u"booted"_s, generation.booted},
        {u"running"_s, generation.running},
        {u"storePath"_s, generation.storePath.isEmpty() ? QJsonValue() : QJsonValue(generation.storePath)},
        {u"closureSize"_s, generation.closureSize < 0 ? QJsonValue() : QJsonValue(generation.closureSize)},
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
    const QCommandLineOption closureSizeOption(u"closure-size"_s, u"Also compute each generation's closure size (reads the Nix database)."_s);
    const QCommandLineOption bootedOption(u"booted-system"_s, u"The booted system's link (default: /run/booted-system)."_s, u"PATH"_s);
    const QCommandLineOption runningOption(u"current-system"_s, u"The running system's link (default: /run/current-system)."_s, u"PATH"_s);
    const QCommandLineOption targetOption(u"target"_s, u"List another machine's generations over SSH: ssh://[user@]host[:port]."_s, u"URI"_s);
    parser.addOptions({profileOption, jsonOption, closureSizeOption, bootedOption, runningOption, targetOption});
    addSshOptions(parser);
    if (const auto exitCode = parseSubcommandArguments(parser, arguments)) {
        return *exitCode;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "generations takes no arguments; see --help\n");
        return 2;
    }
    std::unique_ptr<Snowpane::Remote::SshClient> remote;
    if (const auto exitCode = targetClient(parser, remote)) {
        return *exitCode;
    }
    if (remote && parser.isSet(closureSizeOption)) {
        std::fprintf(stderr, "--closure-size is not available with --target\n");
        return 2;
    }

    const Snowpane::System::SystemPaths defaults;
    const QString profile = parser.isSet(profileOption) ? parser.value(profileOption) : defaults.profile;
    const QString booted = parser.isSet(bootedOption) ? parser.value(bootedOption) : defaults.bootedSystem;
    const QString running = parser.isSet(runningOption) ? parser.value(runningOption) : defaults.currentSystem;
    Snowpane::System::GenerationReader::Result result;
    if (remote) {
        // One ssh round trip: the machine reads its own links and files.
        const auto listed = Snowpane::Remote::listRemoteGenerations(*remote, {profile, running, booted});
        result.generations = listed.generations;
        result.error = listed.message;
    } else {
        Snowpane::System::GenerationReader reader(profile);
        reader.setSystemLinks(booted, running);
        Snowpane::System::ClosureReader closures;
        if (parser.isSet(closureSizeOption)) {
            reader.setClosureReader(&closures);
        }
        result = reader.readAll();
    }
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
        QStringList marks;
        if (generation.current) {
            marks.append(u"(current)"_s);
        }
        if (generation.running) {
            marks.append(u"(running)"_s);
        }
        if (generation.booted) {
            marks.append(u"(booted)"_s);
        }
        if (generation.closureSize >= 0) {
            marks.append(QLocale::c().formattedDataSize(generation.closureSize, 1, QLocale::DataSizeTraditionalFormat));
        }
        if (!generation.problem.isEmpty()) {
            marks.append(generation.problem);
        }
        std::printf("%-6d %s  %-28s %-12s%s\n",
                    generation.number,
                    qPrintable(formatDate(generation.date)),
                    qPrintable(orUnknown(generation.nixosVersion)),
                    qPrintable(orUnknown(generation.kernelVersion)),
                    qPrintable(marks.isEmpty() ? QString() : u"  "_s + marks.join(u"  "_s)));
    }
    return 0;
}
