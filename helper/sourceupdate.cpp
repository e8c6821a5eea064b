// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sourceupdate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

QList<LockedInput> parseFlakeLockInputs(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject()) {
        return {};
    }
    const QJsonObject lock = document.object();
    const QJsonObject nodes = lock.value(u"nodes"_s).toObject();
    const QString rootName = lock.value(u"root"_s).toString(u"root"_s);
    const QJsonObject inputs = nodes.value(rootName).toObject().value(u"inputs"_s).toObject();
    QList<LockedInput> result;
    for (auto it = inputs.begin(); it != inputs.end(); ++it) {
        // A list is a `follows` path: that input is locked under another name.
        if (!it.value().isString()) {
            continue;
        }
        const QJsonObject locked = nodes.value(it.value().toString()).toObject().value(u"locked"_s).toObject();
        LockedInput input;
        input.name = it.key();
        input.revision = locked.value(u"rev"_s).toString();
        input.narHash = locked.value(u"narHash"_s).toString();
        const QJsonValue modified = locked.value(u"lastModified"_s);
        if (modified.isDouble() && modified.toDouble() > 0) {
            input.date = QDateTime::fromSecsSinceEpoch(qint64(modified.toDouble()), QTimeZone::UTC);
        }
        result.append(input);
    }
    std::sort(result.begin(), result.end(), [](const LockedInput &a, const LockedInput &b) {
        return a.name < b.name;
    });
    return result;
}

QList<InputChange> changedInputs(const QList<LockedInput> &before, const QList<LockedInput> &after)
{
    QMap<QString, std::pair<const LockedInput *, const LockedInput *>> byName;
    for (const LockedInput &input : before) {
        byName[input.name].first = &input;
    }
    for (const LockedInput &input : after) {
        byName[input.name].second = &input;
    }
    QList<InputChange> changes;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        const auto [old, now] = it.value();
        if (old && now && old->revision == now->revision && old->narHash == now->narHash && old->date == now->date) {
            continue;
        }
        InputChange change;
        change.name = it.key();
        if (old) {
            change.oldRevision = old->revision;
            change.oldDate = old->date;
        }
        if (now) {
            change.newRevision = now->revision;
            change.newDate = now->date;
        }
        changes.append(change);
    }
    return changes;
}

static QString describeLock(const QString &revision, const QDateTime &date, bool present)
{
    if (!present) {
        return u"(none)"_s;
    }
    QString text = revision.isEmpty() ? u"(no revision)"_s : revision.left(7);
    if (date.isValid()) {
        text += u" (%1)"_s.arg(date.toUTC().date().toString(Qt::ISODate));
    }
    return text;
}

QString flakeUpdateMessage(const QList<InputChange> &changes)
{
    QString message = u"Update flake inputs\n\n"_s;
    for (const InputChange &change : changes) {
        const bool hadOld = !change.oldRevision.isEmpty() || change.oldDate.isValid();
        const bool hasNew = !change.newRevision.isEmpty() || change.newDate.isValid();
        message += u"%1: %2 \u2192 %3\n"_s.arg(change.name,
                                               describeLock(change.oldRevision, change.oldDate, hadOld),
                                               describeLock(change.newRevision, change.newDate, hasNew));
    }
    return message;
}

QList<ChannelEntry> parseChannelList(const QByteArray &text)
{
    static const QRegularExpression comment(u"\\A\\s*#"_s);
    static const QRegularExpression validName(u"\\A[a-zA-Z0-9_][a-zA-Z0-9_.-]*\\z"_s);
    static const QRegularExpression validUrl(u"\\A(file|http|https)://\\S+\\z"_s);
    QList<ChannelEntry> channels;
    for (const QByteArray &rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || comment.match(line).hasMatch()) {
            continue;
        }
        const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        ChannelEntry entry;
        entry.url = parts.first();
        while (entry.url.endsWith(QLatin1Char('/'))) {
            entry.url.chop(1);
        }
        entry.name = parts.size() > 1 ? parts.at(1) : entry.url.section(QLatin1Char('/'), -1);
        if (!validName.match(entry.name).hasMatch() || !validUrl.match(entry.url).hasMatch()) {
            continue;
        }
        // As nix-channel: a later line for the same name wins.
        channels.removeIf([&entry](const ChannelEntry &c) {
            return c.name == entry.name;
        });
        channels.append(entry);
    }
    std::sort(channels.begin(), channels.end(), [](const ChannelEntry &a, const ChannelEntry &b) {
        return a.name < b.name;
    });
    return channels;
}

QStringList channelsToUpdate(const QList<ChannelEntry> &channels, const QSet<QString> &marked)
{
    QStringList names;
    for (const ChannelEntry &channel : channels) {
        if (channel.name == "nixos"_L1 || marked.contains(channel.name)) {
            names.append(channel.name);
        }
    }
    return names;
}

QString channelTarballUrl(const QString &url)
{
    static const QRegularExpression tarball(u"\\.tar\\.(gz|bz2|xz)\\z"_s);
    return tarball.match(url).hasMatch() ? url : url + u"/nixexprs.tar.xz"_s;
}

QString channelPackageName(const ChannelEntry &channel)
{
    static const QRegularExpression version(u"(-\\d.*)\\z"_s);
    const auto match = version.match(channel.url.section(QLatin1Char('/'), -1));
    return match.hasMatch() ? channel.name + match.captured(1) : channel.name;
}

QString nixString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), u"\\\\"_s).replace(QLatin1Char('"'), u"\\\""_s).replace(u"${"_s, u"\\${"_s);
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

}
