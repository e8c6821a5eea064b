// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

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

namespace snowpane::privileged
{

/**
 * One request to the privileged helper: a KAuth action with its arguments,
 * its progress as properties a QML page can bind to, cancel(), and an error
 * sorted into the few kinds a person can act on.
 *
 * Progress comes from the helper's KAuth signals, each tagged with this
 * job's request id. KAuth drops the helper's "busy" answer on the client
 * side (the reply of performAction is ignored unless it is a D-Bus error), so
 * the job notices another client's operation by its tagged progress and
 * reports Busy itself.
 */
class PrivilegedJob : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString phase READ phase NOTIFY progressChanged)
    Q_PROPERTY(qint64 derivationsDone READ derivationsDone NOTIFY progressChanged)
    Q_PROPERTY(qint64 derivationsExpected READ derivationsExpected NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesDone READ bytesDone NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesExpected READ bytesExpected NOTIFY progressChanged)
    Q_PROPERTY(QString activity READ activity NOTIFY progressChanged)
    Q_PROPERTY(QStringList recentLines READ recentLines NOTIFY progressChanged)
    Q_PROPERTY(ErrorKind error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(QString errorFile READ errorFile NOTIFY stateChanged)
    Q_PROPERTY(int errorLine READ errorLine NOTIFY stateChanged)
    Q_PROPERTY(int errorColumn READ errorColumn NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap result READ result NOTIFY stateChanged)

public:
    enum class State {
        Idle,
        Running,
        Succeeded,
        Failed,
    };
    Q_ENUM(State)

    enum class ErrorKind {
        NoError,
        NotAuthorised, // polkit said no, or the person dismissed the dialog
        Busy, // the helper is running another operation
        HelperMissing, // the helper or its polkit actions are not installed
        Cancelled,
        TimedOut,
        InvalidRequest, // the helper refused the arguments
        Failed, // anything else, with a message
    };
    Q_ENUM(ErrorKind)

    ~PrivilegedJob() override;

    /** Sends the request. The helper asks polkit, which may show a dialog over the parent window. */
    Q_INVOKABLE void start();
    /**
     * Asks the helper to stop this request (and only it); the job then finishes with Cancelled, or with its
     * result if it was already past the point of no return. Before the helper has accepted the request, the
     * cancel is sent as soon as it does.
     */
    Q_INVOKABLE void cancel();

    void setParentWindow(QWindow *window);
    [[nodiscard]] QString actionName() const
    {
        return m_action;
    }
    [[nodiscard]] QString requestId() const
    {
        return m_request;
    }
    /** The D-Bus timeout given to KAuth: the helper's own bound for this action plus time to authenticate. */
    [[nodiscard]] int timeoutMs() const;

    [[nodiscard]] State state() const
    {
        return m_state;
    }
    [[nodiscard]] QString phase() const
    {
        return m_progress.value(QStringLiteral("phase")).toString();
    }
    [[nodiscard]] qint64 derivationsDone() const;
    [[nodiscard]] qint64 derivationsExpected() const;
    [[nodiscard]] qint64 bytesDone() const;
    [[nodiscard]] qint64 bytesExpected() const;
    [[nodiscard]] QString activity() const;
    [[nodiscard]] QStringList recentLines() const;
    [[nodiscard]] ErrorKind error() const
    {
        return m_error;
    }
    [[nodiscard]] QString errorMessage() const
    {
        return m_errorMessage;
    }
    [[nodiscard]] QString errorFile() const
    {
        return m_errorFile;
    }
    [[nodiscard]] int errorLine() const
    {
        return m_errorLine;
    }
    [[nodiscard]] int errorColumn() const
    {
        return m_errorColumn;
    }
    /** The helper's reply data; after a failure, what the failure still carries (updatesources: previousCommit), else empty. */
    [[nodiscard]] QVariantMap result() const
    {
        return m_result;
    }

Q_SIGNALS:
    void stateChanged();
    void progressChanged();
    /** Emitted once, when the job succeeded or failed. */
    void finished();

protected:
    PrivilegedJob(QString action, QVariantMap arguments, QObject *parent);

private Q_SLOTS:
    // The KAuth helper's D-Bus signal, received directly so that every request's progress is seen.
    void onRemoteSignal(int type, const QString &action, const QByteArray &blob);

private:
    void onExecuteJobResult(KAuth::ExecuteJob *job);
    void onProgress(const QVariantMap &data);
    void finish(ErrorKind kind, const QString &message);
    void succeed(const QVariantMap &result);
    void checkBusy();
    void sendCancel();

    QString m_action;
    QVariantMap m_arguments;
    QString m_request;
    QPointer<QWindow> m_parentWindow;
    QPointer<KAuth::ExecuteJob> m_job;
    State m_state = State::Idle;
    QVariantMap m_progress;
    QVariantMap m_finishedEvent;
    ErrorKind m_error = ErrorKind::NoError;
    QString m_errorMessage;
    QString m_errorFile;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QVariantMap m_result;

    bool m_accepted = false;
    bool m_cancelRequested = false;
    bool m_cancelSent = false;
    bool m_othersRunning = false;
    bool m_startedSeen = false;
    QElapsedTimer m_sinceStart;
    QTimer m_busyTimer;
};

}
