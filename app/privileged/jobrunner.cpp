// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "jobrunner.h"

#include <algorithm>

namespace Snowpane::Privileged
{

Job::Job(Request request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
}

Job::~Job() = default;

void Job::setRunning()
{
    if (m_state != State::Idle) {
        return;
    }
    m_state = State::Running;
    Q_EMIT stateChanged();
}

void Job::setProgress(Progress progress)
{
    m_progress = std::move(progress);
    Q_EMIT progressChanged();
}

void Job::succeed(const QVariantMap &result)
{
    if (isFinished()) {
        return;
    }
    m_result = result;
    m_state = State::Succeeded;
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

void Job::fail(ErrorKind kind, const QString &message, const QVariantMap &failureData, const ErrorLocation &location)
{
    if (isFinished()) {
        return;
    }
    m_error = kind;
    m_errorMessage = message;
    m_result = failureData;
    m_errorLocation = location;
    m_state = State::Failed;
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

JobRunner::~JobRunner() = default;

bool appendNewLines(QStringList &log, const QStringList &recent)
{
    qsizetype overlap = std::min(recent.size(), log.size());
    while (overlap > 0 && log.sliced(log.size() - overlap) != recent.first(overlap)) {
        --overlap;
    }
    if (overlap == recent.size()) {
        return false;
    }
    log.append(recent.sliced(overlap));
    return true;
}

}
