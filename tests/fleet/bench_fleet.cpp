// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Figures for the fleet deployment, each next to a reference measured in the
// same run on the same machines (run-fleet's), printed, never asserted:
// - a deployment against raw `nix copy` plus `ssh … switch-to-configuration`
//   for the same closure, first into an empty store, then with the closure
//   already there (target: at most 1.1 times the raw commands);
// - three machines at once against one (target: at most 1.3 times);
// - ssh round trips of a remote generation list (target: at most 2).

#include "fleetdeployment.h"
#include "remotegenerations.h"
#include "shellquote.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <future>
#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;

namespace
{

SshTarget machine(const QString &address)
{
    return SshTarget{u"root"_s, address, 2222, {}};
}

// What a person would type: nix copy, then one ssh that sets the profile and switches.
qint64 rawDeploy(const QString &address, const QString &system)
{
    QElapsedTimer clock;
    clock.start();
    const SshClient client(machine(address), SshSettings{});
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"NIX_SSHOPTS"_s, u"-p 2222 -o BatchMode=yes"_s);
    const ProcessResult copied = runProcess(u"nix"_s, {u"copy"_s, u"--to"_s, u"ssh://root@"_s + address, system}, environment, 600000);
    const QString remote = u"nix-env -p /nix/var/nix/profiles/system --set "_s + shellQuote(system) + u" && "_s
        + shellQuote(system + u"/bin/switch-to-configuration"_s) + u" switch"_s;
    const ProcessResult switched = runProcess(u"ssh"_s, {u"-p"_s, u"2222"_s, u"-o"_s, u"BatchMode=yes"_s, u"root@"_s + address, remote}, environment, 600000);
    if (!copied.succeeded() || !switched.succeeded()) {
        std::fprintf(stderr, "raw deployment to %s failed: %s %s\n", qPrintable(address), copied.standardError.constData(), switched.standardError.constData());
        std::exit(1);
    }
    return clock.elapsed();
}

int lastConnections = 0;

qint64 snowpaneDeploy(const QStringList &addresses, const QString &system, int rollbackSeconds = 90)
{
    QList<DeployRequest> requests;
    for (const QString &address : addresses) {
        DeployRequest request;
        request.host = address;
        request.systemPath = system;
        request.target = machine(address);
        request.rollbackSeconds = rollbackSeconds;
        requests.append(request);
    }
    QElapsedTimer clock;
    clock.start();
    const QList<HostResult> results = deployFleet(requests, SshSettings{}, 4);
    const qint64 elapsed = clock.elapsed();
    if (rollbackSeconds > 0) {
        lastConnections = results.value(0).sshConnections;
    }
    for (const HostResult &result : results) {
        if (result.outcome != Outcome::Done) {
            std::fprintf(stderr, "deployment to %s: %s\n", qPrintable(result.host), qPrintable(result.message));
            std::exit(1);
        }
    }
    return elapsed;
}

