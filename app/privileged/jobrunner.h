// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace Snowpane::Privileged
{

/** What to run: an action name (one of Protocol::Action) and its arguments (keys from Protocol::Key). */
struct Request {
    QString action;
    QVariantMap arguments;
};

/** How far a running job has come, as the helper (or any other runner) reports it. */
struct Progress {
    /// "evaluating", "building", "fetching", "activating", "committing", "collecting"; empty before the first report.
    QString phase;
    qint64 derivationsDone = 0;
    qint64 derivationsExpected = 0;
    qint64 bytesDone = 0;
    qint64 bytesExpected = 0;
    QString activity;
    /// A sliding window of the newest log lines; a view that wants the whole log appends what is new.
    QStringList recentLines;
};

/** Where a failed build's error points, when it names a file. */
struct ErrorLocation {
    QString file;
    int line = 0;
    int column = 0;
};

/**
 * One request run with privileges somewhere: its progress as properties a
 * QML page can bind to, cancel(), a result, and an error sorted into the few
 * kinds a person can act on. Controllers see only this; the KAuth helper on
 * this machine is one implementation (PrivilegedJob), a scripted fake in the
 * tests is another, and a remote machine can be a third.
 *
 * A job runs once: Idle, start(), Running, then Succeeded or Failed, with
 * finished() emitted exactly once. A job may finish inside start().
 */
class Job : public QObject
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

    ~Job() override;

    /** Sends the request. May ask for authentication, and may finish before it returns. */
    Q_INVOKABLE virtual void start() = 0;
    /**
     * Asks the runner to stop this request (and only it); the job then finishes with Cancelled, or with its
     * result if it was already past the point of no return. Ignored unless running.
     */
    Q_INVOKABLE virtual void cancel() = 0;

    [[nodiscard]] QString actionName() const
    {
        return m_request.action;
    }
    [[nodiscard]] QVariantMap arguments() const
    {
        return m_request.arguments;
    }
    [[nodiscard]] State state() const
    {
        return m_state;
    }
    [[nodiscard]] bool isFinished() const
    {
        return m_state == State::Succeeded || m_state == State::Failed;
    }
    [[nodiscard]] const Progress &progress() const
    {
        return m_progress;
    }
    [[nodiscard]] QString phase() const
    {
        return m_progress.phase;
    }
    [[nodiscard]] qint64 derivationsDone() const
    {
        return m_progress.derivationsDone;
    }
    [[nodiscard]] qint64 derivationsExpected() const
    {
        return m_progress.derivationsExpected;
    }
    [[nodiscard]] qint64 bytesDone() const
    {
        return m_progress.bytesDone;
    }
    [[nodiscard]] qint64 bytesExpected() const
    {
        return m_progress.bytesExpected;
    }
    [[nodiscard]] QString activity() const
    {
        return m_progress.activity;
    }
    [[nodiscard]] QStringList recentLines() const
    {
        return m_progress.recentLines;
    }
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
        return m_errorLocation.file;
    }
    [[nodiscard]] int errorLine() const
    {
        return m_errorLocation.line;
    }
    [[nodiscard]] int errorColumn() const
    {
        return m_errorLocation.column;
    }
    /** The reply data; after a failure, what the failure still carries (updatesources: previousCommit), else empty. */
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
    Job(Request request, QObject *parent);

    /** Idle to Running; implementations call it first thing in start(). */
    void setRunning();
    void setProgress(Progress progress);
    /** Ends the job as Succeeded with @p result. Ignored once finished. */
    void succeed(const QVariantMap &result);
    /** Ends the job as Failed. Ignored once finished. */
    void fail(ErrorKind kind, const QString &message, const QVariantMap &failureData = {}, const ErrorLocation &location = {});
    /** For implementations that add to the arguments (a request id). */
    void setArgument(const QString &key, const QVariant &value)
    {
        m_request.arguments.insert(key, value);
    }

private:
    Request m_request;
    State m_state = State::Idle;
    Progress m_progress;
    ErrorKind m_error = ErrorKind::NoError;
    QString m_errorMessage;
    ErrorLocation m_errorLocation;
    QVariantMap m_result;
};

/**
 * Appends to @p log the lines of @p recent (a sliding window of the newest
 * lines, as Progress::recentLines) that it does not end with yet. Returns
 * whether anything was added.
 */
bool appendNewLines(QStringList &log, const QStringList &recent);

/**
 * Makes jobs: "run action X with these arguments". The one seam between the
 * controllers and whatever carries their requests out (the KAuth helper here,
 * SSH for a remote machine, a script in the tests).
 */
class JobRunner
{
public:
    virtual ~JobRunner();
    /** A new, not yet started job for @p request, owned by @p parent (or the caller when null). */
    [[nodiscard]] virtual Job *createJob(const Request &request, QObject *parent = nullptr) = 0;

protected:
    JobRunner() = default;
    JobRunner(const JobRunner &) = default;
    JobRunner &operator=(const JobRunner &) = default;
};

}
