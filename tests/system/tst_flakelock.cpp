// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// flake.lock before and after an update, and the commit message, as the
// helper (root's flake) and the window (the person's own flake) both read it.

#include "flakelock.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using namespace Snowpane::System;

namespace
{
QByteArray lockWith(const QByteArray &nixpkgsLocked, const QByteArray &extraNodes = {}, const QByteArray &extraInputs = {})
{
    return "{\n  \"nodes\": {\n    \"nixpkgs\": { \"locked\": " + nixpkgsLocked + ", \"original\": { \"type\": \"git\", \"url\": \"file:///n\" } },\n"
        + extraNodes + "    \"root\": { \"inputs\": { \"nixpkgs\": \"nixpkgs\"" + extraInputs + " } }\n  },\n  \"root\": \"root\",\n  \"version\": 7\n}\n";
}

const QByteArray LockedA =
    R"({ "lastModified": 1732104000, "narHash": "sha256-a", "rev": "3671d416c7f6b6b5b65f8a947d874dbafd4027c3", "type": "git", "url": "file:///n" })";
const QByteArray LockedB =
    R"({ "lastModified": 1733054400, "narHash": "sha256-b", "rev": "4183e67b9824cb2b4d258a6760cee016fae9dba3", "type": "git", "url": "file:///n" })";
}

class FlakeLockTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockInputs()
    {
        const QList<LockedInput> inputs =
            parseFlakeLockInputs(lockWith(LockedA,
                                          R"(    "home-manager": { "locked": { "lastModified": 1700000000, "rev": "aaaa", "narHash": "sha256-h" } },
    "hm-nixpkgs": { "locked": { "rev": "bbbb" } },
)",
                                          R"(, "home-manager": "home-manager", "follower": [ "nixpkgs" ])"));
        QCOMPARE(inputs.size(), 2); // the `follows` input is locked under nixpkgs
        QCOMPARE(inputs.at(0).name, u"home-manager"_s);
        QCOMPARE(inputs.at(1).name, u"nixpkgs"_s);
        QCOMPARE(inputs.at(1).revision, u"3671d416c7f6b6b5b65f8a947d874dbafd4027c3"_s);
        QCOMPARE(inputs.at(1).date, QDateTime(QDate(2024, 11, 20), QTime(12, 0), QTimeZone::UTC));
    }

    void malformedLocks_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("{ nodes = ");
        QTest::newRow("array") << QByteArray("[1, 2]");
        QTest::newRow("no nodes") << QByteArray(R"({ "root": "root" })");
        QTest::newRow("root missing") << QByteArray(R"({ "nodes": { "x": {} }, "root": "root" })");
        QTest::newRow("inputs not an object") << QByteArray(R"({ "nodes": { "root": { "inputs": 3 } }, "root": "root" })");
    }
    void malformedLocks()
    {
        QFETCH(QByteArray, text);
        QVERIFY(parseFlakeLockInputs(text).isEmpty());
    }

    void missingFields()
    {
        // An input whose node or fields are missing is still listed, without revision or date.
        const QList<LockedInput> inputs = parseFlakeLockInputs(lockWith(R"({ "type": "path", "path": "/x", "lastModified": "soon" })"));
        QCOMPARE(inputs.size(), 1);
        QVERIFY(inputs.at(0).revision.isEmpty());
        QVERIFY(!inputs.at(0).date.isValid());
    }

    void commitMessage()
    {
        const QList<InputChange> changes = changedInputs(parseFlakeLockInputs(lockWith(LockedA)), parseFlakeLockInputs(lockWith(LockedB)));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).oldRevision, u"3671d416c7f6b6b5b65f8a947d874dbafd4027c3"_s);
        QCOMPARE(changes.at(0).newDate, QDateTime(QDate(2024, 12, 1), QTime(12, 0), QTimeZone::UTC));
        QCOMPARE(flakeUpdateMessage(changes), u"Update flake inputs\n\nnixpkgs: 3671d41 (2024-11-20) \u2192 4183e67 (2024-12-01)\n"_s);
        QVERIFY(changedInputs(parseFlakeLockInputs(lockWith(LockedA)), parseFlakeLockInputs(lockWith(LockedA))).isEmpty());

        // An input that appears, one that goes, one without a revision.
        QList<InputChange> mixed{
            {u"added"_s, QString(), u"cccccccccc"_s, {}, {}},
            {u"gone"_s, u"dddddddddd"_s, QString(), {}, {}},
            {u"local"_s, QString(), QString(), QDateTime(QDate(2024, 1, 2), QTime(), QTimeZone::UTC), QDateTime(QDate(2024, 1, 3), QTime(), QTimeZone::UTC)}};
        QCOMPARE(flakeUpdateMessage(mixed),
                 u"Update flake inputs\n\nadded: (none) \u2192 ccccccc\ngone: ddddddd \u2192 (none)\n"
                 "local: (no revision) (2024-01-02) \u2192 (no revision) (2024-01-03)\n"_s);
    }

    void lockOrNot()
    {
        QVERIFY(isFlakeLock(lockWith(LockedA)));
        QVERIFY(isFlakeLock(R"({ "nodes": { "root": {} }, "root": "root", "version": 7 })"));
        QVERIFY(!isFlakeLock(QByteArray()));
        QVERIFY(!isFlakeLock("not a lock"));
        QVERIFY(!isFlakeLock(lockWith(LockedA).chopped(3)));
        QVERIFY(!isFlakeLock(R"({ "nodes": { "root": {} }, "root": "root" })"));
        QVERIFY(!isFlakeLock(R"({ "nodes": { "x": {} }, "root": "root", "version": 7 })"));
        QVERIFY(!isFlakeLock(R"([ { "nodes": {} } ])"));
    }
};

QTEST_GUILESS_MAIN(FlakeLockTest)

#include "tst_flakelock.moc"