// The machine's busy CPU time so far (user, system, interrupts; not "nice", where nothing of a deployment runs), in ms.
// Both ends of every connection run here, so this is the whole deployment's work: deployer, ssh, sshd, Nix on both sides.
qint64 busyCpuMs()
{
    QFile stat(u"/proc/stat"_s);
    if (!stat.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    if (fields.size() < 8 || fields[0] != "cpu") {
        return 0;
    }
    const qint64 ticks = fields[1].toLongLong() + fields[3].toLongLong() + fields[6].toLongLong() + fields[7].toLongLong();
    return ticks * 1000 / ::sysconf(_SC_CLK_TCK);
}

qint64 median(QList<qint64> values)
{
    std::ranges::sort(values);
    return values[values.size() / 2];
}

QString spread(const QList<qint64> &values)
{
    return u"%1-%2"_s.arg(*std::ranges::min_element(values)).arg(*std::ranges::max_element(values));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString flake = qEnvironmentVariable("SNOWPANE_FLEET_FLAKE");
    if (flake.isEmpty()) {
        std::fprintf(stderr, "run this through tests/fleet/run-fleet\n");
        return 1;
    }
    const BuildResult built = buildHostSystem(flake, u"alpha"_s, SshSettings{});
    if (!built.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(built.error));
        return 1;
    }
    const QString system = built.systemPath;

    std::printf("fleet benchmark, closure of %s\n\n", qPrintable(system));
    // Into empty stores: raw to bench-a, Snowpane to bench-b.
    const qint64 rawFirst = rawDeploy(u"127.0.0.7"_s, system);
    const qint64 cpuBefore = busyCpuMs();
    const qint64 oneFirst = snowpaneDeploy({u"127.0.0.8"_s}, system);
    const qint64 oneCpu = busyCpuMs() - cpuBefore;
    std::printf("first deployment (empty store):   raw nix copy + ssh %6lld ms   snowpane %6lld ms   ratio %.2f (target <= 1.10)\n",
                qlonglong(rawFirst),
                qlonglong(oneFirst),
                double(oneFirst) / double(rawFirst));

    // Three empty machines at once against the one above.
    const qint64 three = snowpaneDeploy({u"127.0.0.2"_s, u"127.0.0.3"_s, u"127.0.0.4"_s}, system);
    std::printf("three machines in parallel:       one %6lld ms   three %6lld ms   ratio %.2f (target <= 1.30)\n",
                qlonglong(oneFirst),
                qlonglong(three),
                double(three) / double(oneFirst));
    // The raw commands three at once, into three other empty machines: what this machine allows at all.
    QElapsedTimer rawClock;
    rawClock.start();
    {
        std::vector<std::future<qint64>> raws;
        for (const QString &address : {u"127.0.0.9"_s, u"127.0.0.10"_s, u"127.0.0.11"_s}) {
            raws.push_back(std::async(std::launch::async, rawDeploy, address, system));
        }
        for (auto &raw : raws) {
            raw.wait();
        }
    }
    const qint64 rawThree = rawClock.elapsed();
    std::printf("  the raw commands, three at once: one %6lld ms   three %6lld ms   ratio %.2f; snowpane's three against them %.2f\n",
                qlonglong(rawFirst),
                qlonglong(rawThree),
                double(rawThree) / double(rawFirst),
                double(three) / double(rawThree));
    // Parallel deployments can overlap only their waiting: three need three times the CPU of one, on this machine's cores.
    const long cores = ::sysconf(_SC_NPROCESSORS_ONLN);
    std::printf("  CPU time of the one:            %6lld ms of %lld ms (every process on both ends); three on %ld cores need at least %lld ms (ratio %.2f)\n",
                qlonglong(oneCpu),
                qlonglong(oneFirst),
                cores,
                qlonglong(3 * oneCpu / qMax(1L, cores)),
                double(3 * oneCpu / qMax(1L, cores)) / double(oneFirst));

    // The closure already there: alternate the two, five times each, on the same machine.
    QList<qint64> raw;
    QList<qint64> snowpane;
    QList<qint64> unguarded;
    for (int i = 0; i < 5; ++i) {
        raw.append(rawDeploy(u"127.0.0.7"_s, system));
        snowpane.append(snowpaneDeploy({u"127.0.0.7"_s}, system));
        unguarded.append(snowpaneDeploy({u"127.0.0.7"_s}, system, 0));
    }
    std::printf("redeployment (closure present):   raw median %6lld ms (%s)   snowpane median %6lld ms (%s)   ratio %.2f (target <= 1.10)\n",
                qlonglong(median(raw)),
                qPrintable(spread(raw)),
                qlonglong(median(snowpane)),
                qPrintable(spread(snowpane)),
                double(median(snowpane)) / double(median(raw)));
    // Magic rollback's price is one fresh connection after the activation, which the raw commands do not make.
    std::printf("the same without magic rollback:  snowpane median %6lld ms (%s)   ratio %.2f\n",
                qlonglong(median(unguarded)),
                qPrintable(spread(unguarded)),
                double(median(unguarded)) / double(median(raw)));
    std::printf(
        "ssh sessions per redeployment:    raw 2 (nix copy, ssh), 2 handshakes   snowpane %d (probe, which finds the closure there so nothing is copied, "
        "and activation on one shared connection; the fresh confirmation), 2 handshakes\n",
        lastConnections);

    const SshClient client(machine(u"127.0.0.7"_s), SshSettings{});
    QElapsedTimer clock;
    clock.start();
    const RemoteGenerationList listed = listRemoteGenerations(client);
    std::printf("remote generation list:           %lld generations, %d ssh round trip(s), %lld ms (target <= 2 round trips)\n",
                qlonglong(listed.generations.size()),
                client.connectionCount(),
                qlonglong(clock.elapsed()));
    return listed.error == RemoteError::None ? 0 : 1;
}
