// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The demo as `tools/dev run` starts it, end to end: tests/privileged/run-demo
// (the same script) starts the system bus, polkitd, the helper and the demo
// user, and runs this as that user. The window is loaded offscreen and
// driven through its own objects: an edit, Apply, a new generation on the
// demo's profile, Roll Back. Pictures of each step go to
// SNOWPANE_DEMO_SCREENSHOTS. Other functions check what the window knows of
// polkit before asking (Authorization) against the real polkitd, under each
// rule run-demo can install.

#include "Changes/systemactions.h"
#include "Common/authorization.h"
#include "Common/configurationsession.h"
#include "Overview/systemoverview.h"
#include "generationreader.h"
#include "snowpanesettings.h"
#include "systempaths.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_IMPORT_QML_PLUGIN(io_github_snowpanePlugin)

namespace
{

QString demoRoot()
{
    return qEnvironmentVariable("SNOWPANE_DEMO_ROOT");
}

int currentGeneration()
{
    const auto current = Snowpane::System::GenerationReader(SnowpaneSettings::self()->profile()).readCurrent();
    return current ? current->number : 0;
}

QString systemOf(int generation)
{
    return QFileInfo(Snowpane::System::GenerationReader(SnowpaneSettings::self()->profile()).linkPathOf(generation)).canonicalFilePath();
}

QString runningSystem()
{
    return QFileInfo(demoRoot() + u"/run/current-system"_s).canonicalFilePath();
}

// Every operation's answer once polkit has answered all of them, by name.
QList<std::pair<QString, OperationAuthorization>> settledOperations(Authorization &authorization)
{
    if (!QTest::qWaitFor(
            [&] {
                return authorization.isSettled();
            },
            30s)) {
        qWarning() << "polkit did not answer";
    }
    const AuthorizedOperations operations = authorization.operations();
    return {
        {u"apply"_s, operations.apply},
        {u"switchGeneration"_s, operations.switchGeneration},
        {u"update"_s, operations.update},
        {u"cleanup"_s, operations.cleanup},
        {u"restore"_s, operations.restore},
    };
}

bool writeRule(const QString &result)
{
    // run-demo --rules-writable lets the demo user rewrite its rule, as an administrator would.
    const QString path = qEnvironmentVariable("SNOWPANE_DEMO_RULES");
    const QString user = qEnvironmentVariable("SNOWPANE_DEMO_USER");
    QFile file(path + u".new"_s);
    if (path.isEmpty() || user.isEmpty() || !file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(
        u"polkit.addRule(function(action, subject) {\n"
        "    if (action.id.indexOf(\"io.github.snowpane.\") == 0 && subject.user == \"%1\") {\n"
        "        return polkit.Result.%2;\n"
        "    }\n"
        "});\n"_s.arg(user, result)
            .toUtf8());
    file.close();
    return QFile::remove(path) && file.rename(path);
}

// The item named @p name in @p root's item tree; a popup's items are in the window's overlay, under its content item.
QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (!root || root->objectName() == name) {
        return root;
    }
    const auto children = root->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, name)) {
            return found;
        }
    }
    return nullptr;
}

// Why @p item is not on screen, or nothing when it is: visible, opaque, sized, with text, and not
// clipped away by an ancestor (the sheet's scrolling body once was -1 pixels high).
QString whyNotShown(const QQuickItem *item)
{
    if (!item) {
        return u"not in the window"_s;
    }
    if (item->property("text").toString().isEmpty()) {
        return u"no text"_s;
    }
    if (item->width() <= 0 || item->height() <= 0) {
        return u"no size"_s;
    }
    for (const QQuickItem *it = item; it; it = it->parentItem()) {
        if (!it->isVisible() || it->opacity() < 1) {
            return u"%1 is hidden or transparent"_s.arg(QString::fromLatin1(it->metaObject()->className()));
        }
        if (it != item && it->clip()) {
            const QRectF box = item->mapRectToItem(it, QRectF(0, 0, item->width(), item->height()));
            if (!QRectF(0, 0, it->width(), it->height()).adjusted(-0.5, -0.5, 0.5, 0.5).contains(box)) {
                return u"clipped away by a %1 of %2×%3"_s.arg(QString::fromLatin1(it->metaObject()->className())).arg(it->width()).arg(it->height());
            }
        }
    }
    return {};
}

} // namespace

class DemoEndToEndTest : public QObject
{
    Q_OBJECT

private:
    QQmlApplicationEngine *m_engine = nullptr;

