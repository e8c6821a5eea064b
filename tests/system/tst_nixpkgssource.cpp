// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Which nixpkgs a configuration uses, with revision and date: from the
// stand-in's flake.lock and channels profile (tests/fixtures/make-demo-system)
// and from hand-written files, malformed ones included.

#include "nixpkgssource.h"
#include "nixtools.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using Snowpane::System::NixpkgsSource;

namespace
{
bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QDateTime utc(int year, int month, int day, int hour = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::UTC);
}

// One raw string per line: moc misreads raw strings that span lines.
const QByteArray GoodLock =
    R"({)"
    "\n"
    R"(  "nodes": {)"
    "\n"
    R"(    "home-manager": { "locked": { "lastModified": 1730000000, "narHash": "sha256-h", "owner": "nix-community", "repo": "home-manager", "rev": "0123456789abcdef0123456789abcdef01234567", "type": "github" } },)"
    "\n"
    R"(    "nixpkgs": { "locked": { "lastModified": 1732104000, "narHash": "sha256-n", "rev": "bc3c6a1ad1d9f0a3e5b7c9d1e3f5a7b9c1d3e5f7", "type": "git", "url": "file:///x" } },)"
    "\n"
    R"(    "local": { "locked": { "path": "/srv/local", "type": "path" } },)"
    "\n"
    R"(    "root": { "inputs": { "nixpkgs": "nixpkgs", "home-manager": "home-manager", "local": "local", "follower": [ "nixpkgs" ] } })"
    "\n"
    R"(  },)"
    "\n"
    R"(  "root": "root",)"
    "\n"
    R"(  "version": 7)"
    "\n"
    R"(})"
    "\n"
    R"()"
    "\n";
}

class NixpkgsSourceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void flakeInputs()
    {
        const QString lock = m_dir.filePath(u"good/flake.lock"_s);
        QVERIFY(writeFile(lock, GoodLock));
        const QList<NixpkgsSource> inputs = Snowpane::System::readFlakeInputs(lock);
        QCOMPARE(inputs.size(), 3);
        QCOMPARE(inputs.at(0).name, u"home-manager"_s);
        QCOMPARE(inputs.at(1).name, u"local"_s);
        QCOMPARE(inputs.at(1).kind, NixpkgsSource::Kind::Flake);
        QVERIFY(inputs.at(1).revision.isEmpty());
        QVERIFY(!inputs.at(1).date.isValid());
        const NixpkgsSource &nixpkgs = inputs.at(2);
        QCOMPARE(nixpkgs.kind, NixpkgsSource::Kind::Flake);
        QCOMPARE(nixpkgs.revision, u"bc3c6a1ad1d9f0a3e5b7c9d1e3f5a7b9c1d3e5f7"_s);
        QCOMPARE(nixpkgs.date, utc(2024, 11, 20, 12));
        QCOMPARE(nixpkgs.where, lock);

        QVERIFY(writeFile(m_dir.filePath(u"good/flake.nix"_s), "{ outputs = _: { }; }\n"));
        const NixpkgsSource source = Snowpane::System::readNixpkgsSource(m_dir.filePath(u"good"_s), m_dir.filePath(u"none/channels"_s));
        QCOMPARE(source.kind, NixpkgsSource::Kind::Flake);
        QCOMPARE(source.name, u"nixpkgs"_s);
        QCOMPARE(source.date, utc(2024, 11, 20, 12));
    }

    void brokenLocks_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << GoodLock.left(GoodLock.size() / 2);
        QTest::newRow("not an object") << QByteArray("[\"nixpkgs\"]");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4);
        QTest::newRow("no root") << QByteArray(R"({ "nodes": { "nixpkgs": { "locked": { "rev": "x" } } }, "version": 7 })");
        QTest::newRow("no nixpkgs") << QByteArray(
            R"({ "nodes": { "root": { "inputs": { "other": "other" } }, "other": { "locked": { "rev": "x" } } }, "root": "root" })");
        QTest::newRow("nixpkgs follows") << QByteArray(R"({ "nodes": { "root": { "inputs": { "nixpkgs": [ "other" ] } } }, "root": "root" })");
        QTest::newRow("wrong types") << QByteArray(R"({ "nodes": 3, "root": [] })");
        QTest::newRow("nixpkgs not locked yet") << QByteArray(
            R"({ "nodes": { "root": { "inputs": { "nixpkgs": "nixpkgs" } }, "nixpkgs": { "original": { "type": "git" } } }, "root": "root" })");
    }
    void brokenLocks()
    {
        QFETCH(QByteArray, text);
        const QString directory = m_dir.filePath(u"broken-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(writeFile(directory + u"/flake.nix"_s, "{ }\n"));
        QVERIFY(writeFile(directory + u"/flake.lock"_s, text));
        const NixpkgsSource source = Snowpane::System::readNixpkgsSource(directory, m_dir.filePath(u"none/channels"_s));
        QCOMPARE(source.kind, NixpkgsSource::Kind::Unknown);
        QCOMPARE(source.name, u"nixpkgs"_s);
        QVERIFY(source.revision.isEmpty());
        QVERIFY(!source.date.isValid());
        QCOMPARE(source.where, directory + u"/flake.lock"_s);
    }

    void missingFields()
    {
        // A nixpkgs node without lastModified or rev, or with them of the wrong type: known input, unknown revision and date.
        const QString directory = m_dir.filePath(u"fields"_s);
        QVERIFY(writeFile(directory + u"/flake.nix"_s, "{ }\n"));
        QVERIFY(writeFile(
            directory + u"/flake.lock"_s,
            R"({ "nodes": { "root": { "inputs": { "nixpkgs": "n" } }, "n": { "locked": { "rev": 42, "lastModified": "yesterday", "type": "git" } } }, "root": "root" })"));
        const NixpkgsSource source = Snowpane::System::readNixpkgsSource(directory, QString());
        QCOMPARE(source.kind, NixpkgsSource::Kind::Flake);
        QVERIFY(source.revision.isEmpty());
        QVERIFY(!source.date.isValid());
        // No lock file at all.
        QVERIFY(QFile::remove(directory + u"/flake.lock"_s));
        QCOMPARE(Snowpane::System::readNixpkgsSource(directory, QString()).kind, NixpkgsSource::Kind::Unknown);
        QVERIFY(Snowpane::System::readFlakeInputs(directory + u"/flake.lock"_s).isEmpty());
    }

    void channels()
    {
        // A channel with a date-based suffix, as the stand-in's and flake-built NixOS versions are.
        const QString profile = m_dir.filePath(u"channels-dated/channels"_s);
        const QString tree = m_dir.filePath(u"channels-dated/store/nixos"_s);
        QVERIFY(writeFile(tree + u"/.git-revision"_s, "bc3c6a1ad1d9f0a3e5b7c9d1e3f5a7b9c1d3e5f7"));
        QVERIFY(writeFile(tree + u"/.version-suffix"_s, ".20241120.bc3c6a1"));
        QVERIFY(writeFile(tree + u"/.version"_s, "24.11"));
        QVERIFY(QDir().mkpath(profile + u"-1-link"_s));
        QVERIFY(QFile::link(tree, profile + u"-1-link/nixos"_s));
        QVERIFY(QFile::link(u"channels-1-link"_s, profile));
        NixpkgsSource source = Snowpane::System::readNixpkgsSource(m_dir.filePath(u"classic"_s), profile);
        QCOMPARE(source.kind, NixpkgsSource::Kind::Channel);
        QCOMPARE(source.name, u"nixos"_s);
        QCOMPARE(source.revision, u"bc3c6a1ad1d9f0a3e5b7c9d1e3f5a7b9c1d3e5f7"_s);
        QCOMPARE(source.version, u"24.11.20241120.bc3c6a1"_s);
        QCOMPARE(source.date, utc(2024, 11, 20));
        QCOMPARE(source.where, profile + u"/nixos"_s);

        // A suffix that counts commits (real channels) and no .version: the version stays unknown, the date is the generation's.
        QVERIFY(writeFile(tree + u"/.version-suffix"_s, ".710644.bc3c6a1"));
        QVERIFY(QFile::remove(tree + u"/.version"_s));
        const struct timespec times[2] = {{1732200000, 0}, {1732200000, 0}};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(profile + u"-1-link"_s).constData(), times, AT_SYMLINK_NOFOLLOW), 0);
        source = Snowpane::System::readNixpkgsSource(m_dir.filePath(u"classic"_s), profile);
        QCOMPARE(source.kind, NixpkgsSource::Kind::Channel);
        QVERIFY(source.version.isEmpty());
        QCOMPARE(source.date, QDateTime::fromSecsSinceEpoch(1732200000, QTimeZone::UTC));

        // No channels at all.
        source = Snowpane::System::readNixpkgsSource(m_dir.filePath(u"classic"_s), m_dir.filePath(u"nowhere/channels"_s));
        QCOMPARE(source.kind, NixpkgsSource::Kind::Unknown);
        QVERIFY(!source.date.isValid());
    }

    void standIn()
    {
        const QString missing = NixTools::requireNix();
        if (!missing.isEmpty()) {
            QFAIL(qPrintable(missing));
        }
        const QString root = QStringLiteral(DEMO_DIR);
        const NixTools::Run made = NixTools::run(u"bash"_s, {QStringLiteral(SNOWPANE_FIXTURES) + u"/make-demo-system"_s, u"--if-stale"_s, root}, {}, 900000);
        QVERIFY2(made.ok(), made.err.constData());
        QHash<QString, QString> env;
        QFile file(root + u"/snowpane-demo.env"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (!line.startsWith('#') && equals > 0) {
                env.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
            }
        }

        const NixpkgsSource flake = Snowpane::System::readNixpkgsSource(env.value(u"FLAKE_UPDATE_DIR"_s), env.value(u"CHANNELS_PROFILE"_s));
        QCOMPARE(flake.kind, NixpkgsSource::Kind::Flake);
        QCOMPARE(flake.revision, env.value(u"NIXPKGS_REV_CURRENT"_s));
        QCOMPARE(flake.date, utc(2024, 11, 20, 12));
        QCOMPARE(flake.where, env.value(u"FLAKE_UPDATE_DIR"_s) + u"/flake.lock"_s);

        const NixpkgsSource channel = Snowpane::System::readNixpkgsSource(env.value(u"CONFIG_DIR"_s), env.value(u"CHANNELS_PROFILE"_s));
        QCOMPARE(channel.kind, NixpkgsSource::Kind::Channel);
        QCOMPARE(channel.revision, u"bc3c6a1ad1d9f0a3e5b7c9d1e3f5a7b9c1d3e5f7"_s);
        QCOMPARE(channel.version, u"24.11.20241120.bc3c6a1"_s);
        QCOMPARE(channel.version, env.value(u"CHANNEL_CURRENT"_s).mid(6)); // nixos-24.11.… is the release's name
        QCOMPARE(channel.date, utc(2024, 11, 20));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(NixpkgsSourceTest)
#include "tst_nixpkgssource.moc"
