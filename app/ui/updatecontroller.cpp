// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "updatecontroller.h"

#include "closurereader.h"
#include "generationreader.h"
#include "generationshared.h"
#include "nixpkgssource.h"
#include "requests.h"
#include "snowpanesettings.h"
#include "systemcontents.h"
#include "systemdiff.h"
#include "windowstate.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
namespace Requests = Snowpane::Privileged::Requests;

namespace Snowpane::Ui
{

UpdatePreview previewUpdate(const QString &runningSystem, const QString &newSystem, const QPromise<UpdatePreview> &promise)
{
    UpdatePreview preview;
    preview.packages = System::diffSystems(*sharedClosureReader(), runningSystem, newSystem);
    if (promise.isCanceled()) {
        return preview;
    }
    if (!preview.packages.isValid()) {
        preview.error = preview.packages.error;
    }
    const QString before = QFileInfo(runningSystem).canonicalFilePath();
    preview.kernelBefore = before.isEmpty() ? QString() : System::systemContentsOf(before).kernelVersion;
    preview.kernelAfter = System::systemContentsOf(newSystem).kernelVersion;
    return preview;
}

QList<SourceChange> sourceChangesOf(const QVariantMap &reply)
{
    QList<SourceChange> changes;
    for (const QVariant &entry : reply.value(u"inputs"_s).toList()) {
        const QVariantMap input = entry.toMap();
        SourceChange change{input.value(u"name"_s).toString(),
                            input.value(u"oldRevision"_s).toString(),
                            input.value(u"newRevision"_s).toString(),
                            QDateTime::fromString(input.value(u"oldDate"_s).toString(), Qt::ISODate),
                            QDateTime::fromString(input.value(u"newDate"_s).toString(), Qt::ISODate)};
        if (change.revisionBefore != change.revisionAfter) {
            changes.append(change);
        }
    }
    return changes;
}

} // namespace Snowpane::Ui

namespace
{

QString shortRevision(const QString &revision)
{
    return revision.left(7);
}

QString dateText(const QDateTime &date)
{
    // A day without its weekday ("12 November 2024"); the translation gives the order its language uses.
    return date.isValid() ? QLocale().toString(date.toLocalTime().date(), UpdateController::tr("d MMMM yyyy", "date format of a nixpkgs revision")) : QString();
}

QString nixpkgsTextOf(const Snowpane::System::NixpkgsSource &source)
{
    if (!source.date.isValid()) {
        return source.revision.isEmpty() ? QString() : UpdateController::tr("nixpkgs at revision %1").arg(shortRevision(source.revision));
    }
    const qint64 days = std::max<qint64>(0, source.date.daysTo(QDateTime::currentDateTime()));
    return UpdateController::tr("nixpkgs from %1, %n day(s) old", nullptr, int(days)).arg(dateText(source.date));
}

} // namespace

UpdateController::UpdateController(SystemActions *actions, QObject *parent)
    : QObject(parent)
    , m_actions(actions)
{
    connect(actions, &SystemActions::stepFinished, this, &UpdateController::stepFinished);
    connect(actions, &SystemActions::stageChanged, this, &UpdateController::actionsStageChanged);
    connect(&m_watcher, &QFutureWatcher<Snowpane::Ui::UpdatePreview>::finished, this, &UpdateController::compared);
    reloadSource();
    restorePending();
}

UpdateController::~UpdateController()
{
    // The comparison holds no pointer to this: it is told to stop and left to end on its own, so quitting never waits for it.
    m_watcher.cancel();
}

UpdateController *UpdateController::create(QQmlEngine *engine, QJSEngine *)
{
    auto *actions = engine->singletonInstance<SystemActions *>("io.github.snowpane", "SystemActions");
    return new UpdateController(actions);
}

QString UpdateController::channelsProfile()
{
    // NixOS keeps root's channels beside the system profile: /nix/var/nix/profiles/per-user/root/channels.
    return QFileInfo(SnowpaneSettings::self()->profile()).absolutePath() + u"/per-user/root/channels"_s;
}

int UpdateController::systemGeneration()
{
    const auto current = Snowpane::System::GenerationReader(SnowpaneSettings::self()->profile()).readCurrent();
    return current ? current->number : 0;
}

