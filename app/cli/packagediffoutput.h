// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "packagediff.h"

#include <QJsonObject>

/// "+1.2 MiB", "-300 KiB".
[[nodiscard]] QString signedSize(qint64 bytes);
/// One package change as diff-generations and deploy print it in JSON.
[[nodiscard]] QJsonObject packageChangeJson(const Snowpane::System::PackageChange &change);
/// The changes as nvd lists them: version changes, added, removed, selection changes (or a line saying there are none).
void printPackageChanges(const Snowpane::System::PackageDiff &diff);
