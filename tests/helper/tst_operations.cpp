// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Operations driven directly, without D-Bus: activation through systemd-run
// when systemd runs (a stand-in systemd-run records its arguments), and the
// refusals that need no build. Runs as root with real Nix in the build root.

#include "operations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace snowpane::helper;

namespace
{
void writeExecutable(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
}

class OperationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0) {
            QFAIL("this test sets a Nix profile and runs activation as the helper does, as root: run it with tools/dev exec ctest");
        }
        QVERIFY(m_dir.isValid());
        m_state = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(QDir().mkpath(m_state));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("profiles"))));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("systemd/system"))));

        // A minimal "system" whose switch-to-configuration records its action.
        const QString expression = m_dir.filePath(QStringLiteral("system.nix"));
        QFile file(expression);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "derivation { name = \"fake-system\"; system = builtins.currentSystem; builder = \"/bin/sh\"; args = [ \"-c\" ''\n"
            "  /bin/mkdir -p $out/bin\n"
            "  printf '#!/bin/sh\\necho \"$1\" >> \"$FAKE_STATE/actions\"\\n' > $out/bin/switch-to-configuration\n"
            "  /bin/chmod +x $out/bin/switch-to-configuration\n"
            "'' ]; nonce = \""
            + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + "\"; }\n");
        file.close();
        QProcess build;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NIX_CONFIG"), QStringLiteral("substituters ="));
        build.setProcessEnvironment(env);
        build.start(QStringLiteral(NIX_BIN_DIR "/nix-build"), {expression, QStringLiteral("--out-link"), m_dir.filePath(QStringLiteral("result"))});
        QVERIFY(build.waitForFinished(120000));
        QVERIFY2(build.exitCode() == 0, build.readAllStandardError().constData());
        m_system = QString::fromUtf8(build.readAllStandardOutput()).trimmed();
        QProcess setProfile;
        setProfile.start(QStringLiteral(NIX_BIN_DIR "/nix-env"), {QStringLiteral("-p"), profile(), QStringLiteral("--set"), m_system});
        QVERIFY(setProfile.waitForFinished(60000));
        QCOMPARE(setProfile.exitCode(), 0);

        // systemd-run's stand-in: records its arguments, then runs the command it was given (the last two).
        m_systemdRun = m_dir.filePath(QStringLiteral("systemd-run"));
        writeExecutable(m_systemdRun,
                        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_STATE/systemd-run-arguments\"\n"
                        "while [ $# -gt 2 ]; do shift; done\nexec \"$@\"\n");
    }

    void activationGoesThroughSystemdRun()
    {
        Operations operations(config(true), {});
        SwitchGenerationRequest request;
        request.generation = 1;
        request.mode = RebuildMode::Boot;
        const OperationResult result = operations.switchGeneration(request);
        QVERIFY2(!result.error, qPrintable(result.message));
        QCOMPARE(result.data.value(QStringLiteral("storePath")).toString(), m_system);
        const QStringList arguments =
            QString::fromUtf8(readFile(m_state + QStringLiteral("/systemd-run-arguments"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const char *flag : {"--collect", "--wait", "--pipe", "--no-ask-password", "--service-type=exec"}) {
            QVERIFY2(arguments.contains(QLatin1String(flag)), qPrintable(arguments.join(QLatin1Char(' '))));
        }
        QVERIFY(std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &a) {
            return a.startsWith(QLatin1String("--unit=snowpane-switch-to-configuration-"));
        }));
        QCOMPARE(arguments.mid(arguments.size() - 2), (QStringList{m_system + QStringLiteral("/bin/switch-to-configuration"), QStringLiteral("boot")}));
        QCOMPARE(readFile(m_state + QStringLiteral("/actions")), QByteArray("boot\n"));
    }

    void activationRunsDirectlyWithoutSystemd()
    {
        QFile::remove(m_state + QStringLiteral("/systemd-run-arguments"));
        QFile::remove(m_state + QStringLiteral("/actions"));
        Operations operations(config(false), {});
        SwitchGenerationRequest request;
        request.generation = 1;
        const OperationResult result = operations.switchGeneration(request);
        QVERIFY2(!result.error, qPrintable(result.message));
        QVERIFY(!QFile::exists(m_state + QStringLiteral("/systemd-run-arguments")));
        QCOMPARE(readFile(m_state + QStringLiteral("/actions")), QByteArray("switch\n"));
    }

    void flakeBuild()
    {
        // The stand-in's flake (tests/fixtures/flake) as the configuration directory: `nix build DIR#nixosConfigurations."HOST"…`.
        // A copy with the layout its relative inputs and imports need, made root-only-writable
        // as the helper demands whatever the umask of the checkout was.
        const QString fixtures = m_dir.filePath(QStringLiteral("fixtures"));
        QVERIFY(QDir().mkpath(fixtures));
        QCOMPARE(QProcess::execute(QStringLiteral("/bin/cp"),
                                   {QStringLiteral("-R"),
                                    QStringLiteral(SOURCE_DIR "/tests/fixtures/flake"),
                                    QStringLiteral(SOURCE_DIR "/tests/fixtures/nixpkgs"),
                                    QStringLiteral(SOURCE_DIR "/tests/fixtures/demo"),
                                    fixtures}),
                 0);
        // Under git, as in the checkout: a relative path input resolves inside the repository.
        const auto git = [&fixtures](const QStringList &arguments) {
            return QProcess::execute(QStringLiteral("git"),
                                     QStringList{QStringLiteral("-C"),
                                                 fixtures,
                                                 QStringLiteral("-c"),
                                                 QStringLiteral("user.name=Snowpane tests"),
                                                 QStringLiteral("-c"),
                                                 QStringLiteral("user.email=tests@localhost")}
                                         + arguments);
        };
        QCOMPARE(git({QStringLiteral("init"), QStringLiteral("-q")}), 0);
        QCOMPARE(git({QStringLiteral("add"), QStringLiteral("-A")}), 0);
        QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("fixtures")}), 0);
        QCOMPARE(QProcess::execute(QStringLiteral("/bin/chmod"), {QStringLiteral("-R"), QStringLiteral("go-w"), fixtures}), 0);
        HelperConfig flake = config(false);
        flake.configurationDirectory = fixtures + QStringLiteral("/flake");
        Operations operations(flake, {});
        RebuildRequest request;
        request.mode = RebuildMode::Build;
        request.host = QStringLiteral("demo");
        const OperationResult result = operations.rebuild(request);
        QVERIFY2(!result.error, qPrintable(result.message));
        QVERIFY(result.data.value(QStringLiteral("storePath")).toString().contains(QLatin1String("-nixos-system-demo-")));
        QCOMPARE(result.data.value(QStringLiteral("steps")).toList().size(), 1);
        QVERIFY(!result.data.contains(QStringLiteral("generation")));
        QCOMPARE(QFileInfo(profile()).canonicalFilePath(), m_system); // build leaves the profile alone

        request.host = QStringLiteral("no-such-host");
        const OperationResult missing = operations.rebuild(request);
        QCOMPARE(missing.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY2(missing.message.contains(QLatin1String("no-such-host")), qPrintable(missing.message));
    }

    void refusals()
    {
        Operations operations(config(false), {});
        SwitchGenerationRequest missing;
        missing.generation = 7;
        QCOMPARE(operations.switchGeneration(missing).error, std::optional(snowpane::protocol::HelperError::InvalidArguments));
        // Without a git repository nothing is written: every edit must be undoable.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("nixos"))));
        WriteConfigRequest write;
        write.names.push_back(validateRelativeName(QStringLiteral("configuration.nix")).value());
        write.contents.push_back("{ }\n");
        write.message = QStringLiteral("x");
        const OperationResult result = operations.writeConfig(write);
        QCOMPARE(result.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY(result.message.contains(QLatin1String("git")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nixos/configuration.nix"))));
    }

private:
    QString profile() const
    {
        return m_dir.filePath(QStringLiteral("profiles/system"));
    }
    HelperConfig config(bool systemd) const
    {
        HelperConfig config;
        config.configurationDirectory = m_dir.filePath(QStringLiteral("nixos"));
        config.systemProfile = profile();
        config.nixBinDirectory = QStringLiteral(NIX_BIN_DIR);
        config.systemdRun = m_systemdRun;
        config.systemdRuntimeDirectory = systemd ? m_dir.filePath(QStringLiteral("systemd/system")) : m_dir.filePath(QStringLiteral("no-systemd"));
        config.extraEnvironment = {QStringLiteral("FAKE_STATE=") + m_state, QStringLiteral("NIX_CONFIG=substituters =")};
        return config;
    }

    QTemporaryDir m_dir;
    QString m_state;
    QString m_system;
    QString m_systemdRun;
};

QTEST_GUILESS_MAIN(OperationsTest)
#include "tst_operations.moc"
