// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "actionauthorization.h"

#include "privilegedlogging.h"

#include <PolkitQt1/Authority>
#include <PolkitQt1/Subject>

#include <QCoreApplication>

namespace Snowpane::Privileged
{

ActionAuthorization::ActionAuthorization(QStringList actions, QObject *parent)
    : QObject(parent)
    , m_actions(std::move(actions))
{
    PolkitQt1::Authority *authority = PolkitQt1::Authority::instance();
    // configChanged: rules or actions changed; consoleKitDBChanged: sessions changed, and with them "active".
    connect(authority, &PolkitQt1::Authority::configChanged, this, &ActionAuthorization::refresh);
    connect(authority, &PolkitQt1::Authority::consoleKitDBChanged, this, &ActionAuthorization::refresh);
    connect(authority, &PolkitQt1::Authority::checkAuthorizationFinished, this, [this](PolkitQt1::Authority::Result result) {
        answered(int(result));
    });
    refresh();
}

ActionAuthorization::~ActionAuthorization() = default;

void ActionAuthorization::refresh()
{
    if (!m_asking.isEmpty()) {
        // The answer on its way may predate the change: ask everything again once it is in.
        m_again = true;
        return;
    }
    m_queue = m_actions;
    askNext();
}

void ActionAuthorization::askNext()
{
    if (m_queue.isEmpty()) {
        m_asking.clear();
        Q_EMIT changed();
        return;
    }
    PolkitQt1::Authority *authority = PolkitQt1::Authority::instance();
    if (!authority->hasError()) {
        m_asking = m_queue.takeFirst();
        // This process is the subject: the helper's check names the caller on the bus, which is this process.
        authority->checkAuthorization(m_asking, PolkitQt1::UnixProcessSubject(QCoreApplication::applicationPid()), PolkitQt1::Authority::None);
    }
    if (authority->hasError()) {
        // No polkit to ask (no system bus, no polkitd): nothing is known, and the request itself will say what is wrong.
        qCInfo(SNOWPANE_PRIVILEGED) << "cannot ask polkit:" << authority->errorDetails();
        m_queue.clear();
        m_asking.clear();
        Q_EMIT changed();
    }
}

void ActionAuthorization::answered(int result)
{
    if (m_asking.isEmpty()) {
        return; // someone else's question on the shared Authority
    }
    Answer answer = Answer::Unknown;
    switch (PolkitQt1::Authority::Result(result)) {
    case PolkitQt1::Authority::Yes:
        answer = Answer::Allowed;
        break;
    case PolkitQt1::Authority::Challenge:
        answer = Answer::NeedsAuthentication;
        break;
    case PolkitQt1::Authority::No:
        answer = Answer::Refused;
        break;
    case PolkitQt1::Authority::Unknown:
        qCInfo(SNOWPANE_PRIVILEGED) << "polkit gave no answer for" << m_asking << PolkitQt1::Authority::instance()->errorDetails();
        break;
    }
    const bool differs = m_answers.value(m_asking, Answer::Unknown) != answer;
    m_answers.insert(m_asking, answer);
    if (differs) {
        qCDebug(SNOWPANE_PRIVILEGED) << "polkit answers" << answer << "for" << m_asking;
    }
    if (m_again) {
        m_again = false;
        m_queue = m_actions;
    }
    askNext();
}

} // namespace Snowpane::Privileged
