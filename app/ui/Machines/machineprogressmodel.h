// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Machines/machinerecords.h"

#include <QAbstractListModel>
#include <QHash>
#include <QQmlEngine>

/**
 * The progress sheet's rows: one MachineProgress per host of the running (or
 * last) operation, and each host's whole log, one click away.
 */
class MachineProgressModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        ProgressRole = Qt::UserRole + 1,
    };

    explicit MachineProgressModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** Adds @p row, or replaces the row of the same host. */
    Q_INVOKABLE void setRow(const MachineProgress &row);
    Q_INVOKABLE [[nodiscard]] MachineProgress row(const QString &host) const;
    Q_INVOKABLE void clear();
    /// The hosts of the rows, in order.
    [[nodiscard]] QStringList hosts() const;
    /** Replaces the log of @p host. */
    Q_INVOKABLE void setLog(const QString &host, const QStringList &lines);
    void appendLog(const QString &host, const QString &line);
    /** Everything the host's build, copy and activation printed, and what the engine said in the end. */
    Q_INVOKABLE [[nodiscard]] QString logOf(const QString &host) const;

Q_SIGNALS:
    void countChanged();
    void logChanged(const QString &host);

private:
    QList<MachineProgress> m_rows;
    QHash<QString, QStringList> m_logs;
};
