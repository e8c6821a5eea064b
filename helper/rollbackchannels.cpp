// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The rollbackchannels action: a channel update that was never applied is
// undone by making the generation before it current again and deleting the
// one it made, so that root's channels profile is as it was before.

#include "operations.h"
#include "profiledirectory.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

using Protocol::HelperError;

namespace
{

QString channelRevision(const QString &tree, const QString &name)
{
    QFile file(tree + QLatin1Char('/') + name + u"/.git-revision"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.read(256)).trimmed() : QString();
}

}

OperationResult Operations::rollBackChannels(const RollBackChannelsRequest &request)
{
    auto directory = ProfileDirectory::open(m_config.channelsProfile, false);
    if (!directory) {
        return OperationResult::failure(HelperError::Failed, directory.error());
    }
    const ProfileDirectory &profile = directory.value();
    const int current = profile.currentGeneration();
    if (current != request.from) {
        return OperationResult::failure(
            HelperError::Failed,
            current == 0
                ? u"root has no channels at %1, so there is no generation %2 to take back"_s.arg(profile.profile()).arg(request.from)
                : u"root's channels are at generation %1, not %2: something else changed them since the update, so they are left as they are"_s.arg(current)
                      .arg(request.from));
    }
    if (!profile.generations().contains(request.to)) {
        return OperationResult::failure(HelperError::Failed,
                                        u"generation %1 of root's channels does not exist, so the channels cannot go back to it"_s.arg(request.to));
    }
    // The channels' trees as the update left them, read before the profile moves.
    const QString tree = profile.profile();
    const QStringList names = QDir(tree).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QMap<QString, QString> oldRevisions;
    for (const QString &name : names) {
        oldRevisions.insert(name, channelRevision(tree, name));
    }

    NixLogParser parser;
    const auto nixEnv = [&](const QStringList &arguments) {
        Command command;
        command.program = m_config.nixProgram(u"nix-env"_s);
        command.arguments = QStringList{u"--profile"_s, profile.profile(), u"--log-format"_s, u"internal-json"_s} + arguments;
        command.environment = m_config.environment();
        command.timeout = Protocol::Bound::Profile;
        const CommandOutcome outcome = run(command, &parser, Stoppable::No);
        return outcome.succeeded() ? std::optional<OperationResult>() : std::optional(fromOutcome(command, outcome, &parser));
    };
    if (auto failed = nixEnv({u"--switch-generation"_s, QString::number(request.to)})) {
        return *failed;
    }
    if (auto failed = nixEnv({u"--delete-generations"_s, QString::number(request.from)})) {
        failed->message = u"the channels are back at generation %1, but generation %2 stays: %3"_s.arg(request.to).arg(request.from).arg(failed->message);
        return *failed;
    }

    QStringList all = QDir(tree).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        if (!all.contains(name)) {
            all.append(name);
        }
    }
    QVariantList channels;
    for (const QString &name : std::as_const(all)) {
        channels.append(QVariantMap{{QLatin1String(Protocol::Reply::ChannelName), name},
                                    {QLatin1String(Protocol::Reply::OldGeneration), request.from},
                                    {QLatin1String(Protocol::Reply::NewGeneration), profile.currentGeneration()},
                                    {QLatin1String(Protocol::Reply::OldRevision), oldRevisions.value(name)},
                                    {QLatin1String(Protocol::Reply::NewRevision), channelRevision(tree, name)}});
    }
    return OperationResult::success({{QLatin1String(Protocol::Reply::Kind), QLatin1String(Protocol::Reply::KindChannels)},
                                     {QLatin1String(Protocol::Reply::Changed), true},
                                     {QLatin1String(Protocol::Reply::Channels), channels}});
}

}
