// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "syntaxtree.h"

#include <cstdint>
#include <string>
#include <vector>

namespace Snowpane::Config
{

/** One element of a host's `modules` list as the static reading sees it. */
struct StaticModuleItem {
    enum class Kind {
        Path, ///< a file (interpolations already substituted), relative to the flake file or absolute
        Inline, ///< a module written in flake.nix itself
        Unresolved, ///< something the reading cannot follow without evaluating
    };
    Kind kind = Kind::Unresolved;
    std::string path;
    Snowpane::Nix::NodeId node = Snowpane::Nix::noNode; ///< Inline: the module expression; otherwise where it is written
    std::uint32_t offset = 0;
    std::string text; ///< Unresolved: the expression as written
    std::string reason; ///< Unresolved: why it was not followed
};

/** One `nixosConfigurations.<name>` found by reading flake.nix. */
struct StaticHost {
    std::string name;
    bool readable = false; ///< its `modules` list was found
    std::string why; ///< when not readable: what stopped the reading
    std::vector<StaticModuleItem> modules;
};

/** The hosts of a flake as the static reading sees them, or why none could be read. */
struct StaticHosts {
    std::vector<StaticHost> hosts;
    std::string error;
};

/**
 * Reads the hosts of a parsed flake.nix without evaluating it. Besides hosts
 * written out (`nixosConfigurations.a = lib.nixosSystem { … }`), it follows
 * the shapes people use to make many hosts: `lib.genAttrs [ "a" "b" ] f`,
 * sets merged with `//`, names and functions bound by `let` (a `mkHost`
 * function whose arguments are substituted into its body, including path
 * interpolations such as `./hosts/${name}`), and `++` in module lists.
 * Anything else is reported, not guessed: evaluation is the reading of
 * record, this is its fallback and the editing layer's fast path.
 */
[[nodiscard]] StaticHosts readFlakeHosts(const Snowpane::Nix::SyntaxTree &tree);

} // namespace Snowpane::Config
