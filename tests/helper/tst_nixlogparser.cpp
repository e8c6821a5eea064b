// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The internal-json parser on streams recorded from real runs of
// `nix-build --log-format internal-json -v` (Nix 2.26) in the build root,
// against the stand-in nixpkgs and small derivations (corpus/).

#include "helperprotocol.h"
#include "nixlogparser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace snowpane::helper;

namespace
{
NixLogParser replay(const QString &name, QList<NixProgress> *snapshots = nullptr)
{
    QFile file(QStringLiteral(CORPUS_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing recording %s", qPrintable(file.fileName()));
    }
    NixLogParser parser;
    while (!file.atEnd()) {
        parser.feedLine(file.readLine());
        if (snapshots) {
            snapshots->append(parser.progress());
        }
    }
    return parser;
}
}

class NixLogParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void successfulBuild()
    {
        QList<NixProgress> snapshots;
        const NixLogParser parser = replay(QStringLiteral("build-success.jsonl"), &snapshots);
        const NixProgress &progress = parser.progress();
        QVERIFY(!progress.error);
        QCOMPARE(progress.derivationsExpected, 8);
        QCOMPARE(progress.derivationsDone, 8);
        QCOMPARE(progress.phase, NixPhase::Building);
        QVERIFY(progress.recentLines.contains(QStringLiteral("these 8 derivations will be built:")));
        // Evaluation messages (level talkative) are not log lines.
        for (const QString &line : progress.recentLines) {
            QVERIFY2(!line.startsWith(QLatin1String("evaluating file")), qPrintable(line));
            QVERIFY2(!line.contains(QChar(0x1b)), qPrintable(line));
        }
        // The phase starts at evaluating and moves to building; counts only grow.
        QCOMPARE(snapshots.first().phase, NixPhase::Evaluating);
        qint64 done = 0;
        bool sawBuildActivity = false;
        for (const NixProgress &p : std::as_const(snapshots)) {
            QVERIFY(p.derivationsDone >= done);
            done = p.derivationsDone;
            sawBuildActivity = sawBuildActivity || p.activity.startsWith(QLatin1String("building"));
        }
        QVERIFY(sawBuildActivity);
        const auto withStorePath = std::find_if(snapshots.cbegin(), snapshots.cend(), [](const NixProgress &p) {
            return p.activity.contains(QLatin1String("/nix/store/"));
        });
        QVERIFY2(withStorePath == snapshots.cend(), "activities name derivations, not store paths");
    }

    void evaluationError()
    {
        const NixLogParser parser = replay(QStringLiteral("eval-error.jsonl"));
        const auto &error = parser.progress().error;
        QVERIFY(error);
        QVERIFY2(error->message.contains(QLatin1String("undefined variable 'undefinedThing'")), qPrintable(error->message));
        QVERIFY2(error->file.endsWith(QLatin1String("/evalerror.nix")), qPrintable(error->file));
        QCOMPARE(error->line, 6);
        QCOMPARE(error->column, 45);
        QCOMPARE(parser.progress().phase, NixPhase::Evaluating);
        const QVariantMap map = parser.progress().toVariantMap();
        QCOMPARE(map.value(QLatin1String(snowpane::protocol::progress::ErrorLine)).toInt(), 6);
        QCOMPARE(map.value(QLatin1String(snowpane::protocol::progress::Phase)).toString(), QStringLiteral("evaluating"));
    }

    void syntaxError()
    {
        const NixLogParser parser = replay(QStringLiteral("syntax-error.jsonl"));
        const auto &error = parser.progress().error;
        QVERIFY(error);
        QVERIFY2(error->message.startsWith(QLatin1String("syntax error, unexpected '='")), qPrintable(error->message));
        QVERIFY(error->file.endsWith(QLatin1String("/syntaxerror.nix")));
        QCOMPARE(error->line, 4);
        QCOMPARE(error->column, 27);
    }

