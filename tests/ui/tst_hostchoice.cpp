// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The window on a flake with several hosts (issue 16), on a copy of
// tests/fixtures/hosts with this machine's host named alpha in helper.conf:
// an edit of a file other hosts include waits for the person's choice
// (change it for all of them, or override it for this host alone), and
// another host can be built here but never switched to, booted or tested.

#include "Changes/systemactions.h"
#include "Common/configurationsession.h"
#include "Common/flakehostlist.h"
#include "Settings/configurationplace.h"
#include "Updates/updatecontroller.h"
#include "fakerunner.h"
#include "helperprotocol.h"
#include "snowpanesettings.h"
#include "windowstate.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class HostChoiceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_root.isValid());
        m_directory = m_root.filePath(u"hosts"_s);
        SnowpaneSettings::instance(KSharedConfig::openConfig(m_root.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        const QString conf = m_root.filePath(u"helper.conf"_s);
        QFile file(conf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[Paths]\nConfigurationDirectory=" + QFile::encodeName(m_directory) + "\n[Configuration]\nHost=alpha\n");
        file.close();
        Snowpane::Ui::ConfigurationPlace::useSystemSettings(conf);
        Snowpane::Ui::ConfigurationPlace::self()->refresh();
        QCOMPARE(Snowpane::Ui::ConfigurationPlace::self()->systemHost(), u"alpha"_s);
        QCOMPARE(FlakeHostList::thisMachineHost(), u"alpha"_s);
    }

    void init()
    {
        QDir(m_directory).removeRecursively();
        const QDir fixture(QStringLiteral(SNOWPANE_FIXTURES_DIR "/hosts"));
        QDirIterator it(fixture.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = m_directory + u'/' + fixture.relativeFilePath(from);
            QVERIFY(QDir().mkpath(QFileInfo(to).path()));
            QVERIFY2(QFile::copy(from, to), qPrintable(from));
        }
        ConfigurationSession::self()->useConfiguration(m_directory, u"alpha"_s);
        QVERIFY2(ConfigurationSession::self()->isEditable(), qPrintable(ConfigurationSession::self()->loadError()));
    }

    void cleanup()
    {
        ConfigurationSession::self()->discardAll();
        ConfigurationSession::self()->dismissSharedChoice();
    }

    // A value defined in a module every host imports: nothing changes until the person chooses.
    void sharedDefinitionAsksForAChoice()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        QSignalSpy asked(session, &ConfigurationSession::sharedChoiceChanged);
        const QString refusal = session->setOptionValue(u"time.timeZone"_s, u"UTC"_s);
        QVERIFY2(refusal.contains(u"modules/base.nix"_s), qPrintable(refusal));
        QCOMPARE(session->pendingCount(), 0);
        QCOMPARE(asked.count(), 1);
        const SharedFileChoice choice = session->sharedChoice();
        QVERIFY(choice.pending);
        QCOMPARE(choice.file, u"modules/base.nix"_s);
        QCOMPARE(choice.host, u"alpha"_s);
        QCOMPARE(choice.otherHosts, (QStringList{u"beta"_s, u"delta"_s, u"gamma"_s, u"omega"_s}));
        QVERIFY(choice.overridable);
        QCOMPARE(choice.ownFile, u"hosts/alpha/default.nix"_s);
        QCOMPARE(choice.message, refusal);
        QVERIFY2(choice.message.contains(u"beta"_s) && choice.message.contains(u"omega"_s), qPrintable(choice.message));
    }

    // Override for this host only: a definition that wins, in alpha's own file; the shared module stays as it is.
    void overrideGoesIntoTheHostsOwnFile()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        QVERIFY(!session->setOptionValue(u"time.timeZone"_s, u"UTC"_s).isEmpty());
        QCOMPARE(session->overrideForThisHost(), QString());
        QVERIFY(!session->sharedChoice().pending);
        QCOMPARE(session->pendingCount(), 1);
        const QList<ChangedFile> files = session->changedFiles();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.constFirst().name, u"hosts/alpha/default.nix"_s);
        const QString diff = files.constFirst().diff;
        QVERIFY2(diff.contains(u"+  time.timeZone = lib.mkForce \"UTC\";"_s), qPrintable(diff));
        QCOMPARE(session->definitions(u"time.timeZone"_s).size(), 2);
    }

    // Change it for all of them: the shared module itself.
    void allHostsChangesTheSharedFile()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        QVERIFY(!session->setOptionValue(u"time.timeZone"_s, u"UTC"_s).isEmpty());
        QCOMPARE(session->changeForAllHosts(), QString());
        QVERIFY(!session->sharedChoice().pending);
        const QList<ChangedFile> files = session->changedFiles();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.constFirst().name, u"modules/base.nix"_s);
        const QString diff = files.constFirst().diff;
        QVERIFY2(diff.contains(u"-  time.timeZone = \"Europe/Amsterdam\";"_s) && diff.contains(u"+  time.timeZone = \"UTC\";"_s), qPrintable(diff));
    }

    // Removing a shared definition cannot be done for one host: only "all of them" is offered, and cancel changes nothing.
    void removalOffersOnlyAllHosts()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        QVERIFY(!session->unsetOption(u"i18n.defaultLocale"_s).isEmpty());
        QVERIFY(session->sharedChoice().pending);
        QVERIFY(!session->sharedChoice().overridable);
        QVERIFY(!session->overrideForThisHost().isEmpty());
        QVERIFY(session->sharedChoice().pending);
        session->dismissSharedChoice();
        QVERIFY(!session->sharedChoice().pending);
        QCOMPARE(session->pendingCount(), 0);
        QVERIFY(!session->changeForAllHosts().isEmpty()); // nothing waits any more
        QCOMPARE(session->pendingCount(), 0);
    }

    // Another host is built here; switching, booting, testing and dry-activating are refused with the reason, before any helper call.
    void otherHostIsBuiltNotActivated()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        QCOMPARE(FlakeHostList::activationRefusal(), QString());
        session->useConfiguration(m_directory, u"beta"_s);
        QCOMPARE(session->flakeHost(), u"beta"_s);
        const QString refusal = FlakeHostList::activationRefusal();
        QVERIFY2(refusal.contains(u"beta"_s) && refusal.contains(u"alpha"_s), qPrintable(refusal));

        FakeRunner runner;
        SystemActions actions(&runner);
        for (const SystemActions::Mode mode :
             {SystemActions::Mode::Switch, SystemActions::Mode::Boot, SystemActions::Mode::Test, SystemActions::Mode::DryActivate}) {
            QVERIFY(SystemActions::activatesThisMachine(mode));
            actions.apply(mode);
            QCOMPARE(actions.stage(), SystemActions::Stage::Failed);
            QCOMPARE(actions.errorMessage(), refusal);
            QVERIFY(runner.requests().isEmpty());
            actions.dismiss();
        }

        QVERIFY(!SystemActions::activatesThisMachine(SystemActions::Mode::Build));
        runner.expect(FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild,
                                           {{QLatin1String(Snowpane::Protocol::Reply::Mode), u"build"_s},
                                            {QLatin1String(Snowpane::Protocol::Reply::StorePath), u"/nix/store/fake-beta-system"_s}}));
        actions.apply(SystemActions::Mode::Build);
        QTRY_COMPARE(actions.stage(), SystemActions::Stage::Succeeded);
        QCOMPARE(runner.requests().size(), 1);
        QCOMPARE(runner.requests().constFirst().arguments.value(QLatin1String(Snowpane::Protocol::Key::Host)).toString(), u"beta"_s);
        QVERIFY2(runner.mismatches().isEmpty(), qPrintable(runner.mismatches().join(u"; "_s)));

        // An update is built, previewed against the running system and switched to: refused for another host too.
        // The window state outlives the process: an update another test left waiting would be restored as PreviewReady.
        WindowState::self()->setPendingUpdate(QString());
        UpdateController updates(&actions);
        updates.check();
        QCOMPARE(updates.state(), UpdateController::State::Failed);
        QCOMPARE(updates.errorMessage(), refusal);
        QCOMPARE(runner.requests().size(), 1);

        session->useConfiguration(m_directory, u"alpha"_s);
        QCOMPARE(FlakeHostList::activationRefusal(), QString());
    }

    // No host chosen in a flake of several: the pages work on this machine's own host, as nixos-rebuild takes the host name.
    void noHostChosenMeansThisMachine()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        session->useConfiguration(m_directory, QString());
        QVERIFY2(session->isEditable(), qPrintable(session->loadError()));
        QCOMPARE(session->flakeHost(), u"alpha"_s);
        QCOMPARE(SnowpaneSettings::self()->flakeHost(), QString()); // not saved: the person has chosen nothing
        session->useConfiguration(m_directory, u"alpha"_s);
    }

private:
    QTemporaryDir m_root;
    QString m_directory;
};

QTEST_GUILESS_MAIN(HostChoiceTest)

#include "tst_hostchoice.moc"
