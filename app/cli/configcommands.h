// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

/// `snowpane-cli get OPTION [--json]`: the option's value as the configuration spells it.
int runGetCommand(const QStringList &arguments);
/// `snowpane-cli definitions OPTION [--json]`: every definition, where, and whether it is editable.
int runDefinitionsCommand(const QStringList &arguments);
/// `snowpane-cli set OPTION NIX-VALUE [--dry-run]`.
int runSetCommand(const QStringList &arguments);
/// `snowpane-cli unset OPTION [--dry-run]`.
int runUnsetCommand(const QStringList &arguments);
/// `snowpane-cli add-package ATTR [--option LIST] [--dry-run]`.
int runAddPackageCommand(const QStringList &arguments);
/// `snowpane-cli remove-package ATTR [--option LIST] [--dry-run]`.
int runRemovePackageCommand(const QStringList &arguments);
/// `snowpane-cli imports [--json]`: the files of the configuration and the imports not followed.
int runImportsCommand(const QStringList &arguments);
