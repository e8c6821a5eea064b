// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshclient.h"

#include "hostkeys.h"
#include "processrun.h"
#include "remotelogging.h"
#include "shellquote.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

SshClient::SshClient(SshTarget target, SshSettings settings)
    : m_target(std::move(target))
    , m_settings(std::move(settings))
{
}

void SshClient::setShareConnection(bool share)
{
    m_controlPath.clear();
    if (!share) {
        return;
    }
    // One directory per user, mode 0700: a control socket lets anyone who can reach it use the connection.
    const QString directory = QDir::tempPath() + u"/snowpane-ssh-"_s + QString::number(::getuid());
    if (!QDir().mkpath(directory) || !QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        return;
    }
    struct stat info{};
    if (::lstat(QFile::encodeName(directory).constData(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::getuid()) {
        return;
    }
    // Nix splits NIX_SSHOPTS at whitespace; a path with a space cannot be shared with it.
    if (directory.contains(u' ')) {
        return;
    }
    m_controlPath = directory + u"/%C"_s;
}

void SshClient::closeSharedConnection() const
{
    if (m_controlPath.isEmpty()) {
        return;
    }
    QStringList arguments{u"-o"_s, u"ControlPath="_s + m_controlPath, u"-O"_s, u"exit"_s};
    if (m_target.port > 0) {
        arguments << u"-p"_s << QString::number(m_target.port);
    }
    if (!m_target.user.isEmpty()) {
        arguments << u"-l"_s << m_target.user;
    }
    arguments << m_target.options << u"--"_s << m_target.host;
    // Only talks to the local master, so it returns at once; bounded anyway, and the master
    // ends on its own (ControlPersist) if this does not reach it. Not startDetached(): its
    // plain fork of a large process cost a deployment 0.2 s, more than the whole exchange.
    (void)runProcess(m_settings.sshProgram, arguments, m_settings.environment, 3000);
}

QStringList SshClient::baseOptions(bool fresh) const
{
    QStringList options{
        // Never a password prompt or a host key question on a terminal
        // nobody watches: failures come back as errors in words.
        u"-o"_s,
        u"BatchMode=yes"_s,
        u"-o"_s,
        m_settings.acceptNewHostKey ? u"StrictHostKeyChecking=accept-new"_s : u"StrictHostKeyChecking=yes"_s,
        u"-o"_s,
        u"ConnectTimeout=%1"_s.arg(m_settings.connectTimeoutSeconds),
    };
    if (fresh) {
        options << u"-o"_s << u"ControlMaster=no"_s << u"-o"_s << u"ControlPath=none"_s;
    } else if (!m_controlPath.isEmpty()) {
        options << u"-o"_s << u"ControlMaster=auto"_s << u"-o"_s << u"ControlPersist=60"_s << u"-o"_s << u"ControlPath="_s + m_controlPath;
    }
    if (m_target.port > 0) {
        options << u"-p"_s << QString::number(m_target.port);
    }
    if (!m_target.user.isEmpty()) {
        options << u"-l"_s << m_target.user;
    }
    options += m_target.options;
    return options;
}

QStringList SshClient::sshArguments(const QString &remoteCommand, bool fresh) const
{
    QStringList arguments = baseOptions(fresh);
    // "--" ends ssh's options: the host cannot be read as one (it is checked too).
    arguments << u"--"_s << m_target.host << remoteCommand;
    return arguments;
}

RemoteResult SshClient::toRemoteResult(ProcessResult process, const QString &what) const
{
    RemoteResult result;
    result.process = std::move(process);
    if (result.process.succeeded()) {
        return result;
    }
    const QString errors = result.process.errorText();
    if (result.process.cancelled) {
        result.error = RemoteError::Cancelled;
        result.message = u"%1 on %2: cancelled"_s.arg(what, m_target.destination());
        return result;
    }
    if (!result.process.started) {
        result.error = RemoteError::Failed;
        result.message = u"%1: could not start: %2"_s.arg(what, errors);
        return result;
    }
    if (result.process.timedOut) {
        result.error = RemoteError::Unreachable;
        result.message = u"%1: %2 did not answer within %3 s"_s.arg(what, m_target.destination()).arg(m_settings.commandTimeoutMs / 1000);
        return result;
    }
    result.error = classifyFailure(result.process.exitCode, errors);
    const QString lastLines = errors.split(u'\n').mid(qMax(0, int(errors.count(u'\n')) - 3)).join(u" / "_s);
    switch (result.error) {
    case RemoteError::Unreachable:
        result.message = u"%1 is unreachable: %2"_s.arg(m_target.destination(), lastLines);
        break;
    case RemoteError::AuthenticationRefused:
        result.message = u"%1 refused the authentication: %2"_s.arg(m_target.destination(), lastLines);
        break;
    case RemoteError::HostKeyChanged:
        result.message =
            u"the host key of %1 has CHANGED since it was stored in known_hosts; refusing to connect. "
            "If the machine was reinstalled, remove its old key with ssh-keygen -R and check the new one."_s.arg(m_target.destination());
        break;
    case RemoteError::HostKeyUnknown: {
        const QString offered = offeredHostKeys();
        result.offeredHostKeys = offered;
        result.message =
            u"the host key of %1 is not known yet; it offers:\n%2\nCheck the fingerprint with the machine's owner, then accept it "
            "(snowpane-cli: --accept-new-host-key)."_s.arg(m_target.destination(), offered.isEmpty() ? u"(no key could be read)"_s : offered);
        break;
    }
    case RemoteError::NoNix:
        result.message = u"%1 has no Nix: %2"_s.arg(m_target.destination(), lastLines);
        break;
    case RemoteError::DiskFull:
        result.message = u"the disk of %1 is full: %2"_s.arg(m_target.destination(), lastLines);
        break;
    default:
        result.message = u"%1 failed on %2 (exit code %3): %4"_s.arg(what, m_target.destination()).arg(result.process.exitCode).arg(lastLines);
    }
    return result;
}

RemoteResult SshClient::runScript(const QString &script, bool fresh, const std::function<void(const QString &)> &onErrorLine, bool toTheEnd) const
{
    QStringList remote{u"sh"_s, u"-c"_s, script};
    if (m_useSudo) {
        remote = QStringList{u"sudo"_s, u"-n"_s, u"--"_s} + remote;
    }
    ++m_connections;
    qCDebug(SNOWPANE_REMOTE) << "ssh" << m_target.destination() << (fresh ? "(fresh connection)" : "");
    return toRemoteResult(runProcess(m_settings.sshProgram,
                                     sshArguments(shellJoin(remote), fresh),
                                     m_settings.environment,
                                     m_settings.commandTimeoutMs,
                                     onErrorLine,
                                     toTheEnd ? CancelFlag() : m_settings.cancel),
                          u"the remote command"_s);
}

QString SshClient::storeUri(bool daemonStore) const
{
    return (daemonStore ? u"ssh-ng://"_s : u"ssh://"_s) + m_target.destination();
}

QString SshClient::nixSshOptions() const
{
    // The port goes here, not in the URI: Nix's ssh stores take it from ssh's own options.
    return baseOptions().join(u' ');
}

RemoteResult SshClient::copyClosure(const QString &storePath, bool daemonStore, const std::function<void(const QString &)> &onErrorLine) const
{
    QProcessEnvironment environment = m_settings.environment;
    environment.insert(u"NIX_SSHOPTS"_s, nixSshOptions());
    QStringList arguments{u"copy"_s, u"--to"_s, storeUri(daemonStore)};
    if (m_useSudo) {
        // As nixos-rebuild --use-remote-sudo: the store is written by root on the other side.
        arguments.last() += u"?remote-program=sudo%20-n%20--%20"_s + (daemonStore ? u"nix-daemon"_s : u"nix-store"_s);
    }
    arguments << storePath;
    ++m_connections;
    return toRemoteResult(runProcess(m_settings.nixProgram, arguments, environment, m_settings.commandTimeoutMs, onErrorLine, m_settings.cancel),
                          u"copying the closure"_s);
}

QString SshClient::offeredHostKeys() const
{
    // ssh resolves the user's aliases (HostName, Port); keyscan does not read the config.
    KnownHostsPlace place = knownHostsPlace(*this);
    if (place.hostName.isEmpty()) {
        place.hostName = m_target.host;
        place.port = m_target.port > 0 ? QString::number(m_target.port) : u"22"_s;
    }
    return scanHostKeys(*this, place).fingerprints;
}

} // namespace Snowpane::Remote
