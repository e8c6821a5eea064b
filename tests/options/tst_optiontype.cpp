// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Type strings of real NixOS options parsed into type trees, their editors,
// and the validation of new values with the messages a person reads.

#include "editorkind.h"
#include "optiontype.h"
#include "typestrings.h"
#include "valuevalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

const auto portType = u"16 bit unsigned integer; between 0 and 65535 (both inclusive)"_s;

[[nodiscard]] QJsonValue json(const QString &text)
{
    // QJsonDocument parses only arrays and objects at the top level.
    return QJsonDocument::fromJson(QString(u'[' + text + u']').toUtf8()).array().at(0);
}

} // namespace

class OptionTypeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(std::size(TypeStrings::rows) >= 200, "the issue asks for at least 200 real type strings");
    }

    void typeStrings_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QString>("editor");
        for (const TypeStrings::Row &row : TypeStrings::rows) {
            QTest::newRow(row.type) << QString::fromUtf8(row.type) << QString::fromUtf8(row.tree) << QString::fromUtf8(row.editor);
        }
    }

    void typeStrings()
    {
        QFETCH(QString, type);
        QFETCH(QString, tree);
        QFETCH(QString, editor);
        const OptionType parsed = OptionType::parse(type);
        QCOMPARE(parsed.toDebugString(), tree);
        QCOMPARE(EditorInfo::kindName(EditorInfo::forType(parsed).kind), editor);
        // The unknown keeps its raw text; every node keeps the text it came from.
        if (parsed.kind == OptionType::Kind::Other) {
            QCOMPARE(parsed.text, type.trimmed());
        }
    }

    void nodeTextIsTheSourcePhrase()
    {
        const OptionType type = OptionType::parse(u"null or (list of 16 bit unsigned integer; between 0 and 65535 (both inclusive))"_s);
        QCOMPARE(type.kind, OptionType::Kind::Nullable);
        QCOMPARE(type.children.front().text, u"list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)"_s);
        QCOMPARE(type.children.front().children.front().text, portType);
        QCOMPARE(type.children.front().children.front().bits, 16);
    }

    void editorDetails()
    {
        const EditorInfo port = EditorInfo::forType(OptionType::parse(QString(u"null or "_s + portType)));
        QCOMPARE(port.kind, EditorKind::Integer);
        QVERIFY(port.nullable);
        QCOMPARE(port.minimum, std::optional<qint64>(0));
        QCOMPARE(port.maximum, std::optional<qint64>(65535));

        const EditorInfo choice = EditorInfo::forType(OptionType::parse(uR"(one of "yes", "no")"_s));
        QCOMPARE(choice.choices, (QStringList{u"yes"_s, u"no"_s}));
        QVERIFY(!choice.nullable);

        const EditorInfo pattern = EditorInfo::forType(OptionType::parse(u"string matching the pattern [a-z]+"_s));
        QCOMPARE(pattern.pattern, std::optional<QString>(u"[a-z]+"_s));

        const EditorInfo lines = EditorInfo::forType(OptionType::parse(uR"(strings concatenated with "\n")"_s));
        QVERIFY(lines.multiline);

        const EditorInfo unknown = EditorInfo::forType(OptionType::parse(u"nixpkgs config"_s));
        QCOMPARE(unknown.kind, EditorKind::ReadOnly);
        QVERIFY(unknown.readOnlyReason.contains(u"nixpkgs config"_s));
        QVERIFY(EditorInfo::forType(OptionType::parse(u"boolean"_s)).readOnlyReason.isEmpty());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message"); // empty: the value is valid

        QTest::newRow("port ok") << portType << u"22"_s << QString();
        QTest::newRow("port 0") << portType << u"0"_s << QString();
        QTest::newRow("port 65535") << portType << u"65535"_s << QString();
        QTest::newRow("port too large") << portType << u"70000"_s << u"70000 is not a valid port number: it must be between 0 and 65535."_s;
        QTest::newRow("port negative") << portType << u"-1"_s << u"-1 is not a valid port number: it must be between 0 and 65535."_s;
        QTest::newRow("port text") << portType << uR"("ssh")"_s << uR"(Expected a whole number, but got text ("ssh").)"_s;
        QTest::newRow("port fraction") << portType << u"22.5"_s << u"Expected a whole number, but got a number (22.5)."_s;
        QTest::newRow("between") << u"integer between 1 and 10 (both inclusive)"_s << u"11"_s << u"11 is not in range: it must be between 1 and 10."_s;
        QTest::newRow("positive") << u"positive integer, meaning >0"_s << u"0"_s << u"0 is too small: it must be at least 1."_s;
        QTest::newRow("unsigned ok") << u"unsigned integer, meaning >=0"_s << u"0"_s << QString();
        QTest::newRow("u8") << u"8 bit unsigned integer; between 0 and 255 (both inclusive)"_s << u"256"_s
                            << u"256 is not in range: it must be between 0 and 255."_s;
        QTest::newRow("enum ok") << uR"(one of "yes", "no")"_s << uR"("no")"_s << QString();
        QTest::newRow("enum not in") << uR"(one of "yes", "without-password", "no")"_s << uR"("maybe")"_s
                                     << uR"("maybe" is not one of the allowed values: "yes", "without-password", "no".)"_s;
        QTest::newRow("enum singular") << uR"(value "auto" (singular enum))"_s << uR"("manual")"_s
                                       << uR"("manual" is not allowed: the only allowed value is "auto".)"_s;
        QTest::newRow("enum ints") << u"one of 1, 2, 3"_s << u"2"_s << QString();
        QTest::newRow("enum int is not its string") << u"one of 1, 2, 3"_s << uR"("2")"_s << uR"("2" is not one of the allowed values: 1, 2, 3.)"_s;
        QTest::newRow("pattern ok") << u"string matching the pattern [a-z][a-z0-9-]*"_s << uR"("web-1")"_s << QString();
        QTest::newRow("pattern whole string") << u"string matching the pattern [a-z]+"_s << uR"("abc1")"_s
                                              << uR"("abc1" does not have the required form: it must match the pattern [a-z]+.)"_s;
        QTest::newRow("hostname pattern")
            << u"string matching the pattern ^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$"_s << uR"("my host")"_s
            << uR"("my host" does not have the required form: it must match the pattern ^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$.)"_s;
        QTest::newRow("hostname ok") << u"string matching the pattern ^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$"_s << uR"("nixos-box")"_s << QString();
        QTest::newRow("non-empty") << u"non-empty string"_s << uR"("  ")"_s << u"This value must not be empty."_s;
        QTest::newRow("single line") << u"(optionally newline-terminated) single-line string"_s << uR"("a\nb")"_s << u"This value must be a single line."_s;
        QTest::newRow("single line newline") << u"(optionally newline-terminated) single-line string"_s << uR"("ab\n")"_s << QString();
        QTest::newRow("passwd entry") << u"string, not containing newlines or colons"_s << uR"("a:b")"_s << u"This value must not contain colons."_s;
        QTest::newRow("bool") << u"boolean"_s << u"true"_s << QString();
        QTest::newRow("bool text") << u"boolean"_s << uR"("yes")"_s << uR"(Expected true or false, but got text ("yes").)"_s;
        QTest::newRow("path") << u"path"_s << uR"("etc/foo")"_s << uR"("etc/foo" is not an absolute path: it must start with /.)"_s;
        QTest::newRow("store path") << u"path in the Nix store"_s << uR"("/etc/foo")"_s
                                    << uR"("/etc/foo" is not a path in the Nix store: it must start with /nix/store/.)"_s;
        QTest::newRow("null ok") << u"null or string"_s << u"null"_s << QString();
        QTest::newRow("null or port") << u"null or "_s + portType << u"99999"_s << u"99999 is not a valid port number: it must be between 0 and 65535."_s;
        QTest::newRow("list of ports") << u"list of "_s + portType << u"[22, 80, 70000]"_s
                                       << u"Item 3: 70000 is not a valid port number: it must be between 0 and 65535."_s;
        QTest::newRow("list not list") << u"list of string"_s << uR"("a")"_s << uR"(Expected a list, but got text ("a").)"_s;
        QTest::newRow("non-empty list") << u"non-empty (list of string)"_s << u"[]"_s << u"The list must not be empty."_s;
        QTest::newRow("attrs of") << u"attribute set of boolean"_s << uR"({"a": true, "b": "no"})"_s
                                  << uR"(In "b": Expected true or false, but got text ("no").)"_s;
        QTest::newRow("either ok") << u"string or signed integer"_s << u"3"_s << QString();
        QTest::newRow("either bad") << u"string or signed integer"_s << u"true"_s << uR"(true does not fit the type "string or signed integer".)"_s;
        QTest::newRow("number range") << u"integer or floating point number between 0 and 1 (both inclusive)"_s << u"1.5"_s
                                      << u"1.5 is not in range: it must be between 0 and 1."_s;
        QTest::newRow("number positive") << u"positive integer or floating point number, meaning >0"_s << u"0"_s
                                         << u"0 is too small: it must be greater than 0."_s;
        QTest::newRow("float") << u"floating point number"_s << u"0.25"_s << QString();
        QTest::newRow("function") << u"function that evaluates to a(n) string"_s << u"\"x\""_s << u"A function can only be written as a Nix expression."_s;
        QTest::newRow("unknown accepts") << u"nixpkgs config"_s << uR"({"allowUnfree": true})"_s << QString();
        QTest::newRow("submodule") << u"submodule"_s << u"3"_s << u"Expected an attribute set, but got a number (3)."_s;
    }

    void validation()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const QJsonValue parsedValue = json(value);
        QVERIFY2(!parsedValue.isUndefined(), qPrintable(value));
        const Validation result = validateValue(OptionType::parse(type), parsedValue);
        QCOMPARE(result.ok, message.isEmpty());
        QCOMPARE(result.message, message);
    }
};

QTEST_GUILESS_MAIN(OptionTypeTest)
#include "tst_optiontype.moc"
