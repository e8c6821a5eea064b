// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "privilegedjob.h"

#include <QByteArray>
#include <QString>

#include <chrono>

/**
 * The world run-e2e prepares for its clients (tst_e2e and the window's
 * tst_ui_e2e): where the stand-in machine lives, and running one helper job
 * to its end.
 */
namespace EndToEnd
{

/// run-e2e's scratch directory (SNOWPANE_E2E_WORK).
[[nodiscard]] QString work();
/// The configuration directory the helper manages (SNOWPANE_E2E_CONFIG).
[[nodiscard]] QString configDir();
/// The stand-in's system profile.
[[nodiscard]] QString profile();
/// A file of the stand-in's switch-to-configuration state (SNOWPANE_STANDIN_STATE).
[[nodiscard]] QString state(const QString &name);

[[nodiscard]] QByteArray readFile(const QString &path);
[[nodiscard]] QString readText(const QString &path);

/// The profile's current generation; 0 when it has none.
[[nodiscard]] int currentGeneration();

/// Runs a job until it ends; false when it is still running after `limit`.
[[nodiscard]] bool runJob(Snowpane::Privileged::PrivilegedJob &job, std::chrono::milliseconds limit = std::chrono::seconds(180));
/// Runs a job until it ends; true when it succeeded.
[[nodiscard]] bool succeeds(Snowpane::Privileged::PrivilegedJob &job, std::chrono::milliseconds limit = std::chrono::seconds(180));

}
