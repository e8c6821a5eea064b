// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QtGlobal>

/// A setting run-fleet gives its programs (SNOWPANE_FLEET_WORK, …); run elsewhere, the test stops at once and says how to run it.
inline QString fleetEnvironment(const char *name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty()) {
        qFatal("%s is not set: run this through tests/fleet/run-fleet (ctest -R fleet)", name);
    }
    return value;
}
