// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/uibenchmark.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QKeyEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Snowpane::Ui
{

namespace
{

QQuickWindow *window(QQmlApplicationEngine &engine)
{
    const auto roots = engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.constFirst());
}

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool showPage(QQuickWindow *window, const QString &page)
{
    bool shown = false;
    return QMetaObject::invokeMethod(window, "showPage", Q_RETURN_ARG(bool, shown), Q_ARG(QString, page)) && shown;
}

qint64 residentKib()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
        }
    }
    return -1;
}

// The page's search field: the visible item whose name ends in "SearchField" (optionSearchField, …).
QQuickItem *findSearchField(QQuickItem *item)
{
    if (!item || !item->isVisible()) {
        return nullptr;
    }
    if (item->objectName().endsWith(u"earchField"_s)) {
        return item;
    }
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findSearchField(child)) {
            return found;
        }
    }
    return nullptr;
}

int firstFrame(QQuickWindow *window)
{
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [] {
        std::printf("first-frame\n");
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    window->requestUpdate();
    return QCoreApplication::exec();
}

int typing(QQuickWindow *window, const QString &page)
{
    if (!showPage(window, page)) {
        std::fprintf(stderr, "benchmark: no page called %s\n", qPrintable(page));
        return 2;
    }
    wait(1500); // the page settles: its catalog is opened, its first results drawn
    QQuickItem *field = findSearchField(window->contentItem());
    if (!field) {
        std::fprintf(stderr, "benchmark: the %s page has no visible search field (an item named …SearchField)\n", qPrintable(page));
        return 2;
    }
    field->forceActiveFocus();
    wait(200);

    // A timer that should fire every millisecond: a gap between two firings is the event loop being busy.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 longestStall = 0;
    QTimer ticker;
    ticker.setInterval(1);
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longestStall = std::max(longestStall, now - lastTick);
        lastTick = now;
    });
    qint64 pressedAt = -1;
    qint64 longestFrame = 0;
    const auto frames = QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        if (pressedAt >= 0) {
            if (qEnvironmentVariableIsSet("SNOWPANE_BENCH_VERBOSE")) {
                std::printf("key-to-frame-ms %.1f\n", double(clock.nsecsElapsed() - pressedAt) / 1e6);
            }
            longestFrame = std::max(longestFrame, clock.nsecsElapsed() - pressedAt);
            pressedAt = -1;
        }
    });
    lastTick = clock.nsecsElapsed();
    ticker.start();
    const QString query = u"networkman"_s; // ten letters, typed one at a time like a person would
    for (const QChar letter : query) {
        pressedAt = clock.nsecsElapsed();
        QKeyEvent press(QEvent::KeyPress, Qt::Key_A + (letter.toUpper().unicode() - u'A'), Qt::NoModifier, QString(letter));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_A + (letter.toUpper().unicode() - u'A'), Qt::NoModifier, QString(letter));
        QCoreApplication::sendEvent(window, &press);
        QCoreApplication::sendEvent(window, &release);
        window->requestUpdate();
        wait(120); // about the pace of fast typing
    }
    wait(500);
    ticker.stop();
    QObject::disconnect(frames);
    const QString typed = field->property("text").toString();
    if (typed != query) {
        std::fprintf(stderr, "benchmark: the search field holds '%s', not '%s'\n", qPrintable(typed), qPrintable(query));
        return 1;
    }
    std::printf("longest-key-to-frame-ms %.1f\n", double(longestFrame) / 1e6);
    std::printf("longest-stall-ms %.1f\n", double(longestStall) / 1e6);
    std::fflush(stdout);
    return 0;
}

int memory(QQuickWindow *window)
{
    const QStringList pages = window->property("pageNames").toStringList();
    for (const QString &page : pages) {
        showPage(window, page);
        wait(300);
    }
    // Catalogs load in the background; the window says when nothing is loading any more.
    QElapsedTimer waited;
    waited.start();
    int quietFor = 0;
    constexpr int quietNeededMs = 1000;
    constexpr int giveUpMs = 300000;
    while (quietFor < quietNeededMs && waited.elapsed() < giveUpMs) {
        wait(100);
        quietFor = window->property("busy").toBool() ? 0 : quietFor + 100;
    }
    if (quietFor < quietNeededMs) {
        std::fprintf(stderr, "benchmark: the catalogs were still loading after %d s\n", giveUpMs / 1000);
        return 1;
    }
    std::printf("resident-kib %lld\n", residentKib());
    std::fflush(stdout);
    return 0;
}

} // namespace

int runBenchmark(QQmlApplicationEngine &engine, const QString &what)
{
    QQuickWindow *main = window(engine);
    if (!main) {
        std::fprintf(stderr, "benchmark: the window did not load\n");
        return 1;
    }
    if (what == u"first-frame"_s) {
        return firstFrame(main);
    }
    if (what.startsWith(u"typing:"_s)) {
        return typing(main, what.mid(7));
    }
    if (what == u"memory"_s) {
        return memory(main);
    }
    std::fprintf(stderr, "benchmark: unknown measurement %s (first-frame, typing:PAGE, memory)\n", qPrintable(what));
    return 2;
}

QByteArray referenceWindowQml()
{
    return QByteArrayLiteral(R"(
import QtQuick
import QtQuick.Controls as QQC2
import org.kde.kirigami as Kirigami

Kirigami.ApplicationWindow {
    readonly property list<string> pageNames: ["reference"]
    readonly property bool busy: false
    function showPage(name: string): bool {
        return name === "reference";
    }
    width: Kirigami.Units.gridUnit * 56
    height: Kirigami.Units.gridUnit * 38
    pageStack.initialPage: Kirigami.Page {
        title: "Reference"
        QQC2.TextField {
            objectName: "searchField"
            width: parent.width
        }
    }
}
)");
}

} // namespace Snowpane::Ui
