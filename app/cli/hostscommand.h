// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/// `snowpane-cli hosts --config DIR [--json]`: every host of a flake, and which reading found them.
int runHostsCommand(const QStringList &arguments);
