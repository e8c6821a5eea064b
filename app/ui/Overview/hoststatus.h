// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QQmlEngine>

/**
 * Whether this machine has a NixOS configuration for Snowpane to manage, and
 * what to tell a person when it has none (a machine that is not NixOS, with
 * no --demo): what Snowpane is, that there is nothing to manage here, and how
 * to open the demo. The window then shows only that, Settings and About,
 * instead of pages that would fail one by one.
 */
class HostStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(bool hasConfiguration READ hasConfiguration CONSTANT)
    Q_PROPERTY(QString title READ title CONSTANT)
    Q_PROPERTY(QString explanation READ explanation CONSTANT)

public:
    explicit HostStatus(QObject *parent = nullptr);

    /** The configured configuration directory exists (the settings' ConfigurationDirectory, /etc/nixos by default). */
    [[nodiscard]] bool hasConfiguration() const
    {
        return m_hasConfiguration;
    }
    [[nodiscard]] QString title() const;
    /** Empty when the machine has a configuration. */
    [[nodiscard]] QString explanation() const;

private:
    QString m_directory;
    bool m_hasConfiguration = false;
};
