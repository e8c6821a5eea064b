// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// make-demo-system builds a NixOS root from the stand-in with real Nix: a
// git-tracked configuration and a profile of generations. This test builds
// one in a temporary directory and reads it back with plain file APIs, the
// way Snowpane and nixos-rebuild read a real machine.

#include "standinprocess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace
{

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

// "nodejs-22.10.0" -> ("nodejs", "22.10.0"): the first dash followed by a digit
// starts the version, as nix-env and nvd split store names.
std::pair<QString, QString> splitName(const QString &storeName)
{
    static const QRegularExpression versionStart(u"-(?=[0-9])"_s);
    const QRegularExpressionMatch match = versionStart.match(storeName);
    if (!match.hasMatch()) {
        return {storeName, QString()};
    }
    return {storeName.left(match.capturedStart()), storeName.mid(match.capturedEnd())};
}

// The modification time of a symbolic link itself (not of its target), which
// nix-env and nixos-rebuild report as a generation's date.
QDateTime linkTime(const QString &path)
{
    struct stat st{};
    if (lstat(QFile::encodeName(path).constData(), &st) != 0) {
        return {};
    }
    return QDateTime::fromSecsSinceEpoch(st.st_mtim.tv_sec, QTimeZone::UTC);
}

// The store name (hash removed) of a store path.
QString storeName(const QString &path)
{
    const QString base = QFileInfo(path).fileName();
    return base.mid(base.indexOf(u'-') + 1);
}

} // namespace

class StandinSystemTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void profileHasGenerations();
    void generation_data();
    void generation();
    void linkDatesFollowHistory();
    void kernelVersionChanges();
    void packagesChangeBetweenGenerations();
    void specialisation();
    void configurationRevision();
    void gitHistory();
    void runLinksAndEnvironment();
    void switchToConfiguration_data();
    void switchToConfiguration();
    void switchToConfigurationWithoutState();
    void ifStaleKeepsTheRoot();
    void badConfiguration_data();
    void badConfiguration();

private:
    [[nodiscard]] QString generationPath(int n) const
    {
        return m_dest + u"/profiles/system-%1-link"_s.arg(n);
    }
    [[nodiscard]] static QString kernelVersion(const QString &system)
    {
        const QStringList versions = QDir(system + u"/kernel-modules/lib/modules"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        return versions.size() == 1 ? versions.first() : QString();
    }
    // pname -> versions of the packages selected into sw (its direct
    // dependencies, here read from the links in sw/bin and sw/share/doc).
    [[nodiscard]] static QMap<QString, QSet<QString>> selectedPackages(const QString &system)
    {
        QMap<QString, QSet<QString>> packages;
        for (const QString &sub : {u"/sw/bin"_s, u"/sw/share/doc"_s}) {
            const QDir dir(system + sub);
            const QFileInfoList entries = dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
            for (const QFileInfo &entry : entries) {
                QString target = entry.isSymLink() ? entry.symLinkTarget() : QString();
                if (target.isEmpty()) { // a directory of links: look inside
                    const QFileInfoList inner = QDir(entry.filePath()).entryInfoList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
                    if (!inner.isEmpty() && inner.first().isSymLink()) {
                        target = inner.first().symLinkTarget();
                    }
                }
                if (!target.startsWith(u"/nix/store/"_s)) {
                    continue;
                }
                const QString name = storeName(target.section(u'/', 0, 3));
                const auto [pname, version] = splitName(name);
                packages[pname].insert(version);
            }
        }
        return packages;
    }

    QTemporaryDir m_tmp;
    QString m_dest;
    QString m_script;
    QString m_nixBuild;
    QString m_git;
    int m_generations = 0;
};

void StandinSystemTest::initTestCase()
{
    m_nixBuild = StandIn::tool(u"nix-build"_s);
    m_git = StandIn::tool(u"git"_s);
    if (m_nixBuild.isEmpty() || StandIn::tool(u"nix-env"_s).isEmpty()) {
        QFAIL("nix-build and nix-env are not on PATH. These tests need real Nix: run them in the build environment (tools/dev test).");
    }
    if (m_git.isEmpty()) {
        QFAIL("git is not on PATH; make-demo-system needs it.");
    }
    m_script = StandIn::fixturesDir() + u"/make-demo-system"_s;
    QVERIFY2(QFileInfo(m_script).isExecutable(), qPrintable(m_script + u" is missing or not executable"_s));
    QVERIFY(m_tmp.isValid());
    m_dest = m_tmp.filePath(u"demo"_s);

    const StandIn::Result result = StandIn::run(m_script, {m_dest});
    QVERIFY2(result.ok(), qPrintable(u"make-demo-system failed: "_s + result.describe()));
    QVERIFY2(result.err.contains(u"done:"_s), qPrintable(result.err));

    const QStringList links = QDir(m_dest + u"/profiles"_s).entryList({u"system-*-link"_s}, QDir::System | QDir::AllEntries);
    m_generations = int(links.size());
}

