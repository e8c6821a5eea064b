// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "lexer.h"
#include "literals.h"

#include <array>

namespace snowpane::nix
{
namespace
{

// Character classes of lexer.l, as bit flags in one table so that each test is
// a load and a mask.
enum CharClass : std::uint8_t {
    IdentStart = 1, // [a-zA-Z_]
    IdentRest = 2, // [a-zA-Z0-9_'-]
    PathChar = 4, // [a-zA-Z0-9._+-]
    UriScheme = 8, // [a-zA-Z0-9+.-] after the first letter
    UriChar = 16, // [a-zA-Z0-9%/?:@&=+$,_.!~*'-]
    Digit = 32,
    Alpha = 64,
};

constexpr std::array<std::uint8_t, 256> makeClasses()
{
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        std::uint8_t bits = 0;
        if (alpha || c == '_') {
            bits |= IdentStart;
        }
        if (alpha || digit || c == '_' || c == '\'' || c == '-') {
            bits |= IdentRest;
        }
        if (alpha || digit || c == '.' || c == '_' || c == '-' || c == '+') {
            bits |= PathChar;
        }
        if (alpha || digit || c == '+' || c == '-' || c == '.') {
            bits |= UriScheme;
        }
        if (alpha || digit || std::string_view("%/?:@&=+$,-_.!~*'").find(static_cast<char>(c)) != std::string_view::npos) {
            bits |= UriChar;
        }
        if (digit) {
            bits |= Digit;
        }
        if (alpha) {
            bits |= Alpha;
        }
        table[static_cast<std::size_t>(c)] = bits;
    }
    return table;
}

constexpr std::array<std::uint8_t, 256> classes = makeClasses();

// Flex start conditions. Initial is only ever the bottom of the stack: a '}'
// there does not pop, as in Nix.
enum class State : std::uint8_t {
    Initial,
    Default,
    String,
    IndString,
    InPath,
    InPathSlash,
};

struct Keyword {
    std::string_view text;
    TokenKind kind;
};

constexpr std::array<Keyword, 10> keywords{{
    {"if", TokenKind::KwIf},
    {"then", TokenKind::KwThen},
    {"else", TokenKind::KwElse},
    {"assert", TokenKind::KwAssert},
    {"with", TokenKind::KwWith},
    {"let", TokenKind::KwLet},
    {"in", TokenKind::KwIn},
    {"rec", TokenKind::KwRec},
    {"inherit", TokenKind::KwInherit},
    {"or", TokenKind::KwOr},
}};

TokenKind keywordOrIdent(std::string_view word)
{
    if (word.size() >= 2 && word.size() <= 7) {
        for (const Keyword &kw : keywords) {
            if (kw.text == word) {
                return kw.kind;
            }
        }
    }
    return TokenKind::Ident;
}

class Lexer
{
public:
    explicit Lexer(std::string_view source)
        : m_src(source)
        , m_size(static_cast<std::uint32_t>(source.size()))
    {
        // Real code averages five or six bytes per token; reserving avoids
        // most regrowth without wasting much on dense inputs.
        m_out.tokens.offsets.reserve(source.size() / 4 + 16);
        m_out.tokens.kinds.reserve(source.size() / 4 + 16);
        m_states.push_back(State::Initial);
    }

    LexResult run()
    {
        while (m_pos < m_size) {
            switch (m_states.back()) {
            case State::Initial:
            case State::Default:
                lexDefault();
                break;
            case State::String:
                lexString();
                break;
            case State::IndString:
                lexIndString();
                break;
            case State::InPath:
            case State::InPathSlash:
                lexInPath();
                break;
            }
        }
        // A path that ends the file: PATH_END at end of input is fine, but
        // a trailing slash is the same error as before any other byte.
        if (m_states.back() == State::InPathSlash) {
            error(m_size, "path has a trailing slash");
        }
        m_out.tokens.offsets.push_back(m_size);
        return std::move(m_out);
    }

private:
    [[nodiscard]] std::uint8_t cls(std::uint32_t i) const
    {
        return i < m_size ? classes[static_cast<unsigned char>(m_src[i])] : 0;
    }
    [[nodiscard]] char at(std::uint32_t i) const
    {
        return i < m_size ? m_src[i] : '\0';
    }
    [[nodiscard]] bool startsWith(std::uint32_t i, std::string_view s) const
    {
        return m_src.substr(i, s.size()) == s;
    }

