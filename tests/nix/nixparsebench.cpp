// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Throughput and memory of our parser against `nix-instantiate --parse`, on
// the same generated corpus of NixOS modules in the same run. For Nix all
// modules are wrapped into one list expression, so that process start-up
// does not dominate; ours is timed on that same file and on the modules one
// by one. It also checks that both print the big file identically.
//
//   nix-parse-bench [--size BYTES] [--iterations N] [--no-nix]

#include "canonical.h"
#include "generator.h"
#include "nixrunner.h"
#include "parser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

using namespace Snowpane::Nix;
using namespace Snowpane::Nix::Testing;

namespace
{
// CPU time rather than wall time: the build machine is shared, and CPU time
// is what contention distorts least, for us and for Nix alike.
double cpuNow()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}
double childrenCpu()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
long maxRssKiB(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_maxrss;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    std::size_t size = 2'500'000;
    int iterations = 5;
    bool withNix = true;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == "--size"_L1 && i + 1 < args.size()) {
            size = args[++i].toULongLong();
        } else if (args[i] == "--iterations"_L1 && i + 1 < args.size()) {
            iterations = std::max(1, args[++i].toInt());
        } else if (args[i] == "--no-nix"_L1) {
            withNix = false;
        }
    }

    std::vector<std::string> modules;
    std::size_t total = 0;
    std::string wrapped = "[\n";
    for (std::uint64_t seed = 0; total < size; ++seed) {
        modules.push_back(nixosModule(seed));
        total += modules.back().size();
        wrapped += "(" + modules.back() + ")\n";
    }
    wrapped += "]\n";
    std::printf("corpus: %zu generated NixOS modules, %.2f MB (%.2f MB wrapped as one list)\n",
                modules.size(),
                static_cast<double>(total) / 1e6,
                static_cast<double>(wrapped.size()) / 1e6);

    // Ours, module by module, best of N.
    double best = 1e9;
    std::size_t treeBytes = 0;
    for (int it = 0; it < iterations; ++it) {
        std::vector<SyntaxTree> trees;
        trees.reserve(modules.size());
        // parse() takes the text by value and keeps it in the tree; a caller
        // that has read a file moves it in, so the copies this benchmark
        // needs to parse the same text again are made before timing.
        std::vector<std::string> inputs = modules;
        const double start = cpuNow();
        for (std::string &m : inputs) {
            trees.push_back(parse(std::move(m), {"module.nix"}));
        }
        best = std::min(best, cpuNow() - start);
        treeBytes = 0;
        for (std::size_t i = 0; i < trees.size(); ++i) {
            treeBytes += trees[i].memoryUsage();
            if (trees[i].hasErrors() || trees[i].print() != modules[i]) {
                std::fprintf(stderr, "nix-parse-bench: module %zu did not parse cleanly or round trip\n", i);
                return 1;
            }
        }
    }
    std::printf("ours, per module:   %.1f MB/s (best of %d: %.3f s CPU), tree memory %.2f bytes per source byte\n",
                static_cast<double>(total) / 1e6 / best,
                iterations,
                best,
                static_cast<double>(treeBytes) / static_cast<double>(total));

    // Ours, the one wrapped file.
    double bestWrapped = 1e9;
    std::size_t wrappedTree = 0;
    for (int it = 0; it < iterations; ++it) {
        std::string input = wrapped; // copied before timing, as above
        const double start = cpuNow();
        const SyntaxTree tree = parse(std::move(input), {"all.nix"});
        bestWrapped = std::min(bestWrapped, cpuNow() - start);
        wrappedTree = tree.memoryUsage();
        if (tree.hasErrors()) {
            std::fprintf(stderr, "nix-parse-bench: the wrapped corpus did not parse\n");
            return 1;
        }
    }
    std::printf("ours, one list:     %.1f MB/s (%.3f s CPU), tree memory %.2f bytes per source byte, process peak RSS %.1f MiB\n",
                static_cast<double>(wrapped.size()) / 1e6 / bestWrapped,
                bestWrapped,
                static_cast<double>(wrappedTree) / static_cast<double>(wrapped.size()),
                static_cast<double>(maxRssKiB(RUSAGE_SELF)) / 1024.0);

    if (!withNix) {
        return 0;
    }
    const QString nix = findNixInstantiate();
    if (nix.isEmpty()) {
        std::fprintf(stderr, "nix-parse-bench: nix-instantiate is not on PATH (use --no-nix, or run in the build root)\n");
        return 1;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(u"all.nix"_s);
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly)) {
            return 1;
        }
        f.write(wrapped.data(), static_cast<qint64>(wrapped.size()));
    }
    double nixBest = 1e9;
    double nixWall = 1e9;
    long nixPeakKiB = 0;
    for (int it = 0; it < std::min(iterations, 3); ++it) {
        // Timed and watched directly: getrusage() of children would count
        // this process's pages, which the child holds between fork and exec.
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = childrenCpu();
        process.start(nix, {u"--parse"_s, u"--store"_s, u"dummy://"_s, u"--extra-experimental-features"_s, u"pipe-operators"_s, file});
        process.waitForStarted();
        const QString status = u"/proc/%1/status"_s.arg(process.processId());
        while (!process.waitForFinished(2)) {
            QFile f(status);
            if (f.open(QIODevice::ReadOnly)) {
                for (const QByteArray &line : f.readAll().split('\n')) {
                    if (line.startsWith("VmHWM:")) {
                        nixPeakKiB = std::max(nixPeakKiB, line.mid(6).trimmed().split(' ').value(0).toLong());
                    }
                }
            }
        }
        nixWall = std::min(nixWall, static_cast<double>(timer.nsecsElapsed()) / 1e9);
        nixBest = std::min(nixBest, childrenCpu() - cpuBefore);
        if (process.exitCode() != 0) {
            std::fprintf(stderr, "nix-parse-bench: Nix rejected the corpus: %s\n", process.readAllStandardError().constData());
            return 1;
        }
    }
    const NixResult result = runNixParse(nix, file);
    std::printf("nix-instantiate:    %.1f MB/s (best of %d: %.3f s CPU, %.3f s wall, start-up included), peak RSS %.1f MiB (sampled)\n",
                static_cast<double>(wrapped.size()) / 1e6 / nixBest,
                std::min(iterations, 3),
                nixBest,
                nixWall,
                static_cast<double>(nixPeakKiB) / 1024.0);
    std::printf("speed-up:           %.1fx (one list against one list)\n", nixBest / bestWrapped);

    const OurResult ours = runOurParse(wrapped, file.toStdString());
    const std::string why = disagreement(ours, result);
    std::printf("canonical output:   %s\n", why.empty() ? "identical to Nix's" : why.substr(0, 300).c_str());
    return why.empty() ? 0 : 1;
}