void UpdateController::reloadSource()
{
    const auto source = Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile());
    const QString text = nixpkgsTextOf(source);
    if (text != m_currentNixpkgsText) {
        m_currentNixpkgsText = text;
        Q_EMIT sourceChanged();
    }
}

void UpdateController::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
    Q_EMIT previewChanged(); // the summary follows the state
}

QVariantList UpdateController::sources() const
{
    QVariantList list;
    for (const auto &source : m_sources) {
        // "bc3c6a1, 20 November 2024": whatever is known of one side.
        const auto side = [](const QString &revision, const QDateTime &date) {
            const QStringList parts = QStringList{shortRevision(revision), dateText(date)}.filter(QRegularExpression(u"."_s));
            return parts.isEmpty() ? tr("unknown", "revision") : parts.join(u", "_s);
        };
        list.append(QVariantMap{
            {u"name"_s, source.name},
            {u"changeText"_s,
             tr("%1 → %2", "old and new revision with dates")
                 .arg(side(source.revisionBefore, source.dateBefore), side(source.revisionAfter, source.dateAfter))},
            {u"revisionBefore"_s, shortRevision(source.revisionBefore)},
            {u"revisionAfter"_s, shortRevision(source.revisionAfter)},
            {u"dateBefore"_s, dateText(source.dateBefore)},
            {u"dateAfter"_s, dateText(source.dateAfter)},
        });
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
    if (isRebootNeeded()) {
        return tr("%1 → %2", "kernel version before and after")
            .arg(m_preview.kernelBefore.isEmpty() ? tr("unknown", "kernel version") : m_preview.kernelBefore, m_preview.kernelAfter);
    }
    return m_preview.kernelAfter.isEmpty() ? tr("unknown", "kernel version") : tr("%1, unchanged", "kernel version").arg(m_preview.kernelAfter);
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
    QStringList parts;
    if (m_packages.upgradedCount() > 0) {
        parts.append(tr("%n package(s) upgraded", "part of a list of package changes", m_packages.upgradedCount()));
    }
    if (m_packages.downgradedCount() > 0) {
        parts.append(tr("%n downgraded", "part of a list of package changes: packages downgraded", m_packages.downgradedCount()));
    }
    if (m_packages.addedCount() > 0) {
        parts.append(tr("%n added", "part of a list of package changes: packages added", m_packages.addedCount()));
    }
    if (m_packages.removedCount() > 0) {
        parts.append(tr("%n removed", "part of a list of package changes: packages removed", m_packages.removedCount()));
    }
    if (parts.isEmpty()) {
        return tr("Newer sources, but no package versions change.");
    }
    return tr("%1.", "a sentence made of the list of package changes").arg(QLocale().createSeparatedList(parts));
}

QString UpdateController::unitsNote() const
{
    if (!m_complete) {
        return tr("Which services the update restarts, starts or stops was not worked out: the check stopped before it, or it failed.");
    }
    return m_units.isEmpty() ? tr("Switching to the update restarts, starts or stops no services.") : QString();
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
    const QDateTime when = lastChecked();
    if (!when.isValid()) {
        return tr("Never checked for updates");
    }
    const qint64 seconds = std::max<qint64>(0, when.secsTo(QDateTime::currentDateTime()));
    if (seconds < 60) {
        return tr("Last checked just now");
    }
    if (seconds < 3600) {
        return tr("Last checked %n minute(s) ago", nullptr, int(seconds / 60));
    }
    if (seconds < 86400) {
        return tr("Last checked %n hour(s) ago", nullptr, int(seconds / 3600));
    }
    return tr("Last checked %n day(s) ago", nullptr, int(seconds / 86400));
}

bool UpdateController::checkedRecently() const
{
    const QDateTime when = lastChecked();
    return when.isValid() && when.daysTo(QDateTime::currentDateTime()) < 7;
}

void UpdateController::check()
{
    if (!m_actions || m_state == State::Checking || m_state == State::PreviewReady || m_state == State::Discarding) {
        return;
    }
    if (!m_actions->beginSequence(tr("Checking for updates"))) {
        return;
    }
    clearPreview();
    m_errorMessage.clear();
    m_notice.clear();
    m_sourceBefore = Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile());
    m_systemGeneration = systemGeneration();
    m_step = Step::Sources;
    setState(State::Checking);
    m_actions->runStep(Requests::updateSources(), tr("Downloading newer package sources"));
}

