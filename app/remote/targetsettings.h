// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>

namespace Snowpane::Remote
{

/**
 * Snowpane's own per-host targets, for hosts the flake gives none: the
 * `[Targets]` group of `snowpane/fleet.conf` in the user's configuration
 * directory, `host=ssh://user@machine:port` a line. The window writes the
 * same file.
 */
[[nodiscard]] QHash<QString, QString> readTargetSettings();
[[nodiscard]] QString targetSettingsPath();

} // namespace Snowpane::Remote
