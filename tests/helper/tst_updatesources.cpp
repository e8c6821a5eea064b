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

using namespace snowpane::helper;
using snowpane::protocol::HelperError;

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
    env.insert(QStringLiteral("NIX_CONFIG"), QStringLiteral("substituters ="));
    process.setProcessEnvironment(env);
    if (!directory.isEmpty()) {
        process.setWorkingDirectory(directory);
    }
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << program << arguments.join(QLatin1Char(' ')) << "failed:" << process.readAllStandardError();
        return QStringLiteral("<failed>");
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

/** git in `directory` with a fixed identity, as run(): the output, or "<failed>". */
QString git(const QString &directory, const QStringList &arguments)
{
    return run(QStringLiteral("git"),
               QStringList{QStringLiteral("-C"),
                           directory,
                           QStringLiteral("-c"),
                           QStringLiteral("user.name=t"),
                           QStringLiteral("-c"),
                           QStringLiteral("user.email=t@localhost")}
                   + arguments);
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
        return QStringLiteral("missing");
    }
    return QStringLiteral("%1:%2 %3 %4").arg(st.st_uid).arg(st.st_gid).arg(st.st_mode, 0, 8).arg(QString::fromLatin1(readFile(path).toBase64()));
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
    return run(QStringLiteral("git"), {QStringLiteral("-C"), directory, QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B"), commit});
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
        QVERIFY2(run(QStringLiteral("bash"), {QStringLiteral(SOURCE_DIR "/tests/fixtures/make-demo-system"), QStringLiteral("--if-stale"), demo})
                     != QStringLiteral("<failed>"),
                 "make-demo-system failed");
        const QList<QByteArray> lines = readFile(demo + QStringLiteral("/snowpane-demo.env")).split('\n');
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
        const HelperConfig config = channelsConfig(QStringLiteral("update"), readFile(m_env.value(QStringLiteral("CHANNEL_LIST"))));
        const auto linksBefore = profileLinks(config.channelsProfile);
        const QString treeBefore = QFileInfo(config.channelsProfile + QStringLiteral("/nixos")).canonicalFilePath();
        QCOMPARE(linksBefore.size(), 2); // channels -> channels-1-link

        QList<QVariantMap> progress;
        OperationContext context;
        context.sendProgress = [&progress](const QVariantMap &map) {
            progress.append(map);
        };
        Operations operations(config, context);
        const OperationResult updated = operations.updateSources({});
        QVERIFY2(!updated.error, qPrintable(updated.message));
        QCOMPARE(updated.data.value(QStringLiteral("kind")).toString(), QStringLiteral("channels"));
        QCOMPARE(updated.data.value(QStringLiteral("changed")).toBool(), true);
        const QVariantList channels = updated.data.value(QStringLiteral("channels")).toList();
        QCOMPARE(channels.size(), 1);
        const QVariantMap nixos = channels.first().toMap();
        QCOMPARE(nixos.value(QStringLiteral("name")).toString(), QStringLiteral("nixos"));
        QCOMPARE(nixos.value(QStringLiteral("oldGeneration")).toInt(), 1);
        QCOMPARE(nixos.value(QStringLiteral("newGeneration")).toInt(), 2);
        QCOMPARE(nixos.value(QStringLiteral("oldRevision")).toString(), QStringLiteral("bc3c6a1ad1d9f0a3e5b7c9d1e3f5a7b9c1d3e5f7"));
        QCOMPARE(nixos.value(QStringLiteral("newRevision")).toString(), QStringLiteral("5d6e7f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"));
        QCOMPARE(readFile(config.channelsProfile + QStringLiteral("/nixos/.version-suffix")), QByteArray(".20241201.5d6e7f8"));
        QCOMPARE(readFile(config.channelsProfile + QStringLiteral("/nixos/.snapshot")), QByteArray("24.11-december\n"));
        QVERIFY(!progress.isEmpty());

        // Nothing newer: no new generation.
        const OperationResult again = operations.updateSources({});
        QVERIFY2(!again.error, qPrintable(again.message));
        QCOMPARE(again.data.value(QStringLiteral("changed")).toBool(), false);
        QCOMPARE(QFile::symLinkTarget(config.channelsProfile), config.channelsProfile + QStringLiteral("-2-link"));

        // rollbackchannels refuses while the profile is not at `from`, and changes nothing.
        const auto linksAtTwo = profileLinks(config.channelsProfile);
        const OperationResult wrongFrom = operations.rollBackChannels({QString(), 3, 1});
        QCOMPARE(wrongFrom.error, std::optional(HelperError::Failed));
        QVERIFY2(wrongFrom.message.contains(QLatin1String("generation 2, not 3")), qPrintable(wrongFrom.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksAtTwo);

        const OperationResult rolledBack = operations.rollBackChannels({QString(), 2, 1});
        QVERIFY2(!rolledBack.error, qPrintable(rolledBack.message));
        QCOMPARE(rolledBack.data.value(QStringLiteral("kind")).toString(), QStringLiteral("channels"));
        const QVariantMap back = rolledBack.data.value(QStringLiteral("channels")).toList().first().toMap();
        QCOMPARE(back.value(QStringLiteral("oldGeneration")).toInt(), 2);
        QCOMPARE(back.value(QStringLiteral("newGeneration")).toInt(), 1);
        // The profile's directory is as before the update: the same links with the same texts, generation 2 gone.
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
        QCOMPARE(QFileInfo(config.channelsProfile + QStringLiteral("/nixos")).canonicalFilePath(), treeBefore);
        QCOMPARE(readFile(config.channelList), readFile(m_env.value(QStringLiteral("CHANNEL_LIST"))));

        // Once more: the profile is no longer at generation 2, a clear refusal, nothing changed.
        const OperationResult again2 = operations.rollBackChannels({QString(), 2, 1});
        QCOMPARE(again2.error, std::optional(HelperError::Failed));
        QVERIFY2(again2.message.contains(QLatin1String("generation 1, not 2")), qPrintable(again2.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
    }

    void channelsNetworkFailureChangesNothing()
    {
        const HelperConfig config = channelsConfig(QStringLiteral("offline"), "file:///nonexistent/channels/nixos-24.11 nixos\n");
        const auto linksBefore = profileLinks(config.channelsProfile);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains(QLatin1String("nixos")) && result.message.contains(QLatin1String("nonexistent")), qPrintable(result.message));
        QVERIFY2(!result.message.contains(QLatin1Char('\n')), qPrintable(result.message));
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
    }

    void channelsWithoutNixosChannel()
    {
        const HelperConfig config = channelsConfig(QStringLiteral("other"), "file:///srv/home-manager home-manager\n");
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains(QLatin1String("'nixos'")), qPrintable(result.message));
    }

    void flakeUpdateCommitsTheLock()
    {
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_UPDATE_DIR")), QStringLiteral("flake"));
        const QByteArray lockBefore = readFile(flake + QStringLiteral("/flake.lock"));
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        const OperationResult result = operations.updateSources({});
        QVERIFY2(!result.error, qPrintable(result.message));
        QCOMPARE(result.data.value(QStringLiteral("kind")).toString(), QStringLiteral("flake"));
        QCOMPARE(result.data.value(QStringLiteral("changed")).toBool(), true);
        QCOMPARE(result.data.value(QStringLiteral("previousCommit")).toString(), headBefore);
        const QString commit = result.data.value(QStringLiteral("commit")).toString();
        QCOMPARE(commit, gitHead(flake));
        QVERIFY(commit != headBefore);
        const QString current = m_env.value(QStringLiteral("NIXPKGS_REV_CURRENT"));
        const QString update = m_env.value(QStringLiteral("NIXPKGS_REV_UPDATE"));
        QCOMPARE(gitMessage(flake, commit),
                 QStringLiteral("Update flake inputs\n\nnixpkgs: %1 (2024-11-20) \u2192 %2 (2024-12-01)").arg(current.left(7), update.left(7)));
        const QVariantList inputs = result.data.value(QStringLiteral("inputs")).toList();
        QCOMPARE(inputs.size(), 1);
        const QVariantMap nixpkgs = inputs.first().toMap();
        QCOMPARE(nixpkgs.value(QStringLiteral("name")).toString(), QStringLiteral("nixpkgs"));
        QCOMPARE(nixpkgs.value(QStringLiteral("oldRevision")).toString(), current);
        QCOMPARE(nixpkgs.value(QStringLiteral("newRevision")).toString(), update);
        QCOMPARE(nixpkgs.value(QStringLiteral("oldDate")).toString(), QStringLiteral("2024-11-20T12:00:00Z"));
        QCOMPARE(nixpkgs.value(QStringLiteral("newDate")).toString(), QStringLiteral("2024-12-01T12:00:00Z"));
        QVERIFY(readFile(flake + QStringLiteral("/flake.lock")).contains(update.toUtf8()));
        QVERIFY(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("status"), QStringLiteral("--porcelain")}).isEmpty());

        // Nothing newer: no commit, and the reply says so.
        const OperationResult again = operations.updateSources({});
        QVERIFY2(!again.error, qPrintable(again.message));
        QCOMPARE(again.data.value(QStringLiteral("changed")).toBool(), false);
        QVERIFY(again.data.value(QStringLiteral("commit")).toString().isEmpty());
        QCOMPARE(gitHead(flake), commit);

        // Discarding is restoreconfig of flake.lock from the commit before the update; an uncommitted edit
        // of flake.lock made after the check is saved first, and other files stay as they are.
        const QByteArray hostNix = readFile(flake + QStringLiteral("/host.nix")) + "\n# after the check\n";
        writeFile(flake + QStringLiteral("/host.nix"), hostNix);
        writeFile(flake + QStringLiteral("/flake.lock"), readFile(flake + QStringLiteral("/flake.lock")) + "\n");
        RestoreConfigRequest restore;
        restore.commit = result.data.value(QStringLiteral("previousCommit")).toString();
        restore.files = {RelativeName{QStringLiteral("flake.lock"), {QStringLiteral("flake.lock")}}};
        const OperationResult restored = operations.restoreConfig(restore);
        QVERIFY2(!restored.error, qPrintable(restored.message));
        QCOMPARE(readFile(flake + QStringLiteral("/flake.lock")), lockBefore);
        QCOMPARE(readFile(flake + QStringLiteral("/host.nix")), hostNix);
        const QString restoreCommit = restored.data.value(QStringLiteral("commit")).toString();
        QCOMPARE(restoreCommit, gitHead(flake));
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("status"), QStringLiteral("--porcelain")}),
                 QStringLiteral("M host.nix"));
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("log"), QStringLiteral("--format=%s"), QStringLiteral("-3")}),
                 QStringLiteral("Snowpane: restore flake.lock of %1\nSnowpane: save flake.lock as it was before a restore\nUpdate flake inputs")
                     .arg(restore.commit.left(12)));
        // Once more: nothing differs, no commit.
        const OperationResult again2 = operations.restoreConfig(restore);
        QVERIFY2(!again2.error, qPrintable(again2.message));
        QCOMPARE(again2.data.value(QStringLiteral("changed")).toBool(), false);
        QCOMPARE(gitHead(flake), restoreCommit);
    }

    void flakeOneInput()
    {
        // Two inputs on the same repository, both locked at the current revision: only the one named may move.
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_UPDATE_DIR")), QStringLiteral("flake-one"));
        const QString current = m_env.value(QStringLiteral("NIXPKGS_REV_CURRENT"));
        const QString update = m_env.value(QStringLiteral("NIXPKGS_REV_UPDATE"));
        QByteArray flakeNix = readFile(flake + QStringLiteral("/flake.nix"));
        const qsizetype urlLine = flakeNix.indexOf("inputs.nixpkgs.url");
        QVERIFY(urlLine > 0);
        const QByteArray line = flakeNix.mid(urlLine, flakeNix.indexOf('\n', urlLine) - urlLine + 1);
        flakeNix.insert(urlLine, QByteArray(line).replace("inputs.nixpkgs.url", "inputs.pinned.url"));
        flakeNix.replace("{ self, nixpkgs }:", "{ self, nixpkgs, ... }:");
        writeFile(flake + QStringLiteral("/flake.nix"), flakeNix);
        QJsonObject lock = QJsonDocument::fromJson(readFile(flake + QStringLiteral("/flake.lock"))).object();
        QJsonObject nodes = lock.value(QStringLiteral("nodes")).toObject();
        nodes.insert(QStringLiteral("pinned"), nodes.value(QStringLiteral("nixpkgs")));
        QJsonObject root = nodes.value(QStringLiteral("root")).toObject();
        QJsonObject rootInputs = root.value(QStringLiteral("inputs")).toObject();
        rootInputs.insert(QStringLiteral("pinned"), QStringLiteral("pinned"));
        root.insert(QStringLiteral("inputs"), rootInputs);
        nodes.insert(QStringLiteral("root"), root);
        lock.insert(QStringLiteral("nodes"), nodes);
        writeFile(flake + QStringLiteral("/flake.lock"), QJsonDocument(lock).toJson());
        QVERIFY(git(flake, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"), QStringLiteral("a second input")})
                != QStringLiteral("<failed>"));
        const auto revisionOf = [&flake](const QString &input) {
            return QJsonDocument::fromJson(readFile(flake + QStringLiteral("/flake.lock")))
                .object()
                .value(QStringLiteral("nodes"))
                .toObject()
                .value(input)
                .toObject()
                .value(QStringLiteral("locked"))
                .toObject()
                .value(QStringLiteral("rev"))
                .toString();
        };
        QCOMPARE(revisionOf(QStringLiteral("pinned")), current);
        const QByteArray lockBefore = readFile(flake + QStringLiteral("/flake.lock"));
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        UpdateSourcesRequest missing;
        missing.input = QStringLiteral("home-manager");
        const OperationResult refused = operations.updateSources(missing);
        QCOMPARE(refused.error, std::optional(HelperError::InvalidArguments));
        QVERIFY2(refused.message.contains(QLatin1String("home-manager")), qPrintable(refused.message));
        QCOMPARE(readFile(flake + QStringLiteral("/flake.lock")), lockBefore);
        QCOMPARE(gitHead(flake), headBefore);

        UpdateSourcesRequest one;
        one.input = QStringLiteral("nixpkgs");
        const OperationResult result = operations.updateSources(one);
        QVERIFY2(!result.error, qPrintable(result.message));
        QCOMPARE(result.data.value(QStringLiteral("changed")).toBool(), true);
        QCOMPARE(revisionOf(QStringLiteral("nixpkgs")), update);
        QCOMPARE(revisionOf(QStringLiteral("pinned")), current);
        const QVariantList inputs = result.data.value(QStringLiteral("inputs")).toList();
        QCOMPARE(inputs.size(), 1);
        QCOMPARE(inputs.first().toMap().value(QStringLiteral("name")).toString(), QStringLiteral("nixpkgs"));

        // The fixture can tell: updating everything moves the second input too.
        const OperationResult all = operations.updateSources({});
        QVERIFY2(!all.error, qPrintable(all.message));
        QCOMPARE(revisionOf(QStringLiteral("pinned")), update);
    }

    void brokenRevisionChangesNothing()
    {
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_BROKEN_DIR")), QStringLiteral("flake-broken"));
        const QByteArray lockBefore = readFile(flake + QStringLiteral("/flake.lock"));
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.startsWith(QLatin1String("syntax error")), qPrintable(result.message));
        QVERIFY(result.nixError.has_value());
        QVERIFY2(result.nixError->file.endsWith(QLatin1String("/flake.nix")), qPrintable(result.nixError->file));
        QCOMPARE(result.nixError->line, 6); // the second closing brace
        QCOMPARE(readFile(flake + QStringLiteral("/flake.lock")), lockBefore);
        QCOMPARE(gitHead(flake), headBefore);
        QVERIFY(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("status"), QStringLiteral("--porcelain")}).isEmpty());
    }

    void inputOfAClassicConfigurationIsRefused()
    {
        HelperConfig config = channelsConfig(QStringLiteral("classic"), readFile(m_env.value(QStringLiteral("CHANNEL_LIST"))));
        QVERIFY(QDir().mkpath(config.configurationDirectory));
        UpdateSourcesRequest request;
        request.input = QStringLiteral("nixpkgs");
        Operations operations(config, {});
        QCOMPARE(operations.updateSources(request).error, std::optional(HelperError::InvalidArguments));
    }

    // Nix changes flake.lock (bytes, owner, mode) and fails: all of it goes back. Fails if putBack is left out.
    void flakeNixFailureAfterWritingTheLockChangesNothing()
    {
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_UPDATE_DIR")), QStringLiteral("flake-stub-fails"));
        const QString lock = flake + QStringLiteral("/flake.lock");
        const QString stateBefore = fileState(lock);
        const QString headBefore = gitHead(flake);
        HelperConfig config = flakeConfig(flake);
        config.nixBinDirectory = stubBin(QStringLiteral("bin-nix-fails"), QStringLiteral("nix"), NixWritesLockThenFails);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QCOMPARE(fileState(lock), stateBefore);
        QCOMPARE(gitHead(flake), headBefore);
        QVERIFY(!result.data.contains(QStringLiteral("previousCommit"))); // the tree was clean: no save commit
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    }

    // A dirty tree and a failing update: the save commit stays and the failure names it; a refused input commits nothing.
    void dirtyTreeWithRefusedOrFailedUpdate()
    {
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_UPDATE_DIR")), QStringLiteral("flake-dirty"));
        const QString headBefore = gitHead(flake);
        writeFile(flake + QStringLiteral("/host.nix"), readFile(flake + QStringLiteral("/host.nix")) + "\n# edited by hand\n");
        const QString dirty = run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("status"), QStringLiteral("--porcelain")});
        QCOMPARE(dirty, QStringLiteral("M host.nix"));

        UpdateSourcesRequest missing;
        missing.input = QStringLiteral("home-manager");
        Operations real(flakeConfig(flake), {});
        const OperationResult refused = real.updateSources(missing);
        QCOMPARE(refused.error, std::optional(HelperError::InvalidArguments));
        QCOMPARE(gitHead(flake), headBefore);
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("status"), QStringLiteral("--porcelain")}), dirty);

        HelperConfig config = flakeConfig(flake);
        config.nixBinDirectory = stubBin(QStringLiteral("bin-nix-fails-dirty"), QStringLiteral("nix"), NixWritesLockThenFails);
        const QString lockState = fileState(flake + QStringLiteral("/flake.lock"));
        Operations failing(config, {});
        const OperationResult failed = failing.updateSources({});
        QCOMPARE(failed.error, std::optional(HelperError::Failed));
        const QString saved = gitHead(flake);
        QVERIFY(saved != headBefore);
        QCOMPARE(failed.data.value(QStringLiteral("previousCommit")).toString(), saved);
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("rev-parse"), saved + QStringLiteral("^")}), headBefore);
        QCOMPARE(fileState(flake + QStringLiteral("/flake.lock")), lockState);
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    }

    // The commit holds exactly the lock Nix wrote, even when another file changes while Nix runs.
    void commitHoldsOnlyTheLockThatWasRead()
    {
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_UPDATE_DIR")), QStringLiteral("flake-meanwhile"));
        const QByteArray script = QByteArrayLiteral(
                                      "#!/bin/sh\nflake=\nprev=\nfor a in \"$@\"; do [ \"$prev\" = --flake ] && flake=$a; prev=$a; done\n"
                                      "printf '# changed while Nix ran\\n' >> \"$flake/host.nix\"\nexec ")
            + QByteArray(NIX_BIN_DIR "/nix") + QByteArrayLiteral(" \"$@\"\n");
        HelperConfig config = flakeConfig(flake);
        config.nixBinDirectory = stubBin(QStringLiteral("bin-nix-meanwhile"), QStringLiteral("nix"), script);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QVERIFY2(!result.error, qPrintable(result.message));
        const QString commit = result.data.value(QStringLiteral("commit")).toString();
        QCOMPARE(commit, gitHead(flake));
        QCOMPARE(run(QStringLiteral("git"),
                     {QStringLiteral("-C"),
                      flake,
                      QStringLiteral("diff-tree"),
                      QStringLiteral("--no-commit-id"),
                      QStringLiteral("--name-only"),
                      QStringLiteral("-r"),
                      commit}),
                 QStringLiteral("flake.lock"));
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("show"), commit + QStringLiteral(":flake.lock")}).toUtf8(),
                 readFile(flake + QStringLiteral("/flake.lock")).trimmed());
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), flake, QStringLiteral("status"), QStringLiteral("--porcelain")}),
                 QStringLiteral("M host.nix"));
    }

    // A flake.lock that .gitignore keeps out of the history: written, not committed, and the reply says so.
    void gitignoredLockIsWrittenNotCommitted()
    {
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_UPDATE_DIR")), QStringLiteral("flake-ignored"));
        writeFile(flake + QStringLiteral("/.gitignore"), "flake.lock\n");
        QVERIFY(run(QStringLiteral("git"),
                    {QStringLiteral("-C"), flake, QStringLiteral("rm"), QStringLiteral("-q"), QStringLiteral("--cached"), QStringLiteral("flake.lock")})
                != QStringLiteral("<failed>"));
        QVERIFY(git(flake, {QStringLiteral("add"), QStringLiteral(".gitignore")}) != QStringLiteral("<failed>"));
        QVERIFY(git(flake, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("ignore the lock")})
                != QStringLiteral("<failed>"));
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        const OperationResult result = operations.updateSources({});
        QVERIFY2(!result.error, qPrintable(result.message));
        QCOMPARE(result.data.value(QStringLiteral("changed")).toBool(), true);
        QCOMPARE(result.data.value(QStringLiteral("commit")).toString(), QString());
        QVERIFY2(result.data.value(QStringLiteral("note")).toString().contains(QLatin1String("ignored")),
                 qPrintable(result.data.value(QStringLiteral("note")).toString()));
        QCOMPARE(gitHead(flake), headBefore);
        QVERIFY(readFile(flake + QStringLiteral("/flake.lock")).contains(m_env.value(QStringLiteral("NIXPKGS_REV_UPDATE")).toUtf8()));

        // Discarding it through the history is refused rather than deleting the lock the history never had.
        const QString lockState = fileState(flake + QStringLiteral("/flake.lock"));
        RestoreConfigRequest restore;
        restore.commit = result.data.value(QStringLiteral("previousCommit")).toString();
        restore.files = {RelativeName{QStringLiteral("flake.lock"), {QStringLiteral("flake.lock")}}};
        const OperationResult restored = operations.restoreConfig(restore);
        QCOMPARE(restored.error, std::optional(HelperError::Failed));
        QVERIFY2(restored.message.contains(QLatin1String("not tracked")), qPrintable(restored.message));
        QCOMPARE(fileState(flake + QStringLiteral("/flake.lock")), lockState);
        QCOMPARE(gitHead(flake), headBefore);
    }

    void symlinkedFlakeNixIsRefused()
    {
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_UPDATE_DIR")), QStringLiteral("flake-linked"));
        QVERIFY(QFile::rename(flake + QStringLiteral("/flake.nix"), m_dir.filePath(QStringLiteral("elsewhere.nix"))));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("elsewhere.nix")), flake + QStringLiteral("/flake.nix")));
        const QString headBefore = gitHead(flake);
        Operations operations(flakeConfig(flake), {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains(QLatin1String("symbolic link")), qPrintable(result.message));
        QCOMPARE(gitHead(flake), headBefore);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no-channels/channels"))));
    }

    // nix-env makes a generation and fails: only that link goes and the profile points back;
    // another profile's channels-foo-3-link stays. Fails if restoreProfileLinks is left out.
    void channelsInstallFailureChangesNothing()
    {
        const HelperConfig base = channelsConfig(QStringLiteral("install-fails"), readFile(m_env.value(QStringLiteral("CHANNEL_LIST"))));
        const QString other = base.channelsProfile + QStringLiteral("-foo-3-link");
        QVERIFY(QFile::link(QFile::symLinkTarget(base.channelsProfile + QStringLiteral("-1-link")), other));
        const auto linksBefore = profileLinks(base.channelsProfile);
        QCOMPARE(linksBefore.size(), 3);
        HelperConfig config = base;
        config.nixBinDirectory = stubBin(QStringLiteral("bin-nix-env-fails"), QStringLiteral("nix-env"), NixEnvMakesGenerationThenFails);
        Operations operations(config, {});
        const OperationResult result = operations.updateSources({});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QCOMPARE(profileLinks(config.channelsProfile), linksBefore);
        QVERIFY(!QFileInfo(config.channelsProfile + QStringLiteral("-2-link")).isSymLink());
    }

    // Root's channel list must be a root-owned regular file that only root can write.
    void channelListMustBeRootsAlone_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("symbolic link") << QStringLiteral("link");
        QTest::newRow("not root's") << QStringLiteral("chown");
        QTest::newRow("group-writable") << QStringLiteral("chmod");
    }
    void channelListMustBeRootsAlone()
    {
        QFETCH(QString, change);
        const HelperConfig config = channelsConfig(QStringLiteral("list-") + change, readFile(m_env.value(QStringLiteral("CHANNEL_LIST"))));
        const QByteArray path = QFile::encodeName(config.channelList);
        if (change == QLatin1String("link")) {
            const QString real = config.channelList + QStringLiteral(".real");
            QVERIFY(QFile::rename(config.channelList, real));
            QVERIFY(QFile::link(real, config.channelList));
        } else if (change == QLatin1String("chown")) {
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
        const HelperConfig config = channelsConfig(QStringLiteral("rollback-missing"), readFile(m_env.value(QStringLiteral("CHANNEL_LIST"))));
        // The profile at generation 3, with no generation 2.
        QVERIFY(QFile::rename(config.channelsProfile + QStringLiteral("-1-link"), config.channelsProfile + QStringLiteral("-3-link")));
        QVERIFY(QFile::remove(config.channelsProfile));
        QVERIFY(QFile::link(QStringLiteral("channels-3-link"), config.channelsProfile));
        const auto linksBefore = profileLinks(config.channelsProfile);
        Operations operations(config, {});
        const OperationResult result = operations.rollBackChannels({QString(), 3, 2});
        QCOMPARE(result.error, std::optional(HelperError::Failed));
        QVERIFY2(result.message.contains(QLatin1String("generation 2")) && result.message.contains(QLatin1String("does not exist")),
                 qPrintable(result.message));
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
        const QString profiles = root + QStringLiteral("/profiles/per-user/root");
        [&] {
            QVERIFY(QDir().mkpath(profiles));
            QVERIFY(QDir().mkpath(root + QStringLiteral("/root")));
            const QString source = m_env.value(QStringLiteral("CHANNELS_PROFILE"));
            QCOMPARE(run(QStringLiteral("cp"), {QStringLiteral("-a"), source, source + QStringLiteral("-1-link"), profiles}), QString());
            QFile file(root + QStringLiteral("/root/.nix-channels"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(list);
            file.close();
            QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        }();
        HelperConfig config = baseConfig();
        config.configurationDirectory = root + QStringLiteral("/nixos");
        config.channelsProfile = profiles + QStringLiteral("/channels");
        config.channelList = root + QStringLiteral("/root/.nix-channels");
        return config;
    }

    HelperConfig flakeConfig(const QString &directory) const
    {
        HelperConfig config = baseConfig();
        config.configurationDirectory = directory;
        config.channelsProfile = m_dir.filePath(QStringLiteral("no-channels/channels"));
        config.channelList = m_dir.filePath(QStringLiteral("no-channels/.nix-channels"));
        return config;
    }

    HelperConfig baseConfig() const
    {
        HelperConfig config;
        config.systemProfile = m_dir.filePath(QStringLiteral("profiles/system"));
        config.nixBinDirectory = QStringLiteral(NIX_BIN_DIR);
        config.extraEnvironment = {QStringLiteral("NIX_CONFIG=substituters =")};
        return config;
    }

    /** A copy of a fixture directory (a git repository), root-only-writable as the helper demands. */
    QString copyTree(const QString &source, const QString &name)
    {
        const QString target = m_dir.filePath(name);
        if (run(QStringLiteral("cp"), {QStringLiteral("-a"), source, target}) != QString()) {
            return QString();
        }
        return target;
    }

    QString gitHead(const QString &directory) const
    {
        return run(QStringLiteral("git"), {QStringLiteral("-C"), directory, QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    }

    QTemporaryDir m_dir;
    QHash<QString, QString> m_env;
};

QTEST_GUILESS_MAIN(UpdateSourcesTest)
#include "tst_updatesources.moc"
