// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Changes/systemactions.h"
#include "Common/configurationsession.h"
#include "Common/operationerrors.h"
#include "Settings/configurationplace.h"
#include "Updates/updatecontroller.h"
#include "fakeprofile.h"
#include "snowpanesettings.h"
#include "systempaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMetaEnum>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QTemporaryDir>
#include <QtQuickTest>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(io_github_snowpanePlugin)

/// What the QML tests need and the window does not offer: reading the saved waiting update again, as after a restart.
class UpdatesTesting : public QObject
{
    Q_OBJECT

public:
    explicit UpdatesTesting(QQmlEngine *engine)
        : QObject(engine)
        , m_engine(engine)
    {
    }

    Q_INVOKABLE void reloadPending()
    {
        m_engine->singletonInstance<UpdateController *>("io.github.snowpane", "Updates")->reloadPending();
    }

private:
    QQmlEngine *m_engine;
};

/// The progress sheet's failures without a helper to fail: each kind of error,
/// with the sentence the window's own code chooses for it (failureSentence),
/// shown through the same SystemActions singleton the sheet binds to.
class OperationTesting : public QObject
{
    Q_OBJECT

public:
    explicit OperationTesting(QQmlEngine *engine)
        : QObject(engine)
        , m_engine(engine)
    {
    }

    Q_INVOKABLE void fail(const QString &kind, int stage, const QString &action, const QString &details, const QString &file, int line)
    {
        using Kind = Snowpane::Privileged::Job::ErrorKind;
        bool known = false;
        const int value = QMetaEnum::fromType<Kind>().keyToValue(kind.toLatin1().constData(), &known);
        if (!known) {
            qFatal("unknown error kind %s", qPrintable(kind));
        }
        auto *actions = m_engine->singletonInstance<SystemActions *>("io.github.snowpane", "SystemActions");
        const Snowpane::Ui::OperationFailure failure{Kind(value), action, SystemActions::Stage(stage), file, line};
        if (!actions->beginSequence(u"Testing %1"_s.arg(kind))) {
            qFatal("SystemActions is busy");
        }
        actions->failSequence(Snowpane::Ui::failureSentence(failure), details);
    }

    /// Ends a sequence with success and @p resultText, as a finished apply does.
    Q_INVOKABLE void succeed(const QString &resultText)
    {
        auto *actions = m_engine->singletonInstance<SystemActions *>("io.github.snowpane", "SystemActions");
        if (!actions->beginSequence(u"Testing success"_s)) {
            qFatal("SystemActions is busy");
        }
        actions->finishSequence(resultText);
    }

    /// Ends a sequence as a switch by the helper does: the fake profile's current generation is
    /// now @p current and the running system @p running. The window learns it only from SystemActions.
    Q_INVOKABLE bool succeedSwitching(int current, int running, const QString &resultText)
    {
        const SnowpaneSettings *settings = SnowpaneSettings::self();
        // The profile is ROOT/profiles/system, as Setup made it.
        FakeProfile profile(QFileInfo(QFileInfo(settings->profile()).path()).path());
        if (!profile.pointAt(settings->profile(), current) || !profile.pointAt(settings->currentSystem(), running)) {
            qWarning() << profile.errorString();
            return false;
        }
        succeed(resultText);
        return true;
    }

private:
    QQmlEngine *m_engine;
};

namespace
{
/// The demo configuration every other QML test edits (set by Setup).
QString &demoConfigurationDirectory()
{
    static QString directory;
    return directory;
}
} // namespace

