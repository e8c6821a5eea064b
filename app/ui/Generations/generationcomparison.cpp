// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Generations/generationcomparison.h"

#include "Generations/generationshared.h"
#include "closurereader.h"
#include "generationlink.h"
#include "generationreader.h"
#include "gitdiff.h"
#include "gitrepository.h"
#include "snowpanesettings.h"
#include "systemdiff.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;
using Snowpane::Ui::GenerationComparisonResult;

namespace
{

// The configuration half of a comparison; fills diff, file count or the reason there is none.
void compareConfigurations(GenerationComparisonResult &result, const QString &directory, const Generation &before, const Generation &after)
{
    const auto opened = GitRepository::open(directory);
    if (!opened.repository) {
        result.configurationProblem = opened.status == GitRepository::OpenResult::Status::NotARepository
            ? GenerationComparison::tr("The configuration in %1 is not kept in git, so the configuration files of generations cannot be compared.")
                  .arg(directory)
            : GenerationComparison::tr("The configuration's git history in %1 cannot be read: %2").arg(directory, opened.error);
        return;
    }
    QString commits[2];
    for (const auto &[generation, commit] : {std::pair{&before, &commits[0]}, std::pair{&after, &commits[1]}}) {
        const GenerationCommit link = commitOfGeneration(*opened.repository, *generation);
        if (link.commit.isEmpty()) {
            result.configurationProblem = link.error.isEmpty()
                ? GenerationComparison::tr("Generation %1 is not linked to a commit of the configuration, so its configuration files cannot be compared.")
                      .arg(generation->number)
                : link.error;
            return;
        }
        *commit = link.commit;
    }
    const ConfigurationDiff diff = diffCommits(*opened.repository, commits[0], commits[1]);
    if (!diff.isValid()) {
        result.configurationProblem = diff.error;
        return;
    }
    result.configurationDiff = diff.text;
    result.changedFiles = int(diff.files.size());
}

} // namespace

namespace Snowpane::Ui
{

GenerationComparisonResult compareGenerations(const QString &profile, const QString &configurationDirectory, int before, int after)
{
    GenerationComparisonResult result;
    result.before = before;
    result.after = after;
    const GenerationReader reader(profile);
    Generation generations[2];
    for (int i = 0; i < 2; ++i) {
        const int number = i == 0 ? before : after;
        const QString link = reader.linkPathOf(number);
        if (!QFileInfo(link).isSymLink()) {
            result.packages.error = GenerationComparison::tr("Generation %1 is not in the system profile any more.").arg(number);
            return result;
        }
        generations[i] = GenerationReader::readGeneration(link, number);
        if (generations[i].storePath.isEmpty()) {
            result.packages.error = GenerationComparison::tr("Generation %1 cannot be read: %2").arg(number).arg(generations[i].problem);
            return result;
        }
    }
    result.packages = diffSystems(*sharedClosureReader(), generations[0].storePath, generations[1].storePath);
    if (!result.packages.isValid()) {
        result.errorDetails = result.packages.error;
        result.packages.error = GenerationComparison::tr("The packages of generations %1 and %2 cannot be read from the Nix store.").arg(before).arg(after);
    }
    compareConfigurations(result, configurationDirectory, generations[0], generations[1]);
    return result;
}

} // namespace Snowpane::Ui

GenerationComparison::GenerationComparison(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<GenerationComparisonResult>::finished, this, &GenerationComparison::finished);
}

GenerationComparison::~GenerationComparison()
{
    m_watcher.cancel();
}

QString GenerationComparison::sizeBeforeText() const
{
    return Snowpane::Ui::formatClosureSize(m_result.packages.sizeBefore);
}

QString GenerationComparison::sizeAfterText() const
{
    return Snowpane::Ui::formatClosureSize(m_result.packages.sizeAfter);
}

QString GenerationComparison::sizeDeltaText() const
{
    return Snowpane::Ui::formatSizeDelta(m_result.packages.sizeDelta());
}

void GenerationComparison::compare(int first, int second)
{
    const int before = std::min(first, second);
    const int after = std::max(first, second);
    if (before <= 0 || before == after) {
        clear();
        return;
    }
    m_watcher.cancel();
    if (m_before != before || m_after != after) {
        m_before = before;
        m_after = after;
        Q_EMIT requestChanged();
        if (m_hasResult) {
            // An old result beside new numbers would say something false.
            m_hasResult = false;
            m_result = {};
            m_packages.setChanges({});
            Q_EMIT resultChanged();
        }
    }
    setBusy(true);
    // The settings are read here, in the window's thread; the worker only gets their values.
    const QString profile = SnowpaneSettings::self()->profile();
    const QString directory = SnowpaneSettings::self()->configurationDirectory();
    m_watcher.setFuture(
        Snowpane::Ui::runInThreadPool<GenerationComparisonResult>([profile, directory, before, after](QPromise<GenerationComparisonResult> &promise) {
            promise.addResult(Snowpane::Ui::compareGenerations(profile, directory, before, after));
        }));
}

void GenerationComparison::refresh()
{
    if (m_before > 0 && m_after > 0) {
        compare(m_before, m_after);
    }
}

void GenerationComparison::clear()
{
    m_watcher.cancel();
    setBusy(false);
    const bool requested = m_before != 0 || m_after != 0;
    m_before = 0;
    m_after = 0;
    if (requested) {
        Q_EMIT requestChanged();
    }
    m_hasResult = false;
    m_result = {};
    m_packages.setChanges({});
    Q_EMIT resultChanged();
}

void GenerationComparison::finished()
{
    // A cancelled future (superseded by a newer compare()) also finishes; only its successor counts.
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        return;
    }
    GenerationComparisonResult result = m_watcher.result();
    if (result.before != m_before || result.after != m_after) {
        return;
    }
    m_result = std::move(result);
    m_packages.setChanges(m_result.packages.changes);
    m_hasResult = true;
    setBusy(false);
    Q_EMIT resultChanged();
}

void GenerationComparison::setBusy(bool busy)
{
    if (m_busy != busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}
