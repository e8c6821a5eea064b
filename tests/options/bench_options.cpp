// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Timings for the targets, printed, not asserted: loading a synthetic
// 25,000-option catalog (about 11 MB, realistic names, type strings and
// description lengths), its memory, search latency over 1,000 queries typed
// one keystroke at a time, evaluating the stand-in with Nix, and opening
// with a warm cache.
//
//   tools/dev exec BUILD_DIR/bin/bench_options [--write FILE]

#include "effectivevalue.h"
#include "optionevaluator.h"
#include "optionsearch.h"
#include "typestrings.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

constexpr int optionCount = 25000;

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
[[nodiscard]] QByteArray pickType(std::mt19937 &random)
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

[[nodiscard]] QByteArray description(std::mt19937 &random)
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

[[nodiscard]] QByteArray syntheticCatalog()
{
    std::mt19937 random(20260101);
    QByteArray json = "{\n";
    int count = 0;
    auto add = [&](const QByteArray &name, const QByteArray &category) {
        QByteArray loc;
        for (const QByteArray &component : name.split('.')) {
            loc += (loc.isEmpty() ? "\"" : ",\"") + component + '"';
        }
        const QByteArray type = pickType(random);
        json += (count > 0 ? ",\n\"" : "\"") + name + "\":{\"declarations\":[\"/nix/store/3x7dwzq0jzjwb4b3mhf9cn6xqlj8gvbq-source/nixos/modules/" + category
            + ".nix\"],\"default\":{\"_type\":\"literalExpression\",\"text\":\"" + (type == "boolean" ? "false" : "null") + "\"},\"description\":\""
            + description(random) + "\",\"loc\":[" + loc + "],\"readOnly\":false,\"type\":\"" + type + "\"}";
        ++count;
    };
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

[[nodiscard]] qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

// The figures depend on what else runs; print the load average with them.
[[nodiscard]] QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : u"unknown"_s;
}

// CPU time of this thread: on a shared, loaded machine the wall clock also
// counts the time other processes held the CPU.
[[nodiscard]] double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

