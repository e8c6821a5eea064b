// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "jsonreader.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace Snowpane::Packages
{

namespace
{

// Deeper documents are refused: catalogs nest about five levels, and a bound
// keeps a hostile file from growing the stack without limit.
constexpr std::size_t maxDepth = 512;

void appendUtf8(std::string &out, unsigned codePoint)
{
    if (codePoint < 0x80) {
        out.push_back(char(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(char(0xC0 | (codePoint >> 6)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.push_back(char(0xE0 | (codePoint >> 12)));
        out.push_back(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (codePoint >> 18)));
        out.push_back(char(0x80 | ((codePoint >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    }
}

QString describeByte(int c)
{
    if (c < 0) {
        return u"the end of the input"_s;
    }
    if (c >= 0x20 && c < 0x7F) {
        return u"'%1'"_s.arg(QChar(c));
    }
    return u"byte 0x%1"_s.arg(c, 2, 16, QChar(u'0'));
}

} // namespace

JsonReader::JsonReader(ReadFunction read, qsizetype chunkSize)
    : m_read(std::move(read))
    , m_buffer(std::size_t(qMax<qsizetype>(chunkSize, 1)))
{
}

const char *JsonReader::tokenName(Token token)
{
    switch (token) {
    case Token::BeginObject:
        return "an object";
    case Token::EndObject:
        return "'}'";
    case Token::BeginArray:
        return "a list";
    case Token::EndArray:
        return "']'";
    case Token::Key:
        return "a key";
    case Token::String:
        return "a string";
    case Token::Number:
        return "a number";
    case Token::True:
    case Token::False:
        return "a Boolean";
    case Token::Null:
        return "null";
    case Token::EndOfInput:
        return "the end of the input";
    case Token::Error:
        return "an error";
    }
    return "?";
}

bool JsonReader::refill()
{
    if (m_eof) {
        return false;
    }
    m_base += m_end;
    m_pos = 0;
    m_end = 0;
    const qint64 count = m_read(m_buffer.data(), qint64(m_buffer.size()));
    if (count < 0) {
        m_eof = true;
        m_error = u"reading the input failed after %1 bytes"_s.arg(m_base);
        return false;
    }
    if (count == 0) {
        m_eof = true;
        return false;
    }
    m_end = qsizetype(count);
    return true;
}

int JsonReader::peekByte()
{
    if (m_pos == m_end && !refill()) {
        return -1;
    }
    return static_cast<unsigned char>(m_buffer[std::size_t(m_pos)]);
}

int JsonReader::skipWhitespace()
{
    for (;;) {
        const int c = peekByte();
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            return c;
        }
        ++m_pos;
    }
}

JsonReader::Token JsonReader::fail(const QString &message)
{
    if (!m_done) {
        // A read error is the cause; keep its message rather than the syntax error it led to.
        if (m_error.isEmpty()) {
            m_error = u"invalid JSON at byte %1: %2"_s.arg(offset()).arg(message);
        }
        m_done = true;
        m_final = Token::Error;
    }
    return Token::Error;
}

void JsonReader::afterValue()
{
    m_expect = m_stack.empty() ? Expect::EndOfDocument : Expect::CommaOrEnd;
}

JsonReader::Token JsonReader::next()
{
    if (m_done) {
        return m_final;
    }
    int c = skipWhitespace();
    if (c < 0 && m_expect != Expect::EndOfDocument) {
        return fail(u"the input ends in the middle of the document (truncated?)"_s);
    }
    switch (m_expect) {
    case Expect::EndOfDocument:
        if (c < 0) {
            if (!m_error.isEmpty()) {
                return fail({});
            }
            m_done = true;
            m_final = Token::EndOfInput;
            return Token::EndOfInput;
        }
        return fail(u"%1 after the end of the document"_s.arg(describeByte(c)));
    case Expect::CommaOrEnd: {
        const bool inObject = m_stack.back() == '{';
        if (c == ',') {
            ++m_pos;
            m_expect = inObject ? Expect::Key : Expect::Value;
            return next();
        }
        if (c == (inObject ? '}' : ']')) {
            ++m_pos;
            m_stack.pop_back();
            afterValue();
            return inObject ? Token::EndObject : Token::EndArray;
        }
        return fail(u"expected ',' or '%1' but found %2"_s.arg(QChar(inObject ? u'}' : u']'), describeByte(c)));
    }
    case Expect::KeyOrEndObject:
        if (c == '}') {
            ++m_pos;
            m_stack.pop_back();
            afterValue();
            return Token::EndObject;
        }
        [[fallthrough]];
    case Expect::Key:
        if (c != '"') {
            return fail(u"expected a key in quotes but found %1"_s.arg(describeByte(c)));
        }
        ++m_pos;
        if (!readString(true)) {
            return fail(u"unterminated key"_s);
        }
        c = skipWhitespace();
        if (c != ':') {
            return fail(u"expected ':' after a key but found %1"_s.arg(describeByte(c)));
        }
        ++m_pos;
        m_expect = Expect::Value;
        return Token::Key;
    case Expect::ValueOrEndArray:
        if (c == ']') {
            ++m_pos;
            m_stack.pop_back();
            afterValue();
            return Token::EndArray;
        }
        [[fallthrough]];
    case Expect::Value:
        return readValue(c);
    }
    return fail(u"internal state"_s);
}

JsonReader::Token JsonReader::readValue(int c)
{
    switch (c) {
    case '{':
    case '[':
        if (m_stack.size() >= maxDepth) {
            return fail(u"nested more than %1 levels deep"_s.arg(maxDepth));
        }
        ++m_pos;
        m_stack.push_back(char(c));
        m_expect = c == '{' ? Expect::KeyOrEndObject : Expect::ValueOrEndArray;
        return c == '{' ? Token::BeginObject : Token::BeginArray;
    case '"':
        ++m_pos;
        if (!readString(true)) {
            return fail(m_error.isEmpty() ? u"unterminated string"_s : QString());
        }
        afterValue();
        return Token::String;
    case 't':
        return readLiteral("true", Token::True);
    case 'f':
        return readLiteral("false", Token::False);
    case 'n':
        return readLiteral("null", Token::Null);
    default:
        if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
        }
        return fail(u"expected a value but found %1"_s.arg(describeByte(c)));
    }
}

JsonReader::Token JsonReader::readLiteral(const char *word, Token token)
{
    for (const char *p = word; *p; ++p) {
        if (peekByte() != static_cast<unsigned char>(*p)) {
            return fail(u"expected '%1'"_s.arg(QLatin1StringView(word)));
        }
        ++m_pos;
    }
    afterValue();
    return token;
}

JsonReader::Token JsonReader::readNumber()
{
    m_text.clear();
    for (;;) {
        const int c = peekByte();
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
            m_text.push_back(char(c));
            ++m_pos;
            continue;
        }
        break;
    }
    // The grammar's finer points (leading zeros, a lone '-') matter less than
    // the shape; a number is never what a catalog field is read from.
    const char last = m_text.back();
    if (last == '-' || last == '+' || last == '.' || last == 'e' || last == 'E') {
        return fail(u"malformed number '%1'"_s.arg(QString::fromStdString(m_text)));
    }
    afterValue();
    return Token::Number;
}

bool JsonReader::readHex4(unsigned *value)
{
    *value = 0;
    for (int i = 0; i < 4; ++i) {
        const int c = peekByte();
        unsigned digit;
        if (c >= '0' && c <= '9') {
            digit = unsigned(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = unsigned(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = unsigned(c - 'A' + 10);
        } else {
            return false;
        }
        ++m_pos;
        *value = *value * 16 + digit;
    }
    return true;
}

bool JsonReader::readString(bool keep)
{
    if (keep) {
        m_text.clear();
    }
    for (;;) {
        if (m_pos == m_end && !refill()) {
            return false;
        }
        // Copy the run up to the next quote, backslash or control byte at once.
        const char *start = m_buffer.data() + m_pos;
        const char *end = m_buffer.data() + m_end;
        const char *p = start;
        while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20) {
            ++p;
        }
        if (keep) {
            m_text.append(start, std::size_t(p - start));
        }
        m_pos += p - start;
        if (p == end) {
            continue;
        }
        const char c = *p;
        ++m_pos;
        if (c == '"') {
            return true;
        }
        if (c != '\\') {
            m_error = u"invalid JSON at byte %1: control character in a string"_s.arg(offset() - 1);
            return false;
        }
        const int escape = peekByte();
        if (escape < 0) {
            return false;
        }
        ++m_pos;
        char decoded = 0;
        switch (escape) {
        case '"':
        case '\\':
        case '/':
            decoded = char(escape);
            break;
        case 'b':
            decoded = '\b';
            break;
        case 'f':
            decoded = '\f';
            break;
        case 'n':
            decoded = '\n';
            break;
        case 'r':
            decoded = '\r';
            break;
        case 't':
            decoded = '\t';
            break;
        case 'u': {
            unsigned unit;
            if (!readHex4(&unit)) {
                m_error = u"invalid JSON at byte %1: malformed \\u escape"_s.arg(offset());
                return false;
            }
            if (unit >= 0xD800 && unit < 0xDC00) {
                // A high surrogate joins the low one that should follow it.
                unsigned low = 0;
                if (peekByte() == '\\') {
                    ++m_pos;
                    if (peekByte() != 'u' || (++m_pos, !readHex4(&low))) {
                        m_error = u"invalid JSON at byte %1: malformed \\u escape"_s.arg(offset());
                        return false;
                    }
                }
                unit = (low >= 0xDC00 && low < 0xE000) ? 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD;
            } else if (unit >= 0xDC00 && unit < 0xE000) {
                unit = 0xFFFD;
            }
            if (keep) {
                appendUtf8(m_text, unit);
            }
            continue;
        }
        default:
            m_error = u"invalid JSON at byte %1: unknown escape '\\%2'"_s.arg(offset() - 1).arg(QChar(escape));
            return false;
        }
        if (keep) {
            m_text.push_back(decoded);
        }
    }
}

bool JsonReader::skipValue(Token first)
{
    if (first != Token::BeginObject && first != Token::BeginArray) {
        return first != Token::Error && first != Token::EndOfInput && first != Token::EndObject && first != Token::EndArray;
    }
    const std::size_t depth = m_stack.size() - 1;
    while (m_stack.size() > depth) {
        const int c = skipWhitespace();
        // Strings inside a skipped value are the bulk of it (maintainers,
        // positions); scan them without building their text.
        if (c == '"' && (m_expect == Expect::Value || m_expect == Expect::ValueOrEndArray)) {
            ++m_pos;
            if (!readString(false)) {
                (void)fail(m_error.isEmpty() ? u"unterminated string"_s : QString());
                return false;
            }
            afterValue();
            continue;
        }
        const Token token = next();
        if (token == Token::Error || token == Token::EndOfInput) {
            if (token == Token::EndOfInput) {
                (void)fail(u"unexpected end of the input"_s);
            }
            return false;
        }
    }
    return true;
}

} // namespace Snowpane::Packages
