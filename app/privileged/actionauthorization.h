// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

namespace Snowpane::Privileged
{

/**
 * What polkit would answer this process for each of a set of actions, asked
 * without user interaction, before anything is requested: allowed, allowed
 * after a password, or refused. The answers follow polkit's own change
 * signals (rules or actions changed, sessions changed), so that a window
 * shows the truth while it is open.
 *
 * The questions go to polkitd one at a time, asynchronously: polkit-qt's
 * Authority reports an asynchronous answer without naming its action.
 */
class ActionAuthorization : public QObject
{
    Q_OBJECT

public:
    enum class Answer {
        Unknown, ///< not asked yet, or polkit could not be reached
        Allowed,
        NeedsAuthentication,
        Refused,
    };
    Q_ENUM(Answer)

    explicit ActionAuthorization(QStringList actions, QObject *parent = nullptr);
    ~ActionAuthorization() override;

    [[nodiscard]] Answer answer(const QString &action) const
    {
        return m_answers.value(action, Answer::Unknown);
    }
    [[nodiscard]] QStringList actions() const
    {
        return m_actions;
    }
    /** Every action has an answer from the latest round of questions. */
    [[nodiscard]] bool isSettled() const
    {
        return m_queue.isEmpty() && m_asking.isEmpty();
    }
    /** Asks polkit again for every action; called by itself when polkit says something changed. */
    void refresh();

Q_SIGNALS:
    /** An answer changed, or a round of questions ended. */
    void changed();

private:
    void askNext();
    void answered(int result);

    QStringList m_actions;
    QHash<QString, Answer> m_answers;
    QStringList m_queue;
    QString m_asking;
    bool m_again = false;
};

} // namespace Snowpane::Privileged
