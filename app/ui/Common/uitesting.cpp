// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/uitesting.h"
#include "Overview/hoststatus.h"
#include "uilogging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Snowpane::Ui
{

namespace
{

QStringList collectedWarnings;
QtMessageHandler previousHandler = nullptr;

void recordWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg) {
        collectedWarnings.append(message);
    }
    if (previousHandler) {
        previousHandler(type, context, message);
    }
}

QQuickWindow *mainWindow(QQmlApplicationEngine &engine)
{
    const auto roots = engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.constFirst());
}

// Gives bindings, loaders and the renderer time to settle: at least one frame
// is drawn, and asynchronous work started by the page gets a moment to finish.
// The minimum outlasts Kirigami's longest animation (an inline message fading
// in), so that pictures never catch one halfway.
void settle(QQuickWindow *window)
{
    constexpr int minimumMs = 450;
    constexpr int maximumMs = 3000;
    QEventLoop loop;
    bool framed = false;
    const auto connection = QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&framed] {
        framed = true;
    });
    QTimer::singleShot(maximumMs, &loop, &QEventLoop::quit);
    QTimer minimum;
    minimum.setInterval(minimumMs);
    QObject::connect(&minimum, &QTimer::timeout, &loop, [&] {
        if (framed) {
            loop.quit();
        }
    });
    minimum.start();
    window->requestUpdate();
    loop.exec();
    QObject::disconnect(connection);
}

// Pictures show a page as a person sees it once its catalog is loaded, not the loading message.
void waitWhileBusy(QQuickWindow *window)
{
    constexpr int giveUpMs = 180000;
    QElapsedTimer waited;
    waited.start();
    while (window->property("busy").toBool() && waited.elapsed() < giveUpMs) {
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    settle(window);
}

bool showPage(QQuickWindow *window, const QString &page)
{
    bool shown = false;
    const bool invoked = QMetaObject::invokeMethod(window, "showPage", Q_RETURN_ARG(bool, shown), Q_ARG(QString, page));
    return invoked && shown;
}

} // namespace

SelfTest::SelfTest()
{
    previousHandler = qInstallMessageHandler(recordWarning);
}

SelfTest::~SelfTest()
{
    qInstallMessageHandler(previousHandler);
    previousHandler = nullptr;
}

int SelfTest::run(QQmlApplicationEngine &engine)
{
    QQuickWindow *window = mainWindow(engine);
    if (!window) {
        std::fprintf(stderr, "self-test: the main window did not load\n");
        return 1;
    }
    const QStringList pages = window->property("pageNames").toStringList();
    if (pages.isEmpty()) {
        std::fprintf(stderr, "self-test: the main window lists no pages\n");
        return 1;
    }
    settle(window);
    // A machine without a NixOS configuration: the self-test says what the window says.
    if (auto *host = engine.singletonInstance<HostStatus *>("io.github.snowpane", "HostStatus"); host && !host->hasConfiguration()) {
        std::fprintf(stdout, "self-test: %s\n%s\n", qPrintable(host->title()), qPrintable(host->explanation()));
    }
    int failures = 0;
    if (!collectedWarnings.isEmpty()) {
        std::fprintf(stderr, "self-test: FAIL main window: %d warning(s) while loading\n", int(collectedWarnings.size()));
        ++failures;
    }
    for (const QString &page : pages) {
        const qsizetype before = collectedWarnings.size();
        if (!showPage(window, page)) {
            std::fprintf(stderr, "self-test: FAIL %s: the page could not be shown\n", qPrintable(page));
            ++failures;
            continue;
        }
        settle(window);
        if (!m_screenshotDirectory.isEmpty()) {
            waitWhileBusy(window);
            const QString file = QDir(m_screenshotDirectory).filePath(page + u".png"_s);
            if (!QDir().mkpath(m_screenshotDirectory) || !window->grabWindow().save(file)) {
                std::fprintf(stderr, "self-test: FAIL %s: cannot save %s\n", qPrintable(page), qPrintable(file));
                ++failures;
                continue;
            }
        }
        const QStringList warnings = collectedWarnings.mid(before);
        if (warnings.isEmpty()) {
            std::fprintf(stdout, "self-test: PASS %s\n", qPrintable(page));
        } else {
            std::fprintf(stderr, "self-test: FAIL %s: %d warning(s)\n", qPrintable(page), int(warnings.size()));
            ++failures;
        }
    }
    std::fprintf(stdout, "self-test: %d passed, %d failed\n", int(pages.size()) + 1 - failures, failures);
    std::fflush(stdout);
    return failures == 0 ? 0 : 1;
}

int saveScreenshot(QQmlApplicationEngine &engine, const QString &page, const QString &fileName)
{
    QQuickWindow *window = mainWindow(engine);
    if (!window) {
        std::fprintf(stderr, "screenshot: the main window did not load\n");
        return 1;
    }
    settle(window);
    if (!showPage(window, page)) {
        const QStringList pages = window->property("pageNames").toStringList();
        std::fprintf(stderr, "screenshot: unknown page '%s'; pages are: %s\n", qPrintable(page), qPrintable(pages.join(u", "_s)));
        return 2;
    }
    waitWhileBusy(window);
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(fileName)) {
        std::fprintf(stderr, "screenshot: could not save %s\n", qPrintable(fileName));
        return 1;
    }
    qCInfo(SNOWPANE_UI) << "saved" << page << "to" << fileName;
    return 0;
}

} // namespace Snowpane::Ui
