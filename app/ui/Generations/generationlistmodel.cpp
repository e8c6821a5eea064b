// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Generations/generationlistmodel.h"

#include "Common/configurationsession.h"
#include "Generations/generationshared.h"
#include "closurereader.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "snowpanesettings.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;
using Snowpane::System::Generation;
using Snowpane::System::GenerationReader;
using Snowpane::Ui::GenerationFacts;

namespace
{

// "NixOS 24.05, Linux 6.6.40, built 12/08/2024 19:15": how a confirmation names a generation.
QString describe(const Generation &generation)
{
    QStringList parts;
    if (!generation.nixosVersion.isEmpty()) {
        parts.append(GenerationListModel::tr("NixOS %1").arg(generation.nixosVersion));
    }
    if (!generation.kernelVersion.isEmpty()) {
        parts.append(GenerationListModel::tr("Linux %1").arg(generation.kernelVersion));
    }
    if (generation.date.isValid()) {
        parts.append(GenerationListModel::tr("built %1").arg(QLocale().toString(generation.date, QLocale::ShortFormat)));
    }
    return parts.join(u", "_s);
}

QString named(const Generation &generation)
{
    const QString description = describe(generation);
    return description.isEmpty() ? GenerationListModel::tr("Generation %1").arg(generation.number)
                                 : GenerationListModel::tr("Generation %1 (%2)").arg(generation.number).arg(description);
}

GenerationConfirmation refusal(const QString &title, const QString &reason)
{
    return {title, reason, QString(), false, reason, QString()};
}

GenerationConfirmation confirmed(const QString &title, const QString &message, const QString &confirmText, const QString &commit = QString())
{
    return {title, message, confirmText, true, QString(), commit};
}

} // namespace

GenerationListModel::GenerationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_watcher, &QFutureWatcher<GenerationFacts>::resultReadyAt, this, &GenerationListModel::applyFacts);
    connect(&m_watcher, &QFutureWatcher<GenerationFacts>::finished, this, [this] {
        setLoadingDetails(false);
    });
    reload();
}

GenerationListModel::~GenerationListModel()
{
    // The worker stops at its next generation; nothing waits for it here.
    m_watcher.cancel();
}

int GenerationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_generations.size());
}

QVariant GenerationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    return roleData(index.row(), role);
}

QVariant GenerationListModel::roleData(int row, int role) const
{
    const Generation &generation = m_generations.at(row);
    const GenerationFacts &facts = m_facts.at(row);
    switch (role) {
    case NumberRole:
        return generation.number;
    case DateRole:
        return generation.date;
    case NixosVersionRole:
        return generation.nixosVersion;
    case KernelVersionRole:
        return generation.kernelVersion;
    case ConfigurationRevisionRole:
        return generation.configurationRevision;
    case SpecialisationsRole:
        return generation.specialisations;
    case CurrentRole:
        return generation.current;
    case BootedRole:
        return generation.number == m_booted;
    case RunningRole:
        return generation.number == m_running;
    case ProblemRole:
        return generation.problem;
    case StorePathRole:
        return generation.storePath;
    case ClosureSizeRole:
        return double(facts.closureSize);
    case ClosureSizeTextRole:
        return Snowpane::Ui::formatClosureSize(facts.closureSize);
    case CommitRole:
        return facts.commit;
    case CommitShortIdRole:
        return facts.commit.left(7);
    case CommitSubjectRole:
        return facts.commitSubject;
    case CommitDirtyRole:
        return facts.commitDirty;
    case DetailsLoadedRole:
        return m_factsLoaded.at(row);
    case TitleRole:
        if (generation.current) {
            return GenerationListModel::tr("Generation %1 (current)").arg(generation.number);
        }
        if (generation.number == m_running) {
            return GenerationListModel::tr("Generation %1 (running)").arg(generation.number);
        }
        return GenerationListModel::tr("Generation %1").arg(generation.number);
    }
    return {};
}

QHash<int, QByteArray> GenerationListModel::roleNames() const
{
    return {
        {NumberRole, "number"},
        {DateRole, "date"},
        {NixosVersionRole, "nixosVersion"},
        {KernelVersionRole, "kernelVersion"},
        {ConfigurationRevisionRole, "configurationRevision"},
        {SpecialisationsRole, "specialisations"},
        {CurrentRole, "current"},
        {BootedRole, "booted"},
        {RunningRole, "running"},
        {ProblemRole, "problem"},
        {StorePathRole, "storePath"},
        {ClosureSizeRole, "closureSize"},
        {ClosureSizeTextRole, "closureSizeText"},
        {CommitRole, "commit"},
        {CommitShortIdRole, "commitShortId"},
        {CommitSubjectRole, "commitSubject"},
        {CommitDirtyRole, "commitDirty"},
        {DetailsLoadedRole, "detailsLoaded"},
        {TitleRole, "title"},
    };
}

