// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Generations/generationfacts.h"

#include "closurereader.h"
#include "generation.h"
#include "generationlink.h"
#include "gitrepository.h"

namespace Snowpane::Ui
{

GenerationFacts readGenerationFacts(System::ClosureReader &closures, const System::GitRepository *repository, const System::Generation &generation)
{
    GenerationFacts facts;
    facts.number = generation.number;
    if (generation.storePath.isEmpty()) {
        facts.closureError = generation.problem;
    } else {
        const System::Closure closure = closures.closure(generation.storePath);
        if (closure.isValid()) {
            facts.closureSize = closure.totalNarSize;
        } else {
            facts.closureError = closure.error;
        }
    }
    if (repository) {
        const System::GenerationCommit link = System::commitOfGeneration(*repository, generation);
        if (!link.commit.isEmpty()) {
            facts.commit = link.commit;
            facts.commitDirty = link.dirty;
            if (const auto info = repository->commit(link.commit)) {
                facts.commitSubject = info->subject;
            }
        }
    }
    return facts;
}

} // namespace Snowpane::Ui
