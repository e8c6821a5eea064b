// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Generations/generationspace.h"

#include "Changes/systemactions.h"
#include "Generations/generationshared.h"
#include "closurereader.h"
#include "generationreader.h"
#include "snowpanesettings.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;
using Snowpane::System::Closure;
using Snowpane::System::Generation;

namespace Snowpane::Ui
{

QList<int>
generationsRemovedBy(const QList<Generation> &generations, const System::ProtectedSystems &kept, System::CleanupRule rule, int count, const QDateTime &now)
{
    return System::generationsRemovedBy(System::cleanupCandidatesOf(generations), kept, rule, count, now);
}

} // namespace Snowpane::Ui

bool Snowpane::Ui::GenerationSpaceScan::sameAs(const GenerationSpaceScan &other) const
{
    const auto sameGeneration = [](const Generation &a, const Generation &b) {
        return a.number == b.number && a.storePath == b.storePath && a.date == b.date;
    };
    if (current != other.current || bootedStorePath != other.bootedStorePath || runningStorePath != other.runningStorePath
        || ownership.error != other.ownership.error || !std::ranges::equal(generations, other.generations, sameGeneration)) {
        return false;
    }
    // Groups come from a hash: the same grouping may be listed in another order.
    const auto byOwners = [](const System::StoreOwnership &ownership) {
        QHash<QList<int>, qint64> groups;
        for (const auto &group : ownership.groups) {
            groups.insert(group.owners, group.bytes);
        }
        return groups;
    };
    return byOwners(ownership) == byOwners(other.ownership);
}

namespace
{

// The worker: the profile's generations, then the closures of their systems and of the running and booted ones.
void scanGenerations(QPromise<Snowpane::Ui::GenerationSpaceScan> &promise,
                     const QString &profile,
                     const QString &currentSystem,
                     const QString &bootedSystem,
                     const std::shared_ptr<Snowpane::System::ClosureReader> &closures)
{
    Snowpane::Ui::GenerationSpaceScan scan;
    const Snowpane::System::GenerationReader reader(profile);
    const auto all = reader.readAll();
    scan.generations = all.generations;
    const auto current = reader.readCurrent();
    scan.current = current ? current->number : 0;
    scan.bootedStorePath = QFileInfo(bootedSystem).canonicalFilePath();
    scan.runningStorePath = QFileInfo(currentSystem).canonicalFilePath();
    if (!all.error.isEmpty()) {
        scan.ownership.error = all.error;
        promise.addResult(scan);
        return;
    }

    QList<int> numbers;
    QSet<QString> generationSystems;
    QList<Closure> generationClosures;
    for (const Generation &generation : std::as_const(scan.generations)) {
        if (generation.storePath.isEmpty()) {
            continue;
        }
        if (promise.isCanceled()) {
            return;
        }
        Closure closure = closures->closure(generation.storePath);
        if (!closure.isValid()) {
            scan.ownership.error = closure.error;
            promise.addResult(scan);
            return;
        }
        numbers.append(generation.number);
        generationSystems.insert(generation.storePath);
        generationClosures.append(std::move(closure));
    }
    // A system running or booted outside the profile (a test activation) keeps its paths too.
    QList<Closure> otherClosures;
    QStringList otherSystems;
    for (const QString &link : {currentSystem, scan.bootedStorePath}) {
        const QString system = QFileInfo(link).canonicalFilePath();
        if (system.isEmpty() || generationSystems.contains(system) || otherSystems.contains(system)) {
            continue;
        }
        if (promise.isCanceled()) {
            return;
        }
        otherSystems.append(system);
        Closure closure = closures->closure(system);
        if (closure.isValid()) {
            otherClosures.append(std::move(closure));
        }
    }
    scan.ownership = Snowpane::System::groupByOwners(numbers, generationClosures, otherClosures);
    promise.addResult(scan);
}

} // namespace

GenerationSpace::GenerationSpace(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Snowpane::Ui::GenerationSpaceScan>::finished, this, &GenerationSpace::finished);
    reload();
}

void GenerationSpace::componentComplete()
{
    if (QQmlEngine *engine = qmlEngine(this)) {
        auto *actions = engine->singletonInstance<SystemActions *>("io.github.snowpane", "SystemActions");
        connect(actions, &SystemActions::systemChanged, this, &GenerationSpace::reload);
    }
}

GenerationSpace::~GenerationSpace()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void GenerationSpace::reload()
{
    const SnowpaneSettings *settings = SnowpaneSettings::self();
    m_watcher.cancel();
    m_watcher.setFuture(Snowpane::Ui::runInThreadPool<Snowpane::Ui::GenerationSpaceScan>(
        [profile = settings->profile(),
         currentSystem = settings->currentSystem(),
         bootedSystem = settings->bootedSystem(),
         closures = Snowpane::Ui::sharedClosureReader()](QPromise<Snowpane::Ui::GenerationSpaceScan> &promise) {
            scanGenerations(promise, profile, currentSystem, bootedSystem, closures);
        }));
    Q_EMIT busyChanged();
}

