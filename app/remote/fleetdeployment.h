// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "hostdeployment.h"

#include <QList>

namespace Snowpane::Remote
{

/**
 * Deploys several hosts at once, at most @p parallel at a time (default 4).
 * Each host's result is its own: a failure neither stops nor undoes another
 * host's deployment. Results come back in the order of @p requests.
 * @p progress is called from the worker threads.
 */
[[nodiscard]] QList<HostResult>
deployFleet(const QList<DeployRequest> &requests, const SshSettings &settings, int parallel = 4, const DeployProgress &progress = {});

} // namespace Snowpane::Remote
