// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Updates/updatecontroller.h"

#include "Common/flakehostlist.h"
#include "Generations/generationshared.h"
#include "Settings/configurationplace.h"
#include "Updates/userflakeupdate.h"
#include "generationreader.h"
#include "helperreplies.h"
#include "requests.h"
#include "snowpanesettings.h"
#include "windowstate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using Snowpane::Privileged::UpdateSourcesReply;

UpdateController::UpdateController(SystemActions *actions, QObject *parent)
    : QObject(parent)
    , m_actions(actions)
{
    connect(actions, &SystemActions::stepFinished, this, &UpdateController::stepFinished);
    connect(actions, &SystemActions::stageChanged, this, &UpdateController::actionsStageChanged);
    // The nixpkgs in use may have changed with the machine (an apply, a restore): the page's "nixpkgs from …" follows.
    connect(actions, &SystemActions::systemChanged, this, &UpdateController::reloadSource);
    connect(&m_watcher, &QFutureWatcher<Snowpane::System::UpdatePreview>::finished, this, &UpdateController::compared);
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
    return Snowpane::Ui::channelsProfileOf(SnowpaneSettings::self()->profile());
}

int UpdateController::systemGeneration()
{
    const auto current = Snowpane::System::GenerationReader(SnowpaneSettings::self()->profile()).readCurrent();
    return current ? current->number : 0;
}

void UpdateController::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
    Q_EMIT previewChanged(); // the summary follows the state
}

void UpdateController::check()
{
    if (!m_actions || m_state == State::Checking || m_state == State::PreviewReady || m_state == State::Discarding) {
        return;
    }
    // An update is built, previewed against the running system and switched to: this machine's own host only.
    if (const QString refusal = FlakeHostList::activationRefusal(); !refusal.isEmpty()) {
        m_errorMessage = refusal;
        setState(State::Failed);
        return;
    }
    if (!m_actions->beginSequence(tr("Checking for updates"))) {
        return;
    }
    clearPreview();
    m_errorMessage.clear();
    m_notice.clear();
    m_sourceBefore = Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile());
    m_update.systemGeneration = systemGeneration();
    m_step = Step::Sources;
    setState(State::Checking);
    const QString directory = SnowpaneSettings::self()->configurationDirectory();
    if (!isOwnFlake(directory)) {
        m_actions->runStep(Snowpane::Privileged::Requests::updateSources(), tr("Downloading newer package sources"));
        return;
    }
    // The person's own flake: the helper never writes there, so the window updates flake.lock itself, as them (issue 16).
    if (const QString refusal = Snowpane::Ui::whyFlakeNotUpdatable(directory); !refusal.isEmpty()) {
        m_step = Step::None;
        failCheck(refusal, QString());
        return;
    }
    m_actions->runJobStep(new Snowpane::Ui::UserFlakeUpdateJob(directory), tr("Downloading newer package sources"));
}

bool UpdateController::isOwnFlake(const QString &directory)
{
    struct stat st{};
    // lstat: a flake.nix that is a link is the person's flake too, and is refused by whyFlakeNotUpdatable() with its name.
    return Snowpane::Ui::ConfigurationPlace::decide(directory).writer == Snowpane::Config::Writer::User
        && ::lstat(QFile::encodeName(QDir(directory).filePath(u"flake.nix"_s)).constData(), &st) == 0;
}

