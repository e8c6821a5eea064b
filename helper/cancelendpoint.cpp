// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "cancelendpoint.h"

#include "helperlogging.h"
#include "helperprotocol.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>

CancelEndpoint::CancelEndpoint(Snowpane::Helper::CancelGate &gate)
    : m_gate(gate)
{
}

bool CancelEndpoint::registerOnSystemBus()
{
    if (m_registered) {
        return true;
    }
    // KAuth's helper talks on the system bus connection; this object shares it.
    m_registered =
        QDBusConnection::systemBus().registerObject(QLatin1String(Snowpane::Protocol::Cancel::ObjectPath), this, QDBusConnection::ExportScriptableSlots);
    if (!m_registered) {
        qCWarning(SNOWPANE_HELPER) << "cannot register the cancel object:" << QDBusConnection::systemBus().lastError().message();
    }
    return m_registered;
}

bool CancelEndpoint::cancel(const QString &request)
{
    if (!calledFromDBus()) {
        return false;
    }
    QDBusConnectionInterface *bus = connection().interface();
    const QDBusReply<uint> uid = bus ? bus->serviceUid(message().service()) : QDBusReply<uint>();
    const int sender = uid.isValid() ? int(uid.value()) : -1;
    const bool accepted = m_gate.requestCancel(request, sender);
    qCInfo(SNOWPANE_HELPER).noquote() << "cancel of" << Snowpane::Helper::loggableRequestId(request) << "from uid" << sender
                                      << (accepted ? "accepted" : "ignored");
    return accepted;
}

#include "moc_cancelendpoint.cpp"
