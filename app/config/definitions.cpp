// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "definitions.h"

#include "attrmodel.h"
#include "literals.h"
#include "treeutil.h"

namespace Snowpane::Config
{

using namespace Snowpane::Nix;

namespace
{

struct Walker {
    const DocumentSet &set;
    const SyntaxTree &tree;
    std::size_t module;
    const OptionPath &path;
    std::vector<Definition> &out;

    Definition make(NodeId binding, NodeId value, const std::string &inherited) const
    {
        Definition d;
        d.module = module;
        d.document = set.modules()[module].document;
        d.file = set.documents()[d.document].path;
        const Location at = tree.locate(tree.byteBegin(binding));
        d.line = at.line;
        d.column = at.column;
        d.binding = binding;
        d.value = value;
        d.reason = inherited;
        return d;
    }

    // Looks through one priority wrapper; returns the wrapped expression.
    NodeId unwrapPriority(NodeId value, Definition &d) const
    {
        const NodeId e = unwrapParens(tree, value);
        if (tree.kind(e) != NodeKind::Apply) {
            return value;
        }
        std::vector<NodeId> args;
        const std::string name = calleeName(tree, e, &args);
        if ((name == "mkDefault" || name == "mkForce") && args.size() == 1) {
            d.wrapper = name;
            d.priority = name == "mkDefault" ? mkDefaultPriority : mkForcePriority;
            return args[0];
        }
        if (name == "mkOverride" && args.size() == 2) {
            const NodeId n = unwrapParens(tree, args[0]);
            const auto priority = tree.kind(n) == NodeKind::Int ? parseNixInt(tree.text(n)) : std::nullopt;
            if (priority) {
                d.wrapper = name;
                d.priority = static_cast<int>(*priority);
                return args[1];
            }
        }
        return value;
    }

    static std::string describe(const SyntaxTree &tree, NodeId e)
    {
        e = unwrapParens(tree, e);
        switch (tree.kind(e)) {
        case NodeKind::Apply: {
            const std::string name = calleeName(tree, e);
            if (name == "mkIf" || name == "mkMerge") {
                return "the value is wrapped in `" + name + "`";
            }
            return name.empty() ? "the value is a function call" : "the value is computed by a call to `" + name + "`";
        }
        case NodeKind::BinaryOp:
            if (static_cast<TokenKind>(tree.node(e).detail) == TokenKind::Update) {
                return "the value is merged with `//`";
            }
            return "the value is computed by an operator";
        case NodeKind::Ident:
            switch (nameOrigin(tree, e)) {
            case NameOrigin::Let:
                return "the value is the let-bound name `" + std::string(tree.text(e)) + "`";
            case NameOrigin::Argument:
                return "the value is the function argument `" + std::string(tree.text(e)) + "`";
            case NameOrigin::With:
                return "the value is the name `" + std::string(tree.text(e)) + "`, which comes from a `with`";
            default:
                return "the value is the variable `" + std::string(tree.text(e)) + "`";
            }
        case NodeKind::String:
        case NodeKind::IndString:
        case NodeKind::Path:
            return "the value uses interpolation";
        case NodeKind::Select:
            return "the value refers to `" + std::string(tree.text(e)) + "`";
        case NodeKind::If:
            return "the value is an `if` expression";
        case NodeKind::LetIn:
            return "the value is a `let` expression";
        case NodeKind::With:
            return "the value depends on a `with`";
        case NodeKind::Lambda:
            return "the value is a function";
        case NodeKind::List:
        case NodeKind::AttrSet:
            return "the value contains expressions that are not literals";
        default:
            return "the value is not a literal";
        }
    }

    void define(NodeId binding, NodeId value, const std::string &inherited)
    {
        Definition d = make(binding, value, inherited);
        d.value = unwrapPriority(value, d);
        d.read = readValue(tree, d.value);
        if (d.reason.empty() && !d.read.isLiteral()) {
            d.reason = describe(tree, d.value);
        }
        d.editable = d.reason.empty();
        out.push_back(std::move(d));
    }

    void walkSet(NodeId setNode, std::size_t depth, const std::string &inherited)
    {
        for (const NodeId b : bindingsOf(tree, setNode)) {
            const std::optional<OptionPath> names = bindingNames(tree, b);
            if (!names) {
                computedName(b, depth, inherited);
                continue;
            }
            const std::size_t k = commonPrefix(*names, 0, path, depth);
            if (k < names->size() && depth + k < path.size()) {
                continue;
            }
            const NodeId value = bindingValue(tree, b);
            if (depth + names->size() == path.size()) {
                define(b, value, inherited);
            } else if (depth + names->size() < path.size()) {
                walkValue(b, value, depth + names->size(), inherited);
            } else {
                Definition d = make(b, value, inherited);
                d.partial = true;
                d.read = readValue(tree, value);
                d.reason = "it defines only `" + formatAttrPath(*names, path.size() - depth) + "` below the option";
                out.push_back(std::move(d));
            }
        }
    }

