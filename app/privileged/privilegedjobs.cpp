// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "privilegedjobs.h"

#include "requests.h"

namespace Snowpane::Privileged
{

WriteConfigJob::WriteConfigJob(const QStringList &names, const QStringList &contents, const QString &message, QObject *parent)
    : PrivilegedJob(Requests::writeConfig(names, contents, message), parent)
{
}

RebuildJob::RebuildJob(const QString &mode, const QString &flakeHost, QObject *parent)
    : PrivilegedJob(Requests::rebuild(mode, flakeHost), parent)
{
}

SwitchGenerationJob::SwitchGenerationJob(int generation, const QString &mode, QObject *parent)
    : PrivilegedJob(Requests::switchGeneration(generation, mode), parent)
{
}

InitRepoJob::InitRepoJob(QObject *parent)
    : PrivilegedJob(Requests::initRepo(), parent)
{
}

RestoreConfigJob::RestoreConfigJob(const QString &commit, const QStringList &files, QObject *parent)
    : PrivilegedJob(Requests::restoreConfig(commit, files), parent)
{
}

DeleteGenerationsJob::DeleteGenerationsJob(Rule rule, int count, const QList<int> &generations, QObject *parent)
    : PrivilegedJob(
          Requests::deleteGenerations(rule == Rule::KeepLast ? Requests::DeletionRule::KeepLast : Requests::DeletionRule::OlderThanDays, count, generations),
          parent)
{
}

UpdateSourcesJob::UpdateSourcesJob(const QString &input, QObject *parent)
    : PrivilegedJob(Requests::updateSources(input), parent)
{
}

RollBackChannelsJob::RollBackChannelsJob(int from, int to, QObject *parent)
    : PrivilegedJob(Requests::rollBackChannels(from, to), parent)
{
}

}
