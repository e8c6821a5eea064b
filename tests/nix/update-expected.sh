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
# parse-fail-NAME.nix. Review the diff by eye before committing it.

set -euo pipefail
cd "$(dirname "$0")/corpus"
dir=$(pwd -P)
parent=$(dirname "$dir")
export HOME=/homeless-shelter
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for f in parse-*.nix; do
    name=${f#parse-okay-}
    name=${name#parse-fail-}
    name=${name%.nix}
    if nix-instantiate --parse --store dummy:// --extra-experimental-features pipe-operators "$f" > "$out" 2> /dev/null; then
        [ "$f" = "parse-okay-$name.nix" ] || git mv "$f" "parse-okay-$name.nix"
        sed "s#$dir#@DIR@#g; s#$parent#@PARENT@#g" "$out" > "parse-okay-$name.exp"
    else
        [ "$f" = "parse-fail-$name.nix" ] || git mv "$f" "parse-fail-$name.nix"
        rm -f "parse-okay-$name.exp"
    fi
done
echo "$(ls parse-okay-*.nix | wc -l) accepted, $(ls parse-fail-*.nix | wc -l) rejected"
