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
#include "generationreader.h"
#include "snowpanesettings.h"
#include "systempaths.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
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
        // Kirigami's longest animation (an inline message fading in) ends well within this; then one more frame.
        QTest::qWait(600);
        window()->requestUpdate();
        QTest::qWait(100);
        const QString file = QDir(directory).filePath(name + u".png"_s);
        QVERIFY2(window()->grabWindow().save(file), qPrintable(file));
        qInfo() << "saved" << file;
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
        picture(u"demo-2-applied"_s);
        const int after = currentGeneration();
        QCOMPARE(after, before + 1);
        QCOMPARE(actions()->newGeneration(), after);
        QVERIFY(systemOf(after) != systemBefore);
        QCOMPARE(runningSystem(), systemOf(after));
        QCOMPARE(session->pendingCount(), 0);
        QCOMPARE(session->literalValue(u"services.openssh.enable"_s).toBool(), !sshBefore);
        QCOMPARE(session->isDeclaredPackage(u"htop"_s), !htopBefore);
        actions()->dismiss();

        showPage(u"overview"_s);
        picture(u"demo-3-overview-after-apply"_s);
        actions()->rollBack();
        QVERIFY(finish());
        showPage(u"generations"_s);
        picture(u"demo-4-rolled-back"_s);
        QCOMPARE(currentGeneration(), before);
        QCOMPARE(actions()->newGeneration(), before);
        QCOMPARE(runningSystem(), systemBefore);
        actions()->dismiss();
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
