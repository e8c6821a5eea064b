// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Machines/machinelistmodel.h"
#include "Machines/machineprogressmodel.h"
#include "Machines/machinerecords.h"

#include "Generations/generationpackagechanges.h"

#include "deployjob.h"
#include "flaketargets.h"
#include "machineprobe.h"
#include "sshclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QThreadPool>

#include <optional>

/**
 * The Machines page: every host of the flake with its target, whether it
 * answers, what it runs and when Snowpane last deployed it; and Build,
 * Deploy (one or several hosts together), Roll back and Generations. All of
 * it goes through the remote engine (app/remote) on worker threads: nothing
 * here waits for Nix or SSH on the GUI thread. One operation runs at a time;
 * its rows are in `progress`.
 */
class MachinesController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Machines)
    QML_SINGLETON

    Q_PROPERTY(MachineListModel *list READ list CONSTANT)
    Q_PROPERTY(MachineProgressModel *progress READ progress CONSTANT)
    /// The flake the hosts come from; empty when the configuration is not a flake.
    Q_PROPERTY(QString flake READ flake NOTIFY flakeChanged)
    /// Targets are being read, or machines probed.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// Why the hosts could not be read; empty when they could.
    Q_PROPERTY(QString loadError READ loadError NOTIFY loadErrorChanged)
    /// An operation (build, deploy, roll back, switch) runs.
    Q_PROPERTY(bool running READ isRunning NOTIFY operationChanged)
    Q_PROPERTY(QString operationTitle READ operationTitle NOTIFY operationChanged)
    /// After an operation: how it ended, for all hosts together.
    Q_PROPERTY(QString operationSummary READ operationSummary NOTIFY operationChanged)
    Q_PROPERTY(bool operationSucceeded READ operationSucceeded NOTIFY operationChanged)
    /// The deploy modes, as the engine names them.
    Q_PROPERTY(QStringList modes READ modes CONSTANT)
    /// The generations of generationsHost, newest first, once loaded.
    Q_PROPERTY(QList<MachineGeneration> generations READ generations NOTIFY generationsChanged)
    Q_PROPERTY(QString generationsHost READ generationsHost NOTIFY generationsChanged)
    Q_PROPERTY(bool generationsLoading READ generationsLoading NOTIFY generationsChanged)
    Q_PROPERTY(QString generationsError READ generationsError NOTIFY generationsChanged)
    /// The package changes between two generations of a machine, once compared (compareGenerations).
    Q_PROPERTY(GenerationPackageChangeModel *generationChanges READ generationChanges CONSTANT)
    /// "Generation 1 → 2 of alpha"; empty before a comparison.
    Q_PROPERTY(QString comparisonTitle READ comparisonTitle NOTIFY comparisonChanged)
    /// The closure size before and after, in words.
    Q_PROPERTY(QString comparisonSizeText READ comparisonSizeText NOTIFY comparisonChanged)
    Q_PROPERTY(bool comparing READ comparing NOTIFY comparisonChanged)
    Q_PROPERTY(QString comparisonError READ comparisonError NOTIFY comparisonChanged)

