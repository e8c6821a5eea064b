# SPDX-FileCopyrightText: 2026 Snowpane contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The privileged world, sourced by the scripts that need it: tests/privileged/run-e2e
# (the end-to-end tests) and tests/privileged/run-demo (`tools/dev run` and the
# demo-e2e test). One copy of how the world is made, so that the demo runs
# exactly what the tests check.
#
# The world is a system bus, polkitd, Snowpane's helper with its D-Bus and
# polkit files, and users, all inside new mount and PID namespaces: every
# file is installed into a private copy of its directory bind-mounted over
# the original, and every daemon ends with the script. Nothing is left in
# the build root.
#
# The sourcing script defines fail MESSAGE (print and exit 1), calls
# world_enter "$0" "$@" first, then world_begin WORK.

# Re-runs the calling script in new mount and PID namespaces, as root.
world_enter() {
    [ -n "${SNOWPANE_WORLD_INNER:-}" ] && return 0
    [ "$(id -u)" = 0 ] || fail "must run as root, in the build root (tools/dev exec …)"
    command -v unshare >/dev/null || fail "unshare (util-linux) is missing"
    # --propagation unchanged: inside the build root / is no mount point (see ENVIRONMENT.md).
    exec env SNOWPANE_WORLD_INNER=1 unshare --mount --propagation unchanged --pid --fork --mount-proc -- "$@"
}

world_check_tools() {
    local tool
    for tool in dbus-daemon dbus-send setpriv nix-build nix-env git "$@"; do
        command -v "$tool" >/dev/null || fail "$tool is missing from the build root (see tools/build-root-packages.txt)"
    done
    [ -x /usr/lib/polkit-1/polkitd ] || fail "/usr/lib/polkit-1/polkitd is missing (package polkitd)"
}

# world_check_helper_files HELPER POLICY DBUS_POLICY DBUS_SERVICE: all built, and
# the activation file starts the helper where world_install_helper puts it.
world_check_helper_files() {
    local file
    for file in "$@"; do
        [ -e "$file" ] || fail "$file was not built"
    done
    grep -q "^Exec=/usr/lib/kf6/kauth/libexec/snowpane_helper$" "$4" || fail "unexpected helper path in $4"
}

world_daemons=()
world_cleanup() {
    # The PID namespace ends with the script anyway; stopping by id keeps the order tidy.
    local pid
    for pid in "${world_daemons[@]}"; do kill "$pid" 2>/dev/null || true; done
}

# world_begin WORK: a private /run and /etc, and the scratch directory WORK (emptied).
world_begin() {
    world_work=$1
    trap world_cleanup EXIT
    mount -t tmpfs -o mode=0755 tmpfs /run
    rm -rf "$world_work"
    mkdir -p "$world_work"/{overlay,state,profiles,home}
    chmod 755 "$world_work" "$world_work/state" "$world_work/profiles"
    overlay /etc
    # The root is offline: without this every Nix command first waits for the binary cache.
    printf 'substituters =\n' >>/etc/nix/nix.conf
}

# overlay DIR: a private copy of DIR mounted over it, so files can be added to it.
overlay() {
    local dir=$1 copy
    copy=$world_work/overlay/$(printf '%s' "$dir" | tr / _)
    mkdir -p "$copy"
    cp -a "$dir/." "$copy/"
    mount --bind "$copy" "$dir"
}

# world_add_user NAME UID HOME [GROUP]: a user (and its own group) in the private /etc,
# with no password and no login shell; GROUP adds it to an existing group as well.
world_add_user() {
    local name=$1 uid=$2 home=$3 group=${4:-}
    echo "$name:x:$uid:$uid:Snowpane ($name):$home:/usr/sbin/nologin" >>/etc/passwd
    echo "$name:x:$uid:" >>/etc/group
    echo "$name:!:20000:0:99999:7:::" >>/etc/shadow
    if [ -n "$group" ]; then
        grep -q "^$group:" /etc/group || fail "no group $group in the build root"
        sed -i -E "s/^($group:[^:]*:[^:]*:)(.*)\$/\1\2,$name/; s/^($group:[^:]*:[^:]*:),/\1/" /etc/group
    fi
}

# world_set_password NAME PASSWORD: what polkit's authentication (PAM, pam_unix) checks.
world_set_password() {
    printf '%s:%s\n' "$1" "$2" | chpasswd || fail "chpasswd failed for $1"
}

world_start_bus() {
    mkdir -p /run/dbus
    rm -f /run/dbus/pid /run/dbus/system_bus_socket
    # In the foreground (backgrounded here) so that the activated helper's
    # stderr — its log and any sanitizer report — lands in dbus.log.
    dbus-daemon --system --nofork --nopidfile >>"$world_work/dbus.log" 2>&1 &
    world_daemons+=("$!")
    for _ in $(seq 100); do
        [ -S /run/dbus/system_bus_socket ] && break
        sleep 0.05
    done
    [ -S /run/dbus/system_bus_socket ] || fail "dbus-daemon --system did not start: $(cat "$world_work/dbus.log")"
    /usr/lib/polkit-1/polkitd --no-debug >"$world_work/polkitd.log" 2>&1 &
    world_daemons+=("$!")
    for _ in $(seq 100); do
        if dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner string:org.freedesktop.PolicyKit1 2>/dev/null | grep -q 'boolean true'; then
            return 0
        fi
        sleep 0.1
    done
    cat "$world_work/polkitd.log" >&2
    fail "polkitd did not appear on the system bus"
}

world_stop_bus() {
    local pid
    for pid in "${world_daemons[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${world_daemons[@]}"; do
        while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    done
    world_daemons=()
}

