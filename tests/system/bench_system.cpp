// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_system: prints timings, asserts nothing. Run in the build root:
//   tools/dev exec BUILD_DIR/bin/bench_system
// It makes two synthetic closures of 3,000 store paths with real Nix
// (builtins.toFile, so nothing is built), then times, on the same pair:
// our closure diff (Nix database), `nix store diff-closures`, and our
// `nix-store -qR` fallback; and the listing of 1,000 generations.

#include "closurereader.h"
#include "fakeprofile.h"
#include "generationreader.h"
#include "nixtools.h"
#include "packagediff.h"
#include "systemdiff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#include <functional>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

constexpr int paths = 3000;

// Package i depends on i-1, i/2 and i/3, so the graph is deep and shared.
// Variant "b" bumps every tenth package's version (its dependants get new
// hashes, as in a real rebuild), drops every fiftieth and adds twenty.
constexpr char closureExpression[] = R"nix(
{ variant, n }:
let
  b = variant == "b";
  mod = a: m: a - (a / m) * m;
  version = i: "1.${toString (i / 7)}" + (if b && mod i 10 == 3 then ".1" else "");
  present = i: !(b && mod i 50 == 7);
  dependencies = i: if i < 3 then [ ] else builtins.filter present [ (i - 1) (i / 2) (i / 3) ];
  packages = builtins.genList (i:
    builtins.toFile "pkg${toString i}-${version i}"
      (builtins.concatStringsSep "\n" (map (j: builtins.elemAt packages j) (dependencies i)))) n;
  extra = if b then builtins.genList (i: builtins.toFile "extra${toString i}-0.${toString i}" "x") 20 else [ ];
  selected = builtins.filter (p: p != null) (builtins.genList (i: if present i then builtins.elemAt packages i else null) n) ++ extra;
in builtins.toFile "system-${variant}" (builtins.concatStringsSep "\n" selected)
)nix";

// The machine is shared, so the fastest run says most about the code and
// the median about what a user would see; both are printed, with the median
// CPU time of this process (all its threads) and of the commands it ran,
// which other load moves less.
struct Timing {
    double median = 0;
    double fastest = 0;
    double cpuMedian = 0;
};

// This process's threads and the children it waited for (nix, nix-store).
double processCpuMs()
{
    double total = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        getrusage(who, &usage);
        total += double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    }
    return total;
}

Timing timeMs(const std::function<void()> &run, int repetitions)
{
    QList<double> samples;
    QList<double> cpu;
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        const double cpuStart = processCpuMs();
        timer.start();
        run();
        samples.append(double(timer.nsecsElapsed()) / 1e6);
        cpu.append(processCpuMs() - cpuStart);
    }
    std::ranges::sort(samples);
    std::ranges::sort(cpu);
    return {samples.at(samples.size() / 2), samples.first(), cpu.at(cpu.size() / 2)};
}

void print(const char *what, const Timing &timing, int repetitions, const char *note = "")
{
    std::printf("%-46s median %8.2f ms, fastest %8.2f ms, CPU %8.2f ms (%d runs)%s\n",
                what,
                timing.median,
                timing.fastest,
                timing.cpuMedian,
                repetitions,
                note);
}

