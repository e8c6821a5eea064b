// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "privilegedjob.h"

#include "helperprotocol.h"
#include "helperreplies.h"
#include "privilegedlogging.h"

#include <KAuth/Action>
#include <KAuth/ActionReply>
#include <KAuth/ExecuteJob>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDataStream>
#include <QGuiApplication>
#include <QUuid>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace Snowpane::Privileged
{

namespace
{
// KAuth's DBusHelperProxy signal types (the org.kde.kf6auth remoteSignal wire format).
constexpr int SignalActionStarted = 0;
constexpr int SignalProgressStepData = 4;

constexpr char KAuthInterface[] = "org.kde.kf6auth";

// How long after sending the request another client's progress still proves nothing:
// the helper answers a second request within its 100 ms poll, so later progress from
// another request means this one was turned away.
constexpr qint64 BusyGraceMs = 1500;
}

PrivilegedJob::PrivilegedJob(const Snowpane::Privileged::Request &request, QObject *parent)
    : Job(request, parent)
    , m_request(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setArgument(QLatin1String(Protocol::Key::Request), m_request);
    m_busyTimer.setSingleShot(true);
    connect(&m_busyTimer, &QTimer::timeout, this, &PrivilegedJob::checkBusy);
}

PrivilegedJob::~PrivilegedJob()
{
    // The KAuth job is not killed here: killing it would ask the helper to stop whatever it runs.
    if (m_job) {
        m_job->disconnect(this);
    }
}

int PrivilegedJob::timeoutMs() const
{
    return int(Protocol::clientTimeout(actionName().toLatin1().constData()).count());
}

void PrivilegedJob::setParentWindow(QWindow *window)
{
    m_parentWindow = window;
}

void PrivilegedJob::start()
{
    if (state() != State::Idle) {
        return;
    }
    setRunning();

    KAuth::Action action(actionName());
    action.setHelperId(QLatin1String(Protocol::HelperId));
    action.setArguments(arguments());
    action.setTimeout(timeoutMs());
    if (m_parentWindow) {
        action.setParentWindow(m_parentWindow);
    }
    // polkit knows the action only if the helper's files are installed.
    if (action.status() == KAuth::Action::InvalidStatus) {
        finish(ErrorKind::HelperMissing, tr("The Snowpane helper is not installed: the system does not know the action %1.").arg(actionName()));
        return;
    }

    QDBusConnection::systemBus().connect(QLatin1String(Protocol::HelperId),
                                         u"/"_s,
                                         QLatin1String(KAuthInterface),
                                         u"remoteSignal"_s,
                                         this,
                                         SLOT(onRemoteSignal(int, QString, QByteArray)));

    m_sinceStart.start();
    KAuth::ExecuteJob *job = action.execute();
    m_job = job;
    connect(job, &KJob::result, this, [this, job] {
        onExecuteJobResult(job);
    });
    qCDebug(SNOWPANE_PRIVILEGED) << "starting" << actionName() << m_request;
    job->start();
}

void PrivilegedJob::cancel()
{
    if (state() != State::Running || m_cancelRequested) {
        return;
    }
    m_cancelRequested = true;
    // The helper stops only the operation it is running; until it has accepted
    // this request (polkit may still be asking for a password) the cancel waits.
    if (m_accepted) {
        sendCancel();
    }
}

void PrivilegedJob::sendCancel()
{
    if (m_cancelSent) {
        return;
    }
    m_cancelSent = true;
    // Not KJob::kill(), which ends the job at once and drops the helper's answer,
    // and not KAuth's stopAction, which the helper ignores: its own cancel method
    // names this request, and the job waits for the helper to confirm.
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(Protocol::HelperId),
                                                       QLatin1String(Protocol::Cancel::ObjectPath),
                                                       QLatin1String(Protocol::Cancel::Interface),
                                                       QLatin1String(Protocol::Cancel::Method));
    call << m_request;
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::systemBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *self) {
        const QDBusPendingReply<bool> reply = *self;
        if (reply.isError()) {
            qCWarning(SNOWPANE_PRIVILEGED) << "cancel of" << m_request << "failed:" << reply.error().message();
        } else {
            qCDebug(SNOWPANE_PRIVILEGED) << "cancel of" << m_request << (reply.value() ? "accepted" : "refused (already finished)");
        }
        self->deleteLater();
    });
    qCDebug(SNOWPANE_PRIVILEGED) << "cancel requested" << actionName() << m_request;
}

void PrivilegedJob::onRemoteSignal(int type, const QString &action, const QByteArray &blob)
{
    if (state() != State::Running) {
        return;
    }
    if (type == SignalActionStarted) {
        // Probably ours, now waiting for polkit (perhaps for a password): not a sign of being busy.
        if (action == actionName() && !m_accepted) {
            m_startedSeen = true;
            m_busyTimer.stop();
        }
        return;
    }
    if (type != SignalProgressStepData) {
        return;
    }
    QVariantMap data;
    QDataStream stream(blob);
    stream >> data;
    const QString request = data.value(QLatin1String(Protocol::Key::Request)).toString();
    const QString event = data.value(QLatin1String(Protocol::Progress::Event)).toString();
    if (request == m_request) {
        m_accepted = true;
        m_busyTimer.stop();
        if (m_cancelRequested) {
            sendCancel();
        }
        onProgress(data);
        return;
    }
    if (m_accepted) {
        return;
    }
    // Another client's operation. Seen well after our request went out, it means
    // the helper was busy when our request arrived and turned it away.
    m_othersRunning = event != QLatin1String(Protocol::Progress::EventFinished);
    m_startedSeen = false;
    if (m_othersRunning && m_sinceStart.elapsed() > BusyGraceMs) {
        checkBusy();
    } else {
        m_busyTimer.start(int(BusyGraceMs) * 2);
    }
}

