// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "flakelock.h"
#include "jobrunner.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <memory>
#include <optional>

class QProcess;
class QTemporaryDir;

/**
 * Updating the inputs of a flake the person owns, as that person: the root
 * helper never writes in their directory (issue 16), so the window runs
 * `nix flake update` itself and commits flake.lock with their own git
 * identity. The jobs answer with the same reply as the helper's
 * `updatesources` and `restoreconfig`, so the Updates page's steps stay one
 * path whoever writes.
 */
namespace Snowpane::Ui
{

/**
 * Why the window cannot update the inputs of the flake in @p directory
 * (the person's own), in a sentence that names the thing and ends with
 * "Nothing was changed."; empty when it can: the directory is a git
 * repository, flake.nix a regular file, and flake.lock a regular file git
 * tracks (or none yet, and not ignored).
 */
[[nodiscard]] QString whyFlakeNotUpdatable(const QString &directory);

/** What putting Nix's new lock in place did. */
struct UserLockUpdate {
    /** Why the lock was not updated; empty on success. */
    QString error;
    /** The lock changed and was committed. */
    bool changed = false;
    /** The commit before the update, whose flake.lock a discard puts back (the save of outside changes, or HEAD). */
    QString previousCommit;
    /** The commit of the new flake.lock; empty when nothing changed. */
    QString commit;
    QList<System::InputChange> changes;
};

/**
 * Puts @p after, the lock Nix wrote into its private output, in place of
 * flake.lock in @p directory, as the person: only when flake.lock still
 * holds @p before (nullopt: there was none), @p after is a lock file, and
 * the checks of whyFlakeNotUpdatable() still pass. Outside changes of
 * tracked files are committed first, then flake.lock is written atomically
 * and committed on its own with the person's git identity. On failure
 * flake.lock is as it was. @p after equal to @p before (or nullopt: Nix
 * wrote nothing) changes nothing at all.
 */
[[nodiscard]] UserLockUpdate commitNewLock(const QString &directory, const std::optional<QByteArray> &before, const std::optional<QByteArray> &after);

/** The `updatesources` reply for @p update, as the helper gives it (kind flake). */
[[nodiscard]] QVariantMap updateSourcesReply(const UserLockUpdate &update);

/**
 * Puts flake.lock in @p directory back as it was in @p commit (removes it
 * when the commit had none), as the person, and commits it on its own;
 * outside changes of tracked files are committed first. Commits made after
 * @p commit stay. Returns why not, or an empty string; on failure flake.lock
 * is as it was.
 */
[[nodiscard]] QString restoreLockAsUser(const QString &directory, const QString &commit);

/**
 * `updatesources` for the person's own flake, run by the window: Nix
 * updates the lock into a private file in the background (never on the GUI
 * thread), then commitNewLock() puts it in place, in the thread pool.
 * cancel() stops Nix (its whole process group) and the job ends Cancelled
 * with nothing changed; once Nix has finished, the job runs to its end.
 */
class UserFlakeUpdateJob : public Privileged::Job
{
    Q_OBJECT

public:
    explicit UserFlakeUpdateJob(const QString &directory, QObject *parent = nullptr);
    ~UserFlakeUpdateJob() override;

    void start() override;
    void cancel() override;

private:
    void readError();
    void nixFinished();
    void lockCommitted();

    QString m_directory;
    std::optional<QByteArray> m_before;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QProcess *m_process = nullptr;
    QByteArray m_error;
    bool m_cancelled = false;
    QFutureWatcher<UserLockUpdate> m_commit;
};

/** `restoreconfig` of flake.lock alone in the person's own flake, run by the window as restoreLockAsUser(); it finishes inside start(). */
class UserLockRestoreJob : public Privileged::Job
{
    Q_OBJECT

public:
    UserLockRestoreJob(const QString &directory, const QString &commit, QObject *parent = nullptr);

    void start() override;
    /** Putting the lock back is one short git operation: nothing to stop. */
    void cancel() override
    {
    }

private:
    QString m_directory;
    QString m_commit;
};

} // namespace Snowpane::Ui
