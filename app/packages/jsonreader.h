// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace Snowpane::Packages
{

/**
 * A streaming JSON pull parser over a byte source. It holds one chunk of
 * input and the current token's text, never the document, so a 150 MB catalog
 * is read in bounded memory. Every token is checked against the grammar
 * (commas, colons, nesting, one top-level value); a truncated or malformed
 * document ends in Token::Error with the byte offset in errorString(). Strings
 * are decoded to UTF-8 (escapes and surrogate pairs included); numbers keep
 * their text.
 */
class JsonReader
{
public:
    /// Reads at most @p maxSize bytes into @p buffer: the count, 0 at the end, or -1 on a read error.
    using ReadFunction = std::function<qint64(char *buffer, qint64 maxSize)>;

    enum class Token {
        BeginObject,
        EndObject,
        BeginArray,
        EndArray,
        Key,
        String,
        Number,
        True,
        False,
        Null,
        EndOfInput,
        Error,
    };

    explicit JsonReader(ReadFunction read, qsizetype chunkSize = 1 << 20);

    /// The next token; after Error or EndOfInput it keeps returning that token.
    [[nodiscard]] Token next();
    /// The decoded text of the last Key or String, or the text of the last Number.
    [[nodiscard]] const std::string &text() const
    {
        return m_text;
    }
    /**
     * Skips the value that starts with @p first (a token just returned by
     * next()); for objects and arrays, everything up to the matching end.
     * Strings inside are scanned, not decoded. False when the input ends or is
     * malformed before the value does.
     */
    [[nodiscard]] bool skipValue(Token first);
    /// How many input bytes have been consumed.
    [[nodiscard]] qint64 offset() const
    {
        return m_base + m_pos;
    }
    /// Nesting depth: open objects and arrays.
    [[nodiscard]] qsizetype depth() const
    {
        return qsizetype(m_stack.size());
    }
    [[nodiscard]] QString errorString() const
    {
        return m_error;
    }
    [[nodiscard]] static const char *tokenName(Token token);

private:
    enum class Expect : char {
        Value,
        ValueOrEndArray,
        Key,
        KeyOrEndObject,
        CommaOrEnd,
        EndOfDocument,
    };

    [[nodiscard]] int peekByte();
    [[nodiscard]] bool refill();
    [[nodiscard]] int skipWhitespace();
    [[nodiscard]] Token fail(const QString &message);
    [[nodiscard]] Token readValue(int c);
    [[nodiscard]] bool readString(bool keep);
    [[nodiscard]] bool readHex4(unsigned *value);
    [[nodiscard]] Token readNumber();
    [[nodiscard]] Token readLiteral(const char *word, Token token);
    void afterValue();

    ReadFunction m_read;
    std::vector<char> m_buffer;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    qint64 m_base = 0;
    bool m_eof = false;
    std::vector<char> m_stack;
    Expect m_expect = Expect::Value;
    std::string m_text;
    QString m_error;
    Token m_final = Token::EndOfInput;
    bool m_done = false;
};

} // namespace Snowpane::Packages
