// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "machineprobe.h"

#include "remotescripts.h"
#include "shellquote.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

QString machineProbeScript(const RemotePaths &paths)
{
    // readlink -f names a path that does not exist too: each link is read only when it leads somewhere.
    QString script =
        uR"SH(resolve() { [ -e "$1" ] && readlink -f "$1" 2>/dev/null; }
profile=@PROFILE@
running=$(resolve @CURRENT@)
booted=$(resolve @BOOTED@)
if command -v nix-env >/dev/null 2>&1 && command -v nix-store >/dev/null 2>&1; then echo "snowpane:nix=1"; else echo "snowpane:nix="; fi
echo "snowpane:profile=$(readlink "$profile" 2>/dev/null)"
echo "snowpane:profile-system=$(resolve "$profile")"
echo "snowpane:running=$running"
echo "snowpane:booted=$booted"
echo "snowpane:version=$(head -c 200 "$running/nixos-version" 2>/dev/null | tr -d '\t\n')"
@BOOT_PARTS@if [ -n "$booted" ] && [ -n "$running" ]; then
    for part in $(changed_boot_parts "$booted" "$running"); do
        echo "snowpane:kernel-changed=$part"
    done
fi
exit 0
)SH"_s;
    script.replace(u"@BOOT_PARTS@"_s, Scripts::changedBootParts());
    script.replace(u"@PROFILE@"_s, shellQuote(paths.profile));
    script.replace(u"@CURRENT@"_s, shellQuote(paths.currentSystem));
    script.replace(u"@BOOTED@"_s, shellQuote(paths.bootedSystem));
    return script;
}

MachineFacts machineFactsFromOutput(const QString &output)
{
    MachineFacts facts;
    const QHash<QString, QString> markers = readMarkers(output);
    if (!markers.contains(u"nix"_s)) {
        facts.error = RemoteError::Failed;
        facts.message = u"the machine's answer was not understood"_s;
        return facts;
    }
    if (markers.value(u"nix"_s).isEmpty()) {
        facts.error = RemoteError::NoNix;
        facts.message = u"nix-env and nix-store are not on the machine's PATH"_s;
    }
    const QString profile = markers.value(u"profile"_s);
    static const QRegularExpression generationPattern(u"-(\\d+)-link$"_s);
    if (const auto match = generationPattern.match(profile); match.hasMatch()) {
        facts.generation = match.captured(1).toInt();
    }
    facts.runningSystem = markers.value(u"running"_s);
    facts.profileSystem = markers.value(u"profile-system"_s);
    facts.nixosVersion = markers.value(u"version"_s);
    facts.kernelChanged = markers.contains(u"kernel-changed"_s);
    // A boot-mode deployment (or a switch with --boot) waits for the next boot as much as a new kernel does.
    const bool bootDefaultWaits = !facts.profileSystem.isEmpty() && !facts.runningSystem.isEmpty() && facts.profileSystem != facts.runningSystem;
    facts.rebootPending = facts.kernelChanged || bootDefaultWaits;
    return facts;
}

MachineFacts probeMachine(const SshClient &client, const RemotePaths &paths)
{
    const RemoteResult probed = client.runScript(machineProbeScript(paths));
    if (!probed.succeeded()) {
        MachineFacts facts;
        facts.error = probed.error;
        facts.message = probed.message;
        // Read once, with the error: every key scan counts against us in sshd's PerSourcePenalties.
        facts.offeredHostKeys = probed.offeredHostKeys;
        return facts;
    }
    return machineFactsFromOutput(probed.output());
}

MachineFacts probeThisMachine(const SshSettings &settings, const RemotePaths &paths)
{
    const ProcessResult ran = runProcess(u"sh"_s, {u"-c"_s, machineProbeScript(paths)}, settings.environment, 30000);
    if (!ran.succeeded()) {
        MachineFacts facts;
        facts.error = RemoteError::Failed;
        facts.message = u"reading this machine's system failed: "_s + ran.errorText();
        return facts;
    }
    return machineFactsFromOutput(QString::fromUtf8(ran.standardOutput));
}

} // namespace Snowpane::Remote
