// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Updates/userflakeupdate.h"

#include "Generations/generationshared.h"
#include "atomicwrite.h"
#include "gitrepository.h"
#include "helperprotocol.h"
#include "uilogging.h"
#include "usercommit.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Ui
{

namespace
{

constexpr qsizetype MaxLockBytes = 4 * 1024 * 1024;
// Log lines the job keeps for the progress view; the view appends what is new.
constexpr qsizetype RecentLineCount = 200;
// How long Nix has to stop after SIGTERM before the whole group is killed.
constexpr int StopGraceMs = 5000;

QString tr(const char *text)
{
    return QCoreApplication::translate("UserFlakeUpdate", text);
}

QString lockPath(const QString &directory)
{
    return QDir(directory).filePath(u"flake.lock"_s);
}

/** flake.lock as it is now: nullopt when there is none; refused when it is a link or not a regular file. */
struct LockRead {
    std::optional<QByteArray> bytes;
    QString error;
};

LockRead readLock(const QString &directory)
{
    LockRead read;
    const QString path = lockPath(directory);
    // O_NOFOLLOW: a link is refused, never read through (it could name any file of the person's).
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) {
            return read;
        }
        read.error = errno == ELOOP ? tr("%1 is a symbolic link. Snowpane updates only a flake.lock that is a file of its own. Nothing was changed.").arg(path)
                                    : tr("Cannot open %1: %2. Nothing was changed.").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return read;
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        read.error = tr("Cannot read %1. Nothing was changed.").arg(path);
        return read;
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        read.error = tr("%1 is not a regular file. Nothing was changed.").arg(path);
        return read;
    }
    if (st.st_size > MaxLockBytes) {
        read.error = tr("%1 is larger than %2 MiB, too large for a lock file. Nothing was changed.").arg(path).arg(MaxLockBytes / (1024 * 1024));
        return read;
    }
    read.bytes = file.readAll();
    return read;
}

/** Writes @p bytes as flake.lock atomically, or removes it for nullopt; an error or empty. */
QString putLock(const QString &directory, const std::optional<QByteArray> &bytes)
{
    const QString path = lockPath(directory);
    if (!bytes) {
        if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT) {
            return tr("Cannot remove %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        }
        return {};
    }
    return QString::fromStdString(Snowpane::Config::writeFilesAtomically({{QFile::encodeName(path).toStdString(), bytes->toStdString()}}));
}

/** Nix's error without its colours and its warnings about the dirty tree; the exit status when it said nothing. */
QString nixError(const QByteArray &stderrBytes, int exitCode)
{
    static const QRegularExpression escapes(u"\x1b\\[[0-9;]*[A-Za-z]"_s);
    QStringList lines = QString::fromUtf8(stderrBytes).remove(escapes).split(u'\n');
    const auto first = std::find_if(lines.cbegin(), lines.cend(), [](const QString &line) {
        return line.startsWith(u"error:"_s);
    });
    // From Nix's first "error:" line on: what it did before (fetching, warnings) is in the log.
    if (first != lines.cend()) {
        lines = lines.mid(first - lines.cbegin());
    }
    lines.removeIf([](const QString &line) {
        return line.trimmed().isEmpty() || line.startsWith(u"warning: Git tree"_s);
    });
    return lines.isEmpty() ? tr("nix flake update failed with exit code %1 and printed nothing.").arg(exitCode) : lines.join(u'\n');
}

/** Sends @p signal to Nix's process group, never to anything else: a process that has not started has no group. */
void signalGroup(const QProcess *process, int signal)
{
    const qint64 pid = process->processId();
    if (pid > 0 && process->state() != QProcess::NotRunning) {
        ::kill(-pid_t(pid), signal);
    }
}

QVariantMap failureData(const UserLockUpdate &update)
{
    // As the helper's: a failure after the save names it, so that the caller knows what was committed.
    return update.previousCommit.isEmpty() ? QVariantMap() : QVariantMap{{QLatin1String(Protocol::Reply::PreviousCommit), update.previousCommit}};
}

} // namespace

