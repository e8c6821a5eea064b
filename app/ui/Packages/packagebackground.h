// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QSet>
#include <QThread>

#include <memory>
#include <optional>
#include <utility>

/**
 * One-off work for the package backends that must not run on the window's
 * thread: finding nixpkgs (which may run Nix), checking a catalog's age and
 * fingerprint (which may walk a checkout), reading the system's packages.
 * Each task gets a thread of its own and hands its result back on the
 * owner's thread. The owner's destruction waits for running tasks, so no
 * thread outlives the data it reads; their results are then dropped.
 */
class PackageBackground
{
public:
    PackageBackground() = default;
    PackageBackground(const PackageBackground &) = delete;
    PackageBackground &operator=(const PackageBackground &) = delete;
    ~PackageBackground()
    {
        for (QThread *thread : std::as_const(m_threads)) {
            thread->wait();
            delete thread;
        }
    }

    /// Runs @p work on a new thread, then @p done with its result on @p context's thread.
    template<typename Work, typename Done>
    void run(QObject *context, Work work, Done done)
    {
        using Result = decltype(work());
        auto result = std::make_shared<std::optional<Result>>();
        QThread *thread = QThread::create([work = std::move(work), result]() mutable {
            result->emplace(work());
        });
        m_threads.insert(thread);
        QObject::connect(thread, &QThread::finished, context, [this, thread, result, done = std::move(done)]() mutable {
            m_threads.remove(thread);
            thread->deleteLater();
            done(std::move(**result));
        });
        thread->start(QThread::LowPriority);
    }

    [[nodiscard]] bool isIdle() const
    {
        return m_threads.isEmpty();
    }

private:
    QSet<QThread *> m_threads;
};
