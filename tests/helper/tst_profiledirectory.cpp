// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ProfileDirectory: which names are a profile's generations, which
// directories it refuses, and that its changes touch only its own links.

#include "profiledirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace snowpane::helper;

class ProfileDirectoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0) {
            QFAIL("ProfileDirectory accepts root-owned directories only: run this test as root (tools/dev exec ctest)");
        }
        QVERIFY(m_dir.isValid());
    }

    void generationOfName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("generation");
        QTest::newRow("one") << QStringLiteral("channels-1-link") << 1;
        QTest::newRow("twelve") << QStringLiteral("channels-12-link") << 12;
        QTest::newRow("another profile") << QStringLiteral("channels-foo-3-link") << 0;
        QTest::newRow("another profile, numeric") << QStringLiteral("channels-2-3-link") << 0;
        QTest::newRow("the profile itself") << QStringLiteral("channels") << 0;
        QTest::newRow("no number") << QStringLiteral("channels--link") << 0;
        QTest::newRow("leading zero") << QStringLiteral("channels-03-link") << 0;
        QTest::newRow("prefix") << QStringLiteral("xchannels-3-link") << 0;
        QTest::newRow("suffix") << QStringLiteral("channels-3-link.tmp") << 0;
        QTest::newRow("path") << QStringLiteral("/nix/var/nix/profiles/per-user/root/channels-3-link") << 0;
        QTest::newRow("too large") << QStringLiteral("channels-99999999999-link") << 0;
        QTest::newRow("sign") << QStringLiteral("channels-+3-link") << 0;
    }
    void generationOfName()
    {
        QFETCH(QString, name);
        QFETCH(int, generation);
        QCOMPARE(ProfileDirectory::generationOfName(QStringLiteral("channels"), name), generation);
    }

    void refusesDirectoriesOthersCanChange()
    {
        const QString groupWritable = m_dir.filePath(QStringLiteral("group-writable"));
        QVERIFY(QDir().mkpath(groupWritable));
        QCOMPARE(::chmod(QFile::encodeName(groupWritable).constData(), 0775), 0);
        QVERIFY(!ProfileDirectory::open(groupWritable + QStringLiteral("/channels"), false).isOk());

        const QString notRoots = m_dir.filePath(QStringLiteral("not-roots"));
        QVERIFY(QDir().mkpath(notRoots));
        QCOMPARE(::chown(QFile::encodeName(notRoots).constData(), 65534, 65534), 0);
        QVERIFY(!ProfileDirectory::open(notRoots + QStringLiteral("/channels"), false).isOk());

        const QString real = m_dir.filePath(QStringLiteral("real"));
        QVERIFY(QDir().mkpath(real));
        QVERIFY(QFile::link(real, m_dir.filePath(QStringLiteral("linked"))));
        const auto linked = ProfileDirectory::open(m_dir.filePath(QStringLiteral("linked/channels")), false);
        QVERIFY(!linked.isOk());
        QVERIFY2(linked.error().contains(QLatin1String("symbolic link")), qPrintable(linked.error()));

        QVERIFY(!ProfileDirectory::open(QStringLiteral("relative/channels"), false).isOk());
        QVERIFY(!ProfileDirectory::open(m_dir.filePath(QStringLiteral("real/../real/channels")), false).isOk());
        QVERIFY(ProfileDirectory::open(real + QStringLiteral("/channels"), false).isOk());
        QVERIFY(!ProfileDirectory::open(m_dir.filePath(QStringLiteral("made/on/the/way/channels")), false).isOk());
        QVERIFY(ProfileDirectory::open(m_dir.filePath(QStringLiteral("made/on/the/way/channels")), true).isOk());
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("made/on/the/way"))).isDir());
    }

    void changesOnlyItsOwnLinks()
    {
        const QString directory = m_dir.filePath(QStringLiteral("profiles"));
        QVERIFY(QDir().mkpath(directory));
        for (const char *name : {"channels-1-link", "channels-2-link", "channels-foo-3-link"}) {
            QVERIFY(QFile::link(QStringLiteral("/nix/store/x-%1").arg(QLatin1String(name)), directory + QLatin1Char('/') + QLatin1String(name)));
        }
        QVERIFY(QFile::link(QStringLiteral("channels-2-link"), directory + QStringLiteral("/channels")));
        const auto opened = ProfileDirectory::open(directory + QStringLiteral("/channels"), false);
        QVERIFY2(opened.isOk(), qPrintable(opened.error()));
        const ProfileDirectory &profile = opened.value();
        QCOMPARE(profile.currentGeneration(), 2);
        QCOMPARE(profile.generations().keys(), (QList<int>{1, 2}));
        QCOMPARE(profile.generations().value(1), QStringLiteral("/nix/store/x-channels-1-link"));

        QVERIFY(!profile.removeGeneration(2).isOk()); // the current one
        QVERIFY(!profile.pointAt(5).isOk()); // does not exist
        QVERIFY(profile.pointAt(1).isOk());
        QCOMPARE(QFile::symLinkTarget(directory + QStringLiteral("/channels")), directory + QStringLiteral("/channels-1-link"));
        QVERIFY(profile.removeGeneration(2).isOk());
        QVERIFY(profile.removeGeneration(2).isOk()); // gone already: nothing to do
        QCOMPARE(QDir(directory).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot, QDir::Name),
                 (QStringList{QStringLiteral("channels"), QStringLiteral("channels-1-link"), QStringLiteral("channels-foo-3-link")}));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(ProfileDirectoryTest)
#include "tst_profiledirectory.moc"
