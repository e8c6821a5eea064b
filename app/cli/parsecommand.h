// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/// `snowpane-cli parse --show FILE | --check FILE... | --roundtrip FILE... | --cst FILE`.
int runParseCommand(const QStringList &arguments);
