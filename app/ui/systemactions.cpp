// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systemactions.h"

#include "closurereader.h"
#include "configurationsession.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "helperreplies.h"
#include "privilegedjob.h"
#include "requests.h"
#include "snowpanesettings.h"
#include "systemdiff.h"
#include "uilogging.h"
#include "windowstate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;
using Snowpane::Privileged::Job;
namespace Requests = Snowpane::Privileged::Requests;

namespace
{

int currentGeneration()
{
    const Snowpane::System::GenerationReader reader(SnowpaneSettings::self()->profile());
    const auto current = reader.readCurrent();
    return current ? current->number : 0;
}

// The sentence a person reads first; the helper's own words go below it.
QString sentenceFor(Job::ErrorKind kind, SystemActions::Stage stage)
{
    switch (kind) {
    case Job::ErrorKind::NotAuthorised:
        return SystemActions::tr("Snowpane was not allowed to change the system. The authentication was refused or cancelled.");
    case Job::ErrorKind::Busy:
        return SystemActions::tr("Another change to the system is still running. Wait for it to finish, then try again.");
    case Job::ErrorKind::HelperMissing:
        return SystemActions::tr(
            "Snowpane's system helper is not installed, so changes cannot be applied. On NixOS, install Snowpane with "
            "“programs.snowpane.enable = true;” in your configuration.");
    case Job::ErrorKind::Cancelled:
        return SystemActions::tr("The operation was cancelled. The system was not changed.");
    case Job::ErrorKind::TimedOut:
        return SystemActions::tr("The operation took too long and was stopped.");
    case Job::ErrorKind::InvalidRequest:
        return SystemActions::tr("The system helper refused the request.");
    case Job::ErrorKind::NoError:
    case Job::ErrorKind::Failed:
        break;
    }
    switch (stage) {
    case SystemActions::Stage::Saving:
        return SystemActions::tr("The configuration could not be saved.");
    case SystemActions::Stage::Building:
        return SystemActions::tr("The new system could not be built.");
    case SystemActions::Stage::Switching:
        return SystemActions::tr("The system could not switch to that generation.");
    case SystemActions::Stage::Restoring:
        return SystemActions::tr("The configuration could not be restored.");
    case SystemActions::Stage::Cleaning:
        return SystemActions::tr("The old generations could not be removed.");
    default:
        return SystemActions::tr("The operation failed.");
    }
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

QString SystemActions::modeArgument(Mode mode)
{
    switch (mode) {
    case Mode::Switch:
        return u"switch"_s;
    case Mode::Boot:
        return u"boot"_s;
    case Mode::Test:
        return u"test"_s;
    case Mode::Build:
        return u"build"_s;
    case Mode::DryActivate:
        break;
    }
    return u"dry-activate"_s;
}

QString SystemActions::modeText(Mode mode)
{
    switch (mode) {
    case Mode::Switch:
        return tr("Switch now");
    case Mode::Boot:
        return tr("Use at next boot");
    case Mode::Test:
        return tr("Try without adding to the boot menu");
    case Mode::Build:
        return tr("Build only");
    case Mode::DryActivate:
        break;
    }
    return tr("Preview which services would restart");
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
    if (m_job) {
        m_job->deleteLater();
    }
    Job *job = m_runner->createJob(request, this);
    m_job = job;
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
    m_mode = mode;
    m_log.clear();
    Q_EMIT logChanged();
    m_errorMessage.clear();
    m_errorDetails.clear();
    m_errorFile.clear();
    m_errorLine = 0;
    m_commitBeforeSave.clear();
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
    start(Requests::writeConfig(names, contents, session->commitMessage()), Stage::Saving, tr("Saving the configuration"));
}

void SystemActions::rebuild()
{
    const QString title = m_mode == Mode::DryActivate ? tr("Checking which services would restart") : tr("Building the new system");
    start(Requests::rebuild(modeArgument(m_mode), SnowpaneSettings::self()->flakeHost()), Stage::Building, title);
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
    start(Requests::switchGeneration(generation, boot ? u"boot"_s : u"switch"_s), Stage::Switching, title);
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
    start(Requests::restoreConfig(commit), Stage::Restoring, tr("Restoring the configuration of %1").arg(commit.left(8)));
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
            Q_EMIT stepFinished(false, {}, sentenceFor(Job::ErrorKind::Cancelled, m_stage), QString());
            return;
        }
    }
    if (m_job && isBusy()) {
        m_job->cancel();
    }
}

