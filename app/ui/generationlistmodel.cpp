// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "generationlistmodel.h"

#include "generationreader.h"
#include "snowpanesettings.h"

using Snowpane::System::GenerationReader;

GenerationListModel::GenerationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    reload();
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
    const auto &generation = m_generations.at(index.row());
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
    };
}

void GenerationListModel::reload()
{
    const SnowpaneSettings *settings = SnowpaneSettings::self();
    const GenerationReader reader(settings->profile());
    auto result = reader.readAll();
    beginResetModel();
    m_generations = std::move(result.generations);
    m_booted = reader.generationOfSystem(settings->bootedSystem()).value_or(0);
    m_running = reader.generationOfSystem(settings->currentSystem()).value_or(0);
    endResetModel();
    if (m_errorString != result.error) {
        m_errorString = result.error;
        Q_EMIT errorStringChanged();
    }
}
