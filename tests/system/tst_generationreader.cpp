// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "fakeprofile.h"
#include "generationreader.h"
#include "systempaths.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Snowpane::System::GenerationReader;

class GenerationReaderTest : public QObject
{
    Q_OBJECT

private:
    static FakeProfile::GenerationSpec spec(int number, const QString &kernel, const QDateTime &date)
    {
        return {number, u"24.11.2024100%1.abcdef0 (Vicuna)"_s.arg(number), kernel, {}, {}, u"host%1"_s.arg(number), date};
    }

private Q_SLOTS:
    void readsEveryGenerationNewestFirst()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FakeProfile profile(dir.path());
        const QDateTime first(QDate(2026, 3, 1), QTime(9, 30), QTimeZone::UTC);
        QVERIFY2(profile.addGeneration(spec(1, u"6.1.112"_s, first)), qPrintable(profile.errorString()));
        QVERIFY2(profile.addGeneration(spec(2, u"6.6.52"_s, first.addDays(3))), qPrintable(profile.errorString()));
        QVERIFY2(profile.addGeneration(spec(10, u"6.6.58"_s, first.addDays(9))), qPrintable(profile.errorString()));
        QVERIFY(profile.pointAt(profile.profilePath(), 2));

        const auto result = GenerationReader(profile.profilePath()).readAll();
        QCOMPARE(result.error, QString());
        QCOMPARE(result.generations.size(), 3);
        // Numeric order, not the file names' order (system-10 sorts before system-2).
        QCOMPARE(result.generations.at(0).number, 10);
        QCOMPARE(result.generations.at(1).number, 2);
        QCOMPARE(result.generations.at(2).number, 1);
        QCOMPARE(result.generations.at(1).kernelVersion, u"6.6.52"_s);
        QCOMPARE(result.generations.at(1).nixosVersion, u"24.11.20241002.abcdef0 (Vicuna)"_s);
        QCOMPARE(result.generations.at(2).date, first);
        QCOMPARE(result.generations.at(0).date, first.addDays(9));
        QVERIFY(result.generations.at(1).current);
        QVERIFY(!result.generations.at(0).current);
        QVERIFY(!result.generations.at(2).current);
        for (const auto &generation : result.generations) {
            QCOMPARE(generation.problem, QString());
            QVERIFY(generation.storePath.endsWith(u"-gen%1"_s.arg(generation.number)));
        }
    }

    void readsRevisionAndSpecialisations()
    {
        QTemporaryDir dir;
        FakeProfile profile(dir.path());
        auto generation = spec(4, u"6.6.52"_s, QDateTime::currentDateTimeUtc());
        generation.configurationRevision = u"0f3c2a9e"_s;
        generation.specialisations = {u"gaming"_s, u"work"_s};
        QVERIFY2(profile.addGeneration(generation), qPrintable(profile.errorString()));
        QVERIFY(profile.pointAt(profile.profilePath(), 4));

        const auto current = GenerationReader(profile.profilePath()).readCurrent();
        QVERIFY(current.has_value());
        QCOMPARE(current->number, 4);
        QCOMPARE(current->configurationRevision, u"0f3c2a9e"_s);
        QCOMPARE(current->specialisations, QStringList({u"gaming"_s, u"work"_s}));
        QVERIFY(current->current);
    }

    void brokenGenerationsStillList_data()
    {
        QTest::addColumn<bool>("dangling");
        QTest::addColumn<QString>("problemFragment");
        QTest::newRow("garbage-collected store path") << true << u"does not exist"_s;
        QTest::newRow("no nixos-version") << false << u"no nixos-version"_s;
    }

    void brokenGenerationsStillList()
    {
        QFETCH(bool, dangling);
        QFETCH(QString, problemFragment);
        QTemporaryDir dir;
        FakeProfile profile(dir.path());
        QVERIFY(profile.addGeneration(spec(1, u"6.1.112"_s, QDateTime::currentDateTimeUtc())));
        if (dangling) {
            QVERIFY(profile.addDanglingGeneration(2));
        } else {
            QVERIFY(profile.addGeneration(spec(2, u"6.1.112"_s, QDateTime::currentDateTimeUtc())));
            QVERIFY(QFile::remove(profile.storePathOf(2) + u"/nixos-version"_s));
        }
        QVERIFY(profile.pointAt(profile.profilePath(), 1));

        const auto result = GenerationReader(profile.profilePath()).readAll();
        QCOMPARE(result.error, QString());
        QCOMPARE(result.generations.size(), 2);
        QCOMPARE(result.generations.at(0).number, 2);
        QVERIFY2(result.generations.at(0).problem.contains(problemFragment), qPrintable(result.generations.at(0).problem));
        QCOMPARE(result.generations.at(1).problem, QString());
    }

    void ignoresFilesThatAreNotGenerations()
    {
        QTemporaryDir dir;
        FakeProfile profile(dir.path());
        QVERIFY(profile.addGeneration(spec(3, u"6.6.52"_s, QDateTime::currentDateTimeUtc())));
        QVERIFY(profile.pointAt(profile.profilePath(), 3));
        for (const char *name : {"system-x-link", "system--1-link", "system-0-link", "system-3-link.tmp", "other-4-link"}) {
            QVERIFY(QFile::link(profile.storePathOf(3), dir.filePath(u"profiles/"_s + QLatin1StringView(name))));
        }
        const auto result = GenerationReader(profile.profilePath()).readAll();
        QCOMPARE(result.generations.size(), 1);
        QCOMPARE(result.generations.at(0).number, 3);
    }

    void missingProfileIsAnError_data()
    {
        QTest::addColumn<QString>("relativeProfile");
        QTest::newRow("no directory") << u"nowhere/system"_s;
        QTest::newRow("no profile link") << u"system"_s;
    }

    void missingProfileIsAnError()
    {
        QFETCH(QString, relativeProfile);
        QTemporaryDir dir;
        const GenerationReader reader(dir.filePath(relativeProfile));
        const auto result = reader.readAll();
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.generations.isEmpty());
        QVERIFY(!reader.readCurrent().has_value());
    }

    void findsBootedAndRunningGenerations()
    {
        QTemporaryDir dir;
        FakeProfile profile(dir.path());
        for (int number = 1; number <= 3; ++number) {
            QVERIFY(profile.addGeneration(spec(number, u"6.6.52"_s, QDateTime::currentDateTimeUtc())));
        }
        QVERIFY(profile.pointAt(profile.profilePath(), 3));
        const auto paths = Snowpane::System::SystemPaths::demo(dir.path());
        QVERIFY(profile.pointAt(paths.bootedSystem, 1));
        QVERIFY(profile.pointAt(paths.currentSystem, 2));

        const GenerationReader reader(paths.profile);
        QCOMPARE(reader.generationOfSystem(paths.bootedSystem), std::optional<int>(1));
        QCOMPARE(reader.generationOfSystem(paths.currentSystem), std::optional<int>(2));
        QCOMPARE(reader.generationOfSystem(dir.filePath(u"run/missing"_s)), std::nullopt);
        QCOMPARE(Snowpane::System::hostNameOfSystem(paths.currentSystem), u"host2"_s);
        QCOMPARE(Snowpane::System::hostNameOfSystem(dir.filePath(u"run/missing"_s)), QString());
    }
};

QTEST_GUILESS_MAIN(GenerationReaderTest)
#include "tst_generationreader.moc"
