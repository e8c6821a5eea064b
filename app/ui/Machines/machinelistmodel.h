// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Machines/machinerecords.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>

/**
 * The hosts of the flake as the Machines page lists them, one MachineStatus
 * a row, in the flake's order, with which rows the person selected. Every
 * row's texts are made here from its fields (MachineTexts), so that a test
 * that fills the model sees the words the window shows.
 */
class MachineListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QStringList selectedHosts READ selectedHosts NOTIFY selectionChanged)

public:
    enum Role {
        StatusRole = Qt::UserRole + 1,
        SelectedRole,
        HostRole,
    };
    Q_ENUM(Role)

    explicit MachineListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** Adds @p status, or replaces the row of the same host; its texts are made anew. */
    Q_INVOKABLE void setMachine(MachineStatus status);
    /** Keeps only the rows of @p hosts. */
    void retain(const QStringList &hosts);
    Q_INVOKABLE void clear();
    Q_INVOKABLE [[nodiscard]] MachineStatus machine(const QString &host) const;
    Q_INVOKABLE [[nodiscard]] bool contains(const QString &host) const;
    [[nodiscard]] QStringList hosts() const;

    Q_INVOKABLE void setSelected(const QString &host, bool selected);
    [[nodiscard]] QStringList selectedHosts() const;

Q_SIGNALS:
    void countChanged();
    void selectionChanged();

private:
    [[nodiscard]] qsizetype indexOf(const QString &host) const;

    QList<MachineStatus> m_rows;
    QSet<QString> m_selected;
};
