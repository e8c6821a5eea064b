// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "remotescripts.h"

#include "shellquote.h"

#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

namespace
{

// Each @NAME@ becomes the quoted value: scripts are fixed text, and values only ever appear as one shell word.
QString fill(QString script, const QList<std::pair<QString, QString>> &values)
{
    for (const auto &[name, value] : values) {
        script.replace(u'@' + name + u'@', shellQuote(value));
    }
    return script;
}

QString rollbackDirectory(const QString &token)
{
    return u"/tmp/snowpane-rollback-"_s + token;
}

// Run on the machine, alone, when the rollback comes due (or at once after a
// failed activation). Only one of it and confirm() wins the rename of
// "pending"; the loser changes nothing.
constexpr auto rollbackBody = R"SH(dir=$(dirname "$0")
mv "$dir/pending" "$dir/rolling-back" 2>/dev/null || exit 0
profile=$(cat "$dir/profile")
previous=$(cat "$dir/previous-generation")
system=$(cat "$dir/previous-system")
action=$(cat "$dir/action")
nixenv=$(cat "$dir/nix-env")
{
    if [ -n "$previous" ] && [ "$action" = switch ]; then
        "$nixenv" -p "$profile" --switch-generation "$previous"
    fi
    "$system/bin/switch-to-configuration" "$action"
} >"$dir/rollback.log" 2>&1
echo $? >"$dir/rolled-back"
)SH"_L1;

// Both closures ($before may be empty: a machine that runs nothing yet),
// their NAR sizes and the packages each selected, as sections.
constexpr auto closuresBody = R"SH(set -e
echo "snowpane-section closure-before"
[ -z "$before" ] || nix-store --query --requisites "$before"
echo "snowpane-section closure-after"
nix-store --query --requisites "$after"
set -- $(nix-store --query --requisites $before "$after" | sort -u)
echo "snowpane-section paths"
printf '%s\n' "$@"
echo "snowpane-section sizes"
nix-store --query --size "$@"
echo "snowpane-section selected-before"
[ -n "$before" ] && [ -e "$before/sw" ] && nix-store --query --references "$(readlink -f "$before/sw")"
echo "snowpane-section selected-after"
[ -e "$after/sw" ] && nix-store --query --references "$(readlink -f "$after/sw")"
set +e
)SH"_L1;

// Needs $system (may be empty) and $store (nix-store, may be empty). On disk is
// not enough: a half-copied path exists and is not valid until Nix registers it.
constexpr auto presenceCheck = R"SH(if [ -n "$system" ] && [ -e "$system" ] && [ -n "$store" ] && "$store" --check-validity "$system" >/dev/null 2>&1; then
    echo "snowpane:present=1"
fi
exit 0
)SH"_L1;

} // namespace

namespace Scripts
{

QString newToken()
{
    return QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, u'0');
}

bool isValidToken(const QString &token)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{16}$"_s);
    return pattern.match(token).hasMatch();
}

QString changedBootParts()
{
    // readlink -f names a missing last component too: a part is resolved only where it exists.
    return uR"SH(changed_boot_parts() {
    for snowpane_part in kernel initrd kernel-modules; do
        snowpane_was=
        snowpane_now=
        [ -e "$1/$snowpane_part" ] && snowpane_was=$(readlink -f "$1/$snowpane_part")
        [ -e "$2/$snowpane_part" ] && snowpane_now=$(readlink -f "$2/$snowpane_part")
        [ "$snowpane_was" = "$snowpane_now" ] || echo "$snowpane_part"
    done
}
)SH"_s;
}

QString probe(const QString &systemPath)
{
    // Only the shell's own look-ups, and Nix only when the system is on disk already: starting Nix
    // costs a program start, and asking it whether the path is valid costs far less than a copy.
    return fill(
        uR"SH(system=@SYSTEM@
store=$(command -v nix-store 2>/dev/null)
env=$(command -v nix-env 2>/dev/null)
if [ -n "$store" ] && [ -x "$store" ] && [ -n "$env" ] && [ -x "$env" ]; then
    echo "snowpane:nix=$store"
else
    echo "snowpane:nix="
fi
[ -d /run/systemd/system ] && echo "snowpane:systemd=1"
[ -S /nix/var/nix/daemon-socket/socket ] && echo "snowpane:daemon=1"
echo "snowpane:uid=$(id -u)"
echo "snowpane:current-system=$(readlink -f /run/current-system 2>/dev/null)"
)SH"_s + QString(presenceCheck),
        {{u"SYSTEM"_s, systemPath}});
}

QString presence(const QString &systemPath)
{
    return fill(u"system=@SYSTEM@\nstore=$(command -v nix-store 2>/dev/null)\n"_s + QString(presenceCheck), {{u"SYSTEM"_s, systemPath}});
}

