// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Changes/systemactions.h"
#include "Generations/generationpackagechanges.h"
#include "Updates/pendingupdate.h"
#include "jobrunner.h"
#include "nixpkgssource.h"
#include "updatepreview.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

/** One flake input or channel of an update, in words, as the Updates page shows it. */
struct UpdateSource {
    Q_GADGET
    QML_VALUE_TYPE(updateSource)
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    /// Both sides in one line ("bc3c6a1, 12 November 2024 → 4d2c9a0, 20 November 2024").
    Q_PROPERTY(QString changeText MEMBER changeText CONSTANT)
    /// Short revisions and dates in words; empty when unknown.
    Q_PROPERTY(QString revisionBefore MEMBER revisionBefore CONSTANT)
    Q_PROPERTY(QString revisionAfter MEMBER revisionAfter CONSTANT)
    Q_PROPERTY(QString dateBefore MEMBER dateBefore CONSTANT)
    Q_PROPERTY(QString dateAfter MEMBER dateAfter CONSTANT)

public:
    QString name;
    QString changeText;
    QString revisionBefore;
    QString revisionAfter;
    QString dateBefore;
    QString dateAfter;
};

/**
 * "Update all packages": fetches newer nixpkgs (the channels or the flake's
 * inputs), builds the new system without activating it, and says exactly
 * what would change against the running system: packages, the kernel, the
 * closure size and the services a switch would restart, stop or start.
 * Then the person applies the update (with the Changes page's modes) or
 * discards it, which puts the sources back where they were. Every helper
 * step runs through SystemActions, so the one progress view shows it.
 *
 * A check that fails after the sources changed takes them back at once: a
 * failed check leaves the machine as it was. A check whose preview is
 * waiting is remembered across restarts, so that it can still be discarded.
 */
class UpdateController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Updates)
    QML_SINGLETON

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    /// An update waits for review, or is being applied or discarded: the page shows its preview.
    Q_PROPERTY(bool previewShown READ isPreviewShown NOTIFY stateChanged)
    /// Why an update that waited is gone (applied with other changes, or its sources changed); empty otherwise.
    Q_PROPERTY(QString notice READ notice NOTIFY stateChanged)
    /// Why the last check failed, in words; empty otherwise.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    /// The sources that changed.
    Q_PROPERTY(QList<UpdateSource> sources READ sources NOTIFY previewChanged)
    /// "flake" or "channels"; empty before a check.
    Q_PROPERTY(QString sourceKind READ sourceKind NOTIFY previewChanged)
    Q_PROPERTY(GenerationPackageChangeModel *packages READ packages CONSTANT)
    /// The store path of the system built for the update; empty before a check.
    Q_PROPERTY(QString builtSystem READ builtSystem NOTIFY previewChanged)
    Q_PROPERTY(QString kernelBefore READ kernelBefore NOTIFY previewChanged)
    Q_PROPERTY(QString kernelAfter READ kernelAfter NOTIFY previewChanged)
    /// The kernel line of the preview, in words ("6.6.1 → 6.6.8", "6.6.8, unchanged", "unknown").
    Q_PROPERTY(QString kernelText READ kernelText NOTIFY previewChanged)
    /// The kernel changes, so the machine must restart to use it.
    Q_PROPERTY(bool rebootNeeded READ isRebootNeeded NOTIFY previewChanged)
    Q_PROPERTY(QString sizeBeforeText READ sizeBeforeText NOTIFY previewChanged)
    Q_PROPERTY(QString sizeAfterText READ sizeAfterText NOTIFY previewChanged)
    Q_PROPERTY(QString sizeDeltaText READ sizeDeltaText NOTIFY previewChanged)
    Q_PROPERTY(QStringList unitsToRestart READ unitsToRestart NOTIFY previewChanged)
    Q_PROPERTY(QStringList unitsToStart READ unitsToStart NOTIFY previewChanged)
    Q_PROPERTY(QStringList unitsToStop READ unitsToStop NOTIFY previewChanged)
    Q_PROPERTY(QStringList unitsToReload READ unitsToReload NOTIFY previewChanged)
    Q_PROPERTY(bool systemdRestarts READ systemdRestarts NOTIFY previewChanged)
    /// The package comparison finished: the package lists and sizes are what the update changes.
    Q_PROPERTY(bool packagesKnown READ packagesKnown NOTIFY previewChanged)
    /// dry-activate ran: the unit lists are what a switch would do.
    Q_PROPERTY(bool unitsKnown READ unitsKnown NOTIFY previewChanged)
    /// Some unit restarts, starts, stops or reloads, or systemd itself restarts.
    Q_PROPERTY(bool hasUnitChanges READ hasUnitChanges NOTIFY previewChanged)
    /// A sentence for the services section when there is no list to show (none change, or not worked out); empty otherwise.
    Q_PROPERTY(QString unitsNote READ unitsNote NOTIFY previewChanged)
    /// A sentence for the packages section when there is no list to show; empty otherwise.
    Q_PROPERTY(QString packagesNote READ packagesNote NOTIFY previewChanged)
    /// One line for the top of the preview ("12 packages upgraded, 1 added …").
    Q_PROPERTY(QString summary READ summary NOTIFY previewChanged)
    /// Set when the preview could not be made complete (the comparison failed); the rest still stands.
    Q_PROPERTY(QString previewProblem READ previewProblem NOTIFY previewChanged)
    Q_PROPERTY(QDateTime lastChecked READ lastChecked NOTIFY checkedChanged)
    /// "Last checked 3 hours ago" or "Never checked for updates".
    Q_PROPERTY(QString lastCheckedText READ lastCheckedText NOTIFY checkedChanged)
    /// Checked within the last week.
    Q_PROPERTY(bool checkedRecently READ checkedRecently NOTIFY checkedChanged)
    /// "nixpkgs from 12 November 2024, 13 days old"; empty when unknown.
    Q_PROPERTY(QString currentNixpkgsText READ currentNixpkgsText NOTIFY sourceChanged)

