// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The streaming JSON reader, fed in one-byte, seven-byte and whole chunks,
// so that every token also crosses a chunk boundary somewhere. Inputs with
// an odd number of quotes are ordinary literals: moc misreads such raw strings.

#include "jsonreader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Snowpane::Packages::JsonReader;
using Token = JsonReader::Token;

namespace
{

JsonReader::ReadFunction readFrom(const QByteArray &data)
{
    auto position = std::make_shared<qsizetype>(0);
    return [data, position](char *buffer, qint64 size) -> qint64 {
        const qint64 count = qMin<qint64>(size, data.size() - *position);
        std::memcpy(buffer, data.constData() + *position, std::size_t(count));
        *position += count;
        return count;
    };
}

// The tokens as one line: {, }, [, ], k:KEY, s:STRING, n:NUMBER, t, f, null, $ (end), ERR.
QString render(const QByteArray &json, qsizetype chunk, QString *error = nullptr)
{
    JsonReader reader(readFrom(json), chunk);
    QStringList out;
    for (int i = 0; i < 1000; ++i) {
        const Token token = reader.next();
        switch (token) {
        case Token::BeginObject:
            out << u"{"_s;
            break;
        case Token::EndObject:
            out << u"}"_s;
            break;
        case Token::BeginArray:
            out << u"["_s;
            break;
        case Token::EndArray:
            out << u"]"_s;
            break;
        case Token::Key:
            out << u"k:"_s + QString::fromStdString(reader.text());
            break;
        case Token::String:
            out << u"s:"_s + QString::fromStdString(reader.text());
            break;
        case Token::Number:
            out << u"n:"_s + QString::fromStdString(reader.text());
            break;
        case Token::True:
            out << u"t"_s;
            break;
        case Token::False:
            out << u"f"_s;
            break;
        case Token::Null:
            out << u"null"_s;
            break;
        case Token::EndOfInput:
            out << u"$"_s;
            return out.join(u' ');
        case Token::Error:
            out << u"ERR"_s;
            if (error) {
                *error = reader.errorString();
            }
            return out.join(u' ');
        }
    }
    return out.join(u' ');
}

} // namespace

class JsonReaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("error");

        QTest::newRow("empty object") << QByteArray("{}") << u"{ } $"_s << QString();
        QTest::newRow("nested") << QByteArray(R"( {"a": [1, -2.5e3, true, false, null], "b": {}} )") << u"{ k:a [ n:1 n:-2.5e3 t f null ] k:b { } } $"_s
                                << QString();
        QTest::newRow("escapes") << QByteArray("[\"a\\\"b\\\\c\\/d\\n\\t\", \"\\u00e9\\u4e2d\", \"\\ud83d\\ude00\", \"\\ud800x\"]")
                                 << u"[ s:a\"b\\c/d\n\t s:é中 s:😀 s:\uFFFDx ] $"_s << QString();
        QTest::newRow("raw utf-8") << QByteArray("[\"na\xc3\xafve\"]") << u"[ s:naïve ] $"_s << QString();
        QTest::newRow("scalar document") << QByteArray(" 42 ") << u"n:42 $"_s << QString();
        QTest::newRow("empty input") << QByteArray("") << u"ERR"_s << u"truncated"_s;
        QTest::newRow("truncated object") << QByteArray(R"({"a": [1, 2)") << u"{ k:a [ n:1 n:2 ERR"_s << u"truncated"_s;
        QTest::newRow("truncated string") << QByteArray("{\"a\": \"abc") << u"{ k:a ERR"_s << u"unterminated"_s;
        QTest::newRow("truncated literal") << QByteArray("[tru") << u"[ ERR"_s << u"expected 'true'"_s;
        QTest::newRow("missing comma") << QByteArray(R"({"a": 1 "b": 2})") << u"{ k:a n:1 ERR"_s << u"expected ',' or '}'"_s;
        QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << u"{ ERR"_s << u"expected ':'"_s;
        QTest::newRow("trailing comma") << QByteArray("[1,]") << u"[ n:1 ERR"_s << u"expected a value"_s;
        QTest::newRow("wrong closer") << QByteArray("[1}") << u"[ n:1 ERR"_s << u"expected ',' or ']'"_s;
        QTest::newRow("garbage after") << QByteArray("{} x") << u"{ } ERR"_s << u"after the end"_s;
        QTest::newRow("bare key") << QByteArray("{a: 1}") << u"{ ERR"_s << u"expected a key"_s;
        QTest::newRow("control in string") << QByteArray("[\"a\nb\"]") << u"[ ERR"_s << u"control character"_s;
        QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << u"[ ERR"_s << u"unknown escape"_s;
        QTest::newRow("bad number") << QByteArray("[1e]") << u"[ ERR"_s << u"malformed number"_s;
        QTest::newRow("too deep") << QByteArray(600, '[') << QString() << u"nested more than 512"_s;
    }

    void tokens()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(1 << 20)}) {
            QString message;
            const QString tokens = render(json, chunk, &message);
            if (!expected.isEmpty()) {
                QCOMPARE(tokens, expected);
            }
            if (error.isEmpty()) {
                QVERIFY2(message.isEmpty(), qPrintable(message));
            } else {
                QVERIFY2(message.contains(error), qPrintable(message));
                QVERIFY2(message.contains(u"byte"_s), qPrintable(message));
            }
        }
    }

    void skipValue_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::newRow("object") << QByteArray("{\"skip\": {\"a\": [\"x\\\"}\", {\"b\": null}], \"c\": \"]\"}, \"next\": 1}") << true;
        QTest::newRow("scalar") << QByteArray(R"({"skip": "text", "next": 1})") << true;
        QTest::newRow("truncated inside") << QByteArray(R"({"skip": {"a": ["x")") << false;
        QTest::newRow("malformed inside") << QByteArray(R"({"skip": {"a" "b"}, "next": 1})") << false;
    }

    void skipValue()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        for (const qsizetype chunk : {qsizetype(1), qsizetype(1 << 20)}) {
            JsonReader reader(readFrom(json), chunk);
            QCOMPARE(reader.next(), Token::BeginObject);
            QCOMPARE(reader.next(), Token::Key);
            QCOMPARE(reader.skipValue(reader.next()), ok);
            if (!ok) {
                QVERIFY(!reader.errorString().isEmpty());
                QCOMPARE(reader.next(), Token::Error);
                continue;
            }
            QCOMPARE(reader.next(), Token::Key);
            QCOMPARE(reader.text(), std::string("next"));
            QCOMPARE(reader.next(), Token::Number);
            QCOMPARE(reader.next(), Token::EndObject);
            QCOMPARE(reader.next(), Token::EndOfInput);
        }
    }

    void readError()
    {
        JsonReader reader([](char *, qint64) -> qint64 {
            return -1;
        });
        QCOMPARE(reader.next(), Token::Error);
        QVERIFY2(reader.errorString().contains(u"reading the input failed"_s), qPrintable(reader.errorString()));
    }

    void offsetCountsBytes()
    {
        const QByteArray json(R"({"a": "b"}   )");
        JsonReader reader(readFrom(json), 3);
        while (reader.next() != Token::EndOfInput) { }
        QCOMPARE(reader.offset(), json.size());
    }
};

QTEST_GUILESS_MAIN(JsonReaderTest)
#include "tst_jsonreader.moc"
