// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every transition of apply, roll back, update and discard, driven through a
// scripted FakeRunner instead of the helper: a failure at each step, a
// cancel at each step, a step that ends despite a cancel, and a revert. Each
// row names the requests the controller must make, in order, and where it
// must end up. The profile is a FakeProfile; nothing runs as root.

#include "Changes/systemactions.h"
#include "Common/authorization.h"
#include "Common/configurationsession.h"
#include "Updates/updatecontroller.h"
#include "fakeprofile.h"
#include "fakerunner.h"
#include "helperprotocol.h"
#include "snowpanesettings.h"
#include "windowstate.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ErrorKind = FakeRunner::ErrorKind;
using Step = FakeRunner::Step;

Q_DECLARE_METATYPE(FakeRunner::Step)

namespace
{

constexpr int waitMs = 20000; // the fake answers from the event loop at once; this only bounds a hang

const QString WriteConfig = QLatin1String(Snowpane::Protocol::Action::WriteConfig);
const QString Rebuild = QLatin1String(Snowpane::Protocol::Action::Rebuild);
const QString Switch = QLatin1String(Snowpane::Protocol::Action::SwitchGeneration);
const QString Restore = QLatin1String(Snowpane::Protocol::Action::RestoreConfig);
const QString UpdateSources = QLatin1String(Snowpane::Protocol::Action::UpdateSources);
const QString RollBackChannels = QLatin1String(Snowpane::Protocol::Action::RollBackChannels);

Step held(Step step, bool ignoresCancel = false)
{
    step.hold = true;
    step.ignoresCancel = ignoresCancel;
    return step;
}

QVariantMap flakeUpdate(bool changed)
{
    return {{QLatin1String(Snowpane::Protocol::Reply::Kind), QLatin1String(Snowpane::Protocol::Reply::KindFlake)},
            {QLatin1String(Snowpane::Protocol::Reply::Changed), changed},
            {QLatin1String(Snowpane::Protocol::Reply::Commit), changed ? u"1111111111111111111111111111111111111111"_s : QString()},
            {QLatin1String(Snowpane::Protocol::Reply::PreviousCommit), u"0000000000000000000000000000000000000000"_s},
            {QLatin1String(Snowpane::Protocol::Reply::Inputs),
             QVariantList{QVariantMap{{QLatin1String(Snowpane::Protocol::Reply::InputName), u"nixpkgs"_s},
                                      {QLatin1String(Snowpane::Protocol::Reply::OldRevision), u"aaaaaaaaaaaa"_s},
                                      {QLatin1String(Snowpane::Protocol::Reply::NewRevision), changed ? u"bbbbbbbbbbbb"_s : u"aaaaaaaaaaaa"_s},
                                      {QLatin1String(Snowpane::Protocol::Reply::OldDate), u"2024-11-12T00:00:00Z"_s},
                                      {QLatin1String(Snowpane::Protocol::Reply::NewDate), u"2024-11-20T00:00:00Z"_s}}}}};
}

QVariantMap channelsUpdate()
{
    return {{QLatin1String(Snowpane::Protocol::Reply::Kind), QLatin1String(Snowpane::Protocol::Reply::KindChannels)},
            {QLatin1String(Snowpane::Protocol::Reply::Changed), true},
            {QLatin1String(Snowpane::Protocol::Reply::Channels),
             QVariantList{QVariantMap{{QLatin1String(Snowpane::Protocol::Reply::ChannelName), u"nixos"_s},
                                      {QLatin1String(Snowpane::Protocol::Reply::OldGeneration), 7},
                                      {QLatin1String(Snowpane::Protocol::Reply::NewGeneration), 8},
                                      {QLatin1String(Snowpane::Protocol::Reply::OldRevision), u"aaaa"_s},
                                      {QLatin1String(Snowpane::Protocol::Reply::NewRevision), u"bbbb"_s}}}}};
}

Step built()
{
    return FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild,
                                {{QLatin1String(Snowpane::Protocol::Reply::Mode), u"build"_s},
                                 {QLatin1String(Snowpane::Protocol::Reply::StorePath), u"/nix/store/fake-built-system"_s}});
}

Step dryActivated()
{
    Step step = FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild, {{QLatin1String(Snowpane::Protocol::Reply::Mode), u"dry-activate"_s}});
    step.progress = {Snowpane::Privileged::Progress{u"activating"_s, 0, 0, 0, 0, {}, {u"would restart the following units: sshd.service"_s}}};
    return step;
}