QString whyFlakeNotUpdatable(const QString &directory)
{
    auto opened = System::GitRepository::open(directory);
    if (!opened.repository) {
        if (opened.status == System::GitRepository::OpenResult::Status::NotARepository) {
            return tr("%1 is not a git repository, so an update of its flake.lock could not be undone. Run “git init” there and commit the "
                      "configuration's files first. Nothing was changed.")
                .arg(directory);
        }
        return tr("Cannot open the git repository of %1: %2. Nothing was changed.").arg(directory, opened.error);
    }
    struct stat st{};
    const QString flake = QDir(directory).filePath(u"flake.nix"_s);
    if (::lstat(QFile::encodeName(flake).constData(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return tr("%1 is not a regular file, so Snowpane does not update this flake's inputs. Nothing was changed.").arg(flake);
    }
    const LockRead lock = readLock(directory);
    if (!lock.error.isEmpty()) {
        return lock.error;
    }
    QString error;
    const bool ignored = System::isIgnored(*opened.repository, u"flake.lock"_s, &error);
    if (!error.isEmpty()) {
        return tr("%1. Nothing was changed.").arg(error);
    }
    if (ignored) {
        return tr("flake.lock is ignored by git in %1 (.gitignore), so an update could not be committed or undone. Remove it from the ignored "
                  "files first. Nothing was changed.")
            .arg(directory);
    }
    const QStringList untracked = System::untrackedFiles(*opened.repository, {u"flake.lock"_s}, &error);
    if (!error.isEmpty()) {
        return tr("%1. Nothing was changed.").arg(error);
    }
    if (!untracked.isEmpty()) {
        return tr("flake.lock is not tracked by git in %1, so the flake does not see it and an update could not be undone. Add it with "
                  "“git add flake.lock” first. Nothing was changed.")
            .arg(directory);
    }
    return {};
}

UserLockUpdate commitNewLock(const QString &directory, const std::optional<QByteArray> &before, const std::optional<QByteArray> &after)
{
    UserLockUpdate update;
    auto opened = System::GitRepository::open(directory);
    if (!opened.repository) {
        update.error = opened.error;
        return update;
    }
    System::GitRepository &repository = *opened.repository;
    if (!after || after == before) {
        // Nix found nothing newer: nothing is written and nothing committed.
        update.previousCommit = repository.head().commit;
        return update;
    }
    if (!System::isFlakeLock(*after)) {
        update.error = tr("nix flake update wrote something that is not a lock file. Nothing was changed.");
        return update;
    }
    if (update.error = whyFlakeNotUpdatable(directory); !update.error.isEmpty()) {
        return update;
    }
    // Somebody else may have changed the lock while Nix ran: their change is kept, and this update is not written over it.
    if (readLock(directory).bytes != before) {
        update.error = tr("flake.lock in %1 was changed while Nix was updating it. Nothing was changed; check for updates again.").arg(directory);
        return update;
    }
    update.changes = System::changedInputs(System::parseFlakeLockInputs(before.value_or(QByteArray())), System::parseFlakeLockInputs(*after));

    // The commit before the update is what a discard returns to, so changes of tracked files made outside Snowpane are saved first.
    const auto saved = repository.commitTracked({}, tr("Snowpane: save the configuration as it was before an update"));
    if (!saved.error.isEmpty()) {
        update.error = saved.error;
        return update;
    }
    update.previousCommit = saved.commit.isEmpty() ? repository.head().commit : saved.commit;
    if (const QString error = putLock(directory, after); !error.isEmpty()) {
        update.error = tr("Cannot write flake.lock: %1").arg(error);
        return update;
    }
    const auto committed = repository.commitTracked({u"flake.lock"_s}, System::flakeUpdateMessage(update.changes));
    if (!committed.error.isEmpty()) {
        // Nothing of the update stays: the lock goes back to the bytes the save committed.
        if (const QString error = putLock(directory, before); !error.isEmpty()) {
            qCWarning(SNOWPANE_UI) << "cannot put flake.lock back after a failed commit:" << error;
        }
        update.error = tr("flake.lock could not be committed, so it was put back: %1").arg(committed.error);
        return update;
    }
    update.changed = true;
    update.commit = committed.commit.isEmpty() ? repository.head().commit : committed.commit;
    qCInfo(SNOWPANE_UI) << "updated flake.lock in" << directory << "as commit" << update.commit;
    return update;
}

QVariantMap updateSourcesReply(const UserLockUpdate &update)
{
    QVariantList inputs;
    for (const System::InputChange &change : update.changes) {
        inputs.append(QVariantMap{{QLatin1String(Protocol::Reply::InputName), change.name},
                                  {QLatin1String(Protocol::Reply::OldRevision), change.oldRevision},
                                  {QLatin1String(Protocol::Reply::NewRevision), change.newRevision},
                                  {QLatin1String(Protocol::Reply::OldDate), change.oldDate.isValid() ? change.oldDate.toString(Qt::ISODate) : QString()},
                                  {QLatin1String(Protocol::Reply::NewDate), change.newDate.isValid() ? change.newDate.toString(Qt::ISODate) : QString()}});
    }
    return {{QLatin1String(Protocol::Reply::Kind), QLatin1String(Protocol::Reply::KindFlake)},
            {QLatin1String(Protocol::Reply::Changed), update.changed},
            {QLatin1String(Protocol::Reply::Commit), update.commit},
            {QLatin1String(Protocol::Reply::PreviousCommit), update.previousCommit},
            {QLatin1String(Protocol::Reply::Inputs), inputs}};
}

QString restoreLockAsUser(const QString &directory, const QString &commit)
{
    auto opened = System::GitRepository::open(directory);
    if (!opened.repository) {
        return opened.error;
    }
    System::GitRepository &repository = *opened.repository;
    QString error;
    const std::optional<QByteArray> then = System::fileAtCommit(repository, commit, u"flake.lock"_s, &error);
    if (!error.isEmpty()) {
        return error;
    }
    const LockRead now = readLock(directory);
    if (!now.error.isEmpty()) {
        return now.error;
    }
    if (then && !System::isFlakeLock(*then)) {
        return tr("flake.lock in commit %1 is not a lock file. Nothing was changed.").arg(commit.left(12));
    }
    if (now.bytes == then) {
        return {};
    }
    // As every restore: changes of tracked files made outside Snowpane go into the history before the lock is replaced.
    if (const auto saved = repository.commitTracked({}, tr("Snowpane: save the configuration as it was before an update was discarded"));
        !saved.error.isEmpty()) {
        return saved.error;
    }
    if (error = putLock(directory, then); !error.isEmpty()) {
        return error;
    }
    const auto committed = repository.commitTracked(then ? QStringList{u"flake.lock"_s} : QStringList(),
                                                    tr("Snowpane: discard an update: flake.lock as it was in %1").arg(commit.left(12)));
    if (!committed.error.isEmpty()) {
        if (const QString back = putLock(directory, now.bytes); !back.isEmpty()) {
            qCWarning(SNOWPANE_UI) << "cannot put flake.lock back after a failed commit:" << back;
        }
        return tr("flake.lock could not be committed, so it was left as it was: %1").arg(committed.error);
    }
    qCInfo(SNOWPANE_UI) << "flake.lock in" << directory << "is back as in" << commit;
    return {};
}

UserFlakeUpdateJob::UserFlakeUpdateJob(const QString &directory, QObject *parent)
    : Privileged::Job({QLatin1String(Protocol::Action::UpdateSources), {}}, parent)
    , m_directory(directory)
{
    connect(&m_commit, &QFutureWatcher<UserLockUpdate>::finished, this, &UserFlakeUpdateJob::lockCommitted);
}

UserFlakeUpdateJob::~UserFlakeUpdateJob()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // The window closes mid-update: Nix goes with it, and nothing was written.
        m_process->disconnect(this);
        signalGroup(m_process, SIGKILL);
        m_process->waitForFinished(StopGraceMs);
    }
    // A commit already in the thread pool holds nothing of this job and ends on its own.
}

