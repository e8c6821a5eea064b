// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "edit.h"

#include "comments.h"
#include "editsupport.h"
#include "parser.h"
#include "treeutil.h"

#include <set>

namespace Snowpane::Config
{

using namespace Snowpane::Nix;

namespace
{

std::string trimmed(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

// Whitespace-insensitive comparison for values that are not literals.
std::string squeeze(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            out += c;
        }
    }
    return out;
}

EditResult refuse(std::string message)
{
    EditResult r;
    r.error = std::move(message);
    return r;
}

std::string listDefinitions(const std::vector<Definition> &definitions)
{
    std::string out;
    for (const Definition &d : definitions) {
        out += "\n  " + where(d) + " (" + definitionKind(d) + (d.wrapper.empty() ? "" : ", priority " + std::to_string(d.priority)) + ")";
        if (!d.reason.empty()) {
            out += ": " + d.reason;
        }
    }
    return out;
}

} // namespace

EditResult planSet(const DocumentSet &set, const OptionPath &path, std::string_view nixValue)
{
    const std::string valueText = trimmed(nixValue);
    const SyntaxTree valueTree = parse(valueText);
    const NodeId valueNode = valueTree.firstChild(valueTree.root());
    if (valueText.empty() || valueTree.hasErrors() || valueNode == noNode || valueTree.kind(valueNode) == NodeKind::Error) {
        return refuse("`" + valueText + "` is not a Nix expression");
    }
    const Value expected = readValue(valueTree, valueNode);
    const std::string dotted = formatAttrPath(path);
    if (const std::string syntax = syntaxErrorInSet(set); !syntax.empty()) {
        return refuse(syntax);
    }

    std::vector<Definition> definitions = findDefinitions(set, path);
    std::vector<const Definition *> editable;
    std::set<int> priorities;
    for (const Definition &d : definitions) {
        if (d.partial) {
            return refuse("`" + dotted + "` is spelled attribute by attribute at " + where(d) + "; set the attributes one by one");
        }
        if (d.opaqueSet) {
            return refuse("cannot edit `" + dotted + "`: the target set is produced by a function call or expression at " + where(d) + " (" + d.reason + ")");
        }
        priorities.insert(d.priority);
        if (d.editable) {
            editable.push_back(&d);
        }
    }
    if (!definitions.empty() && editable.empty()) {
        return refuse("`" + dotted + "` is defined only in ways this tool does not rewrite:" + listDefinitions(definitions));
    }
    if (priorities.size() > 1) {
        return refuse("`" + dotted + "` has several definitions with different priorities; change the one you mean by hand:" + listDefinitions(definitions));
    }
    if (definitions.size() > 1) {
        return refuse("`" + dotted + "` is defined " + std::to_string(definitions.size())
                      + " times; change the one you mean by hand:" + listDefinitions(definitions));
    }

    if (editable.size() == 1) {
        const Definition &d = *editable.front();
        const std::string error = syntaxError(set, d.document);
        if (!error.empty()) {
            return refuse("cannot edit " + d.file + ", it has a syntax error: " + error);
        }
        const SyntaxTree &tree = *set.documents()[d.document].tree;
        std::string text = reindent(valueText, lineIndent(tree.source(), tree.byteBegin(d.binding)));
        if (!d.wrapper.empty() && !isAtom(valueTree, valueNode)) {
            text = "(" + text + ")";
        }
        const std::string wrapper = d.wrapper;
        const std::vector<TextEdit> edits{{tree.byteBegin(d.value), tree.byteEnd(d.value), text}};
        return finishEdit(set, d.document, edits, path, [&](const std::vector<Definition> &back) -> std::string {
            if (back.size() != 1 || (expected.isLiteral() && !back[0].editable)) {
                return "expected one editable definition, found " + std::to_string(back.size());
            }
            if (back[0].wrapper != wrapper) {
                return "the `" + wrapper + "` wrapper was lost";
            }
            if (expected.isLiteral() ? !(back[0].read == expected) : squeeze(back[0].read.text) != squeeze(valueText)) {
                return "the value reads back as `" + toNix(back[0].read) + "`";
            }
            return {};
        });
    }

    const Placement placement = placeDefinition(set, path, valueText);
    if (!placement.ok) {
        return refuse(placement.error);
    }
    return finishEdit(set, placement.document, {placement.edit}, path, [&](const std::vector<Definition> &back) -> std::string {
        std::size_t found = 0;
        for (const Definition &d : back) {
            if (d.partial || d.opaqueSet) {
                continue;
            }
            ++found;
            const bool same = expected.isLiteral() ? d.read == expected : squeeze(d.read.text) == squeeze(valueText);
            if (!same) {
                return "the new definition reads back as `" + toNix(d.read) + "`";
            }
        }
        return found == 1 ? std::string() : "expected one definition after the edit, found " + std::to_string(found);
    });
}

