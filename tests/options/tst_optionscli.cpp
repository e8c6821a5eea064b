// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// snowpane-cli options search, show and dump: on an options.json file, and
// on the stand-in system evaluated with real Nix (fails without Nix).

#include "catalogfixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class OptionsCliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_optionsJson = m_dir.filePath(u"options.json"_s);
        QFile file(m_optionsJson);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(CatalogFixtures::searchJson);
    }

    void searchText()
    {
        const Run run = cli({u"search"_s, u"openssh"_s, u"--limit"_s, u"2"_s, u"--options-json"_s, m_optionsJson});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QByteArray("services.openssh.enable  (boolean)\n"
                            "    Whether to enable the OpenSSH secure shell daemon.\n"
                            "services.openssh.ports  (list of 16 bit unsigned integer; between 0 and 65535 (both inclusive))\n"
                            "    Specifies on which ports the SSH daemon listens.\n"));
        QCOMPARE(run.err, QByteArray("2 of 4 options matching 'openssh'\n"));
    }

    void searchJson()
    {
        const Run run = cli({u"search"_s, u"firewall"_s, u"ports"_s, u"--json"_s, u"--options-json"_s, m_optionsJson});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(u"query"_s).toString(), u"firewall ports"_s);
        QCOMPARE(result.value(u"total"_s).toInt(), 1);
        const QJsonObject hit = result.value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(hit.value(u"name"_s).toString(), u"networking.firewall.allowedTCPPorts"_s);
        QCOMPARE(hit.value(u"tier"_s).toInt(), 3); // part of a component: "ports" in "allowedTCPPorts"
        QCOMPARE(hit.value(u"editor"_s).toString(), u"list"_s);
    }

    void show()
    {
        const Run text = cli({u"show"_s, u"services.openssh.settings.PermitRootLogin"_s, u"--options-json"_s, m_optionsJson});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("  Type tree:   enum[\"yes\"|\"no\"]\n"), text.out.constData());
        QVERIFY2(text.out.contains("  Editor:      choice (yes, no)\n"), text.out.constData());

        const Run json = cli({u"show"_s, u"services.openssh.ports"_s, u"--json"_s, u"--options-json"_s, m_optionsJson});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject option = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(option.value(u"typeTree"_s).toObject().value(u"kind"_s).toString(), u"list"_s);
        const QJsonObject element = option.value(u"typeTree"_s).toObject().value(u"children"_s).toArray().at(0).toObject();
        QCOMPARE(element.value(u"maximum"_s).toInt(), 65535);
        QCOMPARE(option.value(u"editor"_s).toObject().value(u"kind"_s).toString(), u"list"_s);
        QVERIFY(option.contains(u"definitions"_s));

        const Run missing = cli({u"show"_s, u"services.openssh.enabled"_s, u"--options-json"_s, m_optionsJson});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.startsWith("snowpane-cli: the option services.openssh.enabled does not exist; similar: "), missing.err.constData());
    }

    void dumpAndErrors()
    {
        const Run dump = cli({u"dump"_s, u"--json"_s, u"--options-json"_s, m_optionsJson});
        QCOMPARE(dump.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(dump.out).object().size(), 15);

        QCOMPARE(cli({u"dump"_s, u"--options-json"_s, m_optionsJson}).exitCode, 2);
        QCOMPARE(cli({u"search"_s, u"--options-json"_s, m_optionsJson}).exitCode, 2);
        QCOMPARE(cli({u"frobnicate"_s}).exitCode, 2);
        const Run bad = cli({u"search"_s, u"x"_s, u"--options-json"_s, m_dir.filePath(u"missing.json"_s)});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.startsWith("snowpane-cli: cannot read "), bad.err.constData());
    }

    void evaluatedStandin()
    {
        if (QStandardPaths::findExecutable(u"nix-instantiate"_s).isEmpty()) {
            QFAIL("nix-instantiate is not on PATH: this test evaluates the stand-in system with real Nix; run it in the build environment.");
        }
        const QString fixtures = QDir(QStringLiteral(SNOWPANE_FIXTURES_DIR)).canonicalPath();
        const QStringList source = {u"--config"_s, fixtures + u"/demo/configuration.nix"_s, u"--nixpkgs"_s, fixtures + u"/nixpkgs"_s};
        const Run first = cli(QStringList{u"show"_s, u"services.openssh.enable"_s} + source);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY2(first.err.contains("with Nix"), first.err.constData());
        QVERIFY(first.out.startsWith("services.openssh.enable\n  Type:        boolean\n"));
        // The second run reads the cache: Nix does not run.
        const Run second = cli(QStringList{u"dump"_s, u"--json"_s} + source);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QVERIFY2(!second.err.contains("with Nix"), second.err.constData());
        QVERIFY(QJsonDocument::fromJson(second.out).object().contains(u"networking.hostName"_s));
    }

private:
    [[nodiscard]] Run cli(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_CACHE_HOME"_s, m_dir.filePath(u"cache"_s));
        environment.insert(u"NIX_CONFIG"_s, u"substituters ="_s);
        environment.remove(u"NIX_PATH"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SNOWPANE_CLI), QStringList{u"options"_s} + arguments);
        process.waitForFinished(120000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QTemporaryDir m_dir;
    QString m_optionsJson;
};

QTEST_GUILESS_MAIN(OptionsCliTest)
#include "tst_optionscli.moc"
