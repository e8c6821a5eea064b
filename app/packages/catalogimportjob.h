// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "catalogimporter.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Snowpane::Packages
{

/**
 * A catalog import on a worker thread, for callers with an event loop. The
 * signals arrive on the job's own thread; progress reports are coalesced (at
 * most one waits in the event queue, carrying the newest figures), so a fast
 * import cannot flood the caller. start() returns at once. Destroying a running job cancels it and
 * waits for the worker, which stops within a package (or 200 ms while nix-env
 * evaluates).
 */
class CatalogImportJob : public QObject
{
    Q_OBJECT

public:
    explicit CatalogImportJob(ImportRequest request, QObject *parent = nullptr);
    ~CatalogImportJob() override;

    void start();
    void cancel();
    [[nodiscard]] bool isRunning() const;
    /// Valid after finished().
    [[nodiscard]] ImportResult result() const;

Q_SIGNALS:
    void progress(qint64 bytes, qint64 totalBytes, qint64 packages);
    void finished();

private:
    void reportProgress(const ImportProgress &report);

    ImportRequest m_request;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_progressQueued{false};
    mutable QMutex m_mutex;
    ImportProgress m_latest;
    ImportResult m_result;
    QThread *m_thread = nullptr;
};

} // namespace Snowpane::Packages
