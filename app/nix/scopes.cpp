// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "scopes.h"
#include "attrmodel.h"

#include <algorithm>
#include <array>
#include <deque>
#include <string_view>

namespace Snowpane::Nix
{
namespace
{

// The names of Nix 2.26's base environment (with the `flakes` feature on, as
// NixOS enables it), sorted. Taken from `builtins` of a real Nix: each name
// is the primop's own or its `__`-prefixed form, whichever parses.
constexpr std::array<std::string_view, 118> globals = {
    "__add",
    "__addDrvOutputDependencies",
    "__addErrorContext",
    "__all",
    "__any",
    "__appendContext",
    "__attrNames",
    "__attrValues",
    "__bitAnd",
    "__bitOr",
    "__bitXor",
    "__catAttrs",
    "__ceil",
    "__compareVersions",
    "__concatLists",
    "__concatMap",
    "__concatStringsSep",
    "__convertHash",
    "__currentSystem",
    "__currentTime",
    "__deepSeq",
    "__div",
    "__elem",
    "__elemAt",
    "__fetchurl",
    "__filter",
    "__filterSource",
    "__findFile",
    "__flakeRefToString",
    "__floor",
    "__foldl'",
    "__fromJSON",
    "__functionArgs",
    "__genList",
    "__genericClosure",
    "__getAttr",
    "__getContext",
    "__getEnv",
    "__getFlake",
    "__groupBy",
    "__hasAttr",
    "__hasContext",
    "__hashFile",
    "__hashString",
    "__head",
    "__intersectAttrs",
    "__isAttrs",
    "__isBool",
    "__isFloat",
    "__isFunction",
    "__isInt",
    "__isList",
    "__isPath",
    "__isString",
    "__langVersion",
    "__length",
    "__lessThan",
    "__listToAttrs",
    "__mapAttrs",
    "__match",
    "__mul",
    "__nixPath",
    "__nixVersion",
    "__parseDrvName",
    "__parseFlakeRef",
    "__partition",
    "__path",
    "__pathExists",
    "__readDir",
    "__readFile",
    "__readFileType",
    "__replaceStrings",
    "__seq",
    "__sort",
    "__split",
    "__splitVersion",
    "__storeDir",
    "__storePath",
    "__stringLength",
    "__sub",
    "__substring",
    "__tail",
    "__toFile",
    "__toJSON",
    "__toPath",
    "__toXML",
    "__trace",
    "__traceVerbose",
    "__tryEval",
    "__typeOf",
    "__unsafeDiscardOutputDependency",
    "__unsafeDiscardStringContext",
    "__unsafeGetAttrPos",
    "__warn",
    "__zipAttrsWith",
    "abort",
    "baseNameOf",
    "break",
    "builtins",
    "derivation",
    "derivationStrict",
    "dirOf",
    "false",
    "fetchGit",
    "fetchMercurial",
    "fetchTarball",
    "fetchTree",
    "fromTOML",
    "import",
    "isNull",
    "map",
    "null",
    "placeholder",
    "removeAttrs",
    "scopedImport",
    "throw",
    "toString",
    "true",
};

bool isGlobal(std::string_view name)
{
    return std::binary_search(globals.begin(), globals.end(), name);
}

struct Scope {
    bool with = false;
    std::vector<std::string> names; // sorted
};

// Work items of the iterative walk: visiting a node, opening and closing a
// scope, and looking a name up (for `inherit`, which reads the outer scope).
struct Item {
    enum Kind : std::uint8_t {
        Visit,
        Push,
        Pop,
        Lookup,
    } kind;
    std::uint32_t id = 0; // node, scope (index into m_scopes), or name (index into m_names)
    std::uint32_t offset = 0;
};

class ScopeChecker
{
public:
    explicit ScopeChecker(const SyntaxTree &tree)
        : m_tree(tree)
        , m_model(tree, m_ignored)
    {
    }

    std::vector<Diagnostic> run()
    {
        m_work.push_back({Item::Visit, m_tree.root(), 0});
        while (!m_work.empty() && m_out.size() < 100) {
            const Item item = m_work.back();
            m_work.pop_back();
            switch (item.kind) {
            case Item::Visit:
                visit(item.id);
                break;
            case Item::Push:
                m_active.push_back(item.id);
                break;
            case Item::Pop:
                m_active.pop_back();
                break;
            case Item::Lookup:
                lookup(m_names[item.id], item.offset);
                break;
            }
        }
        return std::move(m_out);
    }

private:
    void lookup(std::string_view name, std::uint32_t offset)
    {
        bool withSeen = false;
        for (auto it = m_active.rbegin(); it != m_active.rend(); ++it) {
            const Scope &s = m_scopes[*it];
            if (s.with) {
                withSeen = true;
            } else if (std::binary_search(s.names.begin(), s.names.end(), name)) {
                return;
            }
        }
        if (withSeen || isGlobal(name)) {
            return;
        }
        m_out.push_back({offset, Severity::Error, DiagnosticKind::Semantic, "undefined variable '" + std::string(name) + "'"});
    }

    std::uint32_t newScope(bool with, std::vector<std::string> names)
    {
        std::sort(names.begin(), names.end());
        m_scopes.push_back({with, std::move(names)});
        return static_cast<std::uint32_t>(m_scopes.size() - 1);
    }

