// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's writes inside the configuration directory, against links
// planted to lead it outside. Runs as root in the build root, as the helper does.

#include "confineddirectory.h"
#include "helperconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;

namespace
{
RelativeName name(const QString &text)
{
    auto checked = validateRelativeName(text);
    Q_ASSERT(checked.isOk());
    return checked.value();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}
}

class ConfinedDirectoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0) {
            QFAIL("this test checks ownership as the helper sees it and must run as root: run it with tools/dev exec ctest (the build root runs as root)");
        }
    }

    void init()
    {
        m_root.reset(new QTemporaryDir);
        QVERIFY(m_root->isValid());
        m_config = m_root->filePath(u"nixos"_s);
        m_outside = m_root->filePath(u"outside"_s);
        QVERIFY(QDir().mkpath(m_config));
        QVERIFY(QDir().mkpath(m_outside));
        QVERIFY(::chmod(QFile::encodeName(m_config).constData(), 0755) == 0);
        QFile secret(m_outside + u"/shadow"_s);
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("root:secret\n");
    }

    void writesNewFileAtomically()
    {
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY2(dir.isOk(), qPrintable(dir.error()));
        QVERIFY(dir.value().writeAtomically(name(u"configuration.nix"_s), "{ }\n").isOk());
        QCOMPARE(readAll(m_config + u"/configuration.nix"_s), QByteArray("{ }\n"));
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(m_config + u"/configuration.nix"_s).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0644));
        QCOMPARE(st.st_uid, uid_t(0));
        // No temporary file is left behind.
        QCOMPARE(QDir(m_config).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{u"configuration.nix"_s});
    }

    void keepsOwnerAndMode()
    {
        const QString path = m_config + u"/secrets.nix"_s;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
        file.close();
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 1234, 4321), 0);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(dir.value().writeAtomically(name(u"secrets.nix"_s), "new").isOk());
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QCOMPARE(st.st_uid, uid_t(1234));
        QCOMPARE(st.st_gid, gid_t(4321));
        QCOMPARE(readAll(path), QByteArray("new"));
    }

    // Root rewriting a setuid or setgid file must not hand out those bits again, whoever owns it.
    void dropsSetuidAndSetgid()
    {
        const QString path = m_config + u"/tool.nix"_s;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
        file.close();
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 1234, 4321), 0);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 06755), 0);
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY2(dir.isOk(), qPrintable(dir.error()));
        QVERIFY(dir.value().writeAtomically(name(u"tool.nix"_s), "new").isOk());
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0755));
        QCOMPARE(st.st_uid, uid_t(1234));
        QCOMPARE(st.st_gid, gid_t(4321));
        // Asked to put a file back "exactly as it was", the bits are dropped all the same.
        FileStatus as;
        as.owner = 0;
        as.group = 0;
        as.mode = 04755;
        QVERIFY(dir.value().writeAtomically(name(u"tool.nix"_s), "again", as).isOk());
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0755));
    }

    void createsSubdirectories()
    {
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(dir.value().writeAtomically(name(u"hosts/laptop/default.nix"_s), "{ }").isOk());
        QCOMPARE(readAll(m_config + u"/hosts/laptop/default.nix"_s), QByteArray("{ }"));
    }

    void refusesSymlinkToShadow()
    {
        const QString link = m_config + u"/configuration.nix"_s;
        QVERIFY(QFile::link(m_outside + u"/shadow"_s, link));
        auto dir = ConfinedDirectory::open(m_config);
        const auto written = dir.value().writeAtomically(name(u"configuration.nix"_s), "pwned");
        QVERIFY(!written.isOk());
        QVERIFY2(written.error().contains("symbolic link"_L1), qPrintable(written.error()));
        QCOMPARE(readAll(m_outside + u"/shadow"_s), QByteArray("root:secret\n"));
        QVERIFY(QFileInfo(link).isSymLink());
        // Reading through it is refused too.
        QVERIFY(!dir.value().read(name(u"configuration.nix"_s), 1024).isOk());
    }

    void refusesSymlinkToRealShadow()
    {
        const QString link = m_config + u"/shadow.nix"_s;
        QVERIFY(QFile::link(u"/etc/shadow"_s, link));
        const QByteArray before = readAll(u"/etc/shadow"_s);
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(!dir.value().writeAtomically(name(u"shadow.nix"_s), "root::0:0:::::\n").isOk());
        QCOMPARE(readAll(u"/etc/shadow"_s), before);
    }

    void refusesSymlinkedDirectory()
    {
        QVERIFY(QFile::link(m_outside, m_config + u"/hosts"_s));
        auto dir = ConfinedDirectory::open(m_config);
        const auto written = dir.value().writeAtomically(name(u"hosts/shadow.nix"_s), "pwned");
        QVERIFY(!written.isOk());
        QVERIFY2(written.error().contains("symbolic link"_L1), qPrintable(written.error()));
        QVERIFY(!QFile::exists(m_outside + u"/shadow.nix"_s));
    }

    void refusesDeepSymlinkedDirectory()
    {
        QVERIFY(QDir().mkpath(m_config + u"/a/b"_s));
        QVERIFY(QFile::link(u"/etc"_s, m_config + u"/a/b/c"_s));
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(!dir.value().writeAtomically(name(u"a/b/c/cron.nix"_s), "x").isOk());
        QVERIFY(!QFile::exists(u"/etc/cron.nix"_s));
    }

    void refusesNonRegularFiles()
    {
        QCOMPARE(::mkfifo(QFile::encodeName(m_config + u"/fifo.nix"_s).constData(), 0644), 0);
        QVERIFY(QDir().mkpath(m_config + u"/dir.nix"_s));
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(!dir.value().writeAtomically(name(u"fifo.nix"_s), "x").isOk());
        QVERIFY(!dir.value().writeAtomically(name(u"dir.nix"_s), "x").isOk());
        QVERIFY(!dir.value().read(name(u"fifo.nix"_s), 10).isOk());
    }

    void readsAndReportsMissing()
    {
        auto dir = ConfinedDirectory::open(m_config);
        const auto missing = dir.value().read(name(u"missing/x.nix"_s), 10);
        QVERIFY2(missing.isOk(), qPrintable(missing.error()));
        QVERIFY(!missing.value().has_value());
        QVERIFY(dir.value().writeAtomically(name(u"x.nix"_s), "0123456789abc").isOk());
        QVERIFY(!dir.value().read(name(u"x.nix"_s), 10).isOk()); // over the cap
        QCOMPARE(*dir.value().read(name(u"x.nix"_s), 100).value(), QByteArray("0123456789abc"));
    }

    void refusesUnsafeDirectory()
    {
        QVERIFY(!ConfinedDirectory::open(u"relative/path"_s).isOk());
        QVERIFY(!ConfinedDirectory::open(m_root->filePath(u"missing"_s)).isOk());
        // A linked configuration directory is not followed either.
        QVERIFY(QFile::link(m_outside, m_root->filePath(u"linked"_s)));
        QVERIFY(!ConfinedDirectory::open(m_root->filePath(u"linked"_s)).isOk());
        QCOMPARE(::chmod(QFile::encodeName(m_config).constData(), 0777), 0);
        const auto worldWritable = ConfinedDirectory::open(m_config);
        QVERIFY(!worldWritable.isOk());
        QVERIFY(worldWritable.error().contains("root"_L1));
        QCOMPARE(::chmod(QFile::encodeName(m_config).constData(), 0755), 0);
        QCOMPARE(::chown(QFile::encodeName(m_config).constData(), 1000, 0), 0);
        QVERIFY(!ConfinedDirectory::open(m_config).isOk());
    }

    // Every directory the writer walks through is root's alone, checked as it walks: the one that is not is named.
    void refusesForeignDirectoryOnTheWay_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("directory"); // made with `owner` and `mode`; its parents are root's 0755
        QTest::addColumn<uint>("owner");
        QTest::addColumn<uint>("mode");
        QTest::addColumn<QString>("reason"); // empty: allowed
        QTest::newRow("root's") << u"hosts/laptop.nix"_s << u"hosts"_s << 0u << 0755u << QString();
        QTest::newRow("root's, private") << u"hosts/laptop.nix"_s << u"hosts"_s << 0u << 0700u << QString();
        QTest::newRow("a user's") << u"hosts/laptop.nix"_s << u"hosts"_s << 1000u << 0755u << u"'hosts' is owned by uid 1000"_s;
        QTest::newRow("a user's, deeper") << u"a/b/c/x.nix"_s << u"a/b"_s << 1000u << 0755u << u"'a/b' is owned by uid 1000"_s;
        QTest::newRow("a user's, last") << u"a/b/c/x.nix"_s << u"a/b/c"_s << 4201u << 0700u << u"'a/b/c' is owned by uid 4201"_s;
        QTest::newRow("group-writable") << u"hosts/x.nix"_s << u"hosts"_s << 0u << 0775u << u"'hosts' is writable by its group or by others (mode 0775)"_s;
        QTest::newRow("world-writable") << u"hosts/x.nix"_s << u"hosts"_s << 0u << 0757u << u"(mode 0757)"_s;
        QTest::newRow("sticky /tmp-like") << u"tmp/x.nix"_s << u"tmp"_s << 0u << 01777u << u"'tmp' is writable"_s;
    }
    void refusesForeignDirectoryOnTheWay()
    {
        QFETCH(QString, file);
        QFETCH(QString, directory);
        QFETCH(uint, owner);
        QFETCH(uint, mode);
        QFETCH(QString, reason);
        const QString path = m_config + QLatin1Char('/') + directory;
        QVERIFY(QDir().mkpath(path));
        QCOMPARE(::chown(QFile::encodeName(path).constData(), owner, owner), 0);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
        const QString target = m_config + QLatin1Char('/') + file;
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        {
            QFile existing(target);
            QVERIFY(existing.open(QIODevice::WriteOnly));
            existing.write("old");
        }
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY2(dir.isOk(), qPrintable(dir.error()));
        const auto written = dir.value().writeAtomically(name(file), "new");
        const auto read = dir.value().read(name(file), 100);
        const auto status = dir.value().status(name(file));
        const auto removed = dir.value().remove(name(file));
        if (reason.isEmpty()) {
            QVERIFY2(written.isOk(), qPrintable(written.error()));
            QVERIFY(read.isOk() && status.isOk() && removed.isOk());
            return;
        }
        for (const QString &error : {written.isOk() ? QString() : written.error(),
                                     read.isOk() ? QString() : read.error(),
                                     status.isOk() ? QString() : status.error(),
                                     removed.isOk() ? QString() : removed.error()}) {
            QVERIFY2(error.contains(reason), qPrintable(error));
        }
        QCOMPARE(readAll(target), QByteArray("old"));
        // Nothing was created inside it either.
        QCOMPARE(QDir(QFileInfo(target).absolutePath()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QFileInfo(target).fileName()});
    }

    // A new directory the writer makes is root's, so the check passes for it.
    void createdDirectoriesPassTheirOwnCheck()
    {
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(dir.value().writeAtomically(name(u"new/deeper/x.nix"_s), "{ }").isOk());
        QVERIFY(dir.value().writeAtomically(name(u"new/deeper/x.nix"_s), "{ a = 1; }").isOk());
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(m_config + u"/new/deeper"_s).constData(), &st), 0);
        QCOMPARE(st.st_uid, uid_t(0));
        QCOMPARE(st.st_mode & 022, mode_t(0));
    }

    // .git must be a real directory of root's alone, and so must each entry in it.
    void checksTheRepositoryDirectory_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("reason"); // empty: opened
        QTest::newRow("none") << u"none"_s << QString();
        QTest::newRow("root's") << u"root"_s << QString();
        QTest::newRow("a user's") << u"user"_s << u".git is owned by uid 1000"_s;
        QTest::newRow("group-writable") << u"group"_s << u".git is writable by its group or by others (mode 0775)"_s;
        QTest::newRow("world-writable") << u"world"_s << u"(mode 0777)"_s;
        QTest::newRow("a link") << u"link"_s << u".git is a symbolic link"_s;
        QTest::newRow("a file") << u"file"_s << u".git is not a directory"_s;
        QTest::newRow("objects of a user's") << u"objects"_s << u".git/objects is owned by uid 1000"_s;
        QTest::newRow("config writable") << u"config"_s << u".git/config is writable by its group or by others (mode 0666)"_s;
        QTest::newRow("objects linked") << u"linked objects"_s << u".git/objects is a symbolic link"_s;
    }
    void checksTheRepositoryDirectory()
    {
        QFETCH(QString, setup);
        QFETCH(QString, reason);
        const QString git = m_config + u"/.git"_s;
        const QByteArray path = QFile::encodeName(git);
        if (setup == "link"_L1) {
            QVERIFY(QFile::link(m_outside, git));
        } else if (setup == "file"_L1) {
            QFile file(git);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("gitdir: /root/elsewhere\n");
        } else if (setup != "none"_L1) {
            QVERIFY(QDir().mkpath(git + u"/refs"_s));
            QCOMPARE(::chmod(path.constData(), 0755), 0);
            QFile config(git + u"/config"_s);
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write("[core]\n");
            config.close();
            QCOMPARE(::chmod(QFile::encodeName(config.fileName()).constData(), 0644), 0);
            if (setup == "linked objects"_L1) {
                QVERIFY(QFile::link(m_outside, git + u"/objects"_s));
            } else {
                QVERIFY(QDir().mkpath(git + u"/objects"_s));
            }
        }
        if (setup == "user"_L1) {
            QCOMPARE(::chown(path.constData(), 1000, 1000), 0);
        } else if (setup == "group"_L1) {
            QCOMPARE(::chmod(path.constData(), 0775), 0);
        } else if (setup == "world"_L1) {
            QCOMPARE(::chmod(path.constData(), 0777), 0);
        } else if (setup == "objects"_L1) {
            QCOMPARE(::chown(QFile::encodeName(git + u"/objects"_s).constData(), 1000, 1000), 0);
        } else if (setup == "config"_L1) {
            QCOMPARE(::chmod(QFile::encodeName(git + u"/config"_s).constData(), 0666), 0);
        }
        const auto dir = ConfinedDirectory::open(m_config);
        if (reason.isEmpty()) {
            QVERIFY2(dir.isOk(), qPrintable(dir.error()));
        } else {
            QVERIFY(!dir.isOk());
            QVERIFY2(dir.error().contains(reason), qPrintable(dir.error()));
        }
    }

    // Whether users other than root could read a file: its own mode, and the search bit of each directory on the way.
    void whyPrivate_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<uint>("fileMode");
        QTest::addColumn<uint>("directoryMode"); // of the file's directory, when it has one
        QTest::addColumn<QString>("reason"); // empty: readable
        QTest::newRow("0644") << u"a.nix"_s << 0644u << 0755u << QString();
        QTest::newRow("0604") << u"a.nix"_s << 0604u << 0755u << QString();
        QTest::newRow("0600") << u"a.nix"_s << 0600u << 0755u << u"a.nix can be read by its owner only (mode 0600)"_s;
        QTest::newRow("0640") << u"a.nix"_s << 0640u << 0755u << u"(mode 0640)"_s;
        QTest::newRow("0000") << u"a.nix"_s << 0000u << 0755u << u"(mode 0000)"_s;
        QTest::newRow("in 0711") << u"d/a.nix"_s << 0644u << 0711u << QString();
        QTest::newRow("in 0700") << u"d/a.nix"_s << 0644u << 0700u << u"in the directory 'd', which others cannot enter (mode 0700)"_s;
        QTest::newRow("in 0754") << u"d/a.nix"_s << 0644u << 0754u << u"(mode 0754)"_s;
        QTest::newRow("missing") << u"d/missing.nix"_s << 0u << 0755u << QString();
    }
    void whyPrivate()
    {
        QFETCH(QString, file);
        QFETCH(uint, fileMode);
        QFETCH(uint, directoryMode);
        QFETCH(QString, reason);
        const QString path = m_config + QLatin1Char('/') + file;
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        if (!file.contains("missing"_L1)) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.close();
            QCOMPARE(::chmod(QFile::encodeName(path).constData(), fileMode), 0);
        }
        if (file.contains(QLatin1Char('/'))) {
            QCOMPARE(::chmod(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), directoryMode), 0);
        }
        auto dir = ConfinedDirectory::open(m_config);
        const auto why = dir.value().whyPrivate(name(file));
        QVERIFY2(why.isOk(), qPrintable(why.error()));
        if (reason.isEmpty()) {
            QCOMPARE(why.value(), QString());
        } else {
            QVERIFY2(why.value().contains(reason), qPrintable(why.value()));
        }
    }

    void statusCountsHardLinks()
    {
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(dir.value().writeAtomically(name(u"shared.nix"_s), "{ }").isOk());
        QCOMPARE(dir.value().status(name(u"shared.nix"_s)).value().links, quint64(1));
        QCOMPARE(::link(QFile::encodeName(m_config + u"/shared.nix"_s).constData(), QFile::encodeName(m_outside + u"/other-name"_s).constData()), 0);
        QCOMPARE(dir.value().status(name(u"shared.nix"_s)).value().links, quint64(2));
    }

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_config;
    QString m_outside;
};

QTEST_GUILESS_MAIN(ConfinedDirectoryTest)
#include "tst_confineddirectory.moc"
