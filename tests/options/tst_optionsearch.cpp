// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Search ranking by data tables: exact name, whole components, part of a
// component, fuzzy subsequence, description; stable order; typing one key at
// a time gives what a fresh search gives. tst_searchranking checks intent on
// real and synthetic catalogs.

#include "catalogfixtures.h"
#include "optionsearch.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

[[nodiscard]] QStringList describe(const OptionCatalog &catalog, const SearchResult &result)
{
    QStringList out;
    for (const SearchHit &hit : result.hits) {
        out.append(catalog.name(hit.index).toString() + u':' + QString::number(int(hit.tier)));
    }
    return out;
}

} // namespace

class OptionSearchTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        CatalogLoad load = OptionCatalog::fromJson(QByteArrayView(CatalogFixtures::searchJson));
        QVERIFY2(load.catalog, qPrintable(load.error));
        m_catalog = std::move(*load.catalog);
    }

    void ranking_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // the first hits, "name:tier"
        QTest::addColumn<int>("total"); // -1: not checked

        QTest::newRow("exact name") << u"services.openssh.enable"_s << QStringList{u"services.openssh.enable:1"_s} << 1;
        QTest::newRow("exact name, any case") << u"Services.OpenSSH.Enable"_s << QStringList{u"services.openssh.enable:1"_s} << 1;
        QTest::newRow("last component") << u"enable"_s
                                        << QStringList{u"services.openssh.enable:2"_s,
                                                       u"services.xserver.enable:2"_s,
                                                       u"services.sshguard.enable:2"_s,
                                                       u"services.tailscale.enable:2"_s,
                                                       u"security.sudo.enable:2"_s,
                                                       u"networking.firewall.enable:2"_s,
                                                       u"boot.loader.systemd-boot.enable:2"_s}
                                        << 7;
        QTest::newRow("a service's switch, then its options") << u"openssh"_s
                                                              << QStringList{u"services.openssh.enable:2"_s,
                                                                             u"services.openssh.ports:2"_s,
                                                                             u"services.openssh.settings.PermitRootLogin:2"_s,
                                                                             u"programs.ssh.startAgent:5"_s}
                                                              << 4;
        QTest::newRow("whole components") << u"services.openssh"_s
                                          << QStringList{u"services.openssh.enable:2"_s,
                                                         u"services.openssh.ports:2"_s,
                                                         u"services.openssh.settings.PermitRootLogin:2"_s}
                                          << 3;
        QTest::newRow("part of a component, more of it covered first") << u"ssh"_s
                                                                       << QStringList{u"programs.ssh.startAgent:2"_s,
                                                                                      u"programs.ssh.askPassword:2"_s,
                                                                                      u"services.openssh.enable:3"_s,
                                                                                      u"services.openssh.ports:3"_s,
                                                                                      u"services.openssh.settings.PermitRootLogin:3"_s,
                                                                                      u"services.sshguard.enable:3"_s}
                                                                       << 6;
        QTest::newRow("all words") << u"firewall ports"_s << QStringList{u"networking.firewall.allowedTCPPorts:3"_s} << 1;
        QTest::newRow("words in any order") << u"ports firewall"_s << QStringList{u"networking.firewall.allowedTCPPorts:3"_s} << 1;
        QTest::newRow("words then description") << u"open ssh"_s
                                                << QStringList{u"services.openssh.enable:3"_s,
                                                               u"services.openssh.ports:3"_s,
                                                               u"services.openssh.settings.PermitRootLogin:3"_s,
                                                               u"programs.ssh.startAgent:5"_s}
                                                << 4;
        QTest::newRow("fuzzy") << u"tz"_s << QStringList{u"time.timeZone:4"_s} << 1;
        QTest::newRow("fuzzy abbreviation") << u"srvopnssh"_s
                                            << QStringList{u"services.openssh.enable:4"_s,
                                                           u"services.openssh.ports:4"_s,
                                                           u"services.openssh.settings.PermitRootLogin:4"_s}
                                            << 3;
        QTest::newRow("infix in a component") << u"ROOT"_s << QStringList{u"services.openssh.settings.PermitRootLogin:3"_s} << -1;
        QTest::newRow("description only") << u"incoming connections"_s << QStringList{u"networking.firewall.allowedTCPPorts:5"_s} << 1;
        QTest::newRow("description words") << u"administrators"_s << QStringList{u"security.sudo.enable:5"_s} << 1;
        QTest::newRow("first component") << u"boot"_s << QStringList{u"boot.loader.systemd-boot.enable:2"_s} << -1;
        QTest::newRow("spaces ignored") << u"  sudo  "_s << QStringList{u"security.sudo.enable:2"_s} << 1;
        QTest::newRow("nothing") << u"xyzzy"_s << QStringList{} << 0;
        QTest::newRow("empty") << u""_s << QStringList{} << 0;
    }

    void ranking()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QFETCH(int, total);
        OptionSearch search(m_catalog);
        const SearchResult result = search.search(query);
        QCOMPARE(describe(m_catalog, result).mid(0, expected.size()), expected);
        if (total >= 0) {
            QCOMPARE(result.total, total);
        }
        // Tiers never go up the list, and tierOf agrees with search.
        for (size_t i = 0; i < result.hits.size(); ++i) {
            QVERIFY(i == 0 || result.hits[i - 1].tier <= result.hits[i].tier);
            QCOMPARE(search.tierOf(result.hits[i].index, query), std::optional<MatchTier>(result.hits[i].tier));
        }
    }

    void limit()
    {
        OptionSearch search(m_catalog);
        const SearchResult all = search.search(u"e"_s);
        const SearchResult three = search.search(u"e"_s, 3);
        QCOMPARE(three.total, all.total);
        QCOMPARE(three.hits.size(), size_t(3));
        QCOMPARE(describe(m_catalog, three), describe(m_catalog, all).mid(0, 3));
    }

    void stableAndIncremental_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("name") << u"services.openssh.settings"_s;
        QTest::newRow("words") << u"open ssh port"_s;
        QTest::newRow("description") << u"the firewall"_s;
        QTest::newRow("mixed case") << u"FireWall"_s;
    }

    void stableAndIncremental()
    {
        QFETCH(QString, typed);
        OptionSearch typing(m_catalog);
        for (qsizetype length = 1; length <= typed.size(); ++length) {
            const QString query = typed.left(length);
            const QStringList incremental = describe(m_catalog, typing.search(query));
            OptionSearch fresh(m_catalog);
            QCOMPARE(incremental, describe(m_catalog, fresh.search(query)));
            QCOMPARE(describe(m_catalog, fresh.search(query)), incremental);
        }
        // Backspace: a shorter query is searched afresh.
        for (qsizetype length = typed.size(); length >= 1; --length) {
            const QString query = typed.left(length);
            OptionSearch fresh(m_catalog);
            QCOMPARE(describe(m_catalog, typing.search(query)), describe(m_catalog, fresh.search(query)));
        }
    }

private:
    OptionCatalog m_catalog;
};

QTEST_GUILESS_MAIN(OptionSearchTest)
#include "tst_optionsearch.moc"
