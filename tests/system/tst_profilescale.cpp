// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A profile of 1,000 generations, some of them broken, lists completely and
// in order. How fast is for the benchmark (bench_system), not for a test.

#include "fakeprofile.h"
#include "generationreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

class ProfileScaleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thousandGenerationsWithBrokenOnes()
    {
        QTemporaryDir dir;
        FakeProfile profile(dir.path());
        const QDateTime start(QDate(2025, 1, 1), QTime(12, 0), QTimeZone::UTC);
        for (int number = 1; number <= 1000; ++number) {
            if (number % 97 == 0) {
                QVERIFY(profile.addDanglingGeneration(number));
                continue;
            }
            QVERIFY2(profile.addGeneration({number, u"26.05.%1"_s.arg(number), u"6.6.%1"_s.arg(number % 50), {}, {}, {}, start.addSecs(number * 3600)}),
                     qPrintable(profile.errorString()));
        }
        // One generation lost its nixos-version: still listed, with what is known.
        QVERIFY(QFile::remove(profile.storePathOf(500) + u"/nixos-version"_s));
        QVERIFY(profile.pointAt(profile.profilePath(), 999));

        const GenerationReader::Result result = GenerationReader(profile.profilePath()).readAll();
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.generations.size(), 1000);
        int dangling = 0;
        for (qsizetype i = 0; i < result.generations.size(); ++i) {
            const Generation &generation = result.generations.at(i);
            QCOMPARE(generation.number, 1000 - i);
            QCOMPARE(generation.current, generation.number == 999);
            if (generation.number % 97 == 0) {
                ++dangling;
                QVERIFY(generation.storePath.isEmpty());
                QVERIFY(generation.problem.contains(u"does not exist"_s));
            } else if (generation.number == 500) {
                QVERIFY(generation.nixosVersion.isEmpty());
                QCOMPARE(generation.kernelVersion, u"6.6.0"_s);
                QVERIFY(!generation.problem.isEmpty());
            } else {
                QCOMPARE(generation.nixosVersion, u"26.05.%1"_s.arg(generation.number));
                QVERIFY(generation.problem.isEmpty());
            }
        }
        QCOMPARE(dangling, 10);
    }

    // Names that look almost like generation links are not generations.
    void strayNamesAreIgnored()
    {
        QTemporaryDir dir;
        FakeProfile profile(dir.path());
        QVERIFY(profile.addGeneration({1, u"26.05"_s, {}, {}, {}, {}, {}}));
        QVERIFY(profile.pointAt(profile.profilePath(), 1));
        const QString profiles = QFileInfo(profile.profilePath()).path();
        for (const QString &name : {u"system-0-link"_s, u"system--1-link"_s, u"system-x-link"_s, u"system-2-link.tmp"_s, u"other-3-link"_s}) {
            QVERIFY(QFile::link(profile.storePathOf(1), profiles + u'/' + name));
        }
        const GenerationReader::Result result = GenerationReader(profile.profilePath()).readAll();
        QCOMPARE(result.generations.size(), 1);
    }
};

QTEST_GUILESS_MAIN(ProfileScaleTest)
#include "tst_profilescale.moc"
