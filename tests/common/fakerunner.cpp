// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "fakerunner.h"

#include <QTimer>

using namespace Qt::StringLiterals;
using Snowpane::Privileged::Job;
using Snowpane::Privileged::Request;

namespace
{

class FakeJob : public Job
{
    Q_OBJECT
public:
    FakeJob(const Request &request, FakeRunner::Step step, QObject *parent)
        : Job(request, parent)
        , m_step(std::move(step))
    {
    }

    void start() override
    {
        if (state() != State::Idle) {
            return;
        }
        setRunning();
        // Like the helper, the fake answers later, from the event loop: a controller must not rely on a synchronous end.
        QTimer::singleShot(0, this, &FakeJob::run);
    }

    void cancel() override
    {
        if (state() != State::Running) {
            return;
        }
        if (!m_step.ignoresCancel) {
            fail(ErrorKind::Cancelled, u"Cancelled."_s);
            return;
        }
        if (m_step.hold) {
            end();
        }
    }

    [[nodiscard]] bool isHeld() const
    {
        return state() == State::Running && m_step.hold && m_ran;
    }

    void end()
    {
        if (m_step.error == ErrorKind::NoError) {
            succeed(m_step.reply);
        } else {
            fail(m_step.error, m_step.message.isEmpty() ? u"scripted failure of %1"_s.arg(actionName()) : m_step.message, m_step.reply);
        }
    }

private:
    void run()
    {
        if (state() != State::Running) {
            return;
        }
        for (const auto &progress : std::as_const(m_step.progress)) {
            setProgress(progress);
            if (state() != State::Running) {
                return; // a controller cancelled from a progress signal
            }
        }
        m_ran = true;
        if (!m_step.hold) {
            end();
        }
    }

    FakeRunner::Step m_step;
    bool m_ran = false;
};

} // namespace

FakeRunner::Step FakeRunner::succeeds(const char *action, const QVariantMap &reply)
{
    Step step;
    step.action = QLatin1String(action);
    step.reply = reply;
    return step;
}

FakeRunner::Step FakeRunner::fails(const char *action, ErrorKind kind, const QString &message, const QVariantMap &failureData)
{
    Step step;
    step.action = QLatin1String(action);
    step.error = kind;
    step.message = message;
    step.reply = failureData;
    return step;
}

void FakeRunner::expect(const Step &step)
{
    m_script.append(step);
}

void FakeRunner::expect(const QList<Step> &steps)
{
    m_script.append(steps);
}

QStringList FakeRunner::actions() const
{
    QStringList names;
    for (const auto &request : m_requests) {
        names.append(request.action);
    }
    return names;
}

Job *FakeRunner::heldJob() const
{
    for (const auto &job : m_jobs) {
        if (auto *fake = static_cast<FakeJob *>(job.data()); fake && fake->isHeld()) {
            return fake;
        }
    }
    return nullptr;
}

void FakeRunner::release()
{
    if (auto *job = static_cast<FakeJob *>(heldJob())) {
        job->end();
    }
}

Job *FakeRunner::createJob(const Request &request, QObject *parent)
{
    m_requests.append(request);
    Step step;
    if (m_script.isEmpty()) {
        m_mismatches.append(u"unexpected request %1: the script is used up"_s.arg(request.action));
        step.error = ErrorKind::InvalidRequest;
        step.message = m_mismatches.last();
    } else {
        step = m_script.takeFirst();
        if (!step.action.isEmpty() && step.action != request.action) {
            m_mismatches.append(u"expected %1, got %2"_s.arg(step.action, request.action));
            step = Step{};
            step.error = ErrorKind::InvalidRequest;
            step.message = m_mismatches.last();
        }
    }
    auto *job = new FakeJob(request, std::move(step), parent);
    m_jobs.append(job);
    return job;
}

#include "fakerunner.moc"
