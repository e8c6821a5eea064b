// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The check a file passes before the helper writes it. Built twice: with the
// project's parser (snowpane_nix) and with the nix-instantiate --parse
// fallback, which must agree on what they accept and on where errors are.

#include "parsecheck.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

class ParseCheckTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qInfo() << "checking with" << parseCheckMethod();
    }

    void check_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error"); // empty: accepted; else the start of the message
        QTest::newRow("module") << QByteArray("{ pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.hello ];\n}\n") << QString();
        QTest::newRow("empty set") << QByteArray("{ }") << QString();
        QTest::newRow("missing semicolon") << QByteArray("{\n  a = 1\n  b = 2;\n}\n") << u"configuration.nix:3:5: "_s;
        QTest::newRow("unclosed") << QByteArray("{ a = [ 1 2 ;\n") << u"configuration.nix:1:"_s;
        QTest::newRow("empty file") << QByteArray("") << u"configuration.nix:1:"_s;
        QTest::newRow("duplicate attribute") << QByteArray("{ a = 1; a = 2; }") << u"configuration.nix:1:"_s;
    }
    void check()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        HelperConfig config;
        config.nixBinDirectory = QStringLiteral(NIX_BIN_DIR);
        const auto result = checkNixParses(u"configuration.nix"_s, content, config);
        QCOMPARE(result.isOk(), error.isEmpty());
        if (!error.isEmpty()) {
            QVERIFY2(result.error().startsWith(error), qPrintable(result.error()));
        }
    }
};

QTEST_GUILESS_MAIN(ParseCheckTest)
#include "tst_parsecheck.moc"
