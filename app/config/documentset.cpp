// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "documentset.h"

#include "flakehosts.h"

#include "parser.h"
#include "treeutil.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace Snowpane::Config
{

using namespace Snowpane::Nix;
namespace fs = std::filesystem;

namespace
{

std::string normalise(const std::string &path)
{
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(path), ec);
    if (ec) {
        p = fs::path(path);
    }
    std::string out = p.lexically_normal().string();
    if (out.size() > 1 && out.back() == '/') {
        out.pop_back();
    }
    return out;
}

std::string directoryOf(const std::string &path)
{
    return fs::path(path).parent_path().string();
}

std::string baseName(const std::string &path)
{
    return fs::path(path).filename().string();
}

// The expression a module file or inline module stands for, with the
// `{ config, ... }:` header, `let … in`, `with` and `assert` stripped.
NodeId stripModuleHeader(const SyntaxTree &tree, NodeId e)
{
    while (e != noNode) {
        switch (tree.kind(e)) {
        case NodeKind::Paren:
            e = tree.firstChild(e);
            break;
        case NodeKind::Lambda:
        case NodeKind::LetIn:
        case NodeKind::With:
        case NodeKind::Assert: {
            NodeId last = noNode;
            for (NodeId c = tree.firstChild(e); c != noNode; c = tree.nextSibling(c)) {
                last = c;
            }
            e = last;
            break;
        }
        default:
            return e;
        }
    }
    return e;
}

NodeId findBinding(const SyntaxTree &tree, NodeId set, const OptionPath &names)
{
    for (const NodeId b : bindingsOf(tree, set)) {
        if (bindingNames(tree, b) == names) {
            return b;
        }
    }
    return noNode;
}

} // namespace

bool DocumentSet::readText(const std::string &path, std::string &text, std::string &error) const
{
    if (m_memory) {
        for (const auto &[name, content] : *m_memory) {
            if (normalise(name) == path) {
                text = content;
                return true;
            }
        }
        error = "does not exist";
        return false;
    }
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        error = "does not exist";
        return false;
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > maxDocumentSize) {
        error =
            "is " + std::to_string(size / 1024) + " KiB; files over " + std::to_string(maxDocumentSize / 1024 / 1024) + " MiB are not treated as configuration";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::string("cannot be read: ") + std::strerror(errno);
        return false;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
        error = "cannot be read";
        return false;
    }
    if (text.size() > maxDocumentSize) {
        error = "is too big to be a configuration file";
        return false;
    }
    if (text.find('\0') != std::string::npos) {
        error = "is not a text file (it contains NUL bytes)";
        return false;
    }
    return true;
}

