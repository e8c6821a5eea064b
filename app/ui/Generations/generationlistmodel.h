// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Generations/generationfacts.h"
#include "generation.h"

#include <QAbstractListModel>
#include <QFutureWatcher>
#include <QQmlEngine>

/** One generation as the list shows it, every role of its row; a default one (known false) when there is no such generation. */
struct GenerationRecord {
    Q_GADGET
    QML_VALUE_TYPE(generationRecord)
    /// The generation exists in the profile; everything else is empty when not.
    Q_PROPERTY(bool known READ isKnown CONSTANT)
    Q_PROPERTY(int number MEMBER number CONSTANT)
    /// "Generation 9 (current)": how a menu names it.
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QDateTime date MEMBER date CONSTANT)
    Q_PROPERTY(QString nixosVersion MEMBER nixosVersion CONSTANT)
    Q_PROPERTY(QString kernelVersion MEMBER kernelVersion CONSTANT)
    Q_PROPERTY(QString configurationRevision MEMBER configurationRevision CONSTANT)
    Q_PROPERTY(QStringList specialisations MEMBER specialisations CONSTANT)
    Q_PROPERTY(bool current MEMBER current CONSTANT)
    Q_PROPERTY(bool booted MEMBER booted CONSTANT)
    Q_PROPERTY(bool running MEMBER running CONSTANT)
    Q_PROPERTY(QString problem MEMBER problem CONSTANT)
    Q_PROPERTY(QString storePath MEMBER storePath CONSTANT)
    /// Bytes; -1 while unknown.
    Q_PROPERTY(double closureSize MEMBER closureSize CONSTANT)
    Q_PROPERTY(QString closureSizeText MEMBER closureSizeText CONSTANT)
    Q_PROPERTY(QString commit MEMBER commit CONSTANT)
    Q_PROPERTY(QString commitShortId MEMBER commitShortId CONSTANT)
    Q_PROPERTY(QString commitSubject MEMBER commitSubject CONSTANT)
    Q_PROPERTY(bool commitDirty MEMBER commitDirty CONSTANT)
    /// The size and commit have been looked for (whether found or not).
    Q_PROPERTY(bool detailsLoaded MEMBER detailsLoaded CONSTANT)

public:
    [[nodiscard]] bool isKnown() const
    {
        return number > 0;
    }

    int number = 0;
    QString title;
    QDateTime date;
    QString nixosVersion;
    QString kernelVersion;
    QString configurationRevision;
    QStringList specialisations;
    bool current = false;
    bool booted = false;
    bool running = false;
    QString problem;
    QString storePath;
    double closureSize = -1;
    QString closureSizeText;
    QString commit;
    QString commitShortId;
    QString commitSubject;
    bool commitDirty = false;
    bool detailsLoaded = false;
};

/** What an action on a generation will do, for its confirmation dialog. */
struct GenerationConfirmation {
    Q_GADGET
    QML_VALUE_TYPE(generationConfirmation)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    /// What will happen, in full sentences; when not allowed, why not.
    Q_PROPERTY(QString message MEMBER message CONSTANT)
    /// The confirming button's text; empty when not allowed.
    Q_PROPERTY(QString confirmText MEMBER confirmText CONSTANT)
    Q_PROPERTY(bool allowed MEMBER allowed CONSTANT)
    Q_PROPERTY(QString reason MEMBER reason CONSTANT)
    /// For a restore: the commit whose files come back.
    Q_PROPERTY(QString commit MEMBER commit CONSTANT)

public:
    QString title;
    QString message;
    QString confirmText;
    bool allowed = false;
    QString reason;
    QString commit;
};

/**
 * The generations of the system profile named in the settings, newest first,
 * with which one is current, booted and running. The list itself is read at
 * once (links and small files); closure sizes and the commits that built each
 * generation are read afterwards in a worker thread, newest first, and rows
 * update as they arrive, so the window never waits for them.
 */
class GenerationListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// True while sizes and commits are still being read.
    Q_PROPERTY(bool loadingDetails READ isLoadingDetails NOTIFY loadingDetailsChanged)
    /// The largest closure size known so far, for scaling the size chart; 0 when none is known.
    Q_PROPERTY(double largestClosureSize READ largestClosureSize NOTIFY detailsChanged)
    Q_PROPERTY(int currentGeneration READ currentGeneration NOTIFY generationsChanged)
    Q_PROPERTY(int runningGeneration READ runningGeneration NOTIFY generationsChanged)
    Q_PROPERTY(int bootedGeneration READ bootedGeneration NOTIFY generationsChanged)
    /// Grows whenever any row changes; bind to it to re-read generation(number).
    Q_PROPERTY(int changeCount READ changeCount NOTIFY detailsChanged)

public:
    enum Role {
        NumberRole = Qt::UserRole + 1,
        DateRole,
        NixosVersionRole,
        KernelVersionRole,
        ConfigurationRevisionRole,
        SpecialisationsRole,
        CurrentRole,
        BootedRole,
        RunningRole,
        ProblemRole,
        StorePathRole,
        /// Bytes as a number (a double in QML); -1 while unknown.
        ClosureSizeRole,
        ClosureSizeTextRole,
        CommitRole,
        CommitShortIdRole,
        CommitSubjectRole,
        CommitDirtyRole,
        /// The size and commit have been looked for (whether found or not).
        DetailsLoadedRole,
        /// "Generation 9 (current)": how a menu names it.
        TitleRole,
    };
    Q_ENUM(Role)

    /// The actions the Generations page offers on one generation.
    enum class Action {
        Switch,
        Boot,
        Restore,
    };
    Q_ENUM(Action)

    explicit GenerationListModel(QObject *parent = nullptr);
    ~GenerationListModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] QString errorString() const
    {
        return m_errorString;
    }
    [[nodiscard]] bool isLoadingDetails() const
    {
        return m_loadingDetails;
    }
    [[nodiscard]] double largestClosureSize() const;
    [[nodiscard]] int currentGeneration() const;
    [[nodiscard]] int runningGeneration() const
    {
        return m_running;
    }
    [[nodiscard]] int bootedGeneration() const
    {
        return m_booted;
    }
    [[nodiscard]] int changeCount() const
    {
        return m_changeCount;
    }

    /// Reads the profile again and starts reading sizes and commits anew.
    Q_INVOKABLE void reload();
    /// The row of generation @p number, or -1.
    Q_INVOKABLE int rowOfGeneration(int number) const;
    /// The number of the generation in @p row, or 0.
    Q_INVOKABLE int numberAt(int row) const;
    /// Every role of generation @p number; not known when there is no such generation.
    Q_INVOKABLE GenerationRecord generation(int number) const;
    /// The generation before @p number in the list (the next older one), or 0.
    Q_INVOKABLE int olderGeneration(int number) const;
    /**
     * What @p number is compared with until the person picks another: the
     * current generation, or for the current one itself the one before it
     * (what its rebuild changed). 0 when there is nothing to compare with.
     */
    Q_INVOKABLE int defaultComparisonFor(int number) const;

    /** What @p action on generation @p number will do, for its confirmation. */
    Q_INVOKABLE GenerationConfirmation confirmation(Action action, int number) const;

Q_SIGNALS:
    void errorStringChanged();
    void loadingDetailsChanged();
    void detailsChanged();
    void generationsChanged();

private:
    void startReadingDetails();
    void applyFacts(int resultIndex);
    void setLoadingDetails(bool loading);
    [[nodiscard]] QVariant roleData(int row, int role) const;
    [[nodiscard]] const Snowpane::System::Generation *find(int number) const;

    QList<Snowpane::System::Generation> m_generations;
    /// Parallel to m_generations.
    QList<Snowpane::Ui::GenerationFacts> m_facts;
    QList<bool> m_factsLoaded;
    int m_booted = 0;
    int m_running = 0;
    int m_changeCount = 0;
    bool m_loadingDetails = false;
    QString m_errorString;
    QFutureWatcher<Snowpane::Ui::GenerationFacts> m_watcher;
};
