// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "canonical.h"
#include "attrmodel.h"
#include "literals.h"
#include "stringparts.h"

#include <algorithm>
#include <deque>

namespace Snowpane::Nix
{

std::string canonicalPath(std::string_view path)
{
    std::string out;
    std::size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/') {
            ++i;
        }
        const std::size_t start = i;
        while (i < path.size() && path[i] != '/') {
            ++i;
        }
        const std::string_view part = path.substr(start, i - start);
        if (part.empty() || part == ".") {
            continue;
        }
        if (part == "..") {
            const std::size_t slash = out.rfind('/');
            out.resize(slash == std::string::npos ? 0 : slash);
            continue;
        }
        out += '/';
        out += part;
    }
    return out.empty() ? std::string("/") : out;
}

namespace
{

// Nix's printIdentifier: names that would not lex as an identifier, and
// keywords other than `or`, are printed as string literals.
std::string identifier(std::string_view name)
{
    static constexpr std::string_view keywords[] = {"if", "then", "else", "assert", "with", "let", "in", "rec", "inherit"};
    bool plain = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z') || name[0] == '_');
    for (const char c : name) {
        plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'' || c == '-');
    }
    for (const std::string_view kw : keywords) {
        plain = plain && name != kw;
    }
    if (plain) {
        return std::string(name);
    }
    std::string out;
    appendQuotedString(out, name);
    return out;
}

NodeId stripParens(const SyntaxTree &tree, NodeId node)
{
    while (node != noNode && tree.kind(node) == NodeKind::Paren) {
        node = tree.firstChild(node);
    }
    return node;
}

// One step of output: text to append, a node to print, or a set model.
struct Piece {
    enum Kind : std::uint8_t {
        Text,
        Expr,
        Set,
        Bindings,
    } kind;
    std::uint32_t id = 0;
    std::string_view text;
};

class Printer
{
public:
    Printer(const SyntaxTree &tree, const CanonicalOptions &options)
        : m_tree(tree)
        , m_options(options)
        , m_model(tree, m_ignored)
    {
    }

    std::string run(NodeId root)
    {
        m_stack.push_back({Piece::Expr, root, {}});
        while (!m_stack.empty()) {
            const Piece p = m_stack.back();
            m_stack.pop_back();
            switch (p.kind) {
            case Piece::Text:
                m_out += p.text;
                break;
            case Piece::Expr:
                expr(p.id);
                break;
            case Piece::Set:
                set(static_cast<std::int32_t>(p.id), true);
                break;
            case Piece::Bindings:
                set(static_cast<std::int32_t>(p.id), false);
                break;
            }
        }
        return std::move(m_out);
    }

private:
    // Pieces of one node are gathered in order, then pushed reversed.
    std::vector<Piece> m_pending;
    void text(std::string_view s)
    {
        m_pending.push_back({Piece::Text, 0, s});
    }
    void owned(std::string s)
    {
        m_strings.push_back(std::move(s));
        m_pending.push_back({Piece::Text, 0, m_strings.back()});
    }
    void node(NodeId id)
    {
        m_pending.push_back({Piece::Expr, id, {}});
    }
    void flush()
    {
        m_stack.insert(m_stack.end(), m_pending.rbegin(), m_pending.rend());
        m_pending.clear();
    }
    [[nodiscard]] std::string quoted(std::string_view s) const
    {
        std::string out;
        appendQuotedString(out, s);
        return out;
    }

    void expr(NodeId id);
    bool call(NodeId id);
    void stringLike(NodeId id);
    void attrPath(NodeId path);
    void set(std::int32_t index, bool braces);
    [[nodiscard]] std::string absolutePath(TokenId token) const;

    const SyntaxTree &m_tree;
    const CanonicalOptions &m_options;
    std::vector<Diagnostic> m_ignored;
    AttrModel m_model;
    std::vector<Piece> m_stack;
    std::deque<std::string> m_strings;
    std::string m_out;
};

std::string Printer::absolutePath(TokenId token) const
{
    const std::string_view literal = m_tree.tokenText(token);
    if (m_tree.tokenKind(token) == TokenKind::HomePath) {
        return m_options.homeDirectory + std::string(literal.substr(1));
    }
    std::string path = literal.front() == '/' ? canonicalPath(literal) : canonicalPath(m_options.baseDirectory + "/" + std::string(literal));
    if (literal.size() > 1 && literal.back() == '/') {
        path += '/';
    }
    return path;
}