    void buildFailure()
    {
        const NixLogParser parser = replay(QStringLiteral("build-failure.jsonl"));
        const auto &error = parser.progress().error;
        QVERIFY(error);
        QVERIFY2(error->message.contains(QLatin1String("failed with exit code 3")), qPrintable(error->message));
        QVERIFY(!error->message.contains(QChar(0x1b)));
        QVERIFY(error->file.isEmpty());
        QCOMPARE(error->line, 0);
        // The builder's own output is what explains a failure.
        QVERIFY(parser.progress().recentLines.contains(QStringLiteral("compiling part one")));
        QVERIFY(parser.progress().recentLines.contains(QStringLiteral("compiling part two")));
    }

    void download()
    {
        QList<NixProgress> snapshots;
        const NixLogParser parser = replay(QStringLiteral("fetch.jsonl"), &snapshots);
        QCOMPARE(parser.progress().bytesDone, 3000000);
        QCOMPARE(parser.progress().bytesExpected, 3000000);
        QCOMPARE(parser.progress().derivationsDone, 1);
        const bool sawFetching = std::any_of(snapshots.cbegin(), snapshots.cend(), [](const NixProgress &p) {
            return p.phase == NixPhase::Fetching && p.activity.startsWith(QLatin1String("downloading 'file://"));
        });
        QVERIFY(sawFetching);
        const bool sawPartial = std::any_of(snapshots.cbegin(), snapshots.cend(), [](const NixProgress &p) {
            return p.bytesDone > 0 && p.bytesDone < p.bytesExpected;
        });
        QVERIFY(sawPartial);
    }

    void hostileLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("prefix only") << QByteArray("@nix ");
        QTest::newRow("broken json") << QByteArray("@nix {\"action\":\"start\",");
        QTest::newRow("array") << QByteArray("@nix [1,2,3]");
        QTest::newRow("wrong types") << QByteArray("@nix {\"action\":\"result\",\"id\":\"x\",\"type\":\"105\",\"fields\":\"no\"}");
        QTest::newRow("fields short") << QByteArray("@nix {\"action\":\"result\",\"id\":1,\"type\":105,\"fields\":[]}");
        QTest::newRow("unknown stop") << QByteArray("@nix {\"action\":\"stop\",\"id\":99}");
        QTest::newRow("huge numbers") << QByteArray("@nix {\"action\":\"result\",\"id\":1,\"type\":106,\"fields\":[101,1e300]}");
        QTest::newRow("error without position") << QByteArray("@nix {\"action\":\"msg\",\"level\":0,\"msg\":\"error: boom\"}");
        QTest::newRow("plain") << QByteArray("warning: Git tree is dirty");
        QTest::newRow("very long") << QByteArray(1 << 20, 'x');
    }
    void hostileLines()
    {
        QFETCH(QByteArray, line);
        NixLogParser parser;
        parser.feedLine("@nix {\"action\":\"start\",\"id\":1,\"level\":0,\"parent\":0,\"text\":\"\",\"type\":104}");
        parser.feedLine(line);
        parser.feedLine("@nix {\"action\":\"result\",\"id\":1,\"type\":105,\"fields\":[1,2,0,0]}");
        QCOMPARE(parser.progress().derivationsDone, 1);
        QCOMPARE(parser.progress().derivationsExpected, 2);
        for (const QString &recent : parser.progress().recentLines) {
            QVERIFY(recent.size() <= NixLogParser::MaxLineChars + 1);
        }
    }

    void randomInputNeverCrashes()
    {
        QRandomGenerator random(8);
        NixLogParser parser;
        for (int i = 0; i < 2000; ++i) {
            QByteArray line = "@nix ";
            const int length = random.bounded(200);
            for (int j = 0; j < length; ++j) {
                line.append(char(random.bounded(256)));
            }
            parser.feedLine(line);
        }
        QVERIFY(parser.progress().recentLines.size() <= NixLogParser::MaxRecentLines);
    }
};

QTEST_GUILESS_MAIN(NixLogParserTest)
#include "tst_nixlogparser.moc"
