// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The cleanup rule the window's preview and the root helper share
// (app/system/generationcleanup): which generations a rule selects, what is
// always kept, how a request for exact numbers is checked, and that a
// generation is dated by its link, never by the store path behind it.

#include "generationcleanup.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <climits>
#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

const QDateTime now(QDate(2026, 11, 25), QTime(2, 0), QTimeZone::UTC);

// Ten generations, one every three days, the newest yesterday; generation N's system is /nix/store/…-N.
QList<CleanupCandidate> tenGenerations()
{
    QList<CleanupCandidate> generations;
    for (int number = 1; number <= 10; ++number) {
        generations.append({number, now.addDays(-3 * (10 - number) - 1), u"/nix/store/%1-nixos-system-%2"_s.arg(QString(32, u'a')).arg(number)});
    }
    return generations;
}

QString systemOf(int number)
{
    return number > 0 ? tenGenerations().at(number - 1).storePath : QString();
}

// Sets a symbolic link's own times, as `touch -h` does.
bool setLinkTime(const QString &path, const QDateTime &time)
{
    const struct timespec times[2] = {{time.toSecsSinceEpoch(), 0}, {time.toSecsSinceEpoch(), 0}};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, AT_SYMLINK_NOFOLLOW) == 0;
}

} // namespace

class GenerationCleanupTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<CleanupRule>("rule");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("booted");
        QTest::addColumn<int>("running");
        QTest::addColumn<QList<int>>("removed");
        // Ages in days: generation 10 is 1 day old, 9 is 4, 8 is 7, … 1 is 28.
        QTest::newRow("keep 3, current newest") << CleanupRule::KeepLast << 3 << 10 << 0 << 0 << QList<int>{1, 2, 3, 4, 5, 6, 7};
        QTest::newRow("keep 3, booted and running old") << CleanupRule::KeepLast << 3 << 10 << 2 << 5 << QList<int>{1, 3, 4, 6, 7};
        QTest::newRow("keep 1, current old") << CleanupRule::KeepLast << 1 << 4 << 0 << 0 << QList<int>{1, 2, 3, 5, 6, 7, 8, 9};
        QTest::newRow("keep more than there are") << CleanupRule::KeepLast << 20 << 10 << 0 << 0 << QList<int>{};
        QTest::newRow("keep 0 removes nothing") << CleanupRule::KeepLast << 0 << 10 << 0 << 0 << QList<int>{};
        QTest::newRow("older than 10 days") << CleanupRule::OlderThanDays << 10 << 10 << 0 << 0 << QList<int>{1, 2, 3, 4, 5, 6};
        QTest::newRow("older than 10 days, running 3") << CleanupRule::OlderThanDays << 10 << 10 << 0 << 3 << QList<int>{1, 2, 4, 5, 6};
        QTest::newRow("older than 10 days, current 1, booted 2") << CleanupRule::OlderThanDays << 10 << 1 << 2 << 0 << QList<int>{3, 4, 5, 6};
        QTest::newRow("older than 30 days: none") << CleanupRule::OlderThanDays << 30 << 10 << 0 << 0 << QList<int>{};
        QTest::newRow("older than 0 days removes nothing") << CleanupRule::OlderThanDays << 0 << 10 << 0 << 0 << QList<int>{};
    }

    void rule()
    {
        QFETCH(CleanupRule, rule);
        QFETCH(int, count);
        QFETCH(int, current);
        QFETCH(int, booted);
        QFETCH(int, running);
        QFETCH(QList<int>, removed);
        const ProtectedSystems kept{current, systemOf(booted), systemOf(running)};
        QCOMPARE(generationsRemovedBy(tenGenerations(), kept, rule, count, now), removed);
        if (count < 1) {
            QVERIFY(!refusalToDelete({1}, tenGenerations(), kept, rule, count, now).isEmpty());
            return;
        }
        // What the rule lists is exactly what the helper accepts, and nothing one more.
        if (!removed.isEmpty()) {
            QCOMPARE(refusalToDelete(removed, tenGenerations(), kept, rule, count, now), QString());
        }
        for (int extra = 1; extra <= 10; ++extra) {
            if (!removed.contains(extra)) {
                const QString refusal = refusalToDelete(removed + QList<int>{extra}, tenGenerations(), kept, rule, count, now);
                QVERIFY2(refusal.startsWith(u"generation %1 "_s.arg(extra)), qPrintable(refusal));
            }
        }
    }

    void unknownDateIsNeverOld()
    {
        QList<CleanupCandidate> generations = tenGenerations();
        generations[0].date = QDateTime();
        QCOMPARE(generationsRemovedBy(generations, {10, {}, {}}, CleanupRule::OlderThanDays, 10, now), (QList<int>{2, 3, 4, 5, 6}));
        QVERIFY(refusalToDelete({1}, generations, {10, {}, {}}, CleanupRule::OlderThanDays, 10, now).contains(u"unknown time"_s));
    }

    void danglingLinkIsNotProtectedByAnEmptyPath()
    {
        QList<CleanupCandidate> generations = tenGenerations();
        generations[0].storePath.clear(); // garbage-collected behind the link
        // No booted or running system known: an empty store path must not match an empty setting.
        QCOMPARE(ProtectedSystems({10, {}, {}}).reasonToKeep(generations[0]), QString());
        QCOMPARE(generationsRemovedBy(generations, {10, {}, {}}, CleanupRule::KeepLast, 9, now), QList<int>{1});
    }

    void refusals_data()
    {
        QTest::addColumn<QList<int>>("requested");
        QTest::addColumn<QString>("refusal");
        // Keep 3, current 10, booted 2, running 5: the rule selects 1, 3, 4, 6, 7.
        QTest::newRow("what the rule lists") << QList<int>{1, 3, 4, 6, 7} << QString();
        QTest::newRow("a part of it") << QList<int>{3} << QString();
        QTest::newRow("the current one") << QList<int>{1, 10} << u"generation 10 is the current generation, which is always kept"_s;
        QTest::newRow("the booted one") << QList<int>{2} << u"generation 2 is the system the machine booted, which is always kept"_s;
        QTest::newRow("the running one") << QList<int>{5} << u"generation 5 is the running system, which is always kept"_s;
        QTest::newRow("one of the newest") << QList<int>{1, 9} << u"generation 9 is one of the newest 3, which are kept"_s;
        QTest::newRow("missing") << QList<int>{11} << u"generation 11 does not exist"_s;
        QTest::newRow("zero") << QList<int>{0} << u"generation 0 does not exist"_s;
        QTest::newRow("negative") << QList<int>{-1} << u"generation -1 does not exist"_s;
        QTest::newRow("largest int") << QList<int>{INT_MAX} << u"generation %1 does not exist"_s.arg(INT_MAX);
        QTest::newRow("named twice") << QList<int>{3, 3} << u"generation 3 is named twice"_s;
    }

    void refusals()
    {
        QFETCH(QList<int>, requested);
        QFETCH(QString, refusal);
        QCOMPARE(refusalToDelete(requested, tenGenerations(), {10, systemOf(2), systemOf(5)}, CleanupRule::KeepLast, 3, now), refusal);
    }

    void refusesANumberBelowOne()
    {
        QVERIFY(!refusalToDelete({1}, tenGenerations(), {10, {}, {}}, CleanupRule::KeepLast, 0, now).isEmpty());
        QVERIFY(!refusalToDelete({1}, tenGenerations(), {10, {}, {}}, CleanupRule::OlderThanDays, -5, now).isEmpty());
    }

    void olderThanNamesTheDate()
    {
        const QString refusal = refusalToDelete({9}, tenGenerations(), {10, {}, {}}, CleanupRule::OlderThanDays, 10, now);
        QCOMPARE(refusal, u"generation 9 is not older than 10 days: its link dates from 2026-11-21T02:00:00Z"_s);
    }

    void linkNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("number");
        QTest::newRow("system") << u"system-12-link"_s << u"system"_s << 12;
        QTest::newRow("other profile") << u"system-12-link"_s << u"machine"_s << 0;
        QTest::newRow("prefix of another profile") << u"system-x-12-link"_s << u"system"_s << 0;
        QTest::newRow("no number") << u"system--link"_s << u"system"_s << 0;
        QTest::newRow("not digits") << u"system-1a-link"_s << u"system"_s << 0;
        QTest::newRow("sign") << u"system-+1-link"_s << u"system"_s << 0;
        QTest::newRow("too long") << u"system-1234567890-link"_s << u"system"_s << 0;
        QTest::newRow("profile itself") << u"system"_s << u"system"_s << 0;
        QTest::newRow("empty profile") << u"-1-link"_s << QString() << 0;
        QTest::newRow("regex characters in the profile") << u"sys.em-3-link"_s << u"sys.em"_s << 3;
        QTest::newRow("regex characters do not match") << u"sysXem-3-link"_s << u"sys.em"_s << 0;
    }

    void linkNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, profile);
        QFETCH(int, number);
        QCOMPARE(generationNumberOfLink(name, profile), number);
    }

    // Store paths all carry the time 1970-01-01T00:00:01: reading it through the link made every generation old.
    void datesComeFromTheLinksThemselves()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QDateTime epochPlusOne = QDateTime::fromSecsSinceEpoch(1);
        for (int number = 1; number <= 3; ++number) {
            const QString system = dir.filePath(u"store-system-%1"_s.arg(number));
            QVERIFY(QDir().mkpath(system));
            QVERIFY(setLinkTime(system, epochPlusOne));
            QVERIFY(QFile::link(system, dir.filePath(u"profiles-system-%1-link"_s.arg(number))));
        }
        QVERIFY(QFile::link(u"profiles-system-3-link"_s, dir.filePath(u"profiles-system"_s)));
        const QDateTime realNow = QDateTime::currentDateTime();
        QVERIFY(setLinkTime(dir.filePath(u"profiles-system-1-link"_s), realNow.addDays(-40)));
        QVERIFY(setLinkTime(dir.filePath(u"profiles-system-2-link"_s), realNow.addDays(-20)));
        QVERIFY(setLinkTime(dir.filePath(u"profiles-system-3-link"_s), realNow.addDays(-1)));
        // Another profile's links beside it, and a plain file with a generation's name, are not generations.
        QVERIFY(QFile::link(dir.filePath(u"store-system-1"_s), dir.filePath(u"other-7-link"_s)));
        QFile plain(dir.filePath(u"profiles-system-9-link"_s));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();

        const ProfileGenerations profile = listProfileGenerations(dir.filePath(u"profiles-system"_s));
        QCOMPARE(profile.error, QString());
        QCOMPARE(profile.current, 3);
        QCOMPARE(profile.generations.size(), 3);
        for (qsizetype i = 0; i < 3; ++i) {
            QCOMPARE(profile.generations[i].number, int(i + 1));
            QCOMPARE(profile.generations[i].storePath, dir.filePath(u"store-system-%1"_s.arg(i + 1)));
        }
        QCOMPARE(profile.generations[0].date, QDateTime::fromSecsSinceEpoch(realNow.addDays(-40).toSecsSinceEpoch()));
        const ProtectedSystems kept{profile.current, {}, {}};
        QCOMPARE(generationsRemovedBy(profile.generations, kept, CleanupRule::OlderThanDays, 30, realNow), QList<int>{1});
        QCOMPARE(refusalToDelete({1}, profile.generations, kept, CleanupRule::OlderThanDays, 30, realNow), QString());
        QVERIFY(!refusalToDelete({1, 2}, profile.generations, kept, CleanupRule::OlderThanDays, 30, realNow).isEmpty());
    }

    void missingProfileDirectoryIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ProfileGenerations profile = listProfileGenerations(dir.filePath(u"absent/system"_s));
        QVERIFY(!profile.error.isEmpty());
        QVERIFY(profile.generations.isEmpty());
    }
};

QTEST_GUILESS_MAIN(GenerationCleanupTest)
#include "tst_generationcleanup.moc"