void Printer::stringLike(NodeId id)
{
    std::vector<StringPart> parts = stringParts(m_tree, id);
    const NodeKind kind = m_tree.kind(id);
    if (kind == NodeKind::Path) {
        owned(absolutePath(m_tree.node(id).firstToken));
        if (parts.size() == 1) {
            return;
        }
        m_pending.insert(m_pending.begin() + static_cast<std::ptrdiff_t>(m_pending.size() - 1), {Piece::Text, 0, "("});
        for (std::size_t i = 1; i < parts.size(); ++i) {
            text(" + ");
            if (parts[i].isText()) {
                owned(quoted(parts[i].text));
            } else {
                node(parts[i].expr);
            }
        }
        text(")");
        return;
    }
    if (parts.empty()) {
        text("\"\"");
        return;
    }
    if (parts.size() == 1 && parts[0].isText()) {
        owned(quoted(parts[0].text));
        return;
    }
    if (kind == NodeKind::IndString && parts.size() == 1 && isPlainString(m_tree, parts[0].expr)) {
        // Nix keeps a lone interpolated string literal as it is.
        node(parts[0].expr);
        return;
    }
    text("(");
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            text(" + ");
        }
        if (parts[i].isText()) {
            owned(quoted(parts[i].text));
        } else {
            node(parts[i].expr);
        }
    }
    text(")");
}

// Nix builds ExprCall for application, pipes, `-`, `*`, `/`, `<`, `>`,
// unary minus and <path>, and its makeCall appends to an existing call
// instead of nesting one: `(f a) b` prints as `(f a b)`. The function spine
// is walked iteratively so long applications do not recurse.
bool Printer::call(NodeId id)
{
    std::vector<Piece> reversedArgs;
    std::vector<Piece> head;
    NodeId n = stripParens(m_tree, id);
    for (;;) {
        const NodeKind kind = m_tree.kind(n);
        const NodeId a = m_tree.child(n, 0);
        const NodeId b = m_tree.child(n, 1);
        if (kind == NodeKind::Apply) {
            reversedArgs.push_back({Piece::Expr, b, {}});
            if (m_tree.tokenKind(m_tree.node(b).firstToken) == TokenKind::KwOr) {
                // `e or` builds a fresh call around e rather than appending
                // to it, unlike application.
                head = {{Piece::Expr, a, {}}};
                break;
            }
            n = stripParens(m_tree, a);
            continue;
        }
        if (kind == NodeKind::Pipe) {
            const bool into = static_cast<TokenKind>(m_tree.node(n).detail) == TokenKind::PipeInto;
            reversedArgs.push_back({Piece::Expr, into ? a : b, {}});
            n = stripParens(m_tree, into ? b : a);
            continue;
        }
        if (kind == NodeKind::BinaryOp) {
            const auto op = static_cast<TokenKind>(m_tree.node(n).detail);
            std::string_view fn;
            bool swap = false;
            switch (op) {
            case TokenKind::Minus:
                fn = "__sub";
                break;
            case TokenKind::Star:
                fn = "__mul";
                break;
            case TokenKind::Slash:
                fn = "__div";
                break;
            case TokenKind::Less:
                fn = "__lessThan";
                break;
            case TokenKind::Greater:
                fn = "__lessThan";
                swap = true;
                break;
            default:
                break;
            }
            if (!fn.empty()) {
                head = {{Piece::Text, 0, fn}, {Piece::Text, 0, " "}, {Piece::Expr, swap ? b : a, {}}, {Piece::Text, 0, " "}, {Piece::Expr, swap ? a : b, {}}};
                break;
            }
        } else if (kind == NodeKind::UnaryOp && static_cast<TokenKind>(m_tree.node(n).detail) == TokenKind::Minus) {
            head = {{Piece::Text, 0, "__sub 0 "}, {Piece::Expr, a, {}}};
            break;
        } else if (kind == NodeKind::SearchPath) {
            const std::string_view literal = m_tree.tokenText(m_tree.node(n).firstToken);
            m_strings.push_back("__findFile __nixPath " + quoted(literal.substr(1, literal.size() - 2)));
            head = {{Piece::Text, 0, m_strings.back()}};
            break;
        }
        if (reversedArgs.empty()) {
            return false;
        }
        head = {{Piece::Expr, n, {}}};
        break;
    }
    text("(");
    m_pending.insert(m_pending.end(), head.begin(), head.end());
    for (auto it = reversedArgs.rbegin(); it != reversedArgs.rend(); ++it) {
        text(" ");
        m_pending.push_back(*it);
    }
    text(")");
    return true;
}

