// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixlogparser.h"

#include "helperprotocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

namespace
{

// Nix's ActivityType and ResultType values (libutil/logging.hh); they are
// part of the internal-json format and have not changed since Nix 2.0.
enum ActivityType : int {
    ActCopyPath = 100,
    ActFileTransfer = 101,
    ActRealise = 102,
    ActCopyPaths = 103,
    ActBuilds = 104,
    ActBuild = 105,
    ActSubstitute = 108,
    ActFetchTree = 112,
};
enum ResultType : int {
    ResBuildLogLine = 101,
    ResSetPhase = 104,
    ResProgress = 105,
    ResSetExpected = 106,
    ResPostBuildLogLine = 107,
};
// Nix's Verbosity: 0 error, 1 warn, 2 notice, 3 info, 4 talkative, …
constexpr int LevelInfo = 3;

bool isFetch(int type)
{
    return type == ActSubstitute || type == ActFileTransfer || type == ActCopyPath || type == ActFetchTree;
}

// "building '/nix/store/<hash>-hello-2.12.drv'" reads better as "building hello-2.12".
QString shortenStorePaths(const QString &text)
{
    static const QRegularExpression storePath(u"/nix/store/[0-9a-df-np-sv-z]{32}-([^'\\s]+?)(?:\\.drv)?(?=['\\s]|$)"_s);
    QString result = text;
    result.replace(storePath, u"\\1"_s);
    return result;
}

qint64 fieldInt(const QVariantList &fields, int index)
{
    return index < fields.size() ? fields.at(index).toLongLong() : 0;
}

}

QString stripAnsi(const QString &text)
{
    static const QRegularExpression escape(u"\x1b\\[[0-9;?]*[A-Za-z]"_s);
    QString result = text;
    result.remove(escape);
    return result;
}

QString phaseName(NixPhase phase)
{
    switch (phase) {
    case NixPhase::Evaluating:
        return QLatin1String(Protocol::Progress::PhaseEvaluating);
    case NixPhase::Building:
        return QLatin1String(Protocol::Progress::PhaseBuilding);
    case NixPhase::Fetching:
        return QLatin1String(Protocol::Progress::PhaseFetching);
    case NixPhase::Activating:
        return QLatin1String(Protocol::Progress::PhaseActivating);
    }
    return QString();
}

QVariantMap NixProgress::toVariantMap() const
{
    QVariantMap map{
        {QLatin1String(Protocol::Progress::Phase), phaseName(phase)},
        {QLatin1String(Protocol::Progress::DerivationsDone), derivationsDone},
        {QLatin1String(Protocol::Progress::DerivationsExpected), derivationsExpected},
        {QLatin1String(Protocol::Progress::BytesDone), bytesDone},
        {QLatin1String(Protocol::Progress::BytesExpected), bytesExpected},
        {QLatin1String(Protocol::Progress::Activity), activity},
        {QLatin1String(Protocol::Progress::RecentLines), recentLines},
    };
    if (error) {
        map.insert(QLatin1String(Protocol::Progress::ErrorMessage), error->message);
        map.insert(QLatin1String(Protocol::Progress::ErrorFile), error->file);
        map.insert(QLatin1String(Protocol::Progress::ErrorLine), error->line);
        map.insert(QLatin1String(Protocol::Progress::ErrorColumn), error->column);
    }
    return map;
}

void NixLogParser::addLogLine(const QString &line)
{
    QString clean = stripAnsi(line);
    if (clean.size() > MaxLineChars) {
        clean.truncate(MaxLineChars);
        clean.append(u"…"_s);
    }
    m_progress.recentLines.append(clean);
    while (m_progress.recentLines.size() > MaxRecentLines) {
        m_progress.recentLines.removeFirst();
    }
}

void NixLogParser::feedLine(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r')) {
        line.chop(1);
    }
    static constexpr QByteArrayView prefix("@nix ");
    if (!line.startsWith(prefix)) {
        if (!line.isEmpty()) {
            addLogLine(QString::fromUtf8(line));
        }
        return;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line.sliced(prefix.size()).toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        addLogLine(QString::fromUtf8(line));
        return;
    }
    handle(document.object().toVariantMap());
}