    QQuickWindow *window() const
    {
        return m_engine ? qobject_cast<QQuickWindow *>(m_engine->rootObjects().value(0)) : nullptr;
    }

    SystemActions *actions() const
    {
        return m_engine->singletonInstance<SystemActions *>("io.github.snowpane", "SystemActions");
    }

    void showPage(const QString &page)
    {
        bool shown = false;
        QVERIFY(QMetaObject::invokeMethod(window(), "showPage", Q_RETURN_ARG(bool, shown), Q_ARG(QString, page)));
        QVERIFY(shown);
    }

    // A picture of the window as it is now, named for the step; only when asked for.
    void picture(const QString &name)
    {
        const QString directory = qEnvironmentVariable("SNOWPANE_DEMO_SCREENSHOTS");
        if (directory.isEmpty()) {
            return;
        }
        // Once the window has settled: two frames 300 ms apart are the same (a sheet's fade, an inline
        // message's reveal have ended). A blinking cursor may never settle; then the last frame is taken.
        QImage frame;
        int attempt = 0;
        for (; attempt < 20; ++attempt) {
            window()->requestUpdate();
            QTest::qWait(300);
            QImage next = window()->grabWindow();
            const bool settled = next == frame;
            frame = std::move(next);
            if (settled) {
                break;
            }
        }
        const QString file = QDir(directory).filePath(name + u".png"_s);
        QVERIFY2(frame.save(file), qPrintable(file));
        qInfo() << "saved" << file << "after" << attempt + 1 << "frames";
    }

    // The sheet says how the operation ended, on screen, before its picture is taken.
    void resultShown(const QString &words)
    {
        QQuickItem *result = nullptr;
        QString why;
        const bool shown = QTest::qWaitFor(
            [&] {
                result = findItem(window()->contentItem(), u"operationResult"_s);
                why = whyNotShown(result);
                return why.isEmpty();
            },
            10s);
        QVERIFY2(shown, qPrintable(u"the sheet's result is not on screen: "_s + why));
        const QString text = result->property("text").toString();
        QVERIFY2(text.contains(words), qPrintable(text));
    }

    SystemOverview *overview() const
    {
        return m_engine->singletonInstance<SystemOverview *>("io.github.snowpane", "SystemOverview");
    }

    bool finish()
    {
        SystemActions *running = actions();
        if (!QTest::qWaitFor(
                [&] {
                    return !running->isBusy();
                },
                300s)) {
            qWarning() << "the operation did not end:" << running->title();
            return false;
        }
        if (running->stage() != SystemActions::Stage::Succeeded) {
            qWarning() << running->title() << "failed:" << running->errorMessage() << running->errorDetails();
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (demoRoot().isEmpty()) {
            QFAIL("run through tests/privileged/run-demo (ctest -R demo-e2e), which starts the system bus, polkit, the helper and the demo user");
        }
        QVERIFY2(::geteuid() != 0, "the window runs as the demo user, not as root");
        const auto paths = Snowpane::System::SystemPaths::demo(demoRoot());
        SnowpaneSettings::instance(KSharedConfig::openConfig(QDir(demoRoot()).filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        SnowpaneSettings *settings = SnowpaneSettings::self();
        settings->setConfigurationDirectory(paths.configurationDirectory);
        settings->setProfile(paths.profile);
        settings->setCurrentSystem(paths.currentSystem);
        settings->setBootedSystem(paths.bootedSystem);
        ConfigurationSession::self()->reload();
    }

    void cleanupTestCase()
    {
        delete m_engine;
        m_engine = nullptr;
    }

    // run-demo --polkit no: every privileged button is disabled, with polkit's refusal as the reason.
    void authorityRefuses()
    {
        Authorization authorization;
        for (const auto &[name, operation] : settledOperations(authorization)) {
            QCOMPARE(operation.state, OperationAuthorization::State::Refused);
            QVERIFY(operation.isRefused());
            QVERIFY(!operation.needsPassword);
            QVERIFY2(operation.hint.contains(u"Not allowed"_s), qPrintable(name));
        }
    }

    // run-demo --polkit auth, without a terminal and so without an agent: every button says a password will be asked,
    // and asking anyway ends in polkit's refusal, named, in the sheet.
    void authorityAsks()
    {
        Authorization authorization;
        for (const auto &[name, operation] : settledOperations(authorization)) {
            QVERIFY2(operation.state == OperationAuthorization::State::NeedsAuthentication, qPrintable(name));
            QVERIFY(operation.needsPassword);
            QVERIFY(!operation.isRefused());
            QCOMPARE(operation.hint, u"Requires authentication"_s);
        }
        SystemActions actions;
        actions.switchGeneration(currentGeneration(), false);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !actions.isBusy();
            },
            60s));
        QCOMPARE(actions.stage(), SystemActions::Stage::Failed);
        QVERIFY2(actions.errorMessage().contains(u"Polkit refused"_s) && actions.errorMessage().contains(u"io.github.snowpane.switchgeneration"_s),
                 qPrintable(actions.errorMessage()));
    }

