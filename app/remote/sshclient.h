// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "processrun.h"
#include "remoteerror.h"
#include "sshtarget.h"

#include <QProcessEnvironment>

#include <atomic>
#include <functional>

namespace Snowpane::Remote
{

/// How Snowpane runs the user's own ssh and nix; the defaults are theirs, from PATH.
struct SshSettings {
    QString sshProgram = QStringLiteral("ssh");
    QString sshKeyscanProgram = QStringLiteral("ssh-keyscan");
    QString sshKeygenProgram = QStringLiteral("ssh-keygen");
    QString nixProgram = QStringLiteral("nix");
    /// StrictHostKeyChecking=accept-new: a first contact's key is stored; a changed key is still refused.
    bool acceptNewHostKey = false;
    int connectTimeoutSeconds = 10;
    /// Bound on one remote command or one copy.
    int commandTimeoutMs = 30 * 60 * 1000;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    /// Raised to stop the deployment these settings serve; see CancelFlag. Null: not cancellable.
    CancelFlag cancel;
};

/// A remote command's outcome: the process, and what went wrong in words.
struct RemoteResult {
    ProcessResult process;
    RemoteError error = RemoteError::None;
    QString message;
    /// With HostKeyUnknown: the fingerprints the machine offers (offeredHostKeys()), read once for the message.
    QString offeredHostKeys;

    [[nodiscard]] bool succeeded() const
    {
        return error == RemoteError::None;
    }
    [[nodiscard]] QString output() const
    {
        return QString::fromUtf8(process.standardOutput);
    }
};

/**
 * One machine over the user's own OpenSSH: fixed argv, the user's
 * ~/.ssh/config as it is (aliases, ports, jump hosts, keys), and host keys
 * checked strictly: an unknown key fails unless accept-new was chosen, a
 * changed key always fails. Remote commands are one `sh -c` word, quoted.
 * Every call is blocking and may run on any thread; calls on one client from
 * several threads at once are fine (it keeps no per-call state).
 */
class SshClient
{
public:
    SshClient(SshTarget target, SshSettings settings);

    [[nodiscard]] const SshTarget &target() const
    {
        return m_target;
    }
    [[nodiscard]] const SshSettings &settings() const
    {
        return m_settings;
    }
    /// Run remote commands through `sudo -n` (the login user is not root).
    void setUseSudo(bool useSudo)
    {
        m_useSudo = useSudo;
    }
    [[nodiscard]] bool usesSudo() const
    {
        return m_useSudo;
    }
    /**
     * Share one connection among this client's commands (and Nix's copy),
     * with OpenSSH's own ControlMaster in a directory private to the user:
     * a deployment then pays for one handshake besides the fresh one that
     * confirms it. closeSharedConnection() ends it.
     */
    void setShareConnection(bool share);
    void closeSharedConnection() const;

    /// The ssh options Snowpane adds (before the target's own): batch mode, host key policy, timeout.
    [[nodiscard]] QStringList baseOptions(bool fresh = false) const;
    /// The full argv after the program for running @p remoteCommand; @p fresh bypasses connection sharing.
    [[nodiscard]] QStringList sshArguments(const QString &remoteCommand, bool fresh) const;

    /**
     * Runs @p script with the remote `sh` (as root through sudo when set).
     * @p fresh opens a new connection even when the user's config shares
     * one (ControlMaster): what magic rollback needs to prove the machine
     * still accepts connections. A raised cancel flag stops it, unless
     * @p toTheEnd (an activation is never cut in half).
     */
    [[nodiscard]] RemoteResult
    runScript(const QString &script, bool fresh = false, const std::function<void(const QString &)> &onErrorLine = {}, bool toTheEnd = false) const;

    /// Copies @p storePath's closure with Nix's remote store (ssh-ng:// when @p daemonStore, else ssh://).
    [[nodiscard]] RemoteResult copyClosure(const QString &storePath, bool daemonStore, const std::function<void(const QString &)> &onErrorLine = {}) const;
    /// The store URI copyClosure uses.
    [[nodiscard]] QString storeUri(bool daemonStore) const;
    /// NIX_SSHOPTS for Nix's own ssh: the same options as every other connection.
    [[nodiscard]] QString nixSshOptions() const;

    /// The fingerprints of the keys the machine offers now (`ssh-keyscan` of ssh's resolved host and port), one per line.
    [[nodiscard]] QString offeredHostKeys() const;

    /// How many ssh connections this client has opened (Nix's copy counts as one).
    [[nodiscard]] int connectionCount() const
    {
        return m_connections.load();
    }

private:
    [[nodiscard]] RemoteResult toRemoteResult(ProcessResult process, const QString &what) const;

    SshTarget m_target;
    SshSettings m_settings;
    bool m_useSudo = false;
    QString m_controlPath;
    mutable std::atomic<int> m_connections = 0;
};

} // namespace Snowpane::Remote