// The mode argument of each request, to tell a build from a dry-activate.
QStringList describe(const QList<Snowpane::Privileged::Request> &requests)
{
    QStringList out;
    for (const auto &request : requests) {
        QString text = request.action.section(u'.', -1);
        const QString mode = request.arguments.value(QLatin1String(Snowpane::Protocol::Key::Mode)).toString();
        if (!mode.isEmpty()) {
            text += u' ' + mode;
        }
        out.append(text);
    }
    return out;
}

} // namespace

class ControllerFlowsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void apply_data();
    void apply();
    void revertAfterAFailedApply_data();
    void revertAfterAFailedApply();
    void rollBack_data();
    void rollBack();
    void update_data();
    void update();
    void discard_data();
    void discard();
    void applyUpdate_data();
    void applyUpdate();
    void fakeRunnerCatchesAnUnexpectedRequest();
    void authorizationOfAnOperation_data();
    void authorizationOfAnOperation();

private:
    void makeEdit();
    /// Waits until the running operation ends, cancelling the held step when @p cancel says so.
    void runToEnd(SystemActions &actions, bool cancel);
    void writePending(const QString &kind);

    QTemporaryDir m_root;
    std::unique_ptr<FakeProfile> m_profile;
    QString m_configuration;
    FakeRunner *m_runner = nullptr;
};

void ControllerFlowsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_root.isValid());
}

void ControllerFlowsTest::init()
{
    const QString world = m_root.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u'-' + QString::fromLatin1(QTest::currentDataTag()));
    QDir(world).removeRecursively();
    QVERIFY(QDir().mkpath(world));
    m_profile = std::make_unique<FakeProfile>(world);
    for (int number : {1, 2, 3}) {
        QVERIFY2(m_profile->addGeneration({number, u"24.11"_s, u"6.6.%1"_s.arg(number), {}, {}, {}, {}}), qPrintable(m_profile->errorString()));
    }
    QVERIFY(m_profile->pointAt(m_profile->profilePath(), 3));
    QVERIFY(m_profile->pointAt(world + u"/run/current-system"_s, 3));
    // Root's channels at generation 8, as after the channels update the rows script.
    const QString channels = QFileInfo(m_profile->profilePath()).absolutePath() + u"/per-user/root"_s;
    QVERIFY(QDir().mkpath(channels));
    QVERIFY(QFile::link(u"channels-8-link"_s, channels + u"/channels"_s));

    m_configuration = world + u"/etc/nixos"_s;
    QVERIFY(QDir().mkpath(m_configuration));
    const QDir demo(QStringLiteral(SNOWPANE_DEMO_CONFIGURATION));
    for (const QString &name : {u"configuration.nix"_s, u"hardware-configuration.nix"_s, u"desktop.nix"_s}) {
        QVERIFY2(QFile::copy(demo.filePath(name), QDir(m_configuration).filePath(name)), qPrintable(name));
    }
    SnowpaneSettings::instance(KSharedConfig::openConfig(world + u"/snowpanerc"_s, KConfig::SimpleConfig));
    SnowpaneSettings::self()->setProfile(m_profile->profilePath());
    SnowpaneSettings::self()->setCurrentSystem(world + u"/run/current-system"_s);
    SnowpaneSettings::self()->setConfigurationDirectory(m_configuration);
    WindowState::self()->setPendingUpdate(QString());
    ConfigurationSession::self()->reload();
    QVERIFY2(ConfigurationSession::self()->isLoaded(), qPrintable(ConfigurationSession::self()->loadError()));
    m_runner = new FakeRunner;
}

void ControllerFlowsTest::cleanup()
{
    if (m_runner) {
        QVERIFY2(m_runner->mismatches().isEmpty(), qPrintable(m_runner->mismatches().join(u"; "_s)));
        QCOMPARE(m_runner->remaining(), 0);
    }
    delete m_runner;
    m_runner = nullptr;
    ConfigurationSession::self()->discardAll();
    WindowState::self()->setPendingUpdate(QString());
}

void ControllerFlowsTest::makeEdit()
{
    const QString refused = ConfigurationSession::self()->setOptionValue(u"time.timeZone"_s, u"Europe/Berlin"_s);
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
    QCOMPARE(ConfigurationSession::self()->pendingCount(), 1);
}

void ControllerFlowsTest::runToEnd(SystemActions &actions, bool cancel)
{
    if (cancel) {
        QTRY_VERIFY_WITH_TIMEOUT(m_runner->heldJob() != nullptr, waitMs);
        actions.cancel();
    }
    QTRY_VERIFY_WITH_TIMEOUT(!actions.isBusy(), waitMs);
}