void PrivilegedJob::checkBusy()
{
    if (state() != State::Running || m_accepted || (m_startedSeen && !m_othersRunning)) {
        return;
    }
    if (m_job) {
        // Not killed: that would stop the other client's operation.
        m_job->disconnect(this);
        m_job = nullptr;
    }
    finish(ErrorKind::Busy, tr("The helper is busy with another operation. Try again when it has finished."));
}

void PrivilegedJob::onProgress(const QVariantMap &data)
{
    const QString event = data.value(QLatin1String(Protocol::Progress::Event)).toString();
    if (event == QLatin1String(Protocol::Progress::EventFinished)) {
        m_finishedEvent = data;
        return;
    }
    if (event == QLatin1String(Protocol::Progress::EventProgress)) {
        Snowpane::Privileged::Progress progress = Snowpane::Privileged::progressOf(data);
        qCDebug(SNOWPANE_PRIVILEGED) << actionName() << "progress" << progress.phase << progress.activity;
        setProgress(std::move(progress));
    }
}

void PrivilegedJob::onExecuteJobResult(KAuth::ExecuteJob *job)
{
    if (state() != State::Running) {
        return;
    }
    m_job = nullptr;
    const int code = job->error();
    if (code == KJob::NoError) {
        const QVariantMap data = job->data();
        if (data.value(QLatin1String(Protocol::Key::Request)).toString() != m_request) {
            // KAuth hands every client of the same action the reply of whichever request finished.
            finish(ErrorKind::Busy, tr("The helper was busy with another operation. Try again when it has finished."));
            return;
        }
        finishWith(data);
        return;
    }
    const QString text = job->errorText();
    switch (code) {
    case KAuth::ActionReply::AuthorizationDeniedError:
        finish(ErrorKind::NotAuthorised, tr("You are not allowed to do this."));
        return;
    case KAuth::ActionReply::UserCancelledError:
        finish(ErrorKind::NotAuthorised, tr("Authentication was cancelled."));
        return;
    case KAuth::ActionReply::HelperBusyError:
        finish(ErrorKind::Busy, tr("The helper is busy with another operation."));
        return;
    case KAuth::ActionReply::NoResponderError:
    case KAuth::ActionReply::NoSuchActionError:
    case KAuth::ActionReply::InvalidActionError:
        finish(ErrorKind::HelperMissing, tr("The Snowpane helper is not installed or does not know this action (%1).").arg(text));
        return;
    case KAuth::ActionReply::DBusError:
        if (text.contains("service start"_L1) || text.contains("ServiceUnknown"_L1)) {
            finish(ErrorKind::HelperMissing, tr("The Snowpane helper is not installed: %1").arg(text));
        } else {
            finish(ErrorKind::Failed, text);
        }
        return;
    default:
        break;
    }
    if (!m_accepted && code >= int(Protocol::HelperError::Failed)) {
        // A helper error without our own acceptance belongs to another request.
        finish(ErrorKind::Busy, tr("The helper was busy with another operation. Try again when it has finished."));
        return;
    }
    switch (Protocol::HelperError(code)) {
    case Protocol::HelperError::Busy:
        finish(ErrorKind::Busy, text);
        return;
    case Protocol::HelperError::Cancelled:
        finish(ErrorKind::Cancelled, tr("Cancelled."));
        return;
    case Protocol::HelperError::TimedOut:
        finish(ErrorKind::TimedOut, text);
        return;
    case Protocol::HelperError::InvalidArguments:
        finish(ErrorKind::InvalidRequest, text);
        return;
    default:
        finish(ErrorKind::Failed, text.isEmpty() ? tr("The operation failed.") : text);
        return;
    }
}

void PrivilegedJob::disconnectFromHelper()
{
    m_busyTimer.stop();
    QDBusConnection::systemBus().disconnect(QLatin1String(Protocol::HelperId),
                                            u"/"_s,
                                            QLatin1String(KAuthInterface),
                                            u"remoteSignal"_s,
                                            this,
                                            SLOT(onRemoteSignal(int, QString, QByteArray)));
}

void PrivilegedJob::finish(ErrorKind kind, const QString &message)
{
    disconnectFromHelper();
    qCInfo(SNOWPANE_PRIVILEGED) << actionName() << "failed:" << kind << message;
    if (m_finishedEvent.isEmpty()) {
        fail(kind, message);
        return;
    }
    fail(kind, message, Snowpane::Privileged::failureDataOf(m_finishedEvent), Snowpane::Privileged::errorLocationOf(m_finishedEvent));
}

void PrivilegedJob::finishWith(const QVariantMap &result)
{
    disconnectFromHelper();
    succeed(result);
}

}

namespace Snowpane::Privileged
{

Job *KAuthRunner::createJob(const Request &request, QObject *parent)
{
    auto *job = new Snowpane::Privileged::PrivilegedJob(request, parent);
    job->setParentWindow(QGuiApplication::focusWindow());
    return job;
}

}
