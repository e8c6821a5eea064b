// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "hostscope.h"
#include "syntaxtree.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace Snowpane::Config
{

/** One configuration file, parsed. The path is absolute and normalised. */
struct Document {
    std::string path;
    // Shared so that a restricted view of a set (see DocumentSet::restricted) costs no re-parse.
    std::shared_ptr<Nix::SyntaxTree> tree;
};

/**
 * A module inside a document: the whole file, or a module written inline in
 * a flake's `modules` list or in an `imports` list. `body` is the attribute
 * set holding the module's definitions once the `{ config, ... }:` header,
 * `let … in` and `with` are stripped; `configPrefix` is true when the module
 * is written in the explicit form `{ options = …; config = …; }`, whose
 * definitions live under `config`. A module whose body is computed (a call
 * such as `lib.mkMerge [ … ]`) has no body and a reason.
 */
struct Module {
    std::size_t document = 0;
    Nix::NodeId expression = Nix::noNode;
    Nix::NodeId body = Nix::noNode;
    bool configPrefix = false;
    std::string opaqueReason;
};

/** An import the loader did not follow, or a problem met while loading. */
struct ImportNote {
    std::size_t document = 0; // where it is written
    std::uint32_t offset = 0;
    std::string text; // the expression as written
    std::string reason;
};

/** An import the loader followed: from which document to which. */
struct ImportEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    std::uint32_t offset = 0;
};

/**
 * Every file of a NixOS configuration: the entry (a `configuration.nix`, or a
 * flake's `nixosConfigurations.<host>.modules`) and every file reached through
 * literal `imports`, in the order the module system would visit them.
 * Directories stand for their `default.nix`. An import that points back into
 * the chain being loaded is a cycle: recorded, not followed. Imports the
 * loader cannot resolve without evaluating (`<nixpkgs/…>`, `inputs.x.…`,
 * `import ./f.nix args`) are listed as not followed, with their location.
 */
class DocumentSet
{
public:
    /**
     * Loads from a file, a directory with `flake.nix` or `configuration.nix`.
     * `host` picks a flake host. `scope` says what the host shares with the
     * other hosts; its `extraRoots` (files evaluation found) are loaded after
     * the host's own modules, and a host the static reading cannot follow is
     * then made of them alone.
     */
    [[nodiscard]] static DocumentSet load(const std::string &path, const std::string &host = {}, const Snowpane::Config::HostScope &scope = {});
    /** The same from documents already in memory (tests and benchmarks): path → text. */
    [[nodiscard]] static DocumentSet fromTexts(const std::vector<std::pair<std::string, std::string>> &files,
                                               const std::string &entry,
                                               const std::string &host = {},
                                               const Snowpane::Config::HostScope &scope = {});

    [[nodiscard]] bool ok() const
    {
        return m_error.empty();
    }
    /** Why the set could not be loaded at all (the entry is missing, unreadable, binary, too big…). */
    [[nodiscard]] const std::string &error() const
    {
        return m_error;
    }
    [[nodiscard]] const std::vector<Document> &documents() const
    {
        return m_documents;
    }
    [[nodiscard]] const std::vector<Module> &modules() const
    {
        return m_modules;
    }
    [[nodiscard]] const std::vector<ImportNote> &notFollowed() const
    {
        return m_notFollowed;
    }
    [[nodiscard]] const std::vector<ImportEdge> &edges() const
    {
        return m_edges;
    }
    /** The entry file, and the flake host when the entry is a flake. */
    [[nodiscard]] const std::string &entry() const
    {
        return m_entry;
    }
    [[nodiscard]] const std::string &host() const
    {
        return m_host;
    }
    /** What the host shares with the other hosts of the flake (empty when not known). */
    [[nodiscard]] const Snowpane::Config::HostScope &scope() const
    {
        return m_scope;
    }
    /**
     * The hosts other than this one that include the document. Inline
     * modules of flake.nix belong to the host whose `modules` list holds
     * them, so flake.nix is never shared in this sense.
     */
    [[nodiscard]] std::vector<std::string> sharedWith(std::size_t document) const;
    /** The hosts that include the document: this host and sharedWith(). */
    [[nodiscard]] std::vector<std::string> hostsOf(std::size_t document) const;
    /**
     * The same documents with only the modules of the documents `keep`
     * accepts: a view in which edits are planned against the host's own
     * files. Document indices are those of this set.
     */
    [[nodiscard]] DocumentSet restricted(const std::vector<bool> &keep) const;
    /** The same documents and modules with another scope (an empty one: edits may go to shared files). */
    [[nodiscard]] DocumentSet withScope(const Snowpane::Config::HostScope &scope) const;
    /** The document with this path, or -1. */
    [[nodiscard]] int indexOf(const std::string &path) const;
    /**
     * One document of `from` with a new text, alone: its modules are derived
     * as in `from` but imports are not followed. Used to read an edit back.
     */
    [[nodiscard]] static DocumentSet single(const DocumentSet &from, std::size_t document, std::string text);
    /** Replaces one document's text (after an edit), re-deriving its modules; imports are not re-followed. */
    void replaceText(std::size_t document, std::string text);

private:
    void loadEntry(const std::string &path, const std::string &host);
    int loadFile(const std::string &path, std::size_t fromDocument, std::uint32_t offset);
    void addModule(std::size_t document, Nix::NodeId expression);
    void followImports(std::size_t document, Nix::NodeId list);
    void loadFlake(std::size_t document, const std::string &host);
    void loadExtraRoots();
    [[nodiscard]] bool readText(const std::string &path, std::string &text, std::string &error) const;
    [[nodiscard]] bool isDirectory(const std::string &path) const;

    std::vector<Document> m_documents;
    std::vector<Module> m_modules;
    std::vector<ImportNote> m_notFollowed;
    std::vector<ImportEdge> m_edges;
    std::vector<std::size_t> m_stack; // documents being loaded, for cycles
    std::string m_error;
    std::string m_entry;
    std::string m_host;
    Snowpane::Config::HostScope m_scope;
    const std::vector<std::pair<std::string, std::string>> *m_memory = nullptr;
    bool m_flakeEntry = false;
    bool m_follow = true; // false while re-deriving the modules of an edited document
};

/** Files bigger than this are refused rather than parsed: no hand-written configuration is this large. */
inline constexpr std::size_t maxDocumentSize = 4u * 1024u * 1024u;

} // namespace Snowpane::Config
