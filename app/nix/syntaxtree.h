// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "diagnostic.h"
#include "lexer.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace Snowpane::Nix
{

/** Index of a node in a SyntaxTree; the root is 0. */
using NodeId = std::uint32_t;
/** Index of a token in a SyntaxTree's token stream. */
using TokenId = std::uint32_t;

inline constexpr NodeId noNode = 0xFFFFFFFFu;

class SyntaxTree;
struct ParseOptions;
SyntaxTree parse(std::string source, const ParseOptions &options);

/**
 * The kind of a syntax node. Children are listed in source order; tokens that
 * are not inside a child (keywords, punctuation, trivia) belong to the node
 * itself.
 */
enum class NodeKind : std::uint8_t {
    Root, // the whole file: [expression], then an Error node for anything left over
    Error, // tokens the parser could not place; may be empty

    Lambda, // [Ident param | Pattern | both, in source order] body
    Pattern, // { PatternEntry... [, ...] }
    PatternEntry, // name [? default]: children [default]
    Assert, // assert cond; body
    With, // with scope; body
    LetIn, // let (Binding|Inherit)* in body
    If, // if cond then a else b
    Pipe, // lhs |> rhs or lhs <| rhs; detail holds the operator token kind
    BinaryOp, // lhs op rhs; detail holds the operator token kind
    UnaryOp, // ! x or - x; detail holds the operator token kind
    HasAttr, // expr ? AttrPath
    Apply, // function argument (also `f or`, whose argument is an Ident on the `or` keyword)
    Select, // expr . AttrPath [or default]

    Ident, // a variable, __curPos, or the `or` keyword used as one
    Int,
    Float,
    Uri,
    SearchPath, // <nixpkgs>
    String, // "...": children are Interpolation nodes
    IndString, // ''...'': children are Interpolation nodes
    Path, // ./a/${x}: children are Interpolation nodes
    Interpolation, // ${ expr }
    Paren, // ( expr )
    List, // [ element... ]
    AttrSet, // [rec] { (Binding|Inherit)* }; detail is 1 for rec
    LegacyLet, // let { (Binding|Inherit)* }

    Binding, // AttrPath = value ;
    Inherit, // inherit [InheritFrom] Attr... ;
    InheritFrom, // ( expr )
    AttrPath, // Attr (. Attr)*
    Attr, // identifier, `or`, String, or Interpolation
};

/** A short name for a node kind, as printed by `--cst`. */
[[nodiscard]] std::string_view nodeKindName(NodeKind kind);

/**
 * One node, 16 bytes. Nodes are stored in preorder: a node's first child is
 * the next node, and its next sibling comes after its `descendants`.
 */
struct Node {
    TokenId firstToken = 0; // first token, trivia excluded (except for Root)
    TokenId endToken = 0; // one past the last token
    std::uint32_t descendants = 0;
    NodeKind kind = NodeKind::Error;
    std::uint8_t detail = 0;
};

/**
 * A concrete syntax tree of one Nix file. It owns the source text; every byte
 * belongs to exactly one token, and every token to the innermost node that
 * spans it, so printing the tokens gives the input back byte for byte, even
 * when the input has errors. Nodes carry kind and token range; byte ranges,
 * lines and columns are derived cheaply. The tree is immutable and safe to
 * read from several threads.
 */
class SyntaxTree
{
public:
    SyntaxTree(std::string source, std::string fileName, TokenStream tokens, std::vector<Node> nodes, std::vector<Diagnostic> diagnostics);
    // The big arrays go back to the parsing thread's pool for the next tree.
    ~SyntaxTree();
    SyntaxTree(const SyntaxTree &) = default;
    SyntaxTree(SyntaxTree &&) noexcept = default;
    SyntaxTree &operator=(const SyntaxTree &) = default;
    SyntaxTree &operator=(SyntaxTree &&) noexcept = default;

    [[nodiscard]] std::string_view source() const
    {
        return m_source;
    }
    [[nodiscard]] const std::string &fileName() const
    {
        return m_fileName;
    }
    [[nodiscard]] const TokenStream &tokens() const
    {
        return m_tokens;
    }
    [[nodiscard]] const std::vector<Node> &nodes() const
    {
        return m_nodes;
    }
    [[nodiscard]] const Node &node(NodeId id) const
    {
        return m_nodes[id];
    }
    [[nodiscard]] NodeKind kind(NodeId id) const
    {
        return m_nodes[id].kind;
    }
    [[nodiscard]] NodeId root() const
    {
        return 0;
    }

    /** Diagnostics sorted by offset: syntax errors Nix also reports, and feature warnings. */
    [[nodiscard]] const std::vector<Diagnostic> &diagnostics() const
    {
        return m_diagnostics;
    }
    /** True when Nix would refuse to parse this text. */
    [[nodiscard]] bool hasErrors() const;
    [[nodiscard]] const LineIndex &lines() const
    {
        return m_lines;
    }
    [[nodiscard]] Location locate(std::uint32_t offset) const
    {
        return m_lines.locate(offset);
    }

    [[nodiscard]] TokenKind tokenKind(TokenId token) const
    {
        return m_tokens.kinds[token];
    }
    [[nodiscard]] std::string_view tokenText(TokenId token) const
    {
        return std::string_view(m_source).substr(m_tokens.offsets[token], m_tokens.offsets[token + 1] - m_tokens.offsets[token]);
    }
    [[nodiscard]] std::uint32_t byteBegin(NodeId id) const
    {
        return m_tokens.offsets[m_nodes[id].firstToken];
    }
    [[nodiscard]] std::uint32_t byteEnd(NodeId id) const
    {
        return m_tokens.offsets[m_nodes[id].endToken];
    }
    [[nodiscard]] std::string_view text(NodeId id) const
    {
        return std::string_view(m_source).substr(byteBegin(id), byteEnd(id) - byteBegin(id));
    }

    /** The first child, or noNode. */
    [[nodiscard]] NodeId firstChild(NodeId id) const
    {
        return m_nodes[id].descendants > 0 ? id + 1 : noNode;
    }
    /** The next sibling under the same parent, or noNode. */
    [[nodiscard]] NodeId nextSibling(NodeId id) const;
    /** The parent, or noNode for the root. */
    [[nodiscard]] NodeId parent(NodeId id) const
    {
        return m_parents[id];
    }
    /** The children of a node, in source order. */
    [[nodiscard]] std::vector<NodeId> children(NodeId id) const;
    /** The n-th child (0-based), or noNode. */
    [[nodiscard]] NodeId child(NodeId id, unsigned n) const;
    /** The first non-trivia token of the node's own range whose kind is `kind`, skipping children; or noNode. */
    [[nodiscard]] TokenId ownToken(NodeId id, TokenKind kind) const;

    /** The text rebuilt from the tokens; equal to source() by construction, checked by tests. */
    [[nodiscard]] std::string print() const;
    /** An indented dump of nodes and tokens, for debugging (`snowpane-cli parse --cst`). */
    [[nodiscard]] std::string dump() const;
    /** Bytes held by tokens, nodes and indexes (the source text itself excluded). */
    [[nodiscard]] std::size_t memoryUsage() const;

private:
    friend SyntaxTree parse(std::string source, const ParseOptions &options);
    // For the parser, which knows the parents already.
    SyntaxTree(std::string source, std::string fileName, TokenStream tokens, std::vector<Node> nodes, std::vector<NodeId> parents);

    std::string m_source;
    std::string m_fileName;
    TokenStream m_tokens;
    std::vector<Node> m_nodes;
    std::vector<NodeId> m_parents;
    std::vector<Diagnostic> m_diagnostics;
    LineIndex m_lines;
};

} // namespace Snowpane::Nix
