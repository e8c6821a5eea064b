// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace Snowpane::System
{

/**
 * What switching to a system would do to systemd units, as
 * `switch-to-configuration dry-activate` prints it: lines such as
 * "would restart the following units: a.service, b.service".
 */
struct UnitChanges {
    QStringList stop;
    QStringList restart;
    QStringList start;
    QStringList reload;
    /// "would restart systemd": the service manager itself re-executes.
    bool restartSystemd = false;

    [[nodiscard]] bool isEmpty() const
    {
        return stop.isEmpty() && restart.isEmpty() && start.isEmpty() && reload.isEmpty() && !restartSystemd;
    }
    friend bool operator==(const UnitChanges &, const UnitChanges &) = default;
};

/**
 * Reads the unit lines out of a dry activation's log. Other lines (the
 * build's, "would activate the configuration", "would NOT stop the following
 * changed units") are ignored; units are listed once each, in order.
 */
[[nodiscard]] UnitChanges parseDryActivation(const QStringList &lines);

}
