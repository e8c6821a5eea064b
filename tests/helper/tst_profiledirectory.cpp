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

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

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
        QTest::newRow("one") << u"channels-1-link"_s << 1;
        QTest::newRow("twelve") << u"channels-12-link"_s << 12;
        QTest::newRow("another profile") << u"channels-foo-3-link"_s << 0;
        QTest::newRow("another profile, numeric") << u"channels-2-3-link"_s << 0;
        QTest::newRow("the profile itself") << u"channels"_s << 0;
        QTest::newRow("no number") << u"channels--link"_s << 0;
        QTest::newRow("leading zero") << u"channels-03-link"_s << 0;
        QTest::newRow("prefix") << u"xchannels-3-link"_s << 0;
        QTest::newRow("suffix") << u"channels-3-link.tmp"_s << 0;
        QTest::newRow("path") << u"/nix/var/nix/profiles/per-user/root/channels-3-link"_s << 0;
        QTest::newRow("too large") << u"channels-99999999999-link"_s << 0;
        QTest::newRow("sign") << u"channels-+3-link"_s << 0;
    }
    void generationOfName()
    {
        QFETCH(QString, name);
        QFETCH(int, generation);
        QCOMPARE(ProfileDirectory::generationOfName(u"channels"_s, name), generation);
    }

    void refusesDirectoriesOthersCanChange()
    {
        const QString groupWritable = m_dir.filePath(u"group-writable"_s);
        QVERIFY(QDir().mkpath(groupWritable));
        QCOMPARE(::chmod(QFile::encodeName(groupWritable).constData(), 0775), 0);
        QVERIFY(!ProfileDirectory::open(groupWritable + u"/channels"_s, false).isOk());

        const QString notRoots = m_dir.filePath(u"not-roots"_s);
        QVERIFY(QDir().mkpath(notRoots));
        QCOMPARE(::chown(QFile::encodeName(notRoots).constData(), 65534, 65534), 0);
        QVERIFY(!ProfileDirectory::open(notRoots + u"/channels"_s, false).isOk());

        const QString real = m_dir.filePath(u"real"_s);
        QVERIFY(QDir().mkpath(real));
        QVERIFY(QFile::link(real, m_dir.filePath(u"linked"_s)));
        const auto linked = ProfileDirectory::open(m_dir.filePath(u"linked/channels"_s), false);
        QVERIFY(!linked.isOk());
        QVERIFY2(linked.error().contains("symbolic link"_L1), qPrintable(linked.error()));

        QVERIFY(!ProfileDirectory::open(u"relative/channels"_s, false).isOk());
        QVERIFY(!ProfileDirectory::open(m_dir.filePath(u"real/../real/channels"_s), false).isOk());
        QVERIFY(ProfileDirectory::open(real + u"/channels"_s, false).isOk());
        QVERIFY(!ProfileDirectory::open(m_dir.filePath(u"made/on/the/way/channels"_s), false).isOk());
        QVERIFY(ProfileDirectory::open(m_dir.filePath(u"made/on/the/way/channels"_s), true).isOk());
        QVERIFY(QFileInfo(m_dir.filePath(u"made/on/the/way"_s)).isDir());
    }

    void changesOnlyItsOwnLinks()
    {
        const QString directory = m_dir.filePath(u"profiles"_s);
        QVERIFY(QDir().mkpath(directory));
        for (const char *name : {"channels-1-link", "channels-2-link", "channels-foo-3-link"}) {
            QVERIFY(QFile::link(u"/nix/store/x-%1"_s.arg(QLatin1String(name)), directory + QLatin1Char('/') + QLatin1String(name)));
        }
        QVERIFY(QFile::link(u"channels-2-link"_s, directory + u"/channels"_s));
        const auto opened = ProfileDirectory::open(directory + u"/channels"_s, false);
        QVERIFY2(opened.isOk(), qPrintable(opened.error()));
        const ProfileDirectory &profile = opened.value();
        QCOMPARE(profile.currentGeneration(), 2);
        QCOMPARE(profile.generations().keys(), (QList<int>{1, 2}));
        QCOMPARE(profile.generations().value(1), u"/nix/store/x-channels-1-link"_s);

        QVERIFY(!profile.removeGeneration(2).isOk()); // the current one
        QVERIFY(!profile.pointAt(5).isOk()); // does not exist
        QVERIFY(profile.pointAt(1).isOk());
        QCOMPARE(QFile::symLinkTarget(directory + u"/channels"_s), directory + u"/channels-1-link"_s);
        QVERIFY(profile.removeGeneration(2).isOk());
        QVERIFY(profile.removeGeneration(2).isOk()); // gone already: nothing to do
        QCOMPARE(QDir(directory).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot, QDir::Name),
                 (QStringList{u"channels"_s, u"channels-1-link"_s, u"channels-foo-3-link"_s}));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(ProfileDirectoryTest)
#include "tst_profiledirectory.moc"
