// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// options.json texts for the catalog tests (kept out of the test's source,
// whose Q_OBJECT class moc must find).

#pragma once

namespace CatalogFixtures
{

// As NixOS writes it (trimmed): an object keyed by name.
constexpr auto nixosJson = R"json({
  "services.openssh.enable": {
    "declarations": ["/nix/store/abc-source/nixos/modules/services/networking/ssh/sshd.nix"],
    "default": {"_type": "literalExpression", "text": "false"},
    "description": "Whether to enable the OpenSSH secure shell daemon, which\nallows secure remote logins.\n",
    "loc": ["services", "openssh", "enable"],
    "readOnly": false,
    "type": "boolean"
  },
  "services.openssh.ports": {
    "declarations": [{"name": "<nixpkgs/nixos/modules/services/networking/ssh/sshd.nix>", "url": "https://example.invalid/sshd.nix"}],
    "default": {"_type": "literalExpression", "text": "[\n  22\n]"},
    "description": "Specifies on which ports the SSH daemon listens.",
    "example": {"_type": "literalExpression", "text": "[ 22 2222 ]"},
    "loc": ["services", "openssh", "ports"],
    "readOnly": false,
    "type": "list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)"
  },
  "users.users.<name>.name": {
    "declarations": [],
    "default": {"_type": "literalMD", "text": "the attribute name"},
    "description": {"_type": "mdDoc", "text": "The name of the user \"account\"."},
    "loc": ["users", "users", "<name>", "name"],
    "readOnly": false,
    "relatedPackages": [["hello"], {"name": "git"}],
    "type": "string, not containing newlines or colons"
  },
  "system.build.toplevel": {
    "declarations": [],
    "description": null,
    "loc": ["system", "build", "toplevel"],
    "readOnly": true,
    "type": "package"
  },
  "boot.kernel.sysctl.\"net.ipv4.ip_forward\"": {
    "declarations": [],
    "default": false,
    "example": {"a": [1, 2.5, null], "b": "c"},
    "description": "Plain JSON default, as older files have.",
    "loc": ["boot", "kernel", "sysctl", "net.ipv4.ip_forward"],
    "readOnly": false,
    "type": "boolean or signed integer"
  }
})json";

// As lib.optionAttrSetToDocList returns it: a list with names, visibility and internal flags.
constexpr auto docListJson = R"json([
  {"name": "b.visible", "loc": ["b", "visible"], "type": "string", "description": "shown", "declarations": [], "internal": false, "visible": true, "readOnly": false},
  {"name": "a.hidden", "loc": ["a", "hidden"], "type": "string", "description": "hidden", "declarations": [], "internal": false, "visible": false, "readOnly": false},
  {"name": "a.internal", "loc": ["a", "internal"], "type": "string", "description": "internal", "declarations": [], "internal": true, "visible": true, "readOnly": false},
  {"name": "a.shallow", "loc": ["a", "shallow"], "type": "submodule", "description": "shallow", "declarations": [], "internal": false, "visible": "shallow", "readOnly": false},
  {"name": "a.twice", "loc": ["a", "twice"], "type": "string", "description": "first", "declarations": [], "readOnly": false},
  {"name": "a.twice", "loc": ["a", "twice"], "type": "signed integer", "description": "second", "declarations": [], "readOnly": false}
])json";

} // namespace CatalogFixtures

namespace CatalogFixtures
{

// A small catalog for the ranking tables of the search test.
constexpr auto searchJson = R"json({
  "services.openssh.enable": {"loc": ["services", "openssh", "enable"], "type": "boolean", "description": "Whether to enable the OpenSSH secure shell daemon."},
  "services.openssh.ports": {"loc": ["services", "openssh", "ports"], "type": "list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)", "description": "Specifies on which ports the SSH daemon listens."},
  "services.openssh.settings.PermitRootLogin": {"loc": ["services", "openssh", "settings", "PermitRootLogin"], "type": "one of \"yes\", \"no\"", "description": "Whether the root user can log in using ssh."},
  "programs.ssh.startAgent": {"loc": ["programs", "ssh", "startAgent"], "type": "boolean", "description": "Whether to start the OpenSSH agent when you log in."},
  "programs.ssh.askPassword": {"loc": ["programs", "ssh", "askPassword"], "type": "string", "description": "Program used by SSH to ask for passwords."},
  "services.sshguard.enable": {"loc": ["services", "sshguard", "enable"], "type": "boolean", "description": "Whether to enable the sshguard service."},
  "networking.firewall.enable": {"loc": ["networking", "firewall", "enable"], "type": "boolean", "description": "Whether to enable the firewall."},
  "networking.firewall.allowedTCPPorts": {"loc": ["networking", "firewall", "allowedTCPPorts"], "type": "list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)", "description": "List of TCP ports on which incoming connections are accepted."},
  "networking.hostName": {"loc": ["networking", "hostName"], "type": "string", "description": "The name of the machine."},
  "time.timeZone": {"loc": ["time", "timeZone"], "type": "null or string", "description": "The time zone used when displaying times and dates."},
  "services.xserver.enable": {"loc": ["services", "xserver", "enable"], "type": "boolean", "description": "Whether to enable the X server."},
  "services.tailscale.enable": {"loc": ["services", "tailscale", "enable"], "type": "boolean", "description": "Whether to enable Tailscale client daemon."},
  "boot.loader.systemd-boot.enable": {"loc": ["boot", "loader", "systemd-boot", "enable"], "type": "boolean", "description": "Whether to enable the systemd-boot EFI boot manager."},
  "services.openvpn.servers": {"loc": ["services", "openvpn", "servers"], "type": "attribute set of (submodule)", "description": "Each attribute defines an OpenVPN instance."},
  "security.sudo.enable": {"loc": ["security", "sudo", "enable"], "type": "boolean", "description": "Whether to enable the sudo command, which allows non-root administrators to execute commands as root."}
})json";

} // namespace CatalogFixtures