    // Items are pushed in reverse so that they run in the order written.
    void schedule(std::vector<Item> &items)
    {
        m_work.insert(m_work.end(), items.rbegin(), items.rend());
        items.clear();
    }

    void setItems(std::int32_t index, std::vector<Item> &items);
    void visit(NodeId id);

    const SyntaxTree &m_tree;
    std::vector<Diagnostic> m_ignored;
    AttrModel m_model;
    std::vector<Item> m_work;
    std::deque<Scope> m_scopes;
    std::vector<std::uint32_t> m_active;
    std::deque<std::string> m_names;
    std::vector<Diagnostic> m_out;
};

// The items for the values of one desugared set, in the current scope
// (non-recursive) or a new one holding its names (recursive).
void ScopeChecker::setItems(std::int32_t index, std::vector<Item> &items)
{
    const AttrSetModel &s = m_model.set(index);
    std::vector<std::string> names;
    for (const AttrEntry &e : s.entries) {
        if (e.kind == AttrKind::Inherited) {
            // `inherit x;` reads x from the scope around the set.
            m_names.push_back(e.name);
            items.push_back({Item::Lookup, static_cast<std::uint32_t>(m_names.size() - 1), e.offset});
        }
        if (s.recursive) {
            names.push_back(e.name);
        }
    }
    if (s.recursive) {
        items.push_back({Item::Push, newScope(false, std::move(names)), 0});
    }
    for (const NodeId from : s.inheritFrom) {
        items.push_back({Item::Visit, from, 0});
    }
    for (const AttrEntry &e : s.entries) {
        if (e.kind != AttrKind::Plain) {
            continue;
        }
        if (e.nested >= 0) {
            setItems(e.nested, items);
        } else {
            items.push_back({Item::Visit, e.value, 0});
        }
    }
    for (const DynamicEntry &d : s.dynamics) {
        items.push_back({Item::Visit, d.name, 0});
        if (d.nested >= 0) {
            setItems(d.nested, items);
        } else {
            items.push_back({Item::Visit, d.value, 0});
        }
    }
    if (s.recursive) {
        items.push_back({Item::Pop, 0, 0});
    }
}

void ScopeChecker::visit(NodeId id)
{
    std::vector<Item> items;
    switch (m_tree.kind(id)) {
    case NodeKind::Ident: {
        const std::string_view name = m_tree.text(id);
        if (name == "__curPos") {
            return;
        }
        // `f or` applies f to the variable `or`, which Nix places where the
        // application starts (its rule's position), not at the keyword.
        const bool orKeyword = m_tree.tokenKind(m_tree.node(id).firstToken) == TokenKind::KwOr;
        lookup(name, m_tree.byteBegin(orKeyword && m_tree.parent(id) != noNode ? m_tree.parent(id) : id));
        return;
    }
    case NodeKind::Lambda: {
        const std::vector<NodeId> parts = m_tree.children(id);
        std::vector<std::string> names;
        std::vector<NodeId> defaults;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            if (m_tree.kind(parts[i]) == NodeKind::Ident) {
                names.emplace_back(m_tree.text(parts[i]));
                continue;
            }
            for (NodeId e = m_tree.firstChild(parts[i]); e != noNode; e = m_tree.nextSibling(e)) {
                names.emplace_back(m_tree.tokenText(m_tree.node(e).firstToken));
                if (const NodeId def = m_tree.firstChild(e); def != noNode) {
                    defaults.push_back(def);
                }
            }
        }
        items.push_back({Item::Push, newScope(false, std::move(names)), 0});
        for (const NodeId def : defaults) {
            items.push_back({Item::Visit, def, 0});
        }
        items.push_back({Item::Visit, parts.back(), 0});
        items.push_back({Item::Pop, 0, 0});
        break;
    }
    case NodeKind::With:
        items.push_back({Item::Visit, m_tree.child(id, 0), 0});
        items.push_back({Item::Push, newScope(true, {}), 0});
        items.push_back({Item::Visit, m_tree.child(id, 1), 0});
        items.push_back({Item::Pop, 0, 0});
        break;
    case NodeKind::AttrSet:
    case NodeKind::LegacyLet:
        setItems(m_model.build(id), items);
        break;
    case NodeKind::LetIn: {
        // The let's names cover its values and its body.
        const std::int32_t index = m_model.build(id);
        std::vector<std::string> names;
        for (const AttrEntry &e : m_model.set(index).entries) {
            names.push_back(e.name);
        }
        const std::uint32_t scope = newScope(false, std::move(names));
        setItems(index, items);
        // setItems opens the let's scope for the values only; the body is
        // in the same scope.
        items.push_back({Item::Push, scope, 0});
        NodeId body = noNode;
        for (NodeId c = m_tree.firstChild(id); c != noNode; c = m_tree.nextSibling(c)) {
            body = c;
        }
        items.push_back({Item::Visit, body, 0});
        items.push_back({Item::Pop, 0, 0});
        break;
    }
    default:
        for (NodeId c = m_tree.firstChild(id); c != noNode; c = m_tree.nextSibling(c)) {
            items.push_back({Item::Visit, c, 0});
        }
        break;
    }
    schedule(items);
}

} // namespace

std::vector<Diagnostic> findUndefinedVariables(const SyntaxTree &tree)
{
    if (tree.hasErrors()) {
        return {};
    }
    return ScopeChecker(tree).run();
}

} // namespace Snowpane::Nix