template<typename T>
[[nodiscard]] T percentile(std::vector<T> values, double fraction)
{
    std::ranges::sort(values);
    return values[std::min(values.size() - 1, size_t(fraction * double(values.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir scratch;
    qputenv("XDG_CACHE_HOME", QFile::encodeName(scratch.filePath(u"cache"_s)));

    const QByteArray json = syntheticCatalog();
    std::printf("synthetic catalog: %d options, %.1f MB of JSON\n", optionCount, double(json.size()) / 1e6);
    const QStringList arguments = app.arguments();
    if (arguments.size() == 3 && arguments.at(1) == u"--write"_s) {
        QFile out(arguments.at(2));
        if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()) {
            return 1;
        }
    }

    // Load: the median of five, and the heap the catalog keeps.
    std::vector<double> loads;
    std::optional<OptionCatalog> catalog;
    qint64 heap = 0;
    for (int run = 0; run < 5; ++run) {
        catalog.reset();
        const qint64 before = heapInUse();
        QElapsedTimer timer;
        timer.start();
        CatalogLoad load = OptionCatalog::fromJson(json);
        loads.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!load.catalog) {
            std::fprintf(stderr, "cannot load the synthetic catalog: %s\n", qPrintable(load.error));
            return 1;
        }
        catalog = std::move(load.catalog);
        heap = heapInUse() - before;
    }
    std::printf("load: median %.1f ms, best %.1f ms (runs:", percentile(loads, 0.5), *std::ranges::min_element(loads));
    for (const double ms : loads) {
        std::printf(" %.1f", ms);
    }
    std::printf("), %d options, %zu distinct types\n", catalog->size(), catalog->types().size());
    std::printf("catalog memory: %.1f MB on the heap (its own count: %.1f MB)\n", double(heap) / 1e6, double(catalog->memoryUsage()) / 1e6);

    // Search: queries typed one keystroke at a time; the first page (100 hits) and the total.
    QElapsedTimer indexTimer;
    indexTimer.start();
    const qint64 beforeIndex = heapInUse();
    OptionSearch search(*catalog);
    std::printf("search index: built in %.1f ms, %.1f MB\n", double(indexTimer.nsecsElapsed()) / 1e6, double(heapInUse() - beforeIndex) / 1e6);
    const char *const typed[] = {
        "openssh",
        "services.nginx.virtualHosts",
        "tailscale",
        "firewall ports",
        "enable ssh",
        "docker",
        "time zone",
        "hostname",
        "kernel modules",
        "nvidia",
        "pipewire",
        "bluetooth",
        "boot loader",
        "grub device",
        "systemd-boot",
        "user shell",
        "sudo",
        "gnome",
        "auto upgrade",
        "garbage",
        "nix settings",
        "substituters",
        "postgresql port",
        "grafana domain",
        "prometheus",
        "open firewall",
        "extraConfig",
        "log level",
        "database host",
        "tls cert",
        "srvngx",
        "jellyfin",
        "home assistant",
        "vaultwarden",
        "zfs",
        "btrfs scrub",
        "wireguard",
        "users.users",
        "environment",
        "fonts",
        "xdg portal",
        "i18n",
        "console keymap",
        "power management",
        "networkmanager",
        "resolved",
        "journald",
        "logind lid",
        "cron",
        "redis servers",
        "mysql",
        "samba shares",
        "syncthing",
        "restic backups",
        "borgbackup",
        "secret file",
    };
    std::vector<double> latencies;
    std::vector<double> cpuTimes;
    std::vector<std::pair<double, QString>> slowest;
    size_t totalHits = 0;
    for (size_t i = 0; latencies.size() < 1000; ++i) {
        const QString query = QString::fromLatin1(typed[i % std::size(typed)]);
        for (qsizetype length = 1; length <= query.size() && latencies.size() < 1000; ++length) {
            QElapsedTimer timer;
            const double cpuStart = threadCpuMs();
            timer.start();
            const SearchResult result = search.search(query.left(length), 100);
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
            cpuTimes.push_back(threadCpuMs() - cpuStart);
            slowest.emplace_back(latencies.back(), query.left(length));
            totalHits += size_t(result.total);
        }
    }
    std::printf("search: %zu keystroke queries, median %.3f ms, p99 %.3f ms, max %.3f ms (%.0f matches per query on average)\n",
                latencies.size(),
                percentile(latencies, 0.5),
                percentile(latencies, 0.99),
                *std::ranges::max_element(latencies),
                double(totalHits) / double(latencies.size()));

    std::printf("  the same, CPU time of the searching thread: median %.3f ms, p99 %.3f ms, max %.3f ms\n",
                percentile(cpuTimes, 0.5),
                percentile(cpuTimes, 0.99),
                *std::ranges::max_element(cpuTimes));

    std::ranges::sort(slowest, std::greater{});
    std::printf("slowest queries:");
    for (size_t i = 0; i < 8; ++i) {
        std::printf(" '%s' %.2f ms;", qPrintable(slowest[i].second), slowest[i].first);
    }
    std::printf("\nmachine load while measuring: %s\n", qPrintable(loadAverage()));

    // Evaluating the stand-in with Nix, then opening it again from the cache.
    const QString fixtures = QDir(QStringLiteral(SNOWPANE_FIXTURES_DIR)).canonicalPath();
    OptionSource source;
    source.kind = OptionSource::Kind::Classic;
    source.configuration = fixtures + u"/demo/configuration.nix"_s;
    source.nixpkgs = fixtures + u"/nixpkgs"_s;
    source.environment.insert(u"NIX_CONFIG"_s, u"substituters ="_s);
    const CatalogOpening cold = OptionEvaluator::open(source);
    if (cold.status != CatalogOpening::Status::Ok) {
        std::printf("evaluation on the stand-in failed: %s\n", qPrintable(cold.error));
        return 1;
    }
    std::printf("evaluation (stand-in, Nix, no cache): %lld ms, %d options\n", cold.elapsedMs, cold.catalog->size());
    const CatalogOpening warm = OptionEvaluator::open(source);
    std::printf("warm cache open (stand-in): %lld ms, %d options, Nix ran: %s\n", warm.elapsedMs, warm.catalog->size(), warm.fromCache ? "no" : "yes");

    // One option's effective value, evaluated with Nix, then from the evaluator's cache.
    EffectiveValueEvaluator values;
    values.setSource(source);
    const auto valueOf = [&values](const QString &name) {
        EffectiveValue result;
        QEventLoop loop;
        const auto connection = QObject::connect(&values, &EffectiveValueEvaluator::evaluated, &loop, [&](const EffectiveValue &value) {
            result = value;
            loop.quit();
        });
        values.evaluate(name, name.split(u'.'));
        loop.exec();
        QObject::disconnect(connection);
        return result;
    };
    QElapsedTimer valueTimer;
    valueTimer.start();
    const EffectiveValue firstValue = valueOf(u"services.openssh.ports"_s);
    const double firstValueMs = double(valueTimer.nsecsElapsed()) / 1e6;
    valueTimer.restart();
    const EffectiveValue cachedValue = valueOf(u"services.openssh.ports"_s);
    const double cachedValueMs = double(valueTimer.nsecsElapsed()) / 1e6;
    if (!firstValue.ok || !cachedValue.ok) {
        std::printf("effective value on the stand-in failed: %s\n", qPrintable(firstValue.error));
        return 1;
    }
    std::printf("effective value (stand-in, services.openssh.ports = %s): %.0f ms with Nix, %.2f ms from the cache\n",
                qPrintable(firstValue.text),
                firstValueMs,
                cachedValueMs);

    // The same warm open with 25,000 options in the cache file.
    QFile cacheFile(cold.cacheFile);
    if (!cacheFile.open(QIODevice::WriteOnly) || cacheFile.write(json) != json.size()) {
        return 1;
    }
    cacheFile.close();
    std::vector<double> warmOpens;
    for (int run = 0; run < 5; ++run) {
        const CatalogOpening big = OptionEvaluator::open(source);
        if (!big.fromCache || big.catalog->size() != catalog->size()) {
            std::printf("warm open of the 25,000-option cache failed: %s\n", qPrintable(big.error));
            return 1;
        }
        warmOpens.push_back(double(big.elapsedMs));
    }
    std::printf("warm cache open (25,000 options): median %.0f ms (cache key + read + load)\n", percentile(warmOpens, 0.5));
    return 0;
}
