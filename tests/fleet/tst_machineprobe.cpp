// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Machines page's probe script, run by a real sh on a scratch tree that
// looks like a machine: profile links, a running and a booted system with
// their kernels. Whether a reboot is pending is decided there.

#include "machineprobe.h"
#include "remotescripts.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;

namespace
{

/// A system directory with a nixos-version and its kernel, initrd and modules as links into a kernel directory.
bool makeSystem(const QDir &root, const QString &name, const QString &version, const QString &kernel)
{
    const QString system = root.filePath(name);
    const QString kernelDir = root.filePath(u"kernel-"_s + kernel);
    if (!QDir().mkpath(system) || !QDir().mkpath(kernelDir + u"/modules"_s)) {
        return false;
    }
    QFile versionFile(system + u"/nixos-version"_s);
    if (!versionFile.open(QIODevice::WriteOnly) || versionFile.write(version.toUtf8()) < 0) {
        return false;
    }
    versionFile.close();
    QFile image(kernelDir + u"/bzImage"_s);
    if (!image.open(QIODevice::WriteOnly)) {
        return false;
    }
    return QFile::link(kernelDir + u"/bzImage"_s, system + u"/kernel"_s) && QFile::link(kernelDir + u"/bzImage"_s, system + u"/initrd"_s)
        && QFile::link(kernelDir + u"/modules"_s, system + u"/kernel-modules"_s);
}

/// Systems a and b share a kernel (6.6.1); c has a newer one.
bool makeSystems(const QDir &root)
{
    return makeSystem(root, u"a"_s, u"24.11.1 (Vicuna)"_s, u"6.6.1"_s) && makeSystem(root, u"b"_s, u"24.11.2 (Vicuna)"_s, u"6.6.1"_s)
        && makeSystem(root, u"c"_s, u"25.05.3 (Warbler)"_s, u"6.12.4"_s);
}

} // namespace

class MachineProbeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probe_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("running");
        QTest::addColumn<QString>("booted");
        QTest::addColumn<int>("generation");
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("rebootPending");
        QTest::addColumn<bool>("kernelChanged");
        // Systems: a and b share a kernel; c has another.
        QTest::newRow("up to date") << u"a"_s << u"a"_s << u"a"_s << 2 << u"24.11.1 (Vicuna)"_s << false << false;
        QTest::newRow("switched to a new kernel") << u"c"_s << u"c"_s << u"a"_s << 2 << u"25.05.3 (Warbler)"_s << true << true;
        QTest::newRow("boot default waits") << u"b"_s << u"a"_s << u"a"_s << 2 << u"24.11.1 (Vicuna)"_s << true << false;
        QTest::newRow("same kernel, switched") << u"b"_s << u"b"_s << u"a"_s << 2 << u"24.11.2 (Vicuna)"_s << false << false;
        QTest::newRow("no profile yet") << QString() << QString() << QString() << 0 << QString() << false << false;
    }

    void probe()
    {
        QFETCH(QString, profile);
        QFETCH(QString, running);
        QFETCH(QString, booted);
        QFETCH(int, generation);
        QFETCH(QString, version);
        QFETCH(bool, rebootPending);
        QFETCH(bool, kernelChanged);

        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QDir root(scratch.path());
        QVERIFY(makeSystems(root));
        QVERIFY(QDir().mkpath(root.filePath(u"profiles"_s)));
        RemotePaths paths;
        paths.profile = root.filePath(u"profiles/system"_s);
        paths.currentSystem = root.filePath(u"current-system"_s);
        paths.bootedSystem = root.filePath(u"booted-system"_s);
        if (!profile.isEmpty()) {
            QVERIFY(QFile::link(root.filePath(profile), root.filePath(u"profiles/system-2-link"_s)));
            QVERIFY(QFile::link(u"system-2-link"_s, paths.profile));
            QVERIFY(QFile::link(root.filePath(running), paths.currentSystem));
            QVERIFY(QFile::link(root.filePath(booted), paths.bootedSystem));
        }

        const MachineFacts facts = probeThisMachine(SshSettings{}, paths);
        QVERIFY2(facts.error == RemoteError::None, qPrintable(facts.message));
        QVERIFY(facts.reachable());
        QCOMPARE(facts.generation, generation);
        QCOMPARE(facts.nixosVersion, version);
        QCOMPARE(facts.rebootPending, rebootPending);
        QCOMPARE(facts.kernelChanged, kernelChanged);
        QCOMPARE(facts.runningSystem, running.isEmpty() ? QString() : root.filePath(running));
    }

    void changedBootParts_data()
    {
        QTest::addColumn<QString>("booted");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QStringList>("changed");
        QTest::newRow("same system") << u"a"_s << u"a"_s << QStringList();
        QTest::newRow("same kernel") << u"a"_s << u"b"_s << QStringList();
        QTest::newRow("new kernel") << u"a"_s << u"c"_s << QStringList{u"kernel"_s, u"initrd"_s, u"kernel-modules"_s};
        // Containers boot no kernel of their own: nothing to reboot for.
        QTest::newRow("neither has a kernel") << u"container-1"_s << u"container-2"_s << QStringList();
        QTest::newRow("a kernel from none") << u"container-1"_s << u"a"_s << QStringList{u"kernel"_s, u"initrd"_s, u"kernel-modules"_s};
    }

    // The one fragment that decides "reboot pending", run by a real sh.
    void changedBootParts()
    {
        QFETCH(QString, booted);
        QFETCH(QString, system);
        QFETCH(QStringList, changed);
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QDir root(scratch.path());
        QVERIFY(makeSystems(root));
        QVERIFY(root.mkpath(u"container-1"_s));
        QVERIFY(root.mkpath(u"container-2"_s));
        const ProcessResult ran =
            runProcess(u"sh"_s,
                       {u"-c"_s, Scripts::changedBootParts() + u"changed_boot_parts \"$1\" \"$2\"\n"_s, u"sh"_s, root.filePath(booted), root.filePath(system)},
                       QProcessEnvironment::systemEnvironment(),
                       10000);
        QVERIFY2(ran.succeeded(), qPrintable(ran.errorText()));
        QCOMPARE(QString::fromUtf8(ran.standardOutput).split(u'\n', Qt::SkipEmptyParts), changed);
    }

    // The probe and the deploy preview decide with that same fragment, not with copies of it.
    void oneFragmentForBoth()
    {
        const QString fragment = Scripts::changedBootParts();
        QVERIFY(machineProbeScript({}).contains(fragment));
        QVERIFY(Scripts::preview(u"/nix/store/new"_s, u"/run/current-system"_s, u"/run/booted-system"_s).contains(fragment));
        QCOMPARE(machineProbeScript({}).count(u"kernel-modules"_s), 1);
        QCOMPARE(Scripts::preview(u"/nix/store/new"_s, u"/run/current-system"_s, u"/run/booted-system"_s).count(u"initrd"_s), 1);
    }

    void withoutNix()
    {
        const MachineFacts facts = machineFactsFromOutput(u"snowpane:nix=\nsnowpane:profile=\n"_s);
        QCOMPARE(facts.error, RemoteError::NoNix);
        QVERIFY(facts.reachable());
        QCOMPARE(machineFactsFromOutput(u"garbage"_s).error, RemoteError::Failed);
    }
};

QTEST_GUILESS_MAIN(MachineProbeTest)
#include "tst_machineprobe.moc"
