// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "packagediff.h"

#include <QStringList>

namespace Snowpane::System
{

class ClosureReader;

/**
 * The packages a system selected: the direct references of its `sw`, as
 * nvd takes them; for a store path without `sw`, its own direct references.
 * Empty when they cannot be read.
 */
[[nodiscard]] QStringList selectedPackagesOf(ClosureReader &reader, const QString &systemPath);

/**
 * The package difference between two systems (toplevel store paths, or links
 * to them such as `system-N-link`), read through @p reader and its cache.
 */
[[nodiscard]] PackageDiff diffSystems(ClosureReader &reader, const QString &beforeSystem, const QString &afterSystem);

} // namespace Snowpane::System
