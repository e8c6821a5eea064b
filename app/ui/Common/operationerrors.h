// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Changes/systemactions.h"
#include "jobrunner.h"

#include <QString>

namespace Snowpane::Ui
{

/**
 * What failed, as the progress sheet needs it: the kind of failure, the
 * polkit action that was asked for, the step it happened in, and where a
 * build error points.
 */
struct OperationFailure {
    Snowpane::Privileged::Job::ErrorKind kind = Snowpane::Privileged::Job::ErrorKind::Failed;
    QString action; ///< the polkit action id, e.g. io.github.snowpane.rebuild
    SystemActions::Stage stage = SystemActions::Stage::Idle;
    QString errorFile;
    int errorLine = 0;
};

/**
 * The sentence the progress sheet shows first for @p failure; never empty.
 * It says what a person can do: what to install when the helper is missing,
 * which action polkit refused, and the file and line of a build error. The
 * helper's own words go below it, as the details.
 */
[[nodiscard]] QString failureSentence(const OperationFailure &failure);

/** A Snowpane polkit action in words ("build and apply the system configuration"); the id itself when unknown. */
[[nodiscard]] QString actionDescription(const QString &action);

} // namespace Snowpane::Ui
