// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "systemactions.h"

#include "configurationsession.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "privilegedjobs.h"
#include "snowpanesettings.h"
#include "uilogging.h"
#include "windowstate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QGuiApplication>

using namespace Qt::StringLiterals;
using snowpane::privileged::PrivilegedJob;

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("SystemActions", text);
}

int currentGeneration()
{
    const Snowpane::System::GenerationReader reader(SnowpaneSettings::self()->profile());
    const auto current = reader.readCurrent();
    return current ? current->number : 0;
}

// The sentence a person reads first; the helper's own words go below it.
QString sentenceFor(PrivilegedJob::ErrorKind kind, SystemActions::Stage stage)
{
    switch (kind) {
    case PrivilegedJob::ErrorKind::NotAuthorised:
        return tr("Snowpane was not allowed to change the system. The authentication was refused or cancelled.");
    case PrivilegedJob::ErrorKind::Busy:
        return tr("Another change to the system is still running. Wait for it to finish, then try again.");
    case PrivilegedJob::ErrorKind::HelperMissing:
        return tr(
            "Snowpane's system helper is not installed, so changes cannot be applied. On NixOS, install Snowpane with "
            "“programs.snowpane.enable = true;” in your configuration.");
    case PrivilegedJob::ErrorKind::Cancelled:
        return tr("The operation was cancelled. The system was not changed.");
    case PrivilegedJob::ErrorKind::TimedOut:
        return tr("The operation took too long and was stopped.");
    case PrivilegedJob::ErrorKind::InvalidRequest:
        return tr("The system helper refused the request.");
    case PrivilegedJob::ErrorKind::NoError:
    case PrivilegedJob::ErrorKind::Failed:
        break;
    }
    switch (stage) {
    case SystemActions::Stage::Saving:
        return tr("The configuration could not be saved.");
    case SystemActions::Stage::Building:
        return tr("The new system could not be built.");
    case SystemActions::Stage::Switching:
        return tr("The system could not switch to that generation.");
    case SystemActions::Stage::Restoring:
        return tr("The configuration could not be restored.");
    default:
        return tr("The operation failed.");
    }
}

} // namespace

SystemActions::SystemActions(QObject *parent)
    : QObject(parent)
{
}

SystemActions::~SystemActions() = default;

bool SystemActions::isBusy() const
{
    return m_stage == Stage::Saving || m_stage == Stage::Building || m_stage == Stage::Switching || m_stage == Stage::Restoring;
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

void SystemActions::setStage(Stage stage)
{
    const bool wasBusy = isBusy();
    m_stage = stage;
    Q_EMIT stageChanged();
    if (wasBusy != isBusy()) {
        Q_EMIT busyChanged();
    }
}

void SystemActions::start(PrivilegedJob *job, Stage stage, const QString &title)
{
    if (m_job) {
        m_job->deleteLater();
    }
    m_job = job;
    job->setParent(this);
    job->setParentWindow(QGuiApplication::focusWindow());
    connect(job, &PrivilegedJob::progressChanged, this, &SystemActions::collectLog);
    connect(job, &PrivilegedJob::finished, this, &SystemActions::jobFinished);
    m_title = title;
    Q_EMIT jobChanged();
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
    // Remembered before the save, so that a failed build can be taken back.
    if (auto repository = Snowpane::System::GitRepository::open(session->directory()); repository.repository) {
        m_commitBeforeSave = repository.repository->head().commit;
    }
    start(new snowpane::privileged::WriteConfigJob(names, contents, session->commitMessage()), Stage::Saving, tr("Saving the configuration"));
}

void SystemActions::rebuild()
{
    const QString title = m_mode == Mode::DryActivate ? tr("Checking which services would restart") : tr("Building the new system");
    start(new snowpane::privileged::RebuildJob(modeArgument(m_mode), SnowpaneSettings::self()->flakeHost()), Stage::Building, title);
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
    start(new snowpane::privileged::SwitchGenerationJob(generation, boot ? u"boot"_s : u"switch"_s), Stage::Switching, title);
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
    start(new snowpane::privileged::RestoreConfigJob(commit), Stage::Restoring, tr("Restoring the configuration of %1").arg(commit.left(8)));
}

void SystemActions::revert()
{
    if (canRevert()) {
        restoreConfiguration(m_commitBeforeSave);
    }
}

void SystemActions::cancel()
{
    if (m_job && isBusy()) {
        m_job->cancel();
    }
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
    PrivilegedJob *job = m_job;
    if (!job) {
        return;
    }
    collectLog();
    const QVariantMap result = job->result();
    if (job->state() != PrivilegedJob::State::Succeeded) {
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
        const QString savedBefore = result.value(u"savedBefore"_s).toString();
        if (!savedBefore.isEmpty()) {
            m_commitBeforeSave = savedBefore;
        }
        ConfigurationSession::self()->reload();
        rebuild();
        return;
    }
    case Stage::Building:
        m_newGeneration = result.value(u"generation"_s).toInt();
        WindowState::self()->setLastRebuildDate(QDateTime::currentDateTime());
        WindowState::self()->setLastRebuildSucceeded(true);
        WindowState::self()->save();
        break;
    case Stage::Switching:
        m_newGeneration = result.value(u"generation"_s).toInt();
        break;
    case Stage::Restoring:
        ConfigurationSession::self()->reload();
        break;
    default:
        break;
    }
    m_commitBeforeSave.clear();
    setStage(Stage::Succeeded);
    Q_EMIT systemChanged();
}
