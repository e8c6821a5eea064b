// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Figures for the issue's speed targets, printed, not asserted: import of
// 150,000 generated packages in nix-env's schema (about 150 MB of JSON),
// peak memory, cache size, first results from a cold open, keystroke search
// latency, and real nix-env on the stand-in nixpkgs. Everything it writes
// goes to a temporary directory that is deleted at the end.
//
//   tools/dev exec BUILD_DIR/bin/bench_packages [PACKAGES]

#include "catalog.h"
#include "catalogimporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

namespace
{

const char *const syllables[] = {"ka",  "lo",  "mi",  "nu",  "pe",  "ra",  "si",  "to",  "vu",  "xe",  "zo",  "gra", "pho", "stri", "bel", "cor", "dex",
                                 "fin", "gul", "hex", "jin", "kor", "lum", "mox", "nix", "orb", "pyx", "qua", "ryn", "syl", "tek",  "umb", "vex", "wyr"};
const char *const words[] = {"library", "tool",    "command", "line",     "interface", "fast",     "simple",   "modern",    "terminal", "editor",
                             "browser", "network", "server",  "client",   "parser",    "binding",  "python",   "haskell",   "rust",     "graphics",
                             "audio",   "video",   "player",  "manager",  "system",    "monitor",  "database", "framework", "utility",  "compiler",
                             "GTK",     "Qt",      "plugin",  "protocol", "file",      "format",   "viewer",   "converter", "secure",   "lightweight",
                             "daemon",  "service", "desktop", "web",      "toolkit",   "scalable", "engine",   "language",  "runtime",  "debugger"};
const char *const sets[] = {"",
                            "",
                            "",
                            "",
                            "python312Packages.",
                            "python311Packages.",
                            "haskellPackages.",
                            "perlPackages.",
                            "nodePackages.",
                            "rPackages.",
                            "vimPlugins.",
                            "emacsPackages.",
                            "ocamlPackages.",
                            "luaPackages."};
const char *const licences[][3] = {{"MIT", "mit", "MIT License"},
                                   {"Apache-2.0", "asl20", "Apache License 2.0"},
                                   {"GPL-3.0-or-later", "gpl3Plus", "GNU General Public License v3.0 or later"},
                                   {"BSD-3-Clause", "bsd3", "BSD 3-clause \\\"New\\\" or \\\"Revised\\\" License"},
                                   {"LGPL-2.1-or-later", "lgpl21Plus", "GNU Lesser General Public License v2.1 or later"}};
const char *const platforms =
    R"(["aarch64-darwin", "aarch64-linux", "armv7l-linux", "i686-linux", "powerpc64le-linux", "riscv64-linux", "x86_64-darwin", "x86_64-linux"])";

QByteArray randomName(QRandomGenerator &random)
{
    QByteArray name;
    const int count = 2 + int(random.bounded(3));
    for (int i = 0; i < count; ++i) {
        name += syllables[random.bounded(int(std::size(syllables)))];
    }
    if (random.bounded(4) == 0) {
        name += '-';
        name += words[random.bounded(int(std::size(words)))];
    }
    return name;
}

QByteArray sentence(QRandomGenerator &random, int minWords, int maxWords)
{
    QByteArray text;
    const int count = minWords + int(random.bounded(maxWords - minWords + 1));
    for (int i = 0; i < count; ++i) {
        if (i) {
            text += ' ';
        }
        text += words[random.bounded(int(std::size(words)))];
    }
    text[0] = char(toupper(text[0]));
    return text;
}

QByteArray licenceJson(int index)
{
    const auto &l = licences[index];
    return "{\"deprecated\": false, \"free\": true, \"fullName\": \""_ba + l[2] + "\", \"redistributable\": true, \"shortName\": \"" + l[1]
        + "\", \"spdxId\": \"" + l[0] + "\", \"url\": \"https://spdx.org/licenses/" + l[0] + ".html\"}";
}

// Writes @p count packages like `nix-env -qaP --json --meta` prints them; returns the attribute names.
QList<QByteArray> generate(const QString &path, int count)
{
    QRandomGenerator random(20261124);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    QList<QByteArray> attrs;
    QSet<QByteArray> seen;
    QByteArray out = "{\n";
    while (attrs.size() < count) {
        const QByteArray pname = randomName(random);
        const QByteArray attr = sets[random.bounded(int(std::size(sets)))] + pname;
        if (seen.contains(attr)) {
            continue;
        }
        seen.insert(attr);
        const QByteArray version =
            QByteArray::number(random.bounded(20)) + '.' + QByteArray::number(random.bounded(40)) + '.' + QByteArray::number(random.bounded(10));
        const bool unfree = random.bounded(50) == 0;
        QByteArray license;
        if (unfree) {
            license = R"({"deprecated": false, "free": false, "fullName": "Unfree", "redistributable": false, "shortName": "unfree"})";
        } else if (random.bounded(10) == 0) {
            license = '[' + licenceJson(random.bounded(5)) + ", " + licenceJson(random.bounded(5)) + ']';
        } else {
            license = licenceJson(random.bounded(5));
        }
        if (!attrs.isEmpty()) {
            out += ",\n";
        }
        out += "  \"" + attr + "\": {\n    \"meta\": {\n      \"available\": " + (unfree ? "false" : "true")
            + ",\n      \"broken\": " + (random.bounded(100) == 0 ? "true" : "false") + ",\n      \"description\": \"" + sentence(random, 4, 10)
            + "\",\n      \"homepage\": \"https://" + pname + ".example.org/\",\n      \"insecure\": false,\n      \"license\": " + license + ",\n";
        if (random.bounded(4) == 0) {
            out += "      \"longDescription\": \"" + sentence(random, 20, 60) + ".\\n" + sentence(random, 10, 30) + ".\\n\",\n";
        }
        out += "      \"mainProgram\": \"" + pname + "\",\n      \"maintainers\": [\n";
        const int maintainers = 1 + int(random.bounded(3));
        for (int m = 0; m < maintainers; ++m) {
            const QByteArray who = randomName(random);
            out += "        {\"email\": \"" + who + "@example.org\", \"github\": \"" + who + "\", \"githubId\": " + QByteArray::number(random.bounded(9999999))
                + ", \"name\": \"" + who + " Example\"}" + (m + 1 < maintainers ? ",\n" : "\n");
        }
        out += "      ],\n      \"name\": \"" + pname + '-' + version + "\",\n      \"outputsToInstall\": [\"out\"],\n      \"platforms\": " + platforms
            + ",\n      \"position\": \"/nix/store/00000000000000000000000000000000-source/pkgs/by-name/" + pname.left(2) + '/' + pname
            + "/package.nix:" + QByteArray::number(random.bounded(200)) + "\",\n      \"unfree\": " + (unfree ? "true" : "false")
            + ",\n      \"unsupported\": false\n    },\n    \"name\": \"" + pname + '-' + version
            + "\",\n    \"outputName\": \"out\",\n    \"outputs\": {\"out\": null},\n    \"pname\": \"" + pname
            + "\",\n    \"system\": \"x86_64-linux\",\n    \"version\": \"" + version + "\"\n  }";
        attrs.append(attr);
        if (out.size() > (1 << 20)) {
            file.write(out);
            out.clear();
        }
    }
    out += "\n}\n";
    file.write(out);
    return attrs;
}

qint64 statusKiB(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field)) {
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

void resetPeakMemory()
{
    // Linux resets VmHWM to the current RSS when 5 is written here.
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly)) {
        clear.write("5");
    }
}

