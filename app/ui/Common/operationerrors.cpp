// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/operationerrors.h"

#include "helperprotocol.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using Snowpane::Privileged::Job;

namespace Snowpane::Ui
{

namespace
{

// The strings keep SystemActions' translation context, where they were first written.
QString tr(const char *text)
{
    return QCoreApplication::translate("SystemActions", text);
}

QString stageSentence(SystemActions::Stage stage)
{
    switch (stage) {
    case SystemActions::Stage::Saving:
        return tr("The configuration could not be saved.");
    case SystemActions::Stage::Building:
        return tr("The new system could not be built.");
    case SystemActions::Stage::Switching:
        return tr("The system could not switch to that generation.");
    case SystemActions::Stage::Restoring:
        return tr("The configuration could not be restored.");
    case SystemActions::Stage::Cleaning:
        return tr("The old generations could not be removed.");
    default:
        return tr("The operation failed.");
    }
}

} // namespace

QString actionDescription(const QString &action)
{
    // The same words as the polkit actions' names in helper/io.github.snowpane.actions.
    const std::pair<const char *, const char *> names[] = {
        {Protocol::Action::WriteConfig, QT_TRANSLATE_NOOP("SystemActions", "Save the system configuration")},
        {Protocol::Action::Rebuild, QT_TRANSLATE_NOOP("SystemActions", "Build and apply the system configuration")},
        {Protocol::Action::SwitchGeneration, QT_TRANSLATE_NOOP("SystemActions", "Switch to an earlier system generation")},
        {Protocol::Action::InitRepo, QT_TRANSLATE_NOOP("SystemActions", "Track the system configuration with git")},
        {Protocol::Action::RestoreConfig, QT_TRANSLATE_NOOP("SystemActions", "Restore an earlier system configuration")},
        {Protocol::Action::UpdateSources, QT_TRANSLATE_NOOP("SystemActions", "Update the software sources of the system")},
        {Protocol::Action::RollBackChannels, QT_TRANSLATE_NOOP("SystemActions", "Take back an update of the software sources")},
        {Protocol::Action::DeleteGenerations, QT_TRANSLATE_NOOP("SystemActions", "Delete old system generations")},
    };
    for (const auto &[id, name] : names) {
        if (action == QLatin1String(id)) {
            return tr(name);
        }
    }
    return action;
}

QString failureSentence(const OperationFailure &failure)
{
    using Kind = Job::ErrorKind;
    switch (failure.kind) {
    case Kind::NotAuthorised:
        if (failure.action.isEmpty()) {
            return tr("Polkit refused the request: the authentication was refused or cancelled.");
        }
        return tr("Polkit refused “%1” (%2): the authentication was refused or cancelled.").arg(actionDescription(failure.action), failure.action);
    case Kind::Busy:
        return tr("Another change to the system is still running. Wait for it to finish, then try again.");
    case Kind::HelperMissing:
        return tr(
            "Snowpane's system helper is not installed, so changes cannot be applied. On NixOS, add “programs.snowpane.enable = true;” to "
            "your configuration and rebuild. To try the demo with the helper, start it with “tools/dev run”.");
    case Kind::Cancelled:
        return tr("The operation was cancelled. The system was not changed.");
    case Kind::TimedOut:
        return tr("The operation took too long and was stopped.");
    case Kind::InvalidRequest:
        return tr("The system helper refused the request.");
    case Kind::NoError:
    case Kind::Failed:
        break;
    }
    const QString sentence = stageSentence(failure.stage);
    if (failure.errorFile.isEmpty()) {
        return sentence;
    }
    // A build error points into the person's files: say where, before any detail.
    const QString where =
        failure.errorLine > 0 ? tr("%1, line %2").arg(QFileInfo(failure.errorFile).fileName()).arg(failure.errorLine) : QFileInfo(failure.errorFile).fileName();
    return tr("%1 The error is in %2.").arg(sentence, where);
}

} // namespace Snowpane::Ui
