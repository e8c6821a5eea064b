// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every validator of the helper against hostile input. Each row says what
// goes in and whether it must be accepted; rejected rows also name a word the
// refusal must contain, so a guard that rejects everything fails too.

#include "helperprotocol.h"
#include "validation.h"

#include <QDateTime>
#include <QTest>

using namespace snowpane::helper;
namespace key = snowpane::protocol::key;

class ValidationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relativeName_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");

        QTest::newRow("plain") << QVariant(QStringLiteral("configuration.nix")) << true << QString();
        QTest::newRow("nested") << QVariant(QStringLiteral("hosts/laptop/default.nix")) << true << QString();
        QTest::newRow("dotted name") << QVariant(QStringLiteral("hardware-configuration.v2.nix")) << true << QString();
        QTest::newRow("unicode") << QVariant(QStringLiteral("módulos/rede.nix")) << true << QString();
        QTest::newRow("traversal") << QVariant(QStringLiteral("../etc/shadow.nix")) << false << QStringLiteral("..");
        QTest::newRow("traversal inside") << QVariant(QStringLiteral("hosts/../../x.nix")) << false << QStringLiteral("..");
        QTest::newRow("trailing dotdot") << QVariant(QStringLiteral("hosts/..")) << false << QStringLiteral("..");
        QTest::newRow("dot") << QVariant(QStringLiteral("./configuration.nix")) << false << QStringLiteral("'.'");
        QTest::newRow("absolute") << QVariant(QStringLiteral("/etc/shadow")) << false << QStringLiteral("absolute");
        QTest::newRow("absolute nix") << QVariant(QStringLiteral("/etc/nixos/configuration.nix")) << false << QStringLiteral("absolute");
        QTest::newRow("double slash") << QVariant(QStringLiteral("hosts//a.nix")) << false << QStringLiteral("empty component");
        QTest::newRow("trailing slash") << QVariant(QStringLiteral("hosts/")) << false << QStringLiteral("empty component");
        QTest::newRow("empty") << QVariant(QString()) << false << QStringLiteral("empty");
        QTest::newRow("nul") << QVariant(QStringLiteral("a.nix") + QChar(0) + QStringLiteral("/../../etc/shadow")) << false << QStringLiteral("NUL");
        QTest::newRow("newline") << QVariant(QStringLiteral("a\nb.nix")) << false << QStringLiteral("control");
        QTest::newRow("git dir") << QVariant(QStringLiteral(".git/hooks/pre-commit.nix")) << false << QStringLiteral("git");
        QTest::newRow("git dir any case") << QVariant(QStringLiteral("sub/.GIT/config.nix")) << false << QStringLiteral("git");
        QTest::newRow("not nix") << QVariant(QStringLiteral("flake.lock")) << false << QStringLiteral(".nix");
        QTest::newRow("only extension") << QVariant(QStringLiteral(".nix")) << false << QStringLiteral(".nix");
        QTest::newRow("too deep") << QVariant(QStringLiteral("a/").repeated(20) + QStringLiteral("x.nix")) << false << QStringLiteral("levels");
        QTest::newRow("long component") << QVariant(QString(300, QLatin1Char('a')) + QStringLiteral(".nix")) << false << QStringLiteral("longer");
        QTest::newRow("too long") << QVariant(QStringLiteral("abcdefgh/").repeated(15) + QString(900, QLatin1Char('b')) + QStringLiteral(".nix")) << false
                                  << QStringLiteral("longer");
        QTest::newRow("byte array") << QVariant(QByteArray("configuration.nix")) << false << QStringLiteral("expected a string");
        QTest::newRow("int") << QVariant(42) << false << QStringLiteral("expected a string");
        QTest::newRow("list") << QVariant(QStringList{QStringLiteral("a.nix")}) << false << QStringLiteral("expected a string");
        QTest::newRow("invalid") << QVariant() << false << QStringLiteral("expected a string");
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
        QTest::newRow("nix") << QStringLiteral("configuration.nix") << true << QString();
        QTest::newRow("lock") << QStringLiteral("flake.lock") << true << QString();
        QTest::newRow("gitignore") << QStringLiteral(".gitignore") << true << QString();
        QTest::newRow("nested other") << QStringLiteral("keys/host.pub") << true << QString();
        QTest::newRow("traversal") << QStringLiteral("../etc/shadow") << false << QStringLiteral("..");
        QTest::newRow("inner traversal") << QStringLiteral("a/../../b") << false << QStringLiteral("..");
        QTest::newRow("absolute") << QStringLiteral("/etc/shadow") << false << QStringLiteral("absolute");
        QTest::newRow("git dir") << QStringLiteral(".git/config") << false << QStringLiteral("git");
        QTest::newRow("git dir any case") << QStringLiteral("a/.Git/hooks/post-checkout") << false << QStringLiteral("git");
        QTest::newRow("dot") << QStringLiteral("./x") << false << QStringLiteral("'.'");
        QTest::newRow("empty component") << QStringLiteral("a//b") << false << QStringLiteral("empty component");
        QTest::newRow("empty") << QString() << false << QStringLiteral("empty");
        QTest::newRow("newline") << QStringLiteral("a\nb") << false << QStringLiteral("control");
        QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << false << QStringLiteral("NUL");
        QTest::newRow("too deep") << QStringLiteral("a/").repeated(20) + QStringLiteral("x") << false << QStringLiteral("levels");
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
        QTest::newRow("small") << QVariant(QStringLiteral("{ }\n")) << true << QString();
        QTest::newRow("empty") << QVariant(QString()) << true << QString();
        QTest::newRow("exactly 4 MiB") << QVariant(QString(4 * 1024 * 1024, QLatin1Char('#'))) << true << QString();
        QTest::newRow("4 MiB + 1") << QVariant(QString(4 * 1024 * 1024 + 1, QLatin1Char('#'))) << false << QStringLiteral("larger");
        // 1.5 M three-byte characters: small in UTF-16, 4.5 MiB in UTF-8.
        QTest::newRow("multibyte over") << QVariant(QString(1536 * 1024, QChar(0x20AC))) << false << QStringLiteral("larger");
        QTest::newRow("huge") << QVariant(QString(64 * 1024 * 1024, QLatin1Char('x'))) << false << QStringLiteral("larger");
        QTest::newRow("nul") << QVariant(QStringLiteral("{ a = 1; }") + QChar(0)) << false << QStringLiteral("NUL");
        QTest::newRow("bytes") << QVariant(QByteArray("{ }")) << false << QStringLiteral("expected a string");
        QTest::newRow("map") << QVariant(QVariantMap{{QStringLiteral("a"), 1}}) << false << QStringLiteral("expected a string");
        QTest::newRow("double") << QVariant(1.5) << false << QStringLiteral("expected a string");
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
        QTest::newRow("unknown") << QVariant(QStringLiteral("rollback")) << false << false;
        QTest::newRow("upper case") << QVariant(QStringLiteral("SWITCH")) << false << false;
        QTest::newRow("option injection") << QVariant(QStringLiteral("--install-bootloader")) << false << false;
        QTest::newRow("with space") << QVariant(QStringLiteral("switch ")) << false << false;
        QTest::newRow("shell") << QVariant(QStringLiteral("switch; rm -rf /")) << false << false;
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
        QTest::newRow("simple") << QVariant(QStringLiteral("laptop")) << true;
        QTest::newRow("dotted") << QVariant(QStringLiteral("web-01.example_lan")) << true;
        QTest::newRow("semicolon") << QVariant(QStringLiteral("laptop;reboot")) << false;
        QTest::newRow("substitution") << QVariant(QStringLiteral("$(id)")) << false;
        QTest::newRow("backtick") << QVariant(QStringLiteral("`id`")) << false;
        QTest::newRow("pipe") << QVariant(QStringLiteral("a|b")) << false;
        QTest::newRow("ampersand") << QVariant(QStringLiteral("a&&b")) << false;
        QTest::newRow("quote") << QVariant(QStringLiteral("a\"b")) << false;
        QTest::newRow("hash") << QVariant(QStringLiteral("a#b")) << false;
        QTest::newRow("space") << QVariant(QStringLiteral("a b")) << false;
        QTest::newRow("newline") << QVariant(QStringLiteral("a\nb")) << false;
        QTest::newRow("trailing newline") << QVariant(QStringLiteral("laptop\n")) << false;
        QTest::newRow("slash") << QVariant(QStringLiteral("../x")) << false;
        QTest::newRow("dotdot") << QVariant(QStringLiteral("..")) << false;
        QTest::newRow("option") << QVariant(QStringLiteral("--impure")) << false;
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
        QTest::newRow("nixpkgs") << QVariant(QStringLiteral("nixpkgs")) << true;
        QTest::newRow("dashed") << QVariant(QStringLiteral("home-manager")) << true;
        QTest::newRow("underscore first") << QVariant(QStringLiteral("_private")) << true;
        QTest::newRow("digits") << QVariant(QStringLiteral("nixpkgs_24_11")) << true;
        QTest::newRow("100 characters") << QVariant(QString(100, QLatin1Char('a'))) << true;
        QTest::newRow("101 characters") << QVariant(QString(101, QLatin1Char('a'))) << false;
        QTest::newRow("very long") << QVariant(QString(1024 * 1024, QLatin1Char('a'))) << false;
        QTest::newRow("empty") << QVariant(QString()) << false;
        QTest::newRow("dotdot") << QVariant(QStringLiteral("..")) << false;
        QTest::newRow("dot") << QVariant(QStringLiteral(".")) << false;
        QTest::newRow("slash") << QVariant(QStringLiteral("/")) << false;
        QTest::newRow("follows path") << QVariant(QStringLiteral("home-manager/nixpkgs")) << false;
        QTest::newRow("absolute") << QVariant(QStringLiteral("/etc/nixos")) << false;
        QTest::newRow("space") << QVariant(QStringLiteral("nix pkgs")) << false;
        QTest::newRow("two words") << QVariant(QStringLiteral("nixpkgs --impure")) << false;
        QTest::newRow("option") << QVariant(QStringLiteral("--flag")) << false;
        QTest::newRow("short option") << QVariant(QStringLiteral("-v")) << false;
        QTest::newRow("digit first") << QVariant(QStringLiteral("2nixpkgs")) << false;
        QTest::newRow("apostrophe") << QVariant(QStringLiteral("nixpkgs'")) << false;
        QTest::newRow("unicode") << QVariant(QStringLiteral("nixpkgs\u00e9")) << false;
        QTest::newRow("unicode letter only") << QVariant(QStringLiteral("\u00e9")) << false;
        QTest::newRow("nul") << QVariant(QStringLiteral("nixpkgs") + QChar(0) + QStringLiteral("x")) << false;
        QTest::newRow("newline") << QVariant(QStringLiteral("nixpkgs\n")) << false;
        QTest::newRow("url") << QVariant(QStringLiteral("github:NixOS/nixpkgs")) << false;
        QTest::newRow("substitution") << QVariant(QStringLiteral("$(id)")) << false;
        QTest::newRow("bytes") << QVariant(QByteArray("nixpkgs")) << false;
        QTest::newRow("list") << QVariant(QStringList{QStringLiteral("nixpkgs")}) << false;
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
        QCOMPARE(parseUpdateSources({{QStringLiteral("input"), QStringLiteral("nixpkgs")}}).value().input, QStringLiteral("nixpkgs"));
        QVERIFY(parseUpdateSources({{QStringLiteral("request"), QStringLiteral("{abc-1}")}, {QStringLiteral("input"), QStringLiteral("nixpkgs")}}).isOk());
        // Refused: an unknown argument (rollback is an action of its own now), the wrong types, a hostile input.
        QVERIFY(!parseUpdateSources({{QStringLiteral("inputs"), QStringLiteral("nixpkgs")}}).isOk());
        QVERIFY(!parseUpdateSources({{QStringLiteral("rollback"), true}}).isOk());
        QVERIFY(!parseUpdateSources({{QStringLiteral("input"), QStringLiteral("--override-input")}}).isOk());
        QVERIFY(!parseUpdateSources({{QStringLiteral("input"), QString()}}).isOk());
        QVERIFY(!parseUpdateSources({{QStringLiteral("request"), QStringLiteral("a b")}}).isOk());
    }

    void rollBackChannelsRequest_data()
    {
        QTest::addColumn<QVariantMap>("arguments");
        QTest::addColumn<int>("from"); // 0: refused
        QTest::addColumn<int>("to");
        const auto map = [](const QVariant &from, const QVariant &to) {
            QVariantMap m;
            if (from.isValid()) {
                m.insert(QStringLiteral("from"), from);
            }
            if (to.isValid()) {
                m.insert(QStringLiteral("to"), to);
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
        QTest::newRow("string") << map(QStringLiteral("2"), 1) << 0 << 0;
        QTest::newRow("double") << map(2.0, 1) << 0 << 0;
        QTest::newRow("bool") << map(true, 1) << 0 << 0;
        QTest::newRow("too large") << map(qlonglong(1) << 40, 1) << 0 << 0;
        QVariantMap extra = map(2, 1);
        extra.insert(QStringLiteral("profile"), QStringLiteral("/tmp/p"));
        QTest::newRow("unknown key") << extra << 0 << 0;
        QVariantMap request = map(2, 1);
        request.insert(QStringLiteral("request"), QStringLiteral("{abc-1}"));
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
        QTest::newRow("flake.lock") << QVariant(QStringList{QStringLiteral("flake.lock")}) << QStringList{QStringLiteral("flake.lock")};
        QTest::newRow("two") << QVariant(QStringList{QStringLiteral("flake.lock"), QStringLiteral("hosts/a.nix")})
                             << QStringList{QStringLiteral("flake.lock"), QStringLiteral("hosts/a.nix")};
        QTest::newRow("variant list") << QVariant(QVariantList{QStringLiteral("flake.lock")}) << QStringList{QStringLiteral("flake.lock")};
        QTest::newRow("empty list") << QVariant(QStringList()) << QStringList();
        QTest::newRow("parent") << QVariant(QStringList{QStringLiteral("../etc/passwd")}) << QStringList();
        QTest::newRow("absolute") << QVariant(QStringList{QStringLiteral("/etc/passwd")}) << QStringList();
        QTest::newRow("git dir") << QVariant(QStringList{QStringLiteral(".git/config")}) << QStringList();
        QTest::newRow("other file") << QVariant(QStringList{QStringLiteral("secrets.txt")}) << QStringList();
        QTest::newRow("lock in git dir") << QVariant(QStringList{QStringLiteral(".git/flake.lock")}) << QStringList();
        QTest::newRow("lock-like") << QVariant(QStringList{QStringLiteral("xflake.lock")}) << QStringList();
        QTest::newRow("twice") << QVariant(QStringList{QStringLiteral("flake.lock"), QStringLiteral("flake.lock")}) << QStringList();
        QTest::newRow("not a list") << QVariant(QStringLiteral("flake.lock")) << QStringList();
        QTest::newRow("list with a number") << QVariant(QVariantList{QStringLiteral("flake.lock"), 3}) << QStringList();
        QStringList many;
        for (int i = 0; i <= MaxFilesPerRestore; ++i) {
            many.append(QStringLiteral("f%1.nix").arg(i));
        }
        QTest::newRow("too many") << QVariant(many) << QStringList();
    }
    void restoreConfigFiles()
    {
        QFETCH(QVariant, files);
        QFETCH(QStringList, expected);
        const auto parsed = parseRestoreConfig({{QStringLiteral("commit"), QString(40, QLatin1Char('a'))}, {QStringLiteral("files"), files}});
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
        QTest::newRow("string") << QVariant(QStringLiteral("42")) << false;
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
            QVERIFY(result.error().startsWith(QLatin1String("generation")));
        }
    }

    void commit_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("sha1") << QVariant(QStringLiteral("0123456789abcdef0123456789abcdef01234567")) << true;
        QTest::newRow("sha256") << QVariant(QString(64, QLatin1Char('a'))) << true;
        QTest::newRow("short") << QVariant(QStringLiteral("0123456")) << false;
        QTest::newRow("upper") << QVariant(QStringLiteral("0123456789ABCDEF0123456789abcdef01234567")) << false;
        QTest::newRow("ref") << QVariant(QStringLiteral("HEAD~1")) << false;
        QTest::newRow("option") << QVariant(QStringLiteral("--orphan")) << false;
        QTest::newRow("newline") << QVariant(QStringLiteral("0123456789abcdef0123456789abcdef01234567\n")) << false;
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
        QTest::newRow("plain") << QVariant(QStringLiteral("Enable OpenSSH")) << true;
        QTest::newRow("multi-line") << QVariant(QStringLiteral("Enable OpenSSH\n\nPort 22\tonly")) << true;
        QTest::newRow("4096") << QVariant(QString(4096, QLatin1Char('m'))) << true;
        QTest::newRow("4097") << QVariant(QString(4097, QLatin1Char('m'))) << false;
        QTest::newRow("escape") << QVariant(QStringLiteral("\x1b[2J")) << false;
        QTest::newRow("nul") << QVariant(QStringLiteral("a") + QChar(0)) << false;
        QTest::newRow("blank") << QVariant(QStringLiteral("  \n")) << false;
        QTest::newRow("list") << QVariant(QStringList{QStringLiteral("a")}) << false;
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
        QTest::newRow("string") << QVariant(QStringLiteral("5")) << false;
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
        QTest::newRow("string list") << QVariant(QStringList{QStringLiteral("a"), QStringLiteral("b")}) << true;
        QTest::newRow("variant list of strings") << QVariant(QVariantList{QStringLiteral("a")}) << true;
        QTest::newRow("variant list with int") << QVariant(QVariantList{QStringLiteral("a"), 3}) << false;
        QTest::newRow("nested list") << QVariant(QVariantList{QVariant(QVariantList{QStringLiteral("a")})}) << false;
        QTest::newRow("map") << QVariant(QVariantMap{{QStringLiteral("a"), QStringLiteral("b")}}) << false;
        QTest::newRow("string") << QVariant(QStringLiteral("a")) << false;
        QTest::newRow("too many") << QVariant(QStringList(65, QStringLiteral("a"))) << false;
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
        const QString names = QLatin1String(key::Names), contents = QLatin1String(key::Contents);
        const QStringList one{QStringLiteral("configuration.nix")};
        const QStringList body{QStringLiteral("{ }\n")};
        QTest::newRow("minimal") << QVariantMap{{names, one}, {contents, body}} << true << QString();
        QTest::newRow("with message and id") << QVariantMap{{names, one},
                                                            {contents, body},
                                                            {QLatin1String(key::Message), QStringLiteral("Edit")},
                                                            {QLatin1String(key::Request), QStringLiteral("abc-1")}}
                                             << true << QString();
        QTest::newRow("unknown key") << QVariantMap{{names, one}, {contents, body}, {QStringLiteral("directory"), QStringLiteral("/etc")}} << false
                                     << QStringLiteral("unknown argument");
        QTest::newRow("missing contents") << QVariantMap{{names, one}} << false << QStringLiteral("required");
        QTest::newRow("no files") << QVariantMap{{names, QStringList()}, {contents, QStringList()}} << false << QStringLiteral("no file");
        QTest::newRow("count mismatch") << QVariantMap{{names, one}, {contents, QStringList{QStringLiteral("a"), QStringLiteral("b")}}} << false
                                        << QStringLiteral("contents");
        QTest::newRow("duplicate") << QVariantMap{{names, QStringList{QStringLiteral("a.nix"), QStringLiteral("a.nix")}},
                                                  {contents, QStringList{QStringLiteral("{}"), QStringLiteral("{}")}}}
                                   << false << QStringLiteral("twice");
        QTest::newRow("traversal") << QVariantMap{{names, QStringList{QStringLiteral("../../etc/cron.d/x.nix")}}, {contents, body}} << false
                                   << QStringLiteral("..");
        QTest::newRow("names as string") << QVariantMap{{names, QStringLiteral("configuration.nix")}, {contents, body}} << false
                                         << QStringLiteral("expected a list");
        QTest::newRow("contents as map") << QVariantMap{{names, one}, {contents, QVariantMap{{QStringLiteral("configuration.nix"), QStringLiteral("{}")}}}}
                                         << false << QStringLiteral("expected a list");
        QTest::newRow("content as bytes") << QVariantMap{{names, one}, {contents, QVariantList{QByteArray("{}")}}} << false
                                          << QStringLiteral("expected a string");
        QTest::newRow("bad request id") << QVariantMap{{names, one}, {contents, body}, {QLatin1String(key::Request), QStringLiteral("a b")}} << false
                                        << QStringLiteral("request id");
        QTest::newRow("message as int") << QVariantMap{{names, one}, {contents, body}, {QLatin1String(key::Message), 3}} << false << QStringLiteral("message");
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
        QVERIFY(parseRebuild({{QStringLiteral("mode"), QStringLiteral("switch")}}).isOk());
        QVERIFY(parseRebuild({{QStringLiteral("mode"), QStringLiteral("test")}, {QStringLiteral("host"), QStringLiteral("laptop")}}).isOk());
        QVERIFY(!parseRebuild({}).isOk());
        QVERIFY(!parseRebuild({{QStringLiteral("mode"), QStringLiteral("switch")}, {QStringLiteral("host"), QStringLiteral("a;b")}}).isOk());
        QVERIFY(!parseRebuild({{QStringLiteral("mode"), QStringLiteral("switch")}, {QStringLiteral("program"), QStringLiteral("/bin/sh")}}).isOk());
        QVERIFY(!parseRebuild({{QStringLiteral("mode"), QStringLiteral("switch")}, {QStringLiteral("profile"), QStringLiteral("/tmp/p")}}).isOk());

        QVERIFY(parseSwitchGeneration({{QStringLiteral("generation"), 3}, {QStringLiteral("mode"), QStringLiteral("boot")}}).isOk());
        QCOMPARE(parseSwitchGeneration({{QStringLiteral("generation"), 3}}).value().mode, RebuildMode::Switch);
        QVERIFY(!parseSwitchGeneration({{QStringLiteral("mode"), QStringLiteral("switch")}}).isOk()); // missing generation
        QVERIFY(!parseSwitchGeneration({{QStringLiteral("generation"), -1}}).isOk());
        QVERIFY(!parseSwitchGeneration({{QStringLiteral("generation"), 3}, {QStringLiteral("mode"), QStringLiteral("test")}}).isOk());

        QVERIFY(parseInitRepo({}).isOk());
        QVERIFY(!parseInitRepo({{QStringLiteral("directory"), QStringLiteral("/")}}).isOk());

        QVERIFY(parseRestoreConfig({{QStringLiteral("commit"), QString(40, QLatin1Char('0'))}}).isOk());
        QVERIFY(parseRestoreConfig({{QStringLiteral("commit"), QString(40, QLatin1Char('0'))}}).value().files.empty());
        QVERIFY(!parseRestoreConfig({}).isOk());
        QVERIFY(!parseRestoreConfig({{QStringLiteral("commit"), QStringLiteral("HEAD")}}).isOk());
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
        const QString keep = QStringLiteral("keepLast"), older = QStringLiteral("olderThanDays"), numbers = QStringLiteral("generations");
        const auto list = [](std::initializer_list<QVariant> items) {
            return QVariant(QVariantList(items));
        };
        QTest::newRow("keep 3, two listed") << QVariantMap{{keep, 3}, {numbers, list({4, 1})}} << true << int(Rule::KeepLast) << 3 << QList<int>{1, 4};
        QTest::newRow("older than 30, one listed") << QVariantMap{{older, 30}, {numbers, list({7})}} << true << int(Rule::OlderThanDays) << 30 << QList<int>{7};
        QTest::newRow("with a request id") << QVariantMap{{older, 30}, {numbers, list({7})}, {QStringLiteral("request"), QStringLiteral("abc-1")}} << true
                                           << int(Rule::OlderThanDays) << 30 << QList<int>{7};
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
        refused("keep as text", {{keep, QStringLiteral("3")}, {numbers, list({1})}});
        refused("days too many", {{older, 36501}, {numbers, list({1})}});
        refused("days negative", {{older, -1}, {numbers, list({1})}});
        refused("empty list", {{keep, 3}, {numbers, list({})}});
        refused("not a list", {{keep, 3}, {numbers, 1}});
        refused("a string list", {{keep, 3}, {numbers, QStringList{QStringLiteral("1")}}});
        refused("a number as text", {{keep, 3}, {numbers, list({QStringLiteral("1")})}});
        refused("a range as text", {{keep, 3}, {numbers, list({QStringLiteral("1..5")})}});
        refused("an option", {{keep, 3}, {numbers, list({QStringLiteral("--delete-generations")})}});
        refused("old", {{keep, 3}, {numbers, list({QStringLiteral("old")})}});
        refused("a double", {{keep, 3}, {numbers, list({1.5})}});
        refused("a boolean", {{keep, 3}, {numbers, list({true})}});
        refused("zero", {{keep, 3}, {numbers, list({0})}});
        refused("negative", {{keep, 3}, {numbers, list({-2})}});
        refused("beyond int", {{keep, 3}, {numbers, list({QVariant(qlonglong(1) << 40)})}});
        refused("a nested list", {{keep, 3}, {numbers, list({list({1})})}});
        refused("twice", {{keep, 3}, {numbers, list({2, 3, 2})}});
        refused("a path", {{keep, 3}, {numbers, list({1})}, {QStringLiteral("profile"), QStringLiteral("/tmp/p")}});
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
