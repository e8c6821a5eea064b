// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "hostkeys.h"

#include "processrun.h"
#include "remotelogging.h"
#include "sshclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

namespace
{

// The person compares fingerprints, not their order: keyscan may print a machine's keys in another order each time.
QStringList sortedLines(const QString &text)
{
    QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (QString &line : lines) {
        line = line.trimmed();
    }
    lines.removeAll(QString());
    std::ranges::sort(lines);
    return lines;
}

bool isKey(const QString &key)
{
    // A key type (ssh-ed25519, ecdsa-sha2-nistp256, sk-ssh-ed25519@openssh.com, …) and its base64 blob: nothing
    // that could add a second entry, a marker (@cert-authority, @revoked) or options to the file.
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(u"[a-z][a-z0-9@.-]* [A-Za-z0-9+/]+={0,2}"_s));
    return pattern.match(key).hasMatch();
}

} // namespace

QString knownHostsName(const QString &host, const QString &port)
{
    return port.isEmpty() || port == u"22"_s ? host : u"[%1]:%2"_s.arg(host, port);
}

QString hashedKnownHostsName(const QString &name, const QByteArray &salt)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1);
    return u"|1|%1|%2"_s.arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(mac.toBase64()));
}

QByteArray knownHostsWithKeys(const QByteArray &existing, const QString &name, const QStringList &keys, QString *error)
{
    static const QRegularExpression notInAName(u"[\\s#,]"_s);
    if (name.isEmpty() || name.contains(notInAName) || name.startsWith(u'@')) {
        if (error) {
            *error = u"not a known_hosts name: %1"_s.arg(name);
        }
        return {};
    }
    if (keys.isEmpty()) {
        if (error) {
            *error = u"no key to store"_s;
        }
        return {};
    }
    QByteArray text = existing;
    const QStringList present = QString::fromUtf8(existing).split(u'\n');
    for (const QString &key : keys) {
        if (!isKey(key)) {
            if (error) {
                *error = u"not a host key: %1"_s.arg(key.left(80));
            }
            return {};
        }
        const QString line = name + u' ' + key;
        if (present.contains(line)) {
            continue;
        }
        if (!text.isEmpty() && !text.endsWith('\n')) {
            text += '\n';
        }
        text += line.toUtf8() + '\n';
    }
    return text;
}

KnownHostsPlace knownHostsPlace(const SshClient &client)
{
    KnownHostsPlace place;
    const SshSettings &settings = client.settings();
    QStringList arguments = client.baseOptions();
    arguments << u"-G"_s << u"--"_s << client.target().host;
    const ProcessResult resolved = runProcess(settings.sshProgram, arguments, settings.environment, 10000);
    if (!resolved.succeeded()) {
        place.error = u"ssh -G could not read the configuration of %1: %2"_s.arg(client.target().destination(), resolved.errorText());
        return place;
    }
    QString alias;
    for (const QString &line : QString::fromUtf8(resolved.standardOutput).split(u'\n')) {
        const QString key = line.section(u' ', 0, 0);
        const QString value = line.section(u' ', 1).trimmed();
        if (key == u"hostname"_s) {
            place.hostName = value;
        } else if (key == u"port"_s) {
            place.port = value;
        } else if (key == u"hostkeyalias"_s) {
            alias = value;
        } else if (key == u"hashknownhosts"_s) {
            place.hashNames = value == u"yes"_s;
        } else if (key == u"userknownhostsfile"_s) {
            // ssh adds new keys to the first file; it has already expanded ~ and %-tokens.
            place.file = value.section(u' ', 0, 0);
        }
    }
    if (place.hostName.isEmpty() || place.port.isEmpty() || place.file.isEmpty()) {
        place.error = u"ssh -G did not say where %1 is or where its key goes"_s.arg(client.target().destination());
        return place;
    }
    if (place.file == u"none"_s || place.file == u"/dev/null"_s) {
        place.error = u"the ssh configuration of %1 keeps no known_hosts file (UserKnownHostsFile %2)"_s.arg(client.target().destination(), place.file);
        return place;
    }
    // As ssh looks the key up: the alias alone (no port), else the host with its port.
    place.name = alias.isEmpty() ? knownHostsName(place.hostName, place.port) : alias;
    return place;
}

