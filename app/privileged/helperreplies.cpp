// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "helperreplies.h"

#include "helperprotocol.h"

namespace Snowpane::Privileged
{

namespace
{

QVariant value(const QVariantMap &map, const char *key)
{
    return map.value(QLatin1String(key));
}
}

Progress progressOf(const QVariantMap &event)
{
    return Progress{value(event, Protocol::Progress::Phase).toString(),
                    value(event, Protocol::Progress::DerivationsDone).toLongLong(),
                    value(event, Protocol::Progress::DerivationsExpected).toLongLong(),
                    value(event, Protocol::Progress::BytesDone).toLongLong(),
                    value(event, Protocol::Progress::BytesExpected).toLongLong(),
                    value(event, Protocol::Progress::Activity).toString(),
                    value(event, Protocol::Progress::RecentLines).toStringList()};
}

ErrorLocation errorLocationOf(const QVariantMap &finishedEvent)
{
    return ErrorLocation{value(finishedEvent, Protocol::Progress::ErrorFile).toString(),
                         value(finishedEvent, Protocol::Progress::ErrorLine).toInt(),
                         value(finishedEvent, Protocol::Progress::ErrorColumn).toInt()};
}

QVariantMap failureDataOf(const QVariantMap &finishedEvent)
{
    return value(finishedEvent, Protocol::Progress::FailureData).toMap();
}

WriteConfigReply writeConfigReplyOf(const QVariantMap &reply)
{
    return WriteConfigReply{value(reply, Protocol::Reply::Commit).toString(),
                            value(reply, Protocol::Reply::Changed).toBool(),
                            value(reply, Protocol::Reply::SavedBefore).toString()};
}

RebuildReply rebuildReplyOf(const QVariantMap &reply)
{
    return RebuildReply{value(reply, Protocol::Reply::Mode).toString(),
                        value(reply, Protocol::Reply::StorePath).toString(),
                        value(reply, Protocol::Reply::Generation).toInt()};
}

DeleteGenerationsReply deleteGenerationsReplyOf(const QVariantMap &reply)
{
    DeleteGenerationsReply decoded;
    for (const QVariant &number : value(reply, Protocol::Reply::Deleted).toList()) {
        decoded.deleted.append(number.toInt());
    }
    return decoded;
}

QString kindName(UpdateSourcesReply::Kind kind)
{
    switch (kind) {
    case UpdateSourcesReply::Kind::Channels:
        return QLatin1String(Protocol::Reply::KindChannels);
    case UpdateSourcesReply::Kind::Flake:
        return QLatin1String(Protocol::Reply::KindFlake);
    case UpdateSourcesReply::Kind::Unknown:
        break;
    }
    return {};
}

UpdateSourcesReply::Kind kindFromName(const QString &name)
{
    if (name == QLatin1String(Protocol::Reply::KindChannels)) {
        return UpdateSourcesReply::Kind::Channels;
    }
    if (name == QLatin1String(Protocol::Reply::KindFlake)) {
        return UpdateSourcesReply::Kind::Flake;
    }
    return UpdateSourcesReply::Kind::Unknown;
}

UpdateSourcesReply updateSourcesReplyOf(const QVariantMap &reply)
{
    UpdateSourcesReply decoded;
    decoded.kind = kindFromName(value(reply, Protocol::Reply::Kind).toString());
    decoded.changed = value(reply, Protocol::Reply::Changed).toBool();
    decoded.commit = value(reply, Protocol::Reply::Commit).toString();
    decoded.previousCommit = value(reply, Protocol::Reply::PreviousCommit).toString();
    decoded.note = value(reply, Protocol::Reply::Note).toString();
    for (const QVariant &entry : value(reply, Protocol::Reply::Inputs).toList()) {
        const QVariantMap input = entry.toMap();
        SourceChange change{value(input, Protocol::Reply::InputName).toString(),
                            value(input, Protocol::Reply::OldRevision).toString(),
                            value(input, Protocol::Reply::NewRevision).toString(),
                            QDateTime::fromString(value(input, Protocol::Reply::OldDate).toString(), Qt::ISODate),
                            QDateTime::fromString(value(input, Protocol::Reply::NewDate).toString(), Qt::ISODate)};
        if (change.revisionBefore != change.revisionAfter) {
            decoded.inputs.append(change);
        }
    }
    const QVariantList channels = value(reply, Protocol::Reply::Channels).toList();
    if (!channels.isEmpty()) {
        // One profile holds every channel: its generations are the same in each entry.
        const QVariantMap first = channels.first().toMap();
        decoded.oldChannelsGeneration = value(first, Protocol::Reply::OldGeneration).toInt();
        decoded.newChannelsGeneration = value(first, Protocol::Reply::NewGeneration).toInt();
    }
    for (const QVariant &entry : channels) {
        const QVariantMap channel = entry.toMap();
        if (value(channel, Protocol::Reply::OldGeneration).toInt() == value(channel, Protocol::Reply::NewGeneration).toInt()) {
            continue;
        }
        decoded.channels.append(SourceChange{value(channel, Protocol::Reply::ChannelName).toString(),
                                             value(channel, Protocol::Reply::OldRevision).toString(),
                                             value(channel, Protocol::Reply::NewRevision).toString(),
                                             {},
                                             {}});
    }
    return decoded;
}

}
