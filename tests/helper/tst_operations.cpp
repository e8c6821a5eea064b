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
    process.start(QStringLiteral("git"),
                  QStringList{QStringLiteral("-C"),
                              directory,
                              QStringLiteral("-c"),
                              QStringLiteral("user.name=Snowpane tests"),
                              QStringLiteral("-c"),
                              QStringLiteral("user.email=tests@localhost"),
                              QStringLiteral("-c"),
                              QStringLiteral("safe.directory=*")}
                      + arguments);
    process.waitForFinished(30000);
    return process.exitCode() == 0 ? QString::fromUtf8(process.readAllStandardOutput()).trimmed() : QStringLiteral("<failed>");
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

    // A classic build takes <nixpkgs> from the system's nix-path (nix.conf; here NIX_CONFIG) unless helper.conf names a NixPath.
    void classicBuildUsesTheSystemNixPath()
    {
        const QString fixtures = m_dir.filePath(QStringLiteral("classic"));
        QVERIFY(QDir().mkpath(fixtures));
        QCOMPARE(QProcess::execute(
                     QStringLiteral("/bin/cp"),
                     {QStringLiteral("-R"), QStringLiteral(SOURCE_DIR "/tests/fixtures/nixpkgs"), QStringLiteral(SOURCE_DIR "/tests/fixtures/demo"), fixtures}),
                 0);
        QCOMPARE(QProcess::execute(QStringLiteral("/bin/chmod"), {QStringLiteral("-R"), QStringLiteral("go-w"), fixtures}), 0);
        HelperConfig classic = config(false);
        classic.configurationDirectory = fixtures + QStringLiteral("/demo");
        classic.extraEnvironment = {QStringLiteral("FAKE_STATE=") + m_state,
                                    QStringLiteral("NIX_CONFIG=substituters =\nnix-path = nixpkgs=%1/nixpkgs").arg(fixtures)};
        QVERIFY(classic.nixPath.isEmpty());
        Operations operations(classic, {});
        RebuildRequest request;
        request.mode = RebuildMode::Build;
        const OperationResult result = operations.rebuild(request);
        QVERIFY2(!result.error, qPrintable(result.message));
        QVERIFY(result.data.value(QStringLiteral("storePath")).toString().contains(QLatin1String("-nixos-system-")));

        // helper.conf's NixPath still wins: pointed nowhere, the same build cannot find <nixpkgs>.
        classic.nixPath = QStringLiteral("nixpkgs=%1/no-such-nixpkgs").arg(fixtures);
        Operations pinned(classic, {});
        const OperationResult missing = pinned.rebuild(request);
        QCOMPARE(missing.error, std::optional(snowpane::protocol::HelperError::Failed));
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
        QCOMPARE(current.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY2(current.message.contains(QLatin1String("generation 1 is the current generation")), qPrintable(current.message));
        QVERIFY(QFileInfo(profile() + QStringLiteral("-1-link")).isSymLink());

        // Then a profile of another name, with three generations of distinct systems, 40, 20 and 1 days old.
        const QString profiles = m_dir.filePath(QStringLiteral("machines"));
        QVERIFY(QDir().mkpath(profiles));
        const QString machine = profiles + QStringLiteral("/machine");
        QStringList systems;
        for (int number = 1; number <= 3; ++number) {
            QProcess build;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("NIX_CONFIG"), QStringLiteral("substituters ="));
            build.setProcessEnvironment(env);
            build.start(QStringLiteral(NIX_BIN_DIR "/nix-build"),
                        {QStringLiteral("--no-out-link"),
                         QStringLiteral("-E"),
                         QStringLiteral("derivation { name = \"cleanup-system-%1\"; system = builtins.currentSystem; builder = \"/bin/sh\"; "
                                        "args = [ \"-c\" \"echo %1 > $out\" ]; }")
                             .arg(number)});
            QVERIFY(build.waitForFinished(120000));
            QVERIFY2(build.exitCode() == 0, build.readAllStandardError().constData());
            systems.append(QString::fromUtf8(build.readAllStandardOutput()).trimmed());
            QProcess set;
            set.start(QStringLiteral(NIX_BIN_DIR "/nix-env"), {QStringLiteral("-p"), machine, QStringLiteral("--set"), systems.last()});
            QVERIFY(set.waitForFinished(60000));
            QCOMPARE(set.exitCode(), 0);
        }
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(setLinkTime(machine + QStringLiteral("-1-link"), now.addDays(-40)));
        QVERIFY(setLinkTime(machine + QStringLiteral("-2-link"), now.addDays(-20)));
        QVERIFY(setLinkTime(machine + QStringLiteral("-3-link"), now.addDays(-1)));
        HelperConfig second = first;
        second.systemProfile = machine;
        second.bootedSystem = m_dir.filePath(QStringLiteral("no-booted-system"));
        second.currentSystem = m_dir.filePath(QStringLiteral("running-system"));
        const auto linksLeft = [&machine] {
            QList<int> left;
            for (int number = 1; number <= 3; ++number) {
                if (QFileInfo(machine + QStringLiteral("-%1-link").arg(number)).isSymLink()) {
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
        QCOMPARE(tooMany.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY2(tooMany.message.contains(QLatin1String("generation 2 is not older than 30 days")), qPrintable(tooMany.message));
        QCOMPARE(linksLeft(), (QList<int>{1, 2, 3}));

        // The running system is kept like the booted one.
        QVERIFY(QFile::link(systems.at(0), second.currentSystem));
        older.generations = {1};
        const OperationResult running = Operations(second, {}).deleteGenerations(older);
        QCOMPARE(running.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY2(running.message.contains(QLatin1String("generation 1 is the running system")), qPrintable(running.message));
        QCOMPARE(linksLeft(), (QList<int>{1, 2, 3}));
        QVERIFY(QFile::remove(second.currentSystem));

        const OperationResult deleted = Operations(second, {}).deleteGenerations(older);
        QVERIFY2(!deleted.error, qPrintable(deleted.message));
        QCOMPARE(deleted.data.value(QStringLiteral("deleted")).toList(), QVariantList{1});
        QCOMPARE(linksLeft(), (QList<int>{2, 3}));
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

    // writeconfig of a file only its owner may read is refused before anything is written or committed.
    void writeConfigRefusesPrivateFiles()
    {
        HelperConfig config = this->config(false);
        config.configurationDirectory = m_dir.filePath(QStringLiteral("private-config"));
        writeFile(config.configurationDirectory + QStringLiteral("/configuration.nix"), "{ }\n");
        writeFile(config.configurationDirectory + QStringLiteral("/secret.nix"), "{ password = \"hunter2\"; }\n");
        QVERIFY(QFile::setPermissions(config.configurationDirectory + QStringLiteral("/secret.nix"), QFile::ReadOwner | QFile::WriteOwner));
        Operations operations(config, {});
        const OperationResult init = operations.initRepo({});
        QVERIFY2(!init.error, qPrintable(init.message));
        QCOMPARE(init.data.value(QStringLiteral("tracked")).toStringList(), QStringList{QStringLiteral("configuration.nix")});
        QCOMPARE(init.data.value(QStringLiteral("leftPrivate")).toStringList(), QStringList{QStringLiteral("secret.nix")});
        const QString head = git(config.configurationDirectory, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        WriteConfigRequest write;
        write.names.push_back(validateRelativeName(QStringLiteral("secret.nix")).value());
        write.contents.push_back("{ password = \"hunter3\"; }\n");
        write.message = QStringLiteral("x");
        const OperationResult refused = operations.writeConfig(write);
        QCOMPARE(refused.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY2(refused.message.contains(QLatin1String("secret.nix can be read by its owner only (mode 0600)")), qPrintable(refused.message));
        QCOMPARE(readFile(config.configurationDirectory + QStringLiteral("/secret.nix")), QByteArray("{ password = \"hunter2\"; }\n"));
        QCOMPARE(git(config.configurationDirectory, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), head);
        // A file beside it is written and committed, and the secret stays untracked.
        write.names = {validateRelativeName(QStringLiteral("configuration.nix")).value()};
        write.contents = {"{ a = 1; }\n"};
        const OperationResult written = operations.writeConfig(write);
        QVERIFY2(!written.error, qPrintable(written.message));
        QCOMPARE(git(config.configurationDirectory, {QStringLiteral("ls-files")}), QStringLiteral("configuration.nix"));
    }

    void rebuildRefusesLinkedFlake_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("link to a flake") << QStringLiteral("link") << QStringLiteral("flake.nix is a symbolic link");
        QTest::newRow("dangling link") << QStringLiteral("dangling") << QStringLiteral("flake.nix is a symbolic link");
        QTest::newRow("directory") << QStringLiteral("directory") << QStringLiteral("flake.nix is not a regular file");
    }
    void rebuildRefusesLinkedFlake()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        HelperConfig config = this->config(false);
        config.configurationDirectory = m_dir.filePath(QStringLiteral("linked-flake-") + kind);
        writeFile(config.configurationDirectory + QStringLiteral("/configuration.nix"), "{ }\n");
        const QString flake = config.configurationDirectory + QStringLiteral("/flake.nix");
        if (kind == QLatin1String("link")) {
            writeFile(m_dir.filePath(QStringLiteral("elsewhere/flake.nix")), "{ outputs = _: { }; }\n");
            QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("elsewhere/flake.nix")), flake));
        } else if (kind == QLatin1String("dangling")) {
            QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("nowhere.nix")), flake));
        } else {
            QVERIFY(QDir().mkpath(flake));
        }
        Operations operations(config, {});
        RebuildRequest request;
        request.mode = RebuildMode::Build;
        const OperationResult result = operations.rebuild(request);
        QCOMPARE(result.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY2(result.message.contains(reason), qPrintable(result.message));
        QVERIFY(!result.data.contains(QStringLiteral("steps"))); // nothing was built
    }

    // A full restore: tracked files go back one by one; ignored and untracked ones, and links, stay as they are.
    void restoreAllFileByFile()
    {
        HelperConfig config = this->config(false);
        const QString dir = m_dir.filePath(QStringLiteral("restore"));
        config.configurationDirectory = dir;
        writeFile(dir + QStringLiteral("/.gitignore"), "ignored.nix\nignored-dir\n");
        writeFile(dir + QStringLiteral("/a.nix"), "{ a = 1; }\n");
        writeFile(dir + QStringLiteral("/run.sh"), "#!/bin/sh\n");
        QVERIFY(QFile::setPermissions(dir + QStringLiteral("/run.sh"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        writeFile(dir + QStringLiteral("/ignored.nix"), "{ committed = true; }\n");
        writeFile(dir + QStringLiteral("/ignored-dir/x.nix"), "{ committed = true; }\n");
        QCOMPARE(git(dir, {QStringLiteral("init"), QStringLiteral("-q")}), QString());
        QCOMPARE(git(dir, {QStringLiteral("add"), QStringLiteral("-f"), QStringLiteral(".")}), QString());
        QCOMPARE(git(dir, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("A")}), QString());
        const QString a = git(dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        QCOMPARE(git(dir,
                     {QStringLiteral("rm"),
                      QStringLiteral("-q"),
                      QStringLiteral("-r"),
                      QStringLiteral("--cached"),
                      QStringLiteral("ignored.nix"),
                      QStringLiteral("ignored-dir")}),
                 QString());
        writeFile(dir + QStringLiteral("/a.nix"), "{ a = 2; }\n");
        writeFile(dir + QStringLiteral("/b.nix"), "{ b = 2; }\n");
        QVERIFY(QFile::remove(dir + QStringLiteral("/run.sh")));
        QCOMPARE(git(dir, {QStringLiteral("add"), QStringLiteral("-A")}), QString());
        QCOMPARE(git(dir, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("B")}), QString());
        // The user's own ignored file, and an ignored directory that is now a link out of the configuration.
        writeFile(dir + QStringLiteral("/ignored.nix"), "{ mine = true; }\n");
        QVERIFY(QDir(dir + QStringLiteral("/ignored-dir")).removeRecursively());
        const QString outside = m_dir.filePath(QStringLiteral("restore-outside"));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, dir + QStringLiteral("/ignored-dir")));
        QCOMPARE(QProcess::execute(QStringLiteral("/bin/chmod"), {QStringLiteral("-R"), QStringLiteral("go-w"), dir}), 0);
        Operations operations(config, {});

        // A tracked file with a second name is refused, and nothing else is restored.
        QCOMPARE(::link(QFile::encodeName(dir + QStringLiteral("/b.nix")).constData(),
                        QFile::encodeName(m_dir.filePath(QStringLiteral("b-second-name"))).constData()),
                 0);
        RestoreConfigRequest request;
        request.commit = a;
        const OperationResult refused = operations.restoreConfig(request);
        QCOMPARE(refused.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY2(refused.message.contains(QLatin1String("b.nix has 2 hard links")), qPrintable(refused.message));
        QCOMPARE(readFile(dir + QStringLiteral("/a.nix")), QByteArray("{ a = 2; }\n"));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/run.sh")));
        QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("b-second-name"))));

        const OperationResult restored = operations.restoreConfig(request);
        QVERIFY2(!restored.error, qPrintable(restored.message));
        QCOMPARE(readFile(dir + QStringLiteral("/a.nix")), QByteArray("{ a = 1; }\n"));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/b.nix")));
        QCOMPARE(readFile(dir + QStringLiteral("/run.sh")), QByteArray("#!/bin/sh\n"));
        QVERIFY(QFileInfo(dir + QStringLiteral("/run.sh")).isExecutable());
        QCOMPARE(readFile(dir + QStringLiteral("/ignored.nix")), QByteArray("{ mine = true; }\n"));
        QVERIFY(QFileInfo(dir + QStringLiteral("/ignored-dir")).isSymLink());
        QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        QStringList leftAlone = restored.data.value(QStringLiteral("leftAlone")).toStringList();
        QCOMPARE(leftAlone, (QStringList{QStringLiteral("ignored-dir/x.nix"), QStringLiteral("ignored.nix")}));
        QCOMPARE(restored.data.value(QStringLiteral("commit")).toString(), git(dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
        QCOMPARE(git(dir, {QStringLiteral("diff"), QStringLiteral("--name-only"), a, QStringLiteral("HEAD")}),
                 QStringLiteral("ignored-dir/x.nix\nignored.nix"));
        QCOMPARE(git(dir, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    }

    // An old commit whose .nix file does not parse is refused whole, before anything is written.
    void restoreAllChecksEveryFileFirst()
    {
        HelperConfig config = this->config(false);
        const QString dir = m_dir.filePath(QStringLiteral("restore-broken"));
        config.configurationDirectory = dir;
        writeFile(dir + QStringLiteral("/a.nix"), "{ a = 1; }\n");
        writeFile(dir + QStringLiteral("/z.nix"), "{ z = \n");
        QCOMPARE(git(dir, {QStringLiteral("init"), QStringLiteral("-q")}), QString());
        QCOMPARE(git(dir, {QStringLiteral("add"), QStringLiteral("-A")}), QString());
        QCOMPARE(git(dir, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("broken")}), QString());
        const QString broken = git(dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        writeFile(dir + QStringLiteral("/a.nix"), "{ a = 2; }\n");
        writeFile(dir + QStringLiteral("/z.nix"), "{ z = 2; }\n");
        QCOMPARE(git(dir, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"), QStringLiteral("fixed")}), QString());
        QCOMPARE(QProcess::execute(QStringLiteral("/bin/chmod"), {QStringLiteral("-R"), QStringLiteral("go-w"), dir}), 0);
        const QString head = git(dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        Operations operations(config, {});
        RestoreConfigRequest request;
        request.commit = broken;
        const OperationResult refused = operations.restoreConfig(request);
        QCOMPARE(refused.error, std::optional(snowpane::protocol::HelperError::Failed));
        QVERIFY2(refused.message.contains(QLatin1String("z.nix:")), qPrintable(refused.message));
        QCOMPARE(readFile(dir + QStringLiteral("/a.nix")), QByteArray("{ a = 2; }\n"));
        QCOMPARE(git(dir, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), head);
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
        // Never a garbage collection of the build root's store from a test.
        config.collectGarbage = false;
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
