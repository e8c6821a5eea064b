// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/// `snowpane-cli generations [--profile P] [--json]`.
int runGenerationsCommand(const QStringList &arguments);
