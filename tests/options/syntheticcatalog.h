// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A synthetic 25,000-option catalog as options.json text, for the search
// benchmark and the search ranking test: the names of real NixOS options
// (those of the stand-in), then about 150 services with a dozen variants and
// forty option names each, then options under the other top-level names;
// realistic type strings and description lengths. The same seed gives the
// same text every time.

#pragma once

#include "typestrings.h"

#include <QByteArray>
#include <QSet>

#include <algorithm>
#include <random>

namespace SyntheticCatalog
{

inline constexpr int optionCount = 25000;

const char *const realisticNames[] = {
    "boot.bootspec.enable",
    "boot.consoleLogLevel",
    "boot.extraModulePackages",
    "boot.initrd.availableKernelModules",
    "boot.initrd.kernelModules",
    "boot.kernelModules",
    "boot.kernelPackages",
    "boot.kernelParams",
    "boot.loader.efi.canTouchEfiVariables",
    "boot.loader.efi.efiSysMountPoint",
    "boot.loader.grub.configurationLimit",
    "boot.loader.grub.device",
    "boot.loader.grub.devices",
    "boot.loader.grub.efiSupport",
    "boot.loader.grub.enable",
    "boot.loader.grub.useOSProber",
    "boot.loader.systemd-boot.configurationLimit",
    "boot.loader.systemd-boot.consoleMode",
    "boot.loader.systemd-boot.editor",
    "boot.loader.systemd-boot.enable",
    "boot.loader.timeout",
    "console.keyMap",
    "environment.defaultPackages",
    "environment.etc",
    "environment.etc.<name>.enable",
    "environment.etc.<name>.mode",
    "environment.etc.<name>.source",
    "environment.etc.<name>.target",
    "environment.etc.<name>.text",
    "environment.pathsToLink",
    "environment.systemPackages",
    "fileSystems",
    "fileSystems.<name>.device",
    "fileSystems.<name>.fsType",
    "fileSystems.<name>.mountPoint",
    "fileSystems.<name>.neededForBoot",
    "fileSystems.<name>.options",
    "hardware.bluetooth.enable",
    "hardware.bluetooth.powerOnBoot",
    "hardware.cpu.amd.updateMicrocode",
    "hardware.cpu.intel.updateMicrocode",
    "hardware.enableAllFirmware",
    "hardware.enableRedistributableFirmware",
    "i18n.defaultLocale",
    "i18n.extraLocaleSettings",
    "i18n.supportedLocales",
    "networking.domain",
    "networking.extraHosts",
    "networking.firewall.allowPing",
    "networking.firewall.allowedTCPPortRanges",
    "networking.firewall.allowedTCPPortRanges.*.from",
    "networking.firewall.allowedTCPPortRanges.*.to",
    "networking.firewall.allowedTCPPorts",
    "networking.firewall.allowedUDPPorts",
    "networking.firewall.enable",
    "networking.firewall.logRefusedConnections",
    "networking.firewall.trustedInterfaces",
    "networking.hostName",
    "networking.nameservers",
    "networking.networkmanager.dns",
    "networking.networkmanager.enable",
    "networking.networkmanager.wifi.powersave",
    "networking.useDHCP",
    "nixpkgs.config",
    "nixpkgs.hostPlatform",
    "nixpkgs.overlays",
    "nixpkgs.pkgs",
    "nixpkgs.system",
    "programs.firefox.enable",
    "programs.firefox.languagePacks",
    "programs.firefox.package",
    "programs.firefox.preferences",
    "programs.fish.enable",
    "programs.git.config",
    "programs.git.enable",
    "programs.git.lfs.enable",
    "programs.git.package",
    "programs.steam.enable",
    "programs.steam.package",
    "programs.steam.remotePlay.openFirewall",
    "programs.zsh.autosuggestions.enable",
    "programs.zsh.enable",
    "programs.zsh.enableCompletion",
    "programs.zsh.syntaxHighlighting.enable",
    "security.sudo.enable",
    "security.sudo.extraConfig",
    "security.sudo.wheelNeedsPassword",
    "services.desktopManager.plasma6.enable",
    "services.desktopManager.plasma6.enableQt5Integration",
    "services.displayManager.autoLogin.enable",
    "services.displayManager.autoLogin.user",
    "services.displayManager.sddm.enable",
    "services.displayManager.sddm.theme",
    "services.displayManager.sddm.wayland.enable",
    "services.fwupd.enable",
    "services.fwupd.extraRemotes",
    "services.nginx.clientMaxBodySize",
    "services.nginx.enable",
    "services.nginx.package",
    "services.nginx.recommendedGzipSettings",
    "services.nginx.recommendedTlsSettings",
    "services.nginx.virtualHosts",
    "services.nginx.virtualHosts.<name>.enableACME",
    "services.nginx.virtualHosts.<name>.forceSSL",
    "services.nginx.virtualHosts.<name>.locations",
    "services.nginx.virtualHosts.<name>.locations.<name>.extraConfig",
    "services.nginx.virtualHosts.<name>.locations.<name>.proxyPass",
    "services.nginx.virtualHosts.<name>.root",
    "services.nginx.virtualHosts.<name>.serverAliases",
    "services.nginx.virtualHosts.<name>.serverName",
    "services.openssh.banner",
    "services.openssh.enable",
    "services.openssh.extraConfig",
    "services.openssh.hostKeys",
    "services.openssh.openFirewall",
    "services.openssh.package",
    "services.openssh.ports",
    "services.openssh.settings",
    "services.openssh.settings.AllowUsers",
    "services.openssh.settings.KbdInteractiveAuthentication",
    "services.openssh.settings.LogLevel",
    "services.openssh.settings.MaxAuthTries",
    "services.openssh.settings.PasswordAuthentication",
    "services.openssh.settings.PermitRootLogin",
    "services.openssh.settings.X11Forwarding",
    "services.openssh.startWhenNeeded",
    "services.pipewire.alsa.enable",
    "services.pipewire.alsa.support32Bit",
    "services.pipewire.audio.enable",
    "services.pipewire.enable",
    "services.pipewire.jack.enable",
    "services.pipewire.package",
    "services.pipewire.pulse.enable",
    "services.pipewire.wireplumber.enable",
    "services.postgresql.authentication",
    "services.postgresql.enable",
    "services.postgresql.enableTCPIP",
    "services.postgresql.ensureDatabases",
    "services.postgresql.package",
    "services.postgresql.settings.port",
    "services.printing.browsing",
    "services.printing.drivers",
    "services.printing.enable",
    "services.printing.listenAddresses",
    "services.tailscale.enable",
    "services.tailscale.package",
    "services.tailscale.port",
    "services.tailscale.useRoutingFeatures",
    "services.xserver.dpi",
    "services.xserver.enable",
    "services.xserver.excludePackages",
    "services.xserver.videoDrivers",
    "services.xserver.xkb.layout",
    "services.xserver.xkb.options",
    "services.xserver.xkb.variant",
    "specialisation",
    "specialisation.<name>.configuration",
    "specialisation.<name>.inheritParentConfig",
    "swapDevices",
    "swapDevices.*.device",
    "swapDevices.*.size",
    "system.build.bootspecDocument",
    "system.build.etc",
    "system.build.initialRamdisk",
    "system.build.kernel",
    "system.build.nixos-version",
    "system.build.specialisations",
    "system.build.toplevel",
    "system.configurationRevision",
    "system.copySystemConfiguration",
    "system.extraDependencies",
    "system.modulesTree",
    "system.name",
    "system.nixos.codeName",
    "system.nixos.distroName",
    "system.nixos.label",
    "system.nixos.release",
    "system.nixos.revision",
    "system.nixos.tags",
    "system.nixos.version",
    "system.nixos.versionSuffix",
    "system.path",
    "system.stateVersion",
    "systemd.services",
    "systemd.services.<name>.after",
    "systemd.services.<name>.description",
    "systemd.services.<name>.enable",
    "systemd.services.<name>.restartTriggers",
    "systemd.services.<name>.serviceConfig",
    "systemd.services.<name>.wantedBy",
    "time.hardwareClockInLocalTime",
    "time.timeZone",
    "users.defaultUserShell",
    "users.groups",
    "users.groups.<name>.gid",
    "users.groups.<name>.members",
    "users.groups.<name>.name",
    "users.mutableUsers",
    "users.users",
    "users.users.<name>.createHome",
    "users.users.<name>.description",
    "users.users.<name>.extraGroups",
    "users.users.<name>.group",
    "users.users.<name>.hashedPassword",
    "users.users.<name>.home",
    "users.users.<name>.initialPassword",
    "users.users.<name>.isNormalUser",
    "users.users.<name>.isSystemUser",
    "users.users.<name>.name",
    "users.users.<name>.openssh.authorizedKeys.keys",
    "users.users.<name>.packages",
    "users.users.<name>.shell",
    "users.users.<name>.uid",
    "virtualisation.docker.enable",
    "virtualisation.docker.enableOnBoot",
    "virtualisation.docker.storageDriver",
};

const char *const services[] = {
    "openssh",
    "nginx",
    "postgresql",
    "mysql",
    "redis",
    "grafana",
    "prometheus",
    "tailscale",
    "syncthing",
    "jellyfin",
    "nextcloud",
    "home-assistant",
    "caddy",
    "traefik",
    "dnsmasq",
    "unbound",
    "bind",
    "avahi",
    "printing",
    "pipewire",
    "pulseaudio",
    "xserver",
    "displayManager",
    "desktopManager",
    "fail2ban",
    "borgbackup",
    "restic",
    "samba",
    "nfs",
    "docker-registry",
    "gitea",
    "forgejo",
    "gitlab",
    "jenkins",
    "hydra",
    "vaultwarden",
    "keycloak",
    "mastodon",
    "matrix-synapse",
    "mautrix-telegram",
    "postfix",
    "dovecot2",
    "rspamd",
    "opendkim",
    "murmur",
    "minecraft-server",
    "plex",
    "sonarr",
    "radarr",
    "transmission",
    "deluge",
    "qbittorrent",
    "immich",
    "paperless",
    "photoprism",
    "loki",
    "promtail",
    "telegraf",
    "influxdb2",
    "mosquitto",
    "zigbee2mqtt",
    "node-red",
    "uptime-kuma",
    "netdata",
    "zabbixAgent",
    "smartd",
    "fwupd",
    "thermald",
    "tlp",
    "power-profiles-daemon",
    "upower",
    "logind",
    "journald",
    "resolved",
    "timesyncd",
    "chrony",
    "ntp",
    "cron",
    "fstrim",
    "btrfs",
    "zfs",
    "snapper",
    "sanoid",
    "syncoid",
    "k3s",
    "kubernetes",
    "etcd",
    "consul",
    "vault",
    "nomad",
    "haproxy",
    "keepalived",
    "wireguard",
    "openvpn",
    "strongswan",
    "iperf3",
    "squid",
    "privoxy",
    "tor",
    "i2pd",
    "searx",
    "miniflux",
    "freshrss",
    "wordpress",
    "mediawiki",
    "dokuwiki",
    "bookstack",
    "outline",
    "hedgedoc",
    "onlyoffice",
    "collabora",
    "coturn",
    "jitsi-meet",
    "ejabberd",
    "prosody",
    "znc",
    "weechat",
    "irssi",
    "bitlbee",
    "flatpak",
    "gnome-keyring",
    "udisks2",
    "gvfs",
    "blueman",
    "colord",
    "geoclue2",
    "accounts-daemon",
    "packagekit",
    "fprintd",
    "hardware.openrgb",
    "ollama",
    "open-webui",
    "tabby",
    "clamav",
    "auditd",
    "usbguard",
    "opensnitch",
    "endlessh",
    "sshguard",
    "atuin",
    "jupyter",
    "rstudio-server",
    "code-server",
    "gitea-actions-runner",
};
const char *const variants[] = {"", "-exporter", "-proxy", "-web", "-worker", "-agent", "-relay", "-server", "-client", "-backup", "-monitor", "-gateway"};
const char *const optionNames[] = {
    "enable",
    "package",
    "openFirewall",
    "port",
    "user",
    "group",
    "dataDir",
    "settings",
    "extraConfig",
    "extraFlags",
    "environmentFile",
    "logLevel",
    "listenAddress",
    "stateDir",
    "configFile",
    "extraArgs",
    "hostName",
    "tls.enable",
    "tls.certFile",
    "tls.keyFile",
    "database.host",
    "database.port",
    "database.name",
    "database.user",
    "database.passwordFile",
    "database.createLocally",
    "settings.server.http_port",
    "settings.server.domain",
    "settings.log.level",
    "timeout",
    "interval",
    "retries",
    "maxConnections",
    "workers",
    "plugins",
    "extraPackages",
    "environment",
    "after",
    "wants",
    "restartOnFailure",
};
const char *const topLevel[] = {"programs",
                                "hardware",
                                "boot",
                                "networking",
                                "security",
                                "virtualisation",
                                "systemd.services",
                                "users.users.<name>",
                                "nix.settings",
                                "environment",
                                "i18n",
                                "fonts",
                                "xdg",
                                "documentation",
                                "console",
                                "power",
                                "system"};
const char *const words[] = {
    "the",
    "service",
    "which",
    "is",
    "used",
    "to",
    "configure",
    "when",
    "enabled",
    "a",
    "of",
    "for",
    "and",
    "or",
    "file",
    "directory",
    "path",
    "default",
    "value",
    "this",
    "option",
    "sets",
    "port",
    "address",
    "listen",
    "on",
    "user",
    "group",
    "runs",
    "as",
    "daemon",
    "configuration",
    "see",
    "documentation",
    "upstream",
    "for",
    "details",
    "extra",
    "arguments",
    "passed",
    "command",
    "line",
    "whether",
    "enable",
    "support",
    "network",
    "firewall",
    "open",
    "ports",
    "in",
    "package",
    "use",
    "systemd",
    "unit",
    "environment",
    "variables",
    "secret",
    "password",
    "loaded",
    "from",
    "at",
    "runtime",
    "will",
    "be",
    "written",
    "store",
    "world-readable",
    "instead",
    "settings",
    "attribute",
    "set",
    "converted",
    "format",
    "json",
    "toml",
    "ini",
    "yaml",
    "module",
    "log",
    "level",
    "verbosity",
    "timeout",
    "seconds",
    "number",
    "workers",
    "threads",
    "connections",
    "maximum",
    "minimum",
    "database",
    "host",
    "name",
    "created",
    "locally",
    "tls",
    "certificate",
    "key",
    "{option}`enable`",
    "[upstream](https://example.invalid/docs)",
    "`null`",
    "boot",
    "kernel",
    "modules",
    "hardware",
    "drivers",
    "graphics",
    "audio",
};

// Weighted type strings, the shares roughly those of NixOS's options.json.
[[nodiscard]] inline QByteArray pickType(std::mt19937 &random)
{
    std::uniform_int_distribution<int> percent(0, 99);
    const int p = percent(random);
    if (p < 30) {
        return "boolean";
    }
    if (p < 42) {
        return "string";
    }
    if (p < 50) {
        return "null or string";
    }
    if (p < 57) {
        return "list of string";
    }
    if (p < 61) {
        return "package";
    }
    if (p < 65) {
        return "16 bit unsigned integer; between 0 and 65535 (both inclusive)";
    }
    if (p < 69) {
        return "strings concatenated with \\\"\\\\n\\\"";
    }
    if (p < 72) {
        return "path";
    }
    if (p < 75) {
        return "attribute set of (submodule)";
    }
    if (p < 78) {
        return "signed integer";
    }
    // The rest from the real type strings of the test table.
    std::uniform_int_distribution<size_t> row(0, std::size(TypeStrings::rows) - 1);
    QByteArray type = TypeStrings::rows[row(random)].type;
    return type.replace('\\', "\\\\").replace('"', "\\\"");
}

[[nodiscard]] inline QByteArray description(std::mt19937 &random)
{
    // Lengths skewed as real descriptions are: most a sentence or two, some long.
    std::lognormal_distribution<double> length(4.75, 0.8);
    const int target = std::clamp(int(length(random)), 20, 3000);
    std::uniform_int_distribution<size_t> word(0, std::size(words) - 1);
    QByteArray text;
    while (text.size() < target) {
        if (!text.isEmpty()) {
            text += (text.size() % 97 < 3) ? "\\n" : " ";
        }
        text += words[word(random)];
    }
    return text;
}

[[nodiscard]] inline QByteArray syntheticCatalog()
{
    std::mt19937 random(20260101);
    QByteArray json = "{\n";
    int count = 0;
    QSet<QByteArray> seen;
    auto add = [&](const QByteArray &name, const QByteArray &category) {
        if (seen.contains(name)) {
            return;
        }
        seen.insert(name);
        QByteArray loc;
        for (const QByteArray &component : name.split('.')) {
            loc += (loc.isEmpty() ? "\"" : ",\"") + component + '"';
        }
        const QByteArray type = pickType(random);
        json += (count > 0 ? ",\n\"" : "\"") + name + "\":{\"declarations\":[\"/nix/store/3x7dwzq0jzjwb4b3mhf9cn6xqlj8gvbq-source/nixos/modules/" + category
            + ".nix\"],\"default\":{\"_type\":\"literalExpression\",\"text\":\"" + (type == "boolean" ? "false" : "null") + "\"},\"description\":\""
            + (name.endsWith(".enable") ? "Whether to enable " + name.chopped(7).split('.').last() + '.' : description(random)) + "\",\"loc\":[" + loc
            + "],\"readOnly\":false,\"type\":\"" + type + "\"}";
        ++count;
    };
    // The names of real NixOS options first, as the ranking test expects them.
    for (const char *name : realisticNames) {
        add(name, "real");
    }
    for (const char *variant : variants) {
        for (const char *service : services) {
            for (const char *option : optionNames) {
                if (count >= optionCount * 3 / 4) {
                    break;
                }
                const QByteArray module = QByteArray(service) + variant;
                add("services." + module + '.' + option, "services/" + module);
            }
        }
    }
    std::uniform_int_distribution<size_t> top(0, std::size(topLevel) - 1);
    std::uniform_int_distribution<size_t> word(0, std::size(words) - 1);
    std::uniform_int_distribution<size_t> option(0, std::size(optionNames) - 1);
    for (int i = 0; count < optionCount; ++i) {
        const QByteArray prefix = topLevel[top(random)];
        add(prefix + '.' + words[word(random) % 40] + QByteArray::number(i) + '.' + optionNames[option(random)], "misc/" + prefix);
    }
    json += "\n}\n";
    return json;
}

} // namespace SyntheticCatalog