void UpdateController::takeBackSources()
{
    const QString title = tr("Putting the package sources back");
    const QString directory = SnowpaneSettings::self()->configurationDirectory();
    if (m_update.kind == Snowpane::Ui::PendingUpdate::Kind::Flake && isOwnFlake(directory)) {
        // Only the lock goes back, as the person, as the helper's restoreconfig of flake.lock alone does for root's.
        m_actions->runJobStep(new Snowpane::Ui::UserLockRestoreJob(directory, m_update.previousCommit), title, false);
        return;
    }
    m_actions->runStep(m_update.takeBackRequest(), title, false);
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
            if (!m_actions->isSequenceCancelled() && !m_update.builtSystem.isEmpty()) {
                // The build is good: the update waits, with its services shown as not worked out, rather than being thrown away.
                m_step = Step::None;
                m_update.complete = false;
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
            m_update.complete = false;
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
            const UpdateSourcesReply reply = Snowpane::Privileged::updateSourcesReplyOf(result);
            m_update.takeReply(reply);
            if (!reply.changed) {
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
        sourcesUpdated(Snowpane::Privileged::updateSourcesReplyOf(result));
        return;
    case Step::Build:
        m_update.builtSystem = Snowpane::Privileged::rebuildReplyOf(result).storePath;
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

void UpdateController::sourcesUpdated(const UpdateSourcesReply &reply)
{
    m_update.takeReply(reply);
    if (reply.kind == UpdateSourcesReply::Kind::Channels) {
        // The reply names each channel's revisions; the dates come from the channels themselves, before and after.
        const auto after = Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile());
        for (Snowpane::Privileged::SourceChange change : reply.channels) {
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
            m_update.sources.append(change);
        }
    }
    markChecked();
    if (!reply.changed) {
        m_step = Step::None;
        setState(State::UpToDate);
        Q_EMIT previewChanged();
        m_actions->finishSequence(tr("The package sources are already the newest. There is nothing to update."));
        return;
    }
    // Remembered now: from here on the sources are changed, and a restart must still be able to discard them.
    savePending();
    m_step = Step::Build;
    m_actions->runStep(Snowpane::Privileged::Requests::rebuild(u"build"_s, SnowpaneSettings::self()->flakeHost()),
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
    m_actions->runStep(Snowpane::Privileged::Requests::rebuild(u"dry-activate"_s, SnowpaneSettings::self()->flakeHost()),
                       tr("Checking which services the update would restart"));
}

void UpdateController::dryActivated()
{
    m_step = Step::None;
    m_update.units = Snowpane::System::parseDryActivation(m_actions->log().sliced(std::min(m_logStart, m_actions->log().size())));
    m_update.complete = true;
    // The state first: savePending() keeps only an update that waits, and with no step running that is PreviewReady.
    setState(State::PreviewReady);
    savePending();
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

void UpdateController::revertSources()
{
    const QString impossible = m_update.whyTakeBackImpossible();
    if (!impossible.isEmpty()) {
        m_step = Step::None;
        failCheck(m_failureMessage + u' ' + tr("The sources stay updated: %1", "the reason ends the sentence").arg(impossible), m_failureDetails);
        return;
    }
    m_step = Step::Revert;
    takeBackSources();
}

void UpdateController::discard()
{
    if (!m_actions || m_state != State::PreviewReady) {
        return;
    }
    if (!m_actions->beginSequence(tr("Discarding the update"))) {
        return;
    }
    const QString impossible = m_update.whyTakeBackImpossible();
    if (!impossible.isEmpty()) {
        m_actions->failSequence(tr("The package sources cannot be put back: %1", "the reason ends the sentence").arg(impossible), QString());
        return;
    }
    m_step = Step::Discard;
    setState(State::Discarding);
    takeBackSources();
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

void UpdateController::startComparison()
{
    const QString running = SnowpaneSettings::self()->currentSystem();
    const QString built = m_update.builtSystem;
    m_packagesKnown = false;
    m_watcher.setFuture(Snowpane::Ui::runInThreadPool<Snowpane::System::UpdatePreview>([running, built](QPromise<Snowpane::System::UpdatePreview> &promise) {
        Snowpane::System::UpdatePreview preview = Snowpane::System::previewUpdate(*Snowpane::Ui::sharedClosureReader(), running, built, promise);
        if (!promise.isCanceled()) {
            promise.addResult(std::move(preview));
        }
    }));
}

void UpdateController::clearPreview()
{
    m_watcher.cancel();
    m_update = {};
    m_packagesKnown = false;
    m_preview = {};
    m_packages.setChanges({});
    Q_EMIT previewChanged();
}

void UpdateController::markChecked()
{
    WindowState::self()->setLastUpdateCheck(QDateTime::currentDateTime());
    WindowState::self()->save();
    Q_EMIT checkedChanged();
}

QString UpdateController::whyNoLongerWaiting() const
{
    return m_update.whyNoLongerWaiting(systemGeneration(),
                                       Snowpane::Ui::channelsGenerationOf(channelsProfile()),
                                       Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile()));
}

void UpdateController::dropPending(const QString &why)
{
    clearPreview();
    m_state = State::Idle;
    savePending();
    m_notice = why;
    reloadSource();
    setState(State::Idle);
}

void UpdateController::savePending() const
{
    const bool waits = !m_update.isEmpty() && (m_state == State::PreviewReady || m_step != Step::None);
    WindowState::self()->setPendingUpdate(waits ? m_update.toJson() : QString());
    WindowState::self()->save();
}

void UpdateController::reloadPending()
{
    if (m_state == State::Checking || m_state == State::Applying || m_state == State::Discarding) {
        return;
    }
    clearPreview();
    m_errorMessage.clear();
    m_notice.clear();
    m_state = State::Idle;
    restorePending();
    Q_EMIT previewChanged();
    Q_EMIT stateChanged();
}

void UpdateController::restorePending()
{
    m_update = Snowpane::Ui::PendingUpdate::fromJson(WindowState::self()->pendingUpdate());
    if (m_update.isEmpty()) {
        return;
    }
    // Applied since (this window or another), or the sources moved: nothing is left to review or to put back.
    const QString why = whyNoLongerWaiting();
    if (!why.isEmpty()) {
        clearPreview();
        savePending();
        m_notice = why;
        return;
    }
    m_state = State::PreviewReady;
    if (!m_update.builtSystem.isEmpty() && QFileInfo::exists(m_update.builtSystem)) {
        startComparison();
    } else {
        m_preview.error = tr("The system built for this update is gone, so its package changes cannot be shown. Apply builds it again.");
    }
}
