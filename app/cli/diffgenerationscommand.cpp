// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "diffgenerationscommand.h"

#include "commandline.h"
#include "packagediffoutput.h"
#include "remoteoptions.h"

#include "remotegenerations.h"

#include "closurereader.h"
#include "generationlink.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "systemdiff.h"
#include "systempaths.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

QJsonObject side(int number, const Closure &closure)
{
    return {{u"generation"_s, number}, {u"storePath"_s, closure.root}, {u"closureSize"_s, closure.totalNarSize}, {u"paths"_s, closure.paths.size()}};
}

} // namespace

int runDiffGenerationsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Compare the packages of two generations, as nvd does: version changes, added and removed packages, selection changes, closure sizes."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"A"_s, u"The older generation's number."_s);
    parser.addPositionalArgument(u"B"_s, u"The newer generation's number."_s);
    const QCommandLineOption profileOption(u"profile"_s, u"The profile to read (default: /nix/var/nix/profiles/system)."_s, u"PATH"_s);
    const QCommandLineOption configOption(u"config"_s, u"Also show the configuration diff between the commits that built A and B."_s, u"DIR"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption targetOption(u"target"_s, u"Compare two generations of another machine over SSH: ssh://[user@]host[:port]."_s, u"URI"_s);
    parser.addOptions({profileOption, configOption, jsonOption, targetOption});
    addSshOptions(parser);
    if (const auto exitCode = parseSubcommandArguments(parser, arguments)) {
        return *exitCode;
    }
    const QStringList positional = parser.positionalArguments();
    bool okA = false;
    bool okB = false;
    const int a = positional.value(0).toInt(&okA);
    const int b = positional.value(1).toInt(&okB);
    if (positional.size() != 2 || !okA || !okB || a <= 0 || b <= 0) {
        std::fprintf(stderr, "diff-generations takes two generation numbers; see --help\n");
        return 2;
    }

    const QString profile = parser.isSet(profileOption) ? parser.value(profileOption) : SystemPaths().profile;
    std::unique_ptr<Snowpane::Remote::SshClient> remote;
    if (const auto exitCode = targetClient(parser, remote)) {
        return *exitCode;
    }
    if (remote && parser.isSet(configOption)) {
        std::fprintf(stderr, "--config is not available with --target\n");
        return 2;
    }
    Generation generations[2];
    PackageDiff diff;
    Closure before;
    Closure after;
    if (remote) {
        // One round trip: the machine lists both closures and their sizes from its own store.
        Snowpane::Remote::RemotePaths paths;
        paths.profile = profile;
        const auto compared = Snowpane::Remote::diffRemoteGenerations(*remote, a, b, paths);
        if (compared.error != Snowpane::Remote::RemoteError::None) {
            std::fprintf(stderr, "snowpane-cli: %s\n", qPrintable(compared.message));
            return 1;
        }
        diff = compared.diff;
        before = compared.before;
        after = compared.after;
    } else {
        const GenerationReader reader(profile);
        for (int i = 0; i < 2; ++i) {
            const int number = i == 0 ? a : b;
            const QString link = reader.linkPathOf(number);
            if (!QFileInfo(link).isSymLink()) {
                std::fprintf(stderr, "snowpane-cli: generation %d does not exist in %s\n", number, qPrintable(profile));
                return 1;
            }
            generations[i] = GenerationReader::readGeneration(link, number);
            if (generations[i].storePath.isEmpty()) {
                std::fprintf(stderr, "snowpane-cli: generation %d: %s\n", number, qPrintable(generations[i].problem));
                return 1;
            }
        }

        ClosureReader closures;
        diff = diffSystems(closures, generations[0].storePath, generations[1].storePath);
        if (!diff.isValid()) {
            std::fprintf(stderr, "snowpane-cli: %s\n", qPrintable(diff.error));
            return 1;
        }
        before = closures.closure(generations[0].storePath);
        after = closures.closure(generations[1].storePath);
    }

    ConfigurationDiff configuration;
    if (parser.isSet(configOption)) {
        const auto opened = GitRepository::open(parser.value(configOption));
        configuration = opened.repository ? diffGenerations(*opened.repository, generations[0], generations[1]) : ConfigurationDiff{{}, {}, opened.error};
    }

    if (parser.isSet(jsonOption)) {
        QJsonArray changes;
        for (const PackageChange &change : diff.changes) {
            changes.append(packageChangeJson(change));
        }
        QJsonObject object{
            {u"before"_s, side(a, before)},
            {u"after"_s, side(b, after)},
            {u"changes"_s, changes},
            {u"closureSize"_s, QJsonObject{{u"before"_s, diff.sizeBefore}, {u"after"_s, diff.sizeAfter}, {u"delta"_s, diff.sizeDelta()}}},
            {u"pathsAdded"_s, QJsonArray::fromStringList(diff.pathsAdded)},
            {u"pathsRemoved"_s, QJsonArray::fromStringList(diff.pathsRemoved)},
        };
        if (parser.isSet(configOption)) {
            object.insert(u"configurationDiff"_s,
                          configuration.isValid() ? QJsonValue(configuration.text) : QJsonValue(QJsonObject{{u"error"_s, configuration.error}}));
        }
        std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }

    std::printf("<<< %s (generation %d)\n>>> %s (generation %d)\n", qPrintable(before.root), a, qPrintable(after.root), b);
    printPackageChanges(diff);
    std::printf("Closure size: %lld -> %lld paths (%+lld), %s -> %s (%s); %lld paths added, %lld removed.\n",
                qlonglong(before.paths.size()),
                qlonglong(after.paths.size()),
                qlonglong(after.paths.size() - before.paths.size()),
                qPrintable(QLocale::c().formattedDataSize(diff.sizeBefore, 1, QLocale::DataSizeTraditionalFormat)),
                qPrintable(QLocale::c().formattedDataSize(diff.sizeAfter, 1, QLocale::DataSizeTraditionalFormat)),
                qPrintable(signedSize(diff.sizeDelta())),
                qlonglong(diff.pathsAdded.size()),
                qlonglong(diff.pathsRemoved.size()));
    if (parser.isSet(configOption)) {
        if (configuration.isValid()) {
            std::printf("\nConfiguration changes:\n%s", qPrintable(configuration.text));
        } else {
            std::printf("\nConfiguration changes: unknown (%s)\n", qPrintable(configuration.error));
        }
    }
    return 0;
}
