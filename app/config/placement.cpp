// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Where a new definition goes. The rules, in order, at each level of nesting:
// a commented-out template line for exactly this option comes back to life;
// a set the file already spells for a prefix of the path is entered; the
// definition goes after the last dotted sibling sharing the longest prefix;
// else before the set's closing brace. In a flake with several hosts only the
// files the chosen host alone includes are candidates: a definition written
// for one machine must not reach the others through a shared module.

#include "editsupport.h"
#include "parser.h"
#include "treeutil.h"

#include <algorithm>

namespace Snowpane::Config
{

using namespace Snowpane::Nix;

namespace
{

bool restOfLineIsTrivia(std::string_view text, std::uint32_t from)
{
    const std::uint32_t end = lineEnd(text, from);
    for (std::uint32_t i = from; i < end; ++i) {
        if (text[i] == '#') {
            return true;
        }
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            return false;
        }
    }
    return true;
}

struct Placer {
    const SyntaxTree &tree;
    std::string_view text;
    std::string unit;
    const OptionPath &path;
    std::string_view value;

    std::string binding(std::size_t depth, std::string_view indent) const
    {
        return formatAttrPath(path, depth) + " = " + reindent(value, indent) + ";";
    }

    bool insideChildBinding(NodeId set, std::uint32_t offset) const
    {
        for (NodeId c = tree.firstChild(set); c != noNode; c = tree.nextSibling(c)) {
            if (offset >= tree.byteBegin(c) && offset < tree.byteEnd(c)) {
                return true;
            }
        }
        return false;
    }

    // A `# a.b.c = …;` line alone on its line, directly in this set, for exactly the rest of the path.
    std::optional<TextEdit> templateLine(NodeId set, std::size_t depth) const
    {
        const Node &n = tree.node(set);
        for (TokenId t = n.firstToken; t < n.endToken; ++t) {
            if (tree.tokenKind(t) != TokenKind::LineComment) {
                continue;
            }
            const std::uint32_t begin = tree.tokens().begin(t);
            const std::string_view comment = tree.tokenText(t);
            std::size_t skip = 1;
            while (skip < comment.size() && (comment[skip] == ' ' || comment[skip] == '\t')) {
                ++skip;
            }
            const std::string_view body = comment.substr(skip);
            // Cheap filter before parsing: the line must start with the first name of the path, as written.
            const std::string first = formatAttrName(path[depth]);
            if ((!body.starts_with(first) && !body.starts_with("\"")) || !startsLine(text, begin) || insideChildBinding(set, begin)) {
                continue;
            }
            const SyntaxTree probe = parse("{ " + std::string(body) + "\n}");
            const NodeId probeSet = probe.firstChild(probe.root());
            if (probe.hasErrors() || probeSet == noNode || probe.kind(probeSet) != NodeKind::AttrSet) {
                continue;
            }
            const std::vector<NodeId> bindings = bindingsOf(probe, probeSet);
            if (bindings.size() != 1) {
                continue;
            }
            const std::optional<OptionPath> names = bindingNames(probe, bindings[0]);
            if (!names || names->size() != path.size() - depth || commonPrefix(*names, 0, path, depth) != names->size()) {
                continue;
            }
            // Keep the file's own spelling of the name and whatever follows the `;`.
            const std::string_view key = probe.text(probe.firstChild(bindings[0]));
            const std::uint32_t bindingEnd = begin + static_cast<std::uint32_t>(skip + probe.byteEnd(bindings[0]) - 2);
            return TextEdit{begin, bindingEnd, std::string(key) + " = " + reindent(value, lineIndent(text, begin)) + ";"};
        }
        return std::nullopt;
    }

    std::string itemIndent(NodeId set) const
    {
        NodeId last = noNode;
        for (NodeId c = tree.firstChild(set); c != noNode; c = tree.nextSibling(c)) {
            if (startsLine(text, tree.byteBegin(c))) {
                last = c;
            }
        }
        if (last != noNode) {
            return std::string(lineIndent(text, tree.byteBegin(last)));
        }
        return std::string(lineIndent(text, tree.byteBegin(set))) + unit;
    }

