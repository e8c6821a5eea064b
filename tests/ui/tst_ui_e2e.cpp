// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The window's own path, end to end, with the real helper and polkit: the
// models the pages use record the edits, SystemActions saves them through
// the helper, rebuilds and switches the stand-in system with real Nix, and
// the Generations page's action rolls it back. run-ui-e2e prepares the
// system bus, polkitd, the installed helper and the stand-in machine, and
// runs this as an unprivileged user.

#include "Changes/systemactions.h"
#include "Common/configurationsession.h"
#include "Settings/configurationplace.h"
#include "Updates/updatecontroller.h"
#include "e2eworld.h"
#include "generationlink.h"
#include "generationreader.h"
#include "gitrepository.h"
#include "privilegedjobs.h"
#include "snowpanesettings.h"
#include "unifieddiff.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace EndToEnd;
using namespace std::chrono_literals;

namespace
{

// The lines a diff removes and adds, without its headers and context.
QStringList changedLines(const QString &before, const QString &after)
{
    QStringList lines;
    const QString diff = QString::fromStdString(Snowpane::Config::unifiedDiff("f", before.toStdString(), after.toStdString()));
    for (const QString &line : diff.split(u'\n')) {
        if ((line.startsWith(u'+') || line.startsWith(u'-')) && !line.startsWith(u"+++"_s) && !line.startsWith(u"---"_s)) {
            lines.append(line);
        }
    }
    return lines;
}

// Waits until the running operation ends; true when it failed, as the caller expects.
bool failsWithin(SystemActions &actions, std::chrono::seconds bound)
{
    return QTest::qWaitFor(
               [&] {
                   return !actions.isBusy();
               },
               bound)
        && actions.stage() == SystemActions::Stage::Failed;
}

// Waits until the running operation ends; true when it succeeded.
bool finish(SystemActions &actions)
{
    if (!QTest::qWaitFor(
            [&] {
                return !actions.isBusy();
            },
            240s)) {
        qWarning() << "the operation did not end:" << actions.title();
        return false;
    }
    if (actions.stage() != SystemActions::Stage::Succeeded) {
        qWarning() << actions.title() << "failed:" << actions.errorMessage() << actions.errorDetails();
        return false;
    }
    return true;
}

// Waits until the Updates page's check, discard or apply has ended; true when it ended in @p expected.
bool settles(const UpdateController &updates, const SystemActions &actions, UpdateController::State expected)
{
    const bool ended = QTest::qWaitFor(
        [&] {
            const auto state = updates.state();
            return state != UpdateController::State::Checking && state != UpdateController::State::Discarding && state != UpdateController::State::Applying
                && !actions.isBusy();
        },
        600s);
    if (!ended || updates.state() != expected) {
        qWarning() << "update state" << updates.state() << "expected" << expected << actions.errorMessage() << actions.errorDetails();
        return false;
    }
    return true;
}

} // namespace

// Points the settings at the stand-in machine and loads its configuration.
void useStandInMachine()
{
    SnowpaneSettings::instance(KSharedConfig::openConfig(work() + u"/home/snowpanerc-%1"_s.arg(::getuid()), KConfig::SimpleConfig));
    SnowpaneSettings *settings = SnowpaneSettings::self();
    settings->setConfigurationDirectory(configDir());
    settings->setProfile(profile());
    settings->setCurrentSystem(work() + u"/state/current-system"_s);
    settings->setBootedSystem(work() + u"/home/booted-system"_s);
    ConfigurationSession::self()->reload();
}

/**
 * The scenarios of issue 9 through the window's own objects. run-e2e runs
 * helperMissing before the helper is installed, editApplyAndRollBack as a
 * user polkit allows, and deniedChangesNothing as one it refuses.
 */
class UiEndToEndTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (work().isEmpty() || configDir().isEmpty()) {
            QFAIL("run through tests/privileged/run-e2e (ctest -R ui-e2e), which sets up the system bus, polkit and the helper");
        }
        QVERIFY2(::geteuid() != 0, "the window runs as an unprivileged user");
        // Before the helper is installed the configuration does not exist yet; loading it then fails quietly.
        useStandInMachine();
    }

    // The window says so, in words a person can act on.
    void helperMissing()
    {
        SystemActions actions;
        actions.apply(SystemActions::Mode::Switch);
        QVERIFY(failsWithin(actions, 60s));
        QVERIFY2(actions.errorMessage().contains(u"not installed"_s), qPrintable(actions.errorMessage()));
        QVERIFY2(actions.errorMessage().contains(u"programs.snowpane.enable"_s), qPrintable(actions.errorMessage()));
    }

    // A change that does not evaluate: the error names the file and line, and one click takes the saved change back.
    void failedApplyOffersRevert()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        QVERIFY2(session->isEditable(), qPrintable(session->loadError()));
        const QString entry = configDir() + u"/configuration.nix"_s;
        const QString before = readText(entry);
        const int generation = currentGeneration();
        QCOMPARE(session->setOptionNix(u"networking.hostName"_s, u"config.snowpaneNoSuchOption"_s), QString());

        SystemActions actions;
        actions.apply(SystemActions::Mode::Switch);
        QVERIFY(failsWithin(actions, 240s));
        QVERIFY2(actions.errorMessage().contains(u"could not be built"_s), qPrintable(actions.errorMessage()));
        QVERIFY2(actions.errorDetails().contains(u"snowpaneNoSuchOption"_s), qPrintable(actions.errorDetails()));
        QVERIFY2(actions.errorFile().endsWith(u"configuration.nix"_s), qPrintable(actions.errorFile()));
        QVERIFY(actions.errorLine() > 0);
        QCOMPARE(currentGeneration(), generation);
        QVERIFY(readText(entry) != before); // saved and committed before the build

        QVERIFY(actions.canRevert());
        actions.revert();
        QVERIFY(finish(actions));
        QCOMPARE(readText(entry), before);
        QCOMPARE(session->pendingCount(), 0);
        QVERIFY(session->definitions(u"networking.hostName"_s).constFirst().source.startsWith(u'"'));
    }

    void deniedChangesNothing()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        QVERIFY2(session->isEditable(), qPrintable(session->loadError()));
        const QString entry = configDir() + u"/configuration.nix"_s;
        const QString before = readText(entry);
        const int generation = currentGeneration();
        QCOMPARE(session->setOptionValue(u"time.timeZone"_s, u"Pacific/Auckland"_s), QString());
        SystemActions actions;
        actions.apply(SystemActions::Mode::Switch);
        QVERIFY(failsWithin(actions, 60s));
        QVERIFY2(actions.errorMessage().contains(u"Polkit refused"_s) && actions.errorMessage().contains(u"io.github.snowpane."_s),
                 qPrintable(actions.errorMessage()));
        QVERIFY(!actions.canRevert());
        QCOMPARE(readText(entry), before);
        QCOMPARE(currentGeneration(), generation);
        // The edit is still pending: nothing the person did is lost.
        QCOMPARE(session->pendingCount(), 1);
    }

    void editApplyAndRollBack()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        QVERIFY2(session->isEditable(), qPrintable(session->loadError()));
        // A machine whose configuration is not under git yet: the helper starts its history.
        if (!QFileInfo(configDir() + u"/.git"_s).isDir()) {
            Snowpane::Privileged::InitRepoJob init;
            QVERIFY2(succeeds(init), qPrintable(init.errorMessage()));
        }
        // The demo has OpenSSH on; turn it off first, so that the scenario can turn it on.
        if (session->literalValue(u"services.openssh.enable"_s) == QVariant(true)) {
            QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, false), QString());
            QString error;
            const auto files = session->pendingFiles(&error);
            QCOMPARE(files.size(), std::size_t(1));
            Snowpane::Privileged::WriteConfigJob prepare({files.front().first}, {files.front().second}, u"Turn OpenSSH off for the test"_s);
            QVERIFY2(succeeds(prepare), qPrintable(prepare.errorMessage()));
            session->reload();
        }
        // A machine that is running a generation, so that there is one to roll back to.
        if (currentGeneration() == 0) {
            Snowpane::Privileged::RebuildJob first(u"switch"_s);
            QVERIFY2(succeeds(first), qPrintable(first.errorMessage()));
        }

        SystemActions actions;
        const QString entry = configDir() + u"/configuration.nix"_s;
        const QString before = readText(entry);
        const int generationBefore = currentGeneration();

        // 1 and 2: what the Options page's services toggle and the Packages page's install button call.
        QCOMPARE(session->literalValue(u"services.openssh.enable"_s), QVariant(false));
        QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, true), QString());
        QVERIFY(!session->isDeclaredPackage(u"htop"_s));
        QCOMPARE(session->addPackage(u"htop"_s), QString());
        QCOMPARE(session->pendingCount(), 2);
        // Nothing is written before the person applies.
        QCOMPARE(readText(entry), before);

        // 3: "Switch now".
        actions.apply(SystemActions::Mode::Switch);
        QVERIFY(actions.isBusy());
        QVERIFY(finish(actions));
        QVERIFY(!actions.log().isEmpty());

        // 4: a new generation, the minimal edit on disk, and the commit.
        const int generationAfter = currentGeneration();
        QCOMPARE(generationAfter, generationBefore + 1);
        QCOMPARE(actions.newGeneration(), generationAfter);
        const QString after = readText(entry);
        QCOMPARE(changedLines(before, after), (QStringList{u"+    htop"_s, u"-    enable = false;"_s, u"+    enable = true;"_s}));
        QCOMPARE(session->pendingCount(), 0);
        QCOMPARE(session->literalValue(u"services.openssh.enable"_s), QVariant(true));
        QVERIFY(session->isDeclaredPackage(u"htop"_s));

        auto repository = Snowpane::System::GitRepository::open(configDir());
        QVERIFY2(repository.repository, qPrintable(repository.error));
        const auto log = repository.repository->log(1);
        QVERIFY(!log.commits.isEmpty());
        const QString subject = log.commits.constFirst().subject;
        QVERIFY2(subject.contains(u"OpenSSH"_s, Qt::CaseInsensitive) && subject.contains(u"htop"_s), qPrintable(subject));
        QVERIFY(repository.repository->status().changedPaths.isEmpty());

        const QString newSystem = QFileInfo(profile()).symLinkTarget();
        QCOMPARE(QFileInfo(work() + u"/state/current-system"_s).symLinkTarget(), QFileInfo(newSystem).symLinkTarget());

        // 5: the Generations page's "Switch to this generation" on the one before.
        actions.switchGeneration(generationBefore, false);
        QVERIFY(finish(actions));
        QCOMPARE(currentGeneration(), generationBefore);
        QCOMPARE(actions.newGeneration(), generationBefore);
        const QString oldSystem = Snowpane::System::GenerationReader(profile()).readCurrent()->storePath;
        QCOMPARE(QFileInfo(work() + u"/state/current-system"_s).canonicalFilePath(), QFileInfo(oldSystem).canonicalFilePath());
    }

    // Issue 16: a flake in the person's home, named by programs.snowpane.configuration. The window edits
    // and commits it as the person, with their git identity; the helper only builds and switches.
    void userFlakeEditedAsUser()
    {
        // What the window does at start-up: helper.conf (written by the NixOS module) names the configuration.
        SnowpaneSettings::self()->setConfigurationDirectory(work() + u"/nixos"_s);
        Snowpane::Ui::ConfigurationPlace::useSystemSettings(u"/etc/snowpane/helper.conf"_s);
        Snowpane::Ui::ConfigurationPlace::self()->refresh();
        ConfigurationSession *session = ConfigurationSession::self();
        session->reload();
        QCOMPARE(SnowpaneSettings::self()->configurationDirectory(), configDir());
        QCOMPARE(SnowpaneSettings::self()->flakeHost(), u"demo"_s);
        QVERIFY(Snowpane::Ui::ConfigurationPlace::self()->isFromSystem());
        QCOMPARE(Snowpane::Ui::ConfigurationPlace::self()->writer(), Snowpane::Ui::ConfigurationPlace::Writer::User);
        QVERIFY2(session->isEditable(), qPrintable(session->loadError()));
        QCOMPARE(QFileInfo(configDir()).ownerId(), ::getuid());

        auto repository = Snowpane::System::GitRepository::open(configDir());
        QVERIFY2(repository.repository, qPrintable(repository.error));
        const QString headBefore = repository.repository->head().commit;
        const QString hostFile = configDir() + u"/host.nix"_s;
        const QString before = readText(hostFile);
        const int generationBefore = currentGeneration();

        QCOMPARE(session->literalValue(u"services.openssh.enable"_s), QVariant(true));
        QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, false), QString());
        QCOMPARE(session->addPackage(u"htop"_s), QString());

        SystemActions actions;
        actions.apply(SystemActions::Mode::Switch);
        QVERIFY(finish(actions));

        // Written as the person: the minimal edit, in a file that is still theirs.
        const QString after = readText(hostFile);
        QCOMPARE(changedLines(before, after),
                 (QStringList{u"-  environment.systemPackages = with pkgs; [ vim git ripgrep ];"_s,
                              u"+  environment.systemPackages = with pkgs; [ vim git ripgrep htop ];"_s,
                              u"-  services.openssh.enable = true;"_s,
                              u"+  services.openssh.enable = false;"_s}));
        QCOMPARE(QFileInfo(hostFile).ownerId(), ::getuid());
        // Committed with the person's own identity (their ~/.gitconfig), on top of what was there.
        const auto log = repository.repository->log(2);
        QVERIFY(log.commits.size() == 2);
        const auto &commit = log.commits.constFirst();
        QCOMPARE(commit.authorName, u"E2E Person"_s);
        QCOMPARE(commit.authorEmail, u"e2e-person@example.org"_s);
        QVERIFY2(commit.subject.contains(u"htop"_s), qPrintable(commit.subject));
        QCOMPARE(log.commits.at(1).id, headBefore);
        QVERIFY(repository.repository->status().changedPaths.isEmpty());

        // Built and switched by the helper: a new generation, running, that has the edit.
        const int generationAfter = currentGeneration();
        QCOMPARE(generationAfter, generationBefore + 1);
        QCOMPARE(actions.newGeneration(), generationAfter);
        const QString newSystem = QFileInfo(profile()).canonicalFilePath();
        QCOMPARE(QFileInfo(work() + u"/state/current-system"_s).canonicalFilePath(), newSystem);
        // The generation is linked to the person's commit: the flake's configurationRevision (the tree was clean) and the window's note.
        const auto generation = Snowpane::System::GenerationReader(profile()).readCurrent();
        QVERIFY(generation);
        const auto built = Snowpane::System::commitOfGeneration(*repository.repository, *generation);
        QCOMPARE(built.commit, commit.id);
        // run-e2e checks afterwards that every file under the flake, .git included, is still the person's.
    }

    // Issue 16: the person's own flake updated from the Updates page. The window runs nix flake update and commits flake.lock
    // as the person, the helper only builds from it, and a discard puts the lock back as the person, byte for byte.
    void userFlakeUpdatedAsUser()
    {
        SnowpaneSettings::self()->setConfigurationDirectory(work() + u"/nixos"_s);
        Snowpane::Ui::ConfigurationPlace::useSystemSettings(u"/etc/snowpane/helper.conf"_s);
        Snowpane::Ui::ConfigurationPlace::self()->refresh();
        ConfigurationSession::self()->reload();
        QCOMPARE(SnowpaneSettings::self()->configurationDirectory(), configDir());
        QCOMPARE(Snowpane::Ui::ConfigurationPlace::self()->writer(), Snowpane::Ui::ConfigurationPlace::Writer::User);
        const QString lockFile = configDir() + u"/flake.lock"_s;
        const QString lockBefore = readText(lockFile);
        QVERIFY(!lockBefore.isEmpty());
        auto repository = Snowpane::System::GitRepository::open(configDir());
        QVERIFY2(repository.repository, qPrintable(repository.error));
        const QString headBefore = repository.repository->head().commit;
        const int generationBefore = currentGeneration();

        SystemActions actions;
        UpdateController updates(&actions);
        updates.check();
        QCOMPARE(updates.state(), UpdateController::State::Checking);
        QVERIFY(settles(updates, actions, UpdateController::State::PreviewReady));
        QCOMPARE(updates.sourceKind(), u"flake"_s);
        QCOMPARE(updates.sources().size(), 1);
        QCOMPARE(updates.sources().constFirst().name, u"nixpkgs"_s);
        QVERIFY(updates.sources().constFirst().revisionBefore != updates.sources().constFirst().revisionAfter);
        // flake.lock is the person's, committed in their name on top of what was there.
        QVERIFY(readText(lockFile) != lockBefore);
        QCOMPARE(QFileInfo(lockFile).ownerId(), ::getuid());
        const auto log = repository.repository->log(2);
        QCOMPARE(log.commits.size(), 2);
        QCOMPARE(log.commits.constFirst().authorName, u"E2E Person"_s);
        QCOMPARE(log.commits.constFirst().authorEmail, u"e2e-person@example.org"_s);
        QCOMPARE(log.commits.constFirst().subject, u"Update flake inputs"_s);
        QCOMPARE(log.commits.at(1).id, headBefore);
        // Built by the helper from the updated flake, and nothing activated.
        QVERIFY(QFileInfo::exists(updates.builtSystem()));
        QCOMPARE(updates.kernelAfter(), u"6.6.63"_s);
        QCOMPARE(currentGeneration(), generationBefore);

        updates.discard();
        QVERIFY(settles(updates, actions, UpdateController::State::Idle));
        QCOMPARE(readText(lockFile), lockBefore);
        QCOMPARE(QFileInfo(lockFile).ownerId(), ::getuid());
        const auto after = repository.repository->log(1);
        QCOMPARE(after.commits.constFirst().authorName, u"E2E Person"_s);
        QVERIFY(repository.repository->status().changedPaths.isEmpty());
        QCOMPARE(currentGeneration(), generationBefore);
        // run-e2e checks afterwards that every file under the flake, .git included, is still the person's.
    }

    // Issue 10 through the Updates page's controller: check, preview, discard (the sources byte for byte as before), check again, apply.
    void updateCheckDiscardAndApply()
    {
        SystemActions actions;
        UpdateController updates(&actions);
        const bool flake = QFileInfo::exists(configDir() + u"/flake.nix"_s);
        const QString lockFile = configDir() + u"/flake.lock"_s;
        const QString channels = work() + u"/channels/profiles/per-user/root/channels"_s;
        const auto sourcesNow = [&] {
            // What "as before" means: flake.lock's bytes, or which generation of root's channels is current and what it holds.
            return flake ? readText(lockFile) : QFileInfo(channels).symLinkTarget() + u'\n' + QFileInfo(channels).canonicalFilePath();
        };
        const QString sourcesBefore = sourcesNow();
        QVERIFY2(sourcesBefore.trimmed().size() > 1, qPrintable(flake ? lockFile : channels));
        if (flake) {
            SnowpaneSettings::self()->setFlakeHost(u"demo"_s); // the stand-in flake's nixosConfigurations.demo
        }
        {
            // The machine runs its configuration as the sources stand, whatever earlier scenarios left running.
            Snowpane::Privileged::RebuildJob first(u"switch"_s, SnowpaneSettings::self()->flakeHost());
            QVERIFY2(succeeds(first), qPrintable(first.errorMessage()));
        }
        const int generationBefore = currentGeneration();
        const auto settle = [&](UpdateController::State expected) {
            const bool ended = QTest::qWaitFor(
                [&] {
                    const auto state = updates.state();
                    return state != UpdateController::State::Checking && state != UpdateController::State::Discarding
                        && state != UpdateController::State::Applying && !actions.isBusy();
                },
                600s);
            if (!ended || updates.state() != expected) {
                qWarning() << "update state" << updates.state() << "expected" << expected << actions.errorMessage() << actions.errorDetails();
                return false;
            }
            return true;
        };

        updates.check();
        QCOMPARE(updates.state(), UpdateController::State::Checking);
        QVERIFY(settle(UpdateController::State::PreviewReady));
        QCOMPARE(updates.sourceKind(), flake ? u"flake"_s : u"channels"_s);
        QVERIFY(!updates.sources().isEmpty());
        QVERIFY(updates.sources().constFirst().revisionBefore != updates.sources().constFirst().revisionAfter);
        QVERIFY(updates.lastChecked().isValid());
        QVERIFY(QFileInfo::exists(updates.builtSystem()));
        {
            // The services the preview lists are the unit files that differ between the running and the built system.
            const QString running = work() + u"/state/current-system/etc/systemd/system"_s;
            const QString built = updates.builtSystem() + u"/etc/systemd/system"_s;
            QStringList before = QDir(running).entryList({u"*.service"_s}, QDir::Files | QDir::System);
            QStringList after = QDir(built).entryList({u"*.service"_s}, QDir::Files | QDir::System);
            before.sort();
            after.sort();
            QStringList start, stop, restart;
            for (const QString &unit : after) {
                if (!before.contains(unit)) {
                    start.append(unit);
                } else if (readText(running + u'/' + unit) != readText(built + u'/' + unit)) {
                    restart.append(unit);
                }
            }
            for (const QString &unit : before) {
                if (!after.contains(unit)) {
                    stop.append(unit);
                }
            }
            const auto sorted = [](QStringList list) {
                list.sort();
                return list;
            };
            qInfo() << "units to start" << start << "stop" << stop << "restart" << restart;
            QCOMPARE(sorted(updates.unitsToStart()), start);
            QCOMPARE(sorted(updates.unitsToStop()), stop);
            QCOMPARE(sorted(updates.unitsToRestart()), restart);
        }
        QCOMPARE(currentGeneration(), generationBefore); // nothing was activated
        QVERIFY(sourcesNow() != sourcesBefore);
        {
            // The stand-in's update, through the channel or the flake input alike
            // (pkgs/snapshots.nix, 24.11-late to 24.11-december): systemd 256.9, kernel 6.6.63.
            QHash<QString, QStringList> after;
            QSet<QString> upgraded;
            const GenerationPackageChangeModel *model = updates.packages();
            for (int row = 0; row < model->rowCount(); ++row) {
                const QModelIndex index = model->index(row);
                const QString name = index.data(GenerationPackageChangeModel::NameRole).toString();
                after.insert(name, index.data(GenerationPackageChangeModel::VersionsAfterRole).toStringList());
                if (index.data(GenerationPackageChangeModel::KindRole).toInt() == int(Snowpane::System::PackageChange::Kind::Upgraded)) {
                    upgraded.insert(name);
                }
            }
            QVERIFY2(upgraded.contains(u"systemd"_s), qPrintable(QStringList(upgraded.cbegin(), upgraded.cend()).join(u", "_s)));
            QCOMPARE(after.value(u"systemd"_s), QStringList{u"256.9"_s});
            QVERIFY(updates.isRebootNeeded());
            QCOMPARE(updates.kernelAfter(), u"6.6.63"_s);
        }

        // Discard: the sources are exactly as before, and the preview is gone.
        updates.discard();
        QVERIFY(settle(UpdateController::State::Idle));
        QCOMPARE(sourcesNow(), sourcesBefore);
        QCOMPARE(updates.packages()->count(), 0);
        QCOMPARE(currentGeneration(), generationBefore);

        // Check again, then apply with "Switch now": the profile holds the system the preview described.
        updates.check();
        QVERIFY(settle(UpdateController::State::PreviewReady));
        const QString built = updates.builtSystem();
        const QString systemBefore = Snowpane::System::GenerationReader(profile()).readCurrent()->storePath;
        updates.apply(SystemActions::Mode::Switch);
        QVERIFY(settle(UpdateController::State::Idle));
        QCOMPARE(actions.stage(), SystemActions::Stage::Succeeded);
        // A new generation whenever the system differs; Nix makes none for the same system again.
        QVERIFY(built != systemBefore);
        QVERIFY(currentGeneration() > generationBefore);
        QCOMPARE(Snowpane::System::GenerationReader(profile()).readCurrent()->storePath, built);
        QVERIFY(sourcesNow() != sourcesBefore);
    }
};

QTEST_GUILESS_MAIN(UiEndToEndTest)

#include "tst_ui_e2e.moc"
