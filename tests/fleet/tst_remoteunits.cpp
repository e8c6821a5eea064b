// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The remote engine's pure parts, with hostile input: what reaches ssh and
// the remote shell must stay exactly the words it was meant to be.

#include "deploypreview.h"
#include "flaketargets.h"
#include "remoteerror.h"
#include "remotegenerations.h"
#include "remotescripts.h"
#include "shellquote.h"
#include "sshtarget.h"
#include "thismachine.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;

namespace
{

QByteArray runSh(const QString &script, int *exitCode = nullptr)
{
    QProcess sh;
    sh.start(u"/bin/sh"_s, {u"-c"_s, script});
    sh.waitForFinished();
    if (exitCode) {
        *exitCode = sh.exitCode();
    }
    return sh.readAllStandardOutput();
}

} // namespace

class RemoteUnitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseTargets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("name") << u"gamma"_s << true << QString() << u"gamma"_s << 0;
        QTest::newRow("uri") << u"ssh://root@127.0.0.2:2222"_s << true << u"root"_s << u"127.0.0.2"_s << 2222;
        QTest::newRow("user@host") << u"deploy@web-1.example.org"_s << true << u"deploy"_s << u"web-1.example.org"_s << 0;
        QTest::newRow("ssh-ng uri") << u"ssh-ng://admin@host/"_s << true << u"admin"_s << u"host"_s << 0;
        QTest::newRow("v6 with port") << u"root@[fe80::1%eth0]:22"_s << true << u"root"_s << u"fe80::1%eth0"_s << 22;
        QTest::newRow("bare v6") << u"::1"_s << true << QString() << u"::1"_s << 0;
        QTest::newRow("option as host") << u"-oProxyCommand=touch /tmp/x"_s << false << QString() << QString() << 0;
        QTest::newRow("option after user") << u"root@-oProxyCommand=x"_s << false << QString() << QString() << 0;
        QTest::newRow("shell in host") << u"host;reboot"_s << false << QString() << QString() << 0;
        QTest::newRow("space") << u"a b"_s << false << QString() << QString() << 0;
        QTest::newRow("command substitution") << u"$(reboot)"_s << false << QString() << QString() << 0;
        QTest::newRow("bad port") << u"host:http"_s << false << QString() << QString() << 0;
        QTest::newRow("port range") << u"host:70000"_s << false << QString() << QString() << 0;
        QTest::newRow("option as user") << u"-l@host"_s << false << QString() << QString() << 0;
        QTest::newRow("empty") << QString() << false << QString() << QString() << 0;
        QTest::newRow("newline") << u"host\nProxyCommand x"_s << false << QString() << QString() << 0;
    }
    void parseTargets()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const TargetParse parsed = parseTarget(text);
        QCOMPARE(parsed.isValid(), valid);
        if (valid) {
            QFETCH(QString, user);
            QFETCH(QString, host);
            QFETCH(int, port);
            QCOMPARE(parsed.target.user, user);
            QCOMPARE(parsed.target.host, host);
            QCOMPARE(parsed.target.port, port);
            // What it prints reads back the same.
            QCOMPARE(parseTarget(parsed.target.uri()).target.destination(), parsed.target.destination());
        }
    }

    void optionsWithSpacesRefused()
    {
        SshTarget target{u"root"_s, u"host"_s, 0, {u"-o"_s, u"ProxyJump=bastion"_s}};
        QVERIFY(validateTarget(target).isEmpty());
        target.options.append(u"-o ProxyCommand=x"_s);
        QVERIFY(!validateTarget(target).isEmpty());
    }

    void shellQuoteSurvivesTheShell_data()
    {
        QTest::addColumn<QString>("word");
        for (const QString &word : {u"plain"_s,
                                    u"it's"_s,
                                    u"''"_s,
                                    u"$(touch /tmp/snowpane-owned)"_s,
                                    u"`id`"_s,
                                    u"a\nb"_s,
                                    u"back\\slash"_s,
                                    u"\"double\""_s,
                                    u"*"_s,
                                    u"-n"_s,
                                    u"; reboot"_s,
                                    u""_s,
                                    u"ünïcödé"_s}) {
            QTest::newRow(qPrintable(word.isEmpty() ? u"(empty)"_s : word)) << word;
        }
    }
    void shellQuoteSurvivesTheShell()
    {
        QFETCH(QString, word);
        QCOMPARE(QString::fromUtf8(runSh(u"printf '%s|' "_s + shellQuote(word))), word + u'|');
        QCOMPARE(QString::fromUtf8(runSh(u"printf '%s|' "_s + shellJoin({word, word}))), word + u'|' + word + u'|');
    }

    void classify_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderr");
        QTest::addColumn<RemoteError>("kind");
        QTest::newRow("refused") << 255 << u"ssh: connect to host 127.0.0.6 port 2222: Connection refused"_s << RemoteError::Unreachable;
        QTest::newRow("timeout") << 255 << u"ssh: connect to host 10.9.9.9 port 22: Connection timed out"_s << RemoteError::Unreachable;
        QTest::newRow("dns") << 255 << u"ssh: Could not resolve hostname nowhere: Name or service not known"_s << RemoteError::Unreachable;
        QTest::newRow("auth") << 255 << u"root@127.0.0.2: Permission denied (publickey)."_s << RemoteError::AuthenticationRefused;
        QTest::newRow("sudo") << 1 << u"sudo: a password is required"_s << RemoteError::AuthenticationRefused;
        QTest::newRow("changed")
            << 255
            << u"@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
               "Host key for [127.0.0.3]:2222 has changed and you have requested strict checking.\nHost key verification failed."_s
            << RemoteError::HostKeyChanged;
        QTest::newRow("unknown")
            << 255 << u"No ED25519 host key is known for [127.0.0.4]:2222 and you have requested strict checking.\nHost key verification failed."_s
            << RemoteError::HostKeyUnknown;
        QTest::newRow("no nix-store") << 127 << u"sh: 1: nix-store: not found"_s << RemoteError::NoNix;
        QTest::newRow("bash no nix") << 127 << u"bash: line 1: nix-store: command not found"_s << RemoteError::NoNix;
        QTest::newRow("disk") << 1 << u"error: writing to file: No space left on device"_s << RemoteError::DiskFull;
        QTest::newRow("other remote") << 2 << u"something else"_s << RemoteError::Failed;
        QTest::newRow("ssh silent") << 255 << QString() << RemoteError::Unreachable;
    }
    void classify()
    {
        QFETCH(int, exitCode);
        QFETCH(QString, stderr);
        QFETCH(RemoteError, kind);
        QCOMPARE(classifyFailure(exitCode, stderr), kind);
    }

    // Every script parses as POSIX sh, whatever values went into it.
    void scriptsParse()
    {
        Scripts::Activation plan;
        plan.systemPath = u"/nix/store/abc-it's $(reboot)"_s;
        plan.action = u"switch"_s;
        plan.rollbackSeconds = 90;
        plan.token = Scripts::newToken();
        QVERIFY(Scripts::isValidToken(plan.token));
        QVERIFY(!Scripts::isValidToken(u"../../etc"_s));
        const QStringList scripts{
            Scripts::probe(),
            Scripts::probe(plan.systemPath),
            Scripts::presence(plan.systemPath),
            Scripts::activate(plan),
            Scripts::confirm(plan.token),
            Scripts::listGenerations(u"/nix/var/nix/profiles/system"_s, u"/run/current-system"_s, u"/run/booted-system"_s),
            Scripts::closuresOfGenerations(u"/nix/var/nix/profiles/system"_s, 1, 2),
            Scripts::preview(plan.systemPath, u"/run/current-system"_s, u"/run/booted-system"_s),
            Scripts::rollBackNow(plan.token),
        };
        for (const QString &script : scripts) {
            int exitCode = -1;
            QProcess sh;
            sh.start(u"/bin/sh"_s, {u"-n"_s, u"-c"_s, script});
            QVERIFY(sh.waitForFinished());
            exitCode = sh.exitCode();
            QVERIFY2(exitCode == 0, sh.readAllStandardError().constData());
        }
        // The hostile path is one quoted word, never code.
        QVERIFY(Scripts::activate(plan).contains(shellQuote(plan.systemPath)));
    }

    // A redeployment skips the copy only for a path Nix calls valid, and asks Nix only about a path on disk.
    void presenceAsksNixOnlyAboutAPathOnDisk_data()
    {
        QTest::addColumn<bool>("onDisk");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("present");
        QTest::addColumn<bool>("asked");
        QTest::newRow("valid") << true << true << true << true;
        QTest::newRow("on disk, not registered (a copy cut short)") << true << false << false << true;
        QTest::newRow("absent") << false << false << false << false;
    }

    void presenceAsksNixOnlyAboutAPathOnDisk()
    {
        QFETCH(bool, onDisk);
        QFETCH(bool, valid);
        QFETCH(bool, present);
        QFETCH(bool, asked);
        QTemporaryDir machine;
        QVERIFY(machine.isValid());
        const QString system = machine.filePath(u"store/abc-nixos-system-it's"_s);
        if (onDisk) {
            QVERIFY(QDir().mkpath(system));
        }
        // A nix-store that logs its arguments and says valid only when told to.
        QVERIFY(QDir().mkpath(machine.filePath(u"bin"_s)));
        QFile fake(machine.filePath(u"bin/nix-store"_s));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write(u"#!/bin/sh\nprintf '%s\\n' \"$*\" >>"_s.toUtf8() + shellQuote(machine.filePath(u"asked"_s)).toUtf8()
                   + (valid ? "\nexit 0\n" : "\nexit 1\n"));
        fake.close();
        QVERIFY(fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString path = u"PATH="_s + shellQuote(machine.filePath(u"bin"_s) + u":/usr/bin:/bin"_s) + u"; "_s;
        for (const QString &script : {Scripts::presence(system), Scripts::probe(system)}) {
            QFile::remove(machine.filePath(u"asked"_s));
            int exitCode = -1;
            const QString output = QString::fromUtf8(runSh(path + script, &exitCode));
            QCOMPARE(exitCode, 0);
            QCOMPARE(readMarkers(output).contains(u"present"_s), present);
            QCOMPARE(QFile::exists(machine.filePath(u"asked"_s)), asked);
        }
        // Without a path, the probe never asks.
        QVERIFY(!readMarkers(QString::fromUtf8(runSh(path + Scripts::probe()))).contains(u"present"_s));
    }

    void markers()
    {
        const auto read = readMarkers(u"noise\nsnowpane:generation=3\nsnowpane:system=/nix/store/x\nsnowpane:generation=4\nsnowpane:bad\n"_s);
        QCOMPARE(read.value(u"generation"_s), u"4"_s);
        QCOMPARE(read.value(u"system"_s), u"/nix/store/x"_s);
        QVERIFY(!read.contains(u"bad"_s));
    }

    void previewOutput()
    {
        const QString output =
            u"snowpane:before=/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-nixos-system-web-24.11.1\nsnowpane:after=/nix/store/"
            u"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-nixos-system-web-24.11.2\n"
            "snowpane:kernel-before=6.6.63\nsnowpane:kernel-after=6.12.1\nsnowpane:reboot=1\n"
            "snowpane-section "
            "closure-before\n/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-nixos-system-web-24.11.1\n/nix/store/cccccccccccccccccccccccccccccccc-ripgrep-14.1.0\n"
            "snowpane-section "
            "closure-after\n/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-nixos-system-web-24.11.2\n/nix/store/dddddddddddddddddddddddddddddddd-curl-8.7.1\n"
            "snowpane-section "
            "paths\n/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-nixos-system-web-24.11.1\n/nix/store/"
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-nixos-system-web-24.11.2\n/nix/store/cccccccccccccccccccccccccccccccc-ripgrep-14.1.0\n/nix/store/"
            "dddddddddddddddddddddddddddddddd-curl-8.7.1\n"
            "snowpane-section sizes\n100\n200\n30\n40\n"
            "snowpane-section selected-before\n/nix/store/cccccccccccccccccccccccccccccccc-ripgrep-14.1.0\n"
            "snowpane-section selected-after\n/nix/store/dddddddddddddddddddddddddddddddd-curl-8.7.1\n"
            "snowpane-section dry-activate\nwould stop the following units: old.service\nwould activate the configuration x\n"
            "would restart the following units: sshd.service\nwould start the following units: nginx.service\n"
            "snowpane-section end\nsnowpane:dry-activate-exit=0\n"_s;
        const DeployPreview preview = previewFromOutput(output);
        QVERIFY2(preview.isValid(), qPrintable(preview.message));
        QCOMPARE(preview.currentSystem, u"/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-nixos-system-web-24.11.1"_s);
        QCOMPARE(preview.newSystem, u"/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-nixos-system-web-24.11.2"_s);
        QCOMPARE(preview.kernelAfter, u"6.12.1"_s);
        QVERIFY(preview.rebootNeeded);
        QCOMPARE(preview.packagesAdded(), 1);
        QCOMPARE(preview.packagesRemoved(), 1);
        QCOMPARE(preview.closureSizeBefore(), 130);
        QCOMPARE(preview.closureSizeAfter(), 240);
        QCOMPARE(preview.units.stop, QStringList{u"old.service"_s});
        QCOMPARE(preview.units.restart, QStringList{u"sshd.service"_s});
        QCOMPARE(preview.units.start, QStringList{u"nginx.service"_s});
        // The gadget's properties are what a page reads.
        QCOMPARE(QVariant::fromValue(preview).metaType().metaObject()->indexOfProperty("rebootNeeded") >= 0, true);

        // A dry activation that failed, or output cut short, is an error in words.
        QString failed = output;
        failed.replace(u"dry-activate-exit=0"_s, u"dry-activate-exit=1"_s);
        QCOMPARE(previewFromOutput(failed).error, RemoteError::ActivationFailed);
        QVERIFY(!previewFromOutput(output.left(output.indexOf(u"snowpane-section end"_s))).isValid());
    }

    void routes_data()
    {
        QTest::addColumn<QString>("flake");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("target");
        QTest::addColumn<DeployRoute>("route");
        QTest::newRow("the helper's configuration and host") << u"/etc/nixos/"_s << u"laptop"_s << u"ssh://10.0.0.9"_s << DeployRoute::Helper;
        QTest::newRow("another host of it") << u"/etc/nixos"_s << u"server"_s << u"ssh://server"_s << DeployRoute::Ssh;
        QTest::newRow("another configuration's host of that name") << u"/srv/other"_s << u"laptop"_s << u"ssh://10.0.0.9"_s << DeployRoute::Ssh;
        QTest::newRow("a target naming this machine") << u"/srv/other"_s << u"x"_s << u"laptop.home.arpa"_s << DeployRoute::Refused;
        QTest::newRow("localhost") << QString() << u"x"_s << u"root@localhost"_s << DeployRoute::Refused;
        QTest::newRow("a forwarded port on localhost is another machine") << QString() << u"x"_s << u"ssh://root@127.0.0.1:2222"_s << DeployRoute::Ssh;
    }

    void routes()
    {
        QFETCH(QString, flake);
        QFETCH(QString, host);
        QFETCH(QString, target);
        QFETCH(DeployRoute, route);
        ThisMachine machine;
        machine.configurationDirectory = u"/etc/nixos"_s;
        machine.hostName = u"laptop"_s;
        const TargetParse parsed = parseTarget(target);
        QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
        QCOMPARE(routeOf(machine, flake, host, parsed.target), route);
    }

    void generationList()
    {
        const QString output =
            u"snowpane:current=system-2-link\nsnowpane:running=/nix/store/b-sys\nsnowpane:booted=/nix/store/a-sys\n"
            "snowpane-generation\t1\t1700000000\t/nix/store/a-sys\t24.11.1\t6.6.62\t\t\n"
            "snowpane-generation\t2\t1700000100\t/nix/store/b-sys\t24.11.2\t6.6.63\tabc123\tgaming \n"
            "snowpane-generation\t3\t1700000200\t/nix/store/c-notnixos\t\t\t\t\n"_s;
        const RemoteGenerationList list = generationsFromOutput(output);
        QCOMPARE(list.generations.size(), 3);
        QCOMPARE(list.generations[0].number, 3);
        QVERIFY(!list.generations[0].problem.isEmpty());
        QCOMPARE(list.generations[1].number, 2);
        QVERIFY(list.generations[1].current);
        QVERIFY(list.generations[1].running);
        QCOMPARE(list.generations[1].configurationRevision, u"abc123"_s);
        QCOMPARE(list.generations[1].specialisations, QStringList{u"gaming"_s});
        QCOMPARE(list.generations[2].date.toSecsSinceEpoch(), 1700000000);
        QVERIFY(list.generations[2].booted);
        QCOMPARE(generationsFromOutput(u"snowpane:no-profile=1\n"_s).error, RemoteError::Failed);
    }

    void flakeTargets()
    {
        const QByteArray json = R"([
            {"name":"a","deploy":{"hostname":"10.0.0.1","sshUser":"deploy","sshOpts":["-o","ProxyJump=bastion"]},"colmena":{"targetHost":"ignored"}},
            {"name":"b","deploy":null,"colmena":{"targetHost":"b.lan","targetUser":"root","targetPort":2200}},
            {"name":"c","deploy":null,"colmena":null},
            {"name":"d","deploy":null,"colmena":null},
            {"name":"e","deploy":{"hostname":"-oProxyCommand=reboot","sshUser":null,"sshOpts":[]},"colmena":null}
        ])";
        const FlakeTargets targets = targetsFromJson(json, {{u"c"_s, u"admin@c.example:2022"_s}});
        QVERIFY(targets.error.isEmpty());
        QCOMPARE(targets.hosts.size(), 5);
        QCOMPARE(targets.hosts[0].source, HostTarget::Source::DeployRs);
        QCOMPARE(targets.hosts[0].target.destination(), u"deploy@10.0.0.1"_s);
        QCOMPARE(targets.hosts[0].target.options, (QStringList{u"-o"_s, u"ProxyJump=bastion"_s}));
        QCOMPARE(targets.hosts[1].source, HostTarget::Source::Colmena);
        QCOMPARE(targets.hosts[1].target.uri(), u"ssh://root@b.lan:2200"_s);
        QCOMPARE(targets.hosts[2].source, HostTarget::Source::Setting);
        QCOMPARE(targets.hosts[2].target.uri(), u"ssh://admin@c.example:2022"_s);
        QCOMPARE(targets.hosts[3].source, HostTarget::Source::HostName);
        QCOMPARE(targets.hosts[3].target.uri(), u"ssh://d"_s);
        // A hostile hostname in the flake is not used; the host's own name is.
        QCOMPARE(targets.hosts[4].source, HostTarget::Source::HostName);
        QCOMPARE(targets.hosts[4].target.host, u"e"_s);
        QVERIFY(!targets.hosts[4].problem.isEmpty());
        QVERIFY(!targetsFromJson("{", {}).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(RemoteUnitsTest)
#include "tst_remoteunits.moc"
