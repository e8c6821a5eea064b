// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "flakelock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

bool isFlakeLock(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return false;
    }
    const QJsonObject lock = document.object();
    const QJsonValue nodes = lock.value(u"nodes"_s);
    return nodes.isObject() && lock.value(u"version"_s).isDouble() && nodes.toObject().value(lock.value(u"root"_s).toString(u"root"_s)).isObject();
}

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
        input.locked = !locked.isEmpty();
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

namespace
{

QString describeLock(const QString &revision, const QDateTime &date, bool present)
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

} // namespace

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

}
