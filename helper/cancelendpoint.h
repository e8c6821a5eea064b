// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "cancelgate.h"

#include <QDBusContext>
#include <QObject>

/**
 * The helper's cancel method on the system bus, beside KAuth's object:
 * io.github.snowpane.Cancel.cancel(request) on /io/github/snowpane/Cancel.
 * It asks the bus daemon for the sender's uid and lets the CancelGate
 * decide. It is not a KAuth slot and needs no polkit action: it can only
 * stop what the same user started.
 */
class CancelEndpoint : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "io.github.snowpane.Cancel")

public:
    explicit CancelEndpoint(Snowpane::Helper::CancelGate &gate);

    /** Registers the object on the system bus once; false (and logged) when that fails. */
    bool registerOnSystemBus();

public Q_SLOTS:
    /** True when the running operation is @p request and the caller started it. */
    Q_SCRIPTABLE bool cancel(const QString &request);

private:
    Snowpane::Helper::CancelGate &m_gate;
    bool m_registered = false;
};
