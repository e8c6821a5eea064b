// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "privilegedjobs.h"

#include "helperprotocol.h"

namespace snowpane::privileged
{

namespace key = protocol::key;
namespace action = protocol::action;

WriteConfigJob::WriteConfigJob(const QStringList &names, const QStringList &contents, const QString &message, QObject *parent)
    : PrivilegedJob(QLatin1String(action::WriteConfig),
                    {{QLatin1String(key::Names), names}, {QLatin1String(key::Contents), contents}, {QLatin1String(key::Message), message}},
                    parent)
{
}

static QVariantMap rebuildArguments(const QString &mode, const QString &flakeHost)
{
    QVariantMap arguments{{QLatin1String(key::Mode), mode}};
    if (!flakeHost.isEmpty()) {
        arguments.insert(QLatin1String(key::Host), flakeHost);
    }
    return arguments;
}

RebuildJob::RebuildJob(const QString &mode, const QString &flakeHost, QObject *parent)
    : PrivilegedJob(QLatin1String(action::Rebuild), rebuildArguments(mode, flakeHost), parent)
{
}

SwitchGenerationJob::SwitchGenerationJob(int generation, const QString &mode, QObject *parent)
    : PrivilegedJob(QLatin1String(action::SwitchGeneration), {{QLatin1String(key::Generation), generation}, {QLatin1String(key::Mode), mode}}, parent)
{
}

InitRepoJob::InitRepoJob(QObject *parent)
    : PrivilegedJob(QLatin1String(action::InitRepo), {}, parent)
{
}

static QVariantMap restoreConfigArguments(const QString &commit, const QStringList &files)
{
    QVariantMap arguments{{QLatin1String(key::Commit), commit}};
    if (!files.isEmpty()) {
        arguments.insert(QLatin1String(key::Files), files);
    }
    return arguments;
}

RestoreConfigJob::RestoreConfigJob(const QString &commit, const QStringList &files, QObject *parent)
    : PrivilegedJob(QLatin1String(action::RestoreConfig), restoreConfigArguments(commit, files), parent)
{
}

static QVariantMap deleteGenerationsArguments(DeleteGenerationsJob::Rule rule, int count, const QList<int> &generations)
{
    // A list of QVariants: what the helper's validator takes, and what crosses D-Bus without a custom type.
    QVariantList numbers;
    for (int number : generations) {
        numbers.append(number);
    }
    return {{QLatin1String(rule == DeleteGenerationsJob::Rule::KeepLast ? key::KeepLast : key::OlderThanDays), count},
            {QLatin1String(key::Generations), numbers}};
}

DeleteGenerationsJob::DeleteGenerationsJob(Rule rule, int count, const QList<int> &generations, QObject *parent)
    : PrivilegedJob(QLatin1String(action::DeleteGenerations), deleteGenerationsArguments(rule, count, generations), parent)
{
}

static QVariantMap updateSourcesArguments(const QString &input)
{
    QVariantMap arguments;
    if (!input.isEmpty()) {
        arguments.insert(QLatin1String(key::Input), input);
    }
    return arguments;
}

UpdateSourcesJob::UpdateSourcesJob(const QString &input, QObject *parent)
    : PrivilegedJob(QLatin1String(action::UpdateSources), updateSourcesArguments(input), parent)
{
}

RollBackChannelsJob::RollBackChannelsJob(int from, int to, QObject *parent)
    : PrivilegedJob(QLatin1String(action::RollBackChannels), {{QLatin1String(key::From), from}, {QLatin1String(key::To), to}}, parent)
{
}

}
