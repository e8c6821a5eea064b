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

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

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

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// git as a person runs it, to make the history a test starts from.
QString git(const QString &directory, const QStringList &arguments)
{
    QProcess process;
    process.start(
        u"git"_s,
        QStringList{u"-C"_s, directory, u"-c"_s, u"user.name=Snowpane tests"_s, u"-c"_s, u"user.email=tests@localhost"_s, u"-c"_s, u"safe.directory=*"_s}
            + arguments);
    process.waitForFinished(30000);
    return process.exitCode() == 0 ? QString::fromUtf8(process.readAllStandardOutput()).trimmed() : u"<failed>"_s;
}

// As `touch -h`: the link's own time, not its target's.
bool setLinkTime(const QString &path, const QDateTime &time)
{
    const struct timespec times[2] = {{time.toSecsSinceEpoch(), 0}, {time.toSecsSinceEpoch(), 0}};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, AT_SYMLINK_NOFOLLOW) == 0;
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
        m_state = m_dir.filePath(u"state"_s);
        QVERIFY(QDir().mkpath(m_state));
        QVERIFY(QDir().mkpath(m_dir.filePath(u"profiles"_s)));
        QVERIFY(QDir().mkpath(m_dir.filePath(u"systemd/system"_s)));

        // A minimal "system" whose switch-to-configuration records its action.
        const QString expression = m_dir.filePath(u"system.nix"_s);
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
        env.insert(u"NIX_CONFIG"_s, u"substituters ="_s);
        build.setProcessEnvironment(env);
        build.start(QStringLiteral(NIX_BIN_DIR "/nix-build"), {expression, u"--out-link"_s, m_dir.filePath(u"result"_s)});
        QVERIFY(build.waitForFinished(120000));
        QVERIFY2(build.exitCode() == 0, build.readAllStandardError().constData());
        m_system = QString::fromUtf8(build.readAllStandardOutput()).trimmed();
        QProcess setProfile;
        setProfile.start(QStringLiteral(NIX_BIN_DIR "/nix-env"), {u"-p"_s, profile(), u"--set"_s, m_system});
        QVERIFY(setProfile.waitForFinished(60000));
        QCOMPARE(setProfile.exitCode(), 0);

        // systemd-run's stand-in: records its arguments, then runs the command it was given (the last two).
        m_systemdRun = m_dir.filePath(u"systemd-run"_s);
        writeExecutable(m_systemdRun,
                        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_STATE/systemd-run-arguments\"\n"
                        "while [ $# -gt 2 ]; do shift; done\nexec \"$@\"\n");

        // The stand-in's flake (tests/fixtures/flake), for the flake tests' configuration directory.
        // A copy with the layout its relative inputs and imports need, made root-only-writable
        // as the helper demands whatever the umask of the checkout was.
        const QString fixtures = m_dir.filePath(u"fixtures"_s);
        QVERIFY(QDir().mkpath(fixtures));
        QCOMPARE(QProcess::execute(u"/bin/cp"_s,
                                   {u"-R"_s,
                                    QStringLiteral(SOURCE_DIR "/tests/fixtures/flake"),
                                    QStringLiteral(SOURCE_DIR "/tests/fixtures/nixpkgs"),
                                    QStringLiteral(SOURCE_DIR "/tests/fixtures/demo"),
                                    fixtures}),
                 0);
        // Under git, as in the checkout: a relative path input resolves inside the repository.
        const auto git = [&fixtures](const QStringList &arguments) {
            return QProcess::execute(u"git"_s,
                                     QStringList{u"-C"_s, fixtures, u"-c"_s, u"user.name=Snowpane tests"_s, u"-c"_s, u"user.email=tests@localhost"_s}
                                         + arguments);
        };
        QCOMPARE(git({u"init"_s, u"-q"_s}), 0);
        QCOMPARE(git({u"add"_s, u"-A"_s}), 0);
        QCOMPARE(git({u"commit"_s, u"-q"_s, u"-m"_s, u"fixtures"_s}), 0);
        QCOMPARE(QProcess::execute(u"/bin/chmod"_s, {u"-R"_s, u"go-w"_s, fixtures}), 0);
        m_flake = fixtures + u"/flake"_s;
    }

    void activationGoesThroughSystemdRun()
    {
        Operations operations(config(true), {});
        SwitchGenerationRequest request;
        request.generation = 1;
        request.mode = RebuildMode::Boot;
        const OperationResult result = operations.switchGeneration(request);
        QVERIFY2(!result.error, qPrintable(result.message));
        QCOMPARE(result.data.value(u"storePath"_s).toString(), m_system);
        const QStringList arguments = QString::fromUtf8(readFile(m_state + u"/systemd-run-arguments"_s)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const char *flag : {"--collect", "--wait", "--pipe", "--no-ask-password", "--service-type=exec"}) {
            QVERIFY2(arguments.contains(QLatin1String(flag)), qPrintable(arguments.join(QLatin1Char(' '))));
        }
        QVERIFY(std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &a) {
            return a.startsWith("--unit=snowpane-switch-to-configuration-"_L1);
        }));
        QCOMPARE(arguments.mid(arguments.size() - 2), (QStringList{m_system + u"/bin/switch-to-configuration"_s, u"boot"_s}));
        QCOMPARE(readFile(m_state + u"/actions"_s), QByteArray("boot\n"));
    }

    void activationRunsDirectlyWithoutSystemd()
    {
        QFile::remove(m_state + u"/systemd-run-arguments"_s);
        QFile::remove(m_state + u"/actions"_s);
        Operations operations(config(false), {});
        SwitchGenerationRequest request;
        request.generation = 1;
        const OperationResult result = operations.switchGeneration(request);
        QVERIFY2(!result.error, qPrintable(result.message));
        QVERIFY(!QFile::exists(m_state + u"/systemd-run-arguments"_s));
        QCOMPARE(readFile(m_state + u"/actions"_s), QByteArray("switch\n"));
    }

    void flakeBuild()
    {
        HelperConfig flake = config(false);
        flake.configurationDirectory = m_flake; // `nix build DIR#nixosConfigurations."HOST"…`
        Operations operations(flake, {});
        RebuildRequest request;
        request.mode = RebuildMode::Build;
        request.host = u"demo"_s;
        const OperationResult result = operations.rebuild(request);
        QVERIFY2(!result.error, qPrintable(result.message));
        QVERIFY(result.data.value(u"storePath"_s).toString().contains("-nixos-system-demo-"_L1));
        QCOMPARE(result.data.value(u"steps"_s).toList().size(), 1);
        QVERIFY(!result.data.contains(u"generation"_s));
        QCOMPARE(QFileInfo(profile()).canonicalFilePath(), m_system); // build leaves the profile alone

        request.host = u"no-such-host"_s;
        const OperationResult missing = operations.rebuild(request);
        QCOMPARE(missing.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY2(missing.message.contains("no-such-host"_L1), qPrintable(missing.message));
    }

    // Any caller may name a host: the helper itself makes only this machine's own host this machine's system.
    void activatesOnlyThisMachinesHost_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("switch") << int(RebuildMode::Switch);
        QTest::newRow("boot") << int(RebuildMode::Boot);
        QTest::newRow("test") << int(RebuildMode::Test);
        QTest::newRow("dry-activate") << int(RebuildMode::DryActivate);
    }

    void activatesOnlyThisMachinesHost()
    {
        QFETCH(int, mode);
        QFile::remove(m_state + u"/actions"_s);
        HelperConfig flake = config(false);
        flake.configurationDirectory = m_flake;
        flake.host = u"laptop"_s; // programs.snowpane.host: this machine is the flake's laptop, not demo
        Operations operations(flake, {});
        RebuildRequest request;
        request.mode = RebuildMode(mode);
        request.host = u"demo"_s;
        const OperationResult refused = operations.rebuild(request);
        QCOMPARE(refused.error, std::optional(Snowpane::Protocol::HelperError::InvalidArguments));
        QVERIFY2(refused.message.contains("demo is not this machine's host (laptop)"_L1), qPrintable(refused.message));
        QCOMPARE(QFileInfo(profile()).canonicalFilePath(), m_system);
        QVERIFY(!QFile::exists(m_state + u"/actions"_s));

        // Building it stays open: a look at another host's system changes nothing here.
        request.mode = RebuildMode::DryBuild;
        const OperationResult built = operations.rebuild(request);
        QVERIFY2(!built.error, qPrintable(built.message));
    }

    // A classic build takes <nixpkgs> from the system's nix-path (nix.conf; here NIX_CONFIG) unless helper.conf names a NixPath.
    void classicBuildUsesTheSystemNixPath()
    {
        const QString fixtures = m_dir.filePath(u"classic"_s);
        QVERIFY(QDir().mkpath(fixtures));
        QCOMPARE(
            QProcess::execute(u"/bin/cp"_s,
                              {u"-R"_s, QStringLiteral(SOURCE_DIR "/tests/fixtures/nixpkgs"), QStringLiteral(SOURCE_DIR "/tests/fixtures/demo"), fixtures}),
            0);
        QCOMPARE(QProcess::execute(u"/bin/chmod"_s, {u"-R"_s, u"go-w"_s, fixtures}), 0);
        HelperConfig classic = config(false);
        classic.configurationDirectory = fixtures + u"/demo"_s;
        classic.extraEnvironment = {u"FAKE_STATE="_s + m_state, u"NIX_CONFIG=substituters =\nnix-path = nixpkgs=%1/nixpkgs"_s.arg(fixtures)};
        QVERIFY(classic.nixPath.isEmpty());
        Operations operations(classic, {});
        RebuildRequest request;
        request.mode = RebuildMode::Build;
        const OperationResult result = operations.rebuild(request);
        QVERIFY2(!result.error, qPrintable(result.message));
        QVERIFY(result.data.value(u"storePath"_s).toString().contains("-nixos-system-"_L1));

        // helper.conf's NixPath still wins: pointed nowhere, the same build cannot find <nixpkgs>.
        classic.nixPath = u"nixpkgs=%1/no-such-nixpkgs"_s.arg(fixtures);
        Operations pinned(classic, {});
        const OperationResult missing = pinned.rebuild(request);
        QCOMPARE(missing.error, std::optional(Snowpane::Protocol::HelperError::Failed));
    }

    // deletegenerations deletes exactly the numbers it is given, each checked against the rule, the
    // link's own date and the protected set, or none at all; each request lists its own profile.
    void deletesExactlyTheListedGenerations()
    {
        // First a request on the "system" profile, whose only generation is current: refused, nothing deleted.
        HelperConfig first = config(false);
        first.collectGarbage = false;
        DeleteGenerationsRequest keepOne;
        keepOne.rule = Snowpane::System::CleanupRule::KeepLast;
        keepOne.count = 1;
        keepOne.generations = {1};
        const OperationResult current = Operations(first, {}).deleteGenerations(keepOne);
        QCOMPARE(current.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY2(current.message.contains("generation 1 is the current generation"_L1), qPrintable(current.message));
        QVERIFY(QFileInfo(profile() + u"-1-link"_s).isSymLink());

        // Then a profile of another name, with three generations of distinct systems, 40, 20 and 1 days old.
        const QString profiles = m_dir.filePath(u"machines"_s);
        QVERIFY(QDir().mkpath(profiles));
        const QString machine = profiles + u"/machine"_s;
        QStringList systems;
        for (int number = 1; number <= 3; ++number) {
            QProcess build;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"NIX_CONFIG"_s, u"substituters ="_s);
            build.setProcessEnvironment(env);
            build.start(QStringLiteral(NIX_BIN_DIR "/nix-build"),
                        {u"--no-out-link"_s,
                         u"-E"_s,
                         u"derivation { name = \"cleanup-system-%1\"; system = builtins.currentSystem; builder = \"/bin/sh\"; "
                         "args = [ \"-c\" \"echo %1 > $out\" ]; }"_s.arg(number)});
            QVERIFY(build.waitForFinished(120000));
            QVERIFY2(build.exitCode() == 0, build.readAllStandardError().constData());
            systems.append(QString::fromUtf8(build.readAllStandardOutput()).trimmed());
            QProcess set;
            set.start(QStringLiteral(NIX_BIN_DIR "/nix-env"), {u"-p"_s, machine, u"--set"_s, systems.last()});
            QVERIFY(set.waitForFinished(60000));
            QCOMPARE(set.exitCode(), 0);
        }
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(setLinkTime(machine + u"-1-link"_s, now.addDays(-40)));
        QVERIFY(setLinkTime(machine + u"-2-link"_s, now.addDays(-20)));
        QVERIFY(setLinkTime(machine + u"-3-link"_s, now.addDays(-1)));
        HelperConfig second = first;
        second.systemProfile = machine;
        second.bootedSystem = m_dir.filePath(u"no-booted-system"_s);
        second.currentSystem = m_dir.filePath(u"running-system"_s);
        const auto linksLeft = [&machine] {
            QList<int> left;
            for (int number = 1; number <= 3; ++number) {
                if (QFileInfo(machine + u"-%1-link"_s.arg(number)).isSymLink()) {
                    left.append(number);
                }
            }
            return left;
        };
        DeleteGenerationsRequest older;
        older.rule = Snowpane::System::CleanupRule::OlderThanDays;
        older.count = 30;

        // One more than the rule selects: the whole request is refused, naming it.
        older.generations = {1, 2};
        const OperationResult tooMany = Operations(second, {}).deleteGenerations(older);
        QCOMPARE(tooMany.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY2(tooMany.message.contains("generation 2 is not older than 30 days"_L1), qPrintable(tooMany.message));
        QCOMPARE(linksLeft(), (QList<int>{1, 2, 3}));

        // The running system is kept like the booted one.
        QVERIFY(QFile::link(systems.at(0), second.currentSystem));
        older.generations = {1};
        const OperationResult running = Operations(second, {}).deleteGenerations(older);
        QCOMPARE(running.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY2(running.message.contains("generation 1 is the running system"_L1), qPrintable(running.message));
        QCOMPARE(linksLeft(), (QList<int>{1, 2, 3}));
        QVERIFY(QFile::remove(second.currentSystem));

        const OperationResult deleted = Operations(second, {}).deleteGenerations(older);
        QVERIFY2(!deleted.error, qPrintable(deleted.message));
        QCOMPARE(deleted.data.value(u"deleted"_s).toList(), QVariantList{1});
        QCOMPARE(linksLeft(), (QList<int>{2, 3}));
    }

    void refusals()
    {
        Operations operations(config(false), {});
        SwitchGenerationRequest missing;
        missing.generation = 7;
        QCOMPARE(operations.switchGeneration(missing).error, std::optional(Snowpane::Protocol::HelperError::InvalidArguments));
        // Without a git repository nothing is written: every edit must be undoable.
        QVERIFY(QDir().mkpath(m_dir.filePath(u"nixos"_s)));
        WriteConfigRequest write;
        write.names.push_back(validateRelativeName(u"configuration.nix"_s).value());
        write.contents.push_back("{ }\n");
        write.message = u"x"_s;
        const OperationResult result = operations.writeConfig(write);
        QCOMPARE(result.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY(result.message.contains("git"_L1));
        QVERIFY(!QFile::exists(m_dir.filePath(u"nixos/configuration.nix"_s)));
    }

    // writeconfig of a file only its owner may read is refused before anything is written or committed.
    void writeConfigRefusesPrivateFiles()
    {
        HelperConfig config = this->config(false);
        config.configurationDirectory = m_dir.filePath(u"private-config"_s);
        writeFile(config.configurationDirectory + u"/configuration.nix"_s, "{ }\n");
        writeFile(config.configurationDirectory + u"/secret.nix"_s, "{ password = \"hunter2\"; }\n");
        QVERIFY(QFile::setPermissions(config.configurationDirectory + u"/secret.nix"_s, QFile::ReadOwner | QFile::WriteOwner));
        Operations operations(config, {});
        const OperationResult init = operations.initRepo({});
        QVERIFY2(!init.error, qPrintable(init.message));
        QCOMPARE(init.data.value(u"tracked"_s).toStringList(), QStringList{u"configuration.nix"_s});
        QCOMPARE(init.data.value(u"leftPrivate"_s).toStringList(), QStringList{u"secret.nix"_s});
        const QString head = git(config.configurationDirectory, {u"rev-parse"_s, u"HEAD"_s});
        WriteConfigRequest write;
        write.names.push_back(validateRelativeName(u"secret.nix"_s).value());
        write.contents.push_back("{ password = \"hunter3\"; }\n");
        write.message = u"x"_s;
        const OperationResult refused = operations.writeConfig(write);
        QCOMPARE(refused.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY2(refused.message.contains("secret.nix can be read by its owner only (mode 0600)"_L1), qPrintable(refused.message));
        QCOMPARE(readFile(config.configurationDirectory + u"/secret.nix"_s), QByteArray("{ password = \"hunter2\"; }\n"));
        QCOMPARE(git(config.configurationDirectory, {u"rev-parse"_s, u"HEAD"_s}), head);
        // A file beside it is written and committed, and the secret stays untracked.
        write.names = {validateRelativeName(u"configuration.nix"_s).value()};
        write.contents = {"{ a = 1; }\n"};
        const OperationResult written = operations.writeConfig(write);
        QVERIFY2(!written.error, qPrintable(written.message));
        QCOMPARE(git(config.configurationDirectory, {u"ls-files"_s}), u"configuration.nix"_s);
    }

    void rebuildRefusesLinkedFlake_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("link to a flake") << u"link"_s << u"flake.nix is a symbolic link"_s;
        QTest::newRow("dangling link") << u"dangling"_s << u"flake.nix is a symbolic link"_s;
        QTest::newRow("directory") << u"directory"_s << u"flake.nix is not a regular file"_s;
    }
    void rebuildRefusesLinkedFlake()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        HelperConfig config = this->config(false);
        config.configurationDirectory = m_dir.filePath(u"linked-flake-"_s + kind);
        writeFile(config.configurationDirectory + u"/configuration.nix"_s, "{ }\n");
        const QString flake = config.configurationDirectory + u"/flake.nix"_s;
        if (kind == "link"_L1) {
            writeFile(m_dir.filePath(u"elsewhere/flake.nix"_s), "{ outputs = _: { }; }\n");
            QVERIFY(QFile::link(m_dir.filePath(u"elsewhere/flake.nix"_s), flake));
        } else if (kind == "dangling"_L1) {
            QVERIFY(QFile::link(m_dir.filePath(u"nowhere.nix"_s), flake));
        } else {
            QVERIFY(QDir().mkpath(flake));
        }
        Operations operations(config, {});
        RebuildRequest request;
        request.mode = RebuildMode::Build;
        const OperationResult result = operations.rebuild(request);
        QCOMPARE(result.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY2(result.message.contains(reason), qPrintable(result.message));
        QVERIFY(!result.data.contains(u"steps"_s)); // nothing was built
    }

    // A full restore: tracked files go back one by one; ignored and untracked ones, and links, stay as they are.
    void restoreAllFileByFile()
    {
        HelperConfig config = this->config(false);
        const QString dir = m_dir.filePath(u"restore"_s);
        config.configurationDirectory = dir;
        writeFile(dir + u"/.gitignore"_s, "ignored.nix\nignored-dir\n");
        writeFile(dir + u"/a.nix"_s, "{ a = 1; }\n");
        writeFile(dir + u"/run.sh"_s, "#!/bin/sh\n");
        QVERIFY(QFile::setPermissions(dir + u"/run.sh"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        writeFile(dir + u"/ignored.nix"_s, "{ committed = true; }\n");
        writeFile(dir + u"/ignored-dir/x.nix"_s, "{ committed = true; }\n");
        QCOMPARE(git(dir, {u"init"_s, u"-q"_s}), QString());
        QCOMPARE(git(dir, {u"add"_s, u"-f"_s, u"."_s}), QString());
        QCOMPARE(git(dir, {u"commit"_s, u"-q"_s, u"-m"_s, u"A"_s}), QString());
        const QString a = git(dir, {u"rev-parse"_s, u"HEAD"_s});
        QCOMPARE(git(dir, {u"rm"_s, u"-q"_s, u"-r"_s, u"--cached"_s, u"ignored.nix"_s, u"ignored-dir"_s}), QString());
        writeFile(dir + u"/a.nix"_s, "{ a = 2; }\n");
        writeFile(dir + u"/b.nix"_s, "{ b = 2; }\n");
        QVERIFY(QFile::remove(dir + u"/run.sh"_s));
        QCOMPARE(git(dir, {u"add"_s, u"-A"_s}), QString());
        QCOMPARE(git(dir, {u"commit"_s, u"-q"_s, u"-m"_s, u"B"_s}), QString());
        // The user's own ignored file, and an ignored directory that is now a link out of the configuration.
        writeFile(dir + u"/ignored.nix"_s, "{ mine = true; }\n");
        QVERIFY(QDir(dir + u"/ignored-dir"_s).removeRecursively());
        const QString outside = m_dir.filePath(u"restore-outside"_s);
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, dir + u"/ignored-dir"_s));
        QCOMPARE(QProcess::execute(u"/bin/chmod"_s, {u"-R"_s, u"go-w"_s, dir}), 0);
        Operations operations(config, {});

        // A tracked file with a second name is refused, and nothing else is restored.
        QCOMPARE(::link(QFile::encodeName(dir + u"/b.nix"_s).constData(), QFile::encodeName(m_dir.filePath(u"b-second-name"_s)).constData()), 0);
        RestoreConfigRequest request;
        request.commit = a;
        const OperationResult refused = operations.restoreConfig(request);
        QCOMPARE(refused.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY2(refused.message.contains("b.nix has 2 hard links"_L1), qPrintable(refused.message));
        QCOMPARE(readFile(dir + u"/a.nix"_s), QByteArray("{ a = 2; }\n"));
        QVERIFY(!QFile::exists(dir + u"/run.sh"_s));
        QVERIFY(QFile::remove(m_dir.filePath(u"b-second-name"_s)));

        const OperationResult restored = operations.restoreConfig(request);
        QVERIFY2(!restored.error, qPrintable(restored.message));
        QCOMPARE(readFile(dir + u"/a.nix"_s), QByteArray("{ a = 1; }\n"));
        QVERIFY(!QFile::exists(dir + u"/b.nix"_s));
        QCOMPARE(readFile(dir + u"/run.sh"_s), QByteArray("#!/bin/sh\n"));
        QVERIFY(QFileInfo(dir + u"/run.sh"_s).isExecutable());
        QCOMPARE(readFile(dir + u"/ignored.nix"_s), QByteArray("{ mine = true; }\n"));
        QVERIFY(QFileInfo(dir + u"/ignored-dir"_s).isSymLink());
        QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        QStringList leftAlone = restored.data.value(u"leftAlone"_s).toStringList();
        QCOMPARE(leftAlone, (QStringList{u"ignored-dir/x.nix"_s, u"ignored.nix"_s}));
        QCOMPARE(restored.data.value(u"commit"_s).toString(), git(dir, {u"rev-parse"_s, u"HEAD"_s}));
        QCOMPARE(git(dir, {u"diff"_s, u"--name-only"_s, a, u"HEAD"_s}), u"ignored-dir/x.nix\nignored.nix"_s);
        QCOMPARE(git(dir, {u"status"_s, u"--porcelain"_s}), QString());
    }

    // An old commit whose .nix file does not parse is refused whole, before anything is written.
    void restoreAllChecksEveryFileFirst()
    {
        HelperConfig config = this->config(false);
        const QString dir = m_dir.filePath(u"restore-broken"_s);
        config.configurationDirectory = dir;
        writeFile(dir + u"/a.nix"_s, "{ a = 1; }\n");
        writeFile(dir + u"/z.nix"_s, "{ z = \n");
        QCOMPARE(git(dir, {u"init"_s, u"-q"_s}), QString());
        QCOMPARE(git(dir, {u"add"_s, u"-A"_s}), QString());
        QCOMPARE(git(dir, {u"commit"_s, u"-q"_s, u"-m"_s, u"broken"_s}), QString());
        const QString broken = git(dir, {u"rev-parse"_s, u"HEAD"_s});
        writeFile(dir + u"/a.nix"_s, "{ a = 2; }\n");
        writeFile(dir + u"/z.nix"_s, "{ z = 2; }\n");
        QCOMPARE(git(dir, {u"commit"_s, u"-q"_s, u"-am"_s, u"fixed"_s}), QString());
        QCOMPARE(QProcess::execute(u"/bin/chmod"_s, {u"-R"_s, u"go-w"_s, dir}), 0);
        const QString head = git(dir, {u"rev-parse"_s, u"HEAD"_s});
        Operations operations(config, {});
        RestoreConfigRequest request;
        request.commit = broken;
        const OperationResult refused = operations.restoreConfig(request);
        QCOMPARE(refused.error, std::optional(Snowpane::Protocol::HelperError::Failed));
        QVERIFY2(refused.message.contains("z.nix:"_L1), qPrintable(refused.message));
        QCOMPARE(readFile(dir + u"/a.nix"_s), QByteArray("{ a = 2; }\n"));
        QCOMPARE(git(dir, {u"rev-parse"_s, u"HEAD"_s}), head);
    }

private:
    QString profile() const
    {
        return m_dir.filePath(u"profiles/system"_s);
    }
    HelperConfig config(bool systemd) const
    {
        HelperConfig config;
        config.configurationDirectory = m_dir.filePath(u"nixos"_s);
        config.systemProfile = profile();
        config.nixBinDirectory = QStringLiteral(NIX_BIN_DIR);
        config.systemdRun = m_systemdRun;
        config.systemdRuntimeDirectory = systemd ? m_dir.filePath(u"systemd/system"_s) : m_dir.filePath(u"no-systemd"_s);
        // Never a garbage collection of the build root's store from a test.
        config.collectGarbage = false;
        config.extraEnvironment = {u"FAKE_STATE="_s + m_state, u"NIX_CONFIG=substituters ="_s};
        return config;
    }

    QTemporaryDir m_dir;
    QString m_state;
    QString m_system;
    QString m_flake;
    QString m_systemdRun;
};

QTEST_GUILESS_MAIN(OperationsTest)
#include "tst_operations.moc"
