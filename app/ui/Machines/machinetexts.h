// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Machines/machinerecords.h"

#include "activation.h"
#include "hostdeployment.h"
#include "remoteerror.h"

/** The Machines page's words: every problem, step and result as a person reads it. */
namespace Snowpane::Ui::MachineTexts
{

/// The engine's error as the page's kind.
[[nodiscard]] MachineProblem::Kind problemOf(Remote::RemoteError error);
/// How a deployment (or a remote switch) ended, as the page's kind; None when it is done.
[[nodiscard]] MachineProblem::Kind problemOf(Remote::Outcome outcome, Remote::RemoteError error);

/// One sentence for @p kind on @p host; None gives an empty text.
[[nodiscard]] QString problemSentence(MachineProblem::Kind kind, const QString &host);

[[nodiscard]] QString stepText(Remote::Step step);

/// "12 paths, 3.4 MiB".
[[nodiscard]] QString copiedText(int paths, qint64 bytes);

/// What a confirmed magic rollback means: @p host was reached again, so its return to @p previousGeneration was cancelled.
[[nodiscard]] QString confirmedText(const QString &host, int previousGeneration);

/// Fills the texts of @p status from its fields.
void describe(MachineStatus &status);

} // namespace Snowpane::Ui::MachineTexts
