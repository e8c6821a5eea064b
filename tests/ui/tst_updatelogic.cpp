// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The logic behind the Updates page and "Remove old generations" that needs
// no root: reading dry-activate's unit lines, reading the helper's
// updatesources reply, and the store space each generation holds
// on a real profile built with Nix, checked against `nix-store --query
// --requisites` and `nix path-info`.

#include "Generations/generationshared.h"
#include "Generations/generationspace.h"
#include "Updates/updatecontroller.h"
#include "dryactivation.h"
#include "helperreplies.h"
#include "nixprofilefixture.h"
#include "nixtools.h"
#include "snowpanesettings.h"
#include "windowstate.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Snowpane::System::Closure;
using Snowpane::System::Generation;
using Snowpane::System::UnitChanges;

namespace
{

constexpr int patienceMs = 300000; // a wait for Nix on a loaded machine, not a speed check

Closure closureOf(const QString &root, const QList<std::pair<QString, qint64>> &paths)
{
    Closure closure;
    closure.root = root;
    for (const auto &[path, size] : paths) {
        closure.paths.append({path, size});
        closure.totalNarSize += size;
    }
    return closure;
}

// Nix's own closure of @p path, through the commands rather than the database Snowpane reads.
QStringList requisites(const QString &path)
{
    const NixTools::Run run = NixTools::run(u"nix-store"_s, {u"--query"_s, u"--requisites"_s, path});
    if (!run.ok()) {
        qWarning() << "nix-store --query --requisites failed:" << run.err;
        return {};
    }
    return QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
}

QHash<QString, qint64> narSizes(const QStringList &paths)
{
    QHash<QString, qint64> sizes;
    const NixTools::Run run = NixTools::run(u"nix"_s, QStringList{u"--extra-experimental-features"_s, u"nix-command"_s, u"path-info"_s, u"--json"_s} + paths);
    if (!run.ok()) {
        qWarning() << "nix path-info failed:" << run.err;
        return sizes;
    }
    const QJsonDocument document = QJsonDocument::fromJson(run.out);
    // Newer Nix prints an object keyed by path, older Nix a list of objects with "path".
    if (document.isObject()) {
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            sizes.insert(it.key(), it.value().toObject().value(u"narSize"_s).toInteger());
        }
    } else {
        for (const QJsonValue &value : document.array()) {
            sizes.insert(value.toObject().value(u"path"_s).toString(), value.toObject().value(u"narSize"_s).toInteger());
        }
    }
    return sizes;
}

} // namespace

class UpdateLogicTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void dryActivationLines_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<UnitChanges>("expected");

        QTest::newRow("nothing") << QStringList{u"would activate the configuration /nix/store/abc-nixos-system"_s} << UnitChanges{};
        UnitChanges typical;
        typical.stop = {u"old-daemon.service"_s};
        typical.restart = {u"sshd.service"_s, u"nscd.service"_s};
        typical.start = {u"new.timer"_s};
        typical.reload = {u"dbus.service"_s};
        // The wording of switch-to-configuration.pl, with the build's log before it.
        QTest::newRow("switch-to-configuration") << QStringList{u"building '/nix/store/x-etc.drv'..."_s,
                                                                u"would stop the following units: old-daemon.service"_s,
                                                                u"would NOT stop the following changed units: getty@tty1.service"_s,
                                                                u"would activate the configuration..."_s,
                                                                u"would restart the following units: sshd.service, nscd.service"_s,
                                                                u"would reload the following units: dbus.service"_s,
                                                                u"would start the following units: new.timer"_s}
                                                 << typical;
        UnitChanges systemd;
        systemd.restartSystemd = true;
        systemd.restart = {u"a.service"_s};
        QTest::newRow("systemd and repeats, indented")
            << QStringList{u"would restart systemd"_s, u"  would restart the following units: a.service"_s, u"would restart the following units: a.service"_s}
            << systemd;
        QTest::newRow("not the start of the line") << QStringList{u"echo would start the following units: fake.service"_s} << UnitChanges{};
    }

    void dryActivationLines()
    {
        QFETCH(QStringList, lines);
        QFETCH(UnitChanges, expected);
        const UnitChanges parsed = Snowpane::System::parseDryActivation(lines);
        QCOMPARE(parsed.stop, expected.stop);
        QCOMPARE(parsed.restart, expected.restart);
        QCOMPARE(parsed.start, expected.start);
        QCOMPARE(parsed.reload, expected.reload);
        QCOMPARE(parsed.restartSystemd, expected.restartSystemd);
        QCOMPARE(parsed.isEmpty(), expected.isEmpty());
    }

    void sourceChangesLeaveOutUnchangedInputs()
    {
        const QVariantMap reply{
            {u"kind"_s, u"flake"_s},
            {u"changed"_s, true},
            {u"inputs"_s,
             QVariantList{
                 QVariantMap{{u"name"_s, u"nixpkgs"_s},
                             {u"oldRevision"_s, u"aaaaaaaaaaaa"_s},
                             {u"newRevision"_s, u"bbbbbbbbbbbb"_s},
                             {u"oldDate"_s, u"2024-11-12T08:00:00Z"_s},
                             {u"newDate"_s, u"2024-11-25T09:30:00Z"_s}},
                 QVariantMap{{u"name"_s, u"home-manager"_s}, {u"oldRevision"_s, u"cccc"_s}, {u"newRevision"_s, u"cccc"_s}},
             }},
        };
        const auto changes = Snowpane::Privileged::updateSourcesReplyOf(reply).inputs;
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().name, u"nixpkgs"_s);
        QCOMPARE(changes.first().revisionAfter, u"bbbbbbbbbbbb"_s);
        QCOMPARE(changes.first().dateBefore, QDateTime(QDate(2024, 11, 12), QTime(8, 0), QTimeZone::UTC));
        QCOMPARE(changes.first().dateAfter, QDateTime(QDate(2024, 11, 25), QTime(9, 30), QTimeZone::UTC));
    }

    void ownershipGroupsSharedPaths()
    {
        // Generation 1 and 2 share glibc; 2 and 3 are the same system; the running system (outside the profile) holds "kept".
        const Closure one = closureOf(u"/s/1"_s, {{u"/s/1"_s, 10}, {u"/s/glibc"_s, 1000}, {u"/s/old"_s, 200}});
        const Closure two = closureOf(u"/s/2"_s, {{u"/s/2"_s, 20}, {u"/s/glibc"_s, 1000}, {u"/s/new"_s, 300}, {u"/s/kept"_s, 7}});
        const Closure running = closureOf(u"/s/r"_s, {{u"/s/r"_s, 1}, {u"/s/kept"_s, 7}});
        const auto ownership = Snowpane::System::groupByOwners({1, 2, 3}, {one, two, two}, {running});
        QCOMPARE(ownership.exclusiveBytes(1), 210);
        QCOMPARE(ownership.exclusiveBytes(2), 0); // generation 3 holds the same system
        QCOMPARE(ownership.exclusiveBytes(3), 0);
        QCOMPARE(ownership.bytesFreedByRemoving({1}), 210);
        QCOMPARE(ownership.bytesFreedByRemoving({2}), 0);
        QCOMPARE(ownership.bytesFreedByRemoving({2, 3}), 320); // /s/2 and /s/new; /s/kept stays for the running system
        QCOMPARE(ownership.bytesFreedByRemoving({1, 2, 3}), 1530);
        QCOMPARE(ownership.bytesFreedByRemoving({}), 0);
    }

    // The cleanup dialog's number box reads the number back from the text it shows ("12 generations", "30 days").
    void cleanupCountFromText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        QTest::newRow("generations") << u"12 generations"_s << 12;
        QTest::newRow("days") << u"30 days"_s << 30;
        QTest::newRow("bare number") << u"7"_s << 7;
        QTest::newRow("first number wins") << u"keep 3 of 9"_s << 3;
        QTest::newRow("no number") << u"generations"_s << 5;
        QTest::newRow("empty") << QString() << 5;
        QTest::newRow("too large for an int") << u"99999999999 days"_s << 5;
    }

    void cleanupCountFromText()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        QCOMPARE(GenerationSpace::countFromText(text, 5), expected);
    }

    // A waiting update read back at start stays only while the machine still matches it: the channels at the
    // update's generation and no system built since the check. Otherwise it is dropped with a reason, not discarded.
    void waitingUpdateIsCheckedOnRestore_data()
    {
        QTest::addColumn<int>("channelsNow");
        QTest::addColumn<int>("systemNow");
        QTest::addColumn<bool>("waits");
        QTest::newRow("as after the check") << 8 << 4 << true;
        QTest::newRow("channels moved") << 9 << 4 << false;
        QTest::newRow("channels rolled back") << 7 << 4 << false;
        QTest::newRow("a system built since") << 8 << 5 << false;
        QTest::newRow("rolled back to an older system") << 8 << 3 << true;
    }

    void waitingUpdateIsCheckedOnRestore()
    {
        QFETCH(int, channelsNow);
        QFETCH(int, systemNow);
        QFETCH(bool, waits);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString profiles = dir.filePath(u"profiles"_s);
        QVERIFY(QDir().mkpath(profiles + u"/per-user/root"_s));
        QVERIFY(QFile::link(u"system-%1-link"_s.arg(systemNow), profiles + u"/system"_s));
        QVERIFY(QFile::link(u"channels-%1-link"_s.arg(channelsNow), profiles + u"/per-user/root/channels"_s));
        SnowpaneSettings::instance(KSharedConfig::openConfig(dir.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        SnowpaneSettings::self()->setProfile(profiles + u"/system"_s);
        SnowpaneSettings::self()->setConfigurationDirectory(dir.filePath(u"etc"_s));
        QCOMPARE(UpdateController::channelsProfile(), profiles + u"/per-user/root/channels"_s);

        const QJsonObject pending{
            {u"kind"_s, u"channels"_s},
            {u"oldGeneration"_s, 7},
            {u"newGeneration"_s, 8},
            {u"systemGeneration"_s, 4},
            {u"complete"_s, true},
            {u"sources"_s, QJsonArray{QJsonObject{{u"name"_s, u"nixos"_s}, {u"revisionBefore"_s, u"aaaa"_s}, {u"revisionAfter"_s, u"bbbb"_s}}}},
            {u"restart"_s, QJsonArray{u"sshd.service"_s}},
        };
        WindowState::self()->setPendingUpdate(QString::fromUtf8(QJsonDocument(pending).toJson(QJsonDocument::Compact)));
        SystemActions actions;
        UpdateController updates(&actions);
        if (waits) {
            QCOMPARE(updates.state(), UpdateController::State::PreviewReady);
            QCOMPARE(updates.notice(), QString());
            QCOMPARE(updates.unitsToRestart(), QStringList{u"sshd.service"_s});
            QVERIFY(updates.unitsKnown());
            QVERIFY(!WindowState::self()->pendingUpdate().isEmpty());
        } else {
            QCOMPARE(updates.state(), UpdateController::State::Idle);
            QVERIFY(!updates.notice().isEmpty());
            QCOMPARE(updates.sourceKind(), QString());
            QCOMPARE(WindowState::self()->pendingUpdate(), QString());
        }
        WindowState::self()->setPendingUpdate(QString());
    }

    void spaceHeldOnARealProfile()
    {
        QTemporaryDir dir;
        QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
        NixProfileFixture fixture(dir.filePath(u"nix"_s));
        QVERIFY(QDir().mkpath(dir.filePath(u"nix"_s)));
        QVERIFY2(fixture.create(), qPrintable(fixture.errorString()));
        QVERIFY(QDir().mkpath(dir.filePath(u"run"_s)));
        QVERIFY(QFile::link(fixture.systemOf(11), dir.filePath(u"run/current-system"_s)));
        QVERIFY(QFile::link(fixture.systemOf(9), dir.filePath(u"run/booted-system"_s)));
        SnowpaneSettings::instance(KSharedConfig::openConfig(dir.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        SnowpaneSettings::self()->setProfile(fixture.profilePath());
        SnowpaneSettings::self()->setCurrentSystem(dir.filePath(u"run/current-system"_s));
        SnowpaneSettings::self()->setBootedSystem(dir.filePath(u"run/booted-system"_s));

        GenerationSpace space;
        QSignalSpy done(&space, &GenerationSpace::resultChanged);
        while (!space.isReady()) {
            QVERIFY(done.wait(patienceMs));
        }
        QCOMPARE(space.errorString(), QString());

        // The same figures from Nix's commands: each generation's requisites, and the NAR size of each path.
        const int count = fixture.generationCount();
        QCOMPARE(count, 11);
        QHash<int, QSet<QString>> closures;
        QSet<QString> every;
        for (int number = 1; number <= count; ++number) {
            const QStringList paths = requisites(fixture.systemOf(number));
            QVERIFY(!paths.isEmpty());
            closures.insert(number, QSet<QString>(paths.cbegin(), paths.cend()));
            every.unite(closures.value(number));
        }
        const QHash<QString, qint64> sizes = narSizes(QStringList(every.cbegin(), every.cend()));
        QCOMPARE(sizes.size(), every.size());
        const auto heldOnlyBy = [&](const QSet<int> &removed) {
            qint64 bytes = 0;
            for (const QString &path : every) {
                bool kept = false;
                bool inRemoved = false;
                for (int number = 1; number <= count; ++number) {
                    if (closures.value(number).contains(path)) {
                        (removed.contains(number) ? inRemoved : kept) = true;
                    }
                }
                if (inRemoved && !kept) {
                    bytes += sizes.value(path);
                }
            }
            return bytes;
        };

        bool someHoldsSomething = false;
        for (int number = 1; number <= count; ++number) {
            const qint64 expected = heldOnlyBy({number});
            QCOMPARE(qint64(space.heldBy(number)), expected);
            QCOMPARE(space.heldText(number), Snowpane::Ui::formatClosureSize(expected));
            someHoldsSomething = someHoldsSomething || expected > 0;
        }
        QVERIFY2(someHoldsSomething, "the fixture's generations should differ in some package");

        // "Keep the newest 3": 11, 10 and 9 are the newest; 9 is booted anyway. What the dialog promises is what only 1 to 8 hold.
        const GenerationCleanupPlan plan = space.planFor(GenerationSpace::Rule::KeepLast, 3);
        QCOMPARE(plan.generations, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8}));
        QCOMPARE(plan.count(), 8);
        QCOMPARE(plan.rule, Snowpane::System::CleanupRule::KeepLast);
        QCOMPARE(plan.ruleCount, 3);
        QCOMPARE(plan.allowed, true);
        QCOMPARE(qint64(plan.bytes), heldOnlyBy({1, 2, 3, 4, 5, 6, 7, 8}));
        QVERIFY(plan.bytes > 0);
        QVERIFY(plan.message.contains(plan.bytesText));

        // Keeping more than there are removes nothing, and says so.
        const GenerationCleanupPlan none = space.planFor(GenerationSpace::Rule::KeepLast, 50);
        QCOMPARE(none.count(), 0);
        QCOMPARE(none.allowed, false);

        // What can be freed leaves out the current (11) and the booted (9) generation: cleanup never removes them.
        const QString freeable = Snowpane::Ui::formatClosureSize(heldOnlyBy({1, 2, 3, 4, 5, 6, 7, 8, 10}));
        QVERIFY2(space.oldGenerationsText().contains(freeable), qPrintable(space.oldGenerationsText() + u" / "_s + freeable));

        // Reading again what did not change keeps the figures and tells no view to redraw.
        const int changes = space.changeCount();
        QSignalSpy busy(&space, &GenerationSpace::busyChanged);
        done.clear();
        space.reload();
        QVERIFY(space.isReady()); // the figures stay while they are read again
        while (space.isBusy()) {
            QVERIFY(busy.wait(patienceMs));
        }
        QCOMPARE(done.size(), 0);
        QCOMPARE(space.changeCount(), changes);
    }
};

QTEST_GUILESS_MAIN(UpdateLogicTest)
#include "tst_updatelogic.moc"