void NixLogParser::handle(const QVariantMap &record)
{
    const QString action = record.value(u"action"_s).toString();
    const qint64 id = record.value(u"id"_s).toLongLong();
    const int type = record.value(u"type"_s).toInt();
    const QVariantList fields = record.value(u"fields"_s).toList();

    if (action == "msg"_L1) {
        const int level = record.value(u"level"_s).toInt();
        const QString raw = record.value(u"raw_msg"_s).toString();
        const QString message = stripAnsi(raw.isEmpty() ? record.value(u"msg"_s).toString() : raw).trimmed();
        if (level == 0) {
            NixError nixError;
            nixError.message = message;
            if (nixError.message.startsWith("error:"_L1)) {
                nixError.message = nixError.message.mid(6).trimmed();
            }
            nixError.line = record.value(u"line"_s).toInt();
            nixError.column = record.value(u"column"_s).toInt();
            nixError.file = record.value(u"file"_s).toString();
            // Nix 2.26 prints the whole position, "path:line:column", in "file".
            const QString suffix = u":%1:%2"_s.arg(nixError.line).arg(nixError.column);
            if (nixError.line > 0 && nixError.file.endsWith(suffix)) {
                nixError.file.chop(suffix.size());
            }
            m_progress.error = nixError;
            addLogLine(u"error: "_s + nixError.message);
        } else if (level <= LevelInfo) {
            addLogLine(message);
        }
        return;
    }

    if (action == "start"_L1) {
        Activity activity;
        activity.type = type;
        activity.text = shortenStorePaths(stripAnsi(record.value(u"text"_s).toString()));
        activity.order = m_nextOrder++;
        m_activities.insert(id, activity);
        if (type == ActRealise || type == ActBuilds) {
            m_realising = true;
        }
        recompute();
        return;
    }

    if (action == "stop"_L1) {
        auto it = m_activities.find(id);
        if (it != m_activities.end()) {
            it->running = false;
        }
        recompute();
        return;
    }

    if (action != "result"_L1) {
        return;
    }
    switch (type) {
    case ResBuildLogLine:
    case ResPostBuildLogLine:
        if (!fields.isEmpty()) {
            addLogLine(fields.first().toString());
        }
        break;
    case ResSetPhase:
        if (auto it = m_activities.find(id); it != m_activities.end() && !fields.isEmpty()) {
            const QString phase = fields.first().toString();
            it->text = it->text.section(u" ("_s, 0, 0) + u" ("_s + phase + QLatin1Char(')');
        }
        break;
    case ResProgress:
        if (auto it = m_activities.find(id); it != m_activities.end()) {
            it->done = fieldInt(fields, 0);
            it->expected = fieldInt(fields, 1);
        }
        break;
    case ResSetExpected:
        if (fieldInt(fields, 0) == ActFileTransfer) {
            m_expectedTransferBytes.insert(id, fieldInt(fields, 1));
        }
        break;
    default:
        break;
    }
    recompute();
}

void NixLogParser::recompute()
{
    qint64 derivationsDone = 0, derivationsExpected = 0, bytesDone = 0, bytesExpected = 0;
    bool building = false, fetching = false, realising = false;
    const Activity *latest = nullptr;
    for (const Activity &activity : std::as_const(m_activities)) {
        if (activity.type == ActBuilds) {
            derivationsDone += activity.done;
            derivationsExpected += activity.expected;
        } else if (activity.type == ActFileTransfer) {
            bytesDone += activity.done;
            bytesExpected += activity.expected;
        }
        if (!activity.running) {
            continue;
        }
        building = building || activity.type == ActBuild;
        fetching = fetching || isFetch(activity.type);
        realising = realising || activity.type == ActRealise || activity.type == ActBuilds;
        if (!activity.text.isEmpty() && (activity.type == ActBuild || isFetch(activity.type)) && (!latest || activity.order > latest->order)) {
            latest = &activity;
        }
    }
    qint64 announced = 0;
    for (qint64 bytes : std::as_const(m_expectedTransferBytes)) {
        announced += bytes;
    }
    m_progress.derivationsDone = derivationsDone;
    m_progress.derivationsExpected = derivationsExpected;
    m_progress.bytesDone = bytesDone;
    m_progress.bytesExpected = std::max(bytesExpected, announced);
    if (latest) {
        m_progress.activity = latest->text;
    }
    if (m_progress.phase == NixPhase::Activating) {
        return;
    }
    // A download inside a build (a fixed-output fetch) is what the time goes to, so fetching wins.
    if (fetching) {
        m_progress.phase = NixPhase::Fetching;
    } else if (building) {
        m_progress.phase = NixPhase::Building;
    } else if (realising || m_realising) {
        m_progress.phase = NixPhase::Building;
    }
}

}
