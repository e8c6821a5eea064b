// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The pure parts of updatesources: flake.lock before and after, the commit
// message, root's channel list and which channels an upgrade takes.

#include "sourceupdate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

namespace
{
QByteArray lockWith(const QByteArray &nixpkgsLocked, const QByteArray &extraNodes = {}, const QByteArray &extraInputs = {})
{
    return "{\n  \"nodes\": {\n    \"nixpkgs\": { \"locked\": " + nixpkgsLocked + ", \"original\": { \"type\": \"git\", \"url\": \"file:///n\" } },\n"
        + extraNodes + "    \"root\": { \"inputs\": { \"nixpkgs\": \"nixpkgs\"" + extraInputs + " } }\n  },\n  \"root\": \"root\",\n  \"version\": 7\n}\n";
}

const QByteArray LockedA =
    R"({ "lastModified": 1732104000, "narHash": "sha256-a", "rev": "3671d416c7f6b6b5b65f8a947d874dbafd4027c3", "type": "git", "url": "file:///n" })";
const QByteArray LockedB =
    R"({ "lastModified": 1733054400, "narHash": "sha256-b", "rev": "4183e67b9824cb2b4d258a6760cee016fae9dba3", "type": "git", "url": "file:///n" })";
}

class SourceUpdateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockInputs()
    {
        const QList<LockedInput> inputs =
            parseFlakeLockInputs(lockWith(LockedA,
                                          R"(    "home-manager": { "locked": { "lastModified": 1700000000, "rev": "aaaa", "narHash": "sha256-h" } },
    "hm-nixpkgs": { "locked": { "rev": "bbbb" } },
)",
                                          R"(, "home-manager": "home-manager", "follower": [ "nixpkgs" ])"));
        QCOMPARE(inputs.size(), 2); // the `follows` input is locked under nixpkgs
        QCOMPARE(inputs.at(0).name, u"home-manager"_s);
        QCOMPARE(inputs.at(1).name, u"nixpkgs"_s);
        QCOMPARE(inputs.at(1).revision, u"3671d416c7f6b6b5b65f8a947d874dbafd4027c3"_s);
        QCOMPARE(inputs.at(1).date, QDateTime(QDate(2024, 11, 20), QTime(12, 0), QTimeZone::UTC));
    }

    void malformedLocks_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("{ nodes = ");
        QTest::newRow("array") << QByteArray("[1, 2]");
        QTest::newRow("no nodes") << QByteArray(R"({ "root": "root" })");
        QTest::newRow("root missing") << QByteArray(R"({ "nodes": { "x": {} }, "root": "root" })");
        QTest::newRow("inputs not an object") << QByteArray(R"({ "nodes": { "root": { "inputs": 3 } }, "root": "root" })");
    }
    void malformedLocks()
    {
        QFETCH(QByteArray, text);
        QVERIFY(parseFlakeLockInputs(text).isEmpty());
    }

    void missingFields()
    {
        // An input whose node or fields are missing is still listed, without revision or date.
        const QList<LockedInput> inputs = parseFlakeLockInputs(lockWith(R"({ "type": "path", "path": "/x", "lastModified": "soon" })"));
        QCOMPARE(inputs.size(), 1);
        QVERIFY(inputs.at(0).revision.isEmpty());
        QVERIFY(!inputs.at(0).date.isValid());
    }

    void commitMessage()
    {
        const QList<InputChange> changes = changedInputs(parseFlakeLockInputs(lockWith(LockedA)), parseFlakeLockInputs(lockWith(LockedB)));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).oldRevision, u"3671d416c7f6b6b5b65f8a947d874dbafd4027c3"_s);
        QCOMPARE(changes.at(0).newDate, QDateTime(QDate(2024, 12, 1), QTime(12, 0), QTimeZone::UTC));
        QCOMPARE(flakeUpdateMessage(changes), u"Update flake inputs\n\nnixpkgs: 3671d41 (2024-11-20) \u2192 4183e67 (2024-12-01)\n"_s);
        QVERIFY(changedInputs(parseFlakeLockInputs(lockWith(LockedA)), parseFlakeLockInputs(lockWith(LockedA))).isEmpty());

        // An input that appears, one that goes, one without a revision.
        QList<InputChange> mixed{
            {u"added"_s, QString(), u"cccccccccc"_s, {}, {}},
            {u"gone"_s, u"dddddddddd"_s, QString(), {}, {}},
            {u"local"_s, QString(), QString(), QDateTime(QDate(2024, 1, 2), QTime(), QTimeZone::UTC), QDateTime(QDate(2024, 1, 3), QTime(), QTimeZone::UTC)}};
        QCOMPARE(flakeUpdateMessage(mixed),
                 u"Update flake inputs\n\nadded: (none) \u2192 ccccccc\ngone: ddddddd \u2192 (none)\n"
                 "local: (no revision) (2024-01-02) \u2192 (no revision) (2024-01-03)\n"_s);
    }

    void channelList()
    {
        const QList<ChannelEntry> channels = parseChannelList(
            "# root's channels\n"
            "https://example.org/channels/nixos-24.11 nixos\n"
            "  \n"
            "file:///srv/channels/home-manager/ \n"
            "https://example.org/channels/nixos-unstable unstable extra words\n"
            "ftp://example.org/x bad-scheme\n"
            "https://example.org/y ../escape\n"
            "https://example.org/channels/nixos-24.05 nixos\n");
        QCOMPARE(channels.size(), 3);
        QCOMPARE(channels.at(0).name, u"home-manager"_s);
        QCOMPARE(channels.at(0).url, u"file:///srv/channels/home-manager"_s);
        QCOMPARE(channels.at(1).name, u"nixos"_s);
        QCOMPARE(channels.at(1).url, u"https://example.org/channels/nixos-24.05"_s); // the later line wins
        QCOMPARE(channels.at(2).name, u"unstable"_s);
        QVERIFY(parseChannelList(QByteArray()).isEmpty());
        QVERIFY(parseChannelList(QByteArray("\0\0\n", 3)).isEmpty());
    }

    void channelSelection()
    {
        const QList<ChannelEntry> channels{{u"file:///a"_s, u"home-manager"_s}, {u"file:///b"_s, u"nixos"_s}, {u"file:///c"_s, u"unstable"_s}};
        QCOMPARE(channelsToUpdate(channels, {}), QStringList{u"nixos"_s});
        QCOMPARE(channelsToUpdate(channels, {u"home-manager"_s, u"not-listed"_s}), (QStringList{u"home-manager"_s, u"nixos"_s}));
        QVERIFY(channelsToUpdate({{u"file:///c"_s, u"unstable"_s}}, {}).isEmpty());
    }

    void channelNames()
    {
        QCOMPARE(channelTarballUrl(u"https://example.org/channels/nixos-24.11"_s), u"https://example.org/channels/nixos-24.11/nixexprs.tar.xz"_s);
        QCOMPARE(channelTarballUrl(u"file:///srv/x.tar.gz"_s), u"file:///srv/x.tar.gz"_s);
        QCOMPARE(channelPackageName({u"https://example.org/channels/nixos-24.11"_s, u"nixos"_s}), u"nixos-24.11"_s);
        QCOMPARE(channelPackageName({u"https://example.org/channels/nixos-unstable"_s, u"nixos"_s}), u"nixos"_s);
        QCOMPARE(nixString(u"a\"b\\c${d}"_s), u"\"a\\\"b\\\\c\\${d}\""_s);
    }

    // Each text goes through Nix itself: the literal nixString makes must evaluate to exactly the text.
    void nixStringRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << u"nixos-24.11"_s;
        QTest::newRow("interpolation") << u"a${builtins.abort \"no\"}b"_s;
        QTest::newRow("dollar dollar brace") << u"$${x}"_s;
        QTest::newRow("backslash dollar brace") << u"\\${x}"_s;
        QTest::newRow("trailing dollar") << u"abc$"_s;
        QTest::newRow("dollar quote") << u"$\""_s;
        QTest::newRow("quotes and backslashes") << u"\"\\\"\\"_s;
        QTest::newRow("newline and tab") << u"a\nb\tc"_s;
        // A channel URL carrying ${ and a quote: its package name is only ever a string.
        QTest::newRow("channel name from a URL") << channelPackageName({u"file:///srv/nixos-24.11${builtins.abort \"x\"}\""_s, u"nixos"_s});
    }
    void nixStringRoundTrip()
    {
        QFETCH(QString, text);
        QProcess nix;
        nix.start(QStringLiteral(NIX_BIN_DIR "/nix-instantiate"), {u"--eval"_s, u"--json"_s, u"--expr"_s, nixString(text)});
        QVERIFY2(nix.waitForFinished(60000), "nix-instantiate did not finish");
        QVERIFY2(nix.exitStatus() == QProcess::NormalExit && nix.exitCode() == 0, nix.readAllStandardError().constData());
        const QJsonDocument value = QJsonDocument::fromJson("[" + nix.readAllStandardOutput() + "]");
        QCOMPARE(value.array().at(0).toString(), text);
    }

    void channelPackageNameKeepsTheUrlsText()
    {
        const QString name = channelPackageName({u"file:///srv/nixos-24.11${x}\""_s, u"nixos"_s});
        QCOMPARE(name, u"nixos-24.11${x}\""_s);
    }
};

QTEST_GUILESS_MAIN(SourceUpdateTest)
#include "tst_sourceupdate.moc"
