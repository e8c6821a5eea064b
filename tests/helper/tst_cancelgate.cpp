// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Who may stop the helper's running operation: only the user who started
// it, naming its request id; a cancel while idle is forgotten. The D-Bus
// path (sender uid from the bus daemon) is covered by tests/privileged.

#include "cancelgate.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

namespace
{
const QString Request = u"6f1c2c1e-8f6b-4a43-9d1e-2a8f0b7d5c11"_s;
const QString Other = u"0d6c8d0a-5c0e-4d2b-8a39-7f4c0e1b2a33"_s;
constexpr int Owner = 4201;
constexpr int Stranger = 4202;
}

class CancelGateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownerStopsOwnOperation()
    {
        CancelGate gate;
        gate.begin(Request, Owner);
        QVERIFY(!gate.stopRequested());
        QVERIFY(gate.requestCancel(Request, Owner));
        QVERIFY(gate.stopRequested());
    }

    void anotherUserCannotStop()
    {
        CancelGate gate;
        gate.begin(Request, Owner);
        QVERIFY(!gate.requestCancel(Request, Stranger));
        QVERIFY(!gate.requestCancel(Request, 0)); // not even root: root did not start it
        QVERIFY(!gate.requestCancel(Request, -1)); // the bus could not say who sent it
        QVERIFY(!gate.stopRequested());
    }

    void anotherRequestIdCannotStop()
    {
        CancelGate gate;
        gate.begin(Request, Owner);
        QVERIFY(!gate.requestCancel(Other, Owner));
        QVERIFY(!gate.requestCancel(QString(), Owner));
        QVERIFY(!gate.stopRequested());
    }

    void operationWithoutRequestIdCannotBeStopped()
    {
        CancelGate gate;
        gate.begin(QString(), Owner);
        QVERIFY(!gate.requestCancel(QString(), Owner));
        QVERIFY(!gate.stopRequested());
    }

    void unknownCallerCannotBeMatched()
    {
        CancelGate gate;
        gate.begin(Request, -1);
        QVERIFY(!gate.requestCancel(Request, -1));
        QVERIFY(!gate.stopRequested());
    }

    void idleCancelIsForgotten()
    {
        CancelGate gate;
        QVERIFY(!gate.requestCancel(Request, Owner)); // nothing runs yet
        gate.begin(Request, Owner); // the very request it named now starts
        QVERIFY(!gate.stopRequested());
    }

    void stopEndsWithItsOperation()
    {
        CancelGate gate;
        gate.begin(Request, Owner);
        QVERIFY(gate.requestCancel(Request, Owner));
        gate.end();
        QVERIFY(!gate.stopRequested());
        QVERIFY(!gate.requestCancel(Request, Owner)); // after the end, too late
        gate.begin(Other, Owner);
        QVERIFY(!gate.stopRequested());
    }

    // cancel() is open to every caller on the bus: what reaches the log is an id of the usual form, or its length only.
    void loggedIdIsBoundedAndPlain_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("logged");
        QTest::newRow("a request id") << Request << Request;
        QTest::newRow("with braces") << u"{abc-1}"_s << u"{abc-1}"_s;
        QTest::newRow("empty") << QString() << u"a malformed id of 0 characters"_s;
        QTest::newRow("a forged log line") << u"x\nsnowpane.helper: rebuild for uid 0"_s << u"a malformed id of 36 characters"_s;
        QTest::newRow("terminal escape") << u"\x1b]0;owned\x07"_s << u"a malformed id of 10 characters"_s;
        QTest::newRow("NUL") << u"abc"_s + QChar(0) + u"def"_s << u"a malformed id of 7 characters"_s;
        QTest::newRow("quote") << u"a\"b"_s << u"a malformed id of 3 characters"_s;
        QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << u"a malformed id of 65 characters"_s;
        QTest::newRow("a megabyte") << QString(1 << 20, QLatin1Char('a')) << u"a malformed id of 1048576 characters"_s;
        QTest::newRow("non-ASCII letters") << u"\u00e9t\u00e9"_s << u"a malformed id of 3 characters"_s;
    }

    void loggedIdIsBoundedAndPlain()
    {
        QFETCH(QString, request);
        QFETCH(QString, logged);
        QCOMPARE(loggableRequestId(request), logged);
        QVERIFY(loggableRequestId(request).size() <= 64);
    }

    void malformedIdNeverCancels()
    {
        CancelGate gate;
        const QString odd = u"with space"_s;
        gate.begin(odd, Owner);
        QVERIFY(!gate.requestCancel(odd, Owner));
        QVERIFY(!gate.stopRequested());
    }
};

QTEST_GUILESS_MAIN(CancelGateTest)
#include "tst_cancelgate.moc"
