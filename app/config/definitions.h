// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "documentset.h"
#include "optionpath.h"
#include "value.h"

#include <string>
#include <vector>

namespace Snowpane::Config
{

/**
 * One place where the configuration defines an option. `binding` is the
 * binding whose value holds the definition; `value` is the expression that is
 * the definition once a `mkDefault`, `mkForce` or `mkOverride n` wrapper
 * (named in `wrapper`, with its module-system `priority`) is looked through.
 * Editable definitions are literals the engine can rewrite in place; the
 * others carry the reason they are read-only. A `partial` definition sets
 * only an attribute below the option (`a.b.c = …` for `a.b`); an
 * `opaqueSet` one is a set above the option that the engine cannot look into
 * (`services.x = f { … };`), so it may or may not define the option.
 */
struct Definition {
    std::size_t module = 0;
    std::size_t document = 0;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    Nix::NodeId binding = Nix::noNode;
    Nix::NodeId value = Nix::noNode;
    std::string wrapper;
    int priority = 100;
    bool editable = false;
    bool partial = false;
    bool opaqueSet = false;
    std::string reason;
    Value read;
};

/** Module-system priorities, as in nixpkgs' lib/modules.nix. */
inline constexpr int defaultPriority = 100;
inline constexpr int mkDefaultPriority = 1000;
inline constexpr int mkForcePriority = 50;

/**
 * Every definition of `path` across the document set, in load order, in any
 * spelling: dotted, nested, mixed, quoted and static `${"x"}` names, and under
 * an explicit module's `config`. Definitions reached through `mkIf`,
 * `mkMerge` or `//` are read-only, as are values that are variables, calls or
 * interpolations.
 */
[[nodiscard]] std::vector<Definition> findDefinitions(const DocumentSet &set, const OptionPath &path);

/** The definitions in one module (used after an edit to read one file back). */
void findDefinitionsInModule(const DocumentSet &set, std::size_t module, const OptionPath &path, std::vector<Definition> &out);

/** A human kind for a definition: "literal", "mkDefault", "mkIf", … */
[[nodiscard]] std::string definitionKind(const Definition &definition);

} // namespace Snowpane::Config
