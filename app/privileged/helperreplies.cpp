// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "helperreplies.h"

#include "helperprotocol.h"

namespace Snowpane::Privileged
{

namespace
{
namespace p = snowpane::protocol::progress;
namespace r = snowpane::protocol::reply;

QVariant value(const QVariantMap &map, const char *key)
{
    return map.value(QLatin1String(key));
}
}

Progress progressOf(const QVariantMap &event)
{
    return Progress{value(event, p::Phase).toString(),
                    value(event, p::DerivationsDone).toLongLong(),
                    value(event, p::DerivationsExpected).toLongLong(),
                    value(event, p::BytesDone).toLongLong(),
                    value(event, p::BytesExpected).toLongLong(),
                    value(event, p::Activity).toString(),
                    value(event, p::RecentLines).toStringList()};
}

ErrorLocation errorLocationOf(const QVariantMap &finishedEvent)
{
    return ErrorLocation{value(finishedEvent, p::ErrorFile).toString(),
                         value(finishedEvent, p::ErrorLine).toInt(),
                         value(finishedEvent, p::ErrorColumn).toInt()};
}

QVariantMap failureDataOf(const QVariantMap &finishedEvent)
{
    return value(finishedEvent, p::FailureData).toMap();
}

WriteConfigReply writeConfigReplyOf(const QVariantMap &reply)
{
    return WriteConfigReply{value(reply, r::Commit).toString(), value(reply, r::Changed).toBool(), value(reply, r::SavedBefore).toString()};
}

RebuildReply rebuildReplyOf(const QVariantMap &reply)
{
    return RebuildReply{value(reply, r::Mode).toString(), value(reply, r::StorePath).toString(), value(reply, r::Generation).toInt()};
}

DeleteGenerationsReply deleteGenerationsReplyOf(const QVariantMap &reply)
{
    DeleteGenerationsReply decoded;
    for (const QVariant &number : value(reply, r::Deleted).toList()) {
        decoded.deleted.append(number.toInt());
    }
    return decoded;
}

QString kindName(UpdateSourcesReply::Kind kind)
{
    switch (kind) {
    case UpdateSourcesReply::Kind::Channels:
        return QLatin1String(r::KindChannels);
    case UpdateSourcesReply::Kind::Flake:
        return QLatin1String(r::KindFlake);
    case UpdateSourcesReply::Kind::Unknown:
        break;
    }
    return {};
}

UpdateSourcesReply::Kind kindFromName(const QString &name)
{
    if (name == QLatin1String(r::KindChannels)) {
        return UpdateSourcesReply::Kind::Channels;
    }
    if (name == QLatin1String(r::KindFlake)) {
        return UpdateSourcesReply::Kind::Flake;
    }
    return UpdateSourcesReply::Kind::Unknown;
}

UpdateSourcesReply updateSourcesReplyOf(const QVariantMap &reply)
{
    UpdateSourcesReply decoded;
    decoded.kind = kindFromName(value(reply, r::Kind).toString());
    decoded.changed = value(reply, r::Changed).toBool();
    decoded.commit = value(reply, r::Commit).toString();
    decoded.previousCommit = value(reply, r::PreviousCommit).toString();
    decoded.note = value(reply, r::Note).toString();
    for (const QVariant &entry : value(reply, r::Inputs).toList()) {
        const QVariantMap input = entry.toMap();
        SourceChange change{value(input, r::InputName).toString(),
                            value(input, r::OldRevision).toString(),
                            value(input, r::NewRevision).toString(),
                            QDateTime::fromString(value(input, r::OldDate).toString(), Qt::ISODate),
                            QDateTime::fromString(value(input, r::NewDate).toString(), Qt::ISODate)};
        if (change.revisionBefore != change.revisionAfter) {
            decoded.inputs.append(change);
        }
    }
    const QVariantList channels = value(reply, r::Channels).toList();
    if (!channels.isEmpty()) {
        // One profile holds every channel: its generations are the same in each entry.
        const QVariantMap first = channels.first().toMap();
        decoded.oldChannelsGeneration = value(first, r::OldGeneration).toInt();
        decoded.newChannelsGeneration = value(first, r::NewGeneration).toInt();
    }
    for (const QVariant &entry : channels) {
        const QVariantMap channel = entry.toMap();
        if (value(channel, r::OldGeneration).toInt() == value(channel, r::NewGeneration).toInt()) {
            continue;
        }
        decoded.channels.append(SourceChange{value(channel, r::ChannelName).toString(),
                                             value(channel, r::OldRevision).toString(),
                                             value(channel, r::NewRevision).toString(),
                                             {},
                                             {}});
    }
    return decoded;
}

}