int DocumentSet::indexOf(const std::string &path) const
{
    for (std::size_t i = 0; i < m_documents.size(); ++i) {
        if (m_documents[i].path == path) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool DocumentSet::isDirectory(const std::string &path) const
{
    if (m_memory) {
        const std::string prefix = path + "/";
        return std::any_of(m_memory->begin(), m_memory->end(), [&](const auto &file) {
            return normalise(file.first).starts_with(prefix);
        });
    }
    std::error_code ec;
    return fs::is_directory(path, ec);
}

int DocumentSet::loadFile(const std::string &rawPath, std::size_t fromDocument, std::uint32_t offset)
{
    std::string path = normalise(rawPath);
    if (isDirectory(path)) {
        path += "/default.nix";
    }
    const bool isEntry = m_documents.empty();
    for (std::size_t i = 0; i < m_stack.size(); ++i) {
        if (m_documents[m_stack[i]].path == path) {
            std::string chain;
            for (std::size_t j = i; j < m_stack.size(); ++j) {
                chain += baseName(m_documents[m_stack[j]].path) + " → ";
            }
            m_notFollowed.push_back({fromDocument, offset, path, "import cycle: " + chain + baseName(path)});
            return -1;
        }
    }
    if (const int known = indexOf(path); known >= 0) {
        m_edges.push_back({fromDocument, static_cast<std::size_t>(known), offset});
        return known;
    }
    std::string text;
    std::string error;
    if (!readText(path, text, error)) {
        if (isEntry) {
            m_error = path + ": " + error;
        } else {
            m_notFollowed.push_back({fromDocument, offset, path, "the file " + error});
        }
        return -1;
    }
    const std::size_t index = m_documents.size();
    ParseOptions options;
    options.fileName = path;
    m_documents.push_back({path, std::make_unique<SyntaxTree>(parse(std::move(text), options))});
    if (!isEntry) {
        m_edges.push_back({fromDocument, index, offset});
    }
    m_stack.push_back(index);
    const SyntaxTree &tree = *m_documents[index].tree;
    const NodeId expression = tree.firstChild(tree.root());
    if (m_flakeEntry && isEntry) {
        loadFlake(index, m_host);
    } else if (expression != noNode && tree.kind(expression) != NodeKind::Error) {
        addModule(index, expression);
    } else {
        m_modules.push_back({index, noNode, noNode, false, tree.hasErrors() ? "the file has syntax errors" : "the file is empty"});
    }
    m_stack.pop_back();
    return static_cast<int>(index);
}

void DocumentSet::addModule(std::size_t document, NodeId expression)
{
    const SyntaxTree &tree = *m_documents[document].tree;
    Module module{document, expression, noNode, false, {}};
    const NodeId body = stripModuleHeader(tree, expression);
    if (body != noNode && tree.kind(body) == NodeKind::AttrSet) {
        module.body = body;
        for (const NodeId b : bindingsOf(tree, body)) {
            const std::optional<OptionPath> names = bindingNames(tree, b);
            if (names && (names->front() == "config" || names->front() == "options")) {
                module.configPrefix = true;
            }
        }
    } else if (body != noNode && tree.kind(body) == NodeKind::Apply) {
        module.opaqueReason = "the module is the result of calling `" + calleeName(tree, body) + "`";
    } else {
        module.opaqueReason = "the module is not an attribute set";
    }
    m_modules.push_back(module);
    if (module.body != noNode) {
        const NodeId imports = findBinding(tree, module.body, {"imports"});
        if (imports != noNode) {
            followImports(document, bindingValue(tree, imports));
        }
    }
}

void DocumentSet::followImports(std::size_t document, NodeId list)
{
    const SyntaxTree &tree = *m_documents[document].tree;
    list = unwrapParens(tree, list);
    if (list == noNode) {
        return;
    }
    if (tree.kind(list) == NodeKind::BinaryOp && static_cast<TokenKind>(tree.node(list).detail) == TokenKind::Concat) {
        followImports(document, tree.child(list, 0));
        followImports(document, tree.child(list, 1));
        return;
    }
    if (tree.kind(list) != NodeKind::List) {
        m_notFollowed.push_back({document, tree.byteBegin(list), std::string(tree.text(list)), "the import list is computed"});
        return;
    }
    for (NodeId c = tree.firstChild(list); c != noNode; c = tree.nextSibling(c)) {
        const NodeId e = unwrapParens(tree, c);
        const NodeKind kind = tree.kind(e);
        if (kind == NodeKind::Path && tree.firstChild(e) == noNode && tree.tokenKind(tree.node(e).firstToken) == TokenKind::Path) {
            if (!m_follow) {
                continue;
            }
            const std::string text(tree.text(e));
            const std::string target = text.front() == '/' ? text : directoryOf(m_documents[document].path) + "/" + text;
            loadFile(target, document, tree.byteBegin(e));
        } else if (kind == NodeKind::AttrSet || kind == NodeKind::Lambda) {
            addModule(document, e);
        } else {
            const char *reason = kind == NodeKind::SearchPath ? "a search path (`<…>`) depends on NIX_PATH"
                : kind == NodeKind::Apply                     ? "a function call is not evaluated"
                : kind == NodeKind::Path                      ? "the path is interpolated"
                                                              : "the import is not a literal path";
            m_notFollowed.push_back({document, tree.byteBegin(e), std::string(tree.text(e)), reason});
        }
    }
}

void DocumentSet::loadFlake(std::size_t document, const std::string &host)
{
    const SyntaxTree &tree = *m_documents[document].tree;
    const std::string flakeName = m_documents[document].path;
    if (tree.hasErrors()) {
        m_error = flakeName + ": the flake has syntax errors";
        return;
    }
    const Snowpane::Config::StaticHosts hosts = Snowpane::Config::readFlakeHosts(tree);
    // Evaluation's list of hosts, when there is one, is the one of record.
    std::vector<std::string> names = m_scope.hosts;
    if (names.empty()) {
        for (const Snowpane::Config::StaticHost &h : hosts.hosts) {
            names.push_back(h.name);
        }
    }
    if (names.empty()) {
        m_error = flakeName + ": " + (hosts.error.empty() ? std::string("the flake defines no `nixosConfigurations.<host>`") : hosts.error);
        return;
    }
    std::string chosen = host;
    if (chosen.empty()) {
        if (names.size() > 1) {
            m_error = flakeName + ": several hosts (" + Snowpane::Config::joinNames(names) + "); choose one with --host";
            return;
        }
        chosen = names.front();
    } else if (std::find(names.begin(), names.end(), chosen) == names.end()) {
        m_error = flakeName + ": no host `" + chosen + "`; the flake's hosts are " + Snowpane::Config::joinNames(names);
        return;
    }
    m_host = chosen;
    const auto found = std::find_if(hosts.hosts.begin(), hosts.hosts.end(), [&](const Snowpane::Config::StaticHost &h) {
        return h.name == chosen;
    });
    if (found == hosts.hosts.end() || !found->readable) {
        // Evaluation found the host's files: they are loaded as its roots.
        if (m_scope.extraRoots.empty()) {
            const std::string why = found == hosts.hosts.end() ? (hosts.error.empty() ? "it is not written in flake.nix" : hosts.error) : found->why;
            m_error = flakeName + ": cannot find the modules of host `" + chosen + "` without evaluating the flake (" + why + ")";
        }
        return;
    }
    for (const Snowpane::Config::StaticModuleItem &item : found->modules) {
        switch (item.kind) {
        case Snowpane::Config::StaticModuleItem::Kind::Path:
            if (m_follow) {
                loadFile(item.path.front() == '/' ? item.path : directoryOf(flakeName) + "/" + item.path, document, item.offset);
            }
            break;
        case Snowpane::Config::StaticModuleItem::Kind::Inline:
            addModule(document, item.node);
            break;
        case Snowpane::Config::StaticModuleItem::Kind::Unresolved:
            if (m_follow) {
                m_notFollowed.push_back({document, item.offset, item.text, item.reason});
            }
            break;
        }
    }
}

void DocumentSet::loadExtraRoots()
{
    for (const std::string &root : m_scope.extraRoots) {
        if (indexOf(normalise(root)) < 0) {
            loadFile(root, 0, 0);
        }
    }
}

void DocumentSet::loadEntry(const std::string &path, const std::string &host)
{
    std::string entry = normalise(path);
    if (isDirectory(entry)) {
        std::string text;
        std::string error;
        if (readText(entry + "/flake.nix", text, error) || error != "does not exist") {
            entry += "/flake.nix";
        } else {
            entry += "/configuration.nix";
        }
    }
    m_flakeEntry = baseName(entry) == "flake.nix";
    m_entry = entry;
    m_host = host;
    loadFile(entry, 0, 0);
    if (m_error.empty() && !m_documents.empty()) {
        loadExtraRoots();
    }
}

DocumentSet DocumentSet::load(const std::string &path, const std::string &host, const Snowpane::Config::HostScope &scope)
{
    DocumentSet set;
    set.m_scope = scope;
    set.loadEntry(path, host);
    return set;
}

DocumentSet DocumentSet::fromTexts(const std::vector<std::pair<std::string, std::string>> &files,
                                   const std::string &entry,
                                   const std::string &host,
                                   const Snowpane::Config::HostScope &scope)
{
    DocumentSet set;
    set.m_scope = scope;
    set.m_memory = &files;
    set.loadEntry(entry, host);
    set.m_memory = nullptr;
    return set;
}

void DocumentSet::replaceText(std::size_t document, std::string text)
{
    ParseOptions options;
    options.fileName = m_documents[document].path;
    m_documents[document].tree = std::make_unique<SyntaxTree>(parse(std::move(text), options));
    std::vector<Module> kept;
    std::size_t position = m_modules.size();
    for (std::size_t i = 0; i < m_modules.size(); ++i) {
        if (m_modules[i].document == document) {
            position = std::min(position, kept.size());
        } else {
            kept.push_back(m_modules[i]);
        }
    }
    if (position > kept.size()) {
        position = kept.size();
    }
    std::vector<Module> rest(kept.begin() + static_cast<std::ptrdiff_t>(position), kept.end());
    kept.resize(position);
    m_modules = std::move(kept);
    const SyntaxTree &tree = *m_documents[document].tree;
    const NodeId expression = tree.firstChild(tree.root());
    m_follow = false;
    if (m_flakeEntry && document == 0) {
        const std::string error = m_error;
        loadFlake(document, m_host);
        m_error = error;
    } else if (expression != noNode && tree.kind(expression) != NodeKind::Error) {
        addModule(document, expression);
    } else {
        m_modules.push_back({document, noNode, noNode, false, tree.hasErrors() ? "the file has syntax errors" : "the file is empty"});
    }
    m_follow = true;
    m_modules.insert(m_modules.end(), rest.begin(), rest.end());
}

} // namespace Snowpane::Config

namespace Snowpane::Config
{

DocumentSet DocumentSet::single(const DocumentSet &from, std::size_t document, std::string text)
{
    DocumentSet set;
    set.m_entry = from.m_documents[document].path;
    set.m_host = from.m_host;
    set.m_scope = from.m_scope;
    set.m_flakeEntry = from.m_flakeEntry && document == 0;
    set.m_follow = false;
    Nix::ParseOptions options;
    options.fileName = set.m_entry;
    set.m_documents.push_back({set.m_entry, std::make_unique<Nix::SyntaxTree>(Nix::parse(std::move(text), options))});
    const Nix::SyntaxTree &tree = *set.m_documents[0].tree;
    const Nix::NodeId expression = tree.firstChild(tree.root());
    if (set.m_flakeEntry) {
        set.loadFlake(0, set.m_host);
    } else if (expression != Nix::noNode && tree.kind(expression) != Nix::NodeKind::Error) {
        set.addModule(0, expression);
    }
    set.m_follow = true;
    return set;
}

std::vector<std::string> DocumentSet::sharedWith(std::size_t document) const
{
    if (document >= m_documents.size() || (m_flakeEntry && document == 0)) {
        return {};
    }
    return m_scope.othersOf(m_documents[document].path, m_host);
}

std::vector<std::string> DocumentSet::hostsOf(std::size_t document) const
{
    std::vector<std::string> out = sharedWith(document);
    if (!m_host.empty()) {
        out.push_back(m_host);
        std::sort(out.begin(), out.end());
    }
    return out;
}

DocumentSet DocumentSet::restricted(const std::vector<bool> &keep) const
{
    DocumentSet set;
    set.m_entry = m_entry;
    set.m_host = m_host;
    set.m_scope = m_scope;
    set.m_flakeEntry = m_flakeEntry;
    set.m_error = m_error;
    set.m_notFollowed = m_notFollowed;
    set.m_edges = m_edges;
    for (const Document &d : m_documents) {
        set.m_documents.push_back({d.path, d.tree});
    }
    for (const Module &m : m_modules) {
        if (m.document < keep.size() && keep[m.document]) {
            set.m_modules.push_back(m);
        }
    }
    return set;
}

DocumentSet DocumentSet::withScope(const Snowpane::Config::HostScope &scope) const
{
    DocumentSet set = restricted(std::vector<bool>(m_documents.size(), true));
    set.m_scope = scope;
    return set;
}

} // namespace Snowpane::Config
