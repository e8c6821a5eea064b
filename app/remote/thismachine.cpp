// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "thismachine.h"

#include <QDir>
#include <QFileInfo>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

QString ThisMachine::flakeHost() const
{
    return host.isEmpty() ? hostName : host;
}

ThisMachine ThisMachine::fromHelperSettings(const QString &configurationDirectory, const QString &host)
{
    ThisMachine machine;
    if (!configurationDirectory.isEmpty()) {
        machine.configurationDirectory = configurationDirectory;
    }
    machine.host = host;
    machine.hostName = QSysInfo::machineHostName();
    return machine;
}

namespace
{

QString canonical(const QString &directory)
{
    const QString resolved = QFileInfo(directory).canonicalFilePath();
    return resolved.isEmpty() ? QDir::cleanPath(QFileInfo(directory).absoluteFilePath()) : resolved;
}

bool namesThisMachine(const ThisMachine &machine, const SshTarget &target)
{
    // A port of its own is another sshd: a VM forwarded to localhost, a container, a test machine.
    if (target.port != 0 && target.port != 22) {
        return false;
    }
    const QString host = target.host.toLower();
    if (host == u"localhost"_s || host == u"127.0.0.1"_s || host == u"::1"_s) {
        return true;
    }
    const QString own = machine.hostName.toLower();
    if (own.isEmpty()) {
        return false;
    }
    // A short name matches the long one it starts ("laptop" and "laptop.home.arpa").
    const auto shortName = [](const QString &name) {
        return name.section(u'.', 0, 0);
    };
    return host == own || (!own.contains(u'.') && shortName(host) == own) || (!host.contains(u'.') && shortName(own) == host);
}

} // namespace

DeployRoute routeOf(const ThisMachine &machine, const QString &flake, const QString &host, const SshTarget &target)
{
    const bool sameConfiguration = !flake.isEmpty() && canonical(flake) == canonical(machine.configurationDirectory);
    if (sameConfiguration && host == machine.flakeHost()) {
        return DeployRoute::Helper;
    }
    return namesThisMachine(machine, target) ? DeployRoute::Refused : DeployRoute::Ssh;
}

QString thisMachineMessage(const ThisMachine &machine, const QString &flake, const QString &host, const QString &mode, DeployRoute route)
{
    if (route == DeployRoute::Refused) {
        return u"the target of %1 is this machine, which is managed from %2 (host %3): Snowpane does not deploy a machine to itself over SSH. "
               "Deploy %3 from %2 instead, or give %1 the target of another machine."_s.arg(host, machine.configurationDirectory, machine.flakeHost());
    }
    return u"%1 is this machine (the helper's configuration %2): Snowpane does not deploy it to itself over SSH. Apply it in Snowpane's window, "
           "which goes through the helper, or run: sudo nixos-rebuild %3 --flake %4#%1"_s.arg(host, machine.configurationDirectory, mode, flake);
}

} // namespace Snowpane::Remote
