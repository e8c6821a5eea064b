// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Accepting a machine's host key: exactly the key whose fingerprint the
// person saw goes into the known_hosts file the user's ssh configuration
// names, and a machine that offers another key by then gets nothing stored.
// The real ssh (for `ssh -G`) and ssh-keygen; ssh-keyscan is a script that
// prints what the test says the machine offers now.

#include "hostkeys.h"
#include "sshclient.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;

namespace
{

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

/// `ssh-keygen -F NAME -f FILE`: how ssh itself finds a name in a known_hosts file (hashed or not).
QString findInKnownHosts(const QString &name, const QString &file)
{
    QProcess process;
    process.start(u"ssh-keygen"_s, {u"-F"_s, name, u"-f"_s, file});
    process.waitForFinished(10000);
    return process.exitCode() == 0 ? QString::fromUtf8(process.readAllStandardOutput()) : QString();
}

int modeOf(const QString &path)
{
    struct stat info{};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

} // namespace

class HostKeysTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    /// "TYPE BASE64" of two keys: the one the person is shown, and the one an attacker swaps in.
    QString m_shownKey;
    QString m_otherKey;

    QString path(const QString &name) const
    {
        return m_dir.filePath(name);
    }

    QString makeKey(const QString &name)
    {
        QProcess keygen;
        keygen.start(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s, name, u"-f"_s, path(name)});
        if (!keygen.waitForFinished(10000) || keygen.exitCode() != 0) {
            qFatal("ssh-keygen failed: %s", keygen.readAllStandardError().constData());
        }
        return QString::fromUtf8(readAll(path(name) + u".pub"_s)).section(u' ', 0, 1);
    }

    /// What the fake ssh-keyscan prints from now on: @p key, as the real one prints it for 127.0.0.9:2222.
    void offer(const QString &key)
    {
        QVERIFY(writeAll(path(u"offered"_s), u"[127.0.0.9]:2222 %1\n"_s.arg(key).toUtf8()));
    }

    SshClient client(const QString &host) const
    {
        SshSettings settings;
        settings.sshKeyscanProgram = path(u"ssh-keyscan"_s);
        SshTarget target;
        target.host = host;
        target.options = {u"-F"_s, path(u"ssh_config"_s)};
        return SshClient(target, settings);
    }

    /// The fingerprints the page shows the person, as it reads them before anything is accepted.
    QString shownFingerprints(const SshClient &client) const
    {
        return client.offeredHostKeys();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_shownKey = makeKey(u"shown"_s);
        m_otherKey = makeKey(u"other"_s);
        QVERIFY(m_shownKey.startsWith(u"ssh-ed25519 "_s));
        QVERIFY(m_shownKey != m_otherKey);
        QVERIFY(writeAll(path(u"ssh-keyscan"_s), "#!/bin/sh\nexec cat \"$(dirname \"$0\")/offered\"\n"));
        QVERIFY(QFile::setPermissions(path(u"ssh-keyscan"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString config =
            uR"(Host machine
    HostName 127.0.0.9
    Port 2222
    UserKnownHostsFile %1/known_hosts %1/known_hosts2
Host hashed
    HostName 127.0.0.9
    Port 2222
    HashKnownHosts yes
    HostKeyAlias fleet-alias
    UserKnownHostsFile %1/hashed/known_hosts
Host nowhere
    HostName 127.0.0.9
    Port 2222
    UserKnownHostsFile /dev/null
)"_s.arg(m_dir.path());
        QVERIFY(writeAll(path(u"ssh_config"_s), config.toUtf8()));
    }

    void place()
    {
        const KnownHostsPlace place = knownHostsPlace(client(u"machine"_s));
        QVERIFY2(place.error.isEmpty(), qPrintable(place.error));
        QCOMPARE(place.hostName, u"127.0.0.9"_s);
        QCOMPARE(place.port, u"2222"_s);
        QCOMPARE(place.name, u"[127.0.0.9]:2222"_s);
        QCOMPARE(place.file, path(u"known_hosts"_s));
        QVERIFY(!place.hashNames);
        const KnownHostsPlace nowhere = knownHostsPlace(client(u"nowhere"_s));
        QVERIFY(nowhere.error.contains(u"no known_hosts file"_s));
        QCOMPARE(knownHostsName(u"example.org"_s, u"22"_s), u"example.org"_s);
    }

    // The person saw the shown key's fingerprint and said yes: that key, and only it, is stored; the file keeps its lines and mode.
    void storesExactlyTheShownKey()
    {
        const QByteArray before = "example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOldLine\n# a comment of the user's";
        QVERIFY(writeAll(path(u"known_hosts"_s), before));
        QVERIFY(QFile::setPermissions(path(u"known_hosts"_s), QFile::ReadOwner | QFile::WriteOwner));
        offer(m_shownKey);
        const SshClient machine = client(u"machine"_s);
        const QString shown = shownFingerprints(machine);
        QVERIFY2(shown.contains(u"SHA256:"_s), qPrintable(shown));

        const HostKeyAcceptance accepted = acceptHostKeys(machine, shown);
        QVERIFY2(accepted.error == RemoteError::None, qPrintable(accepted.message));
        QCOMPARE(accepted.file, path(u"known_hosts"_s));
        const QByteArray line = "[127.0.0.9]:2222 " + m_shownKey.toUtf8();
        QCOMPARE(readAll(path(u"known_hosts"_s)), before + '\n' + line + '\n');
        QCOMPARE(modeOf(path(u"known_hosts"_s)), 0600);
        QVERIFY(findInKnownHosts(u"[127.0.0.9]:2222"_s, path(u"known_hosts"_s)).contains(m_shownKey.section(u' ', 1, 1)));
        // The second file ssh reads is not the one it adds to.
        QVERIFY(!QFile::exists(path(u"known_hosts2"_s)));

        // Accepting again adds nothing twice.
        const HostKeyAcceptance again = acceptHostKeys(machine, shown);
        QVERIFY2(again.error == RemoteError::None, qPrintable(again.message));
        QCOMPARE(readAll(path(u"known_hosts"_s)), before + '\n' + line + '\n');
    }

    // Between what the person saw and the acceptance the machine swapped its key: nothing is stored, and the new fingerprint is said.
    void anotherKeyIsNotStored()
    {
        QVERIFY(writeAll(path(u"known_hosts"_s), "example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOldLine\n"));
        offer(m_shownKey);
        const SshClient machine = client(u"machine"_s);
        const QString shown = shownFingerprints(machine);
        offer(m_otherKey);
        const QString swapped = shownFingerprints(machine);
        QVERIFY(swapped != shown);

        const HostKeyAcceptance accepted = acceptHostKeys(machine, shown);
        QCOMPARE(accepted.error, RemoteError::HostKeyUnknown);
        QCOMPARE(accepted.offeredHostKeys, swapped);
        QVERIFY(accepted.message.contains(u"nothing was stored"_s));
        QCOMPARE(readAll(path(u"known_hosts"_s)), QByteArray("example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOldLine\n"));
        QCOMPARE(findInKnownHosts(u"[127.0.0.9]:2222"_s, path(u"known_hosts"_s)), QString());
    }

    // HashKnownHosts and HostKeyAlias as ssh follows them; a missing directory is made.
    void hashedUnderTheAlias()
    {
        offer(m_shownKey);
        const SshClient machine = client(u"hashed"_s);
        const HostKeyAcceptance accepted = acceptHostKeys(machine, shownFingerprints(machine));
        QVERIFY2(accepted.error == RemoteError::None, qPrintable(accepted.message));
        const QString file = path(u"hashed/known_hosts"_s);
        QCOMPARE(accepted.file, file);
        const QByteArray text = readAll(file);
        QVERIFY2(text.startsWith("|1|"), text.constData());
        QVERIFY(!text.contains("fleet-alias"));
        QVERIFY(!text.contains("127.0.0.9"));
        QVERIFY(findInKnownHosts(u"fleet-alias"_s, file).contains(m_shownKey.section(u' ', 1, 1)));
        QCOMPARE(findInKnownHosts(u"[127.0.0.9]:2222"_s, file), QString());
        QCOMPARE(modeOf(file), 0600);
    }

    void refusesWhatIsNotAKey_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("a second entry") << u"host"_s << u"ssh-ed25519 AAAA\nevil ssh-ed25519 AAAA"_s;
        QTest::newRow("a trailing line") << u"host"_s << u"ssh-ed25519 AAAA\n"_s;
        QTest::newRow("a marker") << u"@revoked"_s << u"ssh-ed25519 AAAA"_s;
        QTest::newRow("options") << u"host"_s << u"ssh-ed25519 AAAA extra"_s;
        QTest::newRow("no blob") << u"host"_s << u"ssh-ed25519"_s;
        QTest::newRow("a name with a space") << u"host other"_s << u"ssh-ed25519 AAAA"_s;
    }

    void refusesWhatIsNotAKey()
    {
        QFETCH(QString, name);
        QFETCH(QString, key);
        QString error;
        QCOMPARE(knownHostsWithKeys("kept\n", name, {key}, &error), QByteArray());
        QVERIFY(!error.isEmpty());
    }

    void hashedNameIsSsh()
    {
        // ssh-keygen -F finds a name hashed with any salt; a wrong name is not found.
        const QByteArray salt = QByteArray::fromHex("0102030405060708090a0b0c0d0e0f1011121314");
        const QString hashed = hashedKnownHostsName(u"[127.0.0.9]:2222"_s, salt);
        QVERIFY(hashed.startsWith(u"|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|"_s));
        QVERIFY(writeAll(path(u"hashed_only"_s), (hashed + u' ' + m_shownKey + u'\n').toUtf8()));
        QVERIFY(!findInKnownHosts(u"[127.0.0.9]:2222"_s, path(u"hashed_only"_s)).isEmpty());
        QCOMPARE(findInKnownHosts(u"[127.0.0.9]:2223"_s, path(u"hashed_only"_s)), QString());
    }
};

QTEST_GUILESS_MAIN(HostKeysTest)
#include "tst_hostkeys.moc"
