// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "activation.h"

#include "remotelogging.h"
#include "remotescripts.h"
#include "sshclient.h"

#include <QElapsedTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Done:
        return u"done"_s;
    case Outcome::RolledBack:
        return u"rolled back"_s;
    case Outcome::Failed:
        return u"failed"_s;
    case Outcome::Unreachable:
        return u"unreachable"_s;
    case Outcome::Cancelled:
        return u"cancelled"_s;
    }
    return u"failed"_s;
}

namespace
{

// The rollback's own deadline minus this is how long confirming is retried:
// a confirmation that lands after the machine began rolling back is refused
// by the machine anyway, and says so.
constexpr int confirmMarginSeconds = 2;

void readCommon(ActivationResult &result, const QHash<QString, QString> &markers)
{
    result.previousGeneration = markers.value(u"previous-generation"_s).toInt();
    result.generation = markers.value(u"generation"_s).toInt();
    result.system = markers.value(u"system"_s);
    result.previousSystem = markers.value(u"previous-system"_s);
    result.rollbackScheduled = markers.contains(u"rollback-scheduled"_s);
}

QString previousName(const ActivationResult &result)
{
    return result.previousGeneration > 0 ? u"generation %1"_s.arg(result.previousGeneration) : u"its previous system"_s;
}

// The person cancelled after the activation began: it stands unconfirmed, so
// the machine's own rollback is due anyway; it is run now rather than at its
// deadline. Unreachable, the schedule still does it. On a fresh connection:
// the shared one may be closing already (see afterActivation).
ActivationResult rollBackForCancel(const SshClient &client, const QString &token, const ActivationRequest &request, ActivationResult result)
{
    const RemoteResult rolled = client.runScript(Scripts::rollBackNow(token), true, {}, true);
    const QHash<QString, QString> answer = readMarkers(rolled.output());
    result.outcome = Outcome::Cancelled;
    result.error = RemoteError::Cancelled;
    const QString status = answer.value(u"rolled-back"_s);
    if (rolled.succeeded() && status == u"0"_s) {
        result.message = u"cancelled after the activation; %1 rolled back to %2"_s.arg(client.target().destination(), previousName(result));
    } else if (rolled.succeeded() && !status.isEmpty()) {
        result.outcome = Outcome::Failed;
        result.error = RemoteError::ActivationFailed;
        result.message =
            u"cancelled after the activation; rolling %1 back to %2 failed (exit code %3)"_s.arg(client.target().destination(), previousName(result), status);
    } else {
        result.message = u"cancelled after the activation; %1 was not confirmed and rolls back to %2 by itself within %3 s"_s
                             .arg(client.target().destination(), previousName(result))
                             .arg(request.rollbackSeconds);
    }
    return result;
}

} // namespace

ActivationResult activateRemotely(const SshClient &client, const ActivationRequest &request, const std::function<void(const QString &)> &log)
{
    ActivationResult result;
    Scripts::Activation plan;
    plan.profile = request.profile;
    plan.currentSystem = request.currentSystem;
    plan.systemPath = request.systemPath;
    plan.generation = request.generation;
    plan.action = request.action;
    plan.rollbackSeconds = request.rollbackSeconds;
    plan.token = Scripts::newToken();
    plan.systemd = request.systemd;

    QElapsedTimer sinceScheduled;
    sinceScheduled.start();
    // Never cut in half: a cancel waits for switch-to-configuration to end.
    const RemoteResult activated = client.runScript(Scripts::activate(plan), false, log, true);
    const QHash<QString, QString> markers = readMarkers(activated.output());
    readCommon(result, markers);
    result.log = activated.process.errorText();

    if (!activated.succeeded()) {
        if (markers.contains(u"activation-exit"_s)) {
            // switch-to-configuration itself failed; with a schedule the script rolled back at once.
            result.error = RemoteError::ActivationFailed;
            if (markers.contains(u"rolled-back"_s)) {
                result.outcome = Outcome::RolledBack;
                result.message = u"activation failed (switch-to-configuration exited with %1); %2 rolled back to %3"_s.arg(markers.value(u"activation-exit"_s),
                                                                                                                           client.target().destination(),
                                                                                                                           previousName(result));
            } else {
                result.outcome = Outcome::Failed;
                result.message = u"activation failed (switch-to-configuration exited with %1); not rolled back: %2"_s.arg(markers.value(u"activation-exit"_s),
                                                                                                                          result.log.section(u'\n', -3));
            }
            return result;
        }
        if (!result.rollbackScheduled) {
            result.error = activated.error;
            result.outcome = activated.error == RemoteError::Unreachable ? Outcome::Unreachable : Outcome::Failed;
            result.message = activated.error == RemoteError::Failed ? u"activation failed: "_s + activated.message : activated.message;
            if (activated.error == RemoteError::Failed) {
                result.error = RemoteError::ActivationFailed;
            }
            return result;
        }
        // The connection broke during the activation (a new sshd or firewall): confirming decides.
        qCInfo(SNOWPANE_REMOTE) << "the activation's connection ended:" << activated.message;
    }

    if (!result.rollbackScheduled) {
        result.outcome = Outcome::Done;
        return result;
    }

    if (request.afterActivation) {
        request.afterActivation();
    }
    const qint64 deadlineMs = qint64(request.rollbackSeconds - confirmMarginSeconds) * 1000;
    RemoteResult confirmed;
    do {
        if (isRaised(request.cancel)) {
            return rollBackForCancel(client, plan.token, request, std::move(result));
        }
        confirmed = client.runScript(Scripts::confirm(plan.token), true);
        if (confirmed.succeeded() || confirmed.error != RemoteError::Unreachable) {
            break;
        }
        QThread::msleep(1000);
    } while (sinceScheduled.elapsed() < deadlineMs);

    const QHash<QString, QString> answer = readMarkers(confirmed.output());
    if (confirmed.succeeded() && answer.contains(u"confirmed"_s)) {
        result.outcome = Outcome::Done;
        return result;
    }
    result.outcome = Outcome::RolledBack;
    result.error = confirmed.succeeded() ? RemoteError::None : confirmed.error;
    if (confirmed.succeeded()) {
        result.message =
            u"%1 was reached again only after its rollback had begun; it rolled back to %2"_s.arg(client.target().destination(), previousName(result));
    } else {
        result.message = u"after the activation, no new connection to %1 succeeded (%2); the machine rolls back to %3 by itself within %4 s"_s
                             .arg(client.target().destination(), confirmed.message)
                             .arg(previousName(result))
                             .arg(request.rollbackSeconds);
    }
    return result;
}

} // namespace Snowpane::Remote
