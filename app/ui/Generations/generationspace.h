// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "generation.h"
#include "generationcleanup.h"
#include "storeownership.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQmlEngine>

namespace Snowpane::Ui
{

/** What GenerationSpace's worker reads: the profile's generations and the store space each holds. */
struct GenerationSpaceScan {
    QList<System::Generation> generations;
    int current = 0;
    QString bootedStorePath;
    QString runningStorePath;
    System::StoreOwnership ownership;

    /// What no cleanup removes: the current generation, the booted and the running system.
    [[nodiscard]] System::ProtectedSystems protectedSystems() const
    {
        return {current, bootedStorePath, runningStorePath};
    }

    /// Same generations (numbers, systems, dates), same current, booted and running system, same grouping.
    [[nodiscard]] bool sameAs(const GenerationSpaceScan &other) const;
};

/**
 * The generations "Remove old generations" lists for @p rule and @p count:
 * the shared rule (app/system/generationcleanup), which the helper applies
 * again to the very numbers the window sends.
 */
[[nodiscard]] QList<int> generationsRemovedBy(const QList<System::Generation> &generations,
                                              const System::ProtectedSystems &kept,
                                              System::CleanupRule rule,
                                              int count,
                                              const QDateTime &now);

}

/** What "Remove old generations" with a rule and a number does, shown before the person confirms. */
struct GenerationCleanupPlan {
    Q_GADGET
    QML_VALUE_TYPE(generationCleanupPlan)
    /// The generations it removes.
    Q_PROPERTY(QList<int> generations MEMBER generations CONSTANT)
    /// How many it removes.
    Q_PROPERTY(int count READ count CONSTANT)
    /// Bytes it frees; -1 until the closures are read.
    Q_PROPERTY(double bytes MEMBER bytes CONSTANT)
    /// The same in words; empty until the closures are read.
    Q_PROPERTY(QString bytesText MEMBER bytesText CONSTANT)
    /// What will happen, in sentences.
    Q_PROPERTY(QString message MEMBER message CONSTANT)
    /// The number is valid and something would be removed.
    Q_PROPERTY(bool allowed MEMBER allowed CONSTANT)

public:
    [[nodiscard]] int count() const
    {
        return int(generations.size());
    }

    /// The rule and its number (generations to keep, or an age in days) the plan was worked out for; the helper checks them again.
    Snowpane::System::CleanupRule rule = Snowpane::System::CleanupRule::KeepLast;
    int ruleCount = 0;
    QList<int> generations;
    double bytes = -1;
    QString bytesText;
    QString message;
    bool allowed = false;
};

/**
 * The store space old generations hold, for the Generations page: per
 * generation the bytes only it keeps alive, and for "Remove old generations"
 * which generations a rule removes and what that frees. Closures are read in
 * a worker thread through the shared closure reader; the window only sums
 * groups. Made by QML, it reads again by itself whenever SystemActions
 * changes the system.
 */
class GenerationSpace : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT

    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// Closures have been read (successfully or not) since the last reload().
    Q_PROPERTY(bool ready READ isReady NOTIFY resultChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY resultChanged)
    /// What the generations cleanup can remove (all but the current, booted and running one) hold alone, summed, in words.
    Q_PROPERTY(QString oldGenerationsText READ oldGenerationsText NOTIFY resultChanged)
    /// Grows with every new result.
    Q_PROPERTY(int changeCount READ changeCount NOTIFY resultChanged)
    /// The cleanup rule the plan is worked out for.
    Q_PROPERTY(Rule rule READ rule WRITE setRule NOTIFY planChanged)
    /// The rule's number: generations to keep, or an age in days.
    Q_PROPERTY(int count READ count WRITE setCount NOTIFY planChanged)
    /// What "Remove old generations" with rule and count does; see planFor().
    Q_PROPERTY(GenerationCleanupPlan plan READ plan NOTIFY planChanged)

public:
    enum class Rule {
        KeepLast = int(Snowpane::System::CleanupRule::KeepLast),
        OlderThanDays = int(Snowpane::System::CleanupRule::OlderThanDays),
    };
    Q_ENUM(Rule)

    explicit GenerationSpace(QObject *parent = nullptr);
    ~GenerationSpace() override;

    void classBegin() override
    {
    }
    /** Follows the engine's SystemActions. */
    void componentComplete() override;

    [[nodiscard]] bool isBusy() const
    {
        return m_watcher.isRunning();
    }
    [[nodiscard]] bool isReady() const
    {
        return m_ready;
    }
    [[nodiscard]] QString errorString() const
    {
        return m_ownership.error;
    }
    [[nodiscard]] QString oldGenerationsText() const;
    [[nodiscard]] int changeCount() const
    {
        return m_changeCount;
    }

    [[nodiscard]] Rule rule() const
    {
        return m_rule;
    }
    void setRule(Rule rule);
    [[nodiscard]] int count() const
    {
        return m_count;
    }
    void setCount(int count);
    [[nodiscard]] GenerationCleanupPlan plan() const
    {
        return planFor(m_rule, m_count);
    }

    /** Bytes only generation @p number keeps alive; -1 until known. */
    Q_INVOKABLE double heldBy(int number) const;
    /** The same in words ("1.2 GB"); empty until known. Bind with changeCount to follow new results. */
    Q_INVOKABLE QString heldText(int number) const;
    /**
     * The rule's number the person typed: the first number in @p text
     * ("12 generations", "30 days", "7"), or @p fallback when it has none.
     */
    Q_INVOKABLE static int countFromText(const QString &text, int fallback);
    /** What "Remove old generations" with @p rule and @p count does. */
    [[nodiscard]] GenerationCleanupPlan planFor(Rule rule, int count) const;
    /**
     * Reads the profile and the closures again, in a worker thread; the
     * figures shown stay until the new ones are in, and resultChanged() is
     * emitted only when they differ.
     */
    Q_INVOKABLE void reload();

    /** For tests: the grouping behind the figures. */
    [[nodiscard]] const Snowpane::System::StoreOwnership &ownership() const
    {
        return m_ownership;
    }

Q_SIGNALS:
    void busyChanged();
    void resultChanged();
    void planChanged();

private:
    void finished();

    QList<Snowpane::System::Generation> m_generations;
    int m_current = 0;
    QString m_bootedStorePath;
    QString m_runningStorePath;
    bool m_ready = false;
    int m_changeCount = 0;
    Rule m_rule = Rule::KeepLast;
    int m_count = 5;
    Snowpane::System::StoreOwnership m_ownership;
    QFutureWatcher<Snowpane::Ui::GenerationSpaceScan> m_watcher;
};