    void emit(TokenKind kind, std::uint32_t length)
    {
        m_out.tokens.offsets.push_back(m_pos);
        m_out.tokens.kinds.push_back(kind);
        m_pos += length;
    }
    void error(std::uint32_t offset, std::string message)
    {
        m_out.diagnostics.push_back({offset, Severity::Error, DiagnosticKind::Syntax, std::move(message)});
    }
    void warning(std::uint32_t offset, std::string message)
    {
        m_out.diagnostics.push_back({offset, Severity::Warning, DiagnosticKind::Syntax, std::move(message)});
    }
    // Nix refuses string pieces with NUL bytes: its strings are C strings.
    void emitText(TokenKind kind, std::uint32_t length)
    {
        const std::string_view text = m_src.substr(m_pos, length);
        if (text.find('\0') != std::string_view::npos) {
            error(m_pos, "input string cannot be represented as Nix string because it contains null bytes");
        }
        emit(kind, length);
    }
    void push(State s)
    {
        m_states.push_back(s);
    }
    void pop()
    {
        if (m_states.size() > 1) {
            m_states.pop_back();
        }
    }

    // The end of the maximal run of `mask` characters containing i. Runs are
    // remembered, because a run of '-' or '.' is re-examined from each of its
    // characters as a candidate path and would otherwise cost quadratic time.
    [[nodiscard]] std::uint32_t cachedRun(std::uint32_t i, std::uint8_t mask, std::uint32_t &start, std::uint32_t &end) const
    {
        if (i >= start && i < end) {
            return end - i;
        }
        const std::uint32_t n = runOf(i, mask);
        if (n > 0) {
            start = i;
            end = i + n;
        }
        return n;
    }
    [[nodiscard]] std::uint32_t pathRun(std::uint32_t i) const
    {
        return cachedRun(i, PathChar, m_pathRunStart, m_pathRunEnd);
    }
    [[nodiscard]] std::uint32_t schemeRun(std::uint32_t i) const
    {
        return cachedRun(i, UriScheme, m_schemeRunStart, m_schemeRunEnd);
    }

    [[nodiscard]] std::uint32_t runOf(std::uint32_t i, std::uint8_t mask) const
    {
        const std::uint32_t start = i;
        while (i < m_size && (classes[static_cast<unsigned char>(m_src[i])] & mask)) {
            ++i;
        }
        return i - start;
    }

    // {PATH_CHAR}*(\/{PATH_CHAR}+)+\/?  — the length of the longest match, or 0.
    [[nodiscard]] std::uint32_t pathLength(std::uint32_t start) const
    {
        std::uint32_t i = start + pathRun(start);
        bool segment = false;
        while (at(i) == '/' && (cls(i + 1) & PathChar)) {
            i += 1 + runOf(i + 1, PathChar);
            segment = true;
        }
        if (!segment) {
            return 0;
        }
        if (at(i) == '/') {
            ++i;
        }
        return i - start;
    }

    // \~(\/{PATH_CHAR}+)+\/?
    [[nodiscard]] std::uint32_t homePathLength(std::uint32_t start) const
    {
        if (at(start) != '~') {
            return 0;
        }
        std::uint32_t i = start + 1;
        bool segment = false;
        while (at(i) == '/' && (cls(i + 1) & PathChar)) {
            i += 1 + runOf(i + 1, PathChar);
            segment = true;
        }
        if (!segment) {
            return 0;
        }
        if (at(i) == '/') {
            ++i;
        }
        return i - start;
    }