public:
    enum class State {
        Idle,
        Checking,
        PreviewReady,
        UpToDate,
        Failed,
        Applying,
        Discarding,
    };
    Q_ENUM(State)

    /** Drives its helper steps through @p actions (the window's SystemActions). */
    explicit UpdateController(SystemActions *actions, QObject *parent = nullptr);
    ~UpdateController() override;
    /** The QML singleton, sharing the engine's SystemActions. */
    static UpdateController *create(QQmlEngine *engine, QJSEngine *);

    [[nodiscard]] State state() const
    {
        return m_state;
    }
    [[nodiscard]] QString errorMessage() const
    {
        return m_errorMessage;
    }
    [[nodiscard]] bool isPreviewShown() const
    {
        return m_state == State::PreviewReady || m_state == State::Applying || m_state == State::Discarding;
    }
    [[nodiscard]] QString notice() const
    {
        return m_notice;
    }
    [[nodiscard]] QList<UpdateSource> sources() const;
    [[nodiscard]] QString sourceKind() const
    {
        return Snowpane::Privileged::kindName(m_update.kind);
    }
    [[nodiscard]] GenerationPackageChangeModel *packages()
    {
        return &m_packages;
    }
    [[nodiscard]] QString builtSystem() const
    {
        return m_update.builtSystem;
    }
    [[nodiscard]] QString kernelBefore() const
    {
        return m_preview.kernelBefore;
    }
    [[nodiscard]] QString kernelAfter() const
    {
        return m_preview.kernelAfter;
    }
    [[nodiscard]] bool isRebootNeeded() const;
    [[nodiscard]] QString kernelText() const;
    [[nodiscard]] bool packagesKnown() const
    {
        return m_packagesKnown;
    }
    [[nodiscard]] bool unitsKnown() const
    {
        return m_update.complete;
    }
    [[nodiscard]] bool hasUnitChanges() const
    {
        return !m_update.units.isEmpty();
    }
    [[nodiscard]] QString unitsNote() const;
    [[nodiscard]] QString packagesNote() const;
    [[nodiscard]] QString sizeBeforeText() const;
    [[nodiscard]] QString sizeAfterText() const;
    [[nodiscard]] QString sizeDeltaText() const;
    [[nodiscard]] QStringList unitsToRestart() const
    {
        return m_update.units.restart;
    }
    [[nodiscard]] QStringList unitsToStart() const
    {
        return m_update.units.start;
    }
    [[nodiscard]] QStringList unitsToStop() const
    {
        return m_update.units.stop;
    }
    [[nodiscard]] QStringList unitsToReload() const
    {
        return m_update.units.reload;
    }
    [[nodiscard]] bool systemdRestarts() const
    {
        return m_update.units.restartSystemd;
    }
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString previewProblem() const
    {
        return m_preview.error;
    }
    [[nodiscard]] QDateTime lastChecked() const;
    [[nodiscard]] QString lastCheckedText() const;
    [[nodiscard]] bool checkedRecently() const;
    [[nodiscard]] QString currentNixpkgsText() const
    {
        return m_currentNixpkgsText;
    }

    /** Fetches newer sources and builds the preview. */
    Q_INVOKABLE void check();
    /** Builds and applies the updated sources with @p mode, as the Changes page does. */
    Q_INVOKABLE void apply(SystemActions::Mode mode);
    /** Puts the sources back where they were before the check, and forgets the preview. */
    Q_INVOKABLE void discard();
    /**
     * For tests: reads the update waiting for review from the saved window
     * state again (the window reads it once, at start); Idle when there is
     * none. Ignored while a check, apply or discard runs.
     */
    void reloadPending();
    /** Reads the nixpkgs the configuration uses again (after the system changed). */
    Q_INVOKABLE void reloadSource();

    /** For tests: the channels profile beside the system profile, as NixOS lays them out. */
    [[nodiscard]] static QString channelsProfile();
    /// The system profile's current generation; 0 when there is none.
    [[nodiscard]] static int systemGeneration();