void ControllerFlowsTest::writePending(const QString &kind)
{
    // "unknown": a flake update whose commit before is not known, so it cannot be put back.
    QJsonObject pending{
        {u"kind"_s, kind == u"unknown"_s ? u"flake"_s : kind},
        {u"systemGeneration"_s, 3},
        {u"complete"_s, true},
        {u"sources"_s, QJsonArray{QJsonObject{{u"name"_s, u"nixpkgs"_s}, {u"revisionBefore"_s, u"aaaa"_s}, {u"revisionAfter"_s, u"bbbb"_s}}}},
        {u"restart"_s, QJsonArray{u"sshd.service"_s}},
    };
    if (kind == u"channels"_s) {
        pending.insert(u"oldGeneration"_s, 7);
        pending.insert(u"newGeneration"_s, 8);
    } else if (kind == u"flake"_s) {
        pending.insert(u"previousCommit"_s, u"0000000000000000000000000000000000000000"_s);
    }
    WindowState::self()->setPendingUpdate(QString::fromUtf8(QJsonDocument(pending).toJson(QJsonDocument::Compact)));
}

// ---------------------------------------------------------------- apply

void ControllerFlowsTest::apply_data()
{
    QTest::addColumn<bool>("edits");
    QTest::addColumn<QList<Step>>("script");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<QStringList>("requests");
    QTest::addColumn<SystemActions::Stage>("stage");
    QTest::addColumn<bool>("canRevert");
    QTest::addColumn<QString>("message");

    const QVariantMap saved{{QLatin1String(Snowpane::Protocol::Reply::SavedBefore), u"abc1234"_s}};
    const QVariantMap switched{{QLatin1String(Snowpane::Protocol::Reply::Mode), u"switch"_s}, {QLatin1String(Snowpane::Protocol::Reply::Generation), 4}};
    using S = SystemActions::Stage;

    QTest::newRow("nothing to save: built and switched") << false << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild, switched)} << false
                                                         << QStringList{u"rebuild switch"_s} << S::Succeeded << false << u""_s;
    QTest::newRow("nothing to save: the build fails") << false << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed)}
                                                      << false << QStringList{u"rebuild switch"_s} << S::Failed << false
                                                      << u"The new system could not be built."_s;
    QTest::newRow("nothing to save: polkit refuses")
        << false << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::NotAuthorised)} << false << QStringList{u"rebuild switch"_s}
        << S::Failed << false
        << u"Polkit refused “Build and apply the system configuration” (io.github.snowpane.rebuild): the authentication was refused or cancelled."_s;
    QTest::newRow("nothing to save: the helper is busy")
        << false << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Busy)} << false << QStringList{u"rebuild switch"_s}
        << S::Failed << false << u"Another change to the system is still running. Wait for it to finish, then try again."_s;
    QTest::newRow("nothing to save: the helper is missing")
        << false << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::HelperMissing)} << false << QStringList{u"rebuild switch"_s}
        << S::Failed << false << u"*installed*"_s;
    QTest::newRow("nothing to save: timed out") << false << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::TimedOut)} << false
                                                << QStringList{u"rebuild switch"_s} << S::Failed << false << u"The operation took too long and was stopped."_s;
    QTest::newRow("nothing to save: invalid request") << false << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::InvalidRequest)}
                                                      << false << QStringList{u"rebuild switch"_s} << S::Failed << false
                                                      << u"The system helper refused the request."_s;
    QTest::newRow("nothing to save: cancelled while building")
        << false << QList<Step>{held(FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild, switched))} << true << QStringList{u"rebuild switch"_s}
        << S::Failed << false << u"The operation was cancelled. The system was not changed."_s;
    QTest::newRow("saved and built") << true
                                     << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::WriteConfig, saved),
                                                    FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild, switched)}
                                     << false << QStringList{u"writeconfig"_s, u"rebuild switch"_s} << S::Succeeded << false << u""_s;
    QTest::newRow("the save fails") << true << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::WriteConfig, ErrorKind::Failed)} << false
                                    << QStringList{u"writeconfig"_s} << S::Failed << false << u"The configuration could not be saved."_s;
    QTest::newRow("saved, the build fails") << true
                                            << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::WriteConfig, saved),
                                                           FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed)}
                                            << false << QStringList{u"writeconfig"_s, u"rebuild switch"_s} << S::Failed << true
                                            << u"The new system could not be built."_s;
    QTest::newRow("cancelled while saving") << true << QList<Step>{held(FakeRunner::succeeds(Snowpane::Protocol::Action::WriteConfig, saved))} << true
                                            << QStringList{u"writeconfig"_s} << S::Failed << false
                                            << u"The operation was cancelled. The system was not changed."_s;
    QTest::newRow("the save ends despite a cancel: no build")
        << true << QList<Step>{held(FakeRunner::succeeds(Snowpane::Protocol::Action::WriteConfig, saved), true)} << true << QStringList{u"writeconfig"_s}
        << S::Failed << true << u"*cancelled before the build*"_s;
    QTest::newRow("saved, cancelled while building") << true
                                                     << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::WriteConfig, saved),
                                                                    held(FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild, switched))}
                                                     << true << QStringList{u"writeconfig"_s, u"rebuild switch"_s} << S::Failed << true
                                                     << u"The operation was cancelled. The system was not changed."_s;
}

