// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "e2eworld.h"

#include "generationreader.h"

#include <QFile>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

using Snowpane::Privileged::PrivilegedJob;

namespace EndToEnd
{

QString work()
{
    return qEnvironmentVariable("SNOWPANE_E2E_WORK");
}

QString configDir()
{
    return qEnvironmentVariable("SNOWPANE_E2E_CONFIG");
}

QString profile()
{
    return work() + u"/profiles/system"_s;
}

QString state(const QString &name)
{
    return work() + u"/state/"_s + name;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString readText(const QString &path)
{
    return QString::fromUtf8(readFile(path));
}

int currentGeneration()
{
    const auto current = Snowpane::System::GenerationReader(profile()).readCurrent();
    return current ? current->number : 0;
}

bool runJob(PrivilegedJob &job, std::chrono::milliseconds limit)
{
    QSignalSpy finished(&job, &PrivilegedJob::finished);
    job.start();
    if (job.state() == PrivilegedJob::State::Running && !finished.wait(int(limit.count()))) {
        return false;
    }
    return job.state() != PrivilegedJob::State::Running;
}

bool succeeds(PrivilegedJob &job, std::chrono::milliseconds limit)
{
    return runJob(job, limit) && job.state() == PrivilegedJob::State::Succeeded;
}

}
