// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "historycommand.h"

#include "commandline.h"

#include "generationlink.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "systempaths.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

int runHistoryCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show the git history of the configuration, newest first, with the generations each commit built."_s);
    parser.addHelpOption();
    const QCommandLineOption configOption(u"config"_s, u"The configuration directory (default: /etc/nixos)."_s, u"DIR"_s);
    const QCommandLineOption profileOption(u"profile"_s, u"The profile whose generations to link (default: /nix/var/nix/profiles/system)."_s, u"PATH"_s);
    const QCommandLineOption maxOption(u"max"_s, u"Show at most N commits."_s, u"N"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print JSON."_s);
    parser.addOptions({configOption, profileOption, maxOption, jsonOption});
    if (const auto exitCode = parseSubcommandArguments(parser, arguments)) {
        return *exitCode;
    }
    bool maxOk = true;
    const int max = parser.isSet(maxOption) ? parser.value(maxOption).toInt(&maxOk) : 0;
    if (!parser.positionalArguments().isEmpty() || !maxOk || max < 0) {
        std::fprintf(stderr, "history takes no arguments, and --max takes a number; see --help\n");
        return 2;
    }

    const SystemPaths defaults;
    const QString directory = parser.isSet(configOption) ? parser.value(configOption) : defaults.configurationDirectory;
    const auto opened = GitRepository::open(directory);
    if (opened.status == GitRepository::OpenResult::Status::NotARepository) {
        std::fprintf(stderr, "snowpane-cli: %s Snowpane can create a repository for it (git init) on the first apply.\n", qPrintable(opened.error));
        return 1;
    }
    if (!opened.repository) {
        std::fprintf(stderr, "snowpane-cli: %s\n", qPrintable(opened.error));
        return 1;
    }
    const GitRepository &repository = *opened.repository;
    const auto log = repository.log(max);
    if (!log.error.isEmpty()) {
        std::fprintf(stderr, "snowpane-cli: %s\n", qPrintable(log.error));
        return 1;
    }
    const HeadState head = repository.head();
    const auto status = repository.status();

    // Which generations each commit built; a profile that cannot be read
    // just leaves the history without generations.
    QHash<QString, QList<int>> generationsOf;
    const QString profile = parser.isSet(profileOption) ? parser.value(profileOption) : defaults.profile;
    const auto generations = GenerationReader(profile).readAll();
    for (const Generation &generation : generations.generations) {
        const GenerationCommit link = commitOfGeneration(repository, generation);
        if (!link.commit.isEmpty()) {
            generationsOf[link.commit].append(generation.number);
        }
    }
    for (QList<int> &numbers : generationsOf) {
        std::ranges::sort(numbers);
    }

    if (parser.isSet(jsonOption)) {
        QJsonArray commits;
        for (const CommitInfo &commit : log.commits) {
            QJsonArray built;
            for (int number : generationsOf.value(commit.id)) {
                built.append(number);
            }
            commits.append(QJsonObject{
                {u"commit"_s, commit.id},
                {u"author"_s, commit.authorName},
                {u"email"_s, commit.authorEmail},
                {u"date"_s, commit.date.toString(Qt::ISODate)},
                {u"subject"_s, commit.subject},
                {u"body"_s, commit.body},
                {u"generations"_s, built},
            });
        }
        const QJsonObject object{
            {u"repository"_s, repository.workingDirectory()},
            {u"head"_s, QJsonObject{{u"branch"_s, head.branch}, {u"commit"_s, head.commit}, {u"detached"_s, head.detached}, {u"unborn"_s, head.unborn}}},
            {u"ownedByOtherUser"_s, opened.ownedByOtherUser},
            {u"uncommitted"_s, QJsonArray::fromStringList(status.changedPaths)},
            {u"commits"_s, commits},
        };
        std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }

    if (head.unborn) {
        std::printf("No commits yet on %s.\n", qPrintable(head.branch));
    } else if (head.detached) {
        std::printf("HEAD is detached at %s.\n", qPrintable(head.commit.left(7)));
    }
    if (!status.changedPaths.isEmpty()) {
        std::printf("Uncommitted changes (committed on their own before the next apply): %s\n", qPrintable(status.changedPaths.join(u", "_s)));
    }
    for (const CommitInfo &commit : log.commits) {
        QString built;
        const QList<int> numbers = generationsOf.value(commit.id);
        if (!numbers.isEmpty()) {
            QStringList texts;
            for (int number : numbers) {
                texts.append(QString::number(number));
            }
            built = u"  [generation%1 %2]"_s.arg(numbers.size() > 1 ? u"s"_s : QString(), texts.join(u", "_s));
        }
        std::printf("%s  %s  %-20s %s%s\n",
                    qPrintable(commit.shortId),
                    qPrintable(commit.date.toString(u"yyyy-MM-dd HH:mm"_s)),
                    qPrintable(commit.authorName),
                    qPrintable(commit.subject),
                    qPrintable(built));
    }
    return 0;
}