void ControllerFlowsTest::apply()
{
    QFETCH(bool, edits);
    QFETCH(QList<Step>, script);
    QFETCH(bool, cancel);
    QFETCH(QStringList, requests);
    QFETCH(SystemActions::Stage, stage);
    QFETCH(bool, canRevert);
    QFETCH(QString, message);
    if (edits) {
        makeEdit();
    }
    m_runner->expect(script);
    SystemActions actions(m_runner);
    actions.apply(SystemActions::Mode::Switch);
    QVERIFY(actions.isBusy());
    runToEnd(actions, cancel);
    QCOMPARE(describe(m_runner->requests()), requests);
    QCOMPARE(actions.stage(), stage);
    QCOMPARE(actions.canRevert(), canRevert);
    if (message.startsWith(u'*')) {
        QVERIFY2(actions.errorMessage().contains(message.mid(1).chopped(1)), qPrintable(actions.errorMessage()));
    } else {
        QCOMPARE(actions.errorMessage(), message);
    }
    if (stage == SystemActions::Stage::Succeeded) {
        QCOMPARE(actions.newGeneration(), 4);
        QCOMPARE(actions.previousGeneration(), 3);
        QVERIFY(actions.appliedConfiguration());
    }
    if (edits && requests.first() == u"writeconfig"_s) {
        const auto arguments = m_runner->requests().first().arguments;
        QCOMPARE(arguments.value(QLatin1String(Snowpane::Protocol::Key::Names)).toStringList(), QStringList{u"configuration.nix"_s});
    }
}

void ControllerFlowsTest::revertAfterAFailedApply_data()
{
    QTest::addColumn<Step>("restore");
    QTest::addColumn<SystemActions::Stage>("stage");
    QTest::newRow("put back") << FakeRunner::succeeds(Snowpane::Protocol::Action::RestoreConfig) << SystemActions::Stage::Succeeded;
    QTest::newRow("putting back fails") << FakeRunner::fails(Snowpane::Protocol::Action::RestoreConfig, ErrorKind::Failed) << SystemActions::Stage::Failed;
}

void ControllerFlowsTest::revertAfterAFailedApply()
{
    QFETCH(Step, restore);
    QFETCH(SystemActions::Stage, stage);
    makeEdit();
    m_runner->expect({FakeRunner::succeeds(Snowpane::Protocol::Action::WriteConfig, {{QLatin1String(Snowpane::Protocol::Reply::SavedBefore), u"abc1234"_s}}),
                      FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed),
                      restore});
    SystemActions actions(m_runner);
    actions.apply(SystemActions::Mode::Boot);
    runToEnd(actions, false);
    QVERIFY(actions.canRevert());
    actions.revert();
    runToEnd(actions, false);
    QCOMPARE(describe(m_runner->requests()), (QStringList{u"writeconfig"_s, u"rebuild boot"_s, u"restoreconfig"_s}));
    // The commit the helper made of outside changes before the save, not the head before it.
    QCOMPARE(m_runner->requests().last().arguments.value(QLatin1String(Snowpane::Protocol::Key::Commit)).toString(), u"abc1234"_s);
    QCOMPARE(actions.stage(), stage);
    QVERIFY(!actions.canRevert());
}

// ---------------------------------------------------------------- roll back