void GenerationSpace::finished()
{
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        Q_EMIT busyChanged();
        return;
    }
    Snowpane::Ui::GenerationSpaceScan scan = m_watcher.result();
    const Snowpane::Ui::GenerationSpaceScan shown{m_generations, m_current, m_bootedStorePath, m_runningStorePath, m_ownership};
    Q_EMIT busyChanged();
    if (m_ready && scan.sameAs(shown)) {
        return; // systemChanged came, but nothing this shows changed
    }
    m_generations = std::move(scan.generations);
    m_current = scan.current;
    m_bootedStorePath = std::move(scan.bootedStorePath);
    m_runningStorePath = std::move(scan.runningStorePath);
    m_ownership = std::move(scan.ownership);
    m_ready = true;
    ++m_changeCount;
    Q_EMIT resultChanged();
    Q_EMIT planChanged();
}

double GenerationSpace::heldBy(int number) const
{
    if (!m_ready || !m_ownership.error.isEmpty()) {
        return -1;
    }
    return double(m_ownership.exclusiveBytes(number));
}

QString GenerationSpace::heldText(int number) const
{
    const double bytes = heldBy(number);
    return bytes < 0 ? QString() : Snowpane::Ui::formatClosureSize(qint64(bytes));
}

QString GenerationSpace::oldGenerationsText() const
{
    if (!m_ready || !m_ownership.error.isEmpty()) {
        return {};
    }
    // Cleanup never removes the booted or running generation either, so their space is not counted as freeable.
    const Snowpane::System::ProtectedSystems kept{m_current, m_bootedStorePath, m_runningStorePath};
    QList<int> old;
    for (const Generation &generation : m_generations) {
        if (kept.reasonToKeep({generation.number, generation.date, generation.storePath}).isEmpty()) {
            old.append(generation.number);
        }
    }
    if (old.isEmpty()) {
        return tr("There are no old generations.");
    }
    return tr("%n old generation(s) hold %1 that nothing else uses.", nullptr, int(old.size()))
        .arg(Snowpane::Ui::formatClosureSize(m_ownership.bytesFreedByRemoving(old)));
}

void GenerationSpace::setRule(Rule rule)
{
    if (m_rule != rule) {
        m_rule = rule;
        Q_EMIT planChanged();
    }
}

void GenerationSpace::setCount(int count)
{
    if (m_count != count) {
        m_count = count;
        Q_EMIT planChanged();
    }
}

int GenerationSpace::countFromText(const QString &text, int fallback)
{
    static const QRegularExpression digits(u"\\d+"_s);
    const QRegularExpressionMatch match = digits.match(text);
    bool ok = false;
    const int count = match.hasMatch() ? match.captured().toInt(&ok) : 0;
    return ok ? count : fallback;
}

GenerationCleanupPlan GenerationSpace::planFor(Rule rule, int count) const
{
    const QList<int> removed = Snowpane::Ui::generationsRemovedBy(m_generations,
                                                                  {m_current, m_bootedStorePath, m_runningStorePath},
                                                                  Snowpane::System::CleanupRule(rule),
                                                                  count,
                                                                  QDateTime::currentDateTime());
    QStringList names;
    for (int number : removed) {
        names.append(QString::number(number));
    }
    const bool known = m_ready && m_ownership.error.isEmpty();
    const qint64 bytes = known ? m_ownership.bytesFreedByRemoving(removed) : -1;
    const QString bytesText = known ? Snowpane::Ui::formatClosureSize(bytes) : QString();
    QString message;
    if (count < 1) {
        message = tr("Choose a number of at least 1.");
    } else if (removed.isEmpty()) {
        message = tr("No generation matches, so nothing would be removed. The current generation and the ones the machine booted and runs are always kept.");
    } else {
        message = tr("Generation(s) %1 will be deleted. You can no longer switch to or boot into them.", nullptr, int(removed.size()))
                      .arg(QLocale().createSeparatedList(names));
        message += u' ';
        if (known) {
            message += tr("This frees up to %1 of disk space; files that other profiles still use stay.").arg(bytesText);
        } else if (m_ready) {
            message += tr("The space this frees could not be measured.");
        } else {
            message += tr("The space this frees is still being measured.");
        }
        message += u' ';
        message += tr("The current generation and the ones the machine booted and runs are always kept.");
    }
    GenerationCleanupPlan plan;
    plan.rule = Snowpane::System::CleanupRule(rule);
    plan.ruleCount = count;
    plan.generations = removed;
    plan.bytes = double(bytes);
    plan.bytesText = bytesText;
    plan.message = message;
    plan.allowed = count >= 1 && !removed.isEmpty();
    return plan;
}
