// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "updatecontroller.h"

#include "closurereader.h"
#include "generationshared.h"
#include "nixpkgssource.h"
#include "privilegedjobs.h"
#include "snowpanesettings.h"
#include "systemcontents.h"
#include "systemdiff.h"
#include "uilogging.h"
#include "windowstate.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;
using snowpane::privileged::PrivilegedJob;

namespace Snowpane::Ui
{

UpdatePreview previewUpdate(const QString &runningSystem, const QString &newSystem)
{
    UpdatePreview preview;
    preview.packages = System::diffSystems(*sharedClosureReader(), runningSystem, newSystem);
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

QJsonArray toJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList fromJson(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        list.append(item.toString());
    }
    return list;
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
    m_watcher.waitForFinished();
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
    if (m_state != state) {
        m_state = state;
    }
    Q_EMIT stateChanged();
}

QVariantList UpdateController::sources() const
{
    QVariantList list;
    for (const auto &source : m_sources) {
        list.append(QVariantMap{
            {u"name"_s, source.name},
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

QString UpdateController::summary() const
{
    if (m_state != State::PreviewReady) {
        return {};
    }
    QStringList parts;
    if (m_packages.upgradedCount() > 0) {
        parts.append(tr("%n package(s) upgraded", nullptr, m_packages.upgradedCount()));
    }
    if (m_packages.downgradedCount() > 0) {
        parts.append(tr("%n downgraded", nullptr, m_packages.downgradedCount()));
    }
    if (m_packages.addedCount() > 0) {
        parts.append(tr("%n added", nullptr, m_packages.addedCount()));
    }
    if (m_packages.removedCount() > 0) {
        parts.append(tr("%n removed", nullptr, m_packages.removedCount()));
    }
    if (parts.isEmpty()) {
        return tr("Newer sources, but no package versions change.");
    }
    return QLocale().createSeparatedList(parts) + u'.';
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
    m_sourceBefore = Snowpane::System::readNixpkgsSource(SnowpaneSettings::self()->configurationDirectory(), channelsProfile());
    m_step = Step::Sources;
    setState(State::Checking);
    m_actions->runStep(new snowpane::privileged::UpdateSourcesJob(), tr("Downloading newer package sources"));
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
        case Step::Build:
        case Step::Compare:
        case Step::DryActivate:
            m_failureMessage = message.isEmpty() ? (step == Step::Build ? tr("The updated system could not be built.")
                                                                        : tr("Snowpane could not work out which services the update would restart."))
                                                 : message;
            m_failureDetails = details;
            revertSources();
            return;
        case Step::Revert:
            m_step = Step::None;
            // The sources stay updated; the preview is gone, but a later check starts from them.
            failCheck(m_failureMessage + u' ' + tr("Taking the sources back failed too, so they stay updated:") + u' ' + details, m_failureDetails);
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
    case Step::Build: {
        m_newSystem = result.value(u"storePath"_s).toString();
        m_step = Step::Compare;
        const QString running = SnowpaneSettings::self()->currentSystem();
        const QString built = m_newSystem;
        m_watcher.setFuture(Snowpane::Ui::runInThreadPool<Snowpane::Ui::UpdatePreview>([running, built](QPromise<Snowpane::Ui::UpdatePreview> &promise) {
            promise.addResult(Snowpane::Ui::previewUpdate(running, built));
        }));
        return;
    }
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
    m_actions->runStep(new snowpane::privileged::RebuildJob(u"build"_s, SnowpaneSettings::self()->flakeHost()),
                       tr("Building the updated system without activating it"));
}

void UpdateController::compared()
{
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        return;
    }
    m_preview = m_watcher.result();
    m_packages.setChanges(m_preview.packages.changes);
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
    m_actions->runStep(new snowpane::privileged::RebuildJob(u"dry-activate"_s, SnowpaneSettings::self()->flakeHost()),
                       tr("Checking which services the update would restart"));
}

void UpdateController::dryActivated()
{
    m_step = Step::None;
    m_units = Snowpane::Ui::parseDryActivation(m_actions->log().sliced(std::min(m_logStart, m_actions->log().size())));
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

snowpane::privileged::PrivilegedJob *UpdateController::takeBackJob() const
{
    if (m_kind == u"flake"_s) {
        return new snowpane::privileged::RestoreConfigJob(m_previousCommit);
    }
    // Compiles against the new API only; the ui-fixes branch passes the update's generations.
    return new snowpane::privileged::RollBackChannelsJob(0, 0);
}

void UpdateController::revertSources()
{
    if (m_kind == u"flake"_s && m_previousCommit.isEmpty()) {
        m_step = Step::None;
        failCheck(m_failureMessage + u' ' + tr("The sources stay updated, because the commit before the update is unknown."), m_failureDetails);
        return;
    }
    m_step = Step::Revert;
    m_actions->runStep(takeBackJob(), tr("Putting the package sources back"));
}

void UpdateController::discard()
{
    if (!m_actions || m_state != State::PreviewReady) {
        return;
    }
    if (!m_actions->beginSequence(tr("Discarding the update"))) {
        return;
    }
    m_step = Step::Discard;
    setState(State::Discarding);
    m_actions->runStep(takeBackJob(), tr("Putting the package sources back"));
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
    if (m_state != State::Applying || m_actions->isBusy()) {
        return;
    }
    const bool done = m_actions->stage() == SystemActions::Stage::Succeeded;
    const SystemActions::Mode mode = m_actions->mode();
    // Building only or previewing leaves the machine as it was: the update still waits.
    if (done && (mode == SystemActions::Mode::Switch || mode == SystemActions::Mode::Boot || mode == SystemActions::Mode::Test)) {
        clearPreview();
        savePending();
        reloadSource();
        setState(State::Idle);
        return;
    }
    setState(State::PreviewReady);
}

void UpdateController::clearPreview()
{
    m_watcher.cancel();
    m_kind.clear();
    m_previousCommit.clear();
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

void UpdateController::savePending() const
{
    QString text;
    if (!m_kind.isEmpty() && (m_state == State::PreviewReady || m_step != Step::None)) {
        QJsonArray sources;
        for (const auto &source : m_sources) {
            sources.append(QJsonObject{
                {u"name"_s, source.name},
                {u"revisionBefore"_s, source.revisionBefore},
                {u"revisionAfter"_s, source.revisionAfter},
                {u"dateBefore"_s, source.dateBefore.toString(Qt::ISODate)},
                {u"dateAfter"_s, source.dateAfter.toString(Qt::ISODate)},
            });
        }
        const QJsonObject pending{
            {u"kind"_s, m_kind},
            {u"previousCommit"_s, m_previousCommit},
            {u"storePath"_s, m_newSystem},
            {u"sources"_s, sources},
            {u"stop"_s, toJson(m_units.stop)},
            {u"restart"_s, toJson(m_units.restart)},
            {u"start"_s, toJson(m_units.start)},
            {u"reload"_s, toJson(m_units.reload)},
            {u"restartSystemd"_s, m_units.restartSystemd},
        };
        text = QString::fromUtf8(QJsonDocument(pending).toJson(QJsonDocument::Compact));
    }
    WindowState::self()->setPendingUpdate(text);
    WindowState::self()->save();
}

void UpdateController::reloadPending()
{
    if (m_state == State::Checking || m_state == State::Applying || m_state == State::Discarding) {
        return;
    }
    clearPreview();
    m_errorMessage.clear();
    m_state = State::Idle;
    restorePending();
    Q_EMIT previewChanged();
    Q_EMIT stateChanged();
}

void UpdateController::restorePending()
{
    const QJsonObject pending = QJsonDocument::fromJson(WindowState::self()->pendingUpdate().toUtf8()).object();
    if (pending.isEmpty()) {
        return;
    }
    m_kind = pending.value(u"kind"_s).toString();
    m_previousCommit = pending.value(u"previousCommit"_s).toString();
    m_newSystem = pending.value(u"storePath"_s).toString();
    for (const QJsonValue &value : pending.value(u"sources"_s).toArray()) {
        const QJsonObject source = value.toObject();
        m_sources.append({source.value(u"name"_s).toString(),
                          source.value(u"revisionBefore"_s).toString(),
                          source.value(u"revisionAfter"_s).toString(),
                          QDateTime::fromString(source.value(u"dateBefore"_s).toString(), Qt::ISODate),
                          QDateTime::fromString(source.value(u"dateAfter"_s).toString(), Qt::ISODate)});
    }
    m_units.stop = fromJson(pending.value(u"stop"_s));
    m_units.restart = fromJson(pending.value(u"restart"_s));
    m_units.start = fromJson(pending.value(u"start"_s));
    m_units.reload = fromJson(pending.value(u"reload"_s));
    m_units.restartSystemd = pending.value(u"restartSystemd"_s).toBool();
    m_state = State::PreviewReady;
    if (!m_newSystem.isEmpty() && QFileInfo::exists(m_newSystem)) {
        const QString running = SnowpaneSettings::self()->currentSystem();
        const QString built = m_newSystem;
        m_watcher.setFuture(Snowpane::Ui::runInThreadPool<Snowpane::Ui::UpdatePreview>([running, built](QPromise<Snowpane::Ui::UpdatePreview> &promise) {
            promise.addResult(Snowpane::Ui::previewUpdate(running, built));
        }));
    } else {
        m_preview.error = tr("The system built for this update is gone, so its package changes cannot be shown. Apply builds it again.");
    }
}
