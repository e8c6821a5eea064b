// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QThread>

/**
 * The hosts of the configured flake for the drawer's host picker, and which
 * other hosts share a file, for pages that say so before an edit. The list
 * is read from the cache or flake.nix at once, then evaluated with Nix in the
 * background (refresh()); the reading in use and why are properties, so the
 * window can say which one it shows.
 */
class FlakeHostList : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QStringList hosts READ hosts NOTIFY changed)
    Q_PROPERTY(QString current READ current NOTIFY changed)
    Q_PROPERTY(QString thisMachine READ thisMachine NOTIFY changed)
    Q_PROPERTY(QString reading READ reading NOTIFY changed)
    Q_PROPERTY(QString why READ why NOTIFY changed)
    Q_PROPERTY(bool busy READ isBusy NOTIFY changed)
    /// Why switching, booting and testing are refused now (another host is chosen); empty when they apply.
    Q_PROPERTY(QString activationRefusal READ activationRefusal NOTIFY changed)

public:
    explicit FlakeHostList(QObject *parent = nullptr);
    ~FlakeHostList() override;

    [[nodiscard]] QStringList hosts() const
    {
        return m_hosts;
    }
    [[nodiscard]] QString current() const;
    [[nodiscard]] QString thisMachine() const;
    /**
     * This machine's own host: the one the helper's settings name
     * (programs.snowpane.host), else the machine's host name, as the helper
     * decides when it builds.
     */
    [[nodiscard]] static QString thisMachineHost();
    /**
     * Why an apply that activates the result on this machine (switch, boot,
     * test, dry-activate) must not run: the pages work on another host of
     * the flake than this machine's own. Building is allowed for any host.
     * Empty when activating is fine, or when this machine's host is not
     * among the flake's hosts (then nothing says which one it runs).
     */
    [[nodiscard]] static QString activationRefusal();
    [[nodiscard]] QString reading() const
    {
        return m_reading;
    }
    [[nodiscard]] QString why() const
    {
        return m_why;
    }
    [[nodiscard]] bool isBusy() const
    {
        return m_busy;
    }

    /** Evaluates the host list with Nix in the background when flake.nix names several hosts; changed() follows. */
    Q_INVOKABLE void refresh();
    /** Makes @p host the one the Options, Packages and Changes pages work on (reloads the configuration). */
    Q_INVOKABLE void choose(const QString &host);
    /** The hosts other than the current one whose configuration includes @p file (absolute path). */
    Q_INVOKABLE [[nodiscard]] QStringList sharedWith(const QString &file) const;

Q_SIGNALS:
    void changed();

private:
    void readQuickly();

    QStringList m_hosts;
    QString m_reading;
    QString m_why;
    bool m_busy = false;
    QPointer<QThread> m_thread;
};
