// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Machines page's words for each way a host's operation ends: every
// engine error and outcome has a sentence that names the host, and a cancel
// is said as a cancel, never as "something failed".

#include "Machines/machinetexts.h"

#include <QMetaEnum>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;
using namespace Snowpane::Ui;

class MachineTextsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyErrorHasASentenceNamingTheHost()
    {
        for (int value = int(RemoteError::None); value <= int(RemoteError::Failed); ++value) {
            const auto error = RemoteError(value);
            const MachineProblem::Kind kind = MachineTexts::problemOf(Outcome::Failed, error);
            QVERIFY2(kind != MachineProblem::None, qPrintable(QString::number(value)));
            QVERIFY2(MachineTexts::problemSentence(kind, u"web-1"_s).contains(u"web-1"_s), qPrintable(QString::number(value)));
        }
    }

    void cancelIsSaidAsACancel()
    {
        for (const auto &[outcome, error] : {std::pair{Outcome::Cancelled, RemoteError::Cancelled}, std::pair{Outcome::Failed, RemoteError::Cancelled}}) {
            const MachineProblem::Kind kind = MachineTexts::problemOf(outcome, error);
            QCOMPARE(kind, MachineProblem::Cancelled);
            QCOMPARE(MachineTexts::problemSentence(kind, u"web-1"_s), u"Cancelled on web-1."_s);
        }
        QCOMPARE(MachineTexts::problemOf(Outcome::Done, RemoteError::None), MachineProblem::None);
        QCOMPARE(MachineTexts::problemOf(Outcome::RolledBack, RemoteError::ActivationFailed), MachineProblem::ActivationFailedRolledBack);
    }
};

QTEST_GUILESS_MAIN(MachineTextsTest)
#include "tst_machinetexts.moc"
