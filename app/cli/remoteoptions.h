// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshclient.h"

#include <QCommandLineParser>

#include <memory>
#include <optional>

/// --accept-new-host-key and --connect-timeout, which every remote command takes.
void addSshOptions(QCommandLineParser &parser);
[[nodiscard]] Snowpane::Remote::SshSettings sshSettingsFrom(const QCommandLineParser &parser);

/// The client for --target, or the exit code (2) after a usage error; nullptr when --target is not set.
[[nodiscard]] std::optional<int> targetClient(const QCommandLineParser &parser, std::unique_ptr<Snowpane::Remote::SshClient> &client);
