// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Package list edits: the literal lists of a package option, in the forms
// `with pkgs; [ … ]`, `(with pkgs; [ … ])`, `[ pkgs.a pkgs.b ]`, and the
// literal lists inside `a ++ b`.

#include "edit.h"
#include "editsupport.h"
#include "treeutil.h"

#include <map>

namespace Snowpane::Config
{

using namespace Snowpane::Nix;

namespace
{

struct PackageList {
    std::size_t document = 0;
    NodeId list = noNode;
    bool withPkgs = false;
};

void collectLists(const SyntaxTree &tree, NodeId e, std::size_t document, bool withPkgs, std::vector<PackageList> &out)
{
    e = unwrapParens(tree, e);
    if (e == noNode) {
        return;
    }
    switch (tree.kind(e)) {
    case NodeKind::List:
        out.push_back({document, e, withPkgs});
        return;
    case NodeKind::With: {
        const NodeId scope = unwrapParens(tree, tree.child(e, 0));
        collectLists(tree, tree.child(e, 1), document, withPkgs || (tree.kind(scope) == NodeKind::Ident && tree.text(scope) == "pkgs"), out);
        return;
    }
    case NodeKind::BinaryOp:
        if (static_cast<TokenKind>(tree.node(e).detail) == TokenKind::Concat) {
            collectLists(tree, tree.child(e, 0), document, withPkgs, out);
            collectLists(tree, tree.child(e, 1), document, withPkgs, out);
        }
        return;
    default:
        return;
    }
}

bool namesPackage(const SyntaxTree &tree, NodeId element, std::string_view attr)
{
    const Value v = readValue(tree, element);
    return v.type == Value::Type::Package && v.text == attr;
}

bool validAttr(std::string_view attr)
{
    const std::optional<OptionPath> names = parseOptionPath(attr);
    if (!names || attr.find('"') != std::string_view::npos) {
        return false;
    }
    for (const std::string &name : *names) {
        if (!isBareAttrName(name)) {
            return false;
        }
    }
    return true;
}

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

std::vector<PackageList> packageLists(const DocumentSet &set, const OptionPath &option, std::string &error)
{
    std::vector<PackageList> lists;
    for (const Definition &d : findDefinitions(set, option)) {
        if (d.partial || d.opaqueSet) {
            error = "cannot edit `" + formatAttrPath(option) + "` at " + where(d) + ": " + d.reason;
            return {};
        }
        collectLists(*set.documents()[d.document].tree, d.value, d.document, false, lists);
    }
    return lists;
}

bool containsWord(std::string_view text, std::string_view word)
{
    const auto isNameChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'' || c == '-' || c == '.';
    };
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        const std::size_t end = at + word.size();
        const bool startOk = at == 0 || !isNameChar(text[at - 1]) || text.substr(at >= 5 ? at - 5 : 0, at >= 5 ? 5 : at) == "pkgs.";
        if (startOk && (end == text.size() || !isNameChar(text[end]))) {
            return true;
        }
    }
    return false;
}

ReadBackCheck containsCheck(std::string_view attr, bool wanted)
{
    return [attr = std::string(attr), wanted](const std::vector<Definition> &back) -> std::string {
        bool found = false;
        for (const Definition &d : back) {
            const Value &v = d.read;
            std::vector<Value> items = v.items;
            if (v.type == Value::Type::Opaque) {
                found = found || containsWord(v.text, attr); // `a ++ b`: not a literal as a whole
                continue;
            }
            for (const Value &item : items) {
                found = found || (item.type == Value::Type::Package && item.text == attr);
            }
        }
        return found == wanted ? std::string() : (wanted ? "the package is not in the list" : "the package is still in the list");
    };
}

} // namespace

std::vector<PackageEntry> listPackages(const DocumentSet &set, const OptionPath &option, std::vector<std::string> *opaque)
{
    std::vector<PackageList> lists;
    for (const Definition &d : findDefinitions(set, option)) {
        const std::size_t before = lists.size();
        if (!d.partial && !d.opaqueSet) {
            collectLists(*set.documents()[d.document].tree, d.value, d.document, false, lists);
        }
        if (lists.size() == before && opaque) {
            opaque->push_back(where(d) + ": " + (d.reason.empty() ? std::string("not a literal list") : d.reason));
        }
    }
    std::vector<PackageEntry> entries;
    for (const PackageList &l : lists) {
        const SyntaxTree &tree = *set.documents()[l.document].tree;
        for (NodeId c = tree.firstChild(l.list); c != noNode; c = tree.nextSibling(c)) {
            const Value v = readValue(tree, c);
            if (v.type != Value::Type::Package) {
                continue;
            }
            const auto at = tree.locate(tree.byteBegin(c));
            entries.push_back({v.text, l.document, set.documents()[l.document].path, at.line, at.column});
        }
    }
    return entries;
}

