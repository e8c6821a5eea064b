// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "deployjob.h"

#include "requests.h"

#include <QRegularExpression>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

namespace
{

constexpr qsizetype recentLineCount = 50;

Snowpane::Privileged::Request describe(const QList<DeployRequest> &requests, int parallel)
{
    QStringList hosts;
    for (const DeployRequest &request : requests) {
        hosts.append(request.host);
    }
    return {u"deploy"_s, {{u"hosts"_s, hosts}, {u"mode"_s, requests.isEmpty() ? QString() : requests.first().mode}, {u"parallel"_s, parallel}}};
}

// The helper's phases as the rows' steps.
Step stepOfPhase(const QString &phase)
{
    if (phase == u"activating"_s || phase == u"committing"_s) {
        return Step::Activating;
    }
    if (phase.isEmpty()) {
        return Step::Queued;
    }
    return Step::Building;
}

} // namespace

DeployJob::DeployJob(QList<DeployRequest> requests, SshSettings settings, int parallel, QObject *parent)
    : Job(describe(requests, parallel), parent)
    , m_requests(std::move(requests))
    , m_settings(std::move(settings))
    , m_parallel(parallel)
{
    // The job's own flag: whoever made the settings does not cancel this job by accident, nor is cancelled by it.
    m_settings.cancel = std::make_shared<std::atomic_bool>(false);
    m_results.resize(m_requests.size());
    m_recorded.fill(false, m_requests.size());
    for (const DeployRequest &request : std::as_const(m_requests)) {
        HostProgress row;
        row.host = request.host;
        row.target = request.target;
        m_rows.insert(request.host, row);
    }
    // The phase reads "queued" before the first report, as each row's step does.
    publishProgress();
}

DeployJob::~DeployJob()
{
    if (m_thread) {
        // The worker reports to this object; it must be done before the object goes.
        m_settings.cancel->store(true);
        m_thread->wait();
    }
}

void DeployJob::setLocalRunner(Snowpane::Privileged::JobRunner *runner)
{
    m_localRunner = runner;
}

QList<HostProgress> DeployJob::rows() const
{
    QList<HostProgress> list;
    for (const DeployRequest &request : m_requests) {
        list.append(m_rows.value(request.host));
    }
    return list;
}

DeployPreview DeployJob::previewOf(const QString &host) const
{
    for (qsizetype i = 0; i < m_requests.size(); ++i) {
        if (m_requests[i].host == host && m_recorded.value(i) && m_results[i].preview) {
            return *m_results[i].preview;
        }
    }
    DeployPreview none;
    none.error = RemoteError::Failed;
    none.message = u"no preview of %1: it was not deployed with dry-activate, or has not finished"_s.arg(host);
    return none;
}

void DeployJob::start()
{
    if (state() != State::Idle) {
        return;
    }
    setRunning();
    QList<DeployRequest> remote;
    QList<qsizetype> remoteIndices;
    for (qsizetype i = 0; i < m_requests.size(); ++i) {
        if (m_requests[i].route == DeployRoute::Helper && m_localRunner) {
            startLocal(i);
        } else {
            remote.append(m_requests[i]);
            remoteIndices.append(i);
        }
    }
    if (remote.isEmpty()) {
        finishIfDone();
        return;
    }
    QPointer<DeployJob> self(this);
    m_thread = QThread::create([self, remote, remoteIndices, settings = m_settings, parallel = m_parallel] {
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
        const QList<HostResult> results = deployFleet(remote, settings, parallel, progress);
        QMetaObject::invokeMethod(
            self,
            [self, results, remoteIndices] {
                if (!self) {
                    return;
                }
                for (qsizetype i = 0; i < results.size(); ++i) {
                    self->record(remoteIndices[i], results[i]);
                }
                self->finishIfDone();
            },
            Qt::QueuedConnection);
    });
    m_thread->setParent(this);
    m_thread->start();
}

