// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "remoteerror.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Snowpane::Remote
{

class SshClient;

/// The keys a machine offers now, as ssh-keyscan read them.
struct ScannedHostKeys {
    /// "TYPE BASE64" of each key, in the order ssh-keyscan printed them.
    QStringList keys;
    /// `ssh-keygen -l` of those keys, one line each: what the person is shown.
    QString fingerprints;
    /// Why no key could be read; empty when some were.
    QString error;
};

/// Where ssh looks a machine's key up, from `ssh -G` for the target (the user's config, resolved).
struct KnownHostsPlace {
    /// The name the key is stored under: HostKeyAlias, or `host` (port 22) or `[host]:port`.
    QString name;
    QString hostName;
    QString port;
    /// The first UserKnownHostsFile, where ssh itself would add a key.
    QString file;
    bool hashNames = false;
    QString error;
};

/// How storing the keys the person accepted ended.
struct HostKeyAcceptance {
    RemoteError error = RemoteError::None;
    QString message;
    /// With HostKeyUnknown: the fingerprints the machine offers now (not the ones shown).
    QString offeredHostKeys;
    /// The known_hosts file written.
    QString file;
    /// The lines of the accepted keys (added, or there already).
    QStringList lines;
};

/** Reads the target's resolved ssh configuration (HostName, Port, HostKeyAlias, known_hosts files). */
[[nodiscard]] KnownHostsPlace knownHostsPlace(const SshClient &client);

/** Scans the keys the machine offers now, at the host and port ssh would connect to. */
[[nodiscard]] ScannedHostKeys scanHostKeys(const SshClient &client, const KnownHostsPlace &place);

/**
 * Stores in the user's known_hosts exactly the keys whose fingerprints the
 * person saw and accepted (@p shownFingerprints, as scanHostKeys() gave
 * them), and nothing else: the machine is scanned once more, and when it
 * offers other keys than those shown, nothing is stored and the answer is
 * HostKeyUnknown with the new fingerprints. A later connection then checks
 * strictly against the stored key, so a key swapped in between the scan and
 * the connection is refused as changed, never stored. The file is replaced
 * atomically, keeping its lines and mode; HashKnownHosts and HostKeyAlias are
 * followed as ssh follows them.
 */
[[nodiscard]] HostKeyAcceptance acceptHostKeys(const SshClient &client, const QString &shownFingerprints);

/// The known_hosts name of @p host at @p port: `host` for port 22, `[host]:port` otherwise.
[[nodiscard]] QString knownHostsName(const QString &host, const QString &port);

/// @p name hashed as ssh's HashKnownHosts does, with @p salt (20 bytes): `|1|SALT|HMAC`.
[[nodiscard]] QString hashedKnownHostsName(const QString &name, const QByteArray &salt);

/**
 * @p existing with one line per key of @p keys (`TYPE BASE64`) for @p name
 * appended, each only when not there yet (unhashed names only are
 * recognised). Keys that are not one type and one base64 word are refused:
 * the result is empty and @p error says why.
 */
[[nodiscard]] QByteArray knownHostsWithKeys(const QByteArray &existing, const QString &name, const QStringList &keys, QString *error = nullptr);

} // namespace Snowpane::Remote
