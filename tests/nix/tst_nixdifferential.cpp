// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Runs the real `nix-instantiate --parse` over every corpus file and checks
// that our parser agrees: both reject, or both accept with the same canonical
// text, and when both reject a file, the first error is at the line and column
// Nix reports. It also checks each file's parse-okay/parse-fail label against Nix.

#include "nixrunner.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using namespace Snowpane::Nix::Testing;

class TestNixDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_nix = findNixInstantiate();
        QVERIFY2(!m_nix.isEmpty(),
                 "nix-instantiate is not on PATH; this test compares against real Nix 2.26 and cannot run without it "
                 "(run it in the build root: tools/dev exec ctest --test-dir build-nix -L nix)");
        runNixOnCorpus();
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(NIX_CORPUS_DIR));
        const QStringList files = dir.entryList({u"*.nix"_s}, QDir::Files, QDir::Name);
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
        const NixResult nix = m_results.value(file);
        QVERIFY2(nix.started, "nix-instantiate did not run");
        const bool labelledOkay = QFileInfo(file).fileName().startsWith("parse-okay-"_L1);
        QCOMPARE(nix.ok, labelledOkay);
        const OurResult ours = runOurParse(source.toStdString(), file.toStdString());
        const std::string why = disagreement(ours, nix);
        QVERIFY2(why.empty(), why.c_str());
        if (!labelledOkay) {
            // Both reject it: the first error must be where Nix puts it.
            const std::string nixAt = nixErrorLocation(nix);
            QVERIFY2(!nixAt.empty(), nix.errors.constData());
            QCOMPARE(QString::fromStdString(ours.errorLocation), QString::fromStdString(nixAt));
        }
    }

private:
    // Nix start-up dominates, so several run at once, ahead of the rows.
    void runNixOnCorpus()
    {
        const QDir dir(QStringLiteral(NIX_CORPUS_DIR));
        QStringList pending;
        for (const QString &name : dir.entryList({u"*.nix"_s}, QDir::Files, QDir::Name)) {
            pending.append(dir.filePath(name));
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, QString::fromLatin1(fakeHome));
        std::vector<std::pair<QString, std::unique_ptr<QProcess>>> running;
        constexpr std::size_t parallel = 4;
        while (!pending.isEmpty() || !running.empty()) {
            while (!pending.isEmpty() && running.size() < parallel) {
                auto process = std::make_unique<QProcess>();
                process->setProcessEnvironment(env);
                const QString file = pending.takeFirst();
                process->start(m_nix, {u"--parse"_s, u"--store"_s, u"dummy://"_s, u"--extra-experimental-features"_s, u"pipe-operators"_s, file});
                running.emplace_back(file, std::move(process));
            }
            auto &[file, process] = running.front();
            NixResult result;
            if (process->waitForFinished(60000)) {
                result.started = true;
                result.ok = process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0;
                result.output = process->readAllStandardOutput();
                result.errors = process->readAllStandardError();
            }
            m_results.insert(file, result);
            running.erase(running.begin());
        }
    }

    QString m_nix;
    QHash<QString, NixResult> m_results;
};

QTEST_GUILESS_MAIN(TestNixDifferential)
#include "tst_nixdifferential.moc"
