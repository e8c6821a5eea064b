// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "catalogimportjob.h"

#include <QMetaObject>
#include <QThread>

namespace Snowpane::Packages
{

CatalogImportJob::CatalogImportJob(ImportRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
}

CatalogImportJob::~CatalogImportJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void CatalogImportJob::start()
{
    if (m_thread) {
        return;
    }
    m_cancel = false;
    m_progressQueued = false;
    m_thread = QThread::create([this] {
        ImportResult result = CatalogImporter::run(m_request, &m_cancel, [this](const ImportProgress &p) {
            reportProgress(p);
        });
        QMutexLocker locker(&m_mutex);
        m_result = std::move(result);
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        // A progress report still queued would arrive after finished(); drop it.
        m_progressQueued = true;
        Q_EMIT finished();
    });
    m_thread->start(QThread::LowPriority);
}

void CatalogImportJob::cancel()
{
    m_cancel = true;
}

bool CatalogImportJob::isRunning() const
{
    return m_thread != nullptr;
}

ImportResult CatalogImportJob::result() const
{
    QMutexLocker locker(&m_mutex);
    return m_result;
}

void CatalogImportJob::reportProgress(const ImportProgress &report)
{
    {
        QMutexLocker locker(&m_mutex);
        m_latest = report;
    }
    // Coalesce: one queued call at a time carries the newest figures, so a
    // fast import cannot flood the event loop.
    if (m_progressQueued.exchange(true)) {
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this] {
            ImportProgress latest;
            {
                QMutexLocker locker(&m_mutex);
                latest = m_latest;
            }
            if (!m_thread) {
                return;
            }
            m_progressQueued = false;
            Q_EMIT progress(latest.bytes, latest.totalBytes, latest.packages);
        },
        Qt::QueuedConnection);
}

} // namespace Snowpane::Packages