EditResult planUnset(const DocumentSet &set, const OptionPath &path)
{
    const std::string dotted = formatAttrPath(path);
    if (const std::string syntax = syntaxErrorInSet(set); !syntax.empty()) {
        return refuse(syntax);
    }
    const std::vector<Definition> definitions = findDefinitions(set, path);
    if (definitions.empty()) {
        EditResult r;
        r.ok = true;
        r.note = "`" + dotted + "` is not defined in the configuration; nothing to change";
        return r;
    }
    for (const Definition &d : definitions) {
        if (!d.editable) {
            return refuse("cannot remove `" + dotted + "`: it is defined in a way this tool does not rewrite:" + listDefinitions(definitions));
        }
    }
    EditResult result;
    result.ok = true;
    std::set<std::size_t> documents;
    for (const Definition &d : definitions) {
        documents.insert(d.document);
    }
    for (const std::size_t document : documents) {
        const std::string error = syntaxError(set, document);
        if (!error.empty()) {
            return refuse("cannot edit " + set.documents()[document].path + ", it has a syntax error: " + error);
        }
        const SyntaxTree &tree = *set.documents()[document].tree;
        const std::string_view text = tree.source();
        std::vector<TextEdit> edits;
        for (const Definition &d : definitions) {
            if (d.document != document) {
                continue;
            }
            // Climb while the removal would leave the enclosing set empty.
            NodeId target = d.binding;
            while (true) {
                const NodeId owner = tree.parent(target);
                std::size_t items = 0;
                for (NodeId c = tree.firstChild(owner); c != noNode; c = tree.nextSibling(c)) {
                    ++items;
                }
                NodeId up = tree.parent(owner);
                while (up != noNode && tree.kind(up) == NodeKind::Paren) {
                    up = tree.parent(up);
                }
                if (tree.kind(owner) != NodeKind::AttrSet || items != 1 || up == noNode || tree.kind(up) != NodeKind::Binding) {
                    break;
                }
                target = up;
            }
            const AttachedComments attached = attachedComments(tree, target);
            std::uint32_t begin = attached.begin;
            std::uint32_t end = attached.end;
            if (startsLine(text, begin) && (end == text.size() || text[end] == '\n' || text[end - 1] == '\n')) {
                begin = lineStart(text, begin);
                if (end < text.size() && text[end - 1] != '\n' && text[end] == '\n') {
                    ++end;
                }
                // A paragraph of its own: take one of the blank lines around it along.
                const std::string_view previous =
                    begin >= 1 ? text.substr(lineStart(text, begin - 1), begin - 1 - lineStart(text, begin - 1)) : std::string_view();
                const std::size_t last = previous.find_last_not_of(" \t\r");
                const bool blankBefore = begin >= 1 && (last == std::string_view::npos || previous[last] == '{');
                const bool blankAfter = end < text.size() && lineEnd(text, end) < text.size() && startsLine(text, lineEnd(text, end));
                if (blankBefore && blankAfter) {
                    end = lineEnd(text, end) + 1;
                }
            } else {
                while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) {
                    --begin;
                }
            }
            edits.push_back({begin, end, {}});
        }
        EditResult one = finishEdit(set, document, std::move(edits), path, [&](const std::vector<Definition> &back) -> std::string {
            return back.empty() ? std::string() : "a definition is still there at line " + std::to_string(back.front().line);
        });
        if (!one.ok) {
            return one;
        }
        result.files.push_back(std::move(one.files.front()));
    }
    return result;
}

} // namespace Snowpane::Config
