// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Which nixpkgs a configuration's catalog comes from, with real Nix: a
// flake's locked nixpkgs input (a path beside it, or a git repository that
// only Nix can fetch), NIX_PATH for a classic configuration, and the
// messages when a flake has no lock or no nixpkgs input.

#include "catalogsource.h"
#include "nixtools.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

namespace
{

const QString fixtures = QStringLiteral(SNOWPANE_SOURCE_DIR "/tests/fixtures");

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target)) {
            return false;
        }
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class CatalogSourceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = NixTools::requireNix();
        if (!missing.isEmpty()) {
            QFAIL(qPrintable(missing));
        }
        qputenv("NIX_CONFIG", "substituters =\nexperimental-features = nix-command flakes\n");
        // Flakes in git repositories need a committer; never the user's configuration.
        qputenv("GIT_CONFIG_GLOBAL", "/dev/null");
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        qputenv("GIT_AUTHOR_NAME", "Snowpane Test");
        qputenv("GIT_AUTHOR_EMAIL", "test@snowpane.invalid");
        qputenv("GIT_COMMITTER_NAME", "Snowpane Test");
        qputenv("GIT_COMMITTER_EMAIL", "test@snowpane.invalid");
        QVERIFY(m_dir.isValid());
    }

    void classicUsesNixPath()
    {
        const QString nixpkgs = m_dir.filePath(u"classic-nixpkgs"_s);
        QVERIFY(copyTree(fixtures + u"/nixpkgs"_s, nixpkgs));
        const QByteArray saved = qgetenv("NIX_PATH");
        qputenv("NIX_PATH", QByteArray("nixpkgs=" + nixpkgs.toUtf8()));
        QString error;
        const CatalogSource source = CatalogSource::forConfiguration(fixtures + u"/demo"_s, &error);
        qputenv("NIX_PATH", saved);
        QVERIFY2(source.isValid(), qPrintable(error));
        QCOMPARE(source.nixpkgs, QFileInfo(nixpkgs).canonicalFilePath());
    }

    void flakePathInput()
    {
        // The demo flake's lock names ../nixpkgs.
        const QString root = m_dir.filePath(u"path-input"_s);
        QVERIFY(copyTree(fixtures + u"/flake"_s, root + u"/flake"_s));
        QVERIFY(copyTree(fixtures + u"/nixpkgs"_s, root + u"/nixpkgs"_s));
        QString error;
        const CatalogSource source = CatalogSource::forConfiguration(root + u"/flake"_s, &error);
        QVERIFY2(source.isValid(), qPrintable(error));
        QCOMPARE(source.nixpkgs, QFileInfo(root + u"/nixpkgs"_s).canonicalFilePath());
    }

    void flakeGitInputIsFetchedByNix()
    {
        // nixpkgs as a git repository, locked by real `nix flake lock`: only
        // Nix knows the store path, so fromFlake asks it.
        const QString repository = m_dir.filePath(u"git-nixpkgs"_s);
        QVERIFY(copyTree(fixtures + u"/nixpkgs"_s, repository));
        for (const QStringList &arguments : {QStringList{u"init"_s, u"-q"_s}, {u"add"_s, u"."_s}, {u"commit"_s, u"-q"_s, u"-m"_s, u"stand-in"_s}}) {
            const auto git = NixTools::run(u"git"_s, QStringList{u"-C"_s, repository} + arguments);
            QVERIFY2(git.ok(), git.err.constData());
        }
        const QString flake = m_dir.filePath(u"git-flake"_s);
        QVERIFY(writeFile(flake + u"/flake.nix"_s,
                          "{\n  inputs.nixpkgs.url = \"git+file://" + repository.toUtf8() + "\";\n  outputs = { self, nixpkgs }: { };\n}\n"));
        const auto locked = NixTools::run(u"nix"_s, {u"flake"_s, u"lock"_s, flake});
        QVERIFY2(locked.ok(), locked.err.constData());

        QString error;
        const CatalogSource source = CatalogSource::fromFlake(flake, &error);
        QVERIFY2(source.isValid(), qPrintable(error));
        QVERIFY2(source.nixpkgs.startsWith(u"/nix/store/"_s), qPrintable(source.nixpkgs));
        QVERIFY(QFileInfo::exists(source.nixpkgs + u"/pkgs/catalog.nix"_s));
        // A store source's fingerprint is the path: a new lock means a new cache.
        QCOMPARE(source.fingerprint(), u"store:"_s + source.nixpkgs);
    }

    void flakeProblemsAreSaid_data()
    {
        QTest::addColumn<QByteArray>("lock");
        QTest::addColumn<QString>("message");
        QTest::newRow("no lock") << QByteArray() << u"has no flake.lock; run 'nix flake lock' there first"_s;
        QTest::newRow("no nixpkgs input") << QByteArray(
            R"({"nodes":{"root":{"inputs":{"home":"home"}},"home":{"locked":{"type":"path","path":"/x"}}},"root":"root","version":7})")
                                          << u"has no input called nixpkgs"_s;
        QTest::newRow("path gone") << QByteArray(
            R"({"nodes":{"root":{"inputs":{"nixpkgs":"nixpkgs"}},"nixpkgs":{"locked":{"type":"path","path":"../gone"}}},"root":"root","version":7})")
                                   << u"is the path"_s;
    }

    void flakeProblemsAreSaid()
    {
        QFETCH(QByteArray, lock);
        QFETCH(QString, message);
        const QString flake = m_dir.filePath(u"problem/"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(writeFile(flake + u"/flake.nix"_s, "{ outputs = _: { }; }\n"));
        if (!lock.isEmpty()) {
            QVERIFY(writeFile(flake + u"/flake.lock"_s, lock));
        }
        QString error;
        const CatalogSource source = CatalogSource::forConfiguration(flake, &error);
        QVERIFY(!source.isValid());
        QVERIFY2(error.contains(message), qPrintable(error));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(CatalogSourceTest)

#include "tst_catalogsource.moc"
