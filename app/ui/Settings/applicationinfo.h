// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariant>

/**
 * Application-wide facts for QML: the KAboutData that the About page shows,
 * set once at start-up by registerAboutData() and handed over as a plain
 * variant (the form Kirigami.AboutPage reads, with no plugin whose types
 * qmllint cannot see), and saving the settings, which the generated
 * settings class does not offer to QML.
 */
class ApplicationInfo : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QVariant aboutData READ aboutData CONSTANT)

public:
    explicit ApplicationInfo(QObject *parent = nullptr);

    [[nodiscard]] QVariant aboutData() const;

    /** Writes changed settings to snowpanerc now. */
    Q_INVOKABLE static void saveSettings();

    /** Makes Snowpane's KAboutData the application's (name, version, licence, authors, links). */
    static void registerAboutData(const QString &version);
};
