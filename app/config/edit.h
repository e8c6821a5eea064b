// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "documentset.h"
#include "optionpath.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Snowpane::Config
{

/** Replace the bytes [begin, end) of a file's text with `text`. */
struct TextEdit {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string text;
};

/** The new text of one file and the edits that make it. */
struct FileChange {
    std::size_t document = 0;
    std::string path;
    std::string before;
    std::string after;
    std::vector<TextEdit> edits;
};

/**
 * The outcome of planning an edit: either a refusal with a reason meant for
 * the person, or the changed files, each already verified (only the edited
 * bytes differ, the result parses, and the value reads back as intended). A
 * successful plan may change nothing and carry a note ("already in the list").
 */
struct EditResult {
    bool ok = false;
    std::string error;
    std::string note;
    std::vector<FileChange> files;
    /**
     * Set when the edit was refused only because it would change a file other
     * hosts of the flake include: that file, those hosts, and, when an
     * override for the chosen host alone is possible (a `set`), the file of
     * the host's own it would go into. The caller may ask again with a reach.
     */
    struct SharedFile {
        std::string path;
        std::vector<std::string> otherHosts;
        bool overridable = false;
        std::string ownFile;
    };
    std::optional<SharedFile> shared;
};

/**
 * Sets an option to a Nix expression. With one editable definition the value
 * is replaced in place (keeping a `mkDefault`/`mkForce`/`mkOverride` wrapper);
 * with none, a definition is created in the file and set that already spell
 * the longest part of the path, in the file's own style and indentation, or a
 * commented-out template line for exactly this option is brought back to life.
 * Refuses on syntax errors, read-only definitions, several definitions and
 * sets computed by a function call.
 */
[[nodiscard]] EditResult planSet(const DocumentSet &set, const OptionPath &path, std::string_view nixValue);

/** Removes every definition of an option with its attached comments, and the sets the removal leaves empty. */
[[nodiscard]] EditResult planUnset(const DocumentSet &set, const OptionPath &path);

/** Adds a package (attribute of pkgs, such as `ripgrep` or `python3Packages.requests`) to a list of packages. */
[[nodiscard]] EditResult planAddPackage(const DocumentSet &set, std::string_view attr, const OptionPath &list = {"environment", "systemPackages"});

/** Removes a package from every literal list of packages that names it. */
[[nodiscard]] EditResult planRemovePackage(const DocumentSet &set, std::string_view attr, const OptionPath &list = {"environment", "systemPackages"});

/** One package named in a literal list of a package option, where it is written. */
struct PackageEntry {
    std::string attr;
    std::size_t document = 0;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/**
 * The packages named in the literal lists of a package option across the
 * document set, in load order: what the configuration declares. Elements
 * that are not plain package references (`(pkgs.foo.override { … })`) are
 * left out; `opaque` receives the definitions whose list cannot be read.
 */
[[nodiscard]] std::vector<PackageEntry>
listPackages(const DocumentSet &set, const OptionPath &list = {"environment", "systemPackages"}, std::vector<std::string> *opaque = nullptr);

/** Applies sorted, non-overlapping edits to a text. */
[[nodiscard]] std::string applyEdits(std::string_view text, const std::vector<TextEdit> &edits);

} // namespace Snowpane::Config
