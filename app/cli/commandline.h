// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

/**
 * Parses a subcommand's arguments the way every snowpane-cli command does.
 * Returns the exit code to stop with: 2 after a usage error (the message goes
 * to stderr), 0 after printing --help. Returns nothing when the command should
 * go on.
 */
[[nodiscard]] std::optional<int> parseSubcommandArguments(QCommandLineParser &parser, const QStringList &arguments);
