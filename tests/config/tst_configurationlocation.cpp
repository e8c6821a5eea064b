// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Who writes a configuration directory, and where a first start finds one:
// the pure decision over every kind of directory, the same decision on real
// directories (a link, another user's, a group-writable one), and the
// candidates NixOS's and nh's hints name.

#include "configurationlocation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::Config;

Q_DECLARE_METATYPE(Snowpane::Config::Writer)
Q_DECLARE_METATYPE(Snowpane::Config::DirectoryFacts)

namespace
{

constexpr uid_t Me = 1000;
constexpr uid_t Other = 1001;

QString nameOf(uid_t uid)
{
    return uid == 0 ? u"root"_s : uid == Me ? u"alice"_s : uid == Other ? u"mallory"_s : u"uid %1"_s.arg(uid);
}

DirectoryFacts directory(uid_t owner, mode_t mode)
{
    return DirectoryFacts{true, false, true, owner, mode};
}

void touch(const QString &path, const QByteArray &text = "{ }\n")
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class ConfigurationLocationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decision_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<DirectoryFacts>("facts");
        QTest::addColumn<Writer>("writer");
        QTest::addColumn<QString>("reasonHas");

        QTest::newRow("root's /etc/nixos") << u"/etc/nixos"_s << directory(0, 0755) << Writer::Helper << QString();
        QTest::newRow("root's, owner-writable only") << u"/etc/nixos"_s << directory(0, 0700) << Writer::Helper << QString();
        QTest::newRow("my own flake") << u"/home/alice/cfg"_s << directory(Me, 0755) << Writer::User << QString();
        QTest::newRow("my own, private") << u"/home/alice/cfg"_s << directory(Me, 0700) << Writer::User << QString();
        QTest::newRow("another user's") << u"/home/mallory/cfg"_s << directory(Other, 0755) << Writer::Refused << u"belongs to mallory"_s;
        QTest::newRow("another user's names me too") << u"/home/mallory/cfg"_s << directory(Other, 0700) << Writer::Refused << u"(alice)"_s;
        QTest::newRow("unknown uid") << u"/srv/cfg"_s << directory(4242, 0755) << Writer::Refused << u"uid 4242"_s;
        QTest::newRow("mine, group-writable") << u"/home/alice/cfg"_s << directory(Me, 0775) << Writer::Refused << u"group"_s;
        QTest::newRow("root's, group-writable") << u"/etc/nixos"_s << directory(0, 0775) << Writer::Refused << u"group"_s;
        QTest::newRow("mine, world-writable") << u"/home/alice/cfg"_s << directory(Me, 0757) << Writer::Refused << u"every user"_s;
        QTest::newRow("world-writable and sticky") << u"/tmp"_s << directory(0, 01777) << Writer::Refused << u"every user"_s;
        QTest::newRow("a symbolic link") << u"/etc/nixos"_s << DirectoryFacts{true, true, false, Me, 0777} << Writer::Refused << u"symbolic link"_s;
        QTest::newRow("a link owned by root") << u"/etc/nixos"_s << DirectoryFacts{true, true, false, 0, 0777} << Writer::Refused << u"symbolic link"_s;
        QTest::newRow("a file") << u"/home/alice/cfg"_s << DirectoryFacts{true, false, false, Me, 0644} << Writer::Refused << u"not a directory"_s;
        QTest::newRow("missing") << u"/home/alice/cfg"_s << DirectoryFacts{} << Writer::Refused << u"does not exist"_s;
        QTest::newRow("relative") << u"cfg"_s << directory(Me, 0755) << Writer::Refused << u"absolute"_s;
        QTest::newRow("dot-dot") << u"/home/alice/../mallory/cfg"_s << directory(Me, 0755) << Writer::Refused << u"absolute"_s;
        QTest::newRow("empty") << QString() << directory(Me, 0755) << Writer::Refused << u"absolute"_s;
    }

    void decision()
    {
        QFETCH(QString, path);
        QFETCH(DirectoryFacts, facts);
        QFETCH(Writer, writer);
        QFETCH(QString, reasonHas);
        const WriterDecision decision = decideWriter(path, facts, Me, nameOf);
        QCOMPARE(decision.writer, writer);
        if (writer == Writer::Refused) {
            QVERIFY2(decision.reason.contains(reasonHas), qPrintable(decision.reason));
            QVERIFY2(path.isEmpty() || decision.reason.contains(path), qPrintable(decision.reason));
        } else {
            QVERIFY(decision.reason.isEmpty());
        }
    }

    // The same decision on real directories: lstat, never a followed link.
    void realDirectories()
    {
        QVERIFY2(::geteuid() == 0, "this test makes directories of other owners and runs as root in the build root (tools/dev exec)");
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString mine = scratch.filePath(u"mine"_s);
        const QString theirs = scratch.filePath(u"theirs"_s);
        const QString shared = scratch.filePath(u"shared"_s);
        const QString link = scratch.filePath(u"link"_s);
        for (const QString &dir : {mine, theirs, shared}) {
            QVERIFY(QDir().mkdir(dir));
            QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0755), 0);
        }
        QCOMPARE(::chown(QFile::encodeName(mine).constData(), Me, Me), 0);
        QCOMPARE(::chown(QFile::encodeName(theirs).constData(), Other, Other), 0);
        QCOMPARE(::chown(QFile::encodeName(shared).constData(), Me, Me), 0);
        QCOMPARE(::chmod(QFile::encodeName(shared).constData(), 0775), 0);
        QVERIFY(QFile::link(mine, link));

        QCOMPARE(decideWriter(mine, inspectDirectory(mine), Me).writer, Writer::User);
        const WriterDecision other = decideWriter(theirs, inspectDirectory(theirs), Me);
        QCOMPARE(other.writer, Writer::Refused);
        QVERIFY2(other.reason.contains(userName(Other)), qPrintable(other.reason));
        QCOMPARE(decideWriter(shared, inspectDirectory(shared), Me).writer, Writer::Refused);
        const WriterDecision linked = decideWriter(link, inspectDirectory(link), Me);
        QCOMPARE(linked.writer, Writer::Refused);
        QVERIFY2(linked.reason.contains(u"symbolic link"_s), qPrintable(linked.reason));
        QCOMPARE(whoWrites(scratch.path(), 0).writer, Writer::Helper); // QTemporaryDir is 0700, root's
        QCOMPARE(whoWrites(scratch.filePath(u"missing"_s), Me).writer, Writer::Refused);
        QCOMPARE(userName(0), u"root"_s);
    }

    void candidates()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString etc = scratch.filePath(u"etc-nixos"_s);
        const QString home = scratch.filePath(u"home"_s);
        touch(etc + u"/flake.nix"_s);
        touch(etc + u"/configuration.nix"_s);
        touch(home + u"/cfg/flake.nix"_s);
        touch(home + u"/old/configuration.nix"_s);
        touch(home + u"/dots/flake.nix"_s);

        // Both files in /etc/nixos: one flake candidate naming both.
        auto found = findCandidates({}, etc);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].directory, etc);
        QCOMPARE(found[0].kind, Candidate::Kind::Flake);
        QCOMPARE(found[0].sources, (QStringList{etc + u"/flake.nix"_s, etc + u"/configuration.nix"_s}));

        found = findCandidates({{u"HOME"_s, home},
                                {u"NIXOS_CONFIG"_s, home + u"/old/configuration.nix"_s},
                                {u"NH_OS_FLAKE"_s, u"~/cfg#laptop"_s},
                                {u"NH_FLAKE"_s, u"git+file://"_s + home + u"/dots?ref=main#desk"_s}},
                               etc);
        QCOMPARE(found.size(), std::size_t(4));
        QCOMPARE(found[1].directory, home + u"/old"_s);
        QCOMPARE(found[1].kind, Candidate::Kind::Classic);
        QCOMPARE(found[1].sources, QStringList{u"NIXOS_CONFIG"_s});
        QCOMPARE(found[2].directory, home + u"/cfg"_s);
        QCOMPARE(found[2].host, u"laptop"_s);
        QCOMPARE(found[2].sources, QStringList{u"NH_OS_FLAKE"_s});
        QCOMPARE(found[3].directory, home + u"/dots"_s);
        QCOMPARE(found[3].host, u"desk"_s);

        // Two hints for one directory: one candidate, both sources.
        found = findCandidates({{u"NH_OS_FLAKE"_s, u"path:"_s + home + u"/cfg"_s}, {u"NH_FLAKE"_s, home + u"/cfg/"_s}}, scratch.filePath(u"none"_s));
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].sources, (QStringList{u"NH_OS_FLAKE"_s, u"NH_FLAKE"_s}));
    }

    // Hints that name nothing usable are left out; a link is resolved and both names are shown.
    void hostileCandidates()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString real = scratch.filePath(u"real"_s);
        touch(real + u"/flake.nix"_s);
        touch(scratch.filePath(u"plain/readme.txt"_s));
        const QString etc = scratch.filePath(u"etc-nixos"_s);
        QVERIFY(QFile::link(real, etc));

        auto found = findCandidates({{u"NH_FLAKE"_s, u"github:someone/dotfiles#host"_s},
                                     {u"NH_OS_FLAKE"_s, u"relative/cfg"_s},
                                     {u"NIXOS_CONFIG"_s, scratch.filePath(u"plain/readme.txt"_s)}},
                                    etc);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].directory, real);
        QCOMPARE(found[0].linkedFrom, etc);

        // A directory without flake.nix is not a flake; "~" without HOME expands to nothing.
        found = findCandidates({{u"NH_FLAKE"_s, scratch.filePath(u"plain"_s)}, {u"NH_OS_FLAKE"_s, u"~/real"_s}}, scratch.filePath(u"none"_s));
        QCOMPARE(found.size(), std::size_t(0));
        // Nothing anywhere: nothing offered, nothing picked.
        QCOMPARE(findCandidates({}, scratch.filePath(u"none"_s)).size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(ConfigurationLocationTest)

#include "tst_configurationlocation.moc"
