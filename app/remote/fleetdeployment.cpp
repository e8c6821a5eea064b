// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "fleetdeployment.h"

#include <QThreadPool>

namespace Snowpane::Remote
{

QList<HostResult> deployFleet(const QList<DeployRequest> &requests, const SshSettings &settings, int parallel, const DeployProgress &progress)
{
    QList<HostResult> results(requests.size());
    // A pool of its own: the global one is shared with the rest of the
    // application, and each host spends its time waiting on ssh and nix.
    QThreadPool pool;
    pool.setMaxThreadCount(qMax(1, parallel));
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (progress) {
            progress(requests[i].host, Step::Queued, {});
        }
        pool.start([&, i] {
            results[i] = deployHost(requests[i], settings, progress);
        });
    }
    pool.waitForDone();
    return results;
}

} // namespace Snowpane::Remote