/// A flake with several hosts for the host picker's tests: a copy of
/// tests/fixtures/hosts, with this machine's host named alpha by a helper.conf
/// as the NixOS module writes it. The copy has no nixpkgs beside it, so Nix
/// cannot evaluate it and the static reading is in use, with Nix's reason.
class HostsTesting : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /** Makes the copy the configuration, host alpha; returns why not, or "". */
    /// The hosts fixture as the configuration, with @p thisMachine as programs.snowpane.host (empty: the machine's own name).
    Q_INVOKABLE QString useHostsFlake(const QString &thisMachine = u"alpha"_s)
    {
        const QString directory = m_root.filePath(u"hosts"_s);
        QDir(directory).removeRecursively();
        const QDir fixture(QStringLiteral(SNOWPANE_FIXTURES_DIR "/hosts"));
        QDirIterator it(fixture.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = directory + u'/' + fixture.relativeFilePath(from);
            if (!QDir().mkpath(QFileInfo(to).path()) || !QFile::copy(from, to)) {
                return u"cannot copy %1"_s.arg(from);
            }
        }
        const QString conf = m_root.filePath(u"helper.conf"_s);
        QFile file(conf);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return file.errorString();
        }
        file.write("[Paths]\nConfigurationDirectory=" + QFile::encodeName(directory) + "\n[Configuration]\nHost=" + thisMachine.toUtf8() + "\n");
        file.close();
        Snowpane::Ui::ConfigurationPlace::useSystemSettings(conf);
        Snowpane::Ui::ConfigurationPlace::self()->refresh();
        ConfigurationSession::self()->reload();
        return ConfigurationSession::self()->loadError();
    }

    /** Back to the demo configuration and no system settings, for the other tests. */
    Q_INVOKABLE void useDemo()
    {
        Snowpane::Ui::ConfigurationPlace::useSystemSettings(QString());
        Snowpane::Ui::ConfigurationPlace::self()->refresh();
        ConfigurationSession::self()->useConfiguration(demoConfigurationDirectory(), QString());
    }

private:
    QTemporaryDir m_root;
};

/// Points the application's settings at a fake profile of three generations
/// (current 3, running 2, booted 1) before any QML test runs.
class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QStandardPaths::setTestModeEnabled(true);
        qmlRegisterSingletonType<UpdatesTesting>("io.github.snowpane.testing", 1, 0, "UpdatesTesting", [](QQmlEngine *engine, QJSEngine *) -> QObject * {
            return new UpdatesTesting(engine);
        });
        qmlRegisterSingletonType<HostsTesting>("io.github.snowpane.testing", 1, 0, "HostsTesting", [](QQmlEngine *engine, QJSEngine *) -> QObject * {
            return new HostsTesting(engine);
        });
        qmlRegisterSingletonType<OperationTesting>("io.github.snowpane.testing", 1, 0, "OperationTesting", [](QQmlEngine *engine, QJSEngine *) -> QObject * {
            return new OperationTesting(engine);
        });
        FakeProfile profile(m_root.path());
        const QDateTime date(QDate(2026, 4, 1), QTime(12, 0), QTimeZone::UTC);
        for (int number = 1; number <= 3; ++number) {
            const bool added = profile.addGeneration(
                {number, u"24.11.%1 (Vicuna)"_s.arg(number), u"6.6.%1"_s.arg(50 + number), {}, {}, u"quicktest-host"_s, date.addDays(number)});
            if (!added) {
                qFatal("cannot build the fake profile: %s", qPrintable(profile.errorString()));
            }
        }
        const auto paths = Snowpane::System::SystemPaths::demo(m_root.path());
        if (!profile.pointAt(paths.profile, 3) || !profile.pointAt(paths.currentSystem, 2) || !profile.pointAt(paths.bootedSystem, 1)) {
            qFatal("cannot link the fake profile: %s", qPrintable(profile.errorString()));
        }
        SnowpaneSettings::instance(KSharedConfig::openConfig(m_root.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        SnowpaneSettings::self()->setProfile(paths.profile);
        SnowpaneSettings::self()->setCurrentSystem(paths.currentSystem);
        SnowpaneSettings::self()->setBootedSystem(paths.bootedSystem);
        SnowpaneSettings::self()->setConfigurationDirectory(paths.configurationDirectory);
        demoConfigurationDirectory() = paths.configurationDirectory;

        // The demo's configuration files, so that the editing pages have something to edit.
        const QDir demo(QStringLiteral(SNOWPANE_DEMO_CONFIGURATION));
        QDir().mkpath(paths.configurationDirectory);
        for (const QString &name : {u"configuration.nix"_s, u"hardware-configuration.nix"_s, u"desktop.nix"_s}) {
            if (!QFile::copy(demo.filePath(name), QDir(paths.configurationDirectory).filePath(name))) {
                qFatal("cannot copy the demo configuration file %s", qPrintable(name));
            }
        }
    }

private:
    QTemporaryDir m_root;
};

QUICK_TEST_MAIN_WITH_SETUP(snowpane, Setup)

#include "tst_qml.moc"
