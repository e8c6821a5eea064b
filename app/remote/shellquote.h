// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

namespace Snowpane::Remote
{

/**
 * @p word as one word of a POSIX shell command line, in single quotes.
 * ssh hands the remote side one string that the remote user's shell splits
 * again, so every value placed in a remote command goes through this.
 */
[[nodiscard]] QString shellQuote(const QString &word);

/// The words of @p argv, each quoted, joined by spaces.
[[nodiscard]] QString shellJoin(const QStringList &argv);

} // namespace Snowpane::Remote
