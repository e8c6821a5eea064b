// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Search ranking, filters and paging over a small catalog with the name
// clashes real nixpkgs has (versioned attributes, package sets, names that
// are prefixes of others).

#include "testcatalog.h"

#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;
using TestCatalog::Spec;

namespace
{

QJsonObject licence(const QString &spdx, const QString &shortName, const QString &name, bool free = true)
{
    return {{u"spdxId"_s, spdx}, {u"shortName"_s, shortName}, {u"fullName"_s, name}, {u"free"_s, free}};
}

QList<Spec> specs()
{
    const QJsonValue mit = licence(u"MIT"_s, u"mit"_s, u"MIT License"_s);
    const QJsonValue mpl = licence(u"MPL-2.0"_s, u"mpl20"_s, u"Mozilla Public License 2.0"_s);
    const QJsonValue apache = licence(u"Apache-2.0"_s, u"asl20"_s, u"Apache License 2.0"_s);
    const QJsonValue gpl = licence(u"GPL-3.0-or-later"_s, u"gpl3Plus"_s, u"GNU General Public License v3.0 or later"_s);
    const QJsonValue unfree = QJsonObject{{u"shortName"_s, u"unfree"_s}, {u"fullName"_s, u"Unfree"_s}, {u"free"_s, false}};
    return {
        {u"firefox"_s, u"firefox"_s, u"133.0"_s, u"Web browser built from Firefox source tree"_s, mpl},
        {u"firefox-esr"_s, u"firefox-esr"_s, u"128.5.1esr"_s, u"Web browser built from Firefox Extended Support Release source tree"_s, mpl},
        {u"fire"_s, u"fire"_s, u"0.6.0"_s, u"Python library for automatically generating command line interfaces"_s, apache},
        {u"librewolf"_s, u"librewolf"_s, u"133.0"_s, u"Fork of Firefox, focused on privacy, security and freedom"_s, mpl},
        {u"tridactyl-native"_s, u"tridactyl-native"_s, u"0.4.1"_s, u"Native messenger for Tridactyl, a vim-like web extension for Firefox"_s, apache},
        {u"luakit"_s, u"luakit"_s, u"2.3.3"_s, u"Fast, small, webkit-based browser framework extensible in Lua"_s, gpl},
        {u"kdePackages.plasma-browser-integration"_s,
         u"plasma-browser-integration"_s,
         u"6.2.4"_s,
         u"Components necessary to integrate browsers into the Plasma Desktop"_s,
         gpl},
        {u"vscode"_s, u"vscode"_s, u"1.95.3"_s, u"Code editor developed by Microsoft"_s, unfree, true},
        {u"vscodium"_s, u"vscodium"_s, u"1.95.3"_s, u"Open source code editor developed by Microsoft, without its branding and telemetry"_s, mit},
        {u"hello"_s, u"hello"_s, u"2.12.1"_s, u"Program that produces a familiar, friendly greeting"_s, gpl},
        {u"hello-wayland"_s, u"hello-wayland"_s, u"0-unstable-2024-03-04"_s, u"Hello world Wayland client"_s, mit},
        {u"python3"_s,
         u"python3"_s,
         u"3.12.8"_s,
         u"High-level dynamically-typed programming language"_s,
         licence(u"Python-2.0"_s, u"psfl"_s, u"Python Software Foundation License version 2"_s)},
        {u"python312"_s,
         u"python3"_s,
         u"3.12.8"_s,
         u"High-level dynamically-typed programming language"_s,
         licence(u"Python-2.0"_s, u"psfl"_s, u"Python Software Foundation License version 2"_s)},
        {u"python311"_s,
         u"python3"_s,
         u"3.11.11"_s,
         u"High-level dynamically-typed programming language"_s,
         licence(u"Python-2.0"_s, u"psfl"_s, u"Python Software Foundation License version 2"_s)},
        {u"python312Packages.requests"_s, u"requests"_s, u"2.32.3"_s, u"HTTP library for Python"_s, apache},
        {u"python312Packages.python-dateutil"_s,
         u"python-dateutil"_s,
         u"2.9.0"_s,
         u"Powerful extensions to the standard datetime module"_s,
         licence(u"BSD-3-Clause"_s, u"bsd3"_s, u"BSD 3-clause"_s)},
        {u"xh"_s, u"xh"_s, u"0.23.0"_s, u"Friendly and fast tool for sending HTTP requests"_s, mit},
    };
}

// Enough packages, over enough name lengths, that SQLite reads the prefix
// index one length at a time as it does for a real catalog; set members
// (`emacsPackages.x`) share first letters with short top-level names.
QList<Spec> manyNames()
{
    const QStringList sets{QString(), QString(), u"emacsPackages."_s, u"python312Packages."_s, u"vimPlugins."_s};
    const QStringList syllables{u"e"_s, u"ka"_s, u"vi"_s, u"py"_s, u"lo"_s, u"em"_s, u"tor"_s, u"mi"_s};
    QList<Spec> specs;
    QSet<QString> attrs;
    for (int i = 0; specs.size() < 3000; ++i) {
        QString pname;
        int n = i;
        for (int part = 0; part < 1 + i % 5; ++part) {
            pname += syllables.at(n % syllables.size());
            n = n / int(syllables.size()) + part;
        }
        const QString attr = sets.at((i / 7) % sets.size()) + pname;
        if (!attrs.contains(attr)) {
            attrs.insert(attr);
            specs.append({attr, pname, u"1.0"_s, u"Package %1"_s.arg(i)});
        }
    }
    return specs;
}

// "attr:kind" per hit: E exact, P prefix, F full text, A everything.
QStringList render(const SearchResult &result)
{
    QStringList out;
    for (const SearchHit &hit : result.hits) {
        const char *kind = hit.match == SearchHit::Match::Exact ? "E"
            : hit.match == SearchHit::Match::Prefix             ? "P"
            : hit.match == SearchHit::Match::FullText           ? "F"
                                                                : "A";
        out << hit.package.attrPath + u':' + QLatin1StringView(kind);
    }
    return out;
}

} // namespace

class CatalogSearchTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Catalog> m_catalog;
    /// manyNames(), imported by the first test that needs it.
    std::unique_ptr<Catalog> m_many;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString path = m_dir.filePath(u"search.sqlite"_s);
        const auto result = TestCatalog::importJson(m_dir, TestCatalog::nixEnvJson(specs()), path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QString error;
        m_catalog = Catalog::open(path, &error);
        QVERIFY2(m_catalog, qPrintable(error));
    }

    void ranking_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("unfree");
        QTest::addColumn<QString>("license");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("exact, then prefix, then text")
            << u"firefox"_s << 0 << QString() << QStringList{u"firefox:E"_s, u"firefox-esr:P"_s, u"librewolf:F"_s, u"tridactyl-native:F"_s};
        QTest::newRow("case does not matter") << u"  FireFox "_s << 0 << QString()
                                              << QStringList{u"firefox:E"_s, u"firefox-esr:P"_s, u"librewolf:F"_s, u"tridactyl-native:F"_s};
        QTest::newRow("shorter prefix matches first")
            << u"fire"_s << 0 << QString() << QStringList{u"fire:E"_s, u"firefox:P"_s, u"firefox-esr:P"_s, u"librewolf:F"_s, u"tridactyl-native:F"_s};
        QTest::newRow("exact attribute before exact pname")
            << u"python3"_s << 0 << QString()
            << QStringList{u"python3:E"_s, u"python311:E"_s, u"python312:E"_s, u"python312Packages.requests:P"_s, u"python312Packages.python-dateutil:P"_s};
        QTest::newRow("pname of a set member") << u"requests"_s << 0 << QString() << QStringList{u"python312Packages.requests:E"_s, u"xh:F"_s};
        QTest::newRow("name matches outrank description matches")
            << u"browser"_s << 0 << QString() << QStringList{u"kdePackages.plasma-browser-integration:F"_s, u"firefox:F"_s, u"luakit:F"_s, u"firefox-esr:F"_s};
        QTest::newRow("every word must match") << u"web browser"_s << 0 << QString() << QStringList{u"firefox:F"_s, u"luakit:F"_s, u"firefox-esr:F"_s};
        QTest::newRow("two letters: names only") << u"fi"_s << 0 << QString() << QStringList{u"fire:P"_s, u"firefox:P"_s, u"firefox-esr:P"_s};
        QTest::newRow("one letter: names only") << u"h"_s << 0 << QString() << QStringList{u"hello:P"_s, u"hello-wayland:P"_s};
        QTest::newRow("no match") << u"zzzz"_s << 0 << QString() << QStringList();
        QTest::newRow("punctuation only") << u"--"_s << 0 << QString() << QStringList();
        QTest::newRow("description words") << u"code editor"_s << 0 << QString() << QStringList{u"vscode:F"_s, u"vscodium:F"_s};
        QTest::newRow("free only") << u"code editor"_s << 1 << QString() << QStringList{u"vscodium:F"_s};
        QTest::newRow("unfree only") << u"code editor"_s << 2 << QString() << QStringList{u"vscode:F"_s};
        QTest::newRow("licence by SPDX id") << QString() << 0 << u"MIT"_s << QStringList{u"hello-wayland:A"_s, u"vscodium:A"_s, u"xh:A"_s};
        QTest::newRow("licence by short name") << u"fire"_s << 0 << u"MPL20"_s << QStringList{u"firefox:P"_s, u"firefox-esr:P"_s, u"librewolf:F"_s};
        QTest::newRow("licence by full name") << u"python"_s << 0 << u"python software foundation license version 2"_s
                                              << QStringList{u"python3:P"_s, u"python311:P"_s, u"python312:P"_s};
        QTest::newRow("unknown licence") << QString() << 0 << u"WTFPL"_s << QStringList();
    }

    void ranking()
    {
        QFETCH(QString, query);
        QFETCH(int, unfree);
        QFETCH(QString, license);
        QFETCH(QStringList, expected);
        SearchQuery search;
        search.text = query;
        search.unfree = SearchQuery::Unfree(unfree);
        search.license = license;
        const SearchResult result = m_catalog->search(search);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(render(result), expected);
        QVERIFY(!result.hasMore);
    }

    void pagesAreStable_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("pageSize");
        for (const QString &query : {QString(), u"fire"_s, u"python"_s, u"browser"_s}) {
            for (const int size : {1, 2, 3, 5}) {
                QTest::addRow("'%s' by %d", qPrintable(query), size) << query << size;
            }
        }
    }

    void pagesAreStable()
    {
        QFETCH(QString, query);
        QFETCH(int, pageSize);
        SearchQuery whole;
        whole.text = query;
        whole.limit = 1000;
        const QStringList all = render(m_catalog->search(whole));
        QVERIFY(!all.isEmpty());
        QStringList paged;
        for (qsizetype offset = 0;; offset += pageSize) {
            SearchQuery page = whole;
            page.offset = offset;
            page.limit = pageSize;
            const SearchResult result = m_catalog->search(page);
            QVERIFY(result.hits.size() <= pageSize);
            paged += render(result);
            if (!result.hasMore) {
                break;
            }
            QCOMPARE(result.hits.size(), pageSize);
        }
        QCOMPARE(paged, all);
        QCOMPARE(render(m_catalog->search(whole)), all);
    }

    // Exact matches as the exact tier orders them, then every other package
    // with a name (attribute or pname, compared without case) that starts
    // with the query: the shortest such name first, then by attribute.
    void prefixOrderOnALargeCatalog_data()
    {
        QTest::addColumn<QString>("query");
        for (const char *query : {"e", "em", "vi", "py", "Py", "k", "lo", "tor", "emacsp", "q"}) {
            QTest::newRow(query) << QString::fromLatin1(query);
        }
    }

    void prefixOrderOnALargeCatalog()
    {
        QFETCH(QString, query);
        const QList<Spec> specs = manyNames();
        if (!m_many) {
            const QString path = m_dir.filePath(u"many.sqlite"_s);
            const auto result = TestCatalog::importJson(m_dir, TestCatalog::nixEnvJson(specs), path);
            QVERIFY2(result.ok, qPrintable(result.error));
            QString error;
            m_many = Catalog::open(path, &error);
            QVERIFY2(m_many, qPrintable(error));
        }
        const QString key = query.toLower();
        QList<const Spec *> exact;
        QList<std::pair<qsizetype, const Spec *>> prefixed;
        for (const Spec &spec : specs) {
            const QString attr = spec.attr.toLower();
            const QString pname = spec.pname.toLower();
            if (attr == key || pname == key) {
                exact.append(&spec);
                continue;
            }
            qsizetype closeness = -1;
            for (const QString &name : {attr, pname}) {
                if (name.startsWith(key) && (closeness < 0 || name.size() < closeness)) {
                    closeness = name.size();
                }
            }
            if (closeness >= 0) {
                prefixed.append({closeness, &spec});
            }
        }
        std::sort(exact.begin(), exact.end(), [&key](const Spec *a, const Spec *b) {
            return std::tuple(a->attr.toLower() != key, a->attr.size(), a->attr) < std::tuple(b->attr.toLower() != key, b->attr.size(), b->attr);
        });
        std::sort(prefixed.begin(), prefixed.end(), [](const auto &a, const auto &b) {
            return std::tuple(a.first, a.second->attr) < std::tuple(b.first, b.second->attr);
        });
        QStringList expected;
        for (const Spec *spec : std::as_const(exact)) {
            expected << spec->attr + u":E"_s;
        }
        for (const auto &[closeness, spec] : std::as_const(prefixed)) {
            expected << spec->attr + u":P"_s;
        }
        QVERIFY(query == u"q"_s || expected.size() > 100);

        // Page by page, as a list view asks for more.
        QStringList paged;
        SearchQuery page;
        page.text = query;
        page.limit = 50;
        for (;; page.offset += page.limit) {
            const SearchResult result = m_many->search(page);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            paged += render(result);
            if (!result.hasMore) {
                break;
            }
        }
        QCOMPARE(paged, expected);
    }

    // Name matches are ranked by BM25 over the names alone: the shorter name
    // first, a long description does not push one down, and a match in the
    // description alone comes after every name match.
    void nameMatchesRankedByTheirNames()
    {
        QTemporaryDir dir;
        QString words;
        for (int i = 0; i < 40; ++i) {
            words += u" tool%1"_s.arg(i);
        }
        const QList<Spec> specs{
            {u"zeta-audio"_s, u"zeta-audio"_s, u"1.0"_s, u"Long"_s + words},
            {u"mid-audio"_s, u"mid-audio"_s, u"1.0"_s, u"Small tool"_s},
            {u"alpha-audio-tools"_s, u"alpha-audio-tools"_s, u"1.0"_s, u"Small tool"_s},
            {u"player"_s, u"player"_s, u"1.0"_s, u"Audio player"_s},
        };
        const QString path = dir.filePath(u"names.sqlite"_s);
        const auto imported = TestCatalog::importJson(dir, TestCatalog::nixEnvJson(specs), path);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        QString error;
        const auto catalog = Catalog::open(path, &error);
        QVERIFY2(catalog, qPrintable(error));
        SearchQuery query;
        query.text = u"audio"_s;
        const SearchResult result = catalog->search(query);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(render(result), (QStringList{u"mid-audio:F"_s, u"zeta-audio:F"_s, u"alpha-audio-tools:F"_s, u"player:F"_s}));
        QCOMPARE(result.hits.at(0).score, result.hits.at(1).score);
        QVERIFY(result.hits.at(1).score < result.hits.at(2).score);
    }

    void installedFilter()
    {
        QString error;
        QVERIFY2(m_catalog->setInstalled({u"hello"_s, u"firefox"_s, u"not-in-the-catalog"_s}, &error), qPrintable(error));
        SearchQuery query;
        query.installedOnly = true;
        QCOMPARE(render(m_catalog->search(query)), (QStringList{u"firefox:A"_s, u"hello:A"_s}));
        query.text = u"fire"_s;
        QCOMPARE(render(m_catalog->search(query)), (QStringList{u"firefox:P"_s}));
        QVERIFY(m_catalog->setInstalled({}, &error));
        QCOMPARE(render(m_catalog->search(query)), QStringList());
    }

    void packagesWithPname()
    {
        QStringList attrs;
        for (const Package &p : m_catalog->packagesWithPname(u"Python3"_s)) {
            attrs << p.attrPath;
        }
        QCOMPARE(attrs, (QStringList{u"python3"_s, u"python311"_s, u"python312"_s}));
    }

    void fullTextExpression_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("word") << u"fire"_s << u"\"fire\"*"_s;
        QTest::newRow("words and punctuation") << u"Web-Browser, \"qtx\""_s << u"\"web\"* \"browser\"* \"qtx\"*"_s;
        QTest::newRow("FTS syntax is not passed through") << u"a OR b NEAR(c)"_s << u"\"a\" \"or\" \"b\" \"near\"* \"c\""_s;
        QTest::newRow("short words whole") << u"qt web"_s << u"\"qt\" \"web\"*"_s;
        QTest::newRow("one letter alone") << u"f"_s << QString();
        QTest::newRow("two letters alone") << u"fi"_s << QString();
        QTest::newRow("nothing") << u" . "_s << QString();
    }

    void fullTextExpression()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(Catalog::fullTextExpression(text), expected);
    }
};

QTEST_GUILESS_MAIN(CatalogSearchTest)
#include "tst_catalogsearch.moc"
