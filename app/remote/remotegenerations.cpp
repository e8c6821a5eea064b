// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "remotegenerations.h"

#include "remotescripts.h"
#include "sshclient.h"

#include <QHash>
#include <QScopeGuard>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

RemoteGenerationList generationsFromOutput(const QString &output)
{
    RemoteGenerationList list;
    const QHash<QString, QString> markers = readMarkers(output);
    if (markers.contains(u"no-profile"_s)) {
        list.error = RemoteError::Failed;
        list.message = u"the machine has no system profile"_s;
        return list;
    }
    const QString current = markers.value(u"current"_s);
    const QString running = markers.value(u"running"_s);
    const QString booted = markers.value(u"booted"_s);
    for (const QString &line : output.split(u'\n')) {
        if (!line.startsWith(u"snowpane-generation\t"_s)) {
            continue;
        }
        const QStringList fields = line.split(u'\t');
        if (fields.size() < 8) {
            continue;
        }
        System::Generation generation;
        bool ok = false;
        generation.number = fields[1].toInt(&ok);
        if (!ok) {
            continue;
        }
        generation.date = QDateTime::fromSecsSinceEpoch(fields[2].toLongLong());
        generation.storePath = fields[3];
        generation.nixosVersion = fields[4];
        generation.kernelVersion = fields[5];
        generation.configurationRevision = fields[6];
        generation.specialisations = fields[7].split(u' ', Qt::SkipEmptyParts);
        generation.current = current.endsWith(u"-%1-link"_s.arg(generation.number));
        generation.running = !running.isEmpty() && running == generation.storePath;
        generation.booted = !booted.isEmpty() && booted == generation.storePath;
        if (generation.nixosVersion.isEmpty()) {
            generation.problem = u"This generation has no nixos-version file; it may not be a NixOS system."_s;
        }
        list.generations.append(generation);
    }
    std::ranges::sort(list.generations, [](const System::Generation &a, const System::Generation &b) {
        return a.number > b.number;
    });
    return list;
}

RemoteGenerationList listRemoteGenerations(const SshClient &client, const RemotePaths &paths)
{
    const RemoteResult listed = client.runScript(Scripts::listGenerations(paths.profile, paths.currentSystem, paths.bootedSystem));
    if (!listed.succeeded()) {
        RemoteGenerationList failed;
        failed.error = listed.error;
        failed.message = listed.message;
        return failed;
    }
    return generationsFromOutput(listed.output());
}

ActivationResult switchRemoteGeneration(SshClient &client, int number, bool boot, int rollbackSeconds, const RemotePaths &paths)
{
    client.setShareConnection(true);
    const auto closeConnection = qScopeGuard([&client] {
        client.closeSharedConnection();
    });
    const RemoteResult probed = client.runScript(Scripts::probe());
    if (!probed.succeeded()) {
        ActivationResult failed;
        failed.error = probed.error;
        failed.outcome = probed.error == RemoteError::Unreachable ? Outcome::Unreachable : Outcome::Failed;
        failed.message = probed.message;
        return failed;
    }
    const QHash<QString, QString> facts = readMarkers(probed.output());
    if (facts.value(u"nix"_s).isEmpty()) {
        ActivationResult failed;
        failed.error = RemoteError::NoNix;
        failed.message = u"%1 has no Nix"_s.arg(client.target().destination());
        return failed;
    }
    client.setUseSudo(facts.value(u"uid"_s) != u"0"_s);
    ActivationRequest request;
    request.generation = number;
    request.action = boot ? u"boot"_s : u"switch"_s;
    request.rollbackSeconds = rollbackSeconds;
    request.systemd = facts.contains(u"systemd"_s);
    request.profile = paths.profile;
    request.currentSystem = paths.currentSystem;
    return activateRemotely(client, request);
}

namespace
{

System::Closure closureOf(const QString &root, const QStringList &paths, const QHash<QString, qint64> &sizes)
{
    System::Closure closure;
    closure.root = root;
    closure.source = System::Closure::Source::Commands;
    for (const QString &path : paths) {
        const qint64 size = sizes.value(path);
        closure.paths.append({path, size});
        closure.totalNarSize += size;
    }
    std::ranges::sort(closure.paths, [](const System::StorePathInfo &a, const System::StorePathInfo &b) {
        return System::storePathLess(a.path, b.path);
    });
    return closure;
}

} // namespace

RemoteGenerationDiff closureDiffFromOutput(const QString &output)
{
    RemoteGenerationDiff result;
    const QHash<QString, QString> markers = readMarkers(output);
    const QHash<QString, QStringList> sections = readSections(output);
    if (!output.contains(u"snowpane-section end"_s)) {
        // The caller names what could not be read.
        result.error = RemoteError::Failed;
        return result;
    }
    const QStringList allPaths = sections.value(u"paths"_s);
    const QStringList sizes = sections.value(u"sizes"_s);
    QHash<QString, qint64> sizeOf;
    for (qsizetype i = 0; i < allPaths.size() && i < sizes.size(); ++i) {
        sizeOf.insert(allPaths[i], sizes[i].toLongLong());
    }
    result.before = closureOf(markers.value(u"before"_s), sections.value(u"closure-before"_s), sizeOf);
    result.after = closureOf(markers.value(u"after"_s), sections.value(u"closure-after"_s), sizeOf);
    result.diff = System::diffClosures(result.before, sections.value(u"selected-before"_s), result.after, sections.value(u"selected-after"_s));
    if (!result.diff.isValid()) {
        result.error = RemoteError::Failed;
        result.message = result.diff.error;
    }
    return result;
}

RemoteGenerationDiff diffRemoteGenerations(const SshClient &client, int before, int after, const RemotePaths &paths)
{
    const RemoteResult queried = client.runScript(Scripts::closuresOfGenerations(paths.profile, before, after));
    if (!queried.succeeded()) {
        RemoteGenerationDiff failed;
        failed.error = queried.error;
        failed.message = queried.message;
        return failed;
    }
    RemoteGenerationDiff result = closureDiffFromOutput(queried.output());
    if (result.error != RemoteError::None && result.message.isEmpty()) {
        result.message = u"the closures of generations %1 and %2 could not be read on %3"_s.arg(before).arg(after).arg(client.target().destination());
    }
    return result;
}

} // namespace Snowpane::Remote
