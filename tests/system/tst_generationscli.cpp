// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "fakeprofile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class GenerationsCliTest : public QObject
{
    Q_OBJECT

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run runCli(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(SNOWPANE_CLI), arguments);
        Run run;
        if (!process.waitForFinished(30000)) {
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

private Q_SLOTS:
    void printsNixosRebuildJson()
    {
        QTemporaryDir dir;
        FakeProfile profile(dir.path());
        const QDateTime date(QDate(2026, 5, 17), QTime(14, 2, 9), QTimeZone::LocalTime);
        QVERIFY(profile.addGeneration({1, u"24.05.1 (Uakari)"_s, u"6.1.112"_s, {}, {}, {}, date}));
        QVERIFY(profile.addGeneration({2, u"24.11.2 (Vicuna)"_s, u"6.6.52"_s, u"c0ffee"_s, {u"work"_s}, {}, date.addSecs(60)}));
        QVERIFY(profile.addDanglingGeneration(3));
        QVERIFY(profile.pointAt(profile.profilePath(), 2));

        QVERIFY(profile.pointAt(dir.filePath(u"booted-system"_s), 1));
        const Run run = runCli({u"generations"_s,
                                u"--json"_s,
                                u"--profile"_s,
                                profile.profilePath(),
                                u"--booted-system"_s,
                                dir.filePath(u"booted-system"_s),
                                u"--current-system"_s,
                                profile.profilePath()});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(list.size(), 3);

        const QJsonObject second = list.at(1).toObject();
        QCOMPARE(QStringList(second.keys()),
                 // nixos-rebuild's fields, and Snowpane's (booted, closureSize, running, storePath).
                 QStringList({u"booted"_s,
                              u"closureSize"_s,
                              u"configurationRevision"_s,
                              u"current"_s,
                              u"date"_s,
                              u"generation"_s,
                              u"kernelVersion"_s,
                              u"nixosVersion"_s,
                              u"running"_s,
                              u"specialisations"_s,
                              u"storePath"_s}));
        QCOMPARE(second.value(u"running"_s).toBool(), true);
        QCOMPARE(second.value(u"booted"_s).toBool(), false);
        QCOMPARE(second.value(u"storePath"_s).toString(), QFileInfo(profile.storePathOf(2)).canonicalFilePath());
        QVERIFY(second.value(u"closureSize"_s).isNull()); // only with --closure-size
        QCOMPARE(list.at(2).toObject().value(u"booted"_s).toBool(), true);
        QCOMPARE(second.value(u"generation"_s).toInt(), 2);
        QCOMPARE(second.value(u"date"_s).toString(), u"2026-05-17 14:03:09"_s);
        QCOMPARE(second.value(u"nixosVersion"_s).toString(), u"24.11.2 (Vicuna)"_s);
        QCOMPARE(second.value(u"kernelVersion"_s).toString(), u"6.6.52"_s);
        QCOMPARE(second.value(u"configurationRevision"_s).toString(), u"c0ffee"_s);
        QCOMPARE(second.value(u"specialisations"_s).toArray(), QJsonArray({u"work"_s}));
        QCOMPARE(second.value(u"current"_s).toBool(), true);

        // A garbage-collected generation still lists, with what is unknown said so.
        const QJsonObject dangling = list.at(0).toObject();
        QCOMPARE(dangling.value(u"generation"_s).toInt(), 3);
        QCOMPARE(dangling.value(u"nixosVersion"_s).toString(), u"Unknown"_s);
        QCOMPARE(dangling.value(u"current"_s).toBool(), false);
    }

    void failsClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("missing profile") << QStringList{u"generations"_s, u"--profile"_s, u"/nonexistent/system"_s} << 1;
        QTest::newRow("unknown option") << QStringList{u"generations"_s, u"--frobnicate"_s} << 2;
        QTest::newRow("stray argument") << QStringList{u"generations"_s, u"extra"_s} << 2;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << 2;
        QTest::newRow("no command") << QStringList{} << 2;
    }

    void failsClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!run.err.trimmed().isEmpty());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(GenerationsCliTest)
#include "tst_generationscli.moc"
