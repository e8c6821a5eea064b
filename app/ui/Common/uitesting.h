// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

class QQmlApplicationEngine;

namespace Snowpane::Ui
{

/**
 * Shows every page of the loaded main window in turn and reports each QML
 * warning. Returns the process exit code: 0 when all pages loaded cleanly.
 * Call before the engine loads, so that warnings from loading count too.
 */
class SelfTest
{
public:
    SelfTest();
    ~SelfTest();
    SelfTest(const SelfTest &) = delete;
    SelfTest &operator=(const SelfTest &) = delete;

    [[nodiscard]] int run(QQmlApplicationEngine &engine);
    /** Also saves a picture of each page, as PAGE.png, into @p directory (created if needed). */
    void setScreenshotDirectory(const QString &directory)
    {
        m_screenshotDirectory = directory;
    }

private:
    QString m_screenshotDirectory;
};

/**
 * Shows @p page in the loaded main window, waits until it is drawn, and saves
 * the window to @p fileName. Returns the process exit code.
 */
[[nodiscard]] int saveScreenshot(QQmlApplicationEngine &engine, const QString &page, const QString &fileName);

} // namespace Snowpane::Ui
