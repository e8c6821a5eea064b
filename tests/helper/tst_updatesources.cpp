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
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

        // Discarding is restoreconfig of the commit before the update.
        RestoreConfigRequest restore;
        restore.commit = result.data.value(QStringLiteral("previousCommit")).toString();
        const OperationResult restored = operations.restoreConfig(restore);
        QVERIFY2(!restored.error, qPrintable(restored.message));
        QCOMPARE(readFile(flake + QStringLiteral("/flake.lock")), lockBefore);
    }

    void flakeOneInput()
    {
        const QString flake = copyTree(m_env.value(QStringLiteral("FLAKE_UPDATE_DIR")), QStringLiteral("flake-one"));
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
        QVERIFY(readFile(flake + QStringLiteral("/flake.lock")).contains(m_env.value(QStringLiteral("NIXPKGS_REV_UPDATE")).toUtf8()));
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

private:
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