void ControllerFlowsTest::rollBack_data()
{
    QTest::addColumn<bool>("earlier");
    QTest::addColumn<QList<Step>>("script");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<SystemActions::Stage>("stage");
    QTest::addColumn<QString>("message");
    const QVariantMap switched{{QLatin1String(Snowpane::Protocol::Reply::Mode), u"switch"_s}, {QLatin1String(Snowpane::Protocol::Reply::Generation), 2}};
    using S = SystemActions::Stage;
    QTest::newRow("switched to the one before") << true << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::SwitchGeneration, switched)} << false
                                                << S::Succeeded << u""_s;
    QTest::newRow("the switch fails") << true << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::SwitchGeneration, ErrorKind::Failed)} << false
                                      << S::Failed << u"The system could not switch to that generation."_s;
    QTest::newRow("polkit refuses")
        << true << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::SwitchGeneration, ErrorKind::NotAuthorised)} << false << S::Failed
        << u"Polkit refused “Switch to an earlier system generation” (io.github.snowpane.switchgeneration): the authentication was refused or cancelled."_s;
    QTest::newRow("cancelled") << true << QList<Step>{held(FakeRunner::succeeds(Snowpane::Protocol::Action::SwitchGeneration, switched))} << true << S::Failed
                               << u"The operation was cancelled. The system was not changed."_s;
    QTest::newRow("the switch ends despite a cancel") << true
                                                      << QList<Step>{held(FakeRunner::succeeds(Snowpane::Protocol::Action::SwitchGeneration, switched), true)}
                                                      << true << S::Succeeded << u""_s;
    QTest::newRow("nothing earlier") << false << QList<Step>{} << false << S::Failed << u"There is no generation before the current one to roll back to."_s;
}

void ControllerFlowsTest::rollBack()
{
    QFETCH(bool, earlier);
    QFETCH(QList<Step>, script);
    QFETCH(bool, cancel);
    QFETCH(SystemActions::Stage, stage);
    QFETCH(QString, message);
    if (!earlier) {
        for (const QString &link : {u"system-1-link"_s, u"system-2-link"_s}) {
            QVERIFY(QFile::remove(QFileInfo(m_profile->profilePath()).absolutePath() + u'/' + link));
        }
    }
    m_runner->expect(script);
    SystemActions actions(m_runner);
    actions.rollBack();
    runToEnd(actions, cancel);
    QCOMPARE(actions.stage(), stage);
    QCOMPARE(actions.errorMessage(), message);
    QCOMPARE(m_runner->requests().size(), script.size());
    if (earlier) {
        const QVariantMap arguments = m_runner->requests().first().arguments;
        QCOMPARE(arguments.value(QLatin1String(Snowpane::Protocol::Key::Generation)).toInt(), 2);
        QCOMPARE(arguments.value(QLatin1String(Snowpane::Protocol::Key::Mode)).toString(), u"switch"_s);
    }
    if (stage == SystemActions::Stage::Succeeded) {
        QCOMPARE(actions.newGeneration(), 2);
        QCOMPARE(actions.resultText(), u"Generation 2 is active."_s);
    }
}

// ---------------------------------------------------------------- update

