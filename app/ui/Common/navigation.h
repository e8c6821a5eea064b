// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QQmlEngine>

/**
 * Lets a page send the person to another page ("3 pending changes" on the
 * Overview opens Changes) without knowing the window: the page asks here,
 * and the window, which owns the page stack, listens.
 */
class Navigation : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit Navigation(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    /** Asks the window to show the page called @p name ("changes", "generations", …). */
    Q_INVOKABLE void showPage(const QString &name)
    {
        Q_EMIT pageRequested(name);
    }

Q_SIGNALS:
    void pageRequested(const QString &name);
};
