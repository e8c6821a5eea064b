// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "cancelendpoint.h"
#include "cancelgate.h"
#include "operations.h"

#include <KAuth/ActionReply>

#include <QObject>

/**
 * The KAuth responder. Each public slot is one polkit action and is
 * reachable over D-Bus, so nothing else is a public slot. A slot parses its
 * arguments with the pure validators, runs one Operations call, and turns
 * the result into an ActionReply.
 */
class SnowpaneHelper : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    KAuth::ActionReply writeconfig(const QVariantMap &arguments);
    KAuth::ActionReply rebuild(const QVariantMap &arguments);
    KAuth::ActionReply switchgeneration(const QVariantMap &arguments);
    KAuth::ActionReply initrepo(const QVariantMap &arguments);
    KAuth::ActionReply restoreconfig(const QVariantMap &arguments);
    KAuth::ActionReply deletegenerations(const QVariantMap &arguments);
    KAuth::ActionReply updatesources(const QVariantMap &arguments);
    KAuth::ActionReply rollbackchannels(const QVariantMap &arguments);

private:
    using Body = std::function<Snowpane::Helper::OperationResult(Snowpane::Helper::Operations &, const QVariantMap &)>;
    [[nodiscard]] KAuth::ActionReply perform(const char *action, const QVariantMap &arguments, const Body &body);

    bool m_busy = false;
    Snowpane::Helper::CancelGate m_cancelGate;
    CancelEndpoint m_cancelEndpoint{m_cancelGate};
};