void Printer::attrPath(NodeId path)
{
    bool first = true;
    for (NodeId attr = m_tree.firstChild(path); attr != noNode; attr = m_tree.nextSibling(attr)) {
        if (!first) {
            text(".");
        }
        first = false;
        if (std::optional<std::string> name = m_model.staticName(attr)) {
            owned(identifier(*name));
            continue;
        }
        const NodeId c = m_tree.firstChild(attr);
        text("\"${");
        node(m_tree.kind(c) == NodeKind::Interpolation ? m_tree.firstChild(c) : c);
        text("}\"");
    }
}

void Printer::set(std::int32_t index, bool braces)
{
    const AttrSetModel &s = m_model.set(index);
    if (braces) {
        text(s.recursive ? "rec { " : "{ ");
    }
    std::vector<const AttrEntry *> sorted;
    sorted.reserve(s.entries.size());
    for (const AttrEntry &e : s.entries) {
        sorted.push_back(&e);
    }
    std::sort(sorted.begin(), sorted.end(), [](const AttrEntry *a, const AttrEntry *b) {
        return a->name < b->name;
    });
    bool anyInherit = false;
    for (const AttrEntry *e : sorted) {
        if (e->kind == AttrKind::Inherited) {
            text(anyInherit ? " " : "inherit ");
            owned(identifier(e->name));
            anyInherit = true;
        }
    }
    if (anyInherit) {
        text("; ");
    }
    for (std::uint32_t from = 0; from < s.inheritFrom.size(); ++from) {
        bool any = false;
        for (const AttrEntry *e : sorted) {
            if (e->kind == AttrKind::InheritedFrom && e->fromIndex == from) {
                if (!any) {
                    text("inherit (");
                    node(s.inheritFrom[from]);
                    text(")");
                    any = true;
                }
                text(" ");
                owned(identifier(e->name));
            }
        }
        if (any) {
            text("; ");
        }
    }
    for (const AttrEntry *e : sorted) {
        if (e->kind != AttrKind::Plain) {
            continue;
        }
        owned(identifier(e->name));
        text(" = ");
        if (e->nested >= 0) {
            m_pending.push_back({Piece::Set, static_cast<std::uint32_t>(e->nested), {}});
        } else {
            node(e->value);
        }
        text("; ");
    }
    for (const DynamicEntry &d : s.dynamics) {
        text("\"${");
        node(m_tree.kind(d.name) == NodeKind::Interpolation ? m_tree.firstChild(d.name) : d.name);
        text("}\" = ");
        if (d.nested >= 0) {
            m_pending.push_back({Piece::Set, static_cast<std::uint32_t>(d.nested), {}});
        } else {
            node(d.value);
        }
        text("; ");
    }
    if (braces) {
        text("}");
    }
    flush();
}

