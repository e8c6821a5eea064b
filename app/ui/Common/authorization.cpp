// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/authorization.h"

#include "Common/operationerrors.h"
#include "helperprotocol.h"

using namespace Qt::StringLiterals;
using Answer = Snowpane::Privileged::ActionAuthorization::Answer;

namespace
{

QStringList allActions()
{
    QStringList actions;
    for (const auto &[operation, ids] : Authorization::operationActions()) {
        for (const QString &id : ids) {
            if (!actions.contains(id)) {
                actions.append(id);
            }
        }
    }
    return actions;
}

} // namespace

Authorization::Authorization(QObject *parent)
    : QObject(parent)
    , m_polkit(allActions())
{
    connect(&m_polkit, &Snowpane::Privileged::ActionAuthorization::changed, this, &Authorization::update);
    update();
}

QList<std::pair<QString, QStringList>> Authorization::operationActions()
{
    const auto id = [](const char *action) {
        return QString::fromLatin1(action);
    };
    return {
        {u"apply"_s, {id(Snowpane::Protocol::Action::WriteConfig), id(Snowpane::Protocol::Action::Rebuild)}},
        {u"switchGeneration"_s, {id(Snowpane::Protocol::Action::SwitchGeneration)}},
        {u"update"_s, {id(Snowpane::Protocol::Action::UpdateSources), id(Snowpane::Protocol::Action::Rebuild)}},
        {u"cleanup"_s, {id(Snowpane::Protocol::Action::DeleteGenerations)}},
        {u"restore"_s, {id(Snowpane::Protocol::Action::RestoreConfig)}},
    };
}

QVariantMap Authorization::describe(const QList<std::pair<QString, Answer>> &answers)
{
    // The operation is as restricted as its most restricted step.
    QString refusedAction;
    bool needsPassword = false;
    bool allAllowed = !answers.isEmpty();
    for (const auto &[action, answer] : answers) {
        if (answer == Answer::Refused && refusedAction.isEmpty()) {
            refusedAction = action;
        }
        needsPassword = needsPassword || answer == Answer::NeedsAuthentication;
        allAllowed = allAllowed && answer == Answer::Allowed;
    }
    QString state;
    QString hint;
    if (!refusedAction.isEmpty()) {
        state = u"refused"_s;
        hint = tr("Not allowed: polkit refuses “%1” for your user.").arg(Snowpane::Ui::actionDescription(refusedAction));
        needsPassword = false;
    } else if (needsPassword) {
        state = u"authentication"_s;
        hint = tr("Requires authentication");
    } else {
        state = allAllowed ? u"allowed"_s : u"unknown"_s;
    }
    return {
        {u"state"_s, state},
        {u"needsPassword"_s, needsPassword},
        {u"refused"_s, !refusedAction.isEmpty()},
        {u"hint"_s, hint},
    };
}

void Authorization::refresh()
{
    m_polkit.refresh();
}

void Authorization::update()
{
    QVariantMap operations;
    for (const auto &[operation, actions] : operationActions()) {
        QList<std::pair<QString, Answer>> answers;
        for (const QString &action : actions) {
            answers.append({action, m_polkit.answer(action)});
        }
        operations.insert(operation, describe(answers));
    }
    m_operations = operations;
    Q_EMIT changed();
}
