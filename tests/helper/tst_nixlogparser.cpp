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

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

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
        const NixLogParser parser = replay(u"build-success.jsonl"_s, &snapshots);
        const NixProgress &progress = parser.progress();
        QVERIFY(!progress.error);
        QCOMPARE(progress.derivationsExpected, 8);
        QCOMPARE(progress.derivationsDone, 8);
        QCOMPARE(progress.phase, NixPhase::Building);
        QVERIFY(progress.recentLines.contains(u"these 8 derivations will be built:"_s));
        // Evaluation messages (level talkative) are not log lines.
        for (const QString &line : progress.recentLines) {
            QVERIFY2(!line.startsWith("evaluating file"_L1), qPrintable(line));
            QVERIFY2(!line.contains(QChar(0x1b)), qPrintable(line));
        }
        // The phase starts at evaluating and moves to building; counts only grow.
        QCOMPARE(snapshots.first().phase, NixPhase::Evaluating);
        qint64 done = 0;
        bool sawBuildActivity = false;
        for (const NixProgress &p : std::as_const(snapshots)) {
            QVERIFY(p.derivationsDone >= done);
            done = p.derivationsDone;
            sawBuildActivity = sawBuildActivity || p.activity.startsWith("building"_L1);
        }
        QVERIFY(sawBuildActivity);
        const auto withStorePath = std::find_if(snapshots.cbegin(), snapshots.cend(), [](const NixProgress &p) {
            return p.activity.contains("/nix/store/"_L1);
        });
        QVERIFY2(withStorePath == snapshots.cend(), "activities name derivations, not store paths");
    }

    void evaluationError()
    {
        const NixLogParser parser = replay(u"eval-error.jsonl"_s);
        const auto &error = parser.progress().error;
        QVERIFY(error);
        QVERIFY2(error->message.contains("undefined variable 'undefinedThing'"_L1), qPrintable(error->message));
        QVERIFY2(error->file.endsWith("/evalerror.nix"_L1), qPrintable(error->file));
        QCOMPARE(error->line, 6);
        QCOMPARE(error->column, 45);
        QCOMPARE(parser.progress().phase, NixPhase::Evaluating);
        const QVariantMap map = parser.progress().toVariantMap();
        QCOMPARE(map.value(QLatin1String(Snowpane::Protocol::Progress::ErrorLine)).toInt(), 6);
        QCOMPARE(map.value(QLatin1String(Snowpane::Protocol::Progress::Phase)).toString(), u"evaluating"_s);
    }

    void syntaxError()
    {
        const NixLogParser parser = replay(u"syntax-error.jsonl"_s);
        const auto &error = parser.progress().error;
        QVERIFY(error);
        QVERIFY2(error->message.startsWith("syntax error, unexpected '='"_L1), qPrintable(error->message));
        QVERIFY(error->file.endsWith("/syntaxerror.nix"_L1));
        QCOMPARE(error->line, 4);
        QCOMPARE(error->column, 27);
    }

    void buildFailure()
    {
        const NixLogParser parser = replay(u"build-failure.jsonl"_s);
        const auto &error = parser.progress().error;
        QVERIFY(error);
        QVERIFY2(error->message.contains("failed with exit code 3"_L1), qPrintable(error->message));
        QVERIFY(!error->message.contains(QChar(0x1b)));
        QVERIFY(error->file.isEmpty());
        QCOMPARE(error->line, 0);
        // The builder's own output is what explains a failure.
        QVERIFY(parser.progress().recentLines.contains(u"compiling part one"_s));
        QVERIFY(parser.progress().recentLines.contains(u"compiling part two"_s));
    }

    void download()
    {
        QList<NixProgress> snapshots;
        const NixLogParser parser = replay(u"fetch.jsonl"_s, &snapshots);
        QCOMPARE(parser.progress().bytesDone, 3000000);
        QCOMPARE(parser.progress().bytesExpected, 3000000);
        QCOMPARE(parser.progress().derivationsDone, 1);
        const bool sawFetching = std::any_of(snapshots.cbegin(), snapshots.cend(), [](const NixProgress &p) {
            return p.phase == NixPhase::Fetching && p.activity.startsWith("downloading 'file://"_L1);
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
