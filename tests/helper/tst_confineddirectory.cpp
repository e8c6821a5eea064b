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

using namespace snowpane::helper;

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
        m_config = m_root->filePath(QStringLiteral("nixos"));
        m_outside = m_root->filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(m_config));
        QVERIFY(QDir().mkpath(m_outside));
        QVERIFY(::chmod(QFile::encodeName(m_config).constData(), 0755) == 0);
        QFile secret(m_outside + QStringLiteral("/shadow"));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("root:secret\n");
    }

    void writesNewFileAtomically()
    {
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY2(dir.isOk(), qPrintable(dir.error()));
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("configuration.nix")), "{ }\n").isOk());
        QCOMPARE(readAll(m_config + QStringLiteral("/configuration.nix")), QByteArray("{ }\n"));
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(m_config + QStringLiteral("/configuration.nix")).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0644));
        QCOMPARE(st.st_uid, uid_t(0));
        // No temporary file is left behind.
        QCOMPARE(QDir(m_config).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("configuration.nix")});
    }

    void keepsOwnerAndMode()
    {
        const QString path = m_config + QStringLiteral("/secrets.nix");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
        file.close();
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 1234, 4321), 0);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("secrets.nix")), "new").isOk());
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
        const QString path = m_config + QStringLiteral("/tool.nix");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
        file.close();
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 1234, 4321), 0);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 06755), 0);
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY2(dir.isOk(), qPrintable(dir.error()));
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("tool.nix")), "new").isOk());
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
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("tool.nix")), "again", as).isOk());
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0755));
    }

    void createsSubdirectories()
    {
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("hosts/laptop/default.nix")), "{ }").isOk());
        QCOMPARE(readAll(m_config + QStringLiteral("/hosts/laptop/default.nix")), QByteArray("{ }"));
    }

    void refusesSymlinkToShadow()
    {
        const QString link = m_config + QStringLiteral("/configuration.nix");
        QVERIFY(QFile::link(m_outside + QStringLiteral("/shadow"), link));
        auto dir = ConfinedDirectory::open(m_config);
        const auto written = dir.value().writeAtomically(name(QStringLiteral("configuration.nix")), "pwned");
        QVERIFY(!written.isOk());
        QVERIFY2(written.error().contains(QLatin1String("symbolic link")), qPrintable(written.error()));
        QCOMPARE(readAll(m_outside + QStringLiteral("/shadow")), QByteArray("root:secret\n"));
        QVERIFY(QFileInfo(link).isSymLink());
        // Reading through it is refused too.
        QVERIFY(!dir.value().read(name(QStringLiteral("configuration.nix")), 1024).isOk());
    }

    void refusesSymlinkToRealShadow()
    {
        const QString link = m_config + QStringLiteral("/shadow.nix");
        QVERIFY(QFile::link(QStringLiteral("/etc/shadow"), link));
        const QByteArray before = readAll(QStringLiteral("/etc/shadow"));
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(!dir.value().writeAtomically(name(QStringLiteral("shadow.nix")), "root::0:0:::::\n").isOk());
        QCOMPARE(readAll(QStringLiteral("/etc/shadow")), before);
    }

    void refusesSymlinkedDirectory()
    {
        QVERIFY(QFile::link(m_outside, m_config + QStringLiteral("/hosts")));
        auto dir = ConfinedDirectory::open(m_config);
        const auto written = dir.value().writeAtomically(name(QStringLiteral("hosts/shadow.nix")), "pwned");
        QVERIFY(!written.isOk());
        QVERIFY2(written.error().contains(QLatin1String("symbolic link")), qPrintable(written.error()));
        QVERIFY(!QFile::exists(m_outside + QStringLiteral("/shadow.nix")));
    }

    void refusesDeepSymlinkedDirectory()
    {
        QVERIFY(QDir().mkpath(m_config + QStringLiteral("/a/b")));
        QVERIFY(QFile::link(QStringLiteral("/etc"), m_config + QStringLiteral("/a/b/c")));
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(!dir.value().writeAtomically(name(QStringLiteral("a/b/c/cron.nix")), "x").isOk());
        QVERIFY(!QFile::exists(QStringLiteral("/etc/cron.nix")));
    }

    void refusesNonRegularFiles()
    {
        QCOMPARE(::mkfifo(QFile::encodeName(m_config + QStringLiteral("/fifo.nix")).constData(), 0644), 0);
        QVERIFY(QDir().mkpath(m_config + QStringLiteral("/dir.nix")));
        auto dir = ConfinedDirectory::open(m_config);
        QVERIFY(!dir.value().writeAtomically(name(QStringLiteral("fifo.nix")), "x").isOk());
        QVERIFY(!dir.value().writeAtomically(name(QStringLiteral("dir.nix")), "x").isOk());
        QVERIFY(!dir.value().read(name(QStringLiteral("fifo.nix")), 10).isOk());
    }

    void readsAndReportsMissing()
    {
        auto dir = ConfinedDirectory::open(m_config);
        const auto missing = dir.value().read(name(QStringLiteral("missing/x.nix")), 10);
        QVERIFY2(missing.isOk(), qPrintable(missing.error()));
        QVERIFY(!missing.value().has_value());
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("x.nix")), "0123456789abc").isOk());
        QVERIFY(!dir.value().read(name(QStringLiteral("x.nix")), 10).isOk()); // over the cap
        QCOMPARE(*dir.value().read(name(QStringLiteral("x.nix")), 100).value(), QByteArray("0123456789abc"));
    }

    void refusesUnsafeDirectory()
    {
        QVERIFY(!ConfinedDirectory::open(QStringLiteral("relative/path")).isOk());
        QVERIFY(!ConfinedDirectory::open(m_root->filePath(QStringLiteral("missing"))).isOk());
        // A linked configuration directory is not followed either.
        QVERIFY(QFile::link(m_outside, m_root->filePath(QStringLiteral("linked"))));
        QVERIFY(!ConfinedDirectory::open(m_root->filePath(QStringLiteral("linked"))).isOk());
        QCOMPARE(::chmod(QFile::encodeName(m_config).constData(), 0777), 0);
        const auto worldWritable = ConfinedDirectory::open(m_config);
        QVERIFY(!worldWritable.isOk());
        QVERIFY(worldWritable.error().contains(QLatin1String("root")));
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
        QTest::newRow("root's") << QStringLiteral("hosts/laptop.nix") << QStringLiteral("hosts") << 0u << 0755u << QString();
        QTest::newRow("root's, private") << QStringLiteral("hosts/laptop.nix") << QStringLiteral("hosts") << 0u << 0700u << QString();
        QTest::newRow("a user's") << QStringLiteral("hosts/laptop.nix") << QStringLiteral("hosts") << 1000u << 0755u
                                  << QStringLiteral("'hosts' is owned by uid 1000");
        QTest::newRow("a user's, deeper") << QStringLiteral("a/b/c/x.nix") << QStringLiteral("a/b") << 1000u << 0755u
                                          << QStringLiteral("'a/b' is owned by uid 1000");
        QTest::newRow("a user's, last") << QStringLiteral("a/b/c/x.nix") << QStringLiteral("a/b/c") << 4201u << 0700u
                                        << QStringLiteral("'a/b/c' is owned by uid 4201");
        QTest::newRow("group-writable") << QStringLiteral("hosts/x.nix") << QStringLiteral("hosts") << 0u << 0775u
                                        << QStringLiteral("'hosts' is writable by its group or by others (mode 0775)");
        QTest::newRow("world-writable") << QStringLiteral("hosts/x.nix") << QStringLiteral("hosts") << 0u << 0757u << QStringLiteral("(mode 0757)");
        QTest::newRow("sticky /tmp-like") << QStringLiteral("tmp/x.nix") << QStringLiteral("tmp") << 0u << 01777u << QStringLiteral("'tmp' is writable");
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
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("new/deeper/x.nix")), "{ }").isOk());
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("new/deeper/x.nix")), "{ a = 1; }").isOk());
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(m_config + QStringLiteral("/new/deeper")).constData(), &st), 0);
        QCOMPARE(st.st_uid, uid_t(0));
        QCOMPARE(st.st_mode & 022, mode_t(0));
    }

    // .git must be a real directory of root's alone, and so must each entry in it.
    void checksTheRepositoryDirectory_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("reason"); // empty: opened
        QTest::newRow("none") << QStringLiteral("none") << QString();
        QTest::newRow("root's") << QStringLiteral("root") << QString();
        QTest::newRow("a user's") << QStringLiteral("user") << QStringLiteral(".git is owned by uid 1000");
        QTest::newRow("group-writable") << QStringLiteral("group") << QStringLiteral(".git is writable by its group or by others (mode 0775)");
        QTest::newRow("world-writable") << QStringLiteral("world") << QStringLiteral("(mode 0777)");
        QTest::newRow("a link") << QStringLiteral("link") << QStringLiteral(".git is a symbolic link");
        QTest::newRow("a file") << QStringLiteral("file") << QStringLiteral(".git is not a directory");
        QTest::newRow("objects of a user's") << QStringLiteral("objects") << QStringLiteral(".git/objects is owned by uid 1000");
        QTest::newRow("config writable") << QStringLiteral("config") << QStringLiteral(".git/config is writable by its group or by others (mode 0666)");
        QTest::newRow("objects linked") << QStringLiteral("linked objects") << QStringLiteral(".git/objects is a symbolic link");
    }
    void checksTheRepositoryDirectory()
    {
        QFETCH(QString, setup);
        QFETCH(QString, reason);
        const QString git = m_config + QStringLiteral("/.git");
        const QByteArray path = QFile::encodeName(git);
        if (setup == QLatin1String("link")) {
            QVERIFY(QFile::link(m_outside, git));
        } else if (setup == QLatin1String("file")) {
            QFile file(git);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("gitdir: /root/elsewhere\n");
        } else if (setup != QLatin1String("none")) {
            QVERIFY(QDir().mkpath(git + QStringLiteral("/refs")));
            QCOMPARE(::chmod(path.constData(), 0755), 0);
            QFile config(git + QStringLiteral("/config"));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write("[core]\n");
            config.close();
            QCOMPARE(::chmod(QFile::encodeName(config.fileName()).constData(), 0644), 0);
            if (setup == QLatin1String("linked objects")) {
                QVERIFY(QFile::link(m_outside, git + QStringLiteral("/objects")));
            } else {
                QVERIFY(QDir().mkpath(git + QStringLiteral("/objects")));
            }
        }
        if (setup == QLatin1String("user")) {
            QCOMPARE(::chown(path.constData(), 1000, 1000), 0);
        } else if (setup == QLatin1String("group")) {
            QCOMPARE(::chmod(path.constData(), 0775), 0);
        } else if (setup == QLatin1String("world")) {
            QCOMPARE(::chmod(path.constData(), 0777), 0);
        } else if (setup == QLatin1String("objects")) {
            QCOMPARE(::chown(QFile::encodeName(git + QStringLiteral("/objects")).constData(), 1000, 1000), 0);
        } else if (setup == QLatin1String("config")) {
            QCOMPARE(::chmod(QFile::encodeName(git + QStringLiteral("/config")).constData(), 0666), 0);
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
        QTest::newRow("0644") << QStringLiteral("a.nix") << 0644u << 0755u << QString();
        QTest::newRow("0604") << QStringLiteral("a.nix") << 0604u << 0755u << QString();
        QTest::newRow("0600") << QStringLiteral("a.nix") << 0600u << 0755u << QStringLiteral("a.nix can be read by its owner only (mode 0600)");
        QTest::newRow("0640") << QStringLiteral("a.nix") << 0640u << 0755u << QStringLiteral("(mode 0640)");
        QTest::newRow("0000") << QStringLiteral("a.nix") << 0000u << 0755u << QStringLiteral("(mode 0000)");
        QTest::newRow("in 0711") << QStringLiteral("d/a.nix") << 0644u << 0711u << QString();
        QTest::newRow("in 0700") << QStringLiteral("d/a.nix") << 0644u << 0700u
                                 << QStringLiteral("in the directory 'd', which others cannot enter (mode 0700)");
        QTest::newRow("in 0754") << QStringLiteral("d/a.nix") << 0644u << 0754u << QStringLiteral("(mode 0754)");
        QTest::newRow("missing") << QStringLiteral("d/missing.nix") << 0u << 0755u << QString();
    }
    void whyPrivate()
    {
        QFETCH(QString, file);
        QFETCH(uint, fileMode);
        QFETCH(uint, directoryMode);
        QFETCH(QString, reason);
        const QString path = m_config + QLatin1Char('/') + file;
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        if (!file.contains(QLatin1String("missing"))) {
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
        QVERIFY(dir.value().writeAtomically(name(QStringLiteral("shared.nix")), "{ }").isOk());
        QCOMPARE(dir.value().status(name(QStringLiteral("shared.nix"))).value().links, quint64(1));
        QCOMPARE(::link(QFile::encodeName(m_config + QStringLiteral("/shared.nix")).constData(),
                        QFile::encodeName(m_outside + QStringLiteral("/other-name")).constData()),
                 0);
        QCOMPARE(dir.value().status(name(QStringLiteral("shared.nix"))).value().links, quint64(2));
    }

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_config;
    QString m_outside;
};

QTEST_GUILESS_MAIN(ConfinedDirectoryTest)
#include "tst_confineddirectory.moc"
