// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Changes/systemactions.h"

#include "Common/configurationsession.h"
#include "Common/flakehostlist.h"
#include "Common/operationerrors.h"
#include "Common/operationtexts.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "helperreplies.h"
#include "privilegedjob.h"
#include "requests.h"
#include "snowpanesettings.h"
#include "uilogging.h"
#include "windowstate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;
using Snowpane::Privileged::Job;

namespace
{

int currentGeneration()
{
    const Snowpane::System::GenerationReader reader(SnowpaneSettings::self()->profile());
    const auto current = reader.readCurrent();
    return current ? current->number : 0;
}

// A failure without the helper's own words: the sentence names the step that failed.
QString stageFailure(Job::ErrorKind kind, SystemActions::Stage stage)
{
    Snowpane::Ui::OperationFailure failure;
    failure.kind = kind;
    failure.stage = stage;
    return Snowpane::Ui::failureSentence(failure);
}

} // namespace

SystemActions::SystemActions(QObject *parent)
    : QObject(parent)
    , m_ownRunner(std::make_unique<Snowpane::Privileged::KAuthRunner>())
    , m_runner(m_ownRunner.get())
{
}

SystemActions::SystemActions(Snowpane::Privileged::JobRunner *runner, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
{
}

SystemActions::~SystemActions() = default;

bool SystemActions::isBusy() const
{
    return m_stage == Stage::Saving || m_stage == Stage::Building || m_stage == Stage::Switching || m_stage == Stage::Restoring || m_stage == Stage::Updating
        || m_stage == Stage::Cleaning;
}

QString SystemActions::phase() const
{
    return m_job ? phaseText(m_job->phase()) : QString();
}

qint64 SystemActions::derivationsDone() const
{
    return m_job ? m_job->derivationsDone() : 0;
}

qint64 SystemActions::derivationsExpected() const
{
    return m_job ? m_job->derivationsExpected() : 0;
}

qint64 SystemActions::bytesDone() const
{
    return m_job ? m_job->bytesDone() : 0;
}

qint64 SystemActions::bytesExpected() const
{
    return m_job ? m_job->bytesExpected() : 0;
}

QString SystemActions::activity() const
{
    return m_job ? m_job->activity() : QString();
}

void SystemActions::clearResult()
{
    m_resultText.clear();
    m_changeSummary.clear();
    m_errorMessage.clear();
    m_errorDetails.clear();
    m_errorFile.clear();
    m_errorLine = 0;
    m_appliedConfiguration = false;
}

void SystemActions::setStage(Stage stage)
{
    const bool wasBusy = isBusy();
    m_stage = stage;
    Q_EMIT stageChanged();
    if (wasBusy != isBusy()) {
        Q_EMIT busyChanged();
    }
}

void SystemActions::start(const Snowpane::Privileged::Request &request, Stage stage, const QString &title)
{
    startJob(m_runner->createJob(request, this), stage, title);
}

void SystemActions::startJob(Job *job, Stage stage, const QString &title)
{
    if (m_job) {
        m_job->deleteLater();
    }
    job->setParent(this);
    m_job = job;
    m_cancelRequested = false;
    connect(job, &Job::progressChanged, this, &SystemActions::collectLog);
    connect(job, &Job::progressChanged, this, &SystemActions::progressChanged);
    connect(job, &Job::finished, this, &SystemActions::jobFinished);
    m_title = title;
    clearResult();
    Q_EMIT progressChanged();
    setStage(stage);
    job->start();
}

void SystemActions::apply(Mode mode)
{
    if (isBusy()) {
        return;
    }
    // Another host of the flake may be built here, never activated here.
    if (const QString refusal = FlakeHostList::activationRefusal(); activatesThisMachine(mode) && !refusal.isEmpty()) {
        m_title = tr("Applying the configuration");
        fail(refusal);
        return;
    }
    m_mode = mode;
    m_log.clear();
    Q_EMIT logChanged();
    m_errorMessage.clear();
    m_errorDetails.clear();
    m_errorFile.clear();
    m_errorLine = 0;
    m_commitBeforeSave.clear();
    m_userCommit.clear();
    m_newGeneration = 0;
    m_previousGeneration = currentGeneration();

    ConfigurationSession *session = ConfigurationSession::self();
    if (session->pendingCount() == 0) {
        rebuild();
        return;
    }
    QString error;
    const auto files = session->pendingFiles(&error);
    if (!error.isEmpty()) {
        m_title = tr("Saving the configuration");
        fail(error);
        return;
    }
    // Root's directory goes through the helper; the person's own is written here, as them (systemactionsuser.cpp).
    if (!saveAsUserIfTheirs()) {
        return;
    }
    QStringList names;
    QStringList contents;
    for (const auto &[name, text] : files) {
        names.append(name);
        contents.append(text);
    }
    // Remembered before the save, so that a failed build can be taken back once the save went through.
    m_headBeforeSave.clear();
    if (auto repository = Snowpane::System::GitRepository::open(session->directory()); repository.repository) {
        m_headBeforeSave = repository.repository->head().commit;
    }
    start(Snowpane::Privileged::Requests::writeConfig(names, contents, session->commitMessage()), Stage::Saving, tr("Saving the configuration"));
}

bool SystemActions::activatesThisMachine(Mode mode)
{
    return mode != Mode::Build;
}

void SystemActions::rebuild()
{
    const QString title = m_mode == Mode::DryActivate ? tr("Checking which services would restart") : tr("Building the new system");
    start(Snowpane::Privileged::Requests::rebuild(modeArgument(m_mode), SnowpaneSettings::self()->flakeHost()), Stage::Building, title);
}

void SystemActions::switchGeneration(int generation, bool boot)
{
    if (isBusy()) {
        return;
    }
    m_log.clear();
    Q_EMIT logChanged();
    m_commitBeforeSave.clear();
    m_previousGeneration = currentGeneration();
    m_newGeneration = 0;
    const QString title = boot ? tr("Making generation %1 the boot default").arg(generation) : tr("Switching to generation %1").arg(generation);
    start(Snowpane::Privileged::Requests::switchGeneration(generation, boot ? u"boot"_s : u"switch"_s), Stage::Switching, title);
}

void SystemActions::rollBack()
{
    const Snowpane::System::GenerationReader reader(SnowpaneSettings::self()->profile());
    const int current = currentGeneration();
    int previous = 0;
    for (const auto &generation : reader.readAll().generations) {
        if (generation.number < current && generation.number > previous) {
            previous = generation.number;
        }
    }
    if (previous == 0) {
        m_title = tr("Rolling back");
        fail(tr("There is no generation before the current one to roll back to."));
        return;
    }
    switchGeneration(previous, false);
}

void SystemActions::restoreConfiguration(const QString &commit)
{
    if (isBusy()) {
        return;
    }
    m_log.clear();
    Q_EMIT logChanged();
    m_commitBeforeSave.clear();
    if (restoreAsUserIfTheirs(commit)) {
        return;
    }
    start(Snowpane::Privileged::Requests::restoreConfig(commit), Stage::Restoring, tr("Restoring the configuration of %1").arg(commit.left(8)));
}

void SystemActions::revert()
{
    if (canRevert()) {
        const QString commit = m_commitBeforeSave; // restoreConfiguration() clears the member
        restoreConfiguration(commit);
    }
}

void SystemActions::cancel()
{
    if (!canCancel()) {
        return;
    }
    if (m_inSequence) {
        m_sequenceCancelled = true;
        // Between steps nothing runs in the helper: the controller sees the cancel at once.
        if (!m_job || m_job->state() == Job::State::Succeeded || m_job->state() == Job::State::Failed) {
            Q_EMIT stepFinished(false, {}, stageFailure(Job::ErrorKind::Cancelled, m_stage), QString());
            return;
        }
    }
    if (m_job && isBusy()) {
        m_cancelRequested = true;
        m_job->cancel();
    }
}

void SystemActions::deleteGenerations(const GenerationCleanupPlan &plan)
{
    using Rule = Snowpane::Privileged::Requests::DeletionRule;
    if (isBusy() || plan.ruleCount < 1 || plan.generations.isEmpty()) {
        return;
    }
    m_log.clear();
    Q_EMIT logChanged();
    m_commitBeforeSave.clear();
    start(Snowpane::Privileged::Requests::deleteGenerations(plan.rule == Snowpane::System::CleanupRule::KeepLast ? Rule::KeepLast : Rule::OlderThanDays,
                                                            plan.ruleCount,
                                                            plan.generations),
          Stage::Cleaning,
          tr("Removing old generations"));
}

bool SystemActions::beginSequence(const QString &title)
{
    if (isBusy()) {
        return false;
    }
    m_log.clear();
    Q_EMIT logChanged();
    m_commitBeforeSave.clear();
    m_inSequence = true;
    m_sequenceCancelled = false;
    m_stepCancellable = true;
    m_title = title;
    clearResult();
    setStage(Stage::Updating);
    return true;
}

void SystemActions::runStep(const Snowpane::Privileged::Request &request, const QString &title, bool cancellable)
{
    runJobStep(m_runner->createJob(request, this), title, cancellable);
}

void SystemActions::runJobStep(Job *job, const QString &title, bool cancellable)
{
    Q_ASSERT(m_inSequence);
    // A cancel stops the step it arrived in; a step that puts things back ignores it and runs to its end.
    m_sequenceCancelled = false;
    m_stepCancellable = cancellable;
    // The step's name goes into the log first: a job can finish inside start() (no helper), and its report must follow its name.
    m_log.append(u"— %1 —"_s.arg(title));
    Q_EMIT logChanged();
    const QString sequenceTitle = m_title;
    startJob(job, Stage::Updating, sequenceTitle);
}

void SystemActions::finishSequence(const QString &resultText)
{
    m_inSequence = false;
    m_resultText = resultText;
    setStage(Stage::Succeeded);
    Q_EMIT systemChanged();
}

void SystemActions::failSequence(const QString &message, const QString &details)
{
    m_inSequence = false;
    m_errorDetails = details;
    fail(message);
    // Sources may have changed and been put back: views read them again.
    Q_EMIT systemChanged();
}

void SystemActions::dismiss()
{
    if (!isBusy()) {
        setStage(Stage::Idle);
    }
}

void SystemActions::collectLog()
{
    if (m_job && Snowpane::Privileged::appendNewLines(m_log, m_job->recentLines())) {
        Q_EMIT logChanged();
    }
}

void SystemActions::fail(const QString &message)
{
    // Never an empty sheet: a failure without its own sentence still says which step failed.
    m_errorMessage = message.isEmpty() ? stageFailure(Job::ErrorKind::Failed, m_stage) : message;
    setStage(Stage::Failed);
}

void SystemActions::jobFinished()
{
    Job *job = m_job;
    if (!job) {
        return;
    }
    collectLog();
    const QVariantMap result = job->result();
    if (m_inSequence) {
        // A step that finished despite a cancel still reports what it did: the controller must know, to put it back.
        const bool succeeded = job->state() == Job::State::Succeeded;
        // A plain failure gets the controller's own sentence for its step; refusals and cancels read the same everywhere.
        const Job::ErrorKind kind = job->error();
        const QString message = succeeded || kind == Job::ErrorKind::Failed
            ? QString()
            : Snowpane::Ui::failureSentence({kind, job->actionName(), m_stage, job->errorFile(), job->errorLine()});
        if (!succeeded) {
            m_errorFile = job->errorFile();
            m_errorLine = job->errorLine();
        }
        Q_EMIT stepFinished(succeeded, result, message, succeeded ? QString() : job->errorMessage());
        return;
    }
    if (job->state() != Job::State::Succeeded) {
        m_errorDetails = job->errorMessage();
        m_errorFile = job->errorFile();
        m_errorLine = job->errorLine();
        const Stage failedStage = m_stage;
        if (failedStage == Stage::Building) {
            WindowState::self()->setLastRebuildDate(QDateTime::currentDateTime());
            WindowState::self()->setLastRebuildSucceeded(false);
            WindowState::self()->save();
        }
        qCWarning(SNOWPANE_UI) << job->actionName() << "failed:" << m_errorDetails;
        fail(Snowpane::Ui::failureSentence({job->error(), job->actionName(), failedStage, m_errorFile, m_errorLine}));
        return;
    }
    switch (m_stage) {
    case Stage::Saving: {
        // The helper first commits changes made outside Snowpane; the state before the save is that commit.
        const QString savedBefore = Snowpane::Privileged::writeConfigReplyOf(result).savedBefore;
        m_commitBeforeSave = savedBefore.isEmpty() ? m_headBeforeSave : savedBefore;
        ConfigurationSession::self()->reload();
        if (m_cancelRequested) {
            // The save was past its point of no return when the cancel came: stop before the build, and offer to take the save back.
            fail(tr("The change was saved and committed, but the operation was cancelled before the build. Revert takes the saved change back."));
            Q_EMIT systemChanged();
            return;
        }
        rebuild();
        return;
    }
    case Stage::Building:
        m_newGeneration = Snowpane::Privileged::rebuildReplyOf(result).generation;
        noteUserBuild(result);
        m_appliedConfiguration = m_mode == Mode::Switch || m_mode == Mode::Boot || m_mode == Mode::Test;
        WindowState::self()->setLastRebuildDate(QDateTime::currentDateTime());
        WindowState::self()->setLastRebuildSucceeded(true);
        WindowState::self()->save();
        m_resultText = Snowpane::Ui::OperationTexts::builtText(m_mode, m_newGeneration);
        m_changeSummary = Snowpane::Ui::OperationTexts::changeSummary(SnowpaneSettings::self()->profile(), m_previousGeneration, m_newGeneration);
        break;
    case Stage::Switching: {
        const auto reply = Snowpane::Privileged::rebuildReplyOf(result);
        m_newGeneration = reply.generation;
        m_resultText =
            reply.mode == u"boot"_s ? tr("Generation %1 starts at the next boot.").arg(m_newGeneration) : tr("Generation %1 is active.").arg(m_newGeneration);
        m_changeSummary = Snowpane::Ui::OperationTexts::changeSummary(SnowpaneSettings::self()->profile(), m_previousGeneration, m_newGeneration);
        break;
    }
    case Stage::Restoring:
        ConfigurationSession::self()->reload();
        m_resultText = tr("The configuration files were restored and committed. Apply them to build a system from them.");
        break;
    case Stage::Cleaning: {
        const int deleted = int(Snowpane::Privileged::deleteGenerationsReplyOf(result).deleted.size());
        m_resultText = deleted == 0 ? tr("No generation matched, so none was removed. Unused files were collected.")
                                    : tr("Removed %n old generation(s) and collected the files nothing uses any more.", nullptr, deleted);
        break;
    }
    default:
        break;
    }
    m_commitBeforeSave.clear();
    setStage(Stage::Succeeded);
    Q_EMIT systemChanged();
}

void SystemActions::openErrorLocation() const
{
    if (m_errorFile.isEmpty() || !QFileInfo(m_errorFile).isFile()) {
        return;
    }
    // KDE's editors take a line on the command line; anything else opens the file.
    for (const QString &editor : {u"kate"_s, u"kwrite"_s}) {
        const QString program = QStandardPaths::findExecutable(editor);
        if (!program.isEmpty() && QProcess::startDetached(program, {u"--line"_s, QString::number(m_errorLine), m_errorFile})) {
            return;
        }
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_errorFile));
}
