// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every validator of the helper against hostile input. Each row says what
// goes in and whether it must be accepted; rejected rows also name a word the
// refusal must contain, so a guard that rejects everything fails too.

#include "helperprotocol.h"
#include "validation.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

class ValidationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relativeName_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");

        QTest::newRow("plain") << QVariant(u"configuration.nix"_s) << true << QString();
        QTest::newRow("nested") << QVariant(u"hosts/laptop/default.nix"_s) << true << QString();
        QTest::newRow("dotted name") << QVariant(u"hardware-configuration.v2.nix"_s) << true << QString();
        QTest::newRow("unicode") << QVariant(u"módulos/rede.nix"_s) << true << QString();
        QTest::newRow("traversal") << QVariant(u"../etc/shadow.nix"_s) << false << u".."_s;
        QTest::newRow("traversal inside") << QVariant(u"hosts/../../x.nix"_s) << false << u".."_s;
        QTest::newRow("trailing dotdot") << QVariant(u"hosts/.."_s) << false << u".."_s;
        QTest::newRow("dot") << QVariant(u"./configuration.nix"_s) << false << u"'.'"_s;
        QTest::newRow("absolute") << QVariant(u"/etc/shadow"_s) << false << u"absolute"_s;
        QTest::newRow("absolute nix") << QVariant(u"/etc/nixos/configuration.nix"_s) << false << u"absolute"_s;
        QTest::newRow("double slash") << QVariant(u"hosts//a.nix"_s) << false << u"empty component"_s;
        QTest::newRow("trailing slash") << QVariant(u"hosts/"_s) << false << u"empty component"_s;
        QTest::newRow("empty") << QVariant(QString()) << false << u"empty"_s;
        QTest::newRow("nul") << QVariant(u"a.nix"_s + QChar(0) + u"/../../etc/shadow"_s) << false << u"NUL"_s;
        QTest::newRow("newline") << QVariant(u"a\nb.nix"_s) << false << u"control"_s;
        QTest::newRow("git dir") << QVariant(u".git/hooks/pre-commit.nix"_s) << false << u"git"_s;
        QTest::newRow("git dir any case") << QVariant(u"sub/.GIT/config.nix"_s) << false << u"git"_s;
        QTest::newRow("not nix") << QVariant(u"flake.lock"_s) << false << u".nix"_s;
        QTest::newRow("only extension") << QVariant(u".nix"_s) << false << u".nix"_s;
        QTest::newRow("too deep") << QVariant(u"a/"_s.repeated(20) + u"x.nix"_s) << false << u"levels"_s;
        QTest::newRow("long component") << QVariant(QString(300, QLatin1Char('a')) + u".nix"_s) << false << u"longer"_s;
        QTest::newRow("too long") << QVariant(u"abcdefgh/"_s.repeated(15) + QString(900, QLatin1Char('b')) + u".nix"_s) << false << u"longer"_s;
        QTest::newRow("byte array") << QVariant(QByteArray("configuration.nix")) << false << u"expected a string"_s;
        QTest::newRow("int") << QVariant(42) << false << u"expected a string"_s;
        QTest::newRow("list") << QVariant(QStringList{u"a.nix"_s}) << false << u"expected a string"_s;
        QTest::newRow("invalid") << QVariant() << false << u"expected a string"_s;
    }
    void relativeName()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        const auto result = validateRelativeName(input);
        QCOMPARE(result.isOk(), accepted);
        if (accepted) {
            QCOMPARE(result.value().text, input.toString());
            QCOMPARE(result.value().components, input.toString().split(QLatin1Char('/')));
        } else {
            QVERIFY2(result.error().contains(reason), qPrintable(result.error()));
        }
    }

    // Paths a full restoreconfig takes from a commit's tree: any file type, the same confinement.
    void trackedPath_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");
        QTest::newRow("nix") << u"configuration.nix"_s << true << QString();
        QTest::newRow("lock") << u"flake.lock"_s << true << QString();
        QTest::newRow("gitignore") << u".gitignore"_s << true << QString();
        QTest::newRow("nested other") << u"keys/host.pub"_s << true << QString();
        QTest::newRow("traversal") << u"../etc/shadow"_s << false << u".."_s;
        QTest::newRow("inner traversal") << u"a/../../b"_s << false << u".."_s;
        QTest::newRow("absolute") << u"/etc/shadow"_s << false << u"absolute"_s;
        QTest::newRow("git dir") << u".git/config"_s << false << u"git"_s;
        QTest::newRow("git dir any case") << u"a/.Git/hooks/post-checkout"_s << false << u"git"_s;
        QTest::newRow("dot") << u"./x"_s << false << u"'.'"_s;
        QTest::newRow("empty component") << u"a//b"_s << false << u"empty component"_s;
        QTest::newRow("empty") << QString() << false << u"empty"_s;
        QTest::newRow("newline") << u"a\nb"_s << false << u"control"_s;
        QTest::newRow("nul") << u"a"_s + QChar(0) + u"b"_s << false << u"NUL"_s;
        QTest::newRow("too deep") << u"a/"_s.repeated(20) + u"x"_s << false << u"levels"_s;
    }
    void trackedPath()
    {
        QFETCH(QString, input);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        const auto result = validateTrackedPath(input);
        QCOMPARE(result.isOk(), accepted);
        if (accepted) {
            QCOMPARE(result.value().components, input.split(QLatin1Char('/')));
        } else {
            QVERIFY2(result.error().contains(reason), qPrintable(result.error()));
        }
    }

    void content_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");
        QTest::newRow("small") << QVariant(u"{ }\n"_s) << true << QString();
        QTest::newRow("empty") << QVariant(QString()) << true << QString();
        QTest::newRow("exactly 4 MiB") << QVariant(QString(4 * 1024 * 1024, QLatin1Char('#'))) << true << QString();
        QTest::newRow("4 MiB + 1") << QVariant(QString(4 * 1024 * 1024 + 1, QLatin1Char('#'))) << false << u"larger"_s;
        // 1.5 M three-byte characters: small in UTF-16, 4.5 MiB in UTF-8.
        QTest::newRow("multibyte over") << QVariant(QString(1536 * 1024, QChar(0x20AC))) << false << u"larger"_s;
        QTest::newRow("huge") << QVariant(QString(64 * 1024 * 1024, QLatin1Char('x'))) << false << u"larger"_s;
        QTest::newRow("nul") << QVariant(u"{ a = 1; }"_s + QChar(0)) << false << u"NUL"_s;
        QTest::newRow("bytes") << QVariant(QByteArray("{ }")) << false << u"expected a string"_s;
        QTest::newRow("map") << QVariant(QVariantMap{{u"a"_s, 1}}) << false << u"expected a string"_s;
        QTest::newRow("double") << QVariant(1.5) << false << u"expected a string"_s;
    }
    void content()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        const auto result = validateContent(input);
        QCOMPARE(result.isOk(), accepted);
        if (accepted) {
            QCOMPARE(result.value(), input.toString().toUtf8());
        } else {
            QVERIFY2(result.error().contains(reason), qPrintable(result.error()));
        }
    }

    void mode_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<bool>("acceptedForGeneration");
        for (const char *mode : {"switch", "boot"}) {
            QTest::newRow(mode) << QVariant(QString::fromLatin1(mode)) << true << true;
        }
        for (const char *mode : {"test", "build", "dry-build", "dry-activate"}) {
            QTest::newRow(mode) << QVariant(QString::fromLatin1(mode)) << true << false;
        }
        QTest::newRow("unknown") << QVariant(u"rollback"_s) << false << false;
        QTest::newRow("upper case") << QVariant(u"SWITCH"_s) << false << false;
        QTest::newRow("option injection") << QVariant(u"--install-bootloader"_s) << false << false;
        QTest::newRow("with space") << QVariant(u"switch "_s) << false << false;
        QTest::newRow("shell") << QVariant(u"switch; rm -rf /"_s) << false << false;
        QTest::newRow("int") << QVariant(0) << false << false;
        QTest::newRow("bytes") << QVariant(QByteArray("switch")) << false << false;
        QTest::newRow("missing") << QVariant() << false << false;
    }
    void mode()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QFETCH(bool, acceptedForGeneration);
        const auto result = validateRebuildMode(input);
        QCOMPARE(result.isOk(), accepted);
        if (accepted) {
            QCOMPARE(modeName(result.value()), input.toString());
        }
        QCOMPARE(validateGenerationMode(input).isOk(), acceptedForGeneration);
    }

    void host_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("simple") << QVariant(u"laptop"_s) << true;
        QTest::newRow("dotted") << QVariant(u"web-01.example_lan"_s) << true;
        QTest::newRow("semicolon") << QVariant(u"laptop;reboot"_s) << false;
        QTest::newRow("substitution") << QVariant(u"$(id)"_s) << false;
        QTest::newRow("backtick") << QVariant(u"`id`"_s) << false;
        QTest::newRow("pipe") << QVariant(u"a|b"_s) << false;
        QTest::newRow("ampersand") << QVariant(u"a&&b"_s) << false;
        QTest::newRow("quote") << QVariant(u"a\"b"_s) << false;
        QTest::newRow("hash") << QVariant(u"a#b"_s) << false;
        QTest::newRow("space") << QVariant(u"a b"_s) << false;
        QTest::newRow("newline") << QVariant(u"a\nb"_s) << false;
        QTest::newRow("trailing newline") << QVariant(u"laptop\n"_s) << false;
        QTest::newRow("slash") << QVariant(u"../x"_s) << false;
        QTest::newRow("dotdot") << QVariant(u".."_s) << false;
        QTest::newRow("option") << QVariant(u"--impure"_s) << false;
        QTest::newRow("empty") << QVariant(QString()) << false;
        QTest::newRow("too long") << QVariant(QString(254, QLatin1Char('a'))) << false;
        QTest::newRow("int") << QVariant(7) << false;
    }
    void host()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QCOMPARE(validateHost(input).isOk(), accepted);
    }

    void flakeInputName_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("nixpkgs") << QVariant(u"nixpkgs"_s) << true;
        QTest::newRow("dashed") << QVariant(u"home-manager"_s) << true;
        QTest::newRow("underscore first") << QVariant(u"_private"_s) << true;
        QTest::newRow("digits") << QVariant(u"nixpkgs_24_11"_s) << true;
        QTest::newRow("100 characters") << QVariant(QString(100, QLatin1Char('a'))) << true;
        QTest::newRow("101 characters") << QVariant(QString(101, QLatin1Char('a'))) << false;
        QTest::newRow("very long") << QVariant(QString(1024 * 1024, QLatin1Char('a'))) << false;
        QTest::newRow("empty") << QVariant(QString()) << false;
        QTest::newRow("dotdot") << QVariant(u".."_s) << false;
        QTest::newRow("dot") << QVariant(u"."_s) << false;
        QTest::newRow("slash") << QVariant(u"/"_s) << false;
        QTest::newRow("follows path") << QVariant(u"home-manager/nixpkgs"_s) << false;
        QTest::newRow("absolute") << QVariant(u"/etc/nixos"_s) << false;
        QTest::newRow("space") << QVariant(u"nix pkgs"_s) << false;
        QTest::newRow("two words") << QVariant(u"nixpkgs --impure"_s) << false;
        QTest::newRow("option") << QVariant(u"--flag"_s) << false;
        QTest::newRow("short option") << QVariant(u"-v"_s) << false;
        QTest::newRow("digit first") << QVariant(u"2nixpkgs"_s) << false;
        QTest::newRow("apostrophe") << QVariant(u"nixpkgs'"_s) << false;
        QTest::newRow("unicode") << QVariant(u"nixpkgs\u00e9"_s) << false;
        QTest::newRow("unicode letter only") << QVariant(u"\u00e9"_s) << false;
        QTest::newRow("nul") << QVariant(u"nixpkgs"_s + QChar(0) + u"x"_s) << false;
        QTest::newRow("newline") << QVariant(u"nixpkgs\n"_s) << false;
        QTest::newRow("url") << QVariant(u"github:NixOS/nixpkgs"_s) << false;
        QTest::newRow("substitution") << QVariant(u"$(id)"_s) << false;
        QTest::newRow("bytes") << QVariant(QByteArray("nixpkgs")) << false;
        QTest::newRow("list") << QVariant(QStringList{u"nixpkgs"_s}) << false;
        QTest::newRow("int") << QVariant(1) << false;
        QTest::newRow("missing") << QVariant() << false;
    }
    void flakeInputName()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        const auto checked = validateFlakeInputName(input);
        QCOMPARE(checked.isOk(), accepted);
        if (accepted) {
            QCOMPARE(checked.value(), input.toString());
        }
    }

    void updateSourcesRequest()
    {
        const auto all = parseUpdateSources({});
        QVERIFY(all.isOk());
        QVERIFY(all.value().input.isEmpty());
        QCOMPARE(parseUpdateSources({{u"input"_s, u"nixpkgs"_s}}).value().input, u"nixpkgs"_s);
        QVERIFY(parseUpdateSources({{u"request"_s, u"{abc-1}"_s}, {u"input"_s, u"nixpkgs"_s}}).isOk());
        // Refused: an unknown argument (rollback is an action of its own now), the wrong types, a hostile input.
        QVERIFY(!parseUpdateSources({{u"inputs"_s, u"nixpkgs"_s}}).isOk());
        QVERIFY(!parseUpdateSources({{u"rollback"_s, true}}).isOk());
        QVERIFY(!parseUpdateSources({{u"input"_s, u"--override-input"_s}}).isOk());
        QVERIFY(!parseUpdateSources({{u"input"_s, QString()}}).isOk());
        QVERIFY(!parseUpdateSources({{u"request"_s, u"a b"_s}}).isOk());
    }

    void rollBackChannelsRequest_data()
    {
        QTest::addColumn<QVariantMap>("arguments");
        QTest::addColumn<int>("from"); // 0: refused
        QTest::addColumn<int>("to");
        const auto map = [](const QVariant &from, const QVariant &to) {
            QVariantMap m;
            if (from.isValid()) {
                m.insert(u"from"_s, from);
            }
            if (to.isValid()) {
                m.insert(u"to"_s, to);
            }
            return m;
        };
        QTest::newRow("one back") << map(2, 1) << 2 << 1;
        QTest::newRow("several back") << map(7, 3) << 7 << 3;
        QTest::newRow("long long") << map(qlonglong(5), qlonglong(4)) << 5 << 4;
        QTest::newRow("same") << map(2, 2) << 0 << 0;
        QTest::newRow("forwards") << map(1, 2) << 0 << 0;
        QTest::newRow("to zero") << map(1, 0) << 0 << 0;
        QTest::newRow("negative") << map(2, -1) << 0 << 0;
        QTest::newRow("missing to") << map(2, QVariant()) << 0 << 0;
        QTest::newRow("missing from") << map(QVariant(), 1) << 0 << 0;
        QTest::newRow("string") << map(u"2"_s, 1) << 0 << 0;
        QTest::newRow("double") << map(2.0, 1) << 0 << 0;
        QTest::newRow("bool") << map(true, 1) << 0 << 0;
        QTest::newRow("too large") << map(qlonglong(1) << 40, 1) << 0 << 0;
        QVariantMap extra = map(2, 1);
        extra.insert(u"profile"_s, u"/tmp/p"_s);
        QTest::newRow("unknown key") << extra << 0 << 0;
        QVariantMap request = map(2, 1);
        request.insert(u"request"_s, u"{abc-1}"_s);
        QTest::newRow("request id") << request << 2 << 1;
    }
    void rollBackChannelsRequest()
    {
        QFETCH(QVariantMap, arguments);
        QFETCH(int, from);
        QFETCH(int, to);
        const auto parsed = parseRollBackChannels(arguments);
        QCOMPARE(parsed.isOk(), from != 0);
        if (parsed) {
            QCOMPARE(parsed.value().from, from);
            QCOMPARE(parsed.value().to, to);
        }
    }

    void restoreConfigFiles_data()
    {
        QTest::addColumn<QVariant>("files");
        QTest::addColumn<QStringList>("expected"); // empty: refused
        QTest::newRow("flake.lock") << QVariant(QStringList{u"flake.lock"_s}) << QStringList{u"flake.lock"_s};
        QTest::newRow("two") << QVariant(QStringList{u"flake.lock"_s, u"hosts/a.nix"_s}) << QStringList{u"flake.lock"_s, u"hosts/a.nix"_s};
        QTest::newRow("variant list") << QVariant(QVariantList{u"flake.lock"_s}) << QStringList{u"flake.lock"_s};
        QTest::newRow("empty list") << QVariant(QStringList()) << QStringList();
        QTest::newRow("parent") << QVariant(QStringList{u"../etc/passwd"_s}) << QStringList();
        QTest::newRow("absolute") << QVariant(QStringList{u"/etc/passwd"_s}) << QStringList();
        QTest::newRow("git dir") << QVariant(QStringList{u".git/config"_s}) << QStringList();
        QTest::newRow("other file") << QVariant(QStringList{u"secrets.txt"_s}) << QStringList();
        QTest::newRow("lock in git dir") << QVariant(QStringList{u".git/flake.lock"_s}) << QStringList();
        QTest::newRow("lock-like") << QVariant(QStringList{u"xflake.lock"_s}) << QStringList();
        QTest::newRow("twice") << QVariant(QStringList{u"flake.lock"_s, u"flake.lock"_s}) << QStringList();
        QTest::newRow("not a list") << QVariant(u"flake.lock"_s) << QStringList();
        QTest::newRow("list with a number") << QVariant(QVariantList{u"flake.lock"_s, 3}) << QStringList();
        QStringList many;
        for (int i = 0; i <= MaxFilesPerRestore; ++i) {
            many.append(u"f%1.nix"_s.arg(i));
        }
        QTest::newRow("too many") << QVariant(many) << QStringList();
    }
    void restoreConfigFiles()
    {
        QFETCH(QVariant, files);
        QFETCH(QStringList, expected);
        const auto parsed = parseRestoreConfig({{u"commit"_s, QString(40, QLatin1Char('a'))}, {u"files"_s, files}});
        QCOMPARE(parsed.isOk(), !expected.isEmpty());
        if (parsed) {
            QStringList names;
            for (const RelativeName &name : parsed.value().files) {
                names.append(name.text);
            }
            QCOMPARE(names, expected);
        }
    }

    void generation_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("one") << QVariant(1) << true;
        QTest::newRow("large") << QVariant(2147483647) << true;
        QTest::newRow("unsigned") << QVariant(42u) << true;
        QTest::newRow("long long") << QVariant(qlonglong(42)) << true;
        QTest::newRow("zero") << QVariant(0) << false;
        QTest::newRow("negative") << QVariant(-3) << false;
        QTest::newRow("too large") << QVariant(qlonglong(1) << 40) << false;
        QTest::newRow("unsigned too large") << QVariant(qulonglong(-1)) << false;
        QTest::newRow("string") << QVariant(u"42"_s) << false;
        QTest::newRow("double") << QVariant(42.0) << false;
        QTest::newRow("bool") << QVariant(true) << false;
        QTest::newRow("missing") << QVariant() << false;
    }
    void generation()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        const auto result = validateGeneration(input);
        QCOMPARE(result.isOk(), accepted);
        if (accepted) {
            QCOMPARE(qlonglong(result.value()), input.toLongLong());
        } else {
            QVERIFY(result.error().startsWith("generation"_L1));
        }
    }

    void commit_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("sha1") << QVariant(u"0123456789abcdef0123456789abcdef01234567"_s) << true;
        QTest::newRow("sha256") << QVariant(QString(64, QLatin1Char('a'))) << true;
        QTest::newRow("short") << QVariant(u"0123456"_s) << false;
        QTest::newRow("upper") << QVariant(u"0123456789ABCDEF0123456789abcdef01234567"_s) << false;
        QTest::newRow("ref") << QVariant(u"HEAD~1"_s) << false;
        QTest::newRow("option") << QVariant(u"--orphan"_s) << false;
        QTest::newRow("newline") << QVariant(u"0123456789abcdef0123456789abcdef01234567\n"_s) << false;
        QTest::newRow("int") << QVariant(5) << false;
    }
    void commit()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QCOMPARE(validateCommitId(input).isOk(), accepted);
    }

    void message_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << QVariant(u"Enable OpenSSH"_s) << true;
        QTest::newRow("multi-line") << QVariant(u"Enable OpenSSH\n\nPort 22\tonly"_s) << true;
        QTest::newRow("4096") << QVariant(QString(4096, QLatin1Char('m'))) << true;
        QTest::newRow("4097") << QVariant(QString(4097, QLatin1Char('m'))) << false;
        QTest::newRow("escape") << QVariant(u"\x1b[2J"_s) << false;
        QTest::newRow("nul") << QVariant(u"a"_s + QChar(0)) << false;
        QTest::newRow("blank") << QVariant(u"  \n"_s) << false;
        QTest::newRow("list") << QVariant(QStringList{u"a"_s}) << false;
    }
    void message()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QCOMPARE(validateCommitMessage(input).isOk(), accepted);
    }

    void integerTypes_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("int") << QVariant(5) << true;
        QTest::newRow("short") << QVariant::fromValue<short>(5) << true;
        QTest::newRow("ushort") << QVariant::fromValue<ushort>(5) << true;
        QTest::newRow("string") << QVariant(u"5"_s) << false;
        QTest::newRow("char") << QVariant::fromValue(QChar(u'5')) << false;
        QTest::newRow("float") << QVariant(5.0f) << false;
        QTest::newRow("datetime") << QVariant(QDateTime::currentDateTime()) << false;
        QTest::newRow("list of int") << QVariant(QVariantList{5}) << false;
    }
    void integerTypes()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QCOMPARE(validateInteger(input, 1, 10).isOk(), accepted);
    }

    void stringList_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("string list") << QVariant(QStringList{u"a"_s, u"b"_s}) << true;
        QTest::newRow("variant list of strings") << QVariant(QVariantList{u"a"_s}) << true;
        QTest::newRow("variant list with int") << QVariant(QVariantList{u"a"_s, 3}) << false;
        QTest::newRow("nested list") << QVariant(QVariantList{QVariant(QVariantList{u"a"_s})}) << false;
        QTest::newRow("map") << QVariant(QVariantMap{{u"a"_s, u"b"_s}}) << false;
        QTest::newRow("string") << QVariant(u"a"_s) << false;
        QTest::newRow("too many") << QVariant(QStringList(65, u"a"_s)) << false;
    }
    void stringList()
    {
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QCOMPARE(validateStringList(input, 64).isOk(), accepted);
    }

    void writeConfigRequest_data()
    {
        QTest::addColumn<QVariantMap>("arguments");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");
        const QString names = QLatin1String(Snowpane::Protocol::Key::Names), contents = QLatin1String(Snowpane::Protocol::Key::Contents);
        const QStringList one{u"configuration.nix"_s};
        const QStringList body{u"{ }\n"_s};
        QTest::newRow("minimal") << QVariantMap{{names, one}, {contents, body}} << true << QString();
        QTest::newRow("with message and id") << QVariantMap{{names, one},
                                                            {contents, body},
                                                            {QLatin1String(Snowpane::Protocol::Key::Message), u"Edit"_s},
                                                            {QLatin1String(Snowpane::Protocol::Key::Request), u"abc-1"_s}}
                                             << true << QString();
        QTest::newRow("unknown key") << QVariantMap{{names, one}, {contents, body}, {u"directory"_s, u"/etc"_s}} << false << u"unknown argument"_s;
        QTest::newRow("missing contents") << QVariantMap{{names, one}} << false << u"required"_s;
        QTest::newRow("no files") << QVariantMap{{names, QStringList()}, {contents, QStringList()}} << false << u"no file"_s;
        QTest::newRow("count mismatch") << QVariantMap{{names, one}, {contents, QStringList{u"a"_s, u"b"_s}}} << false << u"contents"_s;
        QTest::newRow("duplicate") << QVariantMap{{names, QStringList{u"a.nix"_s, u"a.nix"_s}}, {contents, QStringList{u"{}"_s, u"{}"_s}}} << false
                                   << u"twice"_s;
        QTest::newRow("traversal") << QVariantMap{{names, QStringList{u"../../etc/cron.d/x.nix"_s}}, {contents, body}} << false << u".."_s;
        QTest::newRow("names as string") << QVariantMap{{names, u"configuration.nix"_s}, {contents, body}} << false << u"expected a list"_s;
        QTest::newRow("contents as map") << QVariantMap{{names, one}, {contents, QVariantMap{{u"configuration.nix"_s, u"{}"_s}}}} << false
                                         << u"expected a list"_s;
        QTest::newRow("content as bytes") << QVariantMap{{names, one}, {contents, QVariantList{QByteArray("{}")}}} << false << u"expected a string"_s;
        QTest::newRow("bad request id") << QVariantMap{{names, one}, {contents, body}, {QLatin1String(Snowpane::Protocol::Key::Request), u"a b"_s}} << false
                                        << u"request id"_s;
        QTest::newRow("message as int") << QVariantMap{{names, one}, {contents, body}, {QLatin1String(Snowpane::Protocol::Key::Message), 3}} << false
                                        << u"message"_s;
    }
    void writeConfigRequest()
    {
        QFETCH(QVariantMap, arguments);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        const auto result = parseWriteConfig(arguments);
        QCOMPARE(result.isOk(), accepted);
        if (!accepted) {
            QVERIFY2(result.error().contains(reason), qPrintable(result.error()));
        } else {
            QCOMPARE(result.value().names.size(), result.value().contents.size());
            QVERIFY(!result.value().message.isEmpty());
        }
    }

    void otherRequests()
    {
        QVERIFY(parseRebuild({{u"mode"_s, u"switch"_s}}).isOk());
        QVERIFY(parseRebuild({{u"mode"_s, u"test"_s}, {u"host"_s, u"laptop"_s}}).isOk());
        QVERIFY(!parseRebuild({}).isOk());
        QVERIFY(!parseRebuild({{u"mode"_s, u"switch"_s}, {u"host"_s, u"a;b"_s}}).isOk());
        QVERIFY(!parseRebuild({{u"mode"_s, u"switch"_s}, {u"program"_s, u"/bin/sh"_s}}).isOk());
        QVERIFY(!parseRebuild({{u"mode"_s, u"switch"_s}, {u"profile"_s, u"/tmp/p"_s}}).isOk());

        QVERIFY(parseSwitchGeneration({{u"generation"_s, 3}, {u"mode"_s, u"boot"_s}}).isOk());
        QCOMPARE(parseSwitchGeneration({{u"generation"_s, 3}}).value().mode, RebuildMode::Switch);
        QVERIFY(!parseSwitchGeneration({{u"mode"_s, u"switch"_s}}).isOk()); // missing generation
        QVERIFY(!parseSwitchGeneration({{u"generation"_s, -1}}).isOk());
        QVERIFY(!parseSwitchGeneration({{u"generation"_s, 3}, {u"mode"_s, u"test"_s}}).isOk());

        QVERIFY(parseInitRepo({}).isOk());
        QVERIFY(!parseInitRepo({{u"directory"_s, u"/"_s}}).isOk());

        QVERIFY(parseRestoreConfig({{u"commit"_s, QString(40, QLatin1Char('0'))}}).isOk());
        QVERIFY(parseRestoreConfig({{u"commit"_s, QString(40, QLatin1Char('0'))}}).value().files.empty());
        QVERIFY(!parseRestoreConfig({}).isOk());
        QVERIFY(!parseRestoreConfig({{u"commit"_s, u"HEAD"_s}}).isOk());
    }

    // deletegenerations takes the rule and the exact numbers the window listed; everything else is refused before the helper looks at a profile.
    void deleteGenerationsRequest_data()
    {
        using Rule = Snowpane::System::CleanupRule;
        QTest::addColumn<QVariantMap>("arguments");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("rule");
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<int>>("generations");
        const QString keep = u"keepLast"_s, older = u"olderThanDays"_s, numbers = u"generations"_s;
        const auto list = [](std::initializer_list<QVariant> items) {
            return QVariant(QVariantList(items));
        };
        QTest::newRow("keep 3, two listed") << QVariantMap{{keep, 3}, {numbers, list({4, 1})}} << true << int(Rule::KeepLast) << 3 << QList<int>{1, 4};
        QTest::newRow("older than 30, one listed") << QVariantMap{{older, 30}, {numbers, list({7})}} << true << int(Rule::OlderThanDays) << 30 << QList<int>{7};
        QTest::newRow("with a request id") << QVariantMap{{older, 30}, {numbers, list({7})}, {u"request"_s, u"abc-1"_s}} << true << int(Rule::OlderThanDays)
                                           << 30 << QList<int>{7};
        QTest::newRow("unsigned numbers") << QVariantMap{{keep, 3u}, {numbers, list({QVariant(2u), QVariant(qulonglong(5))})}} << true << int(Rule::KeepLast)
                                          << 3 << QList<int>{2, 5};
        const auto refused = [](const char *name, const QVariantMap &arguments) {
            QTest::newRow(name) << arguments << false << 0 << 0 << QList<int>{};
        };
        refused("nothing", {});
        refused("rule without generations (the old contract)", {{keep, 3}});
        refused("generations without a rule", {{numbers, list({1})}});
        refused("both rules", {{keep, 3}, {older, 30}, {numbers, list({1})}});
        refused("keep 0", {{keep, 0}, {numbers, list({1})}});
        refused("keep as text", {{keep, u"3"_s}, {numbers, list({1})}});
        refused("days too many", {{older, 36501}, {numbers, list({1})}});
        refused("days negative", {{older, -1}, {numbers, list({1})}});
        refused("empty list", {{keep, 3}, {numbers, list({})}});
        refused("not a list", {{keep, 3}, {numbers, 1}});
        refused("a string list", {{keep, 3}, {numbers, QStringList{u"1"_s}}});
        refused("a number as text", {{keep, 3}, {numbers, list({u"1"_s})}});
        refused("a range as text", {{keep, 3}, {numbers, list({u"1..5"_s})}});
        refused("an option", {{keep, 3}, {numbers, list({u"--delete-generations"_s})}});
        refused("old", {{keep, 3}, {numbers, list({u"old"_s})}});
        refused("a double", {{keep, 3}, {numbers, list({1.5})}});
        refused("a boolean", {{keep, 3}, {numbers, list({true})}});
        refused("zero", {{keep, 3}, {numbers, list({0})}});
        refused("negative", {{keep, 3}, {numbers, list({-2})}});
        refused("beyond int", {{keep, 3}, {numbers, list({QVariant(qlonglong(1) << 40)})}});
        refused("a nested list", {{keep, 3}, {numbers, list({list({1})})}});
        refused("twice", {{keep, 3}, {numbers, list({2, 3, 2})}});
        refused("a path", {{keep, 3}, {numbers, list({1})}, {u"profile"_s, u"/tmp/p"_s}});
        QVariantList tooMany;
        for (int n = 1; n <= MaxGenerationsPerDelete + 1; ++n) {
            tooMany.append(n);
        }
        refused("too many", {{keep, 3}, {numbers, tooMany}});
    }

    void deleteGenerationsRequest()
    {
        QFETCH(QVariantMap, arguments);
        QFETCH(bool, valid);
        const auto request = parseDeleteGenerations(arguments);
        QVERIFY2(request.isOk() == valid, qPrintable(request.error()));
        if (!valid) {
            QVERIFY(!request.error().isEmpty());
            return;
        }
        QFETCH(int, rule);
        QFETCH(int, count);
        QFETCH(QList<int>, generations);
        QCOMPARE(int(request.value().rule), rule);
        QCOMPARE(request.value().count, count);
        QCOMPARE(QList<int>(request.value().generations.cbegin(), request.value().generations.cend()), generations);
    }
};

QTEST_GUILESS_MAIN(ValidationTest)
#include "tst_validation.moc"