void Printer::expr(NodeId id)
{
    const Node &n = m_tree.node(id);
    const NodeId a = m_tree.child(id, 0);
    switch (n.kind) {
    case NodeKind::Root:
    case NodeKind::Paren:
        node(a);
        break;
    case NodeKind::Ident:
        text(m_tree.text(id));
        break;
    case NodeKind::Int:
        owned(std::to_string(parseNixInt(m_tree.text(id)).value_or(0)));
        break;
    case NodeKind::Float:
        owned(formatNixFloat(parseNixFloat(m_tree.text(id)).value_or(0)));
        break;
    case NodeKind::Uri:
        owned(quoted(m_tree.text(id)));
        break;
    case NodeKind::String:
    case NodeKind::IndString:
    case NodeKind::Path:
        stringLike(id);
        break;
    case NodeKind::Lambda: {
        const std::vector<NodeId> parts = m_tree.children(id);
        NodeId pattern = noNode;
        NodeId alias = noNode;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            (m_tree.kind(parts[i]) == NodeKind::Pattern ? pattern : alias) = parts[i];
        }
        text("(");
        if (pattern != noNode) {
            std::vector<NodeId> formals;
            for (NodeId e = m_tree.firstChild(pattern); e != noNode; e = m_tree.nextSibling(e)) {
                formals.push_back(e);
            }
            std::sort(formals.begin(), formals.end(), [&](NodeId x, NodeId y) {
                return m_tree.tokenText(m_tree.node(x).firstToken) < m_tree.tokenText(m_tree.node(y).firstToken);
            });
            text("{ ");
            for (std::size_t i = 0; i < formals.size(); ++i) {
                if (i > 0) {
                    text(", ");
                }
                text(m_tree.tokenText(m_tree.node(formals[i]).firstToken));
                if (const NodeId def = m_tree.firstChild(formals[i]); def != noNode) {
                    text(" ? ");
                    node(def);
                }
            }
            if (m_tree.ownToken(pattern, TokenKind::Ellipsis) != noNode) {
                text(formals.empty() ? "..." : ", ...");
            }
            text(" }");
            if (alias != noNode) {
                text(" @ ");
            }
        }
        if (alias != noNode) {
            text(m_tree.text(alias));
        }
        text(": ");
        node(parts.back());
        text(")");
        break;
    }
    case NodeKind::Assert:
        text("assert ");
        node(a);
        text("; ");
        node(m_tree.child(id, 1));
        break;
    case NodeKind::With:
        text("(with ");
        node(a);
        text("; ");
        node(m_tree.child(id, 1));
        text(")");
        break;
    case NodeKind::LetIn: {
        const std::int32_t bindings = m_model.build(id);
        text("(let ");
        m_pending.push_back({Piece::Bindings, static_cast<std::uint32_t>(bindings), {}});
        text("in ");
        NodeId body = noNode;
        for (NodeId c = a; c != noNode; c = m_tree.nextSibling(c)) {
            body = c;
        }
        node(body);
        text(")");
        break;
    }
    case NodeKind::If:
        text("(if ");
        node(a);
        text(" then ");
        node(m_tree.child(id, 1));
        text(" else ");
        node(m_tree.child(id, 2));
        text(")");
        break;
    case NodeKind::BinaryOp: {
        if (call(id)) {
            break;
        }
        const NodeId b = m_tree.child(id, 1);
        const auto op = static_cast<TokenKind>(n.detail);
        if (op == TokenKind::LessEq || op == TokenKind::GreaterEq) {
            text("(! (__lessThan ");
            node(op == TokenKind::LessEq ? b : a);
            text(" ");
            node(op == TokenKind::LessEq ? a : b);
            text("))");
            break;
        }
        std::string_view symbol;
        switch (op) {
        case TokenKind::Plus:
            symbol = " + ";
            break;
        case TokenKind::Eq:
            symbol = " == ";
            break;
        case TokenKind::NotEq:
            symbol = " != ";
            break;
        case TokenKind::And:
            symbol = " && ";
            break;
        case TokenKind::Or:
            symbol = " || ";
            break;
        case TokenKind::Implies:
            symbol = " -> ";
            break;
        case TokenKind::Update:
            symbol = " // ";
            break;
        case TokenKind::Concat:
            symbol = " ++ ";
            break;
        default:
            symbol = " ? ";
            break;
        }
        text("(");
        node(a);
        text(symbol);
        node(b);
        text(")");
        break;
    }
    case NodeKind::UnaryOp:
        if (!call(id)) {
            text("(! ");
            node(a);
            text(")");
        }
        break;
    case NodeKind::HasAttr:
        text("((");
        node(a);
        text(") ? ");
        attrPath(m_tree.child(id, 1));
        text(")");
        break;
    case NodeKind::Apply:
    case NodeKind::Pipe:
    case NodeKind::SearchPath:
        (void)call(id);
        break;
    case NodeKind::Select: {
        text("(");
        node(a);
        text(").");
        attrPath(m_tree.child(id, 1));
        if (const NodeId def = m_tree.child(id, 2); def != noNode) {
            text(" or (");
            node(def);
            text(")");
        }
        break;
    }
    case NodeKind::AttrSet:
        m_pending.push_back({Piece::Set, static_cast<std::uint32_t>(m_model.build(id)), {}});
        break;
    case NodeKind::LegacyLet:
        text("(");
        m_pending.push_back({Piece::Set, static_cast<std::uint32_t>(m_model.build(id)), {}});
        text(").body");
        break;
    case NodeKind::List:
        text("[ ");
        for (NodeId c = a; c != noNode; c = m_tree.nextSibling(c)) {
            text("(");
            node(c);
            text(") ");
        }
        text("]");
        break;
    default:
        break;
    }
    flush();
}

} // namespace

CanonicalResult printCanonical(const SyntaxTree &tree, const CanonicalOptions &options)
{
    if (tree.hasErrors()) {
        return {false, {}, "the file has syntax errors"};
    }
    if (tree.firstChild(tree.root()) == noNode) {
        return {false, {}, "the file has no expression"};
    }
    Printer printer(tree, options);
    return {true, printer.run(tree.root()), {}};
}

} // namespace Snowpane::Nix
