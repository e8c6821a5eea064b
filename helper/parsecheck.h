// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"
#include "helperconfig.h"

#include <QByteArray>
#include <QString>

namespace Snowpane::Helper
{

/**
 * Whether `content` is Nix that parses, checked before a file is written.
 * With the project's own parser (snowpane_nix) when the build has it, which
 * reports what Nix's parser rejects without running anything; otherwise
 * with `nix-instantiate --parse` from the configured Nix. The error names the
 * file, line and column.
 */
[[nodiscard]] Checked<Done> checkNixParses(const QString &name, const QByteArray &content, const HelperConfig &config);

/** Which of the two ways above this build uses, for logs and tests. */
[[nodiscard]] QString parseCheckMethod();

}