Q_SIGNALS:
    void stateChanged();
    void previewChanged();
    void checkedChanged();
    void sourceChanged();

private:
    enum class Step {
        None,
        Sources,
        Build,
        Compare,
        DryActivate,
        Revert,
        Discard,
    };

    void setState(State state);
    void stepFinished(bool succeeded, const QVariantMap &result, const QString &message, const QString &details);
    void sourcesUpdated(const Snowpane::Privileged::UpdateSourcesReply &reply);
    void compared();
    void dryActivated();
    void failCheck(const QString &message, const QString &details);
    void revertSources();
    /** Runs the step that puts the sources back: as the person in their own flake, else through the helper. */
    void takeBackSources();
    /** The configuration in @p directory is a flake the person owns: its lock is updated and put back by the window, as them. */
    [[nodiscard]] static bool isOwnFlake(const QString &directory);
    void clearPreview();
    void markChecked();
    void savePending() const;
    void restorePending();
    void actionsStageChanged();
    void startComparison();
    /** Forgets the waiting update without touching the sources, and says why in notice(). */
    void dropPending(const QString &why);
    /** Why the waiting update no longer matches the machine (applied since, or its sources moved); empty while it still does. */
    [[nodiscard]] QString whyNoLongerWaiting() const;

    QPointer<SystemActions> m_actions;
    State m_state = State::Idle;
    Step m_step = Step::None;
    QString m_errorMessage;
    QString m_failureMessage;
    QString m_failureDetails;
    /// The update being checked or waiting for review; empty otherwise.
    Snowpane::Ui::PendingUpdate m_update;
    bool m_packagesKnown = false;
    QString m_notice;
    /// The nixpkgs before the check started, for the channels' "before" (their reply names generations only).
    Snowpane::System::NixpkgsSource m_sourceBefore;
    Snowpane::System::UpdatePreview m_preview;
    GenerationPackageChangeModel m_packages;
    qsizetype m_logStart = 0;
    QString m_currentNixpkgsText;
    QFutureWatcher<Snowpane::System::UpdatePreview> m_watcher;
};
