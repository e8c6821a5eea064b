// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/// `snowpane-cli history [--config DIR] [--profile P] [--max N] [--json]`.
int runHistoryCommand(const QStringList &arguments);
