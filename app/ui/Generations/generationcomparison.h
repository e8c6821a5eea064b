// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Generations/generationpackagechanges.h"

#include <QFutureWatcher>
#include <QObject>
#include <QQmlEngine>

namespace Snowpane::Ui
{
/// One finished comparison, as the worker thread hands it over.
struct GenerationComparisonResult {
    int before = 0;
    int after = 0;
    Snowpane::System::PackageDiff packages;
    /// The technical reason behind packages.error (a command's message), for "details".
    QString errorDetails;
    QString configurationDiff;
    int changedFiles = 0;
    /// Why there is no configuration diff; empty when there is one.
    QString configurationProblem;
};

/**
 * Compares generations @p before and @p after of @p profile: their packages
 * and closure sizes, and the configuration files of the commits that built
 * them in the git repository of @p configurationDirectory. Slow (closures,
 * git); GenerationComparison runs it in a worker thread.
 */
[[nodiscard]] GenerationComparisonResult compareGenerations(const QString &profile, const QString &configurationDirectory, int before, int after);
}

/**
 * The difference between two generations of the system profile: package
 * changes (through the shared closure reader), closure sizes, and the
 * configuration diff between the commits that built them when both are
 * known. compare() returns at once; the work runs in a worker thread, and a
 * newer compare() supersedes one that is still running.
 */
class GenerationComparison : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// The older of the two generations compared (or being compared); 0 before the first compare().
    Q_PROPERTY(int before READ before NOTIFY requestChanged)
    Q_PROPERTY(int after READ after NOTIFY requestChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// A result for the generations in before and after is shown.
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY resultChanged)
    /// Why the packages could not be compared, in words; empty when they were.
    Q_PROPERTY(QString errorString READ errorString NOTIFY resultChanged)
    /// The technical detail behind errorString.
    Q_PROPERTY(QString errorDetails READ errorDetails NOTIFY resultChanged)
    Q_PROPERTY(double sizeBefore READ sizeBefore NOTIFY resultChanged)
    Q_PROPERTY(double sizeAfter READ sizeAfter NOTIFY resultChanged)
    Q_PROPERTY(double sizeDelta READ sizeDelta NOTIFY resultChanged)
    Q_PROPERTY(QString sizeBeforeText READ sizeBeforeText NOTIFY resultChanged)
    Q_PROPERTY(QString sizeAfterText READ sizeAfterText NOTIFY resultChanged)
    Q_PROPERTY(QString sizeDeltaText READ sizeDeltaText NOTIFY resultChanged)
    Q_PROPERTY(GenerationPackageChangeModel *packages READ packages CONSTANT)
    /// Unified diff text of the configuration files, empty when unchanged or unknown.
    Q_PROPERTY(QString configurationDiff READ configurationDiff NOTIFY resultChanged)
    Q_PROPERTY(int changedFiles READ changedFiles NOTIFY resultChanged)
    /// Why there is no configuration diff (no git, a generation without commit); empty otherwise.
    Q_PROPERTY(QString configurationProblem READ configurationProblem NOTIFY resultChanged)

public:
    explicit GenerationComparison(QObject *parent = nullptr);
    ~GenerationComparison() override;

    [[nodiscard]] int before() const
    {
        return m_before;
    }
    [[nodiscard]] int after() const
    {
        return m_after;
    }
    [[nodiscard]] bool isBusy() const
    {
        return m_busy;
    }
    [[nodiscard]] bool hasResult() const
    {
        return m_hasResult;
    }
    [[nodiscard]] QString errorString() const
    {
        return m_result.packages.error;
    }
    [[nodiscard]] QString errorDetails() const
    {
        return m_result.errorDetails;
    }
    [[nodiscard]] double sizeBefore() const
    {
        return double(m_result.packages.sizeBefore);
    }
    [[nodiscard]] double sizeAfter() const
    {
        return double(m_result.packages.sizeAfter);
    }
    [[nodiscard]] double sizeDelta() const
    {
        return double(m_result.packages.sizeDelta());
    }
    [[nodiscard]] QString sizeBeforeText() const;
    [[nodiscard]] QString sizeAfterText() const;
    [[nodiscard]] QString sizeDeltaText() const;
    [[nodiscard]] GenerationPackageChangeModel *packages()
    {
        return &m_packages;
    }
    [[nodiscard]] QString configurationDiff() const
    {
        return m_result.configurationDiff;
    }
    [[nodiscard]] int changedFiles() const
    {
        return m_result.changedFiles;
    }
    [[nodiscard]] QString configurationProblem() const
    {
        return m_result.configurationProblem;
    }

    /// Compares generations @p first and @p second, older first whatever the order given.
    Q_INVOKABLE void compare(int first, int second);
    /// Compares the same two generations again (after the system changed).
    Q_INVOKABLE void refresh();
    /// Forgets the result and stops a comparison that is running.
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void requestChanged();
    void busyChanged();
    void resultChanged();

private:
    void finished();
    void setBusy(bool busy);

    int m_before = 0;
    int m_after = 0;
    bool m_busy = false;
    bool m_hasResult = false;
    Snowpane::Ui::GenerationComparisonResult m_result;
    GenerationPackageChangeModel m_packages;
    QFutureWatcher<Snowpane::Ui::GenerationComparisonResult> m_watcher;
};