void ControllerFlowsTest::update_data()
{
    QTest::addColumn<QList<Step>>("script");
    QTest::addColumn<bool>("cancel");
    /// Cancel between steps, right after this many steps ended (-1: never): the comparison runs then.
    QTest::addColumn<int>("cancelAfter");
    QTest::addColumn<QStringList>("requests");
    QTest::addColumn<UpdateController::State>("state");
    QTest::addColumn<bool>("unitsKnown");
    QTest::addColumn<SystemActions::Stage>("stage");

    using U = UpdateController::State;
    using S = SystemActions::Stage;
    const Step flake = FakeRunner::succeeds(Snowpane::Protocol::Action::UpdateSources, flakeUpdate(true));
    const Step lockBack = FakeRunner::succeeds(Snowpane::Protocol::Action::RestoreConfig);
    const QStringList all{u"updatesources"_s, u"rebuild build"_s, u"rebuild dry-activate"_s};

    QTest::newRow("already the newest") << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::UpdateSources, flakeUpdate(false))} << false << -1
                                        << QStringList{u"updatesources"_s} << U::UpToDate << false << S::Succeeded;
    QTest::newRow("flake: every step") << QList<Step>{flake, built(), dryActivated()} << false << -1 << all << U::PreviewReady << true << S::Succeeded;
    QTest::newRow("channels: every step") << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::UpdateSources, channelsUpdate()),
                                                         built(),
                                                         dryActivated()}
                                          << false << -1 << all << U::PreviewReady << true << S::Succeeded;
    QTest::newRow("the download fails") << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::UpdateSources, ErrorKind::Failed)} << false << -1
                                        << QStringList{u"updatesources"_s} << U::Failed << false << S::Failed;
    QTest::newRow("the download is refused") << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::UpdateSources, ErrorKind::NotAuthorised)} << false
                                             << -1 << QStringList{u"updatesources"_s} << U::Failed << false << S::Failed;
    QTest::newRow("flake: the build fails, the lock goes back")
        << QList<Step>{flake, FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed), lockBack} << false << -1
        << QStringList{u"updatesources"_s, u"rebuild build"_s, u"restoreconfig"_s} << U::Failed << false << S::Failed;
    QTest::newRow("channels: the build fails, the channels go back")
        << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::UpdateSources, channelsUpdate()),
                       FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed),
                       FakeRunner::succeeds(Snowpane::Protocol::Action::RollBackChannels)}
        << false << -1 << QStringList{u"updatesources"_s, u"rebuild build"_s, u"rollbackchannels"_s} << U::Failed << false << S::Failed;
    QTest::newRow("the build fails, putting back fails too: the update waits")
        << QList<Step>{flake,
                       FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed),
                       FakeRunner::fails(Snowpane::Protocol::Action::RestoreConfig, ErrorKind::Failed)}
        << false << -1 << QStringList{u"updatesources"_s, u"rebuild build"_s, u"restoreconfig"_s} << U::PreviewReady << false << S::Failed;
    QTest::newRow("dry-activate fails: the update waits, services unknown")
        << QList<Step>{flake, built(), FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed)} << false << -1 << all << U::PreviewReady
        << false << S::Succeeded;
    QTest::newRow("cancelled while downloading") << QList<Step>{held(flake)} << true << -1 << QStringList{u"updatesources"_s} << U::Failed << false
                                                 << S::Failed;
    QTest::newRow("the download ends despite a cancel: the lock goes back")
        << QList<Step>{held(flake, true), lockBack} << true << -1 << QStringList{u"updatesources"_s, u"restoreconfig"_s} << U::Failed << false << S::Failed;
    QTest::newRow("cancelled while building") << QList<Step>{flake, held(built()), lockBack} << true << -1
                                              << QStringList{u"updatesources"_s, u"rebuild build"_s, u"restoreconfig"_s} << U::Failed << false << S::Failed;
    QTest::newRow("the build ends despite a cancel: the lock goes back")
        << QList<Step>{flake, held(built(), true), lockBack} << true << -1 << QStringList{u"updatesources"_s, u"rebuild build"_s, u"restoreconfig"_s}
        << U::Failed << false << S::Failed;
    QTest::newRow("cancelled while comparing") << QList<Step>{flake, built(), lockBack} << false << 2
                                               << QStringList{u"updatesources"_s, u"rebuild build"_s, u"restoreconfig"_s} << U::Failed << false << S::Failed;
    QTest::newRow("cancelled while dry-activating") << QList<Step>{flake, built(), held(dryActivated()), lockBack} << true << -1
                                                    << (all + QStringList{u"restoreconfig"_s}) << U::Failed << false << S::Failed;
    QTest::newRow("cancelled, putting back fails: the update waits")
        << QList<Step>{flake, held(built()), FakeRunner::fails(Snowpane::Protocol::Action::RestoreConfig, ErrorKind::Failed)} << true << -1
        << QStringList{u"updatesources"_s, u"rebuild build"_s, u"restoreconfig"_s} << U::PreviewReady << false << S::Failed;
    Step noPrevious = flake;
    noPrevious.reply.remove(QLatin1String(Snowpane::Protocol::Reply::PreviousCommit));
    QTest::newRow("the build fails, the commit before is unknown: nothing to put back")
        << QList<Step>{noPrevious, FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed)} << false << -1
        << QStringList{u"updatesources"_s, u"rebuild build"_s} << U::Failed << false << S::Failed;
}

