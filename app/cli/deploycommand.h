// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/// snowpane-cli deploy: build hosts of a flake and deploy them over SSH, in parallel, with magic rollback.
int runDeployCommand(const QStringList &arguments);
/// snowpane-cli switch-generation N --target URI [--boot]: switch a machine to one of its generations.
int runSwitchGenerationCommand(const QStringList &arguments);
