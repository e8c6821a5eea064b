// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

class QQmlApplicationEngine;

namespace Snowpane::Ui
{

/**
 * The measurements of `snowpane --benchmark WHAT`, run by tests/ui's
 * bench-window against the demo system and against a bare Kirigami window
 * (`--benchmark-reference`) in the same run. Each prints `name value` lines
 * on standard output and returns the process exit code.
 *
 * - `first-frame`: prints `first-frame` as soon as the window has drawn
 *   once, then quits; the runner times it from the process start.
 * - `typing:PAGE`: shows PAGE, types a ten-letter query into the item named
 *   page's search field (the item whose name ends in `SearchField`), and reports the longest time from a key press to the
 *   next drawn frame and the longest stall of the event loop, in ms.
 * - `memory`: shows every page, waits until every catalog is loaded (the
 *   window's `busy` property is false for a while), and reports the resident
 *   memory in KiB.
 */
[[nodiscard]] int runBenchmark(QQmlApplicationEngine &engine, const QString &what);

/** The bare window the benchmarks compare against: Kirigami, one page, one search field. */
[[nodiscard]] QByteArray referenceWindowQml();

} // namespace Snowpane::Ui
