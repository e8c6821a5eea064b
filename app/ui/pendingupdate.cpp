// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The half of UpdateController that keeps a checked update across restarts:
// saving it in the window state, restoring it, and telling when it no longer
// waits because the machine or its sources moved since the check.

#include "updatecontroller.h"

#include "nixpkgssource.h"
#include "snowpanesettings.h"
#include "windowstate.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace
{

// The generation root's channels profile points at ("channels-12-link" → 12); 0 when there is none.
int channelsGeneration()
{
    static const QRegularExpression linkName(u"^channels-(\\d+)-link$"_s);
    const QRegularExpressionMatch match = linkName.match(QFileInfo(QFile::symLinkTarget(UpdateController::channelsProfile())).fileName());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

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

QString UpdateController::whyNoLongerWaiting() const
{
    if (m_systemGeneration > 0 && systemGeneration() > m_systemGeneration) {
        return tr("The update was applied: a system built since the check used the updated package sources.");
    }
    if (m_kind == u"channels"_s) {
        // Without a readable channels profile nothing can be told: the update keeps waiting.
        const int now = channelsGeneration();
        if (m_newChannelsGeneration > 0 && now > 0 && now != m_newChannelsGeneration) {
            return tr("The update no longer waits: root's channels were changed since the check.");
        }
        return {};
    }
    const auto source = Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile());
    for (const auto &change : m_sources) {
        if (change.name == source.name && !source.revision.isEmpty() && source.revision != change.revisionAfter) {
            return tr("The update no longer waits: flake.lock was changed since the check.");
        }
    }
    return {};
}

void UpdateController::dropPending(const QString &why)
{
    clearPreview();
    m_state = State::Idle;
    savePending();
    m_notice = why;
    reloadSource();
    setState(State::Idle);
}

void UpdateController::savePending() const
{
    QString text;
    if (!m_kind.isEmpty() && (m_state == State::PreviewReady || m_step != Step::None)) {
        QJsonArray sources;
        for (const auto &source : m_sources) {
            sources.append(QJsonObject{
                {u"name"_s, source.name},
                {u"revisionBefore"_s, source.revisionBefore},
                {u"revisionAfter"_s, source.revisionAfter},
                {u"dateBefore"_s, source.dateBefore.toString(Qt::ISODate)},
                {u"dateAfter"_s, source.dateAfter.toString(Qt::ISODate)},
            });
        }
        const QJsonObject pending{
            {u"kind"_s, m_kind},
            {u"previousCommit"_s, m_previousCommit},
            {u"oldGeneration"_s, m_oldChannelsGeneration},
            {u"newGeneration"_s, m_newChannelsGeneration},
            {u"systemGeneration"_s, m_systemGeneration},
            {u"complete"_s, m_complete},
            {u"storePath"_s, m_newSystem},
            {u"sources"_s, sources},
            {u"stop"_s, toJson(m_units.stop)},
            {u"restart"_s, toJson(m_units.restart)},
            {u"start"_s, toJson(m_units.start)},
            {u"reload"_s, toJson(m_units.reload)},
            {u"restartSystemd"_s, m_units.restartSystemd},
        };
        text = QString::fromUtf8(QJsonDocument(pending).toJson(QJsonDocument::Compact));
    }
    WindowState::self()->setPendingUpdate(text);
    WindowState::self()->save();
}

void UpdateController::reloadPending()
{
    if (m_state == State::Checking || m_state == State::Applying || m_state == State::Discarding) {
        return;
    }
    clearPreview();
    m_errorMessage.clear();
    m_notice.clear();
    m_state = State::Idle;
    restorePending();
    Q_EMIT previewChanged();
    Q_EMIT stateChanged();
}

void UpdateController::restorePending()
{
    const QJsonObject pending = QJsonDocument::fromJson(WindowState::self()->pendingUpdate().toUtf8()).object();
    if (pending.isEmpty()) {
        return;
    }
    m_kind = pending.value(u"kind"_s).toString();
    m_previousCommit = pending.value(u"previousCommit"_s).toString();
    m_oldChannelsGeneration = pending.value(u"oldGeneration"_s).toInt();
    m_newChannelsGeneration = pending.value(u"newGeneration"_s).toInt();
    m_systemGeneration = pending.value(u"systemGeneration"_s).toInt();
    m_complete = pending.value(u"complete"_s).toBool();
    m_newSystem = pending.value(u"storePath"_s).toString();
    for (const QJsonValue &value : pending.value(u"sources"_s).toArray()) {
        const QJsonObject source = value.toObject();
        m_sources.append({source.value(u"name"_s).toString(),
                          source.value(u"revisionBefore"_s).toString(),
                          source.value(u"revisionAfter"_s).toString(),
                          QDateTime::fromString(source.value(u"dateBefore"_s).toString(), Qt::ISODate),
                          QDateTime::fromString(source.value(u"dateAfter"_s).toString(), Qt::ISODate)});
    }
    if (m_complete) {
        m_units.stop = fromJson(pending.value(u"stop"_s));
        m_units.restart = fromJson(pending.value(u"restart"_s));
        m_units.start = fromJson(pending.value(u"start"_s));
        m_units.reload = fromJson(pending.value(u"reload"_s));
        m_units.restartSystemd = pending.value(u"restartSystemd"_s).toBool();
    }
    // Applied since (this window or another), or the sources moved: nothing is left to review or to put back.
    const QString why = whyNoLongerWaiting();
    if (!why.isEmpty()) {
        clearPreview();
        savePending();
        m_notice = why;
        return;
    }
    m_state = State::PreviewReady;
    if (!m_newSystem.isEmpty() && QFileInfo::exists(m_newSystem)) {
        startComparison();
    } else {
        m_preview.error = tr("The system built for this update is gone, so its package changes cannot be shown. Apply builds it again.");
    }
}
