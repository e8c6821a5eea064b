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

QList<std::pair<OperationAuthorization AuthorizedOperations::*, QStringList>> Authorization::operationActions()
{
    const auto id = [](const char *action) {
        return QString::fromLatin1(action);
    };
    return {
        {&AuthorizedOperations::apply, {id(Snowpane::Protocol::Action::WriteConfig), id(Snowpane::Protocol::Action::Rebuild)}},
        {&AuthorizedOperations::switchGeneration, {id(Snowpane::Protocol::Action::SwitchGeneration)}},
        {&AuthorizedOperations::update, {id(Snowpane::Protocol::Action::UpdateSources), id(Snowpane::Protocol::Action::Rebuild)}},
        {&AuthorizedOperations::cleanup, {id(Snowpane::Protocol::Action::DeleteGenerations)}},
        {&AuthorizedOperations::restore, {id(Snowpane::Protocol::Action::RestoreConfig)}},
    };
}

OperationAuthorization Authorization::describe(const QList<std::pair<QString, Answer>> &answers)
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
    OperationAuthorization operation;
    if (!refusedAction.isEmpty()) {
        operation.state = OperationAuthorization::State::Refused;
        operation.hint = tr("Not allowed: polkit refuses “%1” for your user.").arg(Snowpane::Ui::actionDescription(refusedAction));
    } else if (needsPassword) {
        operation.state = OperationAuthorization::State::NeedsAuthentication;
        operation.needsPassword = true;
        operation.hint = tr("Requires authentication");
    } else {
        operation.state = allAllowed ? OperationAuthorization::State::Allowed : OperationAuthorization::State::Unknown;
    }
    return operation;
}

void Authorization::refresh()
{
    m_polkit.refresh();
}

void Authorization::update()
{
    AuthorizedOperations operations;
    for (const auto &[operation, actions] : operationActions()) {
        QList<std::pair<QString, Answer>> answers;
        for (const QString &action : actions) {
            answers.append({action, m_polkit.answer(action)});
        }
        operations.*operation = describe(answers);
    }
    m_operations = operations;
    Q_EMIT changed();
}
