// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Benchmark, not a test: prints how long the host list and one host's
// definitions take by evaluation and from the cache on the multi-host
// fixture, and one placement decision with host sharing known, each next to
// a reference measured in the same run (Nix's own `nix eval` of the host
// names, and the same placement without hosts).

#include "changeset.h"
#include "documentset.h"
#include "hostevaluation.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Snowpane::Config;

namespace
{

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile99(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, v.size() * 99 / 100)];
}

std::vector<double> measure(int runs, const std::function<void()> &body)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        body();
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target)) {
            return false;
        }
    }
    return true;
}

int runQuietly(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    p.waitForFinished(300000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("NIX_CONFIG", "substituters =\nexperimental-features = nix-command flakes");
    QTemporaryDir tmp;
    const QString repo = tmp.path() + u"/repo"_s;
    const QString fixtures = QStringLiteral(FIXTURES_DIR);
    if (!copyTree(fixtures + u"/nixpkgs"_s, repo + u"/nixpkgs"_s) || !copyTree(fixtures + u"/hosts"_s, repo + u"/hosts"_s)) {
        std::fprintf(stderr, "cannot copy the fixture\n");
        return 1;
    }
    const QStringList identity{u"-c"_s, u"user.name=Bench"_s, u"-c"_s, u"user.email=bench@example.invalid"_s};
    if (runQuietly(u"git"_s, {u"init"_s, u"-q"_s, repo}) != 0 || runQuietly(u"git"_s, {u"-C"_s, repo, u"add"_s, u"-A"_s}) != 0
        || runQuietly(u"git"_s, identity + QStringList{u"-C"_s, repo, u"commit"_s, u"-q"_s, u"-m"_s, u"fixture"_s}) != 0) {
        std::fprintf(stderr, "git failed: bench_hosts needs git and Nix (run it inside tools/dev exec)\n");
        return 1;
    }
    const QString flake = repo + u"/hosts"_s;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    std::printf("multi-host fixture: %s (5 hosts)\n", qPrintable(flake));

    // Reference: Nix itself listing the hosts, as the evaluation path does.
    const auto reference = measure(3, [&] {
        runQuietly(u"nix"_s, {u"eval"_s, u"--json"_s, flake + u"#nixosConfigurations"_s, u"--apply"_s, u"builtins.attrNames"_s});
    });
    HostList list;
    const auto evaluated = measure(3, [&] {
        list = listHosts(flake, env, false);
    });
    if (list.reading != HostReading::Evaluation || list.hosts.size() != 5) {
        std::fprintf(stderr, "the host list did not come from evaluation: %s\n", list.why.c_str());
        return 1;
    }
    const auto cached = measure(50, [&] {
        list = listHosts(flake, env, true);
    });
    std::printf("host list by evaluation: median %.0f ms (runs %.0f, %.0f, %.0f); bare `nix eval … --apply builtins.attrNames` %.0f ms; target <= 2000 ms\n",
                median(evaluated),
                evaluated[0],
                evaluated[1],
                evaluated[2],
                median(reference));
    std::printf("host list from cache: median %.2f ms, p99 %.2f ms over 50; target <= 20 ms\n", median(cached), percentile99(cached));

    HostFiles files;
    const auto oneHost = measure(3, [&] {
        files = evaluateHostFiles(flake, {"alpha"}, env, false);
    });
    if (!files.ok) {
        std::fprintf(stderr, "evaluating alpha's definitions failed: %s\n", files.error.c_str());
        return 1;
    }
    const auto oneHostCached = measure(50, [&] {
        files = evaluateHostFiles(flake, {"alpha"}, env, true);
    });
    std::size_t options = 0;
    for (const auto &[file, defined] : files.files["alpha"]) {
        options += defined.size();
    }
    std::printf("definitions of one host (alpha, %zu files, %zu option definitions) by evaluation: median %.0f ms (runs %.0f, %.0f, %.0f); target <= 1000 ms\n",
                files.files["alpha"].size(),
                options,
                median(oneHost),
                oneHost[0],
                oneHost[1],
                oneHost[2]);
    std::printf("definitions of one host from cache: median %.2f ms, p99 %.2f ms over 50; target <= 20 ms\n",
                median(oneHostCached),
                percentile99(oneHostCached));

    // One placement decision with every host's sharing known, against the same set without hosts.
    const HostFiles all = evaluateHostFiles(flake, {}, env, true);
    const HostScope scope = scopeFor(flake, "alpha", list, all);
    const DocumentSet set = DocumentSet::load(flake.toStdString(), "alpha", scope);
    const DocumentSet alone = set.withScope({});
    if (!set.ok() || !scope.known()) {
        std::fprintf(stderr, "cannot load alpha with its scope: %s\n", set.error().c_str());
        return 1;
    }
    const Operation operation{Operation::Kind::Set, *parseOptionPath("services.openssh.enable"), "true"};
    EditResult result;
    const auto placement = measure(200, [&] {
        result = planOperation(set, operation);
    });
    if (!result.ok || result.files.empty() || !result.files.front().path.ends_with("/hosts/alpha/default.nix")) {
        std::fprintf(stderr, "placement went wrong: %s\n", result.error.c_str());
        return 1;
    }
    const auto placementAlone = measure(200, [&] {
        result = planOperation(alone, operation);
    });
    std::printf(
        "one placement decision with host sharing known (alpha, %zu files): median %.3f ms, p99 %.3f ms over 200; without hosts %.3f ms; target <= 5 ms\n",
        set.documents().size(),
        median(placement),
        percentile99(placement),
        median(placementAlone));
    return 0;
}
