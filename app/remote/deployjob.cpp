// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "deployjob.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

namespace
{

constexpr qsizetype recentLineCount = 50;

} // namespace

DeployJob::DeployJob(QList<DeployRequest> requests, SshSettings settings, int parallel, QObject *parent)
    : QObject(parent)
    , m_requests(std::move(requests))
    , m_settings(std::move(settings))
    , m_parallel(parallel)
{
    for (const DeployRequest &request : std::as_const(m_requests)) {
        m_rows.insert(request.host,
                      {{u"host"_s, request.host}, {u"target"_s, request.target.uri()}, {u"step"_s, stepName(Step::Queued)}, {u"line"_s, QString()}});
    }
}

DeployJob::~DeployJob()
{
    if (m_thread) {
        // The worker reports to this object; it must be done before the object goes.
        m_thread->wait();
    }
}

QString DeployJob::phase() const
{
    static const QStringList order{u"queued"_s, u"building"_s, u"connecting"_s, u"copying"_s, u"activating"_s, u"confirming"_s, u"finished"_s};
    qsizetype least = order.size() - 1;
    for (const QVariantMap &row : m_rows) {
        least = qMin(least, order.indexOf(row.value(u"step"_s).toString()));
    }
    return m_rows.isEmpty() ? QString() : order.value(least);
}

QVariantList DeployJob::hosts() const
{
    QVariantList list;
    for (const DeployRequest &request : m_requests) {
        list.append(m_rows.value(request.host));
    }
    return list;
}

void DeployJob::start()
{
    if (m_state != State::Idle) {
        return;
    }
    m_state = State::Running;
    Q_EMIT stateChanged();
    QPointer<DeployJob> self(this);
    m_thread = QThread::create([this, self] {
        const auto progress = [self](const QString &host, Step step, const QString &line) {
            QMetaObject::invokeMethod(
                self,
                [self, host, step, line] {
                    if (self) {
                        self->onProgress(host, step, line);
                    }
                },
                Qt::QueuedConnection);
        };
        const QList<HostResult> results = deployFleet(m_requests, m_settings, m_parallel, progress);
        QMetaObject::invokeMethod(
            self,
            [self, results] {
                if (self) {
                    self->onDone(results);
                }
            },
            Qt::QueuedConnection);
    });
    m_thread->setParent(this);
    m_thread->start();
}

void DeployJob::cancel()
{
    if (m_state != State::Idle) {
        return;
    }
    m_state = State::Failed;
    m_errorMessage = u"cancelled"_s;
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

void DeployJob::onProgress(const QString &host, Step step, const QString &line)
{
    QVariantMap &row = m_rows[host];
    row.insert(u"step"_s, stepName(step));
    if (!line.isEmpty()) {
        row.insert(u"line"_s, line);
        m_recentLines.append(host + u": "_s + line);
        if (m_recentLines.size() > recentLineCount) {
            m_recentLines.remove(0, m_recentLines.size() - recentLineCount);
        }
    }
    Q_EMIT progressChanged();
}

void DeployJob::onDone(const QList<HostResult> &results)
{
    m_results = results;
    QVariantList hosts;
    QStringList failures;
    for (const HostResult &result : results) {
        QVariantMap &row = m_rows[result.host];
        row.insert(u"step"_s, stepName(Step::Finished));
        row.insert(u"outcome"_s, outcomeName(result.outcome));
        row.insert(u"error"_s, result.error == RemoteError::None ? QString() : errorName(result.error));
        row.insert(u"message"_s, result.message);
        row.insert(u"generation"_s, result.generation);
        hosts.append(row);
        if (result.outcome != Outcome::Done) {
            failures.append(u"%1: %2"_s.arg(result.host, outcomeName(result.outcome)));
        }
    }
    m_result = {{u"hosts"_s, hosts}};
    m_state = failures.isEmpty() ? State::Succeeded : State::Failed;
    m_errorMessage = failures.join(u"; "_s);
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

} // namespace Snowpane::Remote
