// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A deliberately small partial evaluator: names, function parameters and
// string arguments are substituted; nothing is computed. It stops, with a
// reason, at the first shape it does not know, because a wrong guess about
// which files make a host would send an edit to the wrong machine.

#include "flakehosts.h"

#include "treeutil.h"
#include "value.h"

#include <deque>
#include <optional>

namespace Snowpane::Config
{

using namespace Snowpane::Nix;
using Snowpane::Config::bindingNames;
using Snowpane::Config::bindingsOf;
using Snowpane::Config::bindingValue;
using Snowpane::Config::calleeName;
using Snowpane::Config::OptionPath;
using Snowpane::Config::unwrapParens;

namespace
{

struct Scope;

/** A value known without evaluating: a string, or an expression with the scope it is read in. */
struct Known {
    std::optional<std::string> string;
    NodeId node = noNode;
    const Scope *scope = nullptr;
};

/** Names bound by substituting function arguments. */
struct Scope {
    std::vector<std::pair<std::string, Known>> names;
    const Scope *parent = nullptr;
};

constexpr int maximumDepth = 32;

class Reader
{
public:
    explicit Reader(const SyntaxTree &tree)
        : m_tree(tree)
    {
    }

    // The set of hosts: an attribute set, `//` of such, or `genAttrs NAMES f`.
    void collectHosts(NodeId e, const Scope *scope, std::vector<StaticHost> &out, std::string &error, int depth = 0)
    {
        const Known k = resolve(e, scope, depth);
        if (k.string || k.node == noNode || depth > maximumDepth) {
            error = "`nixosConfigurations` is not an attribute set";
            return;
        }
        const NodeId n = k.node;
        switch (m_tree.kind(n)) {
        case NodeKind::AttrSet:
            for (const NodeId b : bindingsOf(m_tree, n)) {
                const std::optional<OptionPath> names = bindingNames(m_tree, b);
                if (names && names->size() == 1) {
                    out.push_back(readHost(names->front(), bindingValue(m_tree, b), k.scope, {}));
                }
            }
            return;
        case NodeKind::BinaryOp:
            if (static_cast<TokenKind>(m_tree.node(n).detail) == TokenKind::Update) {
                collectHosts(m_tree.child(n, 0), k.scope, out, error, depth + 1);
                collectHosts(m_tree.child(n, 1), k.scope, out, error, depth + 1);
                return;
            }
            break;
        case NodeKind::Apply: {
            std::vector<NodeId> arguments;
            if (calleeName(m_tree, n, &arguments) == "genAttrs" && arguments.size() == 2) {
                const std::optional<std::vector<std::string>> names = stringList(arguments[0], k.scope, depth + 1);
                if (!names) {
                    error = "the names given to `genAttrs` are not a list of strings";
                    return;
                }
                for (const std::string &name : *names) {
                    out.push_back(readHost(name, arguments[1], k.scope, {Known{name, noNode, nullptr}}));
                }
                return;
            }
            break;
        }
        default:
            break;
        }
        error = "`nixosConfigurations` is computed by `" + std::string(m_tree.text(n)).substr(0, 60) + "`";
    }

    /** One host written out: `nixosConfigurations.name = …`. */
    StaticHost host(const std::string &name, NodeId value)
    {
        return readHost(name, value, nullptr, {});
    }

private:
    StaticHost readHost(const std::string &name, NodeId value, const Scope *scope, std::vector<Known> extra)
    {
        StaticHost host;
        host.name = name;
        system(value, scope, std::move(extra), host, 0);
        return host;
    }

    // A name bound by `let` or a `rec` set around the expression.
    NodeId lexical(NodeId ident, std::string_view name) const
    {
        for (NodeId p = m_tree.parent(ident); p != noNode; p = m_tree.parent(p)) {
            const NodeKind kind = m_tree.kind(p);
            if (kind == NodeKind::LetIn || (kind == NodeKind::AttrSet && m_tree.node(p).detail == 1)) {
                for (const NodeId b : bindingsOf(m_tree, p)) {
                    const std::optional<OptionPath> names = bindingNames(m_tree, b);
                    if (names && names->size() == 1 && names->front() == name) {
                        return bindingValue(m_tree, b);
                    }
                }
            }
        }
        return noNode;
    }

    // Follows parentheses and names to the expression they stand for.
    Known resolve(NodeId e, const Scope *scope, int depth)
    {
        e = unwrapParens(m_tree, e);
        if (e == noNode || depth > maximumDepth) {
            return {};
        }
        if (m_tree.kind(e) == NodeKind::Ident) {
            const std::string_view name = m_tree.text(e);
            for (const Scope *s = scope; s; s = s->parent) {
                for (const auto &[bound, value] : s->names) {
                    if (bound == name) {
                        return value.string ? value : resolve(value.node, value.scope, depth + 1);
                    }
                }
            }
            const NodeId value = lexical(e, name);
            return value == noNode ? Known{} : resolve(value, scope, depth + 1);
        }
        if (m_tree.kind(e) == NodeKind::String) {
            const Snowpane::Config::Value v = Snowpane::Config::readValue(m_tree, e);
            if (v.type == Snowpane::Config::Value::Type::String) {
                return {v.text, noNode, nullptr};
            }
        }
        return {std::nullopt, e, scope};
    }