    TextEdit beforeClosingBrace(NodeId set, std::size_t depth) const
    {
        const Node &n = tree.node(set);
        const TokenId close = n.endToken - 1;
        const std::uint32_t closeAt = tree.tokens().begin(close);
        NodeId last = noNode;
        for (NodeId c = tree.firstChild(set); c != noNode; c = tree.nextSibling(c)) {
            last = c;
        }
        if (startsLine(text, closeAt)) {
            const std::string indent = last != noNode ? itemIndent(set) : std::string(lineIndent(text, closeAt)) + unit;
            const std::uint32_t at = lineStart(text, closeAt);
            return {at, at, indent + binding(depth, indent) + "\n"};
        }
        if (last == noNode) {
            const TokenId open = tree.ownToken(set, TokenKind::LBrace);
            const std::uint32_t openEnd = tree.tokens().end(open);
            const std::string outer(lineIndent(text, tree.tokens().begin(open)));
            const std::string indent = outer + unit;
            return {openEnd, closeAt, "\n" + indent + binding(depth, indent) + "\n" + outer};
        }
        const std::uint32_t at = tree.byteEnd(last);
        return {at, at, " " + binding(depth, lineIndent(text, at))};
    }

    TextEdit afterSibling(NodeId sibling, std::size_t depth) const
    {
        const std::uint32_t end = tree.byteEnd(sibling);
        if (startsLine(text, tree.byteBegin(sibling)) && restOfLineIsTrivia(text, end)) {
            const std::string indent(lineIndent(text, tree.byteBegin(sibling)));
            const std::uint32_t le = lineEnd(text, end);
            if (le == text.size()) {
                return {le, le, "\n" + indent + binding(depth, indent)};
            }
            return {le + 1, le + 1, indent + binding(depth, indent) + "\n"};
        }
        return {end, end, " " + binding(depth, lineIndent(text, end))};
    }

    Placement place(NodeId set, std::size_t depth) const
    {
        Placement p;
        if (const std::optional<TextEdit> revived = templateLine(set, depth)) {
            p.ok = true;
            p.edit = *revived;
            return p;
        }
        std::size_t nestedLength = 0;
        NodeId nested = noNode;
        std::size_t siblingLength = 0;
        NodeId sibling = noNode;
        for (const NodeId b : bindingsOf(tree, set)) {
            const std::optional<OptionPath> names = bindingNames(tree, b);
            if (!names) {
                continue;
            }
            const std::size_t k = commonPrefix(*names, 0, path, depth);
            if (k == 0) {
                continue;
            }
            if (k == names->size() && depth + k < path.size()) {
                const NodeId value = unwrapParens(tree, bindingValue(tree, b));
                if (tree.kind(value) != NodeKind::AttrSet) {
                    p.error = "`" + formatAttrPath(path) + "` would go into `" + std::string(tree.text(tree.firstChild(b))) + "`, whose set is produced by `"
                        + std::string(tree.text(value)).substr(0, 60) + "` (a function call or expression); edit it by hand";
                    return p;
                }
                if (k >= nestedLength) {
                    nestedLength = k;
                    nested = value;
                }
            } else if (k >= siblingLength) {
                siblingLength = k;
                sibling = b;
            }
        }
        if (nested != noNode && nestedLength >= siblingLength) {
            return place(nested, depth + nestedLength);
        }
        p.ok = true;
        p.edit = sibling != noNode ? afterSibling(sibling, depth) : beforeClosingBrace(set, depth);
        return p;
    }
};

// How much of the path a module already spells: the longest prefix shared with one of its bindings.
std::size_t spelledPrefix(const SyntaxTree &tree, NodeId set, const OptionPath &path, std::size_t depth)
{
    std::size_t best = 0;
    for (const NodeId b : bindingsOf(tree, set)) {
        const std::optional<OptionPath> names = bindingNames(tree, b);
        if (!names) {
            continue;
        }
        std::size_t k = commonPrefix(*names, 0, path, depth);
        const NodeId value = unwrapParens(tree, bindingValue(tree, b));
        if (k == names->size() && depth + k < path.size() && tree.kind(value) == NodeKind::AttrSet) {
            k += spelledPrefix(tree, value, path, depth + k);
        }
        best = std::max(best, k);
    }
    return best;
}

// Why the chosen host has no file of its own that can take the definition, and where one could go.
std::string noHostFileError(const DocumentSet &set, const std::vector<bool> &shared)
{
    const std::string &host = set.host();
    std::string out = "no file that only host `" + host + "` includes can take a new definition";
    std::string own;
    for (const Module &m : set.modules()) {
        if (shared[m.document] || (set.documents()[m.document].path == set.entry() && set.entry().ends_with("/flake.nix"))) {
            continue;
        }
        const std::string &path = set.documents()[m.document].path;
        if (own.empty()) {
            own = path;
        }
        out += "; " + path + ": " + (m.opaqueReason.empty() ? std::string("the file has syntax errors") : m.opaqueReason);
    }
    if (own.empty()) {
        out += "; every file of the host is shared with other hosts";
    }
    std::string sharedFiles;
    for (std::size_t i = 0; i < shared.size(); ++i) {
        if (shared[i]) {
            sharedFiles += (sharedFiles.empty() ? "" : ", ") + set.documents()[i].path + " (also " + Snowpane::Config::joinNames(set.sharedWith(i)) + ")";
            break;
        }
    }
    out += ". It could go into a new module that only `" + host + "` imports"
        + (own.empty() ? std::string(" (add it to the host's `modules` list in flake.nix)") : " (add it to the imports of " + own + ")")
        + ", or, with --all-hosts, into a shared file such as " + sharedFiles;
    return out;
}

} // namespace

