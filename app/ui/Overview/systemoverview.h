// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QQmlEngine>

class SystemActions;

/**
 * The facts the Overview page shows about the managed system: host name,
 * current generation, its date, NixOS version and kernel, and which generation
 * is booted and running. Read from the profile and links that the settings
 * name, the same way `nixos-rebuild list-generations` reads them.
 */
class SystemOverview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QString hostName READ hostName NOTIFY changed)
    Q_PROPERTY(int currentGeneration READ currentGeneration NOTIFY changed)
    Q_PROPERTY(QDateTime currentDate READ currentDate NOTIFY changed)
    Q_PROPERTY(QString nixosVersion READ nixosVersion NOTIFY changed)
    Q_PROPERTY(QString kernelVersion READ kernelVersion NOTIFY changed)
    Q_PROPERTY(QString configurationRevision READ configurationRevision NOTIFY changed)
    Q_PROPERTY(int bootedGeneration READ bootedGeneration NOTIFY changed)
    Q_PROPERTY(int runningGeneration READ runningGeneration NOTIFY changed)
    Q_PROPERTY(QString profilePath READ profilePath NOTIFY changed)
    Q_PROPERTY(QString errorString READ errorString NOTIFY changed)

public:
    /**
     * Reads the machine now, and again whenever @p actions changed it. There
     * is no default constructor on purpose: QML builds a default-constructible
     * singleton itself and never calls create(), and the Overview then kept
     * showing the generation from before an apply or a roll back.
     */
    explicit SystemOverview(SystemActions *actions, QObject *parent = nullptr);
    /** The QML singleton, following the engine's SystemActions. */
    static SystemOverview *create(QQmlEngine *engine, QJSEngine *);

    [[nodiscard]] QString hostName() const
    {
        return m_facts.hostName;
    }
    [[nodiscard]] int currentGeneration() const
    {
        return m_facts.currentGeneration;
    }
    [[nodiscard]] QDateTime currentDate() const
    {
        return m_facts.currentDate;
    }
    [[nodiscard]] QString nixosVersion() const
    {
        return m_facts.nixosVersion;
    }
    [[nodiscard]] QString kernelVersion() const
    {
        return m_facts.kernelVersion;
    }
    [[nodiscard]] QString configurationRevision() const
    {
        return m_facts.configurationRevision;
    }
    /// 0 when the booted system is not one of the profile's generations.
    [[nodiscard]] int bootedGeneration() const
    {
        return m_facts.bootedGeneration;
    }
    [[nodiscard]] int runningGeneration() const
    {
        return m_facts.runningGeneration;
    }
    [[nodiscard]] QString profilePath() const
    {
        return m_facts.profilePath;
    }
    [[nodiscard]] QString errorString() const
    {
        return m_facts.errorString;
    }

    /// Reads everything again from the paths in the settings.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void changed();

private:
    struct Facts {
        QString hostName;
        int currentGeneration = 0;
        QDateTime currentDate;
        QString nixosVersion;
        QString kernelVersion;
        QString configurationRevision;
        int bootedGeneration = 0;
        int runningGeneration = 0;
        QString profilePath;
        QString errorString;
    };
    Facts m_facts;
};
