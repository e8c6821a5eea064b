// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "helperconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

class HelperConfigTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreNixOS()
    {
        const HelperConfig config;
        QCOMPARE(config.configurationDirectory, u"/etc/nixos"_s);
        QCOMPARE(config.systemProfile, u"/nix/var/nix/profiles/system"_s);
        QCOMPARE(config.channelsProfile, u"/nix/var/nix/profiles/per-user/root/channels"_s);
        QCOMPARE(config.channelList, u"/root/.nix-channels"_s);
        QCOMPARE(config.nixProgram(u"nix-build"_s), u"/run/current-system/sw/bin/nix-build"_s);
        const QProcessEnvironment env = config.environment();
        QVERIFY(env.value(u"PATH"_s).startsWith("/run/current-system/sw/bin"_L1));
        QVERIFY(!env.contains(u"LD_PRELOAD"_s));
        // As nixos-rebuild: no NIX_PATH of the helper's own, so the nix-path NixOS writes into nix.conf decides <nixpkgs>.
        QVERIFY2(!env.contains(u"NIX_PATH"_s), qPrintable(env.value(u"NIX_PATH"_s)));
        QCOMPARE(env.keys().size(), 3);
        QCOMPARE(config.currentSystem, u"/run/current-system"_s);
        QCOMPARE(config.bootedSystem, u"/run/booted-system"_s);
    }

    void parses()
    {
        const auto config = parseHelperConfig(
            "# for tests\n[Paths]\nConfigurationDirectory = /srv/nixos/\nSystemProfile=/srv/profiles/system\nNixBinDirectory=/usr/bin\n"
            "ChannelsProfile=/srv/profiles/per-user/root/channels\nChannelList=/srv/root/.nix-channels\n"
            "NixPath=nixpkgs=/srv/nixpkgs\nCurrentSystem=/srv/run/current-system\n[Behaviour]\nCollectGarbage=false\n[Environment]\nSNOWPANE_STANDIN_STATE=/"
            "srv/state\n");
        QVERIFY2(config.isOk(), qPrintable(config.error()));
        QCOMPARE(config.value().configurationDirectory, u"/srv/nixos"_s);
        QCOMPARE(config.value().nixPath, u"nixpkgs=/srv/nixpkgs"_s);
        QCOMPARE(config.value().currentSystem, u"/srv/run/current-system"_s);
        QCOMPARE(config.value().channelsProfile, u"/srv/profiles/per-user/root/channels"_s);
        QCOMPARE(config.value().channelList, u"/srv/root/.nix-channels"_s);
        QCOMPARE(config.value().collectGarbage, false);
        QCOMPARE(config.value().environment().value(u"SNOWPANE_STANDIN_STATE"_s), u"/srv/state"_s);
        QCOMPARE(config.value().environment().value(u"NIX_PATH"_s), u"nixpkgs=/srv/nixpkgs"_s);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("relative path") << QByteArray("[Paths]\nConfigurationDirectory=etc/nixos\n");
        QTest::newRow("dotdot") << QByteArray("[Paths]\nSystemProfile=/nix/../tmp/p\n");
        QTest::newRow("relative channels profile") << QByteArray("[Paths]\nChannelsProfile=channels\n");
        QTest::newRow("relative current system") << QByteArray("[Paths]\nCurrentSystem=run/current-system\n");
        QTest::newRow("dotdot channel list") << QByteArray("[Paths]\nChannelList=/root/../tmp/.nix-channels\n");
        QTest::newRow("unknown key") << QByteArray("[Paths]\nShell=/bin/sh\n");
        QTest::newRow("unknown section") << QByteArray("[Hooks]\nPre=/bin/sh\n");
        QTest::newRow("outside section") << QByteArray("ConfigurationDirectory=/etc/nixos\n");
        QTest::newRow("LD_PRELOAD") << QByteArray("[Environment]\nLD_PRELOAD=/tmp/x.so\n");
        QTest::newRow("PATH") << QByteArray("[Environment]\nPATH=/tmp\n");
        QTest::newRow("bad name") << QByteArray("[Environment]\nlower=1\n");
        QTest::newRow("no equals") << QByteArray("[Paths]\nConfigurationDirectory\n");
        QTest::newRow("bad boolean") << QByteArray("[Behaviour]\nCollectGarbage=yes\n");
        QTest::newRow("host with a slash") << QByteArray("[Configuration]\nHost=../../etc\n");
        QTest::newRow("host with an attribute path") << QByteArray("[Configuration]\nHost=demo\".config\n");
        QTest::newRow("host as an option") << QByteArray("[Configuration]\nHost=--impure\n");
        QTest::newRow("host with a space") << QByteArray("[Configuration]\nHost=a b\n");
        QTest::newRow("unknown configuration key") << QByteArray("[Configuration]\nDirectory=/etc/nixos\n");
    }

    // programs.snowpane.host, as the NixOS module writes it: the helper builds that host when the caller names none.
    void host()
    {
        const auto config = parseHelperConfig("[Paths]\nConfigurationDirectory=/home/alice/cfg\n[Configuration]\nHost=laptop-2.home\n");
        QVERIFY2(config.isOk(), qPrintable(config.error()));
        QCOMPARE(config.value().host, u"laptop-2.home"_s);
        QCOMPARE(config.value().configurationDirectory, u"/home/alice/cfg"_s);
        QVERIFY(HelperConfig().host.isEmpty());
        const auto empty = parseHelperConfig("[Configuration]\nHost=\n");
        QVERIFY2(empty.isOk(), qPrintable(empty.error()));
        QVERIFY(empty.value().host.isEmpty());
    }
    void rejects()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!parseHelperConfig(text).isOk());
    }

    void fileOwnership()
    {
        if (::geteuid() != 0) {
            QFAIL("this test changes file ownership and must run as root: run it with tools/dev exec ctest (the build root runs as root)");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"helper.conf"_s);
        QVERIFY(loadHelperConfig(path).isOk()); // missing: defaults
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[Paths]\nConfigurationDirectory=/srv/nixos\n");
        file.close();
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
        QCOMPARE(loadHelperConfig(path).value().configurationDirectory, u"/srv/nixos"_s);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0664), 0);
        QVERIFY(!loadHelperConfig(path).isOk()); // group-writable
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0646), 0);
        QVERIFY(!loadHelperConfig(path).isOk()); // world-writable
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 1000, 0), 0);
        QVERIFY(!loadHelperConfig(path).isOk()); // not root's
        const QString link = dir.filePath(u"linked.conf"_s);
        QVERIFY(QFile::link(path, link));
        QVERIFY(!loadHelperConfig(link).isOk()); // a link is not followed
    }
};

QTEST_GUILESS_MAIN(HelperConfigTest)
#include "tst_helperconfig.moc"