void UpdateController::stepFinished(bool succeeded, const QVariantMap &result, const QString &message, const QString &details)
{
    const Step step = m_step;
    if (step == Step::None) {
        return; // another controller's sequence
    }
    if (!succeeded) {
        if (step == Step::Compare) {
            m_watcher.cancel(); // a cancel between steps: the comparison's result is not wanted
        }
        switch (step) {
        case Step::Sources:
            m_step = Step::None;
            failCheck(message.isEmpty() ? tr("The newer package sources could not be downloaded. Nothing was changed.") : message, details);
            return;
        case Step::DryActivate:
            if (!m_actions->isSequenceCancelled() && !m_newSystem.isEmpty()) {
                // The build is good: the update waits, with its services shown as not worked out, rather than being thrown away.
                m_step = Step::None;
                m_complete = false;
                setState(State::PreviewReady);
                savePending();
                m_actions->finishSequence(
                    tr("The update is ready, but which services it would restart could not be worked out. Review it, then apply or discard it."));
                return;
            }
            [[fallthrough]];
        case Step::Build:
        case Step::Compare:
            m_failureMessage = message.isEmpty() ? (step == Step::Build ? tr("The updated system could not be built.")
                                                                        : tr("Snowpane could not work out which services the update would restart."))
                                                 : message;
            m_failureDetails = details;
            revertSources();
            return;
        case Step::Revert:
            // The sources stay updated: the update keeps waiting, incomplete, so that Discard can try again.
            m_step = Step::None;
            m_complete = false;
            setState(State::PreviewReady);
            savePending();
            m_actions->failSequence(m_failureMessage + u' '
                                        + tr("Putting the package sources back failed too, so they stay updated. Discard the update to try again."),
                                    details.isEmpty() ? m_failureDetails : details);
            return;
        case Step::Discard:
            m_step = Step::None;
            setState(State::PreviewReady);
            m_actions->failSequence(message.isEmpty() ? tr("The package sources could not be put back.") : message, details);
            return;
        case Step::None:
            return;
        }
    }
    if (m_actions->isSequenceCancelled() && (step == Step::Sources || step == Step::Build || step == Step::DryActivate)) {
        // The step ended before the cancel reached it: the check stops here, and changed sources go back.
        if (step == Step::Sources) {
            m_kind = result.value(u"kind"_s).toString();
            m_previousCommit = result.value(u"previousCommit"_s).toString();
            m_sources = Snowpane::Ui::sourceChangesOf(result);
            readChannelGenerations(result);
            if (!result.value(u"changed"_s).toBool()) {
                m_step = Step::None;
                failCheck(tr("The check was cancelled. Nothing was changed."), QString());
                return;
            }
        }
        m_failureMessage = tr("The check was cancelled.");
        m_failureDetails.clear();
        revertSources();
        return;
    }
    switch (step) {
    case Step::Sources:
        sourcesUpdated(result);
        return;
    case Step::Build:
        m_newSystem = result.value(u"storePath"_s).toString();
        m_step = Step::Compare;
        savePending(); // a restart from here on can still show the packages of the built system
        startComparison();
        return;
    case Step::DryActivate:
        dryActivated();
        return;
    case Step::Revert:
        m_step = Step::None;
        failCheck(m_failureMessage + u' ' + tr("The package sources were put back, so nothing changed."), m_failureDetails);
        return;
    case Step::Discard:
        m_step = Step::None;
        clearPreview();
        savePending();
        setState(State::Idle);
        reloadSource();
        m_actions->finishSequence(tr("The package sources are back where they were before the check."));
        return;
    case Step::Compare:
    case Step::None:
        return;
    }
}