    // {PATH_SEG}\$\{ — the length of the segment without the "${", or 0.
    [[nodiscard]] std::uint32_t pathSegmentBeforeInterpolation(std::uint32_t start) const
    {
        const std::uint32_t i = start + pathRun(start);
        if (at(i) == '/' && at(i + 1) == '$' && at(i + 2) == '{') {
            return i + 1 - start;
        }
        return 0;
    }

    // \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>
    [[nodiscard]] std::uint32_t searchPathLength(std::uint32_t start) const
    {
        std::uint32_t i = start + 1;
        std::uint32_t n = runOf(i, PathChar);
        if (n == 0) {
            return 0;
        }
        i += n;
        while (at(i) == '/' && (cls(i + 1) & PathChar)) {
            i += 1 + runOf(i + 1, PathChar);
        }
        return at(i) == '>' ? i + 1 - start : 0;
    }

    // [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[uri chars]+
    [[nodiscard]] std::uint32_t uriLength(std::uint32_t start) const
    {
        if (!(cls(start) & Alpha)) {
            return 0;
        }
        std::uint32_t i = start + 1 + schemeRun(start + 1);
        if (at(i) != ':') {
            return 0;
        }
        const std::uint32_t rest = runOf(i + 1, UriChar);
        return rest == 0 ? 0 : i + 1 + rest - start;
    }

    // (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
    [[nodiscard]] std::uint32_t floatLength(std::uint32_t start) const
    {
        std::uint32_t i = start;
        const char c = at(i);
        if (c >= '1' && c <= '9') {
            i += runOf(i, Digit);
            if (at(i) != '.') {
                return 0;
            }
            ++i;
            i += runOf(i, Digit);
        } else {
            if (c == '0') {
                ++i;
            }
            if (at(i) != '.' || !(cls(i + 1) & Digit)) {
                return 0;
            }
            ++i;
            i += runOf(i, Digit);
        }
        if (at(i) == 'e' || at(i) == 'E') {
            std::uint32_t j = i + 1;
            if (at(j) == '+' || at(j) == '-') {
                ++j;
            }
            if (cls(j) & Digit) {
                i = j + runOf(j, Digit);
            }
        }
        return i - start;
    }

    // Candidates are offered in lexer.l's rule order, so a strict comparison
    // gives flex's tie-break to the earlier rule.
    struct Match {
        std::uint32_t length = 0;
        TokenKind kind = TokenKind::Invalid;
        int action = 0;
    };
    static void offer(Match &best, std::uint32_t length, TokenKind kind, int action = 0)
    {
        if (length > best.length) {
            best = {length, kind, action};
        }
    }

    enum Action {
        Plain,
        PushDefault,
        PopBrace,
        OpenString,
        OpenIndString,
        PathBeforeInterpolation,
        HomeBeforeInterpolation,
        PathLiteral,
        UnterminatedComment,
    };

    void lexDefault();
    void lexString();
    void lexIndString();
    void lexInPath();
    void checkNumber(TokenKind kind, std::uint32_t length);

    std::string_view m_src;
    std::uint32_t m_size;
    std::uint32_t m_pos = 0;
    std::vector<State> m_states;
    LexResult m_out;
    mutable std::uint32_t m_pathRunStart = 0;
    mutable std::uint32_t m_pathRunEnd = 0;
    mutable std::uint32_t m_schemeRunStart = 0;
    mutable std::uint32_t m_schemeRunEnd = 0;
};

void Lexer::lexDefault()
{
    const std::uint32_t p = m_pos;
    const char c = m_src[p];
    const std::uint8_t k = classes[static_cast<unsigned char>(c)];

    if (c == '\0') {
        // Flex hands the NUL byte to Bison, which takes it for end of input.
        warning(p, "input after a NUL byte is ignored");
        emit(TokenKind::Ignored, m_size - p);
        return;
    }
    // Fast paths for the commonest tokens that no other rule can extend.
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        std::uint32_t i = p + 1;
        while (i < m_size && (m_src[i] == ' ' || m_src[i] == '\t' || m_src[i] == '\n' || m_src[i] == '\r')) {
            ++i;
        }
        emit(TokenKind::Whitespace, i - p);
        return;
    }
    if (c == '#') {
        std::uint32_t i = p + 1;
        while (i < m_size && m_src[i] != '\n' && m_src[i] != '\r') {
            ++i;
        }
        emit(TokenKind::LineComment, i - p);
        return;
    }