double GenerationListModel::largestClosureSize() const
{
    qint64 largest = 0;
    for (const GenerationFacts &facts : m_facts) {
        largest = std::max(largest, facts.closureSize);
    }
    return double(largest);
}

int GenerationListModel::currentGeneration() const
{
    const auto it = std::find_if(m_generations.cbegin(), m_generations.cend(), [](const Generation &generation) {
        return generation.current;
    });
    return it == m_generations.cend() ? 0 : it->number;
}

void GenerationListModel::reload()
{
    m_watcher.cancel();
    const SnowpaneSettings *settings = SnowpaneSettings::self();
    const GenerationReader reader(settings->profile());
    auto result = reader.readAll();
    beginResetModel();
    m_generations = std::move(result.generations);
    m_facts.clear();
    m_factsLoaded.clear();
    for (const Generation &generation : std::as_const(m_generations)) {
        GenerationFacts facts;
        facts.number = generation.number;
        m_facts.append(facts);
        m_factsLoaded.append(false);
    }
    m_booted = reader.generationOfSystem(settings->bootedSystem()).value_or(0);
    m_running = reader.generationOfSystem(settings->currentSystem()).value_or(0);
    endResetModel();
    ++m_changeCount;
    Q_EMIT generationsChanged();
    Q_EMIT detailsChanged();
    if (m_errorString != result.error) {
        m_errorString = result.error;
        Q_EMIT errorStringChanged();
    }
    startReadingDetails();
}

void GenerationListModel::startReadingDetails()
{
    if (m_generations.isEmpty()) {
        setLoadingDetails(false);
        return;
    }
    setLoadingDetails(true);
    auto work = [generations = m_generations, directory = SnowpaneSettings::self()->configurationDirectory(), closures = Snowpane::Ui::sharedClosureReader()](
                    QPromise<GenerationFacts> &promise) {
        // libgit2 handles belong to one thread: this worker opens its own.
        const auto opened = Snowpane::System::GitRepository::open(directory);
        for (const Generation &generation : generations) {
            if (promise.isCanceled()) {
                return;
            }
            promise.addResult(Snowpane::Ui::readGenerationFacts(*closures, opened.repository.get(), generation));
        }
    };
    m_watcher.setFuture(Snowpane::Ui::runInThreadPool<GenerationFacts>(std::move(work)));
}

void GenerationListModel::applyFacts(int resultIndex)
{
    const GenerationFacts facts = m_watcher.resultAt(resultIndex);
    // Results come in list order, but matching by number stays right if the list changed meanwhile.
    const int row = rowOfGeneration(facts.number);
    if (row < 0) {
        return;
    }
    m_facts[row] = facts;
    m_factsLoaded[row] = true;
    ++m_changeCount;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed,
                       changed,
                       {ClosureSizeRole, ClosureSizeTextRole, CommitRole, CommitShortIdRole, CommitSubjectRole, CommitDirtyRole, DetailsLoadedRole});
    Q_EMIT detailsChanged();
}

void GenerationListModel::setLoadingDetails(bool loading)
{
    if (m_loadingDetails != loading) {
        m_loadingDetails = loading;
        Q_EMIT loadingDetailsChanged();
    }
}

int GenerationListModel::rowOfGeneration(int number) const
{
    for (int row = 0; row < m_generations.size(); ++row) {
        if (m_generations.at(row).number == number) {
            return row;
        }
    }
    return -1;
}

int GenerationListModel::numberAt(int row) const
{
    return row >= 0 && row < m_generations.size() ? m_generations.at(row).number : 0;
}

const Generation *GenerationListModel::find(int number) const
{
    const int row = rowOfGeneration(number);
    return row < 0 ? nullptr : &m_generations.at(row);
}

GenerationRecord GenerationListModel::generation(int number) const
{
    const int row = rowOfGeneration(number);
    if (row < 0) {
        return {};
    }
    const Generation &generation = m_generations.at(row);
    const GenerationFacts &facts = m_facts.at(row);
    GenerationRecord record;
    record.number = generation.number;
    record.title = roleData(row, TitleRole).toString();
    record.date = generation.date;
    record.nixosVersion = generation.nixosVersion;
    record.kernelVersion = generation.kernelVersion;
    record.configurationRevision = generation.configurationRevision;
    record.specialisations = generation.specialisations;
    record.current = generation.current;
    record.booted = generation.number == m_booted;
    record.running = generation.number == m_running;
    record.problem = generation.problem;
    record.storePath = generation.storePath;
    record.closureSize = double(facts.closureSize);
    record.closureSizeText = Snowpane::Ui::formatClosureSize(facts.closureSize);
    record.commit = facts.commit;
    record.commitShortId = facts.commit.left(7);
    record.commitSubject = facts.commitSubject;
    record.commitDirty = facts.commitDirty;
    record.detailsLoaded = m_factsLoaded.at(row);
    return record;
}

