// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "deploypreview.h"

#include "remotescripts.h"
#include "sshclient.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

namespace
{

int countOf(const System::PackageDiff &diff, auto &&predicate)
{
    return int(std::ranges::count_if(diff.changes, predicate));
}

} // namespace

int DeployPreview::packagesAdded() const
{
    return countOf(packages, [](const System::PackageChange &change) {
        return change.kind == System::PackageChange::Kind::Added;
    });
}

int DeployPreview::packagesRemoved() const
{
    return countOf(packages, [](const System::PackageChange &change) {
        return change.kind == System::PackageChange::Kind::Removed;
    });
}

int DeployPreview::packagesChanged() const
{
    return int(packages.changes.size()) - packagesAdded() - packagesRemoved();
}

DeployPreview previewFromOutput(const QString &output)
{
    DeployPreview preview;
    const QHash<QString, QString> markers = readMarkers(output);
    const RemoteGenerationDiff closures = closureDiffFromOutput(output);
    preview.currentSystem = markers.value(u"before"_s);
    preview.newSystem = markers.value(u"after"_s);
    preview.kernelBefore = markers.value(u"kernel-before"_s);
    preview.kernelAfter = markers.value(u"kernel-after"_s);
    preview.rebootNeeded = markers.contains(u"reboot"_s);
    preview.packages = closures.diff;
    if (closures.error != RemoteError::None) {
        preview.error = closures.error;
        preview.message = closures.message.isEmpty() ? u"the closures could not be read"_s : closures.message;
        return preview;
    }
    preview.dryActivationLog = readSections(output).value(u"dry-activate"_s);
    preview.units = System::parseDryActivation(preview.dryActivationLog);
    const QString exit = markers.value(u"dry-activate-exit"_s);
    if (exit != u"0"_s) {
        preview.error = RemoteError::ActivationFailed;
        preview.message = u"switch-to-configuration dry-activate %1: %2"_s.arg(
            exit.isEmpty() ? u"did not finish"_s : u"exited with "_s + exit,
            preview.dryActivationLog.mid(qMax(qsizetype(0), preview.dryActivationLog.size() - 3)).join(u" / "_s));
    }
    return preview;
}

DeployPreview previewOnMachine(const SshClient &client, const QString &newSystem, const RemotePaths &paths)
{
    const RemoteResult ran = client.runScript(Scripts::preview(newSystem, paths.currentSystem, paths.bootedSystem));
    if (!ran.succeeded()) {
        DeployPreview failed;
        failed.newSystem = newSystem;
        failed.error = ran.error;
        failed.message = ran.message;
        return failed;
    }
    DeployPreview preview = previewFromOutput(ran.output());
    if (!preview.isValid()) {
        preview.message = client.target().destination() + u": "_s + preview.message;
    }
    return preview;
}

} // namespace Snowpane::Remote
