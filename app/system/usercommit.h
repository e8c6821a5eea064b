// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "gitrepository.h"

#include <QString>
#include <QStringList>

namespace Snowpane::System
{

/**
 * Of @p paths (relative to the working tree), those that exist on disk but
 * that git does not track: a flake does not see them, so an edit there
 * would change nothing that is built. An intent-to-add entry counts as
 * tracked. @p error is set when the index cannot be read.
 */
[[nodiscard]] QStringList untrackedFiles(const GitRepository &repository, const QStringList &paths, QString *error);

/**
 * Records @p paths in the index with intent to add (`git add -N`): the
 * file's content is not staged yet, but git, and so a flake, now sees it.
 * Paths already in the index are left as they are. Returns an error message,
 * or an empty string.
 */
[[nodiscard]] QString addIntentToAdd(const GitRepository &repository, const QStringList &paths);

} // namespace Snowpane::System