Placement placeDefinition(const DocumentSet &set, const OptionPath &path, std::string_view valueText)
{
    Placement p;
    std::vector<bool> shared(set.documents().size(), false);
    for (std::size_t i = 0; i < shared.size(); ++i) {
        shared[i] = !set.sharedWith(i).empty();
    }
    // A commented-out template line for exactly this option wins wherever it is.
    for (const Module &m : set.modules()) {
        const SyntaxTree &tree = *set.documents()[m.document].tree;
        if (m.body == noNode || tree.hasErrors() || shared[m.document]) {
            continue;
        }
        OptionPath full = path;
        if (m.configPrefix) {
            full.insert(full.begin(), "config");
        }
        const Placer placer{tree, tree.source(), indentUnit(tree.source()), full, valueText};
        if (const std::optional<TextEdit> revived = placer.templateLine(m.body, 0)) {
            p.ok = true;
            p.document = m.document;
            p.edit = *revived;
            return p;
        }
    }
    // Otherwise the module that already spells most of the path; ties go to
    // the earlier one. nixos-generate-config rewrites hardware-configuration.nix,
    // so new definitions go there only when nothing else can take them.
    std::size_t bestModule = set.modules().size();
    std::size_t bestLength = 0;
    for (std::size_t i = 0; i < set.modules().size(); ++i) {
        const Module &m = set.modules()[i];
        const SyntaxTree &tree = *set.documents()[m.document].tree;
        if (m.body == noNode || tree.hasErrors() || shared[m.document]) {
            continue;
        }
        if (set.documents()[m.document].path.ends_with("/hardware-configuration.nix") && set.modules().size() > 1) {
            continue;
        }
        OptionPath full = path;
        if (m.configPrefix) {
            full.insert(full.begin(), "config");
        }
        std::size_t length = spelledPrefix(tree, m.body, full, 0);
        if (m.configPrefix && length > 0) {
            --length; // `config` itself is not part of the option's path
        }
        if (bestModule == set.modules().size() || length > bestLength) {
            bestModule = i;
            bestLength = length;
        }
    }
    if (bestModule == set.modules().size()) {
        // An empty entry file becomes a module holding the new definition.
        if (!set.documents().empty() && onlyTrivia(*set.documents()[0].tree)) {
            const std::string_view text = set.documents()[0].tree->source();
            const std::string unit = "  ";
            const std::string start = text.empty() || text.back() == '\n' ? "" : "\n";
            const auto size = static_cast<std::uint32_t>(text.size());
            p.ok = true;
            p.document = 0;
            p.edit = {size, size, start + "{\n" + unit + formatAttrPath(path) + " = " + reindent(valueText, unit) + ";\n}\n"};
            return p;
        }
        if (std::find(shared.begin(), shared.end(), true) != shared.end()) {
            p.error = noHostFileError(set, shared);
            return p;
        }
        p.error = "no file of the configuration can take a new definition";
        for (const Module &m : set.modules()) {
            if (!m.opaqueReason.empty()) {
                p.error += "; " + set.documents()[m.document].path + ": " + m.opaqueReason;
            }
        }
        return p;
    }
    const Module &m = set.modules()[bestModule];
    const SyntaxTree &tree = *set.documents()[m.document].tree;
    OptionPath full = path;
    if (m.configPrefix) {
        full.insert(full.begin(), "config");
    }
    const Placer placer{tree, tree.source(), indentUnit(tree.source()), full, valueText};
    p = placer.place(m.body, 0);
    p.document = m.document;
    return p;
}

} // namespace Snowpane::Config
