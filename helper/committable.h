// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"
#include "confineddirectory.h"
#include "gitstore.h"
#include "validation.h"

namespace Snowpane::Helper
{

/**
 * Refuses, before anything is written, a file the helper is about to write
 * and commit when users other than its owner cannot read it (whyPrivate):
 * everyone who can read the configuration can read its git history, so a
 * commit would publish it. A file .gitignore keeps out of the history is
 * not committed and passes.
 */
[[nodiscard]] Checked<Done> checkCommittable(const ConfinedDirectory &dir, const GitStore &git, const RelativeName &name);

/**
 * Refuses a file the helper is about to replace or remove when it is a
 * symbolic link or shares its content with another name (a hard link):
 * reading it would read that other file, and committing it would publish it.
 */
[[nodiscard]] Checked<Done> checkSingleFile(const RelativeName &name, const FileStatus &status);

}