void dropFromPageCache(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd >= 0) {
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

// CPU time of this thread: on a shared, loaded machine the wall clock
// mostly measures waiting for a core.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 150000;
    QTemporaryDir dir;
    if (!dir.isValid() || count <= 0) {
        std::fprintf(stderr, "usage: bench_packages [PACKAGES]; needs a writable temporary directory\n");
        return 2;
    }
    const QString json = dir.filePath(u"packages.json"_s);
    QElapsedTimer timer;
    timer.start();
    const QList<QByteArray> attrs = generate(json, count);
    std::printf("generated %lld packages, %.1f MB of JSON, in %.2f s\n",
                qint64(attrs.size()),
                double(QFileInfo(json).size()) / 1e6,
                double(timer.elapsed()) / 1000);
    dropFromPageCache(json);

    ImportRequest request;
    request.source.nixpkgs = dir.path();
    request.fromFile = json;
    request.cachePath = dir.filePath(u"catalog.sqlite"_s);
    resetPeakMemory();
    const qint64 rssBefore = statusKiB("VmRSS:");
    timer.restart();
    const double importCpuStart = threadCpuMs();
    const ImportResult result = CatalogImporter::run(request);
    const double importSeconds = double(timer.elapsed()) / 1000;
    const double importCpuSeconds = (threadCpuMs() - importCpuStart) / 1000;
    if (!result.ok) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("import: %.2f s wall, %.2f s CPU (target <= 10 s)\n", importSeconds, importCpuSeconds);
    std::printf("peak memory during import (VmHWM): %.1f MiB (target <= 300 MiB; RSS before the import %.1f MiB)\n",
                double(statusKiB("VmHWM:")) / 1024,
                double(rssBefore) / 1024);
    std::printf("cache size: %.1f MB\n", double(QFileInfo(request.cachePath).size()) / 1e6);
    QFile::remove(json);
    if (qEnvironmentVariableIsSet("BENCH_KEEP")) {
        QFile::copy(request.cachePath, qEnvironmentVariable("BENCH_KEEP"));
    }

    // Cold: the cache file is dropped from the page cache first.
    dropFromPageCache(request.cachePath);
    timer.restart();
    QString error;
    auto catalog = Catalog::open(request.cachePath, &error);
    if (!catalog) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(error));
        return 1;
    }
    SearchQuery first;
    first.text = u"fire"_s;
    const SearchResult firstResult = catalog->search(first);
    std::printf("first results from a cold open: %.1f ms (%lld hits; target <= 150 ms)\n", double(timer.nsecsElapsed()) / 1e6, qint64(firstResult.hits.size()));

    // Keystrokes: names and description words typed one letter at a time.
    QRandomGenerator random(7);
    QStringList queries;
    while (queries.size() < 1000) {
        const QString target = random.bounded(3) == 0 ? QString::fromLatin1(words[random.bounded(int(std::size(words)))])
                                                      : QString::fromLatin1(attrs.at(random.bounded(int(attrs.size())))).section(u'.', -1);
        for (qsizetype n = 1; n <= target.size() && queries.size() < 1000; ++n) {
            queries.append(target.left(n));
        }
    }
    std::vector<double> latencies;
    std::vector<double> cpu;
    qint64 hits = 0;
    // Two passes: the first right after the cold open (pages come from disk
    // as they are first touched), the second with the cache file in memory.
    for (int pass = 0; pass < 2; ++pass) {
        latencies.clear();
        cpu.clear();
        hits = 0;
        for (const QString &text : std::as_const(queries)) {
            SearchQuery query;
            query.text = text;
            query.limit = 50;
            QElapsedTimer one;
            one.start();
            const double cpuStart = threadCpuMs();
            hits += catalog->search(query).hits.size();
            latencies.push_back(double(one.nsecsElapsed()) / 1e6);
            cpu.push_back(threadCpuMs() - cpuStart);
        }
        std::printf(
            "search, %s pass, over %lld keystroke queries (50 per page, %.1f hits on average): median %.3f ms, p99 %.3f ms, max %.3f ms (target p99 <= 10 "
            "ms)\n",
            pass == 0 ? "first" : "second",
            qint64(queries.size()),
            double(hits) / double(queries.size()),
            percentile(latencies, 0.5),
            percentile(latencies, 0.99),
            percentile(latencies, 1.0));
        std::printf("  the same, CPU time of the searching thread: median %.3f ms, p99 %.3f ms, max %.3f ms\n",
                    percentile(cpu, 0.5),
                    percentile(cpu, 0.99),
                    percentile(cpu, 1.0));
        std::vector<std::pair<double, QString>> slowest;
        for (std::size_t i = 0; i < latencies.size(); ++i) {
            slowest.emplace_back(latencies[i], queries.at(qsizetype(i)));
        }
        std::sort(slowest.begin(), slowest.end(), std::greater<>());
        std::printf("slowest queries:");
        for (std::size_t i = 0; i < std::min<std::size_t>(8, slowest.size()); ++i) {
            std::printf(" '%s' %.1f ms;", qPrintable(slowest[i].second), slowest[i].first);
        }
        std::printf("\n");
    }
    SearchQuery filtered;
    filtered.text = u"lib"_s;
    filtered.unfree = SearchQuery::Unfree::FreeOnly;
    filtered.license = u"MIT"_s;
    timer.restart();
    const SearchResult filteredResult = catalog->search(filtered);
    std::printf("filtered search ('lib', free, MIT): %.3f ms, %lld hits\n", double(timer.nsecsElapsed()) / 1e6, qint64(filteredResult.hits.size()));
    catalog.reset();

    // Real nix-env on the stand-in nixpkgs, and the whole import through it.
    const QString standIn = QStringLiteral(SNOWPANE_SOURCE_DIR "/tests/fixtures/nixpkgs");
    QTemporaryDir listerDirectory;
    QFile lister(listerDirectory.filePath(u"list-packages.nix"_s));
    if (!lister.open(QIODevice::WriteOnly) || lister.write(CatalogImporter::listerExpression()) < 0) {
        std::printf("cannot write %s\n", qPrintable(lister.fileName()));
        return 1;
    }
    lister.close();
    QProcess nixEnv;
    timer.restart();
    nixEnv.start(u"nix-env"_s, CatalogImporter::nixEnvArguments(standIn, lister.fileName()));
    if (!nixEnv.waitForFinished(600000) || nixEnv.exitCode() != 0) {
        QFile load(u"/proc/loadavg"_s);
        if (load.open(QIODevice::ReadOnly)) {
            std::printf("load average while measuring: %s", load.readAll().constData());
        }
        std::printf("nix-env -qaP --json --meta on the stand-in: failed (%s)\n", qPrintable(nixEnv.errorString()));
        return 1;
    }
    const double nixEnvMs = double(timer.nsecsElapsed()) / 1e6;
    const qsizetype nixEnvBytes = nixEnv.readAllStandardOutput().size();
    ImportRequest real;
    real.source = CatalogSource::fromPath(standIn);
    real.cachePath = dir.filePath(u"standin.sqlite"_s);
    timer.restart();
    const ImportResult realResult = CatalogImporter::run(real);
    QFile load(u"/proc/loadavg"_s);
    if (load.open(QIODevice::ReadOnly)) {
        std::printf("load average while measuring: %s", load.readAll().constData());
    }
    std::printf("nix-env -qaP --json --meta on the stand-in: %.0f ms, %lld bytes; whole import through nix-env: %.0f ms, %lld packages%s\n",
                nixEnvMs,
                qint64(nixEnvBytes),
                double(timer.nsecsElapsed()) / 1e6,
                qint64(realResult.packages),
                realResult.ok ? "" : qPrintable(u" FAILED: "_s + realResult.error));
    return 0;
}
