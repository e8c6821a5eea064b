// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// updatesources driven directly, without D-Bus, against the stand-in's
// update fixtures (tests/fixtures/make-demo-system): root's channels moved
// to the next release and back, a flake's nixpkgs input moved to the next
// revision and committed, and failures that must leave everything as it
// was. Runs as root with real Nix in the build root.

#include "gitstore.h"
#include "operations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;
using Snowpane::Protocol::HelperError;

namespace
{
QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** The process's output, or a failed check that says what went wrong. */
QString run(const QString &program, const QStringList &arguments, const QString &directory = QString())
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NIX_CONFIG"_s, u"substituters ="_s);
    process.setProcessEnvironment(env);
    if (!directory.isEmpty()) {
        process.setWorkingDirectory(directory);
    }
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << program << arguments.join(QLatin1Char(' ')) << "failed:" << process.readAllStandardError();
        return u"<failed>"_s;
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

/** git in `directory` with a fixed identity, as run(): the output, or "<failed>". */
QString git(const QString &directory, const QStringList &arguments)
{
    return run(u"git"_s, QStringList{u"-C"_s, directory, u"-c"_s, u"user.name=t"_s, u"-c"_s, u"user.email=t@localhost"_s} + arguments);
}

/** The profile's links and their texts: what "byte-identical channels" means for a profile. */
QMap<QString, QString> profileLinks(const QString &profile)
{
    QMap<QString, QString> links;
    const QFileInfo info(profile);
    const QFileInfoList entries = QDir(info.absolutePath()).entryInfoList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().startsWith(info.fileName())) {
            links.insert(entry.fileName(), QFile::symLinkTarget(entry.filePath()));
        }
    }
    return links;
}

/** What "byte-identical" means for one file: its bytes, owner, group and mode. */
QString fileState(const QString &path)
{
    struct stat st{};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        return u"missing"_s;
    }
    return u"%1:%2 %3 %4"_s.arg(st.st_uid).arg(st.st_gid).arg(st.st_mode, 0, 8).arg(QString::fromLatin1(readFile(path).toBase64()));
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(content), content.size());
}

// A nix that does what a failing update could: writes flake.lock in the flake (and
// gives it another owner and mode) and the output lock, then exits 1.
constexpr char NixWritesLockThenFails[] = R"SH(#!/bin/sh
flake= out=
while [ $# -gt 0 ]; do
  case "$1" in
    --flake) flake=$2; shift ;;
    --output-lock-file) out=$2; shift ;;
  esac
  shift
done
printf 'not a lock' > "$flake/flake.lock"
/bin/chmod 600 "$flake/flake.lock"
/bin/chown 65534:65534 "$flake/flake.lock"
[ -n "$out" ] && printf 'not a lock' > "$out"
echo 'error: stub: the download failed' >&2
exit 1
)SH";

// A nix-env that does what a failing install can: makes the next generation, points
// the profile at it, then exits 1.
constexpr char NixEnvMakesGenerationThenFails[] = R"SH(#!/bin/sh
profile=$2
base=${profile##*/}
/bin/ln -s "$(/bin/readlink "$profile-1-link")" "$profile-2-link"
/bin/ln -s "$base-2-link" "$profile.stub"
/bin/mv -T "$profile.stub" "$profile"
echo 'error: stub: unpacking failed' >&2
exit 1
)SH";

QString gitMessage(const QString &directory, const QString &commit)
{
    return run(u"git"_s, {u"-C"_s, directory, u"log"_s, u"-1"_s, u"--format=%B"_s, commit});
}
}

class UpdateSourcesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0) {
            QFAIL("this test updates a channels profile and commits as the helper does, as root: run it with tools/dev exec ctest");
        }
        QVERIFY(m_dir.isValid());
        // The stand-in's update fixtures, made once and reused while the fixtures do not change.
        const QString demo = QStringLiteral(DEMO_DIR);
        QVERIFY2(run(u"bash"_s, {QStringLiteral(SOURCE_DIR "/tests/fixtures/make-demo-system"), u"--if-stale"_s, demo}) != u"<failed>"_s,
                 "make-demo-system failed");
        const QList<QByteArray> lines = readFile(demo + u"/snowpane-demo.env"_s).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith('#')) {
                QString value = QString::fromUtf8(line.mid(equals + 1));
                if (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))) {
                    value = value.mid(1, value.size() - 2);
                }
                m_env.insert(QString::fromUtf8(line.left(equals)), value);
            }
        }
        for (const char *name : {"CHANNELS_PROFILE", "CHANNEL_LIST", "FLAKE_UPDATE_DIR", "FLAKE_BROKEN_DIR", "NIXPKGS_REV_CURRENT", "NIXPKGS_REV_UPDATE"}) {
            QVERIFY2(!m_env.value(QLatin1String(name)).isEmpty(), name);
        }
    }

    void channelsUpdateThenRollBack()
    {
        const HelperConfig config = channelsConfig(u"update"_s, readFile(m_env.value(u"CHANNEL_LIST"_s)));
        const auto linksBefore = profileLinks(config.channelsProfile);
        const QString treeBefore = QFileInfo(config.channelsProfile + u"/nixos"_s).canonicalFilePath();
        QCOMPARE(linksBefore.size(), 2); // channels -> channels-1-link

        QList<QVariantMap> progress;
        OperationContext context;
        context.sendProgress = [&progress](const QVariantMap &map) {
            progress.append(map);
        };
        Operations operations(config, context);
        const OperationResult updated = operations.updateSources({});
        QVERIFY2(!updated.error, qPrintable(updated.message));
        QCOMPARE(updated.data.value(u"kind"_s).toString(), u"channels"_s);
        QCOMPARE(updated.data.value(u"changed"_s).toBool(), true);
        const QVariantList channels = updated.data.value(u"channels"_s).toList();
        QCOMPARE(channels.size(), 1);
        const QVariantMap nixos = channels.first().toMap();
        QCOMPARE(nixos.value(u"name"_s).toString(), u"nixos"_s);
        QCOMPARE(nixos.value(u"oldGeneration"_s).toInt(), 1);
        QCOMPARE(nixos.value(u"newGeneration"_s).toInt(), 2);
        QCOMPARE(nixos.value(u"oldRevision"_s).toString(), u"bc3c6a1ad1d9f0a3e5b7c9d1e3f5a7b9c1d3e5f7"_s);
        QCOMPARE(nixos.value(u"newRevision"_s).toString(), u"5d6e7f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"_s);
        QCOMPARE(readFile(config.channelsProfile + u"/nixos/.version-suffix"_s), QByteArray(".20241201.5d6e7f8"));
        QCOMPARE(readFile(config.channelsProfile + u"/nixos/.snapshot"_s), QByteArray("24.11-december\n"));
        QVERIFY(!progress.isEmpty());

        // Nothing newer: no new generation.
        const OperationResult again = operations.updateSources({});
        QVERIFY2(!again.error, qPrintable(again.message));
        QCOMPARE(again.data.value(u"changed"_s).toBool(), false);
        QCOMPARE(QFile::symLinkTarget(config.channelsProfile), config.channelsProfile + u"-2-link"_s);

        // rollbackchannels refuses while the profile is not at `from`, and changes nothing.
        const auto linksAtTwo = profileLinks(config.channelsProfile);
        const OperationResult wrongFrom = operations.rollBackChannels({QString(), 3, 1});
        QCOMPARE(wrongFrom.error, std::optional(HelperError::Failed));
        QVERIFY2(wrongFrom.message.contains("generation 2, not 3"_L1), qPrintable(wrongFrom.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksAtTwo);

        const OperationResult rolledBack = operations.rollBackChannels({QString(), 2, 1});
        QVERIFY2(!rolledBack.error, qPrintable(rolledBack.message));
        QCOMPARE(rolledBack.data.value(u"kind"_s).toString(), u"channels"_s);
        const QVariantMap back = rolledBack.data.value(u"channels"_s).toList().first().toMap();
        QCOMPARE(back.value(u"oldGeneration"_s).toInt(), 2);
        QCOMPARE(back.value(u"newGeneration"_s).toInt(), 1);
        // The profile's directory is as before the update: the same links with the same texts, generation 2 gone.
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
        QCOMPARE(QFileInfo(config.channelsProfile + u"/nixos"_s).canonicalFilePath(), treeBefore);
        QCOMPARE(readFile(config.channelList), readFile(m_env.value(u"CHANNEL_LIST"_s)));

        // Once more: the profile is no longer at generation 2, a clear refusal, nothing changed.
        const OperationResult again2 = operations.rollBackChannels({QString(), 2, 1});
        QCOMPARE(again2.error, std::optional(HelperError::Failed));
        QVERIFY2(again2.message.contains("generation 1, not 2"_L1), qPrintable(again2.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
    }

    void channelsNetworkFailureChangesNothing()
    {
        const HelperConfig config = channelsConfig(u"offline"_s, "file:///nonexistent/channels/nixos-24.11 nixos\n");
        const auto linksBefore = profileLinks(config.channelsProfile);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains("nixos"_L1) && result.message.contains("nonexistent"_L1), qPrintable(result.message));
        QVERIFY2(!result.message.contains(QLatin1Char('\n')), qPrintable(result.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
    }

    void channelsWithoutNixosChannel()
    {
        const HelperConfig config = channelsConfig(u"other"_s, "file:///srv/home-manager home-manager\n");
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains("'nixos'"_L1), qPrintable(result.message));
    }

    void flakeUpdateCommitsTheLock()
    {
        const QString flake = copyTree(m_env.value(u"FLAKE_UPDATE_DIR"_s), u"flake"_s);
        const QByteArray lockBefore = readFile(flake + u"/flake.lock"_s);
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        const OperationResult result = operations.updateSources({});
        QVERIFY2(!result.error, qPrintable(result.message));
        QCOMPARE(result.data.value(u"kind"_s).toString(), u"flake"_s);
        QCOMPARE(result.data.value(u"changed"_s).toBool(), true);
        QCOMPARE(result.data.value(u"previousCommit"_s).toString(), headBefore);
        const QString commit = result.data.value(u"commit"_s).toString();
        QCOMPARE(commit, gitHead(flake));
        QVERIFY(commit != headBefore);
        const QString current = m_env.value(u"NIXPKGS_REV_CURRENT"_s);
        const QString update = m_env.value(u"NIXPKGS_REV_UPDATE"_s);
        QCOMPARE(gitMessage(flake, commit), u"Update flake inputs\n\nnixpkgs: %1 (2024-11-20) \u2192 %2 (2024-12-01)"_s.arg(current.left(7), update.left(7)));
        const QVariantList inputs = result.data.value(u"inputs"_s).toList();
        QCOMPARE(inputs.size(), 1);
        const QVariantMap nixpkgs = inputs.first().toMap();
        QCOMPARE(nixpkgs.value(u"name"_s).toString(), u"nixpkgs"_s);
        QCOMPARE(nixpkgs.value(u"oldRevision"_s).toString(), current);
        QCOMPARE(nixpkgs.value(u"newRevision"_s).toString(), update);
        QCOMPARE(nixpkgs.value(u"oldDate"_s).toString(), u"2024-11-20T12:00:00Z"_s);
        QCOMPARE(nixpkgs.value(u"newDate"_s).toString(), u"2024-12-01T12:00:00Z"_s);
        QVERIFY(readFile(flake + u"/flake.lock"_s).contains(update.toUtf8()));
        QVERIFY(run(u"git"_s, {u"-C"_s, flake, u"status"_s, u"--porcelain"_s}).isEmpty());

        // Nothing newer: no commit, and the reply says so.
        const OperationResult again = operations.updateSources({});
        QVERIFY2(!again.error, qPrintable(again.message));
        QCOMPARE(again.data.value(u"changed"_s).toBool(), false);
        QVERIFY(again.data.value(u"commit"_s).toString().isEmpty());
        QCOMPARE(gitHead(flake), commit);

        // Discarding is restoreconfig of flake.lock from the commit before the update; an uncommitted edit
        // of flake.lock made after the check is saved first, and other files stay as they are.
        const QByteArray hostNix = readFile(flake + u"/host.nix"_s) + "\n# after the check\n";
        writeFile(flake + u"/host.nix"_s, hostNix);
        writeFile(flake + u"/flake.lock"_s, readFile(flake + u"/flake.lock"_s) + "\n");
        RestoreConfigRequest restore;
        restore.commit = result.data.value(u"previousCommit"_s).toString();
        restore.files = {RelativeName{u"flake.lock"_s, {u"flake.lock"_s}}};
        const OperationResult restored = operations.restoreConfig(restore);
        QVERIFY2(!restored.error, qPrintable(restored.message));
        QCOMPARE(readFile(flake + u"/flake.lock"_s), lockBefore);
        QCOMPARE(readFile(flake + u"/host.nix"_s), hostNix);
        const QString restoreCommit = restored.data.value(u"commit"_s).toString();
        QCOMPARE(restoreCommit, gitHead(flake));
        QCOMPARE(run(u"git"_s, {u"-C"_s, flake, u"status"_s, u"--porcelain"_s}), u"M host.nix"_s);
        QCOMPARE(
            run(u"git"_s, {u"-C"_s, flake, u"log"_s, u"--format=%s"_s, u"-3"_s}),
            u"Snowpane: restore flake.lock of %1\nSnowpane: save flake.lock as it was before a restore\nUpdate flake inputs"_s.arg(restore.commit.left(12)));
        // Once more: nothing differs, no commit.
        const OperationResult again2 = operations.restoreConfig(restore);
        QVERIFY2(!again2.error, qPrintable(again2.message));
        QCOMPARE(again2.data.value(u"changed"_s).toBool(), false);
        QCOMPARE(gitHead(flake), restoreCommit);
    }

    void flakeOneInput()
    {
        // Two inputs on the same repository, both locked at the current revision: only the one named may move.
        const QString flake = copyTree(m_env.value(u"FLAKE_UPDATE_DIR"_s), u"flake-one"_s);
        const QString current = m_env.value(u"NIXPKGS_REV_CURRENT"_s);
        const QString update = m_env.value(u"NIXPKGS_REV_UPDATE"_s);
        QByteArray flakeNix = readFile(flake + u"/flake.nix"_s);
        const qsizetype urlLine = flakeNix.indexOf("inputs.nixpkgs.url");
        QVERIFY(urlLine > 0);
        const QByteArray line = flakeNix.mid(urlLine, flakeNix.indexOf('\n', urlLine) - urlLine + 1);
        flakeNix.insert(urlLine, QByteArray(line).replace("inputs.nixpkgs.url", "inputs.pinned.url"));
        flakeNix.replace("{ self, nixpkgs }:", "{ self, nixpkgs, ... }:");
        writeFile(flake + u"/flake.nix"_s, flakeNix);
        QJsonObject lock = QJsonDocument::fromJson(readFile(flake + u"/flake.lock"_s)).object();
        QJsonObject nodes = lock.value(u"nodes"_s).toObject();
        nodes.insert(u"pinned"_s, nodes.value(u"nixpkgs"_s));
        QJsonObject root = nodes.value(u"root"_s).toObject();
        QJsonObject rootInputs = root.value(u"inputs"_s).toObject();
        rootInputs.insert(u"pinned"_s, u"pinned"_s);
        root.insert(u"inputs"_s, rootInputs);
        nodes.insert(u"root"_s, root);
        lock.insert(u"nodes"_s, nodes);
        writeFile(flake + u"/flake.lock"_s, QJsonDocument(lock).toJson());
        QVERIFY(git(flake, {u"commit"_s, u"-q"_s, u"-am"_s, u"a second input"_s}) != u"<failed>"_s);
        const auto revisionOf = [&flake](const QString &input) {
            return QJsonDocument::fromJson(readFile(flake + u"/flake.lock"_s))
                .object()
                .value(u"nodes"_s)
                .toObject()
                .value(input)
                .toObject()
                .value(u"locked"_s)
                .toObject()
                .value(u"rev"_s)
                .toString();
        };
        QCOMPARE(revisionOf(u"pinned"_s), current);
        const QByteArray lockBefore = readFile(flake + u"/flake.lock"_s);
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        UpdateSourcesRequest missing;
        missing.input = u"home-manager"_s;
        const OperationResult refused = operations.updateSources(missing);
        QCOMPARE(refused.error, std::optional(HelperError::InvalidArguments));
        QVERIFY2(refused.message.contains("home-manager"_L1), qPrintable(refused.message));
        QCOMPARE(readFile(flake + u"/flake.lock"_s), lockBefore);
        QCOMPARE(gitHead(flake), headBefore);

        UpdateSourcesRequest one;
        one.input = u"nixpkgs"_s;
        const OperationResult result = operations.updateSources(one);
        QVERIFY2(!result.error, qPrintable(result.message));
        QCOMPARE(result.data.value(u"changed"_s).toBool(), true);
        QCOMPARE(revisionOf(u"nixpkgs"_s), update);
        QCOMPARE(revisionOf(u"pinned"_s), current);
        const QVariantList inputs = result.data.value(u"inputs"_s).toList();
        QCOMPARE(inputs.size(), 1);
        QCOMPARE(inputs.first().toMap().value(u"name"_s).toString(), u"nixpkgs"_s);

        // The fixture can tell: updating everything moves the second input too.
        const OperationResult all = operations.updateSources({});
        QVERIFY2(!all.error, qPrintable(all.message));
        QCOMPARE(revisionOf(u"pinned"_s), update);
    }

    void brokenRevisionChangesNothing()
    {
        const QString flake = copyTree(m_env.value(u"FLAKE_BROKEN_DIR"_s), u"flake-broken"_s);
        const QByteArray lockBefore = readFile(flake + u"/flake.lock"_s);
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.startsWith("syntax error"_L1), qPrintable(result.message));
        QVERIFY(result.nixError.has_value());
        QVERIFY2(result.nixError->file.endsWith("/flake.nix"_L1), qPrintable(result.nixError->file));
        QCOMPARE(result.nixError->line, 6); // the second closing brace
        QCOMPARE(readFile(flake + u"/flake.lock"_s), lockBefore);
        QCOMPARE(gitHead(flake), headBefore);
        QVERIFY(run(u"git"_s, {u"-C"_s, flake, u"status"_s, u"--porcelain"_s}).isEmpty());
    }

    void inputOfAClassicConfigurationIsRefused()
    {
        HelperConfig config = channelsConfig(u"classic"_s, readFile(m_env.value(u"CHANNEL_LIST"_s)));
        QVERIFY(QDir().mkpath(config.configurationDirectory));
        UpdateSourcesRequest request;
        request.input = u"nixpkgs"_s;
        Operations operations(config, {});
        QCOMPARE(operations.updateSources(request).error, std::optional(HelperError::InvalidArguments));
    }

    // A configuration without a flake in a person's own directory: the helper writes nothing there, but root's
    // channels are root's, so they are updated as for /etc/nixos. A person's flake stays the window's to update.
    void channelsOfAConfigurationAPersonOwns()
    {
        const HelperConfig config = channelsConfig(u"person"_s, readFile(m_env.value(u"CHANNEL_LIST"_s)));
        QVERIFY(QDir().mkpath(config.configurationDirectory));
        writeFile(config.configurationDirectory + u"/configuration.nix"_s, "{ }\n");
        QCOMPARE(::chown(QFile::encodeName(config.configurationDirectory).constData(), 4242, 4242), 0);
        QCOMPARE(::chmod(QFile::encodeName(config.configurationDirectory).constData(), 0755), 0);
        Operations operations(config, {});
        const OperationResult updated = operations.updateSources({});
        QVERIFY2(!updated.error, qPrintable(updated.message));
        QCOMPARE(updated.data.value(u"kind"_s).toString(), u"channels"_s);
        QCOMPARE(updated.data.value(u"changed"_s).toBool(), true);
        QCOMPARE(QFile::symLinkTarget(config.channelsProfile), config.channelsProfile + u"-2-link"_s);

        writeFile(config.configurationDirectory + u"/flake.nix"_s, "{ outputs = { self }: { }; }\n");
        const auto linksAtTwo = profileLinks(config.channelsProfile);
        const OperationResult flake = operations.updateSources({});
        QCOMPARE(flake.error, std::optional(HelperError::Misconfigured));
        QVERIFY2(flake.message.contains("never writes there"_L1), qPrintable(flake.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksAtTwo);
        QVERIFY(!QFile::exists(config.configurationDirectory + u"/flake.lock"_s));
    }

    // Nix changes flake.lock (bytes, owner, mode) and fails: all of it goes back. Fails if putBack is left out.
    void flakeNixFailureAfterWritingTheLockChangesNothing()
    {
        const QString flake = copyTree(m_env.value(u"FLAKE_UPDATE_DIR"_s), u"flake-stub-fails"_s);
        const QString lock = flake + u"/flake.lock"_s;
        const QString stateBefore = fileState(lock);
        const QString headBefore = gitHead(flake);
        HelperConfig config = flakeConfig(flake);
        config.nixBinDirectory = stubBin(u"bin-nix-fails"_s, u"nix"_s, NixWritesLockThenFails);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QCOMPARE(fileState(lock), stateBefore);
        QCOMPARE(gitHead(flake), headBefore);
        QVERIFY(!result.data.contains(u"previousCommit"_s)); // the tree was clean: no save commit
        QCOMPARE(run(u"git"_s, {u"-C"_s, flake, u"status"_s, u"--porcelain"_s}), QString());
    }

    // A dirty tree and a failing update: the save commit stays and the failure names it; a refused input commits nothing.
    void dirtyTreeWithRefusedOrFailedUpdate()
    {
        const QString flake = copyTree(m_env.value(u"FLAKE_UPDATE_DIR"_s), u"flake-dirty"_s);
        const QString headBefore = gitHead(flake);
        writeFile(flake + u"/host.nix"_s, readFile(flake + u"/host.nix"_s) + "\n# edited by hand\n");
        const QString dirty = run(u"git"_s, {u"-C"_s, flake, u"status"_s, u"--porcelain"_s});
        QCOMPARE(dirty, u"M host.nix"_s);

        UpdateSourcesRequest missing;
        missing.input = u"home-manager"_s;
        Operations real(flakeConfig(flake), {});
        const OperationResult refused = real.updateSources(missing);
        QCOMPARE(refused.error, std::optional(HelperError::InvalidArguments));
        QCOMPARE(gitHead(flake), headBefore);
        QCOMPARE(run(u"git"_s, {u"-C"_s, flake, u"status"_s, u"--porcelain"_s}), dirty);

        HelperConfig config = flakeConfig(flake);
        config.nixBinDirectory = stubBin(u"bin-nix-fails-dirty"_s, u"nix"_s, NixWritesLockThenFails);
        const QString lockState = fileState(flake + u"/flake.lock"_s);
        Operations failing(config, {});
        const OperationResult failed = failing.updateSources({});
        QCOMPARE(failed.error, std::optional(HelperError::Failed));
        const QString saved = gitHead(flake);
        QVERIFY(saved != headBefore);
        QCOMPARE(failed.data.value(u"previousCommit"_s).toString(), saved);
        QCOMPARE(run(u"git"_s, {u"-C"_s, flake, u"rev-parse"_s, saved + u"^"_s}), headBefore);
        QCOMPARE(fileState(flake + u"/flake.lock"_s), lockState);
        QCOMPARE(run(u"git"_s, {u"-C"_s, flake, u"status"_s, u"--porcelain"_s}), QString());
    }

    // The commit holds exactly the lock Nix wrote, even when another file changes while Nix runs.
    void commitHoldsOnlyTheLockThatWasRead()
    {
        const QString flake = copyTree(m_env.value(u"FLAKE_UPDATE_DIR"_s), u"flake-meanwhile"_s);
        const QByteArray script = QByteArrayLiteral(
                                      "#!/bin/sh\nflake=\nprev=\nfor a in \"$@\"; do [ \"$prev\" = --flake ] && flake=$a; prev=$a; done\n"
                                      "printf '# changed while Nix ran\\n' >> \"$flake/host.nix\"\nexec ")
            + QByteArray(NIX_BIN_DIR "/nix") + QByteArrayLiteral(" \"$@\"\n");
        HelperConfig config = flakeConfig(flake);
        config.nixBinDirectory = stubBin(u"bin-nix-meanwhile"_s, u"nix"_s, script);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QVERIFY2(!result.error, qPrintable(result.message));
        const QString commit = result.data.value(u"commit"_s).toString();
        QCOMPARE(commit, gitHead(flake));
        QCOMPARE(run(u"git"_s, {u"-C"_s, flake, u"diff-tree"_s, u"--no-commit-id"_s, u"--name-only"_s, u"-r"_s, commit}), u"flake.lock"_s);
        QCOMPARE(run(u"git"_s, {u"-C"_s, flake, u"show"_s, commit + u":flake.lock"_s}).toUtf8(), readFile(flake + u"/flake.lock"_s).trimmed());
        QCOMPARE(run(u"git"_s, {u"-C"_s, flake, u"status"_s, u"--porcelain"_s}), u"M host.nix"_s);
    }

    // A flake.lock that .gitignore keeps out of the history: written, not committed, and the reply says so.
    void gitignoredLockIsWrittenNotCommitted()
    {
        const QString flake = copyTree(m_env.value(u"FLAKE_UPDATE_DIR"_s), u"flake-ignored"_s);
        writeFile(flake + u"/.gitignore"_s, "flake.lock\n");
        QVERIFY(run(u"git"_s, {u"-C"_s, flake, u"rm"_s, u"-q"_s, u"--cached"_s, u"flake.lock"_s}) != u"<failed>"_s);
        QVERIFY(git(flake, {u"add"_s, u".gitignore"_s}) != u"<failed>"_s);
        QVERIFY(git(flake, {u"commit"_s, u"-q"_s, u"-m"_s, u"ignore the lock"_s}) != u"<failed>"_s);
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        const OperationResult result = operations.updateSources({});
        QVERIFY2(!result.error, qPrintable(result.message));
        QCOMPARE(result.data.value(u"changed"_s).toBool(), true);
        QCOMPARE(result.data.value(u"commit"_s).toString(), QString());
        QVERIFY2(result.data.value(u"note"_s).toString().contains("ignored"_L1), qPrintable(result.data.value(u"note"_s).toString()));
        QCOMPARE(gitHead(flake), headBefore);
        QVERIFY(readFile(flake + u"/flake.lock"_s).contains(m_env.value(u"NIXPKGS_REV_UPDATE"_s).toUtf8()));

        // Discarding it through the history is refused rather than deleting the lock the history never had.
        const QString lockState = fileState(flake + u"/flake.lock"_s);
        RestoreConfigRequest restore;
        restore.commit = result.data.value(u"previousCommit"_s).toString();
        restore.files = {RelativeName{u"flake.lock"_s, {u"flake.lock"_s}}};
        const OperationResult restored = operations.restoreConfig(restore);
        QCOMPARE(restored.error, std::optional(HelperError::Failed));
        QVERIFY2(restored.message.contains("not tracked"_L1), qPrintable(restored.message));
        QCOMPARE(fileState(flake + u"/flake.lock"_s), lockState);
        QCOMPARE(gitHead(flake), headBefore);
    }

    void symlinkedFlakeNixIsRefused()
    {
        const QString flake = copyTree(m_env.value(u"FLAKE_UPDATE_DIR"_s), u"flake-linked"_s);
        QVERIFY(QFile::rename(flake + u"/flake.nix"_s, m_dir.filePath(u"elsewhere.nix"_s)));
        QVERIFY(QFile::link(m_dir.filePath(u"elsewhere.nix"_s), flake + u"/flake.nix"_s));
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains("symbolic link"_L1), qPrintable(result.message));
        QCOMPARE(gitHead(flake), headBefore);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"no-channels/channels"_s)));
    }

    // nix-env makes a generation and fails: only that link goes and the profile points back;
    // another profile's channels-foo-3-link stays. Fails if restoreProfileLinks is left out.
    void channelsInstallFailureChangesNothing()
    {
        const HelperConfig base = channelsConfig(u"install-fails"_s, readFile(m_env.value(u"CHANNEL_LIST"_s)));
        const QString other = base.channelsProfile + u"-foo-3-link"_s;
        QVERIFY(QFile::link(QFile::symLinkTarget(base.channelsProfile + u"-1-link"_s), other));
        const auto linksBefore = profileLinks(base.channelsProfile);
        QCOMPARE(linksBefore.size(), 3);
        HelperConfig config = base;
        config.nixBinDirectory = stubBin(u"bin-nix-env-fails"_s, u"nix-env"_s, NixEnvMakesGenerationThenFails);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
        QVERIFY(!QFileInfo(config.channelsProfile + u"-2-link"_s).isSymLink());
    }

    // Root's channel list must be a root-owned regular file that only root can write.
    void channelListMustBeRootsAlone_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("symbolic link") << u"link"_s;
        QTest::newRow("not root's") << u"chown"_s;
        QTest::newRow("group-writable") << u"chmod"_s;
    }
    void channelListMustBeRootsAlone()
    {
        QFETCH(QString, change);
        const HelperConfig config = channelsConfig(u"list-"_s + change, readFile(m_env.value(u"CHANNEL_LIST"_s)));
        const QByteArray path = QFile::encodeName(config.channelList);
        if (change == "link"_L1) {
            const QString real = config.channelList + u".real"_s;
            QVERIFY(QFile::rename(config.channelList, real));
            QVERIFY(QFile::link(real, config.channelList));
        } else if (change == "chown"_L1) {
            QCOMPARE(::chown(path.constData(), 65534, 65534), 0);
        } else {
            QCOMPARE(::chmod(path.constData(), 0664), 0);
        }
        const auto linksBefore = profileLinks(config.channelsProfile);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains(config.channelList), qPrintable(result.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
    }

    // rollbackchannels refuses a `to` that does not exist, and changes nothing.
    void rollBackToAMissingGeneration()
    {
        const HelperConfig config = channelsConfig(u"rollback-missing"_s, readFile(m_env.value(u"CHANNEL_LIST"_s)));
        // The profile at generation 3, with no generation 2.
        QVERIFY(QFile::rename(config.channelsProfile + u"-1-link"_s, config.channelsProfile + u"-3-link"_s));
        QVERIFY(QFile::remove(config.channelsProfile));
        QVERIFY(QFile::link(u"channels-3-link"_s, config.channelsProfile));
        const auto linksBefore = profileLinks(config.channelsProfile);
        Operations operations(config, {});
        const OperationResult result = operations.rollBackChannels({QString(), 3, 2});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains("generation 2"_L1) && result.message.contains("does not exist"_L1), qPrintable(result.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
    }

private:
    /** A NixBinDirectory where `stubbed` runs `script` and every other Nix program is the real one. */
    QString stubBin(const QString &name, const QString &stubbed, const QByteArray &script)
    {
        const QString bin = m_dir.filePath(name);
        [&] {
            QVERIFY(QDir().mkpath(bin));
            for (const char *program : {"nix", "nix-env", "nix-prefetch-url", "nix-instantiate", "nix-store", "nix-build"}) {
                const QString target = bin + QLatin1Char('/') + QLatin1String(program);
                if (stubbed == QLatin1String(program)) {
                    writeFile(target, script);
                    QVERIFY(QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
                } else {
                    QVERIFY(QFile::link(QStringLiteral(NIX_BIN_DIR "/") + QLatin1String(program), target));
                }
            }
        }();
        return bin;
    }

    /** A copy of the stand-in's channels profile and a channel list with `list`, in a directory of their own. */
    HelperConfig channelsConfig(const QString &name, const QByteArray &list)
    {
        const QString root = m_dir.filePath(name);
        const QString profiles = root + u"/profiles/per-user/root"_s;
        [&] {
            QVERIFY(QDir().mkpath(profiles));
            QVERIFY(QDir().mkpath(root + u"/root"_s));
            const QString source = m_env.value(u"CHANNELS_PROFILE"_s);
            QCOMPARE(run(u"cp"_s, {u"-a"_s, source, source + u"-1-link"_s, profiles}), QString());
            QFile file(root + u"/root/.nix-channels"_s);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(list);
            file.close();
            QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        }();
        HelperConfig config = baseConfig();
        config.configurationDirectory = root + u"/nixos"_s;
        config.channelsProfile = profiles + u"/channels"_s;
        config.channelList = root + u"/root/.nix-channels"_s;
        return config;
    }

    HelperConfig flakeConfig(const QString &directory) const
    {
        HelperConfig config = baseConfig();
        config.configurationDirectory = directory;
        config.channelsProfile = m_dir.filePath(u"no-channels/channels"_s);
        config.channelList = m_dir.filePath(u"no-channels/.nix-channels"_s);
        return config;
    }

    HelperConfig baseConfig() const
    {
        HelperConfig config;
        config.systemProfile = m_dir.filePath(u"profiles/system"_s);
        config.nixBinDirectory = QStringLiteral(NIX_BIN_DIR);
        config.extraEnvironment = {u"NIX_CONFIG=substituters ="_s};
        return config;
    }

    /** A copy of a fixture directory (a git repository), root-only-writable as the helper demands. */
    QString copyTree(const QString &source, const QString &name)
    {
        const QString target = m_dir.filePath(name);
        if (run(u"cp"_s, {u"-a"_s, source, target}) != QString()) {
            return QString();
        }
        return target;
    }

    QString gitHead(const QString &directory) const
    {
        return run(u"git"_s, {u"-C"_s, directory, u"rev-parse"_s, u"HEAD"_s});
    }

    QTemporaryDir m_dir;
    QHash<QString, QString> m_env;
};

QTEST_GUILESS_MAIN(UpdateSourcesTest)
#include "tst_updatesources.moc"