void UpdateController::sourcesUpdated(const QVariantMap &reply)
{
    m_kind = reply.value(u"kind"_s).toString();
    m_previousCommit = reply.value(u"previousCommit"_s).toString();
    m_sources = Snowpane::Ui::sourceChangesOf(reply);
    readChannelGenerations(reply);
    if (m_kind == u"channels"_s) {
        // The reply names each channel's revisions; the dates come from the channels themselves, before and after.
        const auto after = Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile());
        for (const QVariant &entry : reply.value(u"channels"_s).toList()) {
            const QVariantMap channel = entry.toMap();
            if (channel.value(u"oldGeneration"_s).toInt() == channel.value(u"newGeneration"_s).toInt()) {
                continue;
            }
            Snowpane::Ui::SourceChange change;
            change.name = channel.value(u"name"_s).toString();
            change.revisionBefore = channel.value(u"oldRevision"_s).toString();
            change.revisionAfter = channel.value(u"newRevision"_s).toString();
            if (change.name == m_sourceBefore.name) {
                change.dateBefore = m_sourceBefore.date;
                if (change.revisionBefore.isEmpty()) {
                    change.revisionBefore = m_sourceBefore.revision;
                }
            }
            if (change.name == after.name) {
                change.dateAfter = after.date;
                if (change.revisionAfter.isEmpty()) {
                    change.revisionAfter = after.revision;
                }
            }
            m_sources.append(change);
        }
    }
    markChecked();
    if (!reply.value(u"changed"_s).toBool()) {
        m_step = Step::None;
        setState(State::UpToDate);
        Q_EMIT previewChanged();
        m_actions->finishSequence(tr("The package sources are already the newest. There is nothing to update."));
        return;
    }
    // Remembered now: from here on the sources are changed, and a restart must still be able to discard them.
    savePending();
    m_step = Step::Build;
    m_actions->runStep(Requests::rebuild(u"build"_s, SnowpaneSettings::self()->flakeHost()),
                       tr("Building the updated system without activating it"));
}

void UpdateController::compared()
{
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        return;
    }
    m_preview = m_watcher.result();
    m_packages.setChanges(m_preview.packages.changes);
    m_packagesKnown = m_preview.error.isEmpty();
    if (m_step == Step::None) {
        Q_EMIT previewChanged(); // a preview restored after a restart
        return;
    }
    if (m_step != Step::Compare) {
        return;
    }
    if (m_actions->isSequenceCancelled()) {
        return; // stepFinished(false) takes the sources back
    }
    m_step = Step::DryActivate;
    m_logStart = m_actions->log().size();
    m_actions->runStep(Requests::rebuild(u"dry-activate"_s, SnowpaneSettings::self()->flakeHost()),
                       tr("Checking which services the update would restart"));
}

void UpdateController::dryActivated()
{
    m_step = Step::None;
    m_units = Snowpane::Ui::parseDryActivation(m_actions->log().sliced(std::min(m_logStart, m_actions->log().size())));
    m_complete = true;
    savePending();
    setState(State::PreviewReady);
    Q_EMIT previewChanged();
    m_actions->finishSequence(tr("The update is ready. Review what it changes, then apply or discard it."));
}

void UpdateController::failCheck(const QString &message, const QString &details)
{
    clearPreview();
    savePending();
    m_errorMessage = message;
    setState(State::Failed);
    reloadSource();
    m_actions->failSequence(message, details);
}

Snowpane::Privileged::Request UpdateController::takeBackRequest() const
{
    if (m_kind == u"flake"_s) {
        // Only the lock goes back: commits made after the check (edits saved by an apply) stay.
        return Requests::restoreConfig(m_previousCommit, {u"flake.lock"_s});
    }
    // The helper goes back to exactly the generation before the check, and only if the update's generation is still current.
    return Requests::rollBackChannels(m_newChannelsGeneration, m_oldChannelsGeneration);
}

QString UpdateController::whyTakeBackImpossible() const
{
    if (m_kind == u"flake"_s) {
        return m_previousCommit.isEmpty() ? tr("The commit before the update is unknown.") : QString();
    }
    return m_oldChannelsGeneration > 0 && m_newChannelsGeneration > 0 ? QString() : tr("The channels' generation before the update is unknown.");
}