void StandinSystemTest::profileHasGenerations()
{
    QVERIFY2(m_generations >= 10, qPrintable(u"%1 generations"_s.arg(m_generations)));
    for (int n = 1; n <= m_generations; ++n) {
        const QFileInfo link(generationPath(n));
        QVERIFY2(link.isSymLink(), qPrintable(link.filePath()));
        QVERIFY2(link.symLinkTarget().startsWith(u"/nix/store/"_s), qPrintable(link.symLinkTarget()));
        QVERIFY(link.symLinkTarget().contains(u"-nixos-system-snowpane-demo-"_s));
    }
    // The profile points at the newest generation, by a relative link as nix-env makes it.
    const QFileInfo profile(m_dest + u"/profiles/system"_s);
    QVERIFY(profile.isSymLink());
    QCOMPARE(profile.readSymLink(), u"system-%1-link"_s.arg(m_generations));
    QCOMPARE(QFileInfo(profile.filePath()).canonicalFilePath(), QFileInfo(generationPath(m_generations)).canonicalFilePath());
    // Every generation is a different system.
    QSet<QString> targets;
    for (int n = 1; n <= m_generations; ++n) {
        targets.insert(QFileInfo(generationPath(n)).symLinkTarget());
    }
    QCOMPARE(targets.size(), qsizetype(m_generations));
}

void StandinSystemTest::generation_data()
{
    QTest::addColumn<int>("number");
    for (int n = 1; n <= m_generations; ++n) {
        QTest::newRow(qPrintable(u"generation %1"_s.arg(n))) << n;
    }
}