public:
    /// No default: QML must use create(), so that the window and self() share one controller.
    explicit MachinesController(QObject *parent);
    ~MachinesController() override;

    /** The window's one controller, created on first use. */
    [[nodiscard]] static MachinesController *self();
    /** QML's factory for the singleton: the same instance as self(). */
    static MachinesController *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    [[nodiscard]] MachineListModel *list() const
    {
        return m_list;
    }
    [[nodiscard]] MachineProgressModel *progress() const
    {
        return m_progress;
    }
    [[nodiscard]] QString flake() const;
    [[nodiscard]] bool isBusy() const
    {
        return m_readingTargets || m_probesRunning > 0;
    }
    [[nodiscard]] QString loadError() const
    {
        return m_loadError;
    }
    [[nodiscard]] bool isRunning() const
    {
        return m_running;
    }
    [[nodiscard]] QString operationTitle() const
    {
        return m_operationTitle;
    }
    [[nodiscard]] QString operationSummary() const
    {
        return m_operationSummary;
    }
    [[nodiscard]] bool operationSucceeded() const
    {
        return m_operationSucceeded;
    }
    [[nodiscard]] QStringList modes() const;
    [[nodiscard]] QList<MachineGeneration> generations() const
    {
        return m_generations;
    }
    [[nodiscard]] QString generationsHost() const
    {
        return m_generationsHost;
    }
    [[nodiscard]] bool generationsLoading() const
    {
        return m_generationsLoading;
    }
    [[nodiscard]] QString generationsError() const
    {
        return m_generationsError;
    }
    [[nodiscard]] GenerationPackageChangeModel *generationChanges() const
    {
        return m_generationChanges;
    }
    [[nodiscard]] QString comparisonTitle() const
    {
        return m_comparisonTitle;
    }
    [[nodiscard]] QString comparisonSizeText() const
    {
        return m_comparisonSizeText;
    }
    [[nodiscard]] bool comparing() const
    {
        return m_comparing;
    }
    [[nodiscard]] QString comparisonError() const
    {
        return m_comparisonError;
    }

    /** Reads the flake's hosts and their targets, then probes every machine. */
    Q_INVOKABLE void refresh();
    /** Probes one machine again. */
    Q_INVOKABLE void probe(const QString &host);
    /**
     * Stores the host key of @p host, which the person checked: only when
     * the machine still offers exactly @p fingerprints, the ones shown.
     */
    Q_INVOKABLE void acceptHostKey(const QString &host, const QString &fingerprints);
    /** Builds the systems of @p hosts here, without deploying them. */
    Q_INVOKABLE void build(const QStringList &hosts);
    /** Builds and deploys @p hosts together with @p mode (switch, boot, test, dry-activate), with magic rollback. */
    Q_INVOKABLE void deploy(const QStringList &hosts, const QString &mode);
    /** Switches @p host back to the generation before its current one, with magic rollback. */
    Q_INVOKABLE void rollBack(const QString &host);
    /** Reads the generations of @p host into `generations`. */
    Q_INVOKABLE void loadGenerations(const QString &host);
    /** Compares generations @p before and @p after of @p host on the machine itself, into `generationChanges`. */
    Q_INVOKABLE void compareGenerations(const QString &host, int before, int after);
    /** Switches @p host to generation @p number now, or makes it the boot default (@p boot). */
    Q_INVOKABLE void switchGeneration(const QString &host, int number, bool boot);
    /** Whether an action may run on @p host (this machine goes through the Changes page). */
    Q_INVOKABLE [[nodiscard]] bool isRemote(const QString &host) const;

    /** The engine's ssh and nix settings; tests and the fleet harness change the timeouts. */
    void setSshSettings(const Snowpane::Remote::SshSettings &settings)
    {
        m_sshSettings = settings;
    }
    void setRollbackSeconds(int seconds)
    {
        m_rollbackSeconds = seconds;
    }

Q_SIGNALS:
    void flakeChanged();
    void busyChanged();
    void loadErrorChanged();
    void operationChanged();
    void generationsChanged();
    void comparisonChanged();
    /** An operation began: the page opens the progress sheet. */
    void operationStarted();

private:
    void applyTargets(const Snowpane::Remote::FlakeTargets &targets);
    void startProbe(const QString &host, bool acceptNewKey, const QString &expectedFingerprints = {});
    void applyFacts(const QString &host, const Snowpane::Remote::MachineFacts &facts);
    bool beginOperation(const QString &title, const QStringList &hosts);
    void finishOperation(const QStringList &failures);
    void onDeployHostChanged(const QString &host);
    void onDeployFinished();
    void lookUpCopiedSizes(const QString &host);
    void finishWhenSized();
    [[nodiscard]] Snowpane::Remote::SshTarget targetOf(const QString &host) const;
    [[nodiscard]] QStringList remoteHostsOf(const QStringList &hosts, QStringList &refused) const;
    void recordDeployment(const QString &host, bool done, const QString &outcome);
    void loadRecord(MachineStatus &status) const;

    MachineListModel *m_list;
    MachineProgressModel *m_progress;
    QThreadPool m_pool;
    Snowpane::Remote::SshSettings m_sshSettings;
    int m_rollbackSeconds = 90;
    QHash<QString, Snowpane::Remote::HostTarget> m_targets;
    bool m_readingTargets = false;
    int m_probesRunning = 0;
    QString m_loadError;
    bool m_running = false;
    QString m_operationTitle;
    QString m_operationSummary;
    bool m_operationSucceeded = false;
    QPointer<Snowpane::Remote::DeployJob> m_job;
    /// The store paths a deployment copied to one host, from Nix's log, and the sum of their NAR sizes so far.
    struct CopiedPaths {
        QStringList paths;
        /// paths[0, sized) are in bytes.
        qsizetype sized = 0;
        qint64 bytes = 0;
        bool lookingUp = false;
        /// Why some sizes are missing, for the host's log.
        QStringList notes;
    };
    QHash<QString, CopiedPaths> m_copies;
    /// Counts operations, so that a look-up that outlived its operation changes nothing.
    quint64 m_operationSerial = 0;
    /// The deployment ended; the operation ends with these failures once every copied path is sized.
    std::optional<QStringList> m_finishAfterSizes;
    QList<MachineGeneration> m_generations;
    QString m_generationsHost;
    bool m_generationsLoading = false;
    QString m_generationsError;
    GenerationPackageChangeModel *m_generationChanges;
    QString m_comparisonTitle;
    QString m_comparisonSizeText;
    bool m_comparing = false;
    QString m_comparisonError;
};