void UserFlakeUpdateJob::start()
{
    if (state() != State::Idle) {
        return;
    }
    setRunning();
    if (const QString refusal = whyFlakeNotUpdatable(m_directory); !refusal.isEmpty()) {
        fail(ErrorKind::Failed, refusal);
        return;
    }
    m_before = readLock(m_directory).bytes;
    m_scratch = std::make_unique<QTemporaryDir>();
    if (!m_scratch->isValid()) {
        fail(ErrorKind::Failed, tr("Cannot make a temporary directory: %1. Nothing was changed.").arg(m_scratch->errorString()));
        return;
    }
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString nix = QStandardPaths::findExecutable(u"nix"_s, environment.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts));
    if (nix.isEmpty()) {
        fail(ErrorKind::Failed, tr("Nix (the nix command) is not on your PATH, so the flake's inputs cannot be updated. Nothing was changed."));
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(nix);
    // Nix writes the new lock into the private directory; only commitNewLock() puts it in place, after checking it.
    m_process->setArguments({u"--extra-experimental-features"_s,
                             u"nix-command flakes"_s,
                             u"flake"_s,
                             u"update"_s,
                             u"--flake"_s,
                             QDir(m_directory).absolutePath(),
                             u"--output-lock-file"_s,
                             m_scratch->filePath(u"flake.lock"_s)});
    m_process->setWorkingDirectory(m_directory);
    m_process->setProcessEnvironment(environment);
    // Its own process group, so that cancel() stops the fetchers Nix starts (git, ssh) with it.
    m_process->setChildProcessModifier([] {
        ::setpgid(0, 0);
    });
    connect(m_process, &QProcess::readyReadStandardError, this, &UserFlakeUpdateJob::readError);
    connect(m_process, &QProcess::finished, this, &UserFlakeUpdateJob::nixFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            fail(ErrorKind::Failed, tr("Cannot run %1: %2. Nothing was changed.").arg(m_process->program(), m_process->errorString()));
        }
    });
    // A bounded wait, as the helper's: Nix that hangs on a download is stopped and the update fails.
    QTimer::singleShot(Protocol::Bound::SourceUpdate, this, [this] {
        if (m_process->state() != QProcess::NotRunning) {
            signalGroup(m_process, SIGKILL);
            fail(ErrorKind::TimedOut, tr("nix flake update did not finish within an hour and was stopped. Nothing was changed."));
        }
    });
    Privileged::Progress progress;
    progress.phase = QLatin1String(Protocol::Progress::PhaseFetching);
    progress.activity = tr("Updating the flake's inputs");
    setProgress(progress);
    m_process->start();
}