void StandinSystemTest::generation()
{
    QFETCH(int, number);
    const QString system = QFileInfo(generationPath(number)).canonicalFilePath();
    QVERIFY2(!system.isEmpty(), "the generation link is broken");

    static const QRegularExpression nixosVersion(u"^\\d\\d\\.\\d\\d\\.\\d{8}\\.[0-9a-f]{7}$"_s);
    const QString version = readText(system + u"/nixos-version"_s);
    QVERIFY2(nixosVersion.match(version).hasMatch(), qPrintable(version));
    QVERIFY2(system.endsWith(u"-nixos-system-snowpane-demo-"_s + version), qPrintable(system));

    static const QRegularExpression kernelRelease(u"^\\d+\\.\\d+\\.\\d+$"_s);
    const QString kernel = kernelVersion(system);
    QVERIFY2(kernelRelease.match(kernel).hasMatch(), qPrintable(u"kernel-modules/lib/modules holds "_s + kernel));
    QVERIFY(QFileInfo(system + u"/kernel-modules/lib/modules/"_s + kernel + u"/modules.dep"_s).isFile());
    QVERIFY(QFileInfo(system + u"/kernel"_s).isSymLink());
    QVERIFY2(QFileInfo(system + u"/kernel"_s).symLinkTarget().contains(u"-linux-"_s + kernel + u"/bzImage"_s),
             qPrintable(QFileInfo(system + u"/kernel"_s).symLinkTarget()));
    QVERIFY(QFileInfo(system + u"/initrd"_s).isFile());

    QCOMPARE(readText(system + u"/etc/hostname"_s), u"snowpane-demo\n"_s);
    QVERIFY(QFileInfo(system + u"/sw/bin/nixos-version"_s).isExecutable());
    QVERIFY(QFileInfo(system + u"/bin/switch-to-configuration"_s).isExecutable());
    QVERIFY(QFileInfo(system + u"/init"_s).isExecutable());
    QCOMPARE(readText(system + u"/system"_s), u"x86_64-linux"_s);

    QJsonParseError error;
    const QJsonDocument bootspec = QJsonDocument::fromJson(readText(system + u"/boot.json"_s).toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject v1 = bootspec.object().value(u"org.nixos.bootspec.v1"_s).toObject();
    for (const auto &key : {u"init"_s, u"initrd"_s, u"kernel"_s, u"kernelParams"_s, u"label"_s, u"system"_s, u"toplevel"_s}) {
        QVERIFY2(v1.contains(key), qPrintable(u"boot.json lacks "_s + key));
    }
    QCOMPARE(v1.value(u"toplevel"_s).toString(), system);
    QCOMPARE(v1.value(u"init"_s).toString(), system + u"/init"_s);
    QCOMPARE(v1.value(u"kernel"_s).toString(), QFileInfo(system + u"/kernel"_s).symLinkTarget());
    QCOMPARE(v1.value(u"system"_s).toString(), u"x86_64-linux"_s);
    QVERIFY(v1.value(u"kernelParams"_s).isArray());
    QVERIFY2(v1.value(u"label"_s).toString().endsWith(u"%1 (Linux %2)"_s.arg(version, kernel)), qPrintable(v1.value(u"label"_s).toString()));
    QVERIFY(bootspec.object().value(u"org.nixos.specialisation.v1"_s).isObject());

    // nixos-version, the program, agrees with the file.
    const StandIn::Result json = StandIn::run(system + u"/sw/bin/nixos-version"_s, {u"--json"_s});
    QVERIFY2(json.ok(), qPrintable(json.describe()));
    const QJsonObject info = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(info.value(u"nixosVersion"_s).toString(), version);
    QVERIFY(version.endsWith(info.value(u"nixpkgsRevision"_s).toString().left(7)));
    const StandIn::Result plain = StandIn::run(system + u"/sw/bin/nixos-version"_s, {});
    QVERIFY(plain.ok());
    QVERIFY2(plain.out.startsWith(version + u" ("_s), qPrintable(plain.out));
}

void StandinSystemTest::linkDatesFollowHistory()
{
    QDateTime previous;
    for (int n = 1; n <= m_generations; ++n) {
        const QDateTime date = linkTime(generationPath(n));
        QVERIFY2(date.date().year() == 2024, qPrintable(date.toString(Qt::ISODate)));
        if (previous.isValid()) {
            QVERIFY2(date > previous, qPrintable(u"generation %1 is not newer than the one before"_s.arg(n)));
        }
        previous = date;
    }
}

void StandinSystemTest::kernelVersionChanges()
{
    QStringList kernels;
    for (int n = 1; n <= m_generations; ++n) {
        kernels << kernelVersion(generationPath(n));
    }
    QVERIFY2(QSet<QString>(kernels.cbegin(), kernels.cend()).size() >= 3, qPrintable(kernels.join(u", "_s)));
    // An upgrade to a newer series and a return to the older one.
    QVERIFY2(std::any_of(kernels.cbegin(),
                         kernels.cend(),
                         [](const QString &k) {
                             return k.startsWith(u"6.6."_s);
                         }),
             qPrintable(kernels.join(u' ')));
    QVERIFY2(std::any_of(kernels.cbegin(),
                         kernels.cend(),
                         [](const QString &k) {
                             return k.startsWith(u"6.10."_s);
                         }),
             qPrintable(kernels.join(u' ')));
}

void StandinSystemTest::packagesChangeBetweenGenerations()
{
    const auto first = selectedPackages(generationPath(1));
    const auto last = selectedPackages(generationPath(m_generations));
    QVERIFY2(first.contains(u"wget"_s), qPrintable(QStringList(first.keys()).join(u' ')));
    QVERIFY(!last.contains(u"wget"_s)); // removed
    QVERIFY(last.contains(u"btop"_s) && !first.contains(u"btop"_s)); // added
    QVERIFY(last.contains(u"nixos-version"_s));

    // Upgrades: a newer Node.js series, and Firefox from a channel update.
    const auto third = selectedPackages(generationPath(3));
    QCOMPARE(third.value(u"nodejs"_s).size(), 1);
    QCOMPARE(last.value(u"nodejs"_s).size(), 1);
    const QString nodeBefore = *third.value(u"nodejs"_s).cbegin();
    const QString nodeAfter = *last.value(u"nodejs"_s).cbegin();
    QVERIFY2(nodeBefore.startsWith(u"20."_s) && nodeAfter.startsWith(u"22."_s), qPrintable(nodeBefore + u" -> "_s + nodeAfter));
    QVERIFY(first.value(u"firefox"_s) != last.value(u"firefox"_s));

    // The bin directories differ as well.
    const QStringList binFirst = QDir(generationPath(1) + u"/sw/bin"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
    const QStringList binLast = QDir(generationPath(m_generations) + u"/sw/bin"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
    QVERIFY(binFirst.contains(u"wget"_s) && !binLast.contains(u"wget"_s));
    QVERIFY(binLast.contains(u"code"_s) && !binFirst.contains(u"code"_s));
}

void StandinSystemTest::specialisation()
{
    int withSpecialisation = 0;
    for (int n = 1; n <= m_generations; ++n) {
        const QString system = QFileInfo(generationPath(n)).canonicalFilePath();
        const QStringList names = QDir(system + u"/specialisation"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
        const QJsonObject listed =
            QJsonDocument::fromJson(readText(system + u"/boot.json"_s).toUtf8()).object().value(u"org.nixos.specialisation.v1"_s).toObject();
        QCOMPARE(QStringList(listed.keys()), names);
        if (names.isEmpty()) {
            continue;
        }
        ++withSpecialisation;
        QCOMPARE(names, QStringList{u"gaming"_s});
        const QString child = QFileInfo(system + u"/specialisation/gaming"_s).canonicalFilePath();
        QVERIFY(child != system);
        QVERIFY(child.contains(u"-nixos-system-snowpane-demo-gaming-"_s));
        QCOMPARE(listed.value(u"gaming"_s).toObject().value(u"org.nixos.bootspec.v1"_s).toObject().value(u"toplevel"_s).toString(), child);
        // The gaming entry runs the newest kernel and has Steam.
        QVERIFY(kernelVersion(child) != kernelVersion(system));
        QVERIFY(QFileInfo::exists(child + u"/sw/bin/steam"_s));
        QVERIFY(!QFileInfo::exists(system + u"/sw/bin/steam"_s));
        QVERIFY(QFileInfo(child + u"/bin/switch-to-configuration"_s).isExecutable());
    }
    QVERIFY(withSpecialisation >= 1);
}

void StandinSystemTest::configurationRevision()
{
    const QString configDir = m_dest + u"/etc/nixos"_s;
    const StandIn::Result head = StandIn::run(m_git, {u"-C"_s, configDir, u"rev-parse"_s, u"HEAD"_s});
    QVERIFY2(head.ok(), qPrintable(head.describe()));
    const StandIn::Result revision = StandIn::run(generationPath(m_generations) + u"/sw/bin/nixos-version"_s, {u"--configuration-revision"_s});
    QVERIFY2(revision.ok(), qPrintable(revision.describe()));
    QCOMPARE(revision.out.trimmed(), head.out.trimmed());

    // The first generations predate the line that records the revision.
    const StandIn::Result unknown = StandIn::run(generationPath(1) + u"/sw/bin/nixos-version"_s, {u"--configuration-revision"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(u"configuration revision is unknown"_s), qPrintable(unknown.err));

    // Every recorded revision is a commit of the history.
    const StandIn::Result log = StandIn::run(m_git, {u"-C"_s, configDir, u"log"_s, u"--format=%H"_s});
    QVERIFY(log.ok());
    for (int n = 1; n <= m_generations; ++n) {
        const StandIn::Result rev = StandIn::run(generationPath(n) + u"/sw/bin/nixos-version"_s, {u"--configuration-revision"_s});
        if (rev.ok()) {
            QVERIFY2(log.out.contains(rev.out.trimmed()), qPrintable(rev.out));
        }
    }
}

void StandinSystemTest::gitHistory()
{
    const QString configDir = m_dest + u"/etc/nixos"_s;
    for (const auto &file : {u"configuration.nix"_s, u"hardware-configuration.nix"_s, u"desktop.nix"_s}) {
        QVERIFY2(QFileInfo(configDir + u'/' + file).isFile(), qPrintable(file));
    }
    const StandIn::Result log = StandIn::run(m_git, {u"-C"_s, configDir, u"log"_s, u"--format=%H %an <%ae> %cI %s"_s});
    QVERIFY2(log.ok(), qPrintable(log.describe()));
    const QStringList commits = log.out.trimmed().split(u'\n');
    QCOMPARE(commits.size(), qsizetype(m_generations));
    for (const QString &line : commits) {
        QVERIFY2(line.contains(u" Alice Example <alice@example.org> 2024-"_s), qPrintable(line));
    }
    const StandIn::Result status = StandIn::run(m_git, {u"-C"_s, configDir, u"status"_s, u"--porcelain"_s});
    QVERIFY(status.ok());
    QCOMPARE(status.out, QString());
    // Deterministic history: the same commit ids on every build.
    const StandIn::Result first = StandIn::run(m_git, {u"-C"_s, configDir, u"rev-list"_s, u"--max-parents=0"_s, u"HEAD"_s});
    QVERIFY(first.ok());
    QCOMPARE(first.out.trimmed().size(), 40);
}

void StandinSystemTest::runLinksAndEnvironment()
{
    const QString current = QFileInfo(m_dest + u"/run/current-system"_s).symLinkTarget();
    const QString booted = QFileInfo(m_dest + u"/run/booted-system"_s).symLinkTarget();
    QCOMPARE(current, QFileInfo(generationPath(m_generations)).symLinkTarget());
    QVERIFY(!booted.isEmpty());
    QVERIFY(booted != current);
    bool bootedIsAGeneration = false;
    for (int n = 1; n < m_generations; ++n) {
        bootedIsAGeneration = bootedIsAGeneration || QFileInfo(generationPath(n)).symLinkTarget() == booted;
    }
    QVERIFY(bootedIsAGeneration);

    QMap<QString, QString> env;
    const QStringList lines = readText(m_dest + u"/snowpane-demo.env"_s).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.startsWith(u'#')) {
            env.insert(line.section(u'=', 0, 0), line.section(u'=', 1));
        }
    }
    QCOMPARE(env.value(u"CONFIG_DIR"_s), m_dest + u"/etc/nixos"_s);
    QCOMPARE(env.value(u"PROFILE"_s), m_dest + u"/profiles/system"_s);
    QCOMPARE(env.value(u"CURRENT_SYSTEM"_s), m_dest + u"/run/current-system"_s);
    QCOMPARE(env.value(u"BOOTED_SYSTEM"_s), m_dest + u"/run/booted-system"_s);
    QCOMPARE(env.value(u"STATE_DIR"_s), m_dest + u"/state"_s);
    QCOMPARE(env.value(u"NIX_PATH"_s), u"nixpkgs=%1:nixos-config=%2/etc/nixos/configuration.nix"_s.arg(StandIn::nixpkgsDir(), m_dest));
    QVERIFY(QFileInfo(env.value(u"STATE_DIR"_s)).isDir());
}

void StandinSystemTest::switchToConfiguration_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("logged");
    QTest::addColumn<bool>("current");
    QTest::addColumn<bool>("bootDefault");

    QTest::newRow("switch") << u"switch"_s << 0 << true << true << true;
    QTest::newRow("boot") << u"boot"_s << 0 << true << false << true;
    QTest::newRow("test") << u"test"_s << 0 << true << true << false;
    QTest::newRow("dry-activate") << u"dry-activate"_s << 0 << false << false << false;
    QTest::newRow("unknown action") << u"reboot"_s << 1 << false << false << false;
}

void StandinSystemTest::switchToConfiguration()
{
    QFETCH(QString, action);
    QFETCH(int, exitCode);
    QFETCH(bool, logged);
    QFETCH(bool, current);
    QFETCH(bool, bootDefault);

    QTemporaryDir state;
    QVERIFY(state.isValid());
    // An older generation, so that the links visibly move.
    const QString system = QFileInfo(generationPath(2)).canonicalFilePath();
    QProcessEnvironment extra;
    extra.insert(u"SNOWPANE_STANDIN_STATE"_s, state.path());
    const StandIn::Result result = StandIn::run(system + u"/bin/switch-to-configuration"_s, {action}, StandIn::environment(extra));
    QVERIFY2(result.finished, qPrintable(result.describe()));
    QCOMPARE(result.exitCode, exitCode);

    const QString log = readText(state.filePath(u"activations.log"_s));
    QCOMPARE(log, logged ? action + u' ' + system + u'\n' : QString());
    QCOMPARE(QFileInfo(state.filePath(u"current-system"_s)).symLinkTarget(), current ? system : QString());
    QCOMPARE(QFileInfo(state.filePath(u"boot-default"_s)).symLinkTarget(), bootDefault ? system : QString());
    if (exitCode != 0) {
        QVERIFY2(result.err.contains(u"Usage:"_s), qPrintable(result.err));
    }
    if (action == u"dry-activate"_s) {
        QVERIFY2(result.out.contains(u"would activate"_s), qPrintable(result.out));
    }

    // A second action appends to the log and moves the links to another system.
    if (logged) {
        const QString newer = QFileInfo(generationPath(m_generations)).canonicalFilePath();
        const StandIn::Result again = StandIn::run(newer + u"/bin/switch-to-configuration"_s, {action}, StandIn::environment(extra));
        QVERIFY2(again.ok(), qPrintable(again.describe()));
        QCOMPARE(readText(state.filePath(u"activations.log"_s)), log + action + u' ' + newer + u'\n');
        if (current) {
            QCOMPARE(QFileInfo(state.filePath(u"current-system"_s)).symLinkTarget(), newer);
        }
    }
}

void StandinSystemTest::switchToConfigurationWithoutState()
{
    const QString system = QFileInfo(generationPath(m_generations)).canonicalFilePath();
    const StandIn::Result result = StandIn::run(system + u"/bin/switch-to-configuration"_s, {u"switch"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"SNOWPANE_STANDIN_STATE is not set"_s), qPrintable(result.err));
}

void StandinSystemTest::ifStaleKeepsTheRoot()
{
    const QString before = QFileInfo(generationPath(m_generations)).symLinkTarget();
    const QDateTime firstDate = linkTime(generationPath(1));
    const StandIn::Result result = StandIn::run(m_script, {u"--if-stale"_s, m_dest}, StandIn::environment(), 60000);
    QVERIFY2(result.ok(), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(u"up to date"_s), qPrintable(result.err));
    QCOMPARE(QFileInfo(generationPath(m_generations)).symLinkTarget(), before);
    QCOMPARE(linkTime(generationPath(1)), firstDate);

    // A directory it did not make is never replaced.
    const QString foreign = m_tmp.filePath(u"foreign"_s);
    QVERIFY(QDir().mkpath(foreign));
    QVERIFY(writeText(foreign + u"/keep.txt"_s, "mine\n"));
    const StandIn::Result refused = StandIn::run(m_script, {foreign}, StandIn::environment(), 60000);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"refusing"_s), qPrintable(refused.err));
    QCOMPARE(readText(foreign + u"/keep.txt"_s), u"mine\n"_s);
}

