// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "cancelgate.h"

#include "validation.h"

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

QString loggableRequestId(const QString &request)
{
    if (validateRequestId(request).isOk()) {
        return request;
    }
    return u"a malformed id of %1 characters"_s.arg(request.size());
}

void CancelGate::begin(const QString &request, int callerUid)
{
    m_running = true;
    m_request = request;
    m_callerUid = callerUid;
    m_stopRequested = false;
}

void CancelGate::end()
{
    m_running = false;
    m_request.clear();
    m_callerUid = -1;
    m_stopRequested = false;
}

bool CancelGate::requestCancel(const QString &request, int senderUid)
{
    // An operation without a request id (an old or foreign client) cannot be
    // named, so it cannot be cancelled: better than letting anyone stop it.
    if (!m_running || m_request.isEmpty() || !validateRequestId(request).isOk() || request != m_request) {
        return false;
    }
    // The uid D-Bus vouches for, not one the message claims.
    if (m_callerUid < 0 || senderUid != m_callerUid) {
        return false;
    }
    m_stopRequested = true;
    return true;
}

}
