// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

#include <memory>

/**
 * The privileged client's scenarios, one class per theme. run-e2e names the
 * scenarios it runs, in its own order; tst_e2e.cpp hands each name to the
 * class that has it.
 */
namespace EndToEnd
{

/// Every scenario class checks first that run-e2e's world is there and that it runs unprivileged.
class Scenarios : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
};

[[nodiscard]] std::unique_ptr<QObject> makeBuildScenarios();
[[nodiscard]] std::unique_ptr<QObject> makeCancelScenarios();
[[nodiscard]] std::unique_ptr<QObject> makeGenerationScenarios();
[[nodiscard]] std::unique_ptr<QObject> makeUpdateScenarios();
[[nodiscard]] std::unique_ptr<QObject> makeFileSafetyScenarios();
[[nodiscard]] std::unique_ptr<QObject> makePolkitScenarios();

}
