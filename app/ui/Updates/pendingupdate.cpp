// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Updates/pendingupdate.h"

#include "requests.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

// The sentences keep the translation context of the Updates page's controller, where they are shown.

namespace Snowpane::Ui
{

namespace
{

QJsonArray toJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList fromJson(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        list.append(item.toString());
    }
    return list;
}

} // namespace

void PendingUpdate::takeReply(const Privileged::UpdateSourcesReply &reply)
{
    kind = reply.kind;
    previousCommit = reply.previousCommit;
    oldChannelsGeneration = reply.oldChannelsGeneration;
    newChannelsGeneration = reply.newChannelsGeneration;
    sources = reply.inputs;
}

QString PendingUpdate::toJson() const
{
    QJsonArray sourceList;
    for (const auto &source : sources) {
        sourceList.append(QJsonObject{
            {u"name"_s, source.name},
            {u"revisionBefore"_s, source.revisionBefore},
            {u"revisionAfter"_s, source.revisionAfter},
            {u"dateBefore"_s, source.dateBefore.toString(Qt::ISODate)},
            {u"dateAfter"_s, source.dateAfter.toString(Qt::ISODate)},
        });
    }
    const QJsonObject pending{
        {u"kind"_s, Privileged::kindName(kind)},
        {u"previousCommit"_s, previousCommit},
        {u"oldGeneration"_s, oldChannelsGeneration},
        {u"newGeneration"_s, newChannelsGeneration},
        {u"systemGeneration"_s, systemGeneration},
        {u"complete"_s, complete},
        {u"storePath"_s, builtSystem},
        {u"sources"_s, sourceList},
        {u"stop"_s, Snowpane::Ui::toJson(units.stop)},
        {u"restart"_s, Snowpane::Ui::toJson(units.restart)},
        {u"start"_s, Snowpane::Ui::toJson(units.start)},
        {u"reload"_s, Snowpane::Ui::toJson(units.reload)},
        {u"restartSystemd"_s, units.restartSystemd},
    };
    return QString::fromUtf8(QJsonDocument(pending).toJson(QJsonDocument::Compact));
}

PendingUpdate PendingUpdate::fromJson(const QString &text)
{
    const QJsonObject pending = QJsonDocument::fromJson(text.toUtf8()).object();
    PendingUpdate update;
    update.kind = Privileged::kindFromName(pending.value(u"kind"_s).toString());
    if (update.kind == Kind::Unknown) {
        return {};
    }
    update.previousCommit = pending.value(u"previousCommit"_s).toString();
    update.oldChannelsGeneration = pending.value(u"oldGeneration"_s).toInt();
    update.newChannelsGeneration = pending.value(u"newGeneration"_s).toInt();
    update.systemGeneration = pending.value(u"systemGeneration"_s).toInt();
    update.complete = pending.value(u"complete"_s).toBool();
    update.builtSystem = pending.value(u"storePath"_s).toString();
    for (const QJsonValue &value : pending.value(u"sources"_s).toArray()) {
        const QJsonObject source = value.toObject();
        update.sources.append({source.value(u"name"_s).toString(),
                               source.value(u"revisionBefore"_s).toString(),
                               source.value(u"revisionAfter"_s).toString(),
                               QDateTime::fromString(source.value(u"dateBefore"_s).toString(), Qt::ISODate),
                               QDateTime::fromString(source.value(u"dateAfter"_s).toString(), Qt::ISODate)});
    }
    if (update.complete) {
        update.units.stop = Snowpane::Ui::fromJson(pending.value(u"stop"_s));
        update.units.restart = Snowpane::Ui::fromJson(pending.value(u"restart"_s));
        update.units.start = Snowpane::Ui::fromJson(pending.value(u"start"_s));
        update.units.reload = Snowpane::Ui::fromJson(pending.value(u"reload"_s));
        update.units.restartSystemd = pending.value(u"restartSystemd"_s).toBool();
    }
    return update;
}

QString PendingUpdate::whyTakeBackImpossible() const
{
    if (kind == Kind::Flake) {
        return previousCommit.isEmpty() ? QCoreApplication::translate("UpdateController", "The commit before the update is unknown.") : QString();
    }
    return oldChannelsGeneration > 0 && newChannelsGeneration > 0
        ? QString()
        : QCoreApplication::translate("UpdateController", "The channels' generation before the update is unknown.");
}

Privileged::Request PendingUpdate::takeBackRequest() const
{
    if (kind == Kind::Flake) {
        // Only the lock goes back: commits made after the check (edits saved by an apply) stay.
        return Privileged::Requests::restoreConfig(previousCommit, {u"flake.lock"_s});
    }
    // The helper goes back to exactly the generation before the check, and only if the update's generation is still current.
    return Privileged::Requests::rollBackChannels(newChannelsGeneration, oldChannelsGeneration);
}

QString PendingUpdate::whyNoLongerWaiting(int systemGenerationNow, int channelsGenerationNow, const System::NixpkgsSource &sourceNow) const
{
    if (systemGeneration > 0 && systemGenerationNow > systemGeneration) {
        return QCoreApplication::translate("UpdateController", "The update was applied: a system built since the check used the updated package sources.");
    }
    if (kind == Kind::Channels) {
        // Without a readable channels profile nothing can be told: the update keeps waiting.
        if (newChannelsGeneration > 0 && channelsGenerationNow > 0 && channelsGenerationNow != newChannelsGeneration) {
            return QCoreApplication::translate("UpdateController", "The update no longer waits: root's channels were changed since the check.");
        }
        return {};
    }
    for (const auto &change : sources) {
        if (change.name == sourceNow.name && !sourceNow.revision.isEmpty() && sourceNow.revision != change.revisionAfter) {
            return QCoreApplication::translate("UpdateController", "The update no longer waits: flake.lock was changed since the check.");
        }
    }
    return {};
}

QString channelsProfileOf(const QString &systemProfile)
{
    // NixOS keeps root's channels beside the system profile: /nix/var/nix/profiles/per-user/root/channels.
    return QFileInfo(systemProfile).absolutePath() + u"/per-user/root/channels"_s;
}

int channelsGenerationOf(const QString &channelsProfile)
{
    static const QRegularExpression linkName(u"^channels-(\\d+)-link$"_s);
    const QRegularExpressionMatch match = linkName.match(QFileInfo(QFile::symLinkTarget(channelsProfile)).fileName());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

}