QString activate(const Activation &plan)
{
    QString script =
        uR"SH(set -u
profile=@PROFILE@
action=@ACTION@
system=@SYSTEM@
generation=@GENERATION@
rollback=@ROLLBACK@
systemd=@SYSTEMD@
dir=@DIR@
token=@TOKEN@
say() { printf 'snowpane:%s\n' "$*"; }
# Sets $number to N of the profile's system-N-link (empty for none): one readlink, no pipeline.
generation_of() {
    number=
    link=$(readlink "$1" 2>/dev/null) || return 0
    link=${link%-link}
    case ${link##*-} in '' | *[!0-9]*) ;; *) number=${link##*-} ;; esac
}
nixenv=$(command -v nix-env) || { echo "nix-env: not found" >&2; exit 127; }
generation_of "$profile"
previous=$number
running=$(readlink -f @CURRENT@ 2>/dev/null || true)
[ -e "$running/bin/switch-to-configuration" ] || running=
say "previous-generation=$previous"
say "previous-system=$running"
if [ "$generation" != 0 ]; then
    "$nixenv" -p "$profile" --switch-generation "$generation" >&2 || { say "failed=profile"; exit 1; }
    system=$(readlink -f "$profile")
elif [ "$action" = switch ] || [ "$action" = boot ]; then
    "$nixenv" -p "$profile" --set "$system" >&2 || { say "failed=profile"; exit 1; }
fi
[ -x "$system/bin/switch-to-configuration" ] || { echo "$system is not a NixOS system: it has no bin/switch-to-configuration" >&2; say "failed=not-a-system"; exit 1; }
generation_of "$profile"
say "generation=$number"
say "system=$system"
scheduled=
if [ "$rollback" -gt 0 ] && [ -n "$running" ] && { [ "$action" = switch ] || [ "$action" = test ]; }; then
    mkdir -m 700 "$dir" || { say "failed=schedule"; exit 1; }
    printf '%s' "$profile" >"$dir/profile"
    printf '%s' "$previous" >"$dir/previous-generation"
    printf '%s' "$running" >"$dir/previous-system"
    printf '%s' "$action" >"$dir/action"
    printf '%s' "$nixenv" >"$dir/nix-env"
    printf '%s' @ROLLBACK_BODY@ >"$dir/rollback"
    : >"$dir/pending"
    if [ "$systemd" = 1 ]; then
        systemd-run --quiet --collect --unit="snowpane-rollback-$token" --on-active="${rollback}s" \
            --timer-property=AccuracySec=1s /bin/sh "$dir/rollback" >&2 || { rm -rf "$dir"; say "failed=schedule"; exit 1; }
    else
        setsid sh -c 'sleep "$1"; exec sh "$2"' snowpane-rollback "$rollback" "$dir/rollback" </dev/null >/dev/null 2>&1 &
        echo $! >"$dir/pid"
    fi
    scheduled=1
    say "rollback-scheduled=$rollback"
fi
if [ "$systemd" = 1 ] && [ "$action" != dry-activate ]; then
    systemd-run -E LOCALE_ARCHIVE -E NIXOS_INSTALL_BOOTLOADER --collect --no-ask-password --pipe --quiet \
        --service-type=exec --unit=nixos-rebuild-switch-to-configuration \
        "$system/bin/switch-to-configuration" "$action" >&2
else
    "$system/bin/switch-to-configuration" "$action" >&2
fi
status=$?
say "activation-exit=$status"
if [ "$status" != 0 ] && [ -n "$scheduled" ]; then
    sh "$dir/rollback"
    say "rolled-back=$(cat "$dir/rolled-back" 2>/dev/null)"
fi
exit "$status"
)SH"_s;
    return fill(script,
                {
                    {u"ROLLBACK_BODY"_s, QString(rollbackBody)},
                    {u"PROFILE"_s, plan.profile},
                    {u"CURRENT"_s, plan.currentSystem},
                    {u"ACTION"_s, plan.action},
                    {u"SYSTEM"_s, plan.systemPath},
                    {u"GENERATION"_s, QString::number(qMax(0, plan.generation))},
                    {u"ROLLBACK"_s, QString::number(qMax(0, plan.rollbackSeconds))},
                    {u"SYSTEMD"_s, plan.systemd ? u"1"_s : u"0"_s},
                    {u"DIR"_s, rollbackDirectory(plan.token)},
                    {u"TOKEN"_s, plan.token},
                });
}

QString confirm(const QString &token)
{
    return fill(
        uR"SH(dir=@DIR@
if mv "$dir/pending" "$dir/confirmed" 2>/dev/null; then
    [ -f "$dir/pid" ] && read -r pid <"$dir/pid" && kill "$pid" 2>/dev/null
    if [ -d /run/systemd/system ]; then systemctl stop "snowpane-rollback-"@TOKEN@".timer" 2>/dev/null; fi
    rm -rf "$dir"
    echo "snowpane:confirmed=1"
else
    echo "snowpane:too-late=1"
    [ -f "$dir/rolled-back" ] && echo "snowpane:rolled-back=$(cat "$dir/rolled-back")"
fi
exit 0
)SH"_s,
        {{u"DIR"_s, rollbackDirectory(token)}, {u"TOKEN"_s, token}});
}

