// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "actionauthorization.h"

#include <QObject>
#include <QQmlEngine>

/** What polkit will say to one operation's button, before it is pressed. */
struct OperationAuthorization {
    Q_GADGET
    QML_VALUE_TYPE(operationAuthorization)
    Q_PROPERTY(State state MEMBER state CONSTANT)
    Q_PROPERTY(bool needsPassword MEMBER needsPassword CONSTANT)
    /// Disable the button: polkit refuses one of its steps.
    Q_PROPERTY(bool refused READ isRefused CONSTANT)
    /// The button's tooltip: "Requires authentication", or why it is refused; empty when allowed.
    Q_PROPERTY(QString hint MEMBER hint CONSTANT)

public:
    enum class State {
        /// polkit not asked yet or not reachable: the button stays plain and enabled, and the request itself will say what went wrong.
        Unknown,
        Allowed,
        NeedsAuthentication,
        Refused,
    };
    Q_ENUM(State)

    [[nodiscard]] bool isRefused() const
    {
        return state == State::Refused;
    }

    State state = State::Unknown;
    bool needsPassword = false;
    QString hint;
};

/** Each operation the window offers, with what polkit will say to it. */
struct AuthorizedOperations {
    Q_GADGET
    QML_VALUE_TYPE(authorizedOperations)
    /// Writing the configuration and rebuilding.
    Q_PROPERTY(OperationAuthorization apply MEMBER apply CONSTANT)
    Q_PROPERTY(OperationAuthorization switchGeneration MEMBER switchGeneration CONSTANT)
    /// Updating the sources and rebuilding.
    Q_PROPERTY(OperationAuthorization update MEMBER update CONSTANT)
    /// Deleting old generations.
    Q_PROPERTY(OperationAuthorization cleanup MEMBER cleanup CONSTANT)
    /// Restoring the configuration of a generation.
    Q_PROPERTY(OperationAuthorization restore MEMBER restore CONSTANT)

public:
    OperationAuthorization apply;
    OperationAuthorization switchGeneration;
    OperationAuthorization update;
    OperationAuthorization cleanup;
    OperationAuthorization restore;
};

/**
 * What polkit will say to each privileged button, before it is pressed, in
 * the way KDE applications show it: a button whose action needs a password
 * carries a "Requires authentication" hint, one polkit refuses is disabled
 * with the reason, one that is allowed is plain.
 */
class Authorization : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(AuthorizedOperations operations READ operations NOTIFY changed)
    Q_PROPERTY(bool settled READ isSettled NOTIFY changed)

public:
    explicit Authorization(QObject *parent = nullptr);

    [[nodiscard]] AuthorizedOperations operations() const
    {
        return m_operations;
    }
    [[nodiscard]] bool isSettled() const
    {
        return m_polkit.isSettled();
    }
    /** The polkit actions each operation asks for, in the order it asks. */
    [[nodiscard]] static QList<std::pair<OperationAuthorization AuthorizedOperations::*, QStringList>> operationActions();
    /** One operation's entry of operations, from polkit's answers for its actions. */
    [[nodiscard]] static OperationAuthorization describe(const QList<std::pair<QString, Snowpane::Privileged::ActionAuthorization::Answer>> &answers);

    /** Asks polkit again (it also does so by itself when polkit reports a change). */
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void changed();

private:
    void update();

    Snowpane::Privileged::ActionAuthorization m_polkit;
    AuthorizedOperations m_operations;
};