    // An identifier that no longer rule can extend: the next byte cannot
    // continue a path or a URI. This is most tokens of real code.
    if (k & IdentStart) {
        const std::uint32_t n = 1 + runOf(p + 1, IdentRest);
        const char next = at(p + n);
        if (next != '.' && next != '+' && next != '/' && next != ':') {
            emit(keywordOrIdent(m_src.substr(p, n)), n);
            return;
        }
    }
    switch (c) {
    case ';':
        emit(TokenKind::Semicolon, 1);
        return;
    case ',':
        emit(TokenKind::Comma, 1);
        return;
    case '(':
        emit(TokenKind::LParen, 1);
        return;
    case ')':
        emit(TokenKind::RParen, 1);
        return;
    case '[':
        emit(TokenKind::LBracket, 1);
        return;
    case ']':
        emit(TokenKind::RBracket, 1);
        return;
    case '@':
        emit(TokenKind::At, 1);
        return;
    case '?':
        emit(TokenKind::Question, 1);
        return;
    case ':':
        emit(TokenKind::Colon, 1);
        return;
    case '=':
        if (at(p + 1) != '=') {
            emit(TokenKind::Assign, 1);
            return;
        }
        break;
    case '{':
        push(State::Default);
        emit(TokenKind::LBrace, 1);
        return;
    case '"':
        push(State::String);
        emit(TokenKind::Quote, 1);
        return;
    default:
        break;
    }