void StandinSystemTest::badConfiguration_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("type error") << u"services.openssh.enable = \"yes\";"_s
                                << QStringList{u"A definition for option `services.openssh.enable' is not of type `boolean'"_s, u"\"yes\""_s};
    QTest::newRow("list element") << u"networking.firewall.allowedTCPPorts = [ 22 \"80\" ];"_s
                                  << QStringList{u"networking.firewall.allowedTCPPorts"_s,
                                                 u"is not of type `16 bit unsigned integer; between 0 and 65535 (both inclusive)'"_s};
    QTest::newRow("enum") << u"services.openssh.enable = true; services.openssh.settings.PermitRootLogin = \"maybe\";"_s
                          << QStringList{u"services.openssh.settings.PermitRootLogin"_s, u"one of \"yes\""_s};
    QTest::newRow("undeclared option") << u"services.opensshh.enable = true;"_s << QStringList{u"The option `services.opensshh.enable' does not exist"_s};
    QTest::newRow("conflicting values") << u"networking.hostName = lib.mkMerge [ \"one\" \"two\" ];"_s
                                        << QStringList{u"The option `networking.hostName' has conflicting definition values"_s};
    QTest::newRow("failed assertion") << u"services.displayManager.sddm.enable = true; services.displayManager.autoLogin.enable = true;"_s
                                      << QStringList{u"Failed assertions:"_s, u"services.displayManager.autoLogin.user"_s};
}

