// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "deploycommand.h"

#include "commandline.h"
#include "packagediffoutput.h"
#include "remoteoptions.h"

#include "helperconfig.h"

#include "flaketargets.h"
#include "fleetdeployment.h"
#include "remotegenerations.h"
#include "targetsettings.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMutex>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;

namespace
{

QJsonObject previewJson(const DeployPreview &preview)
{
    QJsonArray changes;
    for (const Snowpane::System::PackageChange &change : preview.packages.changes) {
        changes.append(packageChangeJson(change));
    }
    return {
        {u"currentSystem"_s, preview.currentSystem},
        {u"newSystem"_s, preview.newSystem},
        {u"sameSystem"_s, preview.isSameSystem()},
        {u"kernel"_s, QJsonObject{{u"before"_s, preview.kernelBefore}, {u"after"_s, preview.kernelAfter}}},
        {u"rebootNeeded"_s, preview.rebootNeeded},
        {u"changes"_s, changes},
        {u"closureSize"_s,
         QJsonObject{{u"before"_s, preview.packages.sizeBefore}, {u"after"_s, preview.packages.sizeAfter}, {u"delta"_s, preview.packages.sizeDelta()}}},
        {u"units"_s,
         QJsonObject{
             {u"stop"_s, QJsonArray::fromStringList(preview.units.stop)},
             {u"restart"_s, QJsonArray::fromStringList(preview.units.restart)},
             {u"start"_s, QJsonArray::fromStringList(preview.units.start)},
             {u"reload"_s, QJsonArray::fromStringList(preview.units.reload)},
             {u"restartSystemd"_s, preview.units.restartSystemd},
         }},
        {u"dryActivationLog"_s, QJsonArray::fromStringList(preview.dryActivationLog)},
    };
}

void printUnits(const char *verb, const QStringList &units)
{
    if (!units.isEmpty()) {
        std::printf("  would %s: %s\n", verb, qPrintable(units.join(u", "_s)));
    }
}

void printPreview(const HostResult &result)
{
    const DeployPreview &preview = *result.preview;
    std::printf("\n%s on %s (dry-activate: nothing was changed)\n", qPrintable(result.host), qPrintable(result.target.uri()));
    std::printf("<<< %s (running)\n>>> %s\n",
                qPrintable(preview.currentSystem.isEmpty() ? u"(no system yet)"_s : preview.currentSystem),
                qPrintable(preview.newSystem));
    if (preview.isSameSystem()) {
        std::printf("The machine already runs this system.\n");
    }
    if (preview.kernelBefore != preview.kernelAfter) {
        std::printf("Kernel: %s -> %s\n", qPrintable(preview.kernelBefore.isEmpty() ? u"(none)"_s : preview.kernelBefore), qPrintable(preview.kernelAfter));
    }
    if (preview.rebootNeeded) {
        std::printf("Reboot: the new kernel, initrd or modules take effect only after a reboot (switch, then reboot; or deploy with --mode boot).\n");
    }
    printPackageChanges(preview.packages);
    std::printf("Closure size: %s -> %s (%s)\n",
                qPrintable(QLocale::c().formattedDataSize(preview.packages.sizeBefore, 1, QLocale::DataSizeTraditionalFormat)),
                qPrintable(QLocale::c().formattedDataSize(preview.packages.sizeAfter, 1, QLocale::DataSizeTraditionalFormat)),
                qPrintable(signedSize(preview.packages.sizeDelta())));
    if (preview.units.isEmpty()) {
        std::printf("Units: none would stop, restart, start or reload.\n");
    } else {
        std::printf("Units:\n");
        printUnits("stop", preview.units.stop);
        printUnits("restart", preview.units.restart);
        printUnits("start", preview.units.start);
        printUnits("reload", preview.units.reload);
        if (preview.units.restartSystemd) {
            std::printf("  would restart systemd\n");
        }
    }
}

std::atomic_bool *interrupted = nullptr;

// The first Ctrl-C cancels the deployment in order (see deployHost); a second one ends the program.
void onInterrupt(int)
{
    if (interrupted) {
        interrupted->store(true);
    }
    std::signal(SIGINT, SIG_DFL);
}

// This machine as the helper's settings name it; their defaults (/etc/nixos, the host name) when there are none.
ThisMachine thisMachine()
{
    const auto config = Snowpane::Helper::loadHelperConfig();
    if (!config.isOk()) {
        std::fprintf(stderr, "snowpane-cli: %s; taking /etc/nixos and the host name as this machine's\n", qPrintable(config.error()));
        return ThisMachine::fromHelperSettings({}, {});
    }
    return ThisMachine::fromHelperSettings(config.value().configurationDirectory, config.value().host);
}

QJsonObject toJson(const HostResult &result, const QString &source)
{
    QJsonObject object{
        {u"host"_s, result.host},
        {u"target"_s, result.target.uri()},
        {u"targetSource"_s, source},
        {u"outcome"_s, outcomeName(result.outcome)},
        {u"ok"_s, result.outcome == Outcome::Done},
        {u"error"_s, result.error == RemoteError::None ? QJsonValue() : QJsonValue(errorName(result.error))},
        {u"message"_s, result.message},
        {u"systemPath"_s, result.systemPath},
        {u"previousGeneration"_s, result.previousGeneration},
        {u"generation"_s, result.generation},
        {u"rollbackScheduled"_s, result.rollbackScheduled},
        {u"elapsedMs"_s, result.elapsedMs},
    };
    if (result.preview) {
        object.insert(u"preview"_s, previewJson(*result.preview));
    }
    return object;
}

std::optional<int> positiveNumber(const QCommandLineParser &parser, const QString &name, int &value)
{
    if (!parser.isSet(name)) {
        return std::nullopt;
    }
    bool ok = false;
    value = parser.value(name).toInt(&ok);
    if (!ok || value <= 0) {
        std::fprintf(stderr, "--%s takes a positive number\n", qPrintable(name));
        return 2;
    }
    return std::nullopt;
}

} // namespace

int runDeployCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Build hosts of a flake and deploy each to its own machine over SSH: copy the closure with Nix, activate as nixos-rebuild does, "
        "with magic rollback. Exit code 0 when every host succeeded, 1 when any failed or rolled back, 2 for usage errors."_s);
    parser.addHelpOption();
    parser.addOption({u"config"_s, u"The flake directory."_s, u"DIR"_s});
    parser.addOption({u"host"_s, u"A host of the flake (nixosConfigurations.<host>); may be repeated."_s, u"H"_s});
    parser.addOption({u"all"_s, u"Every host of the flake."_s});
    parser.addOption({u"parallel"_s, u"How many hosts at once (default 4)."_s, u"N"_s, u"4"_s});
    parser.addOption({u"mode"_s,
                      u"switch, boot, test or dry-activate (default switch); dry-activate previews what would change and changes nothing."_s,
                      u"MODE"_s,
                      u"switch"_s});
    parser.addOption({u"target"_s, u"Where the (single) host goes: ssh://[user@]host[:port], overriding the flake."_s, u"URI"_s});
    parser.addOption({u"system"_s, u"Deploy this already built toplevel instead of building (single host)."_s, u"PATH"_s});
    parser.addOption(
        {u"rollback-timeout"_s, u"Seconds after which a machine that cannot be reached again rolls itself back (default 90; 0: off)."_s, u"S"_s, u"90"_s});
    parser.addOption({u"json"_s, u"Print the results as JSON."_s});
    addSshOptions(parser);
    if (const auto exitCode = parseSubcommandArguments(parser, arguments)) {
        return *exitCode;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "deploy takes no positional arguments; see --help\n");
        return 2;
    }
    const QString flake = parser.value(u"config"_s);
    QStringList hosts = parser.values(u"host"_s);
    if (flake.isEmpty() && !parser.isSet(u"system"_s)) {
        std::fprintf(stderr, "deploy needs --config DIR (the flake)\n");
        return 2;
    }
    if (hosts.isEmpty() && !parser.isSet(u"all"_s)) {
        std::fprintf(stderr, "deploy needs --host H (repeatable) or --all\n");
        return 2;
    }
    if (hosts.size() + (parser.isSet(u"all"_s) ? 2 : 0) > 1 && (parser.isSet(u"target"_s) || parser.isSet(u"system"_s))) {
        std::fprintf(stderr, "--target and --system apply to a single --host\n");
        return 2;
    }
    const QString mode = parser.value(u"mode"_s);
    if (!QStringList{u"switch"_s, u"boot"_s, u"test"_s, u"dry-activate"_s}.contains(mode)) {
        std::fprintf(stderr, "--mode is switch, boot, test or dry-activate\n");
        return 2;
    }
    int parallel = 4;
    if (const auto exitCode = positiveNumber(parser, u"parallel"_s, parallel)) {
        return *exitCode;
    }
    bool ok = false;
    const int rollbackSeconds = parser.value(u"rollback-timeout"_s).toInt(&ok);
    if (!ok || rollbackSeconds < 0 || (rollbackSeconds > 0 && rollbackSeconds < 5)) {
        std::fprintf(stderr, "--rollback-timeout takes 0 (off) or a number of seconds of at least 5\n");
        return 2;
    }
    std::optional<SshTarget> overrideTarget;
    if (parser.isSet(u"target"_s)) {
        const TargetParse parsed = parseTarget(parser.value(u"target"_s));
        if (!parsed.isValid()) {
            std::fprintf(stderr, "--target: %s\n", qPrintable(parsed.error));
            return 2;
        }
        overrideTarget = parsed.target;
    }
    for (const QString &host : std::as_const(hosts)) {
        if (!isValidHostName(host)) {
            std::fprintf(stderr, "'%s' is not a host name\n", qPrintable(host));
            return 2;
        }
    }

    SshSettings settings = sshSettingsFrom(parser);
    QHash<QString, HostTarget> targets;
    if (!flake.isEmpty() && !(overrideTarget && hosts.size() == 1)) {
        const FlakeTargets read = readFlakeTargets(flake, readTargetSettings(), settings);
        if (!read.error.isEmpty()) {
            std::fprintf(stderr, "snowpane-cli: %s\n", qPrintable(read.error));
            return 1;
        }
        QStringList known;
        for (const HostTarget &entry : read.hosts) {
            targets.insert(entry.host, entry);
            known.append(entry.host);
            if (!entry.problem.isEmpty()) {
                std::fprintf(stderr, "snowpane-cli: %s; using the host name\n", qPrintable(entry.problem));
            }
        }
        if (parser.isSet(u"all"_s)) {
            hosts = known;
        }
        for (const QString &host : std::as_const(hosts)) {
            if (!targets.contains(host)) {
                std::fprintf(stderr, "snowpane-cli: the flake has no host '%s' (it has: %s)\n", qPrintable(host), qPrintable(known.join(u", "_s)));
                return 2;
            }
        }
    }

    // This machine's own host is applied through the helper, which this command does not reach: never over SSH to itself.
    const ThisMachine self = thisMachine();
    QList<DeployRequest> requests;
    QStringList sources;
    for (const QString &host : std::as_const(hosts)) {
        DeployRequest request;
        request.host = host;
        request.flake = flake;
        request.systemPath = parser.value(u"system"_s);
        request.mode = mode;
        request.rollbackSeconds = rollbackSeconds;
        if (overrideTarget) {
            request.target = *overrideTarget;
            sources.append(u"command line"_s);
        } else {
            request.target = targets.value(host).target;
            sources.append(sourceName(targets.value(host).source));
        }
        // An explicit --target is where the person wants this host to go: only whether it names this machine counts.
        request.route = routeOf(self, overrideTarget ? QString() : flake, host, request.target);
        if (request.route != DeployRoute::Ssh) {
            request.routeMessage = thisMachineMessage(self, flake, host, mode, request.route);
        }
        requests.append(request);
    }

    const bool json = parser.isSet(u"json"_s);
    QMutex printing;
    const auto progress = [&](const QString &host, Step step, const QString &line) {
        if (!line.isEmpty()) {
            return;
        }
        QMutexLocker locker(&printing);
        std::fprintf(stderr, "%s: %s\n", qPrintable(host), qPrintable(stepName(step)));
    };
    settings.cancel = std::make_shared<std::atomic_bool>(false);
    interrupted = settings.cancel.get();
    std::signal(SIGINT, onInterrupt);
    const QList<HostResult> results = deployFleet(requests, settings, parallel, progress);
    std::signal(SIGINT, SIG_DFL);
    interrupted = nullptr;

    bool allDone = true;
    QJsonArray list;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const HostResult &result = results[i];
        allDone = allDone && result.outcome == Outcome::Done;
        list.append(toJson(result, sources.value(i)));
    }
    if (json) {
        const QJsonObject document{{u"ok"_s, allDone}, {u"mode"_s, mode}, {u"hosts"_s, list}};
        std::fputs(QJsonDocument(document).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        for (const HostResult &result : results) {
            std::printf("%-16s %-28s %-12s%s\n",
                        qPrintable(result.host),
                        qPrintable(result.target.uri()),
                        qPrintable(outcomeName(result.outcome)),
                        qPrintable(result.outcome == Outcome::Done ? (result.generation > 0 ? u"generation %1"_s.arg(result.generation) : QString())
                                                                   : errorName(result.error) + u": "_s + result.message));
        }
        for (const HostResult &result : results) {
            if (result.preview) {
                printPreview(result);
            }
        }
    }
    return allDone ? 0 : 1;
}

int runSwitchGenerationCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Switch a machine to one of its generations over SSH (or make it the boot default), with magic rollback."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"N"_s, u"The generation's number."_s);
    parser.addOption({u"target"_s, u"The machine: ssh://[user@]host[:port]."_s, u"URI"_s});
    parser.addOption({u"boot"_s, u"Only make it the boot default."_s});
    parser.addOption({u"rollback-timeout"_s, u"Seconds after which an unreachable machine rolls itself back (default 90; 0: off)."_s, u"S"_s, u"90"_s});
    parser.addOption({u"json"_s, u"Print the result as JSON."_s});
    addSshOptions(parser);
    if (const auto exitCode = parseSubcommandArguments(parser, arguments)) {
        return *exitCode;
    }
    bool ok = false;
    const int number = parser.positionalArguments().value(0).toInt(&ok);
    if (parser.positionalArguments().size() != 1 || !ok || number <= 0) {
        std::fprintf(stderr, "switch-generation takes one generation number; see --help\n");
        return 2;
    }
    const TargetParse parsed = parseTarget(parser.value(u"target"_s));
    if (!parser.isSet(u"target"_s) || !parsed.isValid()) {
        std::fprintf(stderr, "switch-generation needs --target URI%s\n", parser.isSet(u"target"_s) ? qPrintable(u": "_s + parsed.error) : "");
        return 2;
    }
    const int rollbackSeconds = parser.value(u"rollback-timeout"_s).toInt(&ok);
    if (!ok || rollbackSeconds < 0 || (rollbackSeconds > 0 && rollbackSeconds < 5)) {
        std::fprintf(stderr, "--rollback-timeout takes 0 (off) or a number of seconds of at least 5\n");
        return 2;
    }
    if (routeOf(thisMachine(), {}, {}, parsed.target) != DeployRoute::Ssh) {
        std::fprintf(stderr,
                     "snowpane-cli: %s is this machine: Snowpane does not switch it over SSH to itself; use the window's Generations page "
                     "(through the helper) or sudo nix-env -p /nix/var/nix/profiles/system --switch-generation %d\n",
                     qPrintable(parsed.target.uri()),
                     number);
        return 1;
    }
    SshClient client(parsed.target, sshSettingsFrom(parser));
    const ActivationResult result = switchRemoteGeneration(client, number, parser.isSet(u"boot"_s), rollbackSeconds);
    if (parser.isSet(u"json"_s)) {
        const QJsonObject document{
            {u"target"_s, parsed.target.uri()},
            {u"outcome"_s, outcomeName(result.outcome)},
            {u"ok"_s, result.outcome == Outcome::Done},
            {u"error"_s, result.error == RemoteError::None ? QJsonValue() : QJsonValue(errorName(result.error))},
            {u"message"_s, result.message},
            {u"previousGeneration"_s, result.previousGeneration},
            {u"generation"_s, result.generation},
        };
        std::fputs(QJsonDocument(document).toJson(QJsonDocument::Indented).constData(), stdout);
    } else if (result.outcome == Outcome::Done) {
        std::printf("%s: generation %d (%s)\n", qPrintable(parsed.target.uri()), result.generation, parser.isSet(u"boot"_s) ? "boot default" : "running");
    } else {
        std::fprintf(stderr,
                     "snowpane-cli: %s: %s: %s\n",
                     qPrintable(outcomeName(result.outcome)),
                     qPrintable(errorName(result.error)),
                     qPrintable(result.message));
    }
    return result.outcome == Outcome::Done ? 0 : 1;
}