QString listGenerations(const QString &profile, const QString &currentSystem, const QString &bootedSystem)
{
    return fill(
        uR"SH(profile=@PROFILE@
tab=$(printf '\t')
if [ ! -L "$profile" ]; then echo "snowpane:no-profile=1"; exit 0; fi
echo "snowpane:current=$(readlink "$profile")"
echo "snowpane:running=$(readlink -f @CURRENT@ 2>/dev/null)"
echo "snowpane:booted=$(readlink -f @BOOTED@ 2>/dev/null)"
for link in "$profile"-*-link; do
    [ -L "$link" ] || continue
    number=${link#"$profile"-}
    number=${number%-link}
    target=$(readlink -f "$link")
    version=$(head -c 200 "$target/nixos-version" 2>/dev/null | tr -d '\t\n')
    kernel=$(ls "$target/kernel-modules/lib/modules" 2>/dev/null | head -n 1)
    revision=
    [ -x "$target/sw/bin/nixos-version" ] && revision=$("$target/sw/bin/nixos-version" --configuration-revision 2>/dev/null | tr -d '\t\n')
    specialisations=$(ls "$target/specialisation" 2>/dev/null | tr '\n' ' ')
    printf 'snowpane-generation\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$number" "$(stat -c %Y "$link")" "$target" "$version" "$kernel" "$revision" "$specialisations"
done
exit 0
)SH"_s,
        {{u"PROFILE"_s, profile}, {u"CURRENT"_s, currentSystem}, {u"BOOTED"_s, bootedSystem}});
}

QString closuresOfGenerations(const QString &profile, int before, int after)
{
    return fill(
        uR"SH(profile=@PROFILE@
for n in @BEFORE@ @AFTER@; do
    [ -L "$profile-$n-link" ] || { echo "generation $n does not exist on this machine" >&2; exit 3; }
done
before=$(readlink -f "$profile-"@BEFORE@"-link")
after=$(readlink -f "$profile-"@AFTER@"-link")
echo "snowpane:before=$before"
echo "snowpane:after=$after"
@CLOSURES@echo "snowpane-section end"
)SH"_s.replace(u"@CLOSURES@"_s, QString(closuresBody)),
        {{u"PROFILE"_s, profile}, {u"BEFORE"_s, QString::number(before)}, {u"AFTER"_s, QString::number(after)}});
}

QString preview(const QString &newSystem, const QString &currentSystem, const QString &bootedSystem)
{
    return fill(
        uR"SH(after=@NEW@
[ -x "$after/bin/switch-to-configuration" ] || { echo "$after is not a NixOS system: it has no bin/switch-to-configuration" >&2; exit 3; }
before=$(readlink -f @CURRENT@ 2>/dev/null || true)
[ -n "$before" ] && [ -e "$before" ] || before=
booted=$(readlink -f @BOOTED@ 2>/dev/null || true)
[ -n "$booted" ] && [ -e "$booted" ] || booted=$before
kernel_of() { ls "$1/kernel-modules/lib/modules" 2>/dev/null | head -n 1; }
@BOOT_PARTS@echo "snowpane:before=$before"
echo "snowpane:after=$after"
[ -n "$before" ] && echo "snowpane:kernel-before=$(kernel_of "$before")"
echo "snowpane:kernel-after=$(kernel_of "$after")"
if [ -n "$booted" ] && [ -n "$(changed_boot_parts "$booted" "$after")" ]; then echo "snowpane:reboot=1"; fi
@CLOSURES@set +e
echo "snowpane-section dry-activate"
"$after/bin/switch-to-configuration" dry-activate 2>&1
status=$?
echo "snowpane-section end"
echo "snowpane:dry-activate-exit=$status"
exit 0
)SH"_s.replace(u"@CLOSURES@"_s, QString(closuresBody))
            .replace(u"@BOOT_PARTS@"_s, changedBootParts()),
        {{u"NEW"_s, newSystem}, {u"CURRENT"_s, currentSystem}, {u"BOOTED"_s, bootedSystem}});
}

QString rollBackNow(const QString &token)
{
    return fill(
        uR"SH(dir=@DIR@
[ -f "$dir/pending" ] && sh "$dir/rollback"
if [ -f "$dir/rolled-back" ]; then
    echo "snowpane:rolled-back=$(cat "$dir/rolled-back")"
else
    echo "snowpane:too-late=1"
fi
exit 0
)SH"_s,
        {{u"DIR"_s, rollbackDirectory(token)}});
}

} // namespace Scripts

QHash<QString, QString> readMarkers(const QString &output)
{
    QHash<QString, QString> markers;
    for (const QString &line : output.split(u'\n')) {
        if (!line.startsWith(u"snowpane:"_s)) {
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0) {
            continue;
        }
        markers.insert(line.mid(9, equals - 9), line.mid(equals + 1));
    }
    return markers;
}

QHash<QString, QStringList> readSections(const QString &output)
{
    QHash<QString, QStringList> sections;
    QString section;
    for (const QString &line : output.split(u'\n')) {
        if (line.startsWith(u"snowpane-section "_s)) {
            section = line.mid(17);
        } else if (!section.isEmpty() && !line.isEmpty() && !line.startsWith(u"snowpane:"_s)) {
            sections[section].append(line);
        }
    }
    return sections;
}

} // namespace Snowpane::Remote