    std::optional<std::vector<std::string>> stringList(NodeId e, const Scope *scope, int depth)
    {
        const Known k = resolve(e, scope, depth);
        if (k.node == noNode || m_tree.kind(k.node) != NodeKind::List) {
            return std::nullopt;
        }
        std::vector<std::string> out;
        for (NodeId c = m_tree.firstChild(k.node); c != noNode; c = m_tree.nextSibling(c)) {
            const Known item = resolve(c, k.scope, depth + 1);
            if (!item.string) {
                return std::nullopt;
            }
            out.push_back(*item.string);
        }
        return out;
    }

    // A host's value: `nixosSystem { modules = …; }`, or a function called to make one.
    void system(NodeId e, const Scope *scope, std::vector<Known> extra, StaticHost &host, int depth)
    {
        const Known k = resolve(e, scope, depth);
        if (k.string || k.node == noNode || depth > maximumDepth) {
            host.why = "its value is not a call of `nixosSystem` this reading can follow";
            return;
        }
        NodeId n = k.node;
        // Peel the calls: the innermost function and every argument, the extra ones last.
        std::vector<Known> arguments;
        while (m_tree.kind(n) == NodeKind::Apply) {
            arguments.insert(arguments.begin(), Known{std::nullopt, m_tree.child(n, 1), k.scope});
            n = unwrapParens(m_tree, m_tree.child(n, 0));
        }
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        if (m_tree.kind(n) == NodeKind::LetIn && arguments.empty()) {
            system(m_tree.child(n, static_cast<unsigned>(m_tree.children(n).size() - 1)), k.scope, {}, host, depth + 1);
            return;
        }
        const std::string callee = m_tree.kind(n) == NodeKind::Select || m_tree.kind(n) == NodeKind::Ident ? lastName(n) : std::string();
        if (callee == "nixosSystem" && !arguments.empty()) {
            const Known set = arguments.front().string ? Known{} : resolve(arguments.front().node, arguments.front().scope, depth + 1);
            if (set.node != noNode && m_tree.kind(set.node) == NodeKind::AttrSet) {
                for (const NodeId b : bindingsOf(m_tree, set.node)) {
                    const std::optional<OptionPath> names = bindingNames(m_tree, b);
                    if (names && *names == OptionPath{"modules"}) {
                        host.readable = true;
                        moduleItems(bindingValue(m_tree, b), set.scope, host.modules, depth + 1);
                        return;
                    }
                }
            }
            host.why = "its `nixosSystem` call has no `modules` list written as a list";
            return;
        }
        // A function: substitute its parameters, one per argument.
        const Known function = m_tree.kind(n) == NodeKind::Ident ? resolve(n, k.scope, depth + 1) : Known{std::nullopt, n, k.scope};
        if (function.node == noNode || m_tree.kind(function.node) != NodeKind::Lambda) {
            host.why = "its value is computed by `" + std::string(m_tree.text(k.node)).substr(0, 60) + "`";
            return;
        }
        NodeId body = function.node;
        const Scope *outer = function.scope ? function.scope : k.scope;
        m_scopes.push_back({{}, outer});
        Scope &bound = m_scopes.back();
        std::size_t used = 0;
        while (m_tree.kind(body) == NodeKind::Lambda && used < arguments.size()) {
            const NodeId parameter = m_tree.firstChild(body);
            if (m_tree.kind(parameter) != NodeKind::Ident) {
                host.why = "it is made by a function whose argument is a set pattern";
                return;
            }
            bound.names.emplace_back(std::string(m_tree.text(parameter)), arguments[used]);
            ++used;
            body = m_tree.child(body, static_cast<unsigned>(m_tree.children(body).size() - 1));
        }
        if (used != arguments.size()) {
            host.why = "its function is called with more arguments than it names";
            return;
        }
        system(body, &bound, {}, host, depth + 1);
    }

    std::string lastName(NodeId n) const
    {
        if (m_tree.kind(n) == NodeKind::Ident) {
            return std::string(m_tree.text(n));
        }
        NodeId last = noNode;
        if (m_tree.child(n, 2) != noNode) {
            return {};
        }
        for (NodeId a = m_tree.firstChild(m_tree.child(n, 1)); a != noNode; a = m_tree.nextSibling(a)) {
            last = a;
        }
        return last == noNode ? std::string() : std::string(m_tree.text(last));
    }

    // `./hosts/${name}` with every interpolation a known string.
    std::optional<std::string> pathText(NodeId path, const Scope *scope, int depth)
    {
        const std::uint32_t begin = m_tree.byteBegin(path);
        const std::string_view text = m_tree.text(path);
        std::string out;
        std::uint32_t at = begin;
        for (NodeId c = m_tree.firstChild(path); c != noNode; c = m_tree.nextSibling(c)) {
            const Known part = resolve(m_tree.firstChild(c), scope, depth + 1);
            if (!part.string || part.string->find('/') == 0) {
                return std::nullopt;
            }
            out += text.substr(at - begin, m_tree.byteBegin(c) - at);
            out += *part.string;
            at = m_tree.byteEnd(c);
        }
        out += text.substr(at - begin);
        return out;
    }