# A nix-daemon of the world's own, for users that are not root: a NixOS
# machine's programs reach the store through it. Its socket lives in a
# private directory, so that it never meets another world's daemon.
world_start_nix_daemon() {
    command -v nix-daemon >/dev/null || fail "nix-daemon is missing from the build root (package nix-bin)"
    mkdir -p /nix/var/nix/daemon-socket
    mount -t tmpfs -o mode=0755 tmpfs /nix/var/nix/daemon-socket
    nix-daemon >>"$world_work/nix-daemon.log" 2>&1 &
    world_daemons+=("$!")
    for _ in $(seq 100); do
        [ -S /nix/var/nix/daemon-socket/socket ] && return 0
        sleep 0.05
    done
    fail "nix-daemon did not start: $(cat "$world_work/nix-daemon.log")"
}

# world_install_helper HELPER POLICY DBUS_POLICY DBUS_SERVICE: the helper where
# D-Bus activates it, Snowpane's polkit actions, and an empty rules directory.
world_install_helper() {
    local helper=$1 policy=$2 dbus_policy=$3 dbus_service=$4
    overlay /usr/share/dbus-1/system.d
    overlay /usr/share/dbus-1/system-services
    overlay /usr/share/polkit-1/actions
    overlay /usr/lib/kf6/kauth/libexec
    install -m 0644 "$dbus_policy" /usr/share/dbus-1/system.d/io.github.snowpane.conf
    install -m 0644 "$dbus_service" /usr/share/dbus-1/system-services/io.github.snowpane.service
    install -m 0644 "$policy" /usr/share/polkit-1/actions/io.github.snowpane.policy
    # D-Bus starts the helper with an empty environment and no stderr; this
    # wrapper only keeps its stderr (where a sanitizer reports) in helper.log.
    # (KAuth sends the helper's own log messages to the client instead.)
    cat >/usr/lib/kf6/kauth/libexec/snowpane_helper <<EOT
#!/bin/sh
echo "snowpane_helper started as uid \$(id -u)" >>'$world_work/helper.log'
exec '$helper' "\$@" 2>>'$world_work/helper.log'
EOT
    chmod 0755 /usr/lib/kf6/kauth/libexec/snowpane_helper
    mkdir -p /etc/polkit-1/rules.d
}

# world_polkit_rule NAME USER RESULT...: polkit answers RESULT (YES, NO,
# AUTH_ADMIN_KEEP, …) to USER for every Snowpane action; pairs may repeat.
world_polkit_rule() {
    local name=$1 file
    shift
    file=/etc/polkit-1/rules.d/$name.rules
    {
        echo "// Written by tests/privileged/world.sh: what polkit answers each user for Snowpane's actions."
        echo 'polkit.addRule(function(action, subject) {'
        echo '    if (action.id.indexOf("io.github.snowpane.") != 0) {'
        echo '        return polkit.Result.NOT_HANDLED;'
        echo '    }'
        while [ $# -ge 2 ]; do
            echo "    if (subject.user == \"$1\") {"
            echo "        return polkit.Result.$2;"
            echo '    }'
            shift 2
        done
        echo '});'
    } >"$file.new"
    chmod 0644 "$file.new"
    # One rename, so that polkitd, which watches the directory, never reads half a file.
    mv "$file.new" "$file"
}

# world_helper_conf CONFIG_DIR PROFILE BOOTED CHANNELS_PROFILE CHANNEL_LIST NIX_PATH STATE_DIR [RUNNING [HOST]]
world_helper_conf() {
    mkdir -p /etc/snowpane
    cat >/etc/snowpane/helper.conf <<EOT
# Written by tests/privileged/world.sh inside its private mount namespace.
[Paths]
ConfigurationDirectory=$1
SystemProfile=$2
NixBinDirectory=$(dirname "$(command -v nix-build)")
BootedSystem=$3
ChannelsProfile=$4
ChannelList=$5
NixPath=$6
${8:+CurrentSystem=$8}
${9:+[Configuration]
Host=$9}
[Behaviour]
CollectGarbage=false
[Environment]
SNOWPANE_STANDIN_STATE=$7
NIX_CONFIG=substituters =
EOT
    chmod 0644 /etc/snowpane/helper.conf
}

# world_run_as [--exec] USER UID [NAME=VALUE...] -- COMMAND [ARGS...]: COMMAND
# as USER with a clean environment: the world's system bus, the sanitizers'
# options, and the NAME=VALUE given. With --exec the shell becomes COMMAND, so
# that `world_run_as --exec … &` gives COMMAND's own process id in $! (what
# an authentication agent registers for).
world_run_as() {
    local exec=
    if [ "$1" = --exec ]; then
        exec=exec
        shift
    fi
    local user=$1 uid=$2 home
    shift 2
    home=$(getent passwd "$user" | cut -d: -f6)
    local -a env=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        env+=("$1")
        shift
    done
    [ "${1:-}" = -- ] && shift
    $exec setpriv --reuid="$uid" --regid="$uid" --clear-groups -- env -i \
        HOME="$home" USER="$user" LOGNAME="$user" LANG=C.UTF-8 PATH=/usr/bin:/bin \
        DBUS_SYSTEM_BUS_ADDRESS=unix:path=/run/dbus/system_bus_socket \
        ASAN_OPTIONS="${ASAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
        "${env[@]}" "$@"
}

# The helper's stderr: no sanitizer report, and proof that D-Bus started it as root.
world_check_helper_logs() {
    if grep -E "ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer" "$world_work/helper.log" "$world_work/dbus.log" >&2; then
        fail "the helper reported a sanitizer error (logs: $world_work/helper.log, $world_work/dbus.log)"
    fi
    grep -q "snowpane_helper started as uid 0" "$world_work/helper.log" 2>/dev/null || fail "D-Bus never started the helper as root (log: $world_work/helper.log)"
}