void SystemActions::deleteGenerations(GenerationSpace::Rule rule, int count)
{
    using Rule = Requests::DeletionRule;
    if (isBusy() || count < 1) {
        return;
    }
    m_log.clear();
    Q_EMIT logChanged();
    m_commitBeforeSave.clear();
    start(Requests::deleteGenerations(rule == GenerationSpace::Rule::KeepLast ? Rule::KeepLast : Rule::OlderThanDays, count),
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
    Q_ASSERT(m_inSequence);
    // A cancel stops the step it arrived in; a step that puts things back ignores it and runs to its end.
    m_sequenceCancelled = false;
    m_stepCancellable = cancellable;
    // The step's name goes into the log first: a job can finish inside start() (no helper), and its report must follow its name.
    m_log.append(u"— %1 —"_s.arg(title));
    Q_EMIT logChanged();
    const QString sequenceTitle = m_title;
    start(request, Stage::Updating, sequenceTitle);
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
    // The helper sends a sliding window of recent lines: append what is new.
    const QStringList recent = m_job ? m_job->recentLines() : QStringList();
    qsizetype overlap = std::min(recent.size(), m_log.size());
    while (overlap > 0 && m_log.sliced(m_log.size() - overlap) != recent.first(overlap)) {
        --overlap;
    }
    if (overlap == recent.size()) {
        return;
    }
    m_log.append(recent.sliced(overlap));
    Q_EMIT logChanged();
}

void SystemActions::fail(const QString &message)
{
    m_errorMessage = message;
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
        const QString message = succeeded || kind == Job::ErrorKind::Failed ? QString() : sentenceFor(kind, m_stage);
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
        fail(sentenceFor(job->error(), failedStage));
        return;
    }
    switch (m_stage) {
    case Stage::Saving: {
        // The helper first commits changes made outside Snowpane; the state before the save is that commit.
        const QString savedBefore = Snowpane::Privileged::writeConfigReplyOf(result).savedBefore;
        m_commitBeforeSave = savedBefore.isEmpty() ? m_headBeforeSave : savedBefore;
        ConfigurationSession::self()->reload();
        rebuild();
        return;
    }
    case Stage::Building:
        m_newGeneration = Snowpane::Privileged::rebuildReplyOf(result).generation;
        m_appliedConfiguration = m_mode == Mode::Switch || m_mode == Mode::Boot || m_mode == Mode::Test;
        WindowState::self()->setLastRebuildDate(QDateTime::currentDateTime());
        WindowState::self()->setLastRebuildSucceeded(true);
        WindowState::self()->save();
        switch (m_mode) {
        case Mode::Switch:
            m_resultText = tr("Generation %1 is built and active.").arg(m_newGeneration);
            break;
        case Mode::Boot:
            m_resultText = tr("Generation %1 is built and starts at the next boot.").arg(m_newGeneration);
            break;
        case Mode::Test:
            m_resultText = tr("The new system is active until the next boot. It was not added to the boot menu.");
            break;
        case Mode::Build:
            m_resultText = tr("The new system was built. Nothing on the machine was changed.");
            break;
        case Mode::DryActivate:
            m_resultText = tr("Nothing was changed. The log lists what switching would do.");
            break;
        }
        summariseChange();
        break;
    case Stage::Switching: {
        const auto reply = Snowpane::Privileged::rebuildReplyOf(result);
        m_newGeneration = reply.generation;
        m_resultText = reply.mode == u"boot"_s ? tr("Generation %1 starts at the next boot.").arg(m_newGeneration) : tr("Generation %1 is active.").arg(m_newGeneration);
        summariseChange();
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

void SystemActions::summariseChange()
{
    if (m_newGeneration <= 0 || m_previousGeneration <= 0 || m_newGeneration == m_previousGeneration) {
        return;
    }
    const Snowpane::System::GenerationReader reader(SnowpaneSettings::self()->profile());
    Snowpane::System::ClosureReader closures;
    const Snowpane::System::PackageDiff diff = diffSystems(closures, reader.linkPathOf(m_previousGeneration), reader.linkPathOf(m_newGeneration));
    if (!diff.isValid()) {
        qCWarning(SNOWPANE_UI) << "cannot compare generations:" << diff.error;
        return;
    }
    using Kind = Snowpane::System::PackageChange::Kind;
    int upgraded = 0;
    int downgraded = 0;
    int added = 0;
    int removed = 0;
    for (const auto &change : diff.changes) {
        upgraded += change.kind == Kind::Upgraded;
        downgraded += change.kind == Kind::Downgraded;
        added += change.kind == Kind::Added;
        removed += change.kind == Kind::Removed;
    }
    const QString size = QLocale().formattedDataSize(std::abs(diff.sizeDelta()));
    m_changeSummary = tr("Compared with generation %1: %2 upgraded, %3 downgraded, %4 added, %5 removed; the system is %6 %7.")
                          .arg(m_previousGeneration)
                          .arg(upgraded)
                          .arg(downgraded)
                          .arg(added)
                          .arg(removed)
                          .arg(size, diff.sizeDelta() < 0 ? tr("smaller") : tr("larger"));
}

QString SystemActions::phaseText(const QString &phase)
{
    if (phase == u"evaluating"_s) {
        return tr("Reading the configuration");
    }
    if (phase == u"building"_s) {
        return tr("Building");
    }
    if (phase == u"fetching"_s) {
        return tr("Downloading");
    }
    if (phase == u"activating"_s) {
        return tr("Activating the new system");
    }
    if (phase == u"committing"_s) {
        return tr("Saving and committing the configuration");
    }
    if (phase == u"collecting"_s) {
        return tr("Removing unused files");
    }
    return tr("Starting");
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