    void moduleItems(NodeId e, const Scope *scope, std::vector<StaticModuleItem> &out, int depth)
    {
        const NodeId written = unwrapParens(m_tree, e);
        const Known k = resolve(e, scope, depth);
        if (k.node == noNode || depth > maximumDepth) {
            out.push_back(
                {StaticModuleItem::Kind::Unresolved, {}, written, m_tree.byteBegin(written), std::string(m_tree.text(written)), "the module list is computed"});
            return;
        }
        const NodeId n = k.node;
        if (m_tree.kind(n) == NodeKind::BinaryOp && static_cast<TokenKind>(m_tree.node(n).detail) == TokenKind::Concat) {
            moduleItems(m_tree.child(n, 0), k.scope, out, depth + 1);
            moduleItems(m_tree.child(n, 1), k.scope, out, depth + 1);
            return;
        }
        if (m_tree.kind(n) != NodeKind::List) {
            out.push_back(
                {StaticModuleItem::Kind::Unresolved, {}, written, m_tree.byteBegin(written), std::string(m_tree.text(written)), "the module list is computed"});
            return;
        }
        for (NodeId c = m_tree.firstChild(n); c != noNode; c = m_tree.nextSibling(c)) {
            const NodeId item = unwrapParens(m_tree, c);
            const Known v = resolve(item, k.scope, depth + 1);
            const NodeId target = v.node;
            const NodeKind kind = target == noNode ? NodeKind::Error : m_tree.kind(target);
            StaticModuleItem entry{StaticModuleItem::Kind::Unresolved, {}, item, m_tree.byteBegin(item), std::string(m_tree.text(item)), {}};
            if (kind == NodeKind::Path) {
                if (const std::optional<std::string> path = pathText(target, v.scope, depth + 1)) {
                    entry.kind = StaticModuleItem::Kind::Path;
                    entry.path = *path;
                } else {
                    entry.reason = "the path is interpolated";
                }
            } else if (kind == NodeKind::AttrSet || kind == NodeKind::Lambda) {
                entry.kind = StaticModuleItem::Kind::Inline;
                entry.node = target;
            } else {
                entry.reason = kind == NodeKind::SearchPath ? "a search path (`<…>`) depends on NIX_PATH"
                    : kind == NodeKind::Apply               ? "a function call is not evaluated"
                                                            : "the module is not a literal path";
            }
            out.push_back(std::move(entry));
        }
    }

    const SyntaxTree &m_tree;
    std::deque<Scope> m_scopes; // stable addresses for the scopes of substituted calls
};

NodeId findOutputs(const SyntaxTree &tree)
{
    const NodeId root = unwrapParens(tree, tree.firstChild(tree.root()));
    if (root == noNode || tree.kind(root) != NodeKind::AttrSet) {
        return noNode;
    }
    for (const NodeId b : bindingsOf(tree, root)) {
        const std::optional<OptionPath> names = bindingNames(tree, b);
        if (names && *names == OptionPath{"outputs"}) {
            return bindingValue(tree, b);
        }
    }
    return noNode;
}

} // namespace

StaticHosts readFlakeHosts(const SyntaxTree &tree)
{
    StaticHosts result;
    if (tree.hasErrors()) {
        result.error = "the flake has syntax errors";
        return result;
    }
    // `outputs = { self, … }: let … in { … }`: the set after the header.
    NodeId outputs = findOutputs(tree);
    while (outputs != noNode && (tree.kind(outputs) == NodeKind::Lambda || tree.kind(outputs) == NodeKind::LetIn || tree.kind(outputs) == NodeKind::Paren)) {
        outputs =
            tree.kind(outputs) == NodeKind::Paren ? tree.firstChild(outputs) : tree.child(outputs, static_cast<unsigned>(tree.children(outputs).size() - 1));
    }
    if (outputs == noNode || tree.kind(outputs) != NodeKind::AttrSet) {
        result.error = "cannot find `outputs = { … }: { … }` written as an attribute set";
        return result;
    }
    Reader reader(tree);
    for (const NodeId b : bindingsOf(tree, outputs)) {
        const std::optional<OptionPath> names = bindingNames(tree, b);
        if (!names || names->front() != "nixosConfigurations") {
            continue;
        }
        if (names->size() == 2) {
            result.hosts.push_back(reader.host((*names)[1], bindingValue(tree, b)));
        } else if (names->size() == 1) {
            std::string error;
            reader.collectHosts(bindingValue(tree, b), nullptr, result.hosts, error);
            if (!error.empty() && result.error.empty()) {
                result.error = error;
            }
        }
    }
    if (result.hosts.empty() && result.error.empty()) {
        result.error = "the flake defines no `nixosConfigurations`";
    }
    return result;
}

} // namespace Snowpane::Config
