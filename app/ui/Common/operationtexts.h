// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Changes/systemactions.h"

/** The words of the progress sheet that are not a property of one operation; pure functions but for changeSummary(). */
namespace Snowpane::Ui::OperationTexts
{

/// What a finished apply did, by mode.
[[nodiscard]] QString builtText(SystemActions::Mode mode, int generation);
/// The package changes from @p previousGeneration to @p newGeneration of @p profile in words; empty when they cannot be compared.
[[nodiscard]] QString changeSummary(const QString &profile, int previousGeneration, int newGeneration);

}
