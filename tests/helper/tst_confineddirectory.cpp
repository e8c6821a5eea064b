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

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_config;
    QString m_outside;
};

QTEST_GUILESS_MAIN(ConfinedDirectoryTest)
#include "tst_confineddirectory.moc"