void StandinSystemTest::badConfiguration()
{
    QFETCH(QString, definition);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"configuration.nix"_s);
    QVERIFY(writeText(config, u"{ lib, ... }:\n{\n  fileSystems.\"/\".device = \"/dev/sda1\";\n  %1\n}\n"_s.arg(definition).toUtf8()));

    QProcessEnvironment extra;
    extra.insert(u"NIX_PATH"_s, u"nixpkgs=%1:nixos-config=%2"_s.arg(StandIn::nixpkgsDir(), config));
    const StandIn::Result result = StandIn::run(m_nixBuild, {u"<nixpkgs/nixos>"_s, u"-A"_s, u"system"_s, u"--no-out-link"_s}, StandIn::environment(extra));
    QVERIFY2(result.finished, qPrintable(result.describe()));
    QVERIFY2(result.exitCode != 0, "a bad configuration built");
    for (const QString &text : expected) {
        QVERIFY2(result.err.contains(text), qPrintable(u"missing \""_s + text + u"\" in:\n"_s + result.err));
    }
    // Definition errors name the file they come from.
    if (!expected.first().startsWith(u"Failed"_s)) {
        QVERIFY2(result.err.contains(u"In `"_s + config + u"'"_s), qPrintable(result.err));
    }
}

QTEST_GUILESS_MAIN(StandinSystemTest)

#include "tst_standin_system.moc"
