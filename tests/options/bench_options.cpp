// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Timings for the issue's targets, printed, not asserted: loading a synthetic
// 25,000-option catalog (about 11 MB, realistic names, type strings and
// description lengths), its memory, search latency over 1,000 queries typed
// one keystroke at a time, evaluating the stand-in with Nix, and opening
// with a warm cache.
//
//   tools/dev exec BUILD_DIR/bin/bench_options [--write FILE]

#include "effectivevalue.h"
#include "optionevaluator.h"
#include "optionsearch.h"
#include "syntheticcatalog.h"

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
using SyntheticCatalog::optionCount;
using SyntheticCatalog::syntheticCatalog;

namespace
{

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

    // What a person typing a service's name sees first (the ranking test checks it; this shows it).
    for (const char *const query : {"openssh", "ssh", "nginx", "printing", "tailscale"}) {
        const SearchResult result = search.search(QString::fromLatin1(query), 12);
        std::printf("'%s' gives:", query);
        for (size_t i = 0; i < result.hits.size() && i < 4; ++i) {
            const QUtf8StringView name = catalog->name(result.hits[i].index);
            std::printf(" %.*s", int(name.size()), name.data());
        }
        int enableAt = -1;
        const std::string wanted = std::string(query == std::string_view("ssh") ? "openssh" : query);
        for (size_t i = 0; i < result.hits.size(); ++i) {
            if (catalog->name(result.hits[i].index) == QUtf8StringView(std::string("services." + wanted + ".enable"))) {
                enableAt = int(i) + 1;
            }
        }
        std::printf(" ... (services.%s.enable: %s)\n", wanted.c_str(), enableAt > 0 ? qPrintable(u"#"_s + QString::number(enableAt)) : "not in the top 12");
    }

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