void DeployJob::startLocal(qsizetype index)
{
    const DeployRequest &request = m_requests[index];
    Snowpane::Privileged::Job *job = m_localRunner->createJob(Snowpane::Privileged::Requests::rebuild(request.mode, request.host), this);
    m_localJobs.append(job);
    const QString host = request.host;
    // The helper reports a sliding window of lines; each reaches the row once.
    connect(job, &Snowpane::Privileged::Job::progressChanged, this, [this, job, host, seen = QStringList()]() mutable {
        const qsizetype before = seen.size();
        Snowpane::Privileged::appendNewLines(seen, job->recentLines());
        const Step step = stepOfPhase(job->phase());
        if (seen.size() == before) {
            onProgress(host, step, {});
        }
        for (qsizetype i = before; i < seen.size(); ++i) {
            onProgress(host, step, seen[i]);
        }
    });
    connect(job, &Snowpane::Privileged::Job::finished, this, [this, job, index] {
        const DeployRequest &request = m_requests[index];
        HostResult result;
        result.host = request.host;
        result.target = request.target;
        if (job->state() == State::Succeeded) {
            result.outcome = Outcome::Done;
            result.generation = job->result().value(u"generation"_s).toInt();
            result.systemPath = job->result().value(u"storePath"_s).toString();
        } else {
            const bool cancelled = job->error() == ErrorKind::Cancelled;
            result.outcome = cancelled ? Outcome::Cancelled : Outcome::Failed;
            result.error = cancelled ? RemoteError::Cancelled : RemoteError::Failed;
            result.message = u"this machine, through the helper: "_s + job->errorMessage();
        }
        result.log = job->recentLines();
        record(index, result);
        finishIfDone();
    });
    job->start();
}

void DeployJob::cancel()
{
    if (state() == State::Idle) {
        fail(ErrorKind::Cancelled, u"cancelled"_s);
        return;
    }
    if (isFinished()) {
        return;
    }
    m_settings.cancel->store(true);
    for (const QPointer<Snowpane::Privileged::Job> &job : std::as_const(m_localJobs)) {
        if (job && !job->isFinished()) {
            job->cancel();
        }
    }
}

void DeployJob::onProgress(const QString &host, Step step, const QString &line)
{
    if (isFinished()) {
        return;
    }
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
    publishProgress();
}

void DeployJob::publishProgress()
{
    Step least = Step::Finished;
    for (const HostProgress &row : std::as_const(m_rows)) {
        least = qMin(least, row.step);
    }
    Snowpane::Privileged::Progress progress;
    // The step of the host that is furthest behind.
    progress.phase = m_rows.isEmpty() ? QString() : stepName(least);
    progress.recentLines = m_recentLines;
    progress.activity = m_recentLines.isEmpty() ? QString() : m_recentLines.constLast();
    setProgress(progress);
}

void DeployJob::record(qsizetype index, const HostResult &result)
{
    m_results[index] = result;
    m_recorded[index] = true;
    HostProgress &row = m_rows[result.host];
    row.step = Step::Finished;
    row.finished = true;
    row.result = result;
    Q_EMIT hostChanged(result.host);
}

void DeployJob::finishIfDone()
{
    if (isFinished() || m_recorded.contains(false)) {
        return;
    }
    publishProgress();
    QVariantList hosts;
    QStringList failures;
    bool cancelled = false;
    for (const HostResult &result : std::as_const(m_results)) {
        hosts.append(QVariantMap{{u"host"_s, result.host},
                                 {u"target"_s, result.target.uri()},
                                 {u"outcome"_s, outcomeName(result.outcome)},
                                 {u"error"_s, result.error == RemoteError::None ? QString() : errorName(result.error)},
                                 {u"message"_s, result.message},
                                 {u"generation"_s, result.generation}});
        cancelled = cancelled || result.outcome == Outcome::Cancelled;
        if (result.outcome != Outcome::Done) {
            failures.append(u"%1: %2"_s.arg(result.host, outcomeName(result.outcome)));
        }
    }
    const QVariantMap summary{{u"hosts"_s, hosts}};
    if (failures.isEmpty()) {
        succeed(summary);
    } else if (cancelled) {
        fail(ErrorKind::Cancelled, u"cancelled; "_s + failures.join(u"; "_s), summary);
    } else {
        fail(ErrorKind::Failed, failures.join(u"; "_s), summary);
    }
}

} // namespace Snowpane::Remote
