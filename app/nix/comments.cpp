// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "comments.h"

#include <algorithm>

namespace Snowpane::Nix
{
namespace
{

bool isComment(TokenKind kind)
{
    return kind == TokenKind::LineComment || kind == TokenKind::BlockComment;
}

std::size_t newlines(std::string_view text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

AttachedComments attachedComments(const SyntaxTree &tree, NodeId node)
{
    AttachedComments out;
    const Node &n = tree.node(node);
    const std::string_view src = tree.source();

    // Walk up over "newline, comment" pairs; a blank line (two newlines) or
    // anything that is not a comment alone on its line ends the walk.
    TokenId t = n.firstToken;
    while (t >= 2) {
        const TokenId ws = t - 1;
        if (tree.tokenKind(ws) != TokenKind::Whitespace || newlines(tree.tokenText(ws)) != 1) {
            break;
        }
        const TokenId comment = ws - 1;
        if (!isComment(tree.tokenKind(comment))) {
            break;
        }
        const bool ownLine = comment == 0 || (tree.tokenKind(comment - 1) == TokenKind::Whitespace && newlines(tree.tokenText(comment - 1)) > 0);
        if (!ownLine) {
            break;
        }
        out.leading.insert(out.leading.begin(), comment);
        t = comment;
    }

    TokenId after = n.endToken;
    if (after < tree.tokens().size() && tree.tokenKind(after) == TokenKind::Whitespace && newlines(tree.tokenText(after)) == 0) {
        ++after;
    }
    if (after < tree.tokens().size() && isComment(tree.tokenKind(after)) && newlines(tree.tokenText(after)) == 0) {
        const TokenId next = after + 1;
        if (next >= tree.tokens().size() || tree.tokenKind(next) != TokenKind::Whitespace || newlines(tree.tokenText(next)) > 0) {
            out.trailing = after;
        }
    }

    out.begin = out.leading.empty() ? tree.byteBegin(node) : tree.tokens().begin(out.leading.front());
    out.end = out.trailing == noNode ? tree.byteEnd(node) : tree.tokens().end(out.trailing);

    // Whole lines when nothing else shares them: from the line's start, and
    // through the newline that ends the last line.
    std::uint32_t lineStart = out.begin;
    while (lineStart > 0 && (src[lineStart - 1] == ' ' || src[lineStart - 1] == '\t')) {
        --lineStart;
    }
    std::uint32_t lineEnd = out.end;
    while (lineEnd < src.size() && (src[lineEnd] == ' ' || src[lineEnd] == '\t')) {
        ++lineEnd;
    }
    const bool startsLine = lineStart == 0 || src[lineStart - 1] == '\n';
    const bool endsLine = lineEnd == src.size() || src[lineEnd] == '\n' || src[lineEnd] == '\r';
    if (startsLine && endsLine) {
        out.begin = lineStart;
        if (lineEnd < src.size() && src[lineEnd] == '\r') {
            ++lineEnd;
        }
        if (lineEnd < src.size() && src[lineEnd] == '\n') {
            ++lineEnd;
        }
        out.end = lineEnd;
    }
    return out;
}

} // namespace Snowpane::Nix
