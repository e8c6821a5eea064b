// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "generation.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/**
 * The generations of the system profile named in the settings, newest first,
 * with which one is current, booted and running.
 */
class GenerationListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

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
    };
    Q_ENUM(Role)

    explicit GenerationListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] QString errorString() const
    {
        return m_errorString;
    }

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void errorStringChanged();

private:
    QList<Snowpane::System::Generation> m_generations;
    int m_booted = 0;
    int m_running = 0;
    QString m_errorString;
};
