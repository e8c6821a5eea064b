// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The pure parts of updatesources for root's channels: the channel list and
// which channels an upgrade takes. (flake.lock: tests/system/tst_flakelock.)

#include "sourceupdate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

class SourceUpdateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
