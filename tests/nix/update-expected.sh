#!/bin/bash
# SPDX-FileCopyrightText: 2026 Snowpane contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Re-records the corpus labels and golden files from real Nix:
#   tools/dev exec tests/nix/update-expected.sh
# Each corpus/*.nix is parsed by nix-instantiate --parse (pipe-operators on,
# HOME=/homeless-shelter). Files Nix accepts are named parse-okay-NAME.nix and
# get NAME's canonical text in parse-okay-NAME.exp, with the corpus directory
# written as @DIR@ and its parent as @PARENT@; files Nix rejects are named
# parse-fail-NAME.nix, with the LINE:COL where Nix reports the error (the first
# "at FILE:LINE:COL:" of its message) in parse-fail-NAME.err. Review the diff
# by eye before committing it.

set -euo pipefail
cd "$(dirname "$0")/corpus"
dir=$(pwd -P)
parent=$(dirname "$dir")
export HOME=/homeless-shelter
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
for f in parse-*.nix; do
    name=${f#parse-okay-}
    name=${name#parse-fail-}
    name=${name%.nix}
    if nix-instantiate --parse --store dummy:// --extra-experimental-features pipe-operators "$f" > "$out" 2> "$err"; then
        [ "$f" = "parse-okay-$name.nix" ] || git mv "$f" "parse-okay-$name.nix"
        sed "s#$dir#@DIR@#g; s#$parent#@PARENT@#g" "$out" > "parse-okay-$name.exp"
        rm -f "parse-fail-$name.err"
    else
        [ "$f" = "parse-fail-$name.nix" ] || git mv "$f" "parse-fail-$name.nix"
        rm -f "parse-okay-$name.exp"
        grep -a -m1 -E '^ +at .*:[0-9]+:[0-9]+:$' "$err" | sed -E 's/.*:([0-9]+):([0-9]+):$/\1:\2/' > "parse-fail-$name.err"
        [ -s "parse-fail-$name.err" ] || { echo "no error location from Nix for $f" >&2; exit 1; }
    fi
done
echo "$(ls parse-okay-*.nix | wc -l) accepted, $(ls parse-fail-*.nix | wc -l) rejected"
