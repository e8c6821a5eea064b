// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Which configured directories the helper builds from, and which of them it
// may also write: root's, or a person's own that it only reads.

#include "builddirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

Q_DECLARE_METATYPE(Snowpane::Helper::BuildDirectoryOwner)

class BuildDirectoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("link");
        QTest::addColumn<bool>("directory");
        QTest::addColumn<uint>("owner");
        QTest::addColumn<uint>("mode");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<BuildDirectoryOwner>("kind");

        QTest::newRow("root's /etc/nixos") << u"/etc/nixos"_s << false << true << 0u << 0755u << true << BuildDirectoryOwner::Root;
        QTest::newRow("a person's flake") << u"/home/alice/cfg"_s << false << true << 1000u << 0755u << true << BuildDirectoryOwner::User;
        QTest::newRow("a person's private flake") << u"/home/alice/cfg"_s << false << true << 1000u << 0700u << true << BuildDirectoryOwner::User;
        QTest::newRow("group-writable") << u"/home/alice/cfg"_s << false << true << 1000u << 0775u << false << BuildDirectoryOwner::User;
        QTest::newRow("world-writable") << u"/srv/cfg"_s << false << true << 0u << 0777u << false << BuildDirectoryOwner::Root;
        QTest::newRow("sticky /tmp") << u"/tmp"_s << false << true << 0u << 01777u << false << BuildDirectoryOwner::Root;
        QTest::newRow("a link") << u"/etc/nixos"_s << true << false << 0u << 0777u << false << BuildDirectoryOwner::Root;
        QTest::newRow("a file") << u"/etc/nixos"_s << false << false << 0u << 0644u << false << BuildDirectoryOwner::Root;
        QTest::newRow("relative") << u"cfg"_s << false << true << 1000u << 0755u << false << BuildDirectoryOwner::User;
        QTest::newRow("dot-dot") << u"/home/alice/../bob"_s << false << true << 1000u << 0755u << false << BuildDirectoryOwner::User;
    }

    void classify()
    {
        QFETCH(QString, path);
        QFETCH(bool, link);
        QFETCH(bool, directory);
        QFETCH(uint, owner);
        QFETCH(uint, mode);
        QFETCH(bool, accepted);
        QFETCH(BuildDirectoryOwner, kind);
        const auto result = classifyBuildDirectory(path, link, directory, owner, mode);
        QCOMPARE(result.isOk(), accepted);
        if (accepted) {
            QCOMPARE(result.value().kind, kind);
            QCOMPARE(result.value().owner, uid_t(owner));
        } else {
            QVERIFY2(result.error().contains(path), qPrintable(result.error()));
        }
    }

    void onDisk()
    {
        QVERIFY2(::geteuid() == 0, "this test makes a directory of another owner and runs as root in the build root (tools/dev exec)");
        QTemporaryDir scratch;
        const QString mine = scratch.filePath(u"alice-cfg"_s);
        QVERIFY(QDir().mkdir(mine));
        QCOMPARE(::chmod(QFile::encodeName(mine).constData(), 0755), 0);
        QCOMPARE(::chown(QFile::encodeName(mine).constData(), 1000, 1000), 0);
        QCOMPARE(inspectBuildDirectory(mine).value().kind, BuildDirectoryOwner::User);
        QCOMPARE(inspectBuildDirectory(mine).value().owner, uid_t(1000));
        QCOMPARE(inspectBuildDirectory(scratch.path()).value().kind, BuildDirectoryOwner::Root);
        const QString link = scratch.filePath(u"link"_s);
        QVERIFY(QFile::link(mine, link));
        QVERIFY(!inspectBuildDirectory(link).isOk());
        QVERIFY(!inspectBuildDirectory(scratch.filePath(u"missing"_s)).isOk());
    }
};

QTEST_GUILESS_MAIN(BuildDirectoryTest)

#include "tst_builddirectory.moc"
