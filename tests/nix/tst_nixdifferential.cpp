// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Runs the real `nix-instantiate --parse` over every corpus file and checks
// that our parser agrees: both reject, or both accept with the same canonical
// text. It also checks each file's parse-okay/parse-fail label against Nix.

#include "nixrunner.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace snowpane::nix::testing;

class TestNixDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_nix = findNixInstantiate();
        QVERIFY2(!m_nix.isEmpty(),
                 "nix-instantiate is not on PATH; this test compares against real Nix 2.26 and cannot run without it "
                 "(run it in the build root: tools/dev exec ctest --test-dir build-nix -R nix)");
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(NIX_CORPUS_DIR));
        const QStringList files = dir.entryList({QStringLiteral("*.nix")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 400);
        for (const QString &name : files) {
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
        }
    }

    void corpus()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray source = f.readAll();
        const NixResult nix = runNixParse(m_nix, file);
        QVERIFY2(nix.started, "nix-instantiate did not run");
        const bool labelledOkay = QFileInfo(file).fileName().startsWith(QLatin1String("parse-okay-"));
        QCOMPARE(nix.ok, labelledOkay);
        const OurResult ours = runOurParse(source.toStdString(), file.toStdString());
        const std::string why = disagreement(ours, nix);
        QVERIFY2(why.empty(), why.c_str());
    }

private:
    QString m_nix;
};

QTEST_GUILESS_MAIN(TestNixDifferential)
#include "tst_nixdifferential.moc"
