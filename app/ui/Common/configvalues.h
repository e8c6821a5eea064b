// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "value.h"

#include <QVariant>

#include <optional>

namespace Snowpane::Ui
{

/**
 * A literal configuration value as QML sees it: bool, integer, number,
 * string (paths and package references as their text), null, lists and
 * maps. Opaque values give an invalid QVariant.
 */
[[nodiscard]] QVariant toVariant(const Snowpane::Config::Value &value);

/**
 * The configuration value for an editor's result, or nothing when the
 * variant has no Nix form (an object, an invalid variant). Whole numbers
 * become integers, since QML hands every number over as a double.
 */
[[nodiscard]] std::optional<Snowpane::Config::Value> fromVariant(const QVariant &value);

} // namespace Snowpane::Ui