ScannedHostKeys scanHostKeys(const SshClient &client, const KnownHostsPlace &place)
{
    ScannedHostKeys scan;
    const SshSettings &settings = client.settings();
    const ProcessResult scanned =
        runProcess(settings.sshKeyscanProgram, {u"-T"_s, u"5"_s, u"-p"_s, place.port, u"--"_s, place.hostName}, settings.environment, 15000);
    for (const QString &line : QString::fromUtf8(scanned.standardOutput).split(u'\n')) {
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        if (fields.size() >= 3 && !line.startsWith(u'#')) {
            scan.keys.append(fields[1] + u' ' + fields[2]);
        }
    }
    if (scan.keys.isEmpty()) {
        scan.error = u"%1 offered no host key: %2"_s.arg(knownHostsName(place.hostName, place.port), scanned.errorText());
        return scan;
    }
    QTemporaryFile keys;
    if (!keys.open()) {
        scan.error = u"no temporary file for the keys"_s;
        return scan;
    }
    keys.write(scanned.standardOutput);
    keys.flush();
    const ProcessResult fingerprints = runProcess(settings.sshKeygenProgram, {u"-l"_s, u"-f"_s, keys.fileName()}, settings.environment, 10000);
    scan.fingerprints = QString::fromUtf8(fingerprints.standardOutput).trimmed();
    if (!fingerprints.succeeded() || scan.fingerprints.split(u'\n').size() != scan.keys.size()) {
        scan.error = u"ssh-keygen could not read the keys of %1: %2"_s.arg(knownHostsName(place.hostName, place.port), fingerprints.errorText());
        scan.keys.clear();
    }
    return scan;
}

HostKeyAcceptance acceptHostKeys(const SshClient &client, const QString &shownFingerprints)
{
    HostKeyAcceptance acceptance;
    const KnownHostsPlace place = knownHostsPlace(client);
    if (!place.error.isEmpty()) {
        acceptance.error = RemoteError::Failed;
        acceptance.message = place.error;
        return acceptance;
    }
    const ScannedHostKeys scan = scanHostKeys(client, place);
    if (!scan.error.isEmpty()) {
        acceptance.error = RemoteError::Unreachable;
        acceptance.message = scan.error;
        return acceptance;
    }
    if (sortedLines(scan.fingerprints) != sortedLines(shownFingerprints)) {
        acceptance.error = RemoteError::HostKeyUnknown;
        acceptance.offeredHostKeys = scan.fingerprints;
        acceptance.message = u"%1 now offers other keys than the ones shown; nothing was stored. It offers:\n%2"_s.arg(place.name, scan.fingerprints);
        return acceptance;
    }

    // The keys just fingerprinted are the ones written: no second connection chooses them.
    QString name = place.name;
    if (place.hashNames) {
        QByteArray salt(20, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / int(sizeof(quint32)));
        name = hashedKnownHostsName(name, salt);
    }
    QByteArray existing;
    QFile current(place.file);
    if (current.exists()) {
        if (!current.open(QIODevice::ReadOnly)) {
            acceptance.error = RemoteError::Failed;
            acceptance.message = u"%1 could not be read: %2"_s.arg(place.file, current.errorString());
            return acceptance;
        }
        existing = current.readAll();
        current.close();
    }
    QString error;
    const QByteArray text = knownHostsWithKeys(existing, name, scan.keys, &error);
    if (text.isEmpty()) {
        acceptance.error = RemoteError::Failed;
        acceptance.message = error;
        return acceptance;
    }
    const QString directory = QFileInfo(place.file).absolutePath();
    if (!QFileInfo::exists(directory)) {
        // As ssh makes ~/.ssh: private to the user.
        if (!QDir().mkpath(directory) || !QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
            acceptance.error = RemoteError::Failed;
            acceptance.message = u"%1 could not be made"_s.arg(directory);
            return acceptance;
        }
    }
    QSaveFile file(place.file);
    if (!file.open(QIODevice::WriteOnly)) {
        acceptance.error = RemoteError::Failed;
        acceptance.message = u"%1 could not be written: %2"_s.arg(place.file, file.errorString());
        return acceptance;
    }
    const bool created = existing.isEmpty() && !current.exists();
    file.write(text);
    if (created) {
        // ssh creates known_hosts readable by all; a new file here is the user's alone, which ssh accepts too.
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    if (!file.commit()) {
        acceptance.error = RemoteError::Failed;
        acceptance.message = u"%1 could not be written: %2"_s.arg(place.file, file.errorString());
        return acceptance;
    }
    acceptance.file = place.file;
    for (const QString &key : scan.keys) {
        acceptance.lines.append(name + u' ' + key);
    }
    qCInfo(SNOWPANE_REMOTE) << "stored the host keys the person accepted for" << place.name << "in" << place.file;
    return acceptance;
}

} // namespace Snowpane::Remote
