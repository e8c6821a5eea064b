// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Version comparison and store-name parsing, each on a table that is also
// evaluated by real Nix, so that the table itself is checked.

#include "nixtools.h"
#include "storename.h"
#include "versioncompare.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

struct VersionCase {
    const char *left;
    const char *right;
    int expected;
};

// Each row's expectation is what builtins.compareVersions returns.
constexpr VersionCase versionCases[] = {
    {"1.0", "1.0", 0},
    {"1.0", "1.0.0", -1},
    {"1.0.1", "1.0", 1},
    {"2.3a", "2.3.1", -1},
    {"2.3", "2.3a", -1},
    {"1.0pre", "1.0", -1},
    {"1.0pre1", "1.0pre2", -1},
    {"1.0", "1.0.pre", 1},
    {"pre", "pre", 0},
    {"1.0-rc1", "1.0", 1},
    {"1.0alpha", "1.0beta", -1},
    {"1.0.0-beta", "1.0.0", 1},
    {"unstable-2023-01-01", "0.1", -1},
    {"0-unstable-2024-05-01", "0-unstable-2024-04-30", 1},
    {"2147483647", "2", 1},
    {"2147483648", "2", -1},
    {"99999999999", "1", -1},
    {"1..2", "1.2", 0},
    {"1.2-", "1.2", 0},
    {"", "1", -1},
    {"", "", 0},
    {"", "a", -1},
    {"6.1.112", "6.6.52", -1},
    {"3.0.13", "3.0.9", 1},
    {"01", "1", 0},
    {"2023-10-01", "2023-9-30", 1},
    {"r1234", "1234", -1},
    {"1.2.3a", "1.2.3b", -1},
    {"1_2", "1.2", -1},
    {"a", "B", 1},
    {"10", "9", 1},
    {"1.0+git", "1.0", 1},
    {"1.0.0.0.0", "1", 1},
    {"5.15.0-rt", "5.15.0", 1},
    {"2.4.0pre20231231", "2.4.0", -1},
    {"1.2.3", "1.2.3-1", -1},
};

struct NameCase {
    const char *input;
    const char *pname;
    const char *version;
    const char *output;
};

constexpr NameCase nameCases[] = {
    {"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-hello-2.12.1", "hello", "2.12.1", ""},
    {"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-openssl-3.0.13-bin", "openssl", "3.0.13", "bin"},
    {"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-apache-httpd-2.0.48", "apache-httpd", "2.0.48", ""},
    {"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-firefox-unwrapped-128.0.3/bin/firefox", "firefox-unwrapped", "128.0.3", ""},
    {"1b9p07z77phvv2hf6gm9f28syp39f1ag-etc", "etc", "", ""},
    {"1b9p07z77phvv2hf6gm9f28syp39f1ag-unit-dbus.service", "unit-dbus.service", "", ""},
    {"python3.12-requests-2.31.0", "python3.12-requests", "2.31.0", ""},
    {"linux-6.6.52-modules", "linux", "6.6.52", "modules"},
    {"glibc-2.39-52", "glibc", "2.39-52", ""},
    {"nixos-system-demo-26.05.3", "nixos-system-demo", "26.05.3", ""},
    {"zlib-1.3.1-dev", "zlib", "1.3.1", "dev"},
    {"vim-9.1.0-rc1", "vim", "9.1.0-rc1", ""},
    {"source", "source", "", ""},
    {"foo-", "foo-", "", ""},
};

} // namespace

class VersionCompareTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<int>("expected");
        for (const VersionCase &row : versionCases) {
            QTest::addRow("%s vs %s", row.left, row.right) << QString::fromUtf8(row.left) << QString::fromUtf8(row.right) << row.expected;
        }
    }

    void compare()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(int, expected);
        QCOMPARE(compareVersions(left, right), expected);
        // The order is antisymmetric, which sorting relies on.
        QCOMPARE(compareVersions(right, left), -expected);
    }

    // One evaluation for the whole table; the strings travel as JSON so
    // that no Nix string escaping is involved.
    void tableMatchesRealNix()
    {
        const QString missing = NixTools::requireNix();
        if (!missing.isEmpty()) {
            QFAIL(qPrintable(missing));
        }
        QTemporaryDir dir;
        QJsonArray pairs;
        for (const VersionCase &row : versionCases) {
            pairs.append(QJsonArray{QString::fromUtf8(row.left), QString::fromUtf8(row.right)});
        }
        QFile file(dir.filePath(u"pairs.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(pairs).toJson());
        file.close();
        const NixTools::Run run = NixTools::evalJson(
            u"map (p: builtins.compareVersions (builtins.elemAt p 0) (builtins.elemAt p 1)) (builtins.fromJSON (builtins.readFile %1))"_s.arg(file.fileName()));
        QVERIFY2(run.ok(), run.err.constData());
        const QJsonArray answers = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(answers.size(), qsizetype(std::size(versionCases)));
        for (qsizetype i = 0; i < answers.size(); ++i) {
            const VersionCase &row = versionCases[i];
            const int nix = answers.at(i).toInt();
            QVERIFY2(nix == row.expected && compareVersions(QString::fromUtf8(row.left), QString::fromUtf8(row.right)) == nix,
                     qPrintable(u"compareVersions \"%1\" \"%2\": Nix says %3, the table %4"_s.arg(QString::fromUtf8(row.left), QString::fromUtf8(row.right))
                                    .arg(nix)
                                    .arg(row.expected)));
        }
    }

    void parseName_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("pname");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("output");
        for (const NameCase &row : nameCases) {
            QTest::addRow("%s", row.input) << QString::fromUtf8(row.input) << QString::fromUtf8(row.pname) << QString::fromUtf8(row.version)
                                           << QString::fromUtf8(row.output);
        }
    }

    void parseName()
    {
        QFETCH(QString, input);
        QFETCH(QString, pname);
        QFETCH(QString, version);
        QFETCH(QString, output);
        const StoreName name = parseStoreName(input);
        QCOMPARE(name.pname, pname);
        QCOMPARE(name.version, version);
        QCOMPARE(name.output, output);
    }

    void hashIsSplitOff()
    {
        const StoreName name = parseStoreName(u"/nix/store/1b9p07z77phvv2hf6gm9f28syp39f1ag-hello-2.12.1/share"_s);
        QCOMPARE(name.hash, u"1b9p07z77phvv2hf6gm9f28syp39f1ag"_s);
        QCOMPARE(name.name, u"hello-2.12.1"_s);
        // 'e' is not in Nix's base-32 alphabet, so this is a name, not a hash.
        QCOMPARE(parseStoreName(u"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee-x-1"_s).hash, QString());
    }

    // Where the version starts with a digit, Nix's parseDrvName (a dash not
    // followed by a letter) and ours (a dash followed by a digit) agree; the
    // rule differs only for a dash before punctuation, which no package uses.
    void namesMatchParseDrvName()
    {
        const QString missing = NixTools::requireNix();
        if (!missing.isEmpty()) {
            QFAIL(qPrintable(missing));
        }
        QTemporaryDir dir;
        QJsonArray names;
        QList<StoreName> ours;
        for (const NameCase &row : nameCases) {
            StoreName name = parseStoreName(QString::fromUtf8(row.input));
            names.append(name.name);
            ours.append(std::move(name));
        }
        QFile file(dir.filePath(u"names.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(names).toJson());
        file.close();
        const NixTools::Run run = NixTools::evalJson(
            u"map (n: let d = builtins.parseDrvName n; in [ d.name d.version ]) (builtins.fromJSON (builtins.readFile %1))"_s.arg(file.fileName()));
        QVERIFY2(run.ok(), run.err.constData());
        const QJsonArray answers = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(answers.size(), ours.size());
        for (qsizetype i = 0; i < answers.size(); ++i) {
            const StoreName &name = ours.at(i);
            const QString fullVersion = name.output.isEmpty() ? name.version : name.version + u'-' + name.output;
            QCOMPARE(answers.at(i).toArray().at(0).toString(), name.pname);
            QCOMPARE(answers.at(i).toArray().at(1).toString(), fullVersion);
        }
    }
};

QTEST_GUILESS_MAIN(VersionCompareTest)
#include "tst_versioncompare.moc"
