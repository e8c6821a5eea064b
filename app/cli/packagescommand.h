// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/**
 * `snowpane-cli packages search|show|installed|import`: the package catalog
 * of the configured nixpkgs (the `<nixpkgs>` of NIX_PATH, or --nixpkgs) and
 * the packages in the current system.
 */
int runPackagesCommand(const QStringList &arguments);
