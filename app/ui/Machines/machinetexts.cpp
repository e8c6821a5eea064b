// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Machines/machinetexts.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;
using Snowpane::Remote::Outcome;
using Snowpane::Remote::RemoteError;
using Snowpane::Remote::Step;

namespace Snowpane::Ui::MachineTexts
{

namespace
{

QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("Machines", text, comment, n);
}

} // namespace

MachineProblem::Kind problemOf(RemoteError error)
{
    switch (error) {
    case RemoteError::None:
        return MachineProblem::None;
    case RemoteError::Unreachable:
        return MachineProblem::Unreachable;
    case RemoteError::AuthenticationRefused:
        return MachineProblem::AuthenticationRefused;
    case RemoteError::HostKeyUnknown:
        return MachineProblem::HostKeyUnknown;
    case RemoteError::HostKeyChanged:
        return MachineProblem::HostKeyChanged;
    case RemoteError::NoNix:
        return MachineProblem::NoNix;
    case RemoteError::DiskFull:
        return MachineProblem::DiskFull;
    case RemoteError::BuildFailed:
        return MachineProblem::BuildFailed;
    case RemoteError::CopyFailed:
        return MachineProblem::CopyFailed;
    case RemoteError::ActivationFailed:
        return MachineProblem::ActivationFailed;
    case RemoteError::Cancelled:
        return MachineProblem::Cancelled;
    case RemoteError::ThisMachine:
    case RemoteError::Failed:
        return MachineProblem::Failed;
    }
    return MachineProblem::Failed;
}

MachineProblem::Kind problemOf(Outcome outcome, RemoteError error)
{
    switch (outcome) {
    case Outcome::Done:
        return MachineProblem::None;
    case Outcome::RolledBack:
        return error == RemoteError::ActivationFailed ? MachineProblem::ActivationFailedRolledBack : MachineProblem::RolledBack;
    case Outcome::Unreachable:
        return MachineProblem::Unreachable;
    case Outcome::Failed:
        return error == RemoteError::None ? MachineProblem::Failed : problemOf(error);
    case Outcome::Cancelled:
        return MachineProblem::Cancelled;
    }
    return MachineProblem::Failed;
}

QString problemSentence(MachineProblem::Kind kind, const QString &host)
{
    switch (kind) {
    case MachineProblem::None:
        return {};
    case MachineProblem::Unreachable:
        return tr("%1 is unreachable: the connection was refused or timed out.").arg(host);
    case MachineProblem::AuthenticationRefused:
        return tr("%1 refused the authentication: your SSH key (or sudo) was not accepted.").arg(host);
    case MachineProblem::HostKeyUnknown:
        return tr("%1 is not known yet. Check its host key's fingerprint before you accept it.").arg(host);
    case MachineProblem::HostKeyChanged:
        return tr("The host key of %1 has changed since it was stored. Snowpane will not connect; if the machine was reinstalled, remove its old key "
                  "(ssh-keygen -R) and check the new one.")
            .arg(host);
    case MachineProblem::NoNix:
        return tr("%1 has no Nix: Snowpane deploys only to machines with Nix.").arg(host);
    case MachineProblem::DiskFull:
        return tr("The disk of %1 is full.").arg(host);
    case MachineProblem::BuildFailed:
        return tr("The system of %1 could not be built.").arg(host);
    case MachineProblem::CopyFailed:
        return tr("The system could not be copied to %1.").arg(host);
    case MachineProblem::ActivationFailedRolledBack:
        return tr("Activating the new system on %1 failed; it was rolled back to its previous generation.").arg(host);
    case MachineProblem::ActivationFailed:
        return tr("Activating the new system on %1 failed, and it was not rolled back.").arg(host);
    case MachineProblem::RolledBack:
        return tr("%1 could not be reached again after the activation, so it rolled back to its previous generation by itself.").arg(host);
    case MachineProblem::Cancelled:
        return tr("Cancelled on %1.").arg(host);
    case MachineProblem::Failed:
        return tr("Something failed on %1.").arg(host);
    }
    return {};
}

QString stepText(Step step)
{
    switch (step) {
    case Step::Queued:
        return tr("Waiting", "@info:status a host waits for its turn");
    case Step::Building:
        return tr("Building", "@info:status");
    case Step::Connecting:
        return tr("Connecting", "@info:status");
    case Step::Copying:
        return tr("Copying", "@info:status");
    case Step::Activating:
        return tr("Activating", "@info:status");
    case Step::Confirming:
        return tr("Confirming", "@info:status a fresh connection confirms the activation");
    case Step::Finished:
        return tr("Finished", "@info:status");
    }
    return {};
}

QString copiedText(int paths, qint64 bytes)
{
    if (paths == 0) {
        return tr("nothing yet", "@info bytes copied");
    }
    return tr("%1, store paths: %2", "@info bytes copied and how many store paths").arg(QLocale().formattedDataSize(bytes)).arg(paths);
}

QString confirmedText(const QString &host, int previousGeneration)
{
    return previousGeneration > 0
        ? tr("A new connection reached %1 after the activation, so its scheduled return to generation %2 was cancelled.").arg(host).arg(previousGeneration)
        : tr("A new connection reached %1 after the activation, so its scheduled return to the previous system was cancelled.").arg(host);
}

void describe(MachineStatus &status)
{
    status.problemText = problemSentence(status.problem, status.host);
    if (status.probing) {
        status.stateText = tr("Checking…", "@info:status a machine is being probed");
    } else if (!status.probed) {
        status.stateText = tr("Not checked", "@info:status");
    } else if (status.reachable) {
        status.stateText = status.thisMachine ? tr("This machine", "@info:status") : tr("Reachable", "@info:status");
    } else if (status.problem == MachineProblem::HostKeyUnknown) {
        status.stateText = tr("Unknown host key", "@info:status");
    } else {
        status.stateText = tr("Not reachable", "@info:status");
    }
    if (status.generation > 0) {
        status.systemText = status.nixosVersion.isEmpty() ? tr("Generation %1").arg(status.generation)
                                                          : tr("Generation %1, NixOS %2").arg(status.generation).arg(status.nixosVersion);
    } else if (status.probed && status.reachable) {
        status.systemText = status.nixosVersion.isEmpty() ? tr("No system generation yet") : tr("NixOS %1, no generation").arg(status.nixosVersion);
    } else {
        status.systemText.clear();
    }
    status.lastDeployedText = status.lastDeployed.isValid() ? tr("Deployed %1").arg(QLocale().toString(status.lastDeployed.toLocalTime(), QLocale::ShortFormat))
                                                            : tr("Never deployed from here");
    if (status.lastDeployed.isValid() && !status.lastOutcome.isEmpty()) {
        status.lastDeployedText += u" ("_s + status.lastOutcome + u')';
    }
    if (!status.rebootPending) {
        status.rebootText.clear();
    } else {
        status.rebootText = status.kernelChanged ? tr("Reboot pending: the kernel changed") : tr("Reboot pending: the next boot starts a newer generation");
    }
}

} // namespace Snowpane::Ui::MachineTexts