int GenerationListModel::olderGeneration(int number) const
{
    const int row = rowOfGeneration(number);
    return row < 0 || row + 1 >= m_generations.size() ? 0 : m_generations.at(row + 1).number;
}

int GenerationListModel::defaultComparisonFor(int number) const
{
    if (rowOfGeneration(number) < 0) {
        return 0;
    }
    const int current = currentGeneration();
    return current > 0 && current != number ? current : olderGeneration(number);
}

GenerationConfirmation GenerationListModel::confirmation(Action action, int number) const
{
    const Generation *target = find(number);
    if (!target) {
        return refusal(GenerationListModel::tr("No such generation"),
                       GenerationListModel::tr("Generation %1 is not in the system profile any more.").arg(number));
    }
    if (target->storePath.isEmpty()) {
        return refusal(GenerationListModel::tr("Generation %1 cannot be used").arg(number),
                       GenerationListModel::tr("Generation %1 cannot be read: %2").arg(number).arg(target->problem));
    }
    const int current = currentGeneration();
    switch (action) {
    case Action::Switch: {
        const QString title = GenerationListModel::tr("Switch to generation %1?").arg(number);
        if (number == current && number == m_running) {
            return refusal(title, GenerationListModel::tr("Generation %1 is already the current generation, and it is running.").arg(number));
        }
        QString message = GenerationListModel::tr(
                              "%1 becomes the current generation and is activated now: services start, stop or restart to match it, and it becomes the "
                              "default entry of the boot menu.")
                              .arg(named(*target));
        if (m_running > 0 && m_running != number) {
            message += u' ' + GenerationListModel::tr("Generation %1, which is running now, stays in the list, so you can switch back to it.").arg(m_running);
        }
        return confirmed(title, message, GenerationListModel::tr("Switch Now"));
    }
    case Action::Boot: {
        const QString title = GenerationListModel::tr("Boot into generation %1 next time?").arg(number);
        if (number == current) {
            return refusal(title, GenerationListModel::tr("Generation %1 is already the default entry of the boot menu.").arg(number));
        }
        QString message =
            GenerationListModel::tr("%1 becomes the current generation and the default entry of the boot menu. It starts the next time the computer starts.")
                .arg(named(*target));
        message += u' '
            + (m_running > 0 ? GenerationListModel::tr("Until then, nothing changes in the running system (generation %1).").arg(m_running)
                             : GenerationListModel::tr("Until then, nothing changes in the running system."));
        return confirmed(title, message, GenerationListModel::tr("Use at Next Boot"));
    }
    case Action::Restore: {
        const QString title = GenerationListModel::tr("Restore the configuration of generation %1?").arg(number);
        const GenerationFacts &facts = m_facts.at(rowOfGeneration(number));
        if (!m_factsLoaded.at(rowOfGeneration(number))) {
            return refusal(title, GenerationListModel::tr("Snowpane is still looking for the commit that built generation %1.").arg(number));
        }
        if (facts.commit.isEmpty()) {
            return refusal(
                title,
                GenerationListModel::tr("Generation %1 is not linked to a commit of the configuration, so there is nothing to restore. Generations built "
                                        "before the configuration was kept in git have no commit.")
                    .arg(number));
        }
        const QString directory = SnowpaneSettings::self()->configurationDirectory();
        const QString commit =
            facts.commitSubject.isEmpty() ? facts.commit.left(7) : GenerationListModel::tr("%1 (“%2”)").arg(facts.commit.left(7), facts.commitSubject);
        QString message = GenerationListModel::tr(
                              "The files in %1 are replaced by those of commit %2, which built generation %3. The result is saved as a new commit, so "
                              "the history keeps both versions; changes in %1 that are not committed yet are committed first.")
                              .arg(directory, commit)
                              .arg(number);
        if (facts.commitDirty) {
            message +=
                u' ' + GenerationListModel::tr("Generation %1 was built with changes that were never committed; those changes cannot be restored.").arg(number);
        }
        const int pending = ConfigurationSession::self()->pendingCount();
        if (pending > 0) {
            message += u' '
                + (pending == 1 ? GenerationListModel::tr("Your edit that is not applied yet will be discarded.")
                                : GenerationListModel::tr("Your %1 edits that are not applied yet will be discarded.").arg(pending));
        }
        message +=
            u' ' + GenerationListModel::tr("The system itself does not change: apply the restored configuration on the Changes page to build and use it.");
        return confirmed(title, message, GenerationListModel::tr("Restore"), facts.commit);
    }
    }
    return {};
}