void ControllerFlowsTest::update()
{
    QFETCH(QList<Step>, script);
    QFETCH(bool, cancel);
    QFETCH(int, cancelAfter);
    QFETCH(QStringList, requests);
    QFETCH(UpdateController::State, state);
    QFETCH(bool, unitsKnown);
    QFETCH(SystemActions::Stage, stage);
    m_runner->expect(script);
    SystemActions actions(m_runner);
    UpdateController updates(&actions);
    QCOMPARE(updates.state(), UpdateController::State::Idle);
    int stepsEnded = 0;
    // Connected after the controller, so the controller has started the next step (or the comparison) when this runs.
    connect(&actions, &SystemActions::stepFinished, this, [&] {
        if (++stepsEnded == cancelAfter) {
            QVERIFY(actions.canCancel());
            actions.cancel();
        }
    });
    updates.check();
    QCOMPARE(updates.state(), UpdateController::State::Checking);
    runToEnd(actions, cancel);
    QCOMPARE(describe(m_runner->requests()), requests);
    QCOMPARE(updates.state(), state);
    QCOMPARE(actions.stage(), stage);
    QCOMPARE(updates.unitsKnown(), unitsKnown);
    if (unitsKnown) {
        QCOMPARE(updates.unitsToRestart(), QStringList{u"sshd.service"_s});
    }
    const bool waits = state == UpdateController::State::PreviewReady;
    QCOMPARE(WindowState::self()->pendingUpdate().isEmpty(), !waits);
    if (requests.contains(u"restoreconfig"_s)) {
        const QVariantMap arguments = m_runner->requests().last().arguments;
        QCOMPARE(arguments.value(QLatin1String(Snowpane::Protocol::Key::Commit)).toString(), u"0000000000000000000000000000000000000000"_s);
        QCOMPARE(arguments.value(QLatin1String(Snowpane::Protocol::Key::Files)).toStringList(), QStringList{u"flake.lock"_s});
    }
    if (requests.contains(u"rollbackchannels"_s)) {
        const QVariantMap arguments = m_runner->requests().last().arguments;
        QCOMPARE(arguments.value(QLatin1String(Snowpane::Protocol::Key::From)).toInt(), 8);
        QCOMPARE(arguments.value(QLatin1String(Snowpane::Protocol::Key::To)).toInt(), 7);
    }
}

// ---------------------------------------------------------------- discard

void ControllerFlowsTest::discard_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QList<Step>>("script");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<UpdateController::State>("state");
    QTest::addColumn<SystemActions::Stage>("stage");
    using U = UpdateController::State;
    using S = SystemActions::Stage;
    QTest::newRow("flake: the lock goes back") << u"flake"_s << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::RestoreConfig)} << false << U::Idle
                                               << S::Succeeded;
    QTest::newRow("channels: the channels go back") << u"channels"_s << QList<Step>{FakeRunner::succeeds(Snowpane::Protocol::Action::RollBackChannels)} << false
                                                    << U::Idle << S::Succeeded;
    QTest::newRow("putting back fails: the update waits")
        << u"flake"_s << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::RestoreConfig, ErrorKind::Failed)} << false << U::PreviewReady << S::Failed;
    QTest::newRow("polkit refuses: the update waits") << u"channels"_s
                                                      << QList<Step>{FakeRunner::fails(Snowpane::Protocol::Action::RollBackChannels, ErrorKind::NotAuthorised)}
                                                      << false << U::PreviewReady << S::Failed;
    // Putting back cannot be cancelled: the cancel is refused and the step runs to its end.
    QTest::newRow("a cancel is refused") << u"flake"_s << QList<Step>{held(FakeRunner::succeeds(Snowpane::Protocol::Action::RestoreConfig))} << true << U::Idle
                                         << S::Succeeded;
    QTest::newRow("nothing known to put back") << u"unknown"_s << QList<Step>{} << false << U::PreviewReady << S::Failed;
}

void ControllerFlowsTest::discard()
{
    QFETCH(QString, kind);
    QFETCH(QList<Step>, script);
    QFETCH(bool, cancel);
    QFETCH(UpdateController::State, state);
    QFETCH(SystemActions::Stage, stage);
    writePending(kind);
    m_runner->expect(script);
    SystemActions actions(m_runner);
    UpdateController updates(&actions);
    QCOMPARE(updates.state(), UpdateController::State::PreviewReady);
    updates.discard();
    if (cancel) {
        QTRY_VERIFY_WITH_TIMEOUT(m_runner->heldJob() != nullptr, waitMs);
        QVERIFY(!actions.canCancel());
        actions.cancel();
        QVERIFY(m_runner->heldJob() != nullptr);
        m_runner->release();
    }
    runToEnd(actions, false);
    QCOMPARE(m_runner->requests().size(), script.size());
    QCOMPARE(updates.state(), state);
    QCOMPARE(actions.stage(), stage);
    QCOMPARE(WindowState::self()->pendingUpdate().isEmpty(), state == UpdateController::State::Idle);
}

// ---------------------------------------------------------------- applying an update

