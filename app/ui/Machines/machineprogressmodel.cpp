// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Machines/machineprogressmodel.h"

using namespace Qt::StringLiterals;

MachineProgressModel::MachineProgressModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int MachineProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MachineProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    if (role == ProgressRole) {
        return QVariant::fromValue(m_rows.at(index.row()));
    }
    if (role == Qt::DisplayRole) {
        return m_rows.at(index.row()).host;
    }
    return {};
}

QHash<int, QByteArray> MachineProgressModel::roleNames() const
{
    return {{ProgressRole, "progress"}};
}

void MachineProgressModel::setRow(const MachineProgress &row)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].host == row.host) {
            m_rows[i] = row;
            Q_EMIT dataChanged(index(int(i)), index(int(i)), {ProgressRole});
            return;
        }
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(row);
    endInsertRows();
    Q_EMIT countChanged();
}

MachineProgress MachineProgressModel::row(const QString &host) const
{
    for (const MachineProgress &row : m_rows) {
        if (row.host == host) {
            return row;
        }
    }
    return {};
}

QStringList MachineProgressModel::hosts() const
{
    QStringList list;
    for (const MachineProgress &row : m_rows) {
        list.append(row.host);
    }
    return list;
}

void MachineProgressModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_logs.clear();
    endResetModel();
    Q_EMIT countChanged();
}

void MachineProgressModel::setLog(const QString &host, const QStringList &lines)
{
    m_logs.insert(host, lines);
    Q_EMIT logChanged(host);
}

void MachineProgressModel::appendLog(const QString &host, const QString &line)
{
    m_logs[host].append(line);
    Q_EMIT logChanged(host);
}

QString MachineProgressModel::logOf(const QString &host) const
{
    QStringList lines = m_logs.value(host);
    const MachineProgress last = row(host);
    if (last.finished && !last.detail.isEmpty()) {
        lines.append(last.detail);
    }
    return lines.join(u'\n');
}
