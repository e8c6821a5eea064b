// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "moduleargs.h"

#include "navigation.h"
#include "treeutil.h"

namespace Snowpane::Config
{

using Snowpane::Config::DocumentSet;
using Snowpane::Config::lineIndent;
using Snowpane::Config::Module;
using Snowpane::Config::startsLine;
using Snowpane::Config::TextEdit;
using Snowpane::Config::unwrapParens;
using namespace Snowpane::Nix;

namespace
{

[[nodiscard]] std::string place(const DocumentSet &set, std::size_t document, std::uint32_t offset)
{
    const SyntaxTree &tree = *set.documents()[document].tree;
    return set.documents()[document].path + ":" + std::to_string(tree.locate(offset).line);
}

// The innermost module of the document around `offset`: a flake or an imports list can hold inline modules.
[[nodiscard]] const Module *enclosingModule(const DocumentSet &set, std::size_t document, std::uint32_t offset)
{
    const SyntaxTree &tree = *set.documents()[document].tree;
    const Module *best = nullptr;
    for (const Module &m : set.modules()) {
        if (m.document != document || m.expression == noNode) {
            continue;
        }
        if (tree.byteBegin(m.expression) <= offset && offset <= tree.byteEnd(m.expression)
            && (!best || tree.byteBegin(m.expression) >= tree.byteBegin(best->expression))) {
            best = &m;
        }
    }
    return best;
}

// The text to insert into an argument set: its separator copied from the set itself.
[[nodiscard]] TextEdit insertIntoPattern(const SyntaxTree &tree, NodeId pattern, std::string_view name)
{
    const std::string_view text = tree.source();
    std::vector<NodeId> entries;
    for (NodeId c = tree.firstChild(pattern); c != noNode; c = tree.nextSibling(c)) {
        if (tree.kind(c) == NodeKind::PatternEntry) {
            entries.push_back(c);
        }
    }
    const TokenId ellipsis = tree.ownToken(pattern, TokenKind::Ellipsis);
    const std::uint32_t ellipsisAt = ellipsis != noNode ? tree.tokens().begin(ellipsis) : 0;
    if (entries.empty()) {
        if (ellipsis != noNode) {
            // `{ ... }:` or a `...` on a line of its own: the name goes before it, in the same layout.
            const std::string after = startsLine(text, ellipsisAt) ? "\n" + std::string(lineIndent(text, ellipsisAt)) : std::string(" ");
            return {ellipsisAt, ellipsisAt, std::string(name) + "," + after};
        }
        // `{ }:`: the braces' own spacing stays.
        const TokenId open = tree.ownToken(pattern, TokenKind::LBrace);
        const std::uint32_t at = tree.tokens().end(open);
        const bool spaced = at < text.size() && (text[at] == ' ' || text[at] == '\n');
        return {at, at, spaced ? " " + std::string(name) : std::string(name)};
    }
    const NodeId last = entries.back();
    const std::uint32_t lastEnd = tree.byteEnd(last);
    // The separator the set already uses next to where the name goes: before the `...`, else between its last two entries.
    // A comment there is about what follows it, so a separator with one is not copied.
    const auto usable = [](std::string_view separator) {
        return separator.find(',') != std::string_view::npos && separator.find('#') == std::string_view::npos && separator.find("/*") == std::string_view::npos;
    };
    std::string_view separator;
    if (ellipsis != noNode && usable(text.substr(lastEnd, ellipsisAt - lastEnd))) {
        separator = text.substr(lastEnd, ellipsisAt - lastEnd);
    } else if (entries.size() >= 2) {
        const std::uint32_t previousEnd = tree.byteEnd(entries[entries.size() - 2]);
        separator = text.substr(previousEnd, tree.byteBegin(last) - previousEnd);
    }
    if (!usable(separator)) {
        const bool multiLine = separator.find('\n') != std::string_view::npos;
        return {lastEnd, lastEnd, (multiLine ? ",\n" + std::string(lineIndent(text, tree.byteBegin(last))) : std::string(", ")) + std::string(name)};
    }
    return {lastEnd, lastEnd, std::string(separator) + std::string(name)};
}

} // namespace

ArgumentEdit addModuleArgument(const DocumentSet &set, std::size_t document, std::uint32_t offset, std::string_view name)
{
    ArgumentEdit result;
    const SyntaxTree &tree = *set.documents()[document].tree;
    const Module *module = enclosingModule(set, document, offset);
    const std::string quoted = "`" + std::string(name) + "`";
    if (!module) {
        result.error = set.documents()[document].path + " is not a module function, so it has no argument set to add " + quoted + " to";
        return result;
    }
    const NodeId expression = unwrapParens(tree, module->expression);
    const std::string at = place(set, document, tree.byteBegin(expression));
    if (tree.kind(expression) != NodeKind::Lambda) {
        result.error =
            "the module at " + at + " is not a function (`{ config, " + std::string(name) + ", ... }: …`), so it has no argument set to add " + quoted + " to";
        return result;
    }
    const LambdaParts parts = lambdaParts(tree, expression);
    if (parts.pattern == noNode) {
        result.error = "the module at " + at + " takes its arguments as one value (`" + std::string(tree.text(parts.parameter))
            + ":`), not as an argument set, so there is no list to add " + quoted + " to";
        return result;
    }
    result.edit = insertIntoPattern(tree, parts.pattern, name);
    result.ok = true;
    return result;
}

} // namespace Snowpane::Config
