// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "e2escenarios.h"

#include "e2eworld.h"

#include <QTest>

#include <unistd.h>

void EndToEnd::Scenarios::initTestCase()
{
    if (work().isEmpty() || configDir().isEmpty()) {
        QFAIL("run through tests/privileged/run-e2e (ctest -R privileged-e2e), which sets up the system bus, polkit and the helper");
    }
    QVERIFY2(::geteuid() != 0, "the client side must run as an unprivileged user");
}