    Match best;
    if (k & IdentStart) {
        const std::uint32_t n = 1 + runOf(p + 1, IdentRest);
        offer(best, n, keywordOrIdent(m_src.substr(p, n)));
    }
    if (c == '.' && startsWith(p, "...")) {
        offer(best, 3, TokenKind::Ellipsis);
    }
    static constexpr std::array<Keyword, 11> operators{{
        {"==", TokenKind::Eq},
        {"!=", TokenKind::NotEq},
        {"<=", TokenKind::LessEq},
        {">=", TokenKind::GreaterEq},
        {"&&", TokenKind::And},
        {"||", TokenKind::Or},
        {"->", TokenKind::Implies},
        {"//", TokenKind::Update},
        {"++", TokenKind::Concat},
        {"<|", TokenKind::PipeFrom},
        {"|>", TokenKind::PipeInto},
    }};
    if (p + 1 < m_size) {
        for (const Keyword &op : operators) {
            if (op.text[0] == c && op.text[1] == m_src[p + 1]) {
                offer(best, 2, op.kind);
                break;
            }
        }
    }
    if (k & Digit) {
        offer(best, runOf(p, Digit), TokenKind::Int);
    }
    if ((k & Digit) || c == '.') {
        offer(best, floatLength(p), TokenKind::Float);
    }
    if (c == '$' && at(p + 1) == '{') {
        offer(best, 2, TokenKind::DollarCurly, PushDefault);
    }
    if (c == '}') {
        offer(best, 1, TokenKind::RBrace, PopBrace);
    }
    if (c == '{') {
        offer(best, 1, TokenKind::LBrace, PushDefault);
    }
    if (c == '"') {
        offer(best, 1, TokenKind::Quote, OpenString);
    }
    if (c == '\'' && at(p + 1) == '\'') {
        std::uint32_t i = p + 2;
        while (at(i) == ' ') {
            ++i;
        }
        offer(best, at(i) == '\n' ? i + 1 - p : 2, TokenKind::IndStrOpen, OpenIndString);
    }
    if ((k & PathChar) || c == '/') {
        if (const std::uint32_t n = pathSegmentBeforeInterpolation(p)) {
            offer(best, n + 2, TokenKind::Path, PathBeforeInterpolation);
        }
        offer(best, pathLength(p), TokenKind::Path, PathLiteral);
    }
    if (c == '~') {
        if (startsWith(p, "~/${")) {
            offer(best, 4, TokenKind::HomePath, HomeBeforeInterpolation);
        }
        offer(best, homePathLength(p), TokenKind::HomePath, PathLiteral);
    }
    if (c == '<') {
        offer(best, searchPathLength(p), TokenKind::SearchPath);
    }
    if (k & Alpha) {
        offer(best, uriLength(p), TokenKind::Uri);
    }
    if (c == '/' && at(p + 1) == '*') {
        // Flex would fall back to '/' '*' for an unterminated comment, which is
        // always a syntax error; one comment token to the end keeps the tree
        // readable and the error the same.
        const std::size_t close = m_src.find("*/", p + 2);
        if (close == std::string_view::npos) {
            offer(best, m_size - p, TokenKind::BlockComment, UnterminatedComment);
        } else {
            offer(best, static_cast<std::uint32_t>(close + 2 - p), TokenKind::BlockComment);
        }
    }
    if (best.length == 0) {
        TokenKind kind = TokenKind::Invalid;
        switch (c) {
        case '(':
            kind = TokenKind::LParen;
            break;
        case ')':
            kind = TokenKind::RParen;
            break;
        case '[':
            kind = TokenKind::LBracket;
            break;
        case ']':
            kind = TokenKind::RBracket;
            break;
        case ';':
            kind = TokenKind::Semicolon;
            break;
        case ':':
            kind = TokenKind::Colon;
            break;
        case ',':
            kind = TokenKind::Comma;
            break;
        case '.':
            kind = TokenKind::Dot;
            break;
        case '=':
            kind = TokenKind::Assign;
            break;
        case '@':
            kind = TokenKind::At;
            break;
        case '?':
            kind = TokenKind::Question;
            break;
        case '!':
            kind = TokenKind::Bang;
            break;
        case '-':
            kind = TokenKind::Minus;
            break;
        case '+':
            kind = TokenKind::Plus;
            break;
        case '*':
            kind = TokenKind::Star;
            break;
        case '/':
            kind = TokenKind::Slash;
            break;
        case '<':
            kind = TokenKind::Less;
            break;
        case '>':
            kind = TokenKind::Greater;
            break;
        default:
            break;
        }
        best = {1, kind, Plain};
    }

    switch (best.action) {
    case PushDefault:
        push(State::Default);
        emit(best.kind, best.length);
        return;
    case PopBrace:
        if (m_states.back() != State::Initial) {
            pop();
        }
        emit(best.kind, best.length);
        return;
    case OpenString:
        push(State::String);
        emit(best.kind, best.length);
        return;
    case OpenIndString:
        push(State::IndString);
        emit(best.kind, best.length);
        return;
    case PathBeforeInterpolation:
        // The "${" is only lookahead: the segment is the token.
        push(State::InPathSlash);
        emit(best.kind, best.length - 2);
        return;
    case HomeBeforeInterpolation:
        push(State::InPathSlash);
        emit(best.kind, 2);
        return;
    case PathLiteral:
        push(m_src[p + best.length - 1] == '/' ? State::InPathSlash : State::InPath);
        emit(best.kind, best.length);
        return;
    case UnterminatedComment:
        error(p, "unterminated comment");
        emit(best.kind, best.length);
        return;
    default:
        if (best.kind == TokenKind::Int || best.kind == TokenKind::Float) {
            checkNumber(best.kind, best.length);
        }
        if (best.kind == TokenKind::Invalid) {
            // Nix hands the byte itself to the parser, which has no token for it.
            std::uint32_t n = 1;
            while (p + n < m_size && (static_cast<unsigned char>(m_src[p + n]) & 0xC0) == 0x80) {
                ++n; // keep one UTF-8 character together
            }
            emit(best.kind, n);
            return;
        }
        emit(best.kind, best.length);
        return;
    }
}

