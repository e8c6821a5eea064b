// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "requests.h"

#include "helperprotocol.h"

namespace Snowpane::Privileged::Requests
{

namespace
{

QString name(const char *text)
{
    return QLatin1String(text);
}
}

Request writeConfig(const QStringList &names, const QStringList &contents, const QString &message)
{
    return {name(Protocol::Action::WriteConfig),
            {{name(Protocol::Key::Names), names}, {name(Protocol::Key::Contents), contents}, {name(Protocol::Key::Message), message}}};
}

Request rebuild(const QString &mode, const QString &flakeHost)
{
    QVariantMap arguments{{name(Protocol::Key::Mode), mode}};
    if (!flakeHost.isEmpty()) {
        arguments.insert(name(Protocol::Key::Host), flakeHost);
    }
    return {name(Protocol::Action::Rebuild), arguments};
}

Request switchGeneration(int generation, const QString &mode)
{
    return {name(Protocol::Action::SwitchGeneration), {{name(Protocol::Key::Generation), generation}, {name(Protocol::Key::Mode), mode}}};
}

Request initRepo()
{
    return {name(Protocol::Action::InitRepo), {}};
}

Request restoreConfig(const QString &commit, const QStringList &files)
{
    QVariantMap arguments{{name(Protocol::Key::Commit), commit}};
    if (!files.isEmpty()) {
        arguments.insert(name(Protocol::Key::Files), files);
    }
    return {name(Protocol::Action::RestoreConfig), arguments};
}

Request deleteGenerations(DeletionRule rule, int count, const QList<int> &generations)
{
    // A list of QVariants: what the helper's validator takes, and what crosses D-Bus without a custom type.
    QVariantList numbers;
    for (int number : generations) {
        numbers.append(number);
    }
    return {
        name(Protocol::Action::DeleteGenerations),
        {{name(rule == DeletionRule::KeepLast ? Protocol::Key::KeepLast : Protocol::Key::OlderThanDays), count}, {name(Protocol::Key::Generations), numbers}}};
}

Request updateSources(const QString &input)
{
    QVariantMap arguments;
    if (!input.isEmpty()) {
        arguments.insert(name(Protocol::Key::Input), input);
    }
    return {name(Protocol::Action::UpdateSources), arguments};
}

Request rollBackChannels(int from, int to)
{
    return {name(Protocol::Action::RollBackChannels), {{name(Protocol::Key::From), from}, {name(Protocol::Key::To), to}}};
}

}