void UpdateController::revertSources()
{
    const QString impossible = whyTakeBackImpossible();
    if (!impossible.isEmpty()) {
        m_step = Step::None;
        failCheck(m_failureMessage + u' ' + tr("The sources stay updated: %1", "the reason ends the sentence").arg(impossible), m_failureDetails);
        return;
    }
    m_step = Step::Revert;
    m_actions->runStep(takeBackRequest(), tr("Putting the package sources back"), false);
}

void UpdateController::discard()
{
    if (!m_actions || m_state != State::PreviewReady) {
        return;
    }
    if (!m_actions->beginSequence(tr("Discarding the update"))) {
        return;
    }
    const QString impossible = whyTakeBackImpossible();
    if (!impossible.isEmpty()) {
        m_actions->failSequence(tr("The package sources cannot be put back: %1", "the reason ends the sentence").arg(impossible), QString());
        return;
    }
    m_step = Step::Discard;
    setState(State::Discarding);
    m_actions->runStep(takeBackRequest(), tr("Putting the package sources back"), false);
}

void UpdateController::apply(SystemActions::Mode mode)
{
    if (!m_actions || m_state != State::PreviewReady || m_actions->isBusy()) {
        return;
    }
    setState(State::Applying);
    m_actions->apply(mode);
}

void UpdateController::actionsStageChanged()
{
    if (m_actions->isBusy()) {
        return;
    }
    const SystemActions::Stage stage = m_actions->stage();
    if (stage != SystemActions::Stage::Succeeded && stage != SystemActions::Stage::Failed) {
        return;
    }
    if (m_state == State::Applying) {
        // Building only or previewing leaves the machine as it was: the update still waits.
        if (stage == SystemActions::Stage::Succeeded && m_actions->appliedConfiguration()) {
            m_notice.clear();
            clearPreview();
            savePending();
            reloadSource();
            setState(State::Idle);
            return;
        }
        setState(State::PreviewReady);
        return;
    }
    if (m_state != State::PreviewReady || m_step != Step::None) {
        return;
    }
    // Another operation (the Changes or Generations page) ended while the update waited.
    if (stage == SystemActions::Stage::Succeeded && m_actions->appliedConfiguration()) {
        dropPending(tr("The update was applied: the system you applied from the Changes page was built from the updated package sources."));
        return;
    }
    const QString why = whyNoLongerWaiting();
    if (!why.isEmpty()) {
        dropPending(why);
    }
}

void UpdateController::readChannelGenerations(const QVariantMap &reply)
{
    // One profile holds every channel: its generations are the same in each entry.
    const QVariantList channels = reply.value(u"channels"_s).toList();
    const QVariantMap first = channels.isEmpty() ? QVariantMap() : channels.first().toMap();
    m_oldChannelsGeneration = first.value(u"oldGeneration"_s).toInt();
    m_newChannelsGeneration = first.value(u"newGeneration"_s).toInt();
}

void UpdateController::startComparison()
{
    const QString running = SnowpaneSettings::self()->currentSystem();
    const QString built = m_newSystem;
    m_packagesKnown = false;
    m_watcher.setFuture(Snowpane::Ui::runInThreadPool<Snowpane::Ui::UpdatePreview>([running, built](QPromise<Snowpane::Ui::UpdatePreview> &promise) {
        Snowpane::Ui::UpdatePreview preview = Snowpane::Ui::previewUpdate(running, built, promise);
        if (!promise.isCanceled()) {
            promise.addResult(std::move(preview));
        }
    }));
}

void UpdateController::clearPreview()
{
    m_watcher.cancel();
    m_kind.clear();
    m_previousCommit.clear();
    m_oldChannelsGeneration = 0;
    m_newChannelsGeneration = 0;
    m_complete = false;
    m_packagesKnown = false;
    m_newSystem.clear();
    m_sources.clear();
    m_preview = {};
    m_units = {};
    m_packages.setChanges({});
    Q_EMIT previewChanged();
}

void UpdateController::markChecked()
{
    WindowState::self()->setLastUpdateCheck(QDateTime::currentDateTime());
    WindowState::self()->save();
    Q_EMIT checkedChanged();
}
