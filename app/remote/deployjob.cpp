// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "deployjob.h"

#include <QRegularExpression>
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
        HostProgress row;
        row.host = request.host;
        row.target = request.target;
        m_rows.insert(request.host, row);
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
    Step least = Step::Finished;
    for (const HostProgress &row : m_rows) {
        least = qMin(least, row.step);
    }
    return m_rows.isEmpty() ? QString() : stepName(least);
}

QList<HostProgress> DeployJob::rows() const
{
    QList<HostProgress> list;
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
    HostProgress &row = m_rows[host];
    row.step = step;
    if (!line.isEmpty()) {
        row.line = line;
        row.log.append(line);
        // Nix says "copying path '/nix/store/…' to 'ssh://…'" for each path it sends.
        static const QRegularExpression copying(u"^copying path '(/nix/store/[^']+)'"_s);
        if (const auto match = copying.match(line); match.hasMatch() && step == Step::Copying) {
            row.copiedPaths.append(match.captured(1));
        }
        m_recentLines.append(host + u": "_s + line);
        if (m_recentLines.size() > recentLineCount) {
            m_recentLines.remove(0, m_recentLines.size() - recentLineCount);
        }
    }
    Q_EMIT hostChanged(host);
    Q_EMIT progressChanged();
}

void DeployJob::onDone(const QList<HostResult> &results)
{
    m_results = results;
    QVariantList hosts;
    QStringList failures;
    for (const HostResult &result : results) {
        HostProgress &row = m_rows[result.host];
        row.step = Step::Finished;
        row.finished = true;
        row.result = result;
        hosts.append(QVariantMap{{u"host"_s, result.host},
                                 {u"target"_s, result.target.uri()},
                                 {u"outcome"_s, outcomeName(result.outcome)},
                                 {u"error"_s, result.error == RemoteError::None ? QString() : errorName(result.error)},
                                 {u"message"_s, result.message},
                                 {u"generation"_s, result.generation}});
        if (result.outcome != Outcome::Done) {
            failures.append(u"%1: %2"_s.arg(result.host, outcomeName(result.outcome)));
        }
    }
    m_result = {{u"hosts"_s, hosts}};
    m_state = failures.isEmpty() ? State::Succeeded : State::Failed;
    m_errorMessage = failures.join(u"; "_s);
    for (const HostResult &result : results) {
        Q_EMIT hostChanged(result.host);
    }
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

} // namespace Snowpane::Remote