void Lexer::checkNumber(TokenKind kind, std::uint32_t length)
{
    const std::string_view text = m_src.substr(m_pos, length);
    if (kind == TokenKind::Int) {
        if (!parseNixInt(text)) {
            error(m_pos, "invalid integer '" + std::string(text) + "'");
        }
    } else if (!parseNixFloat(text)) {
        error(m_pos, "invalid float '" + std::string(text) + "'");
    }
}

void Lexer::lexString()
{
    const std::uint32_t p = m_pos;
    if (m_src[p] == '"') {
        pop();
        emit(TokenKind::Quote, 1);
        return;
    }
    if (m_src[p] == '$' && at(p + 1) == '{') {
        push(State::Default);
        emit(TokenKind::DollarCurly, 2);
        return;
    }
    // ([^\$\"\\]|\$[^\{\"\\]|\\{ANY}|\$\\{ANY})+ and the variant ending in a
    // '$' right before the closing quote. A '\' or '$' cut off by the end of
    // input is kept in the run; the missing quote is the parser's error.
    std::uint32_t i = p;
    while (i < m_size) {
        const char c = m_src[i];
        if (c == '"') {
            break;
        }
        if (c == '\\') {
            i += 2;
        } else if (c == '$') {
            const char next = at(i + 1);
            if (next == '{' && i + 1 < m_size) {
                break;
            }
            if (next == '"') {
                ++i;
                break;
            }
            i += next == '\\' ? 3 : 2;
        } else {
            ++i;
        }
    }
    if (i > m_size) {
        i = m_size;
    }
    emitText(TokenKind::StrText, i - p);
}

void Lexer::lexIndString()
{
    const std::uint32_t p = m_pos;
    const char c = m_src[p];
    if (c == '\'' && at(p + 1) == '\'') {
        const char third = at(p + 2);
        if (p + 2 < m_size && (third == '\'' || third == '$')) {
            emit(TokenKind::IndStrEscape, 3);
        } else if (p + 3 < m_size && third == '\\') {
            emitText(TokenKind::IndStrEscape, 4);
        } else {
            pop();
            emit(TokenKind::IndStrClose, 2);
        }
        return;
    }
    if (c == '$' && at(p + 1) == '{' && p + 1 < m_size) {
        push(State::Default);
        emit(TokenKind::DollarCurly, 2);
        return;
    }
    // ([^\$\']|\$[^\{\']|\'[^\'\$])+
    std::uint32_t i = p;
    while (i < m_size) {
        const char d = m_src[i];
        if (d != '$' && d != '\'') {
            ++i;
            continue;
        }
        if (i + 1 >= m_size) {
            break;
        }
        const char next = m_src[i + 1];
        if (d == '$' ? (next == '{' || next == '\'') : (next == '\'' || next == '$')) {
            break;
        }
        i += 2;
    }
    if (i > p) {
        emitText(TokenKind::IndStrText, i - p);
        return;
    }
    // A lone '$' or '\'' that the run could not take: a literal of its own.
    emit(TokenKind::IndStrEscape, 1);
}

void Lexer::lexInPath()
{
    const std::uint32_t p = m_pos;
    if (m_src[p] == '$' && at(p + 1) == '{') {
        pop();
        push(State::InPath);
        push(State::Default);
        emit(TokenKind::DollarCurly, 2);
        return;
    }
    // {PATH}|{PATH_SEG}|{PATH_CHAR}+
    const std::uint32_t chars = runOf(p, PathChar);
    std::uint32_t n = std::max(pathLength(p), chars);
    if (at(p + chars) == '/') {
        n = std::max(n, chars + 1);
    }
    if (n > 0) {
        pop();
        push(m_src[p + n - 1] == '/' ? State::InPathSlash : State::InPath);
        emit(TokenKind::PathText, n);
        return;
    }
    if (m_states.back() == State::InPathSlash) {
        error(p, "path has a trailing slash");
    }
    // PATH_END: the byte is lexed again in the enclosing state.
    pop();
}

} // namespace

LexResult lex(std::string_view source)
{
    return Lexer(source).run();
}

} // namespace snowpane::nix
