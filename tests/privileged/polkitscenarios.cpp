// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What polkit refuses changes nothing, and the shipped policy asks as it should.

#include "e2eclient.h"
#include "e2escenarios.h"

#include "generationlink.h"
#include "helperprotocol.h"
#include "privilegedjobs.h"

#include <QFile>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

using namespace EndToEnd;
using namespace Snowpane::Privileged;
using namespace std::chrono_literals;

namespace
{

class PolkitScenarios : public Scenarios
{
    Q_OBJECT

private Q_SLOTS:
    void deniedChangesNothing()
    {
        const QString text = configText();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList before = activations();
        const QStringList log = gitLog();

        WriteConfigJob write({u"configuration.nix"_s}, {withTimeZone(text, u"\"Asia/Tokyo\""_s)}, u"Denied"_s);
        QVERIFY(runJob(write));
        QCOMPARE(write.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        RebuildJob rebuild(u"switch"_s);
        QVERIFY(runJob(rebuild));
        QCOMPARE(rebuild.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        SwitchGenerationJob rollback(1, u"boot"_s);
        QVERIFY(runJob(rollback));
        QCOMPARE(rollback.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        const QString channels = work() + u"/channels/profiles/per-user/root/channels"_s;
        const QString channelsTarget = QFile::symLinkTarget(channels);
        UpdateSourcesJob update;
        QVERIFY(runJob(update));
        QCOMPARE(update.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        RollBackChannelsJob rollBackChannels(2, 1);
        QVERIFY(runJob(rollBackChannels));
        QCOMPARE(rollBackChannels.error(), PrivilegedJob::ErrorKind::NotAuthorised);
        QCOMPARE(QFile::symLinkTarget(channels), channelsTarget);
        RestoreConfigJob restoreLock(QString(40, QLatin1Char('a')), {u"flake.lock"_s});
        QVERIFY(runJob(restoreLock));
        QCOMPARE(restoreLock.error(), PrivilegedJob::ErrorKind::NotAuthorised);

        QCOMPARE(configText(), text);
        QCOMPARE(QFile::symLinkTarget(profile()), profileTarget);
        QCOMPARE(activations(), before);
        QCOMPARE(gitLog(), log);
    }

    // Run as a user no polkit rule names, with no authentication agent: the installed policy's own defaults decide.
    // Every user run-e2e had before got an explicit YES or NO, so a default turned to "yes" went unnoticed.
    void shippedPolkitDefaults()
    {
        struct Defaults {
            QString any, inactive, active;
            bool operator==(const Defaults &) const = default;
        };
        const QString keep = u"auth_admin_keep"_s, admin = u"auth_admin"_s, no = u"no"_s;
        // Changes are asked for once per session; what deletes for good (generations, a channels generation) every time.
        const QMap<QString, Defaults> expected{
            {QLatin1String(Snowpane::Protocol::Action::WriteConfig), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::Rebuild), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::SwitchGeneration), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::InitRepo), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::RestoreConfig), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::UpdateSources), {no, no, keep}},
            {QLatin1String(Snowpane::Protocol::Action::RollBackChannels), {no, no, admin}},
            {QLatin1String(Snowpane::Protocol::Action::DeleteGenerations), {no, no, admin}},
        };
        QFile policy(u"/usr/share/polkit-1/actions/io.github.snowpane.policy"_s);
        QVERIFY2(policy.open(QIODevice::ReadOnly), "run-e2e installs the built policy there");
        QMap<QString, Defaults> found;
        QXmlStreamReader xml(&policy);
        QString id;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) {
                continue;
            }
            if (xml.name() == "action"_L1) {
                id = xml.attributes().value("id"_L1).toString();
                // polkit's own value for a default the file leaves out
                found.insert(id, {no, no, no});
            } else if (xml.name() == "allow_any"_L1) {
                found[id].any = xml.readElementText().trimmed();
            } else if (xml.name() == "allow_inactive"_L1) {
                found[id].inactive = xml.readElementText().trimmed();
            } else if (xml.name() == "allow_active"_L1) {
                found[id].active = xml.readElementText().trimmed();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(found.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const Defaults actual = found.value(it.key());
            QVERIFY2(actual == it.value(),
                     qPrintable(u"%1: allow_any %2, allow_inactive %3, allow_active %4"_s.arg(it.key(), actual.any, actual.inactive, actual.active)));
        }

        // Without a rule or an agent, each action is refused before the helper does anything.
        const QString text = configText();
        const QStringList log = gitLog();
        const QString profileTarget = QFile::symLinkTarget(profile());
        const QStringList links = generationLinks(profile());
        const QStringList before = activations();
        const QString channels = work() + u"/channels/profiles/per-user/root/channels"_s;
        const QString channelsTarget = QFile::symLinkTarget(channels);
        const QStringList channelLinks = generationLinks(channels);
        QVERIFY(!log.isEmpty());
        const QString firstCommit = log.last().section(QLatin1Char(' '), 0, 0);

        std::vector<std::unique_ptr<PrivilegedJob>> jobs;
        jobs.push_back(std::make_unique<WriteConfigJob>(QStringList{u"configuration.nix"_s}, QStringList{u"{ }\n"_s}, u"x"_s));
        jobs.push_back(std::make_unique<RebuildJob>(u"switch"_s));
        jobs.push_back(std::make_unique<SwitchGenerationJob>(currentGeneration(), u"boot"_s));
        jobs.push_back(std::make_unique<InitRepoJob>());
        jobs.push_back(std::make_unique<RestoreConfigJob>(firstCommit)); // the whole tree
        jobs.push_back(std::make_unique<DeleteGenerationsJob>(DeleteGenerationsJob::Rule::KeepLast, 1, QList<int>{currentGeneration()}));
        jobs.push_back(std::make_unique<UpdateSourcesJob>());
        jobs.push_back(std::make_unique<RollBackChannelsJob>(2, 1));
        QSet<QString> tried;
        for (const auto &job : jobs) {
            QVERIFY(runJob(*job));
            QVERIFY2(job->error() == PrivilegedJob::ErrorKind::NotAuthorised, qPrintable(job->actionName() + u": "_s + describe(*job)));
            tried.insert(job->actionName());
        }
        QCOMPARE(tried, QSet<QString>(expected.keyBegin(), expected.keyEnd()));

        QCOMPARE(configText(), text);
        QCOMPARE(gitLog(), log);
        QCOMPARE(QFile::symLinkTarget(profile()), profileTarget);
        QCOMPARE(generationLinks(profile()), links);
        QCOMPARE(activations(), before);
        QCOMPARE(QFile::symLinkTarget(channels), channelsTarget);
        QCOMPARE(generationLinks(channels), channelLinks);
    }
};

}

std::unique_ptr<QObject> EndToEnd::makePolkitScenarios()
{
    return std::make_unique<PolkitScenarios>();
}

#include "polkitscenarios.moc"
