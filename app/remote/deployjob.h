// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "fleetdeployment.h"

#include "jobrunner.h"

#include <QPointer>
#include <QVariantMap>

class QThread;

namespace Snowpane::Remote
{

/// One host's row of a running deployment: what a progress sheet shows.
struct HostProgress {
    QString host;
    SshTarget target;
    Step step = Step::Queued;
    /// The newest line the host's build, copy or activation printed.
    QString line;
    /// Every line so far: the host's log.
    QStringList log;
    /// The store paths the copy has sent so far, from Nix's "copying path" lines.
    QStringList copiedPaths;
    bool finished = false;
    /// Set once finished (with the dry-activate mode, result.preview is the preview).
    HostResult result;
};

/**
 * A deployment of one or more hosts as a Job, the same kind the window shows
 * for the helper's work (state, phase, recentLines, error, errorMessage,
 * result, finished once), plus one progress row per host (rows(), with
 * hostChanged()). The SSH work runs on a thread of its own; every signal
 * arrives on the job's thread.
 *
 * A host that is this machine (DeployRoute::Helper) goes through the local
 * runner when one is set, as an apply in the window does; without one it is
 * refused, never deployed to itself over SSH.
 *
 * A job succeeds when every host is done; it fails when any failed, rolled
 * back or was unreachable, and each host's row says which. cancel() stops
 * what has not reached its activation (those hosts say "cancelled", their
 * machines unchanged); a host already activating finishes its activation
 * and then rolls back instead of being confirmed. The job then fails with
 * ErrorKind::Cancelled.
 */
class DeployJob : public Snowpane::Privileged::Job
{
    Q_OBJECT

public:
    DeployJob(QList<DeployRequest> requests, SshSettings settings, int parallel, QObject *parent = nullptr);
    ~DeployJob() override;

    /** Hosts routed to this machine's helper go through @p runner (which must outlive the job); set before start(). */
    void setLocalRunner(Snowpane::Privileged::JobRunner *runner);

    Q_INVOKABLE void start() override;
    Q_INVOKABLE void cancel() override;

    /// One row per host, in the order of the requests.
    [[nodiscard]] QList<HostProgress> rows() const;
    /// Each host's result, in the order of the requests; complete once finished.
    [[nodiscard]] QList<HostResult> results() const
    {
        return m_results;
    }
    /// With the dry-activate mode, once finished: what deploying @p host would change (invalid, with a message, when unknown).
    Q_INVOKABLE Snowpane::Remote::DeployPreview previewOf(const QString &host) const;

Q_SIGNALS:
    /** One host's row changed (a step, a line, its result). */
    void hostChanged(const QString &host);

private:
    void onProgress(const QString &host, Step step, const QString &line);
    void startLocal(qsizetype index);
    void record(qsizetype index, const HostResult &result);
    void finishIfDone();
    void publishProgress();

    QList<DeployRequest> m_requests;
    SshSettings m_settings;
    int m_parallel = 4;
    Snowpane::Privileged::JobRunner *m_localRunner = nullptr;
    QList<QPointer<Snowpane::Privileged::Job>> m_localJobs;
    QHash<QString, HostProgress> m_rows;
    QStringList m_recentLines;
    QList<HostResult> m_results;
    QList<bool> m_recorded;
    QThread *m_thread = nullptr;
};

} // namespace Snowpane::Remote
