// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Generations/generationspace.h"
#include "jobrunner.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>

#include <memory>

/**
 * Everything that changes the machine, one operation at a time, through the
 * privileged helper: applying the pending edits (save, commit, rebuild),
 * switching to or booting a generation, and restoring an earlier
 * configuration. The window shows one progress view, bound to the relayed
 * progress of the running job, for all of them; the log of the running operation is kept whole, so that it can be
 * expanded and filtered after the helper's short window of recent lines has
 * moved on.
 */
class SystemActions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString title READ title NOTIFY stageChanged)
    Q_PROPERTY(QString phase READ phase NOTIFY progressChanged)
    Q_PROPERTY(qint64 derivationsDone READ derivationsDone NOTIFY progressChanged)
    Q_PROPERTY(qint64 derivationsExpected READ derivationsExpected NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesDone READ bytesDone NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesExpected READ bytesExpected NOTIFY progressChanged)
    Q_PROPERTY(QString activity READ activity NOTIFY progressChanged)
    Q_PROPERTY(QStringList log READ log NOTIFY logChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stageChanged)
    Q_PROPERTY(QString errorDetails READ errorDetails NOTIFY stageChanged)
    Q_PROPERTY(QString errorFile READ errorFile NOTIFY stageChanged)
    Q_PROPERTY(int errorLine READ errorLine NOTIFY stageChanged)
    Q_PROPERTY(bool canRevert READ canRevert NOTIFY stageChanged)
    /// Something runs and a cancel would stop it; false while a step that puts things back runs.
    Q_PROPERTY(bool canCancel READ canCancel NOTIFY stageChanged)
    Q_PROPERTY(int newGeneration READ newGeneration NOTIFY stageChanged)
    Q_PROPERTY(int previousGeneration READ previousGeneration NOTIFY stageChanged)
    Q_PROPERTY(Mode mode READ mode NOTIFY stageChanged)
    Q_PROPERTY(QString resultText READ resultText NOTIFY stageChanged)
    Q_PROPERTY(QString changeSummary READ changeSummary NOTIFY stageChanged)

public:
    /** How an apply takes effect, as the Changes page offers it. */
    enum class Mode {
        Switch, ///< "Switch now"
        Boot, ///< "Use at next boot"
        Test, ///< "Try without adding to the boot menu"
        Build, ///< "Build only"
        DryActivate, ///< "Preview which services would restart"
    };
    Q_ENUM(Mode)

    enum class Stage {
        Idle,
        Saving,
        Building,
        Switching,
        Restoring,
        Updating, ///< A sequence of steps run for another controller (checking for updates)
        Cleaning, ///< Removing old generations and collecting garbage
        Succeeded,
        Failed,
    };
    Q_ENUM(Stage)

    /** Runs its requests through this machine's privileged helper (KAuth). */
    explicit SystemActions(QObject *parent = nullptr);
    /** Runs its requests through @p runner, which must outlive this object (tests pass a scripted fake). */
    explicit SystemActions(Snowpane::Privileged::JobRunner *runner, QObject *parent = nullptr);
    ~SystemActions() override;

    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] Stage stage() const
    {
        return m_stage;
    }
    [[nodiscard]] QString title() const
    {
        return m_title;
    }
    /** The running (or last) job's progress, relayed: the step in words, counts once Nix knows them. */
    [[nodiscard]] QString phase() const;
    [[nodiscard]] qint64 derivationsDone() const;
    [[nodiscard]] qint64 derivationsExpected() const;
    [[nodiscard]] qint64 bytesDone() const;
    [[nodiscard]] qint64 bytesExpected() const;
    [[nodiscard]] QString activity() const;
    [[nodiscard]] QStringList log() const
    {
        return m_log;
    }
    [[nodiscard]] QString errorMessage() const
    {
        return m_errorMessage;
    }
    [[nodiscard]] QString errorDetails() const
    {
        return m_errorDetails;
    }
    [[nodiscard]] QString errorFile() const
    {
        return m_errorFile;
    }
    [[nodiscard]] int errorLine() const
    {
        return m_errorLine;
    }
    /** A failed apply saved the configuration: restoring the commit before it takes the change back. */
    [[nodiscard]] bool canRevert() const
    {
        return m_stage == Stage::Failed && !m_commitBeforeSave.isEmpty();
    }
    /** Something runs that a cancel may stop: not a step of a sequence that takes a change back. */
    [[nodiscard]] bool canCancel() const
    {
        return isBusy() && !(m_inSequence && !m_stepCancellable);
    }
    /**
     * The last operation built a system from the configuration and made it
     * current or the boot default (apply with Switch, Boot or Test), so the
     * sources on disk are now in the system.
     */
    [[nodiscard]] bool appliedConfiguration() const
    {
        return m_appliedConfiguration;
    }
    [[nodiscard]] int newGeneration() const
    {
        return m_newGeneration;
    }
    [[nodiscard]] int previousGeneration() const
    {
        return m_previousGeneration;
    }

    [[nodiscard]] Mode mode() const
    {
        return m_mode;
    }
    /** What a finished operation did, in one sentence. */
    [[nodiscard]] QString resultText() const
    {
        return m_resultText;
    }
    /** After a rebuild or switch: the package changes from the previous generation, in words. */
    [[nodiscard]] QString changeSummary() const
    {
        return m_changeSummary;
    }

    /** Saves the pending edits (if any), commits them, then rebuilds with @p mode. */
    Q_INVOKABLE void apply(Mode mode);
    /** Makes generation @p generation current now (`boot` false) or at the next boot. */
    Q_INVOKABLE void switchGeneration(int generation, bool boot);
    /** Rolls back to the newest generation before the current one. */
    Q_INVOKABLE void rollBack();
    /** Restores the configuration files of @p commit as a new commit. */
    Q_INVOKABLE void restoreConfiguration(const QString &commit);
    /** After a failed apply: restores the configuration as it was before the save. */
    Q_INVOKABLE void revert();
    Q_INVOKABLE void cancel();
    /**
     * Deletes exactly the generations the cleanup dialog listed in @p plan
     * (GenerationSpace::planFor), then collects garbage. The helper checks
     * each against the plan's rule and never deletes the current, booted or
     * running one; if any fails, it deletes none.
     */
    Q_INVOKABLE void deleteGenerations(const GenerationCleanupPlan &plan);

    /**
     * A sequence of helper jobs that another controller (Updates) drives, shown
     * in the same progress view as one operation titled @p title. Between
     * steps the operation stays busy; each step's end is reported by
     * stepFinished(), and the controller ends the sequence with
     * finishSequence() or failSequence(). False when something else runs.
     */
    [[nodiscard]] bool beginSequence(const QString &title);
    /**
     * Runs @p request as the next step of the sequence; @p title names the step.
     * A step that is not @p cancellable (one that puts
     * things back) ignores cancel() and hides the progress view's Cancel.
     */
    void runStep(const Snowpane::Privileged::Request &request, const QString &title, bool cancellable = true);
    /**
     * Runs @p job, not yet started, as the next step of the sequence, as
     * runStep() does with a request: work the window does itself, as the
     * person (updating their own flake's inputs). Takes ownership of @p job.
     */
    void runJobStep(Snowpane::Privileged::Job *job, const QString &title, bool cancellable = true);
    /** Ends the sequence with @p resultText as its result. */
    void finishSequence(const QString &resultText);
    /** Ends the sequence as failed with @p message and the technical @p details. */
    void failSequence(const QString &message, const QString &details);
    /** In a sequence: whether the person asked to cancel the step that is running. */
    [[nodiscard]] bool isSequenceCancelled() const
    {
        return m_sequenceCancelled;
    }

    /** Back to Idle after the person has read a result. */
    Q_INVOKABLE void dismiss();
    /** The mode in words, for buttons and menus. */
    Q_INVOKABLE static QString modeText(Mode mode);
    /** Whether @p mode activates the result on this machine: all but Build, which works for any host of the flake. */
    Q_INVOKABLE static bool activatesThisMachine(Mode mode);

    /** A helper phase ("building", "activating", …) in words. */
    Q_INVOKABLE static QString phaseText(const QString &phase);
    /** Opens the file named by a failed build's error in an editor, at its line. */
    Q_INVOKABLE void openErrorLocation() const;

    /** The helper's mode argument for @p mode. */
    [[nodiscard]] static QString modeArgument(Mode mode);