void UserFlakeUpdateJob::cancel()
{
    // Once Nix has finished, the lock is being put in place: that runs to its end, and the caller takes it back.
    if (state() != State::Running || !m_process || m_process->state() == QProcess::NotRunning) {
        return;
    }
    m_cancelled = true;
    signalGroup(m_process, SIGTERM);
    QTimer::singleShot(StopGraceMs, this, [this] {
        signalGroup(m_process, SIGKILL);
    });
}

void UserFlakeUpdateJob::readError()
{
    const QByteArray bytes = m_process->readAllStandardError();
    m_error += bytes;
    Privileged::Progress now = progress();
    for (const QString &line : QString::fromUtf8(bytes).split(u'\n', Qt::SkipEmptyParts)) {
        now.recentLines.append(line);
        now.activity = line;
    }
    if (now.recentLines.size() > RecentLineCount) {
        now.recentLines = now.recentLines.mid(now.recentLines.size() - RecentLineCount);
    }
    setProgress(now);
}

void UserFlakeUpdateJob::nixFinished()
{
    readError();
    if (isFinished()) {
        return; // timed out, or it never started
    }
    if (m_cancelled) {
        fail(ErrorKind::Cancelled, tr("The update was cancelled before anything was written. Nothing was changed."));
        return;
    }
    if (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0) {
        fail(ErrorKind::Failed, nixError(m_error, m_process->exitCode()));
        return;
    }
    std::optional<QByteArray> after;
    QFile written(m_scratch->filePath(u"flake.lock"_s));
    if (written.exists()) {
        if (written.size() > MaxLockBytes || !written.open(QIODevice::ReadOnly)) {
            fail(ErrorKind::Failed, tr("Cannot read the lock file nix flake update wrote. Nothing was changed."));
            return;
        }
        after = written.readAll();
    }
    // No file: Nix found nothing to change.
    if (!after) {
        after = m_before;
    }
    Privileged::Progress now = progress();
    now.phase = QLatin1String(Protocol::Progress::PhaseCommitting);
    now.activity = tr("Committing flake.lock");
    setProgress(now);
    // libgit2 and the file system off the GUI thread, each with its own repository handle.
    m_commit.setFuture(runInThreadPool<UserLockUpdate>([directory = m_directory, before = m_before, after](QPromise<UserLockUpdate> &promise) {
        promise.addResult(commitNewLock(directory, before, after));
    }));
}

void UserFlakeUpdateJob::lockCommitted()
{
    if (m_commit.future().resultCount() == 0) {
        fail(ErrorKind::Failed, tr("Putting the new flake.lock in place stopped before it ended."));
        return;
    }
    const UserLockUpdate update = m_commit.result();
    if (!update.error.isEmpty()) {
        fail(ErrorKind::Failed, update.error, failureData(update));
        return;
    }
    succeed(updateSourcesReply(update));
}

UserLockRestoreJob::UserLockRestoreJob(const QString &directory, const QString &commit, QObject *parent)
    : Privileged::Job({QLatin1String(Protocol::Action::RestoreConfig), {}}, parent)
    , m_directory(directory)
    , m_commit(commit)
{
}

void UserLockRestoreJob::start()
{
    if (state() != State::Idle) {
        return;
    }
    setRunning();
    if (const QString error = restoreLockAsUser(m_directory, m_commit); !error.isEmpty()) {
        fail(ErrorKind::Failed, error);
        return;
    }
    succeed({{QLatin1String(Protocol::Reply::Restored), m_commit}});
}

} // namespace Snowpane::Ui
