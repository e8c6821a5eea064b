// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace Snowpane::System
{
class ClosureReader;
class GitRepository;
struct Generation;
}

namespace Snowpane::Ui
{

/**
 * What the Generations list learns about a generation after it is shown:
 * the closure size and the commit that built it. Both can take a while (a
 * closure of thousands of paths, a walk over git notes), so they are read in
 * a worker thread, one generation at a time.
 */
struct GenerationFacts {
    int number = 0;
    /// Sum of the closure's NAR sizes; -1 when it could not be read.
    qint64 closureSize = -1;
    QString closureError;
    /// The full id of the commit that built the generation; empty when none is known.
    QString commit;
    QString commitSubject;
    /// The configuration revision says the tree had changes that were not committed.
    bool commitDirty = false;
};

/**
 * Reads the facts of @p generation through @p closures and, when it is not
 * null, @p repository (the configuration's git history). Safe to call from
 * any thread that owns @p repository.
 */
[[nodiscard]] GenerationFacts
readGenerationFacts(System::ClosureReader &closures, const System::GitRepository *repository, const System::Generation &generation);

} // namespace Snowpane::Ui
