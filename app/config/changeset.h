// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "documentset.h"
#include "edit.h"

#include <string>
#include <vector>

namespace Snowpane::Config
{

/** One typed edit, as a person asks for it. */
struct Operation {
    enum class Kind {
        Set,
        Unset,
        AddPackage,
        RemovePackage
    };
    /** Which hosts of a flake the edit may reach when it changes a file several hosts include. */
    enum class Reach {
        ThisHost,
        AllHosts,
        OverrideForHost
    };
    Kind kind = Kind::Set;
    OptionPath path; // the option (for packages: the list option)
    std::string argument; // Set: the Nix value; packages: the attribute
    Reach reach = Reach::ThisHost;
};

/** Plans one operation against a document set; with other hosts in its scope, as Snowpane::Config::planForHost() says. */
[[nodiscard]] EditResult planOperation(const DocumentSet &set, const Operation &operation);
/** Plans one operation as if the set's host were the only one. */
[[nodiscard]] EditResult planUnscoped(const DocumentSet &set, const Operation &operation);

/**
 * Pending edits across the files of a configuration. Each operation is
 * planned against the result of the ones before it; undoing one replays the
 * others from the original texts, so any of them can be taken back on its
 * own. Nothing touches the disk until apply(), which checks that every file
 * still holds the text it was loaded with and that every new text parses,
 * then writes them all atomically.
 */
class ChangeSet
{
public:
    explicit ChangeSet(const DocumentSet &loaded);

    /** Plans and records an operation; a refusal leaves the change set as it was. */
    [[nodiscard]] EditResult add(const Operation &operation);
    /** Takes back the operation at `index`; returns an error when a later one no longer applies. */
    [[nodiscard]] std::string undo(std::size_t index);

    [[nodiscard]] const std::vector<Operation> &operations() const
    {
        return m_operations;
    }
    /** The documents with every pending edit applied. */
    [[nodiscard]] const DocumentSet &current() const
    {
        return m_set;
    }
    /** Paths with their original and pending texts, for files that differ. */
    [[nodiscard]] std::vector<FileChange> changedFiles() const;
    /** A unified diff per changed file, paths relative to `base` when they lie under it. */
    [[nodiscard]] std::string diff(const std::string &base = {}) const;
    /** Writes the changed files; returns an error message, or empty on success. */
    [[nodiscard]] std::string apply();

private:
    void rebuild();

    std::vector<std::pair<std::string, std::string>> m_original;
    std::vector<std::pair<std::string, std::string>> m_texts;
    std::vector<Operation> m_operations;
    std::string m_entry;
    std::string m_host;
    Snowpane::Config::HostScope m_scope;
    DocumentSet m_set;
};

} // namespace Snowpane::Config