QString makeClosure(const QString &file, const char *variant, QString *error)
{
    const NixTools::Run run = NixTools::run(u"nix-instantiate"_s,
                                            {u"--eval"_s,
                                             u"--read-write-mode"_s,
                                             u"--json"_s,
                                             file,
                                             u"--argstr"_s,
                                             u"variant"_s,
                                             QString::fromLatin1(variant),
                                             u"--arg"_s,
                                             u"n"_s,
                                             QString::number(paths)});
    if (!run.ok()) {
        *error = QString::fromUtf8(run.err);
        return {};
    }
    return QString::fromUtf8(run.out).trimmed().remove(u'"');
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString missing = NixTools::requireNix();
    if (!missing.isEmpty()) {
        std::fprintf(stderr, "bench_system: %s\n", qPrintable(missing));
        return 1;
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(u"closures.nix"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(closureExpression) < 0) {
        return 1;
    }
    file.close();
    QString error;
    QElapsedTimer setup;
    setup.start();
    const QString a = makeClosure(file.fileName(), "a", &error);
    const QString b = a.isEmpty() ? QString() : makeClosure(file.fileName(), "b", &error);
    if (b.isEmpty()) {
        std::fprintf(stderr, "bench_system: cannot make the closures: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("setup: two synthetic closures made with nix-instantiate in %.0f ms\n", double(setup.elapsed()));

    PackageDiff diff;
    ClosureReader::Settings databaseSettings;
    databaseSettings.method = ClosureReader::Method::DatabaseOnly;
    // bench_system --profile N: only the uncached diff, N times, for a profiler such as perf.
    if (const qsizetype option = app.arguments().indexOf(u"--profile"_s); option > 0) {
        const int runs = app.arguments().value(option + 1).toInt();
        for (int i = 0; i < runs; ++i) {
            ClosureReader reader(databaseSettings);
            diff = diffSystems(reader, a, b);
        }
        return diff.isValid() ? 0 : 1;
    }
    const Timing ours = timeMs(
        [&] {
            // A fresh cache: the database is queried every time. Its connections
            // stay open between readers, as they do in the app (closurereader.cpp).
            ClosureReader reader(databaseSettings);
            diff = diffSystems(reader, a, b);
        },
        15);
    if (!diff.isValid()) {
        std::fprintf(stderr, "bench_system: %s\n", qPrintable(diff.error));
        return 1;
    }
    ClosureReader warm(databaseSettings);
    (void)diffSystems(warm, a, b);
    const Timing cached = timeMs(
        [&] {
            (void)diffSystems(warm, a, b);
        },
        15);

    {
        const Timing closureOnly = timeMs(
            [&] {
                ClosureReader reader(databaseSettings);
                (void)reader.closure(a);
            },
            15);
        const Timing referencesOnly = timeMs(
            [&] {
                ClosureReader reader(databaseSettings);
                (void)reader.references(a);
            },
            15);
        const Closure ca = warm.closure(a);
        const Closure cb = warm.closure(b);
        const QStringList sa = selectedPackagesOf(warm, a);
        const QStringList sb = selectedPackagesOf(warm, b);
        const Timing pure = timeMs(
            [&] {
                (void)diffClosures(ca, sa, cb, sb);
            },
            15);
        const Timing noSelection = timeMs(
            [&] {
                (void)diffClosures(ca, {}, cb, {});
            },
            15);
        const Timing same = timeMs(
            [&] {
                (void)diffClosures(ca, {}, ca, {});
            },
            15);
        print("  part: one closure from the database", closureOnly, 15);
        print("  part: its references", referencesOnly, 15);
        print("  part: diffClosures alone", pure, 15);
        print("  part: diffClosures without selection", noSelection, 15);
        print("  part: diffClosures of a closure with itself", same, 15);
    }
    qsizetype sizeA = 0;
    qsizetype sizeB = 0;
    {
        ClosureReader reader(databaseSettings);
        sizeA = reader.closure(a).paths.size();
        sizeB = reader.closure(b).paths.size();
    }
    int nixExit = 0;
    const Timing nix = timeMs(
        [&] {
            nixExit = NixTools::run(u"nix"_s, {u"store"_s, u"diff-closures"_s, a, b}).exitCode;
        },
        5);

    ClosureReader::Settings commandSettings;
    commandSettings.method = ClosureReader::Method::CommandsOnly;
    PackageDiff fallbackDiff;
    const Timing fallback = timeMs(
        [&] {
            ClosureReader reader(commandSettings);
            fallbackDiff = diffSystems(reader, a, b);
        },
        5);

    std::printf("closures: %lld and %lld paths; %lld package changes, %lld paths added, %lld removed\n",
                qlonglong(sizeA),
                qlonglong(sizeB),
                qlonglong(diff.changes.size()),
                qlonglong(diff.pathsAdded.size()),
                qlonglong(diff.pathsRemoved.size()));
    print("our closure diff (Nix database, no result cache)", ours, 15);
    print("our closure diff (closures cached)", cached, 15);
    print("nix store diff-closures", nix, 5, nixExit == 0 ? "" : " (FAILED)");
    const bool same = fallbackDiff.changes.size() == diff.changes.size() && fallbackDiff.pathsAdded == diff.pathsAdded;
    print("our nix-store -qR + nix path-info fallback", fallback, 5, same ? " (same diff)" : " (DIFFERENT diff)");
    std::printf("speed-up over nix store diff-closures (medians): %.1fx without cache, %.1fx cached (target: 20x)\n",
                nix.median / ours.median,
                nix.median / cached.median);

    // 1,000 generations of a fake profile, as tst_profilescale makes them.
    QTemporaryDir profileDir;
    FakeProfile profile(profileDir.path());
    for (int number = 1; number <= 1000; ++number) {
        if (!profile.addGeneration({number, u"26.05.%1"_s.arg(number), u"6.6.%1"_s.arg(number % 50), {}, {}, {}, {}})) {
            std::fprintf(stderr, "bench_system: %s\n", qPrintable(profile.errorString()));
            return 1;
        }
    }
    (void)profile.pointAt(profile.profilePath(), 1000);
    qsizetype listed = 0;
    const Timing listing = timeMs(
        [&] {
            listed = GenerationReader(profile.profilePath()).readAll().generations.size();
        },
        9);
    std::printf("listing %lld generations (target: 100 ms):\n", qlonglong(listed));
    print("  GenerationReader::readAll", listing, 9);
    return 0;
}
