// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "jobrunner.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>

class QWindow;
namespace KAuth
{
class ExecuteJob;
}

namespace Snowpane::Privileged
{

/**
 * One request to this machine's privileged helper: the KAuth implementation
 * of Snowpane::Privileged::Job.
 *
 * Progress comes from the helper's KAuth signals, each tagged with this
 * job's request id. KAuth drops the helper's "busy" answer on the client
 * side (the reply of performAction is ignored unless it is a D-Bus error), so
 * the job notices another client's operation by its tagged progress and
 * reports Busy itself.
 */
class PrivilegedJob : public Snowpane::Privileged::Job
{
    Q_OBJECT

public:
    /** A job for @p request; the request id is added to its arguments. */
    explicit PrivilegedJob(const Snowpane::Privileged::Request &request, QObject *parent = nullptr);
    ~PrivilegedJob() override;

    /** Sends the request. The helper asks polkit, which may show a dialog over the parent window. */
    void start() override;
    /**
     * Asks the helper to stop this request (and only it); the job then finishes with Cancelled, or with its
     * result if it was already past the point of no return. Before the helper has accepted the request, the
     * cancel is sent as soon as it does.
     */
    void cancel() override;

    void setParentWindow(QWindow *window);
    [[nodiscard]] QString requestId() const
    {
        return m_request;
    }
    /** The D-Bus timeout given to KAuth: the helper's own bound for this action plus time to authenticate. */
    [[nodiscard]] int timeoutMs() const;

private Q_SLOTS:
    // The KAuth helper's D-Bus signal, received directly so that every request's progress is seen.
    void onRemoteSignal(int type, const QString &action, const QByteArray &blob);

private:
    void onExecuteJobResult(KAuth::ExecuteJob *job);
    void onProgress(const QVariantMap &data);
    void finish(ErrorKind kind, const QString &message);
    void finishWith(const QVariantMap &result);
    void disconnectFromHelper();
    void checkBusy();
    void sendCancel();

    QString m_request;
    QPointer<QWindow> m_parentWindow;
    QPointer<KAuth::ExecuteJob> m_job;
    QVariantMap m_finishedEvent;

    bool m_accepted = false;
    bool m_cancelRequested = false;
    bool m_cancelSent = false;
    bool m_othersRunning = false;
    bool m_startedSeen = false;
    QElapsedTimer m_sinceStart;
    QTimer m_busyTimer;
};

}

namespace Snowpane::Privileged
{

/** Runs every request through this machine's KAuth helper, with the focused window as the parent of polkit's dialog. */
class KAuthRunner : public JobRunner
{
public:
    [[nodiscard]] Job *createJob(const Request &request, QObject *parent = nullptr) override;
};

}
