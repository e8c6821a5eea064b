// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "jobrunner.h"

#include <QList>
#include <QPointer>

/**
 * A scripted stand-in for the privileged helper, so that controllers can be
 * driven through every branch without root, polkit or Nix: Discover's dummy
 * backend idea. Each request a controller makes takes the next scripted
 * step, which says which action it expects, what progress to report, and how
 * it ends (a reply, or any error kind). A held step stays running until the
 * test releases it or the controller cancels it; a cancel ends it with
 * Cancelled unless the step is past its point of no return.
 *
 * A request that does not match its step, or that comes when the script is
 * used up, fails the job with InvalidRequest and is noted in mismatches(), so
 * an unexpected step fails the test rather than passing unnoticed.
 */
class FakeRunner : public Snowpane::Privileged::JobRunner
{
public:
    using ErrorKind = Snowpane::Privileged::Job::ErrorKind;

    struct Step {
        /// The action expected (a Protocol::Action name); empty accepts any.
        QString action;
        /// NoError succeeds with `reply`; any other kind fails with it, and `reply` is the failure's data.
        ErrorKind error = ErrorKind::NoError;
        QString message;
        QVariantMap reply;
        /// Reported one after another once the job runs, before it ends.
        QList<Snowpane::Privileged::Progress> progress;
        /// Stays running after its progress until release() or a cancel.
        bool hold = false;
        /// Past the point of no return: a cancel does not stop it, it ends with its outcome.
        bool ignoresCancel = false;
    };

    /** Steps that succeed with @p reply, fail, or hold. */
    [[nodiscard]] static Step succeeds(const char *action, const QVariantMap &reply = {});
    [[nodiscard]] static Step fails(const char *action, ErrorKind kind, const QString &message = QString(), const QVariantMap &failureData = {});

    /** Appends steps to the script. */
    void expect(const Step &step);
    void expect(const QList<Step> &steps);
    /** Every request made so far, in order. */
    [[nodiscard]] QList<Snowpane::Privileged::Request> requests() const
    {
        return m_requests;
    }
    [[nodiscard]] QStringList actions() const;
    /** Steps still waiting for a request. */
    [[nodiscard]] qsizetype remaining() const
    {
        return m_script.size();
    }
    /** Requests that did not match the script, in words. */
    [[nodiscard]] QStringList mismatches() const
    {
        return m_mismatches;
    }
    /** The job that runs a held step and has not ended; null when none. */
    [[nodiscard]] Snowpane::Privileged::Job *heldJob() const;
    /** Ends the held job with its scripted outcome. */
    void release();

    [[nodiscard]] Snowpane::Privileged::Job *createJob(const Snowpane::Privileged::Request &request, QObject *parent = nullptr) override;

private:
    QList<Step> m_script;
    QList<Snowpane::Privileged::Request> m_requests;
    QStringList m_mismatches;
    QList<QPointer<Snowpane::Privileged::Job>> m_jobs;
};
