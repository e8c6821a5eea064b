// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace Snowpane::Helper
{

/**
 * A cancel request's id as it may be written to the log. Anyone on the bus
 * may call cancel() with any string: only an id of the form requests carry
 * (validateRequestId) is logged as it is, anything else by its length
 * alone, so that no caller can flood the journal or forge lines in it.
 */
[[nodiscard]] QString loggableRequestId(const QString &request);

/**
 * Who may stop the running operation. KAuth's own stopAction is global: any
 * caller on the system bus may send it, and one sent while the helper is
 * idle stops the next operation, whoever starts it. The helper ignores it
 * and takes cancellation only through this gate, which accepts a request
 * that names the running operation's request id and comes from the user who
 * started it. With nothing running there is nothing to stop, and nothing is
 * remembered for later.
 */
class CancelGate
{
public:
    /** An operation starts: @p request is the id its client sent, @p callerUid who asked for it. */
    void begin(const QString &request, int callerUid);
    /** The operation ended; later requests find nothing to stop. */
    void end();

    /** A cancel request from @p senderUid; true when it stops the running operation. */
    bool requestCancel(const QString &request, int senderUid);

    [[nodiscard]] bool stopRequested() const
    {
        return m_stopRequested;
    }

private:
    bool m_running = false;
    QString m_request;
    int m_callerUid = -1;
    bool m_stopRequested = false;
};

}