    // `a.${x}.c = …`: when the static names before the computed one match, the binding may define the option.
    void computedName(NodeId binding, std::size_t depth, const std::string &inherited)
    {
        std::vector<Diagnostic> ignored;
        const AttrModel model(tree, ignored);
        const NodeId attrPath = tree.firstChild(binding);
        std::size_t matched = 0;
        for (NodeId attr = tree.firstChild(attrPath); attr != noNode; attr = tree.nextSibling(attr)) {
            const std::optional<std::string> name = model.staticName(attr);
            if (!name) {
                if (depth + matched < path.size()) {
                    Definition d = make(binding, bindingValue(tree, binding), inherited);
                    d.opaqueSet = true;
                    d.read = readValue(tree, d.value);
                    d.reason = "the attribute name `" + std::string(tree.text(attr)) + "` is computed, so this binding may define the option";
                    out.push_back(std::move(d));
                }
                return;
            }
            if (depth + matched >= path.size() || path[depth + matched] != *name) {
                return;
            }
            ++matched;
        }
    }

    void walkValue(NodeId binding, NodeId value, std::size_t depth, const std::string &inherited)
    {
        const NodeId e = unwrapParens(tree, value);
        switch (tree.kind(e)) {
        case NodeKind::AttrSet:
            walkSet(e, depth, inherited);
            return;
        case NodeKind::With:
        case NodeKind::LetIn:
            walkValue(binding, tree.child(e, static_cast<unsigned>(tree.children(e).size() - 1)), depth, inherited);
            return;
        case NodeKind::BinaryOp:
            if (static_cast<TokenKind>(tree.node(e).detail) == TokenKind::Update) {
                walkValue(binding, tree.child(e, 0), depth, "it is inside a set merged with `//`");
                walkValue(binding, tree.child(e, 1), depth, "it is inside a set merged with `//`");
                return;
            }
            break;
        case NodeKind::Apply: {
            std::vector<NodeId> args;
            const std::string name = calleeName(tree, e, &args);
            if (name == "mkIf" && args.size() == 2) {
                walkValue(binding, args[1], depth, "it is inside `mkIf`");
                return;
            }
            if (name == "mkMerge" && args.size() == 1 && tree.kind(unwrapParens(tree, args[0])) == NodeKind::List) {
                for (NodeId c = tree.firstChild(unwrapParens(tree, args[0])); c != noNode; c = tree.nextSibling(c)) {
                    walkValue(binding, c, depth, "it is inside `mkMerge`");
                }
                return;
            }
            if ((name == "mkDefault" || name == "mkForce") && args.size() == 1) {
                walkValue(binding, args[0], depth, "it is inside a set wrapped in `" + name + "`");
                return;
            }
            break;
        }
        default:
            break;
        }
        Definition d = make(binding, value, inherited);
        d.opaqueSet = true;
        d.read = readValue(tree, value);
        d.reason = "the set above the option is computed (" + describe(tree, e) + "), so it may define the option";
        out.push_back(std::move(d));
    }
};

} // namespace

void findDefinitionsInModule(const DocumentSet &set, std::size_t module, const OptionPath &path, std::vector<Definition> &out)
{
    const Module &m = set.modules()[module];
    if (m.body == noNode || path.empty()) {
        return;
    }
    const SyntaxTree &tree = *set.documents()[m.document].tree;
    if (m.configPrefix) {
        OptionPath full{"config"};
        full.insert(full.end(), path.begin(), path.end());
        Walker walker{set, tree, module, full, out};
        walker.walkSet(m.body, 0, {});
    } else {
        Walker walker{set, tree, module, path, out};
        walker.walkSet(m.body, 0, {});
    }
}

std::vector<Definition> findDefinitions(const DocumentSet &set, const OptionPath &path)
{
    std::vector<Definition> out;
    for (std::size_t i = 0; i < set.modules().size(); ++i) {
        findDefinitionsInModule(set, i, path, out);
    }
    return out;
}

std::string definitionKind(const Definition &d)
{
    if (d.partial) {
        return "partial";
    }
    if (d.opaqueSet) {
        return "computed-set";
    }
    if (!d.editable) {
        if (d.reason.find("mkIf") != std::string::npos) {
            return "mkIf";
        }
        if (d.reason.find("mkMerge") != std::string::npos) {
            return "mkMerge";
        }
        if (d.reason.find("//") != std::string::npos) {
            return "update";
        }
        return "expression";
    }
    return d.wrapper.empty() ? "literal" : d.wrapper;
}

} // namespace Snowpane::Config
