// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "hostedits.h"

#include "editsupport.h"
#include "parser.h"
#include "treeutil.h"

#include <algorithm>

namespace Snowpane::Config
{

using namespace Snowpane::Nix;
using namespace Snowpane::Config;

namespace
{

EditResult refuse(std::string message)
{
    EditResult r;
    r.error = std::move(message);
    return r;
}

std::vector<bool> ownDocuments(const DocumentSet &set)
{
    std::vector<bool> own(set.documents().size());
    for (std::size_t i = 0; i < own.size(); ++i) {
        own[i] = set.sharedWith(i).empty();
    }
    return own;
}

// The first file of the host that no other host includes and that holds a module body: where an override would go.
std::string ownFile(const DocumentSet &set)
{
    for (const Module &m : set.modules()) {
        if (m.body != noNode && set.sharedWith(m.document).empty() && !(m.document == 0 && set.entry().ends_with("/flake.nix"))) {
            return set.documents()[m.document].path;
        }
    }
    return {};
}

std::string sharedRefusal(const DocumentSet &set, const Operation &operation, const FileChange &change)
{
    const std::vector<std::string> others = set.sharedWith(change.document);
    const std::string dotted = formatAttrPath(operation.path);
    std::string what;
    switch (operation.kind) {
    case Operation::Kind::Set:
        what = "`" + dotted + "` is defined in " + change.path;
        break;
    case Operation::Kind::Unset:
        what = "`" + dotted + "` is defined in " + change.path;
        break;
    case Operation::Kind::AddPackage:
    case Operation::Kind::RemovePackage:
        what = "`" + operation.argument + "` is in the list of " + change.path;
        break;
    }
    std::string out = what + ", which host" + (others.size() == 1 ? " " : "s ") + joinNames(others) + (others.size() == 1 ? " also includes" : " also include")
        + "; changing it there changes " + (others.size() == 1 ? "that host" : "them") + " too. Give --all-hosts to change it for every host that includes it";
    if (operation.kind == Operation::Kind::Set) {
        const std::string own = ownFile(set);
        out += ", or --override-for-host to override it for `" + set.host() + "` alone" + (own.empty() ? std::string() : " in " + own);
    }
    return out + "; nothing was changed";
}

// The module's function header, when `lib` has to be added to it; an error when it cannot be.
std::optional<TextEdit> libArgument(const DocumentSet &set, std::size_t document, std::string &error)
{
    const SyntaxTree &tree = *set.documents()[document].tree;
    NodeId e = unwrapParens(tree, tree.firstChild(tree.root()));
    if (e == noNode || tree.kind(e) != NodeKind::Lambda) {
        error =
            "the module in " + set.documents()[document].path + " is not a function, so it cannot use `lib.mkForce`; write it as `{ lib, ... }: { … }` first";
        return std::nullopt;
    }
    NodeId pattern = noNode;
    for (NodeId c = tree.firstChild(e); c != noNode; c = tree.nextSibling(c)) {
        if (tree.kind(c) == NodeKind::Pattern) {
            pattern = c;
        }
    }
    if (pattern == noNode) {
        error = "the module in " + set.documents()[document].path + " takes its arguments as one name, not a set such as `{ lib, ... }`";
        return std::nullopt;
    }
    NodeId last = noNode;
    for (NodeId c = tree.firstChild(pattern); c != noNode; c = tree.nextSibling(c)) {
        if (tree.kind(c) == NodeKind::PatternEntry) {
            const std::string_view name = tree.text(c);
            if (name == "lib" || name.starts_with("lib ") || name.starts_with("lib?")) {
                return TextEdit{0, 0, {}}; // already there: nothing to add
            }
            last = c;
        }
    }
    const std::string_view text = tree.source();
    constexpr TokenId noToken = static_cast<TokenId>(noNode);
    const TokenId ellipsis = tree.ownToken(pattern, TokenKind::Ellipsis);
    if (last == noNode) {
        // `{ ... }:` becomes `{ lib, ... }:`.
        const std::uint32_t at = ellipsis != noToken ? tree.tokens().begin(ellipsis) : tree.byteEnd(pattern) - 1;
        return TextEdit{at, at, ellipsis != noToken ? "lib, " : "lib "};
    }
    // The file's own separator: what stands between the last name and the `...` or the name before it.
    std::string separator = ", ";
    const std::uint32_t lastEnd = tree.byteEnd(last);
    if (ellipsis != noToken && tree.tokens().begin(ellipsis) > lastEnd) {
        separator = std::string(text.substr(lastEnd, tree.tokens().begin(ellipsis) - lastEnd));
    }
    if (separator.find(',') == std::string::npos) {
        separator = ", ";
    }
    return TextEdit{lastEnd, lastEnd, separator + "lib"};
}

EditResult planOverride(const DocumentSet &set, const Operation &operation)
{
    const std::string dotted = formatAttrPath(operation.path);
    const std::string valueText = [&] {
        const auto b = operation.argument.find_first_not_of(" \t\r\n");
        const auto e = operation.argument.find_last_not_of(" \t\r\n");
        return b == std::string::npos ? std::string() : operation.argument.substr(b, e - b + 1);
    }();
    const SyntaxTree valueTree = parse(valueText);
    const NodeId valueNode = valueTree.firstChild(valueTree.root());
    if (valueText.empty() || valueTree.hasErrors() || valueNode == noNode || valueTree.kind(valueNode) == NodeKind::Error) {
        return refuse("`" + valueText + "` is not a Nix expression");
    }
    int lowest = defaultPriority;
    for (const Definition &d : findDefinitions(set, operation.path)) {
        lowest = std::min(lowest, d.priority);
    }
    if (lowest <= 1) {
        return refuse("`" + dotted + "` is already defined at priority " + std::to_string(lowest) + "; no override can win over it");
    }
    const std::string wrapper = overrideWrapper(lowest);
    const std::string wrapped = wrapper + " " + (isAtom(valueTree, valueNode) ? valueText : "(" + valueText + ")");
    const Placement placement = placeDefinition(set, operation.path, wrapped);
    if (!placement.ok) {
        return refuse(placement.error);
    }
    std::string error;
    const std::optional<TextEdit> argument = libArgument(set, placement.document, error);
    if (!argument) {
        return refuse("cannot override `" + dotted + "` for `" + set.host() + "`: " + error);
    }
    std::vector<TextEdit> edits{placement.edit};
    if (!argument->text.empty()) {
        edits.push_back(*argument);
    }
    const Value expected = readValue(valueTree, valueNode);
    const int priority = wrapper == "lib.mkForce" ? mkForcePriority : lowest - 1;
    return finishEdit(set, placement.document, edits, operation.path, [&](const std::vector<Definition> &back) -> std::string {
        if (back.size() != 1) {
            return "expected one definition in the host's file, found " + std::to_string(back.size());
        }
        if (back[0].priority != priority) {
            return "the override reads back at priority " + std::to_string(back[0].priority);
        }
        if (expected.isLiteral() && !(back[0].read == expected)) {
            return "the value reads back as `" + toNix(back[0].read) + "`";
        }
        return {};
    });
}

} // namespace

std::string overrideWrapper(int lowestPriority)
{
    return lowestPriority > mkForcePriority ? std::string("lib.mkForce") : "lib.mkOverride " + std::to_string(lowestPriority - 1);
}

EditResult planForHost(const DocumentSet &set, const Operation &operation)
{
    if (operation.reach == Operation::Reach::AllHosts) {
        return planUnscoped(set.withScope({}), operation);
    }
    EditResult result = planUnscoped(set, operation);
    if (!result.ok) {
        return result;
    }
    const auto shared = std::find_if(result.files.begin(), result.files.end(), [&](const FileChange &change) {
        return !set.sharedWith(change.document).empty();
    });
    if (shared == result.files.end()) {
        return result;
    }
    if (operation.kind == Operation::Kind::Set && operation.reach == Operation::Reach::OverrideForHost) {
        return planOverride(set, operation);
    }
    if (operation.kind == Operation::Kind::AddPackage) {
        // Lists of packages merge: the host's own files get a list of their own.
        EditResult own = planUnscoped(set.restricted(ownDocuments(set)), operation);
        if (own.ok) {
            return own;
        }
        return refuse(own.error + " (the shared list in " + shared->path + " was left alone: hosts " + joinNames(set.sharedWith(shared->document))
                      + " include it)");
    }
    EditResult refused = refuse(sharedRefusal(set, operation, *shared));
    // An override needs a file of the host's own; without one only "all hosts" is offered.
    const std::string own = operation.kind == Operation::Kind::Set ? ownFile(set) : std::string();
    refused.shared = EditResult::SharedFile{shared->path, set.sharedWith(shared->document), !own.empty(), own};
    return refused;
}

} // namespace Snowpane::Config