Q_SIGNALS:
    void busyChanged();
    void stageChanged();
    void progressChanged();
    void logChanged();
    /** The machine's generations or configuration changed: views re-read them. */
    void systemChanged();
    /**
     * A step of a sequence ended. On failure, @p message is the sentence for
     * the person and @p details the helper's words; @p result is the job's reply.
     */
    void stepFinished(bool succeeded, const QVariantMap &result, const QString &message, const QString &details);

private:
    void start(const Snowpane::Privileged::Request &request, Stage stage, const QString &title);
    void startJob(Snowpane::Privileged::Job *job, Stage stage, const QString &title);
    void setStage(Stage stage);
    /// Forgets the previous operation's result and error before the next one starts.
    void clearResult();
    void collectLog();
    void jobFinished();
    void saved();
    void rebuild();
    void fail(const QString &message);
    void summariseChange();
    // The person's own configuration (systemactionsuser.cpp): false when apply() must not go on to the helper's save.
    [[nodiscard]] bool saveAsUserIfTheirs();
    void noteUserBuild(const QVariantMap &result);
    // Restores @p commit in the person's own configuration, as them; false when the helper must do it (root's directory).
    [[nodiscard]] bool restoreAsUserIfTheirs(const QString &commit);

    std::unique_ptr<Snowpane::Privileged::JobRunner> m_ownRunner;
    Snowpane::Privileged::JobRunner *m_runner = nullptr;
    QPointer<Snowpane::Privileged::Job> m_job;
    Stage m_stage = Stage::Idle;
    Mode m_mode = Mode::Switch;
    QString m_title;
    QStringList m_log;
    QString m_errorMessage;
    QString m_errorDetails;
    QString m_errorFile;
    int m_errorLine = 0;
    QString m_headBeforeSave;
    QString m_commitBeforeSave;
    /// The commit the window made in the person's own directory for this apply; the built generation is noted on it.
    QString m_userCommit;
    QString m_resultText;
    QString m_changeSummary;
    int m_newGeneration = 0;
    int m_previousGeneration = 0;
    bool m_inSequence = false;
    bool m_sequenceCancelled = false;
    bool m_stepCancellable = true;
    bool m_appliedConfiguration = false;
    /// The person cancelled the running job (outside a sequence); a job that still succeeds stops the operation after it.
    bool m_cancelRequested = false;
};
