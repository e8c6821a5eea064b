// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Machines/machinelistmodel.h"

#include "Machines/machinetexts.h"

using namespace Qt::StringLiterals;

MachineListModel::MachineListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int MachineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MachineListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const MachineStatus &status = m_rows.at(index.row());
    switch (role) {
    case StatusRole:
        return QVariant::fromValue(status);
    case SelectedRole:
        return m_selected.contains(status.host);
    case HostRole:
    case Qt::DisplayRole:
        return status.host;
    default:
        return {};
    }
}

QHash<int, QByteArray> MachineListModel::roleNames() const
{
    return {{StatusRole, "status"}, {SelectedRole, "selected"}, {HostRole, "host"}};
}

qsizetype MachineListModel::indexOf(const QString &host) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].host == host) {
            return i;
        }
    }
    return -1;
}

void MachineListModel::setMachine(MachineStatus status)
{
    if (status.host.isEmpty()) {
        return;
    }
    Snowpane::Ui::MachineTexts::describe(status);
    const qsizetype row = indexOf(status.host);
    if (row >= 0) {
        m_rows[row] = status;
        Q_EMIT dataChanged(index(int(row)), index(int(row)), {StatusRole});
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(status);
    endInsertRows();
    Q_EMIT countChanged();
}

void MachineListModel::retain(const QStringList &hosts)
{
    for (qsizetype row = m_rows.size() - 1; row >= 0; --row) {
        if (!hosts.contains(m_rows[row].host)) {
            beginRemoveRows({}, int(row), int(row));
            m_selected.remove(m_rows[row].host);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    Q_EMIT countChanged();
    Q_EMIT selectionChanged();
}

void MachineListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_selected.clear();
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT selectionChanged();
}

MachineStatus MachineListModel::machine(const QString &host) const
{
    const qsizetype row = indexOf(host);
    return row >= 0 ? m_rows[row] : MachineStatus{};
}

bool MachineListModel::contains(const QString &host) const
{
    return indexOf(host) >= 0;
}

QStringList MachineListModel::hosts() const
{
    QStringList list;
    for (const MachineStatus &status : m_rows) {
        list.append(status.host);
    }
    return list;
}

void MachineListModel::setSelected(const QString &host, bool selected)
{
    const qsizetype row = indexOf(host);
    if (row < 0 || m_selected.contains(host) == selected) {
        return;
    }
    if (selected) {
        m_selected.insert(host);
    } else {
        m_selected.remove(host);
    }
    Q_EMIT dataChanged(index(int(row)), index(int(row)), {SelectedRole});
    Q_EMIT selectionChanged();
}

QStringList MachineListModel::selectedHosts() const
{
    // In the list's order, so that a deployment's rows follow the page's.
    QStringList list;
    for (const MachineStatus &status : m_rows) {
        if (m_selected.contains(status.host)) {
            list.append(status.host);
        }
    }
    return list;
}
