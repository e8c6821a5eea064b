// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "actionauthorization.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

/**
 * What polkit will say to each privileged button, before it is pressed, in
 * the way KDE applications show it: a button whose action needs a password
 * carries a "Requires authentication" hint, one polkit refuses is disabled
 * with the reason, one that is allowed is plain.
 *
 * operations maps each operation the window offers (apply, switchGeneration,
 * update, cleanup, restore) to { state, needsPassword, refused, hint }; state
 * is "allowed", "authentication", "refused" or "unknown" (polkit not asked
 * yet or not reachable: the button stays plain and enabled, and the request
 * itself will say what went wrong).
 */
class Authorization : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QVariantMap operations READ operations NOTIFY changed)
    Q_PROPERTY(bool settled READ isSettled NOTIFY changed)

public:
    explicit Authorization(QObject *parent = nullptr);

    [[nodiscard]] QVariantMap operations() const
    {
        return m_operations;
    }
    [[nodiscard]] bool isSettled() const
    {
        return m_polkit.isSettled();
    }
    /** The polkit actions each operation asks for, in the order it asks. */
    [[nodiscard]] static QList<std::pair<QString, QStringList>> operationActions();
    /** One operation's entry of operations, from polkit's answers for its actions. */
    [[nodiscard]] static QVariantMap describe(const QList<std::pair<QString, Snowpane::Privileged::ActionAuthorization::Answer>> &answers);

    /** Asks polkit again (it also does so by itself when polkit reports a change). */
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void changed();

private:
    void update();

    Snowpane::Privileged::ActionAuthorization m_polkit;
    QVariantMap m_operations;
};
