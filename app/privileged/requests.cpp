// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "requests.h"

#include "helperprotocol.h"

namespace Snowpane::Privileged::Requests
{

namespace
{
namespace key = snowpane::protocol::key;
namespace action = snowpane::protocol::action;

QString name(const char *text)
{
    return QLatin1String(text);
}
}

Request writeConfig(const QStringList &names, const QStringList &contents, const QString &message)
{
    return {name(action::WriteConfig), {{name(key::Names), names}, {name(key::Contents), contents}, {name(key::Message), message}}};
}

Request rebuild(const QString &mode, const QString &flakeHost)
{
    QVariantMap arguments{{name(key::Mode), mode}};
    if (!flakeHost.isEmpty()) {
        arguments.insert(name(key::Host), flakeHost);
    }
    return {name(action::Rebuild), arguments};
}

Request switchGeneration(int generation, const QString &mode)
{
    return {name(action::SwitchGeneration), {{name(key::Generation), generation}, {name(key::Mode), mode}}};
}

Request initRepo()
{
    return {name(action::InitRepo), {}};
}

Request restoreConfig(const QString &commit, const QStringList &files)
{
    QVariantMap arguments{{name(key::Commit), commit}};
    if (!files.isEmpty()) {
        arguments.insert(name(key::Files), files);
    }
    return {name(action::RestoreConfig), arguments};
}

Request deleteGenerations(DeletionRule rule, int count, const QList<int> &generations)
{
    // A list of QVariants: what the helper's validator takes, and what crosses D-Bus without a custom type.
    QVariantList numbers;
    for (int number : generations) {
        numbers.append(number);
    }
    return {name(action::DeleteGenerations),
            {{name(rule == DeletionRule::KeepLast ? key::KeepLast : key::OlderThanDays), count}, {name(key::Generations), numbers}}};
}

Request updateSources(const QString &input)
{
    QVariantMap arguments;
    if (!input.isEmpty()) {
        arguments.insert(name(key::Input), input);
    }
    return {name(action::UpdateSources), arguments};
}

Request rollBackChannels(int from, int to)
{
    return {name(action::RollBackChannels), {{name(key::From), from}, {name(key::To), to}}};
}

}