    // run-demo --no-password --rules-writable: plain buttons; then polkit's rule changes, and the window follows.
    void authorityAllowsAndFollowsChanges()
    {
        Authorization authorization;
        for (const auto &[name, operation] : settledOperations(authorization)) {
            QVERIFY2(operation.state == OperationAuthorization::State::Allowed, qPrintable(name));
            QCOMPARE(operation.hint, QString());
        }
        const auto stateOfApply = [&] {
            return QString::fromLatin1(QMetaEnum::fromType<OperationAuthorization::State>().valueToKey(int(authorization.operations().apply.state)));
        };
        QVERIFY(writeRule(u"NO"_s));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return stateOfApply() == u"Refused"_s;
                     },
                     30s),
                 qPrintable(stateOfApply()));
        QVERIFY(writeRule(u"AUTH_ADMIN_KEEP"_s));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return stateOfApply() == u"NeedsAuthentication"_s;
                     },
                     30s),
                 qPrintable(stateOfApply()));
        QVERIFY(writeRule(u"YES"_s));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return stateOfApply() == u"Allowed"_s;
                     },
                     30s),
                 qPrintable(stateOfApply()));
    }

    // The main job in the demo: turn a service on and add a package, apply, roll back.
    void applyAndRollBack()
    {
        m_engine = new QQmlApplicationEngine;
        m_engine->loadFromModule("io.github.snowpane", "Main");
        QVERIFY(window());
        window()->resize(1100, 760);
        ConfigurationSession *session = ConfigurationSession::self();
        QVERIFY2(session->isEditable(), qPrintable(session->loadError()));
        const int before = currentGeneration();
        QVERIFY(before > 1);
        const QString systemBefore = systemOf(before);
        QCOMPARE(runningSystem(), systemBefore);

        const bool sshBefore = session->literalValue(u"services.openssh.enable"_s).toBool();
        QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, !sshBefore), QString());
        const bool htopBefore = session->isDeclaredPackage(u"htop"_s);
        QCOMPARE(htopBefore ? session->removePackage(u"htop"_s) : session->addPackage(u"htop"_s), QString());
        QCOMPARE(session->pendingCount(), 2);
        showPage(u"changes"_s);
        picture(u"demo-1-changes"_s);

        actions()->apply(SystemActions::Mode::Switch);
        QVERIFY(finish());
        const int after = currentGeneration();
        resultShown(QString::number(after));
        picture(u"demo-2-applied"_s);
        QCOMPARE(after, before + 1);
        QCOMPARE(actions()->newGeneration(), after);
        QVERIFY(systemOf(after) != systemBefore);
        QCOMPARE(runningSystem(), systemOf(after));
        QCOMPARE(session->pendingCount(), 0);
        QCOMPARE(session->literalValue(u"services.openssh.enable"_s).toBool(), !sshBefore);
        QCOMPARE(session->isDeclaredPackage(u"htop"_s), !htopBefore);
        // The Overview follows the operation: the new generation is current and runs.
        QCOMPARE(overview()->currentGeneration(), after);
        QCOMPARE(overview()->runningGeneration(), after);
        actions()->dismiss();

        showPage(u"overview"_s);
        picture(u"demo-3-overview-after-apply"_s);
        actions()->rollBack();
        QVERIFY(finish());
        showPage(u"generations"_s);
        resultShown(QString::number(before));
        picture(u"demo-4-rolled-back"_s);
        QCOMPARE(currentGeneration(), before);
        QCOMPARE(actions()->newGeneration(), before);
        QCOMPARE(runningSystem(), systemBefore);
        QCOMPARE(overview()->currentGeneration(), before);
        QCOMPARE(overview()->runningGeneration(), before);
        actions()->dismiss();
        showPage(u"overview"_s);
        picture(u"demo-5-overview-after-roll-back"_s);
    }
};

int main(int argc, char **argv)
{
    // The window as the demo shows it, drawn without a display by the software renderer.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"snowpane"_s);
    QQuickStyle::setStyle(u"org.kde.desktop"_s);
    DemoEndToEndTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_demo_e2e.moc"
