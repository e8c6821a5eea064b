// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The half of UpdateController that the Updates page reads: the preview and
// the sources in words. The state machine that fills them is in
// updatecontroller.cpp.

#include "Updates/updatecontroller.h"

#include "Generations/generationshared.h"
#include "Updates/updatetexts.h"
#include "snowpanesettings.h"
#include "windowstate.h"

using namespace Qt::StringLiterals;

void UpdateController::reloadSource()
{
    const auto source = Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile());
    const QString text = Snowpane::Ui::UpdateTexts::nixpkgsText(source, QDateTime::currentDateTime());
    if (text != m_currentNixpkgsText) {
        m_currentNixpkgsText = text;
        Q_EMIT sourceChanged();
    }
}

QList<UpdateSource> UpdateController::sources() const
{
    QList<UpdateSource> list;
    for (const auto &source : m_update.sources) {
        list.append(UpdateSource{source.name,
                                 Snowpane::Ui::UpdateTexts::changeText(source),
                                 Snowpane::Ui::UpdateTexts::shortRevision(source.revisionBefore),
                                 Snowpane::Ui::UpdateTexts::shortRevision(source.revisionAfter),
                                 Snowpane::Ui::UpdateTexts::dateText(source.dateBefore),
                                 Snowpane::Ui::UpdateTexts::dateText(source.dateAfter)});
    }
    return list;
}

bool UpdateController::isRebootNeeded() const
{
    return !m_preview.kernelAfter.isEmpty() && m_preview.kernelBefore != m_preview.kernelAfter;
}

QString UpdateController::sizeBeforeText() const
{
    return m_preview.packages.sizeBefore > 0 ? Snowpane::Ui::formatClosureSize(m_preview.packages.sizeBefore) : QString();
}

QString UpdateController::sizeAfterText() const
{
    return m_preview.packages.sizeAfter > 0 ? Snowpane::Ui::formatClosureSize(m_preview.packages.sizeAfter) : QString();
}

QString UpdateController::sizeDeltaText() const
{
    return m_preview.packages.sizeAfter > 0 ? Snowpane::Ui::formatSizeDelta(m_preview.packages.sizeDelta()) : QString();
}

QString UpdateController::kernelText() const
{
    return Snowpane::Ui::UpdateTexts::kernelText(m_preview.kernelBefore, m_preview.kernelAfter);
}

QString UpdateController::summary() const
{
    if (!isPreviewShown()) {
        return {};
    }
    if (!m_packagesKnown) {
        return m_watcher.isRunning() ? tr("Newer package sources. Working out which package versions change…")
                                     : tr("Newer package sources. Which package versions change is not known.");
    }
    return Snowpane::Ui::UpdateTexts::packageSummary(m_packages.upgradedCount(),
                                                     m_packages.downgradedCount(),
                                                     m_packages.addedCount(),
                                                     m_packages.removedCount());
}

QString UpdateController::unitsNote() const
{
    if (!m_update.complete) {
        return tr("Which services the update restarts, starts or stops was not worked out: the check stopped before it, or it failed.");
    }
    return m_update.units.isEmpty() ? tr("Switching to the update restarts, starts or stops no services.") : QString();
}

QString UpdateController::packagesNote() const
{
    if (!m_packagesKnown) {
        return m_watcher.isRunning() ? tr("Working out which package versions change…") : tr("Which package versions change is not known.");
    }
    return m_packages.rowCount() == 0 ? tr("No package versions change.") : QString();
}

QDateTime UpdateController::lastChecked() const
{
    return WindowState::self()->lastUpdateCheck();
}

QString UpdateController::lastCheckedText() const
{
    return Snowpane::Ui::UpdateTexts::lastCheckedText(lastChecked(), QDateTime::currentDateTime());
}

bool UpdateController::checkedRecently() const
{
    const QDateTime when = lastChecked();
    return when.isValid() && when.daysTo(QDateTime::currentDateTime()) < 7;
}
