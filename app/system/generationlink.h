// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "gitdiff.h"
#include "gitwrappers.h"

#include <QList>
#include <QString>

namespace Snowpane::System
{

class GitRepository;
struct Generation;

/// The notes ref where Snowpane records which generations a commit built.
inline constexpr const char *generationNotesRef = Git::GenerationNotesRef;

/// One generation recorded in a commit's note.
struct GenerationNote {
    int generation = 0;
    QString storePath;

    friend bool operator==(const GenerationNote &, const GenerationNote &) = default;
};

/// The note text for @p notes, one `generation N store-path P` line each.
[[nodiscard]] QString formatGenerationNote(const QList<GenerationNote> &notes);
/// The generations a note's text records; lines that are not ours are skipped.
[[nodiscard]] QList<GenerationNote> parseGenerationNote(const QString &text);

/**
 * Records under `refs/notes/snowpane` that @p commit built generation
 * @p generation with toplevel @p storePath. A commit may build several
 * generations (a rebuild, a rollback made again), so the line is added to
 * the note that is there; recording the same pair twice changes nothing.
 * Returns an error message, empty on success.
 */
[[nodiscard]] QString recordGeneration(GitRepository &repository, const QString &commit, int generation, const QString &storePath);

/// How a generation was matched to its commit.
struct GenerationCommit {
    enum class Via {
        None,
        /// The system's configurationRevision names the commit (flakes: self.rev).
        ConfigurationRevision,
        /// A note under refs/notes/snowpane records this generation's store path.
        Note,
    };
    Via via = Via::None;
    QString commit;
    /// The configuration revision ended in "-dirty": the tree had changes not committed.
    bool dirty = false;
    QString error;
};

/**
 * Finds the commit that built @p generation: by its configurationRevision
 * where that names a commit of this repository, otherwise by a note whose
 * store path is the generation's (numbers alone can be reused after
 * generations are deleted, store paths cannot).
 */
[[nodiscard]] GenerationCommit commitOfGeneration(const GitRepository &repository, const Generation &generation);

/// The configuration diff between the commits that built two generations.
[[nodiscard]] ConfigurationDiff diffGenerations(const GitRepository &repository, const Generation &before, const Generation &after);

} // namespace Snowpane::System