void ControllerFlowsTest::applyUpdate_data()
{
    QTest::addColumn<SystemActions::Mode>("mode");
    QTest::addColumn<Step>("rebuild");
    QTest::addColumn<UpdateController::State>("state");
    using U = UpdateController::State;
    const QVariantMap switched{{QLatin1String(Snowpane::Protocol::Reply::Mode), u"switch"_s}, {QLatin1String(Snowpane::Protocol::Reply::Generation), 4}};
    QTest::newRow("switched: the update is done") << SystemActions::Mode::Switch << FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild, switched)
                                                  << U::Idle;
    QTest::newRow("built only: the update still waits")
        << SystemActions::Mode::Build << FakeRunner::succeeds(Snowpane::Protocol::Action::Rebuild) << U::PreviewReady;
    QTest::newRow("the build fails: the update still waits")
        << SystemActions::Mode::Switch << FakeRunner::fails(Snowpane::Protocol::Action::Rebuild, ErrorKind::Failed) << U::PreviewReady;
}

void ControllerFlowsTest::applyUpdate()
{
    QFETCH(SystemActions::Mode, mode);
    QFETCH(Step, rebuild);
    QFETCH(UpdateController::State, state);
    writePending(u"flake"_s);
    m_runner->expect(rebuild);
    SystemActions actions(m_runner);
    UpdateController updates(&actions);
    QCOMPARE(updates.state(), UpdateController::State::PreviewReady);
    updates.apply(mode);
    QCOMPARE(updates.state(), UpdateController::State::Applying);
    runToEnd(actions, false);
    QCOMPARE(updates.state(), state);
    QCOMPARE(WindowState::self()->pendingUpdate().isEmpty(), state == UpdateController::State::Idle);
}

void ControllerFlowsTest::fakeRunnerCatchesAnUnexpectedRequest()
{
    // The fake itself: a request the script does not expect fails and is noted, so no row can pass by skipping a step.
    FakeRunner runner;
    runner.expect(FakeRunner::succeeds(Snowpane::Protocol::Action::WriteConfig));
    std::unique_ptr<Snowpane::Privileged::Job> job(runner.createJob({Rebuild, {}}));
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), waitMs);
    QCOMPARE(job->error(), ErrorKind::InvalidRequest);
    QCOMPARE(runner.mismatches().size(), 1);
    std::unique_ptr<Snowpane::Privileged::Job> extra(runner.createJob({Rebuild, {}}));
    extra->start();
    QTRY_VERIFY_WITH_TIMEOUT(extra->isFinished(), waitMs);
    QCOMPARE(runner.mismatches().size(), 2);
}

void ControllerFlowsTest::authorizationOfAnOperation_data()
{
    using Answer = Snowpane::Privileged::ActionAuthorization::Answer;
    using State = OperationAuthorization::State;
    QTest::addColumn<QList<Answer>>("answers");
    QTest::addColumn<State>("state");
    QTest::addColumn<bool>("needsPassword");
    QTest::addColumn<QString>("hint");
    QTest::newRow("no steps") << QList<Answer>{} << State::Unknown << false << QString();
    QTest::newRow("all allowed") << QList<Answer>{Answer::Allowed, Answer::Allowed} << State::Allowed << false << QString();
    QTest::newRow("one not asked yet") << QList<Answer>{Answer::Allowed, Answer::Unknown} << State::Unknown << false << QString();
    QTest::newRow("one asks for a password") << QList<Answer>{Answer::Allowed, Answer::NeedsAuthentication} << State::NeedsAuthentication << true
                                             << u"Requires authentication"_s;
    // The operation is as restricted as its most restricted step: a refusal wins over a password.
    QTest::newRow("one refused") << QList<Answer>{Answer::NeedsAuthentication, Answer::Refused} << State::Refused << false << u"Not allowed"_s;
}

void ControllerFlowsTest::authorizationOfAnOperation()
{
    QFETCH(QList<Snowpane::Privileged::ActionAuthorization::Answer>, answers);
    QFETCH(OperationAuthorization::State, state);
    QFETCH(bool, needsPassword);
    QFETCH(QString, hint);
    QList<std::pair<QString, Snowpane::Privileged::ActionAuthorization::Answer>> steps;
    for (const auto answer : answers) {
        steps.append({QString::fromLatin1(Snowpane::Protocol::Action::WriteConfig), answer});
    }
    const OperationAuthorization operation = Authorization::describe(steps);
    QCOMPARE(operation.state, state);
    QCOMPARE(operation.isRefused(), state == OperationAuthorization::State::Refused);
    QCOMPARE(operation.needsPassword, needsPassword);
    QVERIFY2(hint.isEmpty() ? operation.hint.isEmpty() : operation.hint.startsWith(hint), qPrintable(operation.hint));
}

QTEST_GUILESS_MAIN(ControllerFlowsTest)
#include "tst_controllerflows.moc"
