// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QFuture>
#include <QPromise>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace Snowpane::System
{
class ClosureReader;
}

namespace Snowpane::Ui
{

/**
 * The closure reader every Generations model shares. A store path never
 * changes, so what one model read (the list's sizes) is a cache hit for
 * the next (a comparison). It is safe to use from worker threads, and
 * workers hold their own reference, so it outlives a model that is gone.
 */
[[nodiscard]] std::shared_ptr<System::ClosureReader> sharedClosureReader();

/// A closure size in the person's locale ("1.2 GB"); empty for an unknown (negative) size.
[[nodiscard]] QString formatClosureSize(qint64 bytes);
/// A size change with its sign ("+12.3 MB", "−4 KB", "no change").
[[nodiscard]] QString formatSizeDelta(qint64 bytes);

/**
 * Runs @p work (a callable taking a QPromise<T>&) on the global thread pool
 * and returns its future, for a QFutureWatcher in the window's thread. Work
 * that reports through the promise checks isCanceled() between steps, so
 * that a model that reloads or goes away stops it early.
 */
template<typename T, typename Work>
[[nodiscard]] QFuture<T> runInThreadPool(Work work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
        work(*promise);
        promise->finish();
    });
    return future;
}

} // namespace Snowpane::Ui
