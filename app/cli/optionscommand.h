// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/// `snowpane-cli options search QUERY [--limit N] [--json]`, `options show OPTION [--json]`, `options dump --json`.
int runOptionsCommand(const QStringList &arguments);