EditResult planAddPackage(const DocumentSet &set, std::string_view attr, const OptionPath &option)
{
    EditResult result;
    if (!validAttr(attr)) {
        result.error = "`" + std::string(attr) + "` is not a package attribute name";
        return result;
    }
    if (std::string syntax = syntaxErrorInSet(set); !syntax.empty()) {
        result.error = std::move(syntax);
        return result;
    }
    std::string error;
    const std::vector<PackageList> lists = packageLists(set, option, error);
    if (!error.empty()) {
        result.error = error;
        return result;
    }
    for (const PackageList &l : lists) {
        const SyntaxTree &tree = *set.documents()[l.document].tree;
        for (NodeId c = tree.firstChild(l.list); c != noNode; c = tree.nextSibling(c)) {
            if (namesPackage(tree, c, attr)) {
                result.ok = true;
                result.note =
                    "`" + std::string(attr) + "` is already in " + set.documents()[l.document].path + ":" + std::to_string(tree.locate(tree.byteBegin(c)).line);
                return result;
            }
        }
    }
    if (lists.empty()) {
        const std::vector<Definition> definitions = findDefinitions(set, option);
        if (!definitions.empty()) {
            result.error =
                "`" + formatAttrPath(option) + "` has no literal list to add to (" + where(definitions.front()) + ": " + definitions.front().reason + ")";
            return result;
        }
        return planSet(set, option, "with pkgs; [\n  " + std::string(attr) + "\n]");
    }
    const PackageList &l = lists.front();
    const std::string syntax = syntaxError(set, l.document);
    if (!syntax.empty()) {
        result.error = "cannot edit " + set.documents()[l.document].path + ", it has a syntax error: " + syntax;
        return result;
    }
    const SyntaxTree &tree = *set.documents()[l.document].tree;
    const std::string_view text = tree.source();
    const std::string item = l.withPkgs ? std::string(attr) : "pkgs." + std::string(attr);
    const TokenId open = tree.ownToken(l.list, TokenKind::LBracket);
    const std::uint32_t openEnd = tree.tokens().end(open);
    const std::uint32_t closeAt = tree.tokens().begin(tree.node(l.list).endToken - 1);
    NodeId last = noNode;
    for (NodeId c = tree.firstChild(l.list); c != noNode; c = tree.nextSibling(c)) {
        last = c;
    }
    const bool multiLine = text.substr(openEnd, closeAt - openEnd).find('\n') != std::string_view::npos;
    TextEdit edit;
    if (!multiLine && last == noNode) {
        edit = {openEnd, closeAt, " " + item + " "};
    } else if (last == noNode) {
        const std::string indent = std::string(lineIndent(text, closeAt)) + indentUnit(text);
        const std::uint32_t at = startsLine(text, closeAt) ? lineStart(text, closeAt) : closeAt;
        edit = {at, at, startsLine(text, closeAt) ? indent + item + "\n" : " " + item + " "};
    } else if (multiLine && startsLine(text, tree.byteBegin(last)) && restOfLineIsTrivia(text, tree.byteEnd(last))
               && lineEnd(text, tree.byteEnd(last)) < closeAt) {
        const std::uint32_t at = lineEnd(text, tree.byteEnd(last)) + 1;
        edit = {at, at, std::string(lineIndent(text, tree.byteBegin(last))) + item + "\n"};
    } else {
        edit = {tree.byteEnd(last), tree.byteEnd(last), " " + item};
    }
    return finishEdit(set, l.document, {edit}, option, containsCheck(attr, true));
}

EditResult planRemovePackage(const DocumentSet &set, std::string_view attr, const OptionPath &option)
{
    EditResult result;
    if (!validAttr(attr)) {
        result.error = "`" + std::string(attr) + "` is not a package attribute name";
        return result;
    }
    if (std::string syntax = syntaxErrorInSet(set); !syntax.empty()) {
        result.error = std::move(syntax);
        return result;
    }
    std::string error;
    const std::vector<PackageList> lists = packageLists(set, option, error);
    if (!error.empty()) {
        result.error = error;
        return result;
    }
    std::map<std::size_t, std::vector<TextEdit>> edits;
    for (const PackageList &l : lists) {
        const SyntaxTree &tree = *set.documents()[l.document].tree;
        const std::string_view text = tree.source();
        for (NodeId c = tree.firstChild(l.list); c != noNode; c = tree.nextSibling(c)) {
            if (!namesPackage(tree, c, attr)) {
                continue;
            }
            std::uint32_t begin = tree.byteBegin(c);
            std::uint32_t end = tree.byteEnd(c);
            if (startsLine(text, begin) && restOfLineIsTrivia(text, end)) {
                // Alone on its line: the line goes, with a comment after the package, which is about it.
                begin = lineStart(text, begin);
                end = std::min<std::uint32_t>(lineEnd(text, end) + 1, static_cast<std::uint32_t>(text.size()));
            } else {
                while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) {
                    --begin;
                }
            }
            edits[l.document].push_back({begin, end, {}});
        }
    }
    result.ok = true;
    if (edits.empty()) {
        result.note = "`" + std::string(attr) + "` is not in a list of `" + formatAttrPath(option) + "` this tool can edit; nothing to change";
        return result;
    }
    for (auto &[document, documentEdits] : edits) {
        EditResult one = finishEdit(set, document, std::move(documentEdits), option, containsCheck(attr, false));
        if (!one.ok) {
            return one;
        }
        result.files.push_back(std::move(one.files.front()));
    }
    return result;
}

} // namespace Snowpane::Config
