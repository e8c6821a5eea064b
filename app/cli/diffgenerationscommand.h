// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/// `snowpane-cli diff-generations A B [--profile P] [--config DIR] [--json]`.
int runDiffGenerationsCommand(const QStringList &arguments);
