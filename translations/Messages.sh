#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Snowpane contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extracts the translatable strings of the application into
# translations/snowpane.pot, the template that translators copy to
# translations/LANG/snowpane.po. Run inside the build environment:
#   tools/dev exec translations/Messages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files 'app/*.cpp' 'app/*.h' 'qml/*.qml')
xgettext --from-code=UTF-8 -C --qt --package-name=snowpane --output=translations/snowpane.pot \
    -ki18n:1 -ki18nc:1c,2 -ki18np:1,2 -ki18ncp:1c,2,3 -kkli18n:1 -kkli18nc:1c,2 \
    "${sources[@]}"
echo "wrote translations/snowpane.pot from ${#sources[@]} files"
