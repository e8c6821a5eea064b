// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "documentset.h"
#include "edit.h"

#include <string>
#include <string_view>

namespace Snowpane::Config
{

/** The edit that binds a name in a module's header, or why there is none. */
struct ArgumentEdit {
    bool ok = false;
    std::string error; ///< why the module cannot take the argument, naming the file and line
    Snowpane::Config::TextEdit edit;
};

/**
 * Adds `name` to the argument set of the module of `document` that encloses
 * `offset`, in the file's own style: `{ config, ... }:` becomes
 * `{ config, pkgs, ... }:`, a set written one argument per line (with
 * trailing or leading commas) gets a line of its own, a default or an
 * `@args` alias is kept as it is. A set without `...` gets the name too: the
 * module system passes every argument a module names. A module whose header
 * is not an argument set (`args: …`, or no function at all) cannot take it,
 * and the error says why: there is no minimal edit that keeps its meaning.
 */
[[nodiscard]] ArgumentEdit addModuleArgument(const Snowpane::Config::DocumentSet &set, std::size_t document, std::uint32_t offset, std::string_view name);

} // namespace Snowpane::Config
