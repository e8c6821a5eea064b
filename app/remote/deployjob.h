// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "fleetdeployment.h"

#include <QObject>
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
    /// Set once finished.
    HostResult result;
};

/**
 * A deployment of one or more hosts as a job a page can bind to: state,
 * one progress row per host (step, last log line, result), and the results
 * in `result()` when it ends. Its shape follows the privileged runner's Job
 * (start, cancel, state, phase, recentLines, error, result, finished once),
 * so that "another machine over SSH" can be a runner next to "this machine
 * through the helper". The work runs on a thread of its own; every signal
 * arrives on the job's thread.
 *
 * A job succeeds when every host is done; it fails when any failed, rolled
 * back or was unreachable, and each host's row says which.
 */
class DeployJob : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString phase READ phase NOTIFY progressChanged)
    Q_PROPERTY(QStringList recentLines READ recentLines NOTIFY progressChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap result READ result NOTIFY stateChanged)

public:
    enum class State {
        Idle,
        Running,
        Succeeded,
        Failed,
    };
    Q_ENUM(State)

    DeployJob(QList<DeployRequest> requests, SshSettings settings, int parallel, QObject *parent = nullptr);
    ~DeployJob() override;

    Q_INVOKABLE void start();
    /** Before start(), ends the job as cancelled. A started deployment runs to its end: an activation is never cut in half. */
    Q_INVOKABLE void cancel();

    [[nodiscard]] State state() const
    {
        return m_state;
    }
    /// The step of the host that is furthest behind.
    [[nodiscard]] QString phase() const;
    [[nodiscard]] QStringList recentLines() const
    {
        return m_recentLines;
    }
    /// One row per host, in the order of the requests.
    [[nodiscard]] QList<HostProgress> rows() const;
    [[nodiscard]] QString errorMessage() const
    {
        return m_errorMessage;
    }
    [[nodiscard]] QVariantMap result() const
    {
        return m_result;
    }
    [[nodiscard]] QList<HostResult> results() const
    {
        return m_results;
    }

Q_SIGNALS:
    void stateChanged();
    void progressChanged();
    /** One host's row changed (a step, a line, its result). */
    void hostChanged(const QString &host);
    /** Emitted once, when the job succeeded or failed. */
    void finished();

private:
    void onProgress(const QString &host, Step step, const QString &line);
    void onDone(const QList<HostResult> &results);

    QList<DeployRequest> m_requests;
    SshSettings m_settings;
    int m_parallel = 4;
    State m_state = State::Idle;
    QHash<QString, HostProgress> m_rows;
    QStringList m_recentLines;
    QString m_errorMessage;
    QVariantMap m_result;
    QList<HostResult> m_results;
    QThread *m_thread = nullptr;
};

} // namespace Snowpane::Remote
