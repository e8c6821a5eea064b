// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Applying edits to a flake, before anything reaches the helper: a file git
// does not track and a directory of another owner are refused with the thing
// named and nothing written; a person's own directory is saved and committed
// with their identity, untracked files left out.

#include "Changes/systemactions.h"
#include "Changes/usersave.h"
#include "Common/configurationsession.h"
#include "Settings/configurationplace.h"
#include "gitrepository.h"
#include "snowpanesettings.h"
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using TestFiles::readBytes;
using TestFiles::writeBytes;

namespace
{

QString git(const QString &directory, const QStringList &arguments)
{
    QProcess process;
    process.start(u"git"_s, QStringList{u"-C"_s, directory, u"-c"_s, u"user.name=Outside"_s, u"-c"_s, u"user.email=outside@example.org"_s} + arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class UserConfigurationTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_directory;

    // The demo as a flake under git (as make-demo-system makes it), with a secret nobody added.
    void makeFlake()
    {
        QDir(m_directory).removeRecursively();
        QVERIFY(QDir().mkpath(m_directory));
        const QDir fixtures(QStringLiteral(SNOWPANE_FIXTURES_DIR));
        for (const QString &name : {u"flake/flake.nix"_s, u"flake/host.nix"_s, u"demo/hardware-configuration.nix"_s, u"demo/desktop.nix"_s}) {
            QVERIFY2(QFile::copy(fixtures.filePath(name), QDir(m_directory).filePath(QFileInfo(name).fileName())), qPrintable(name));
        }
        QVERIFY(writeBytes(m_directory + u"/configuration.nix"_s, readBytes(fixtures.filePath(u"flake/configuration.nix"_s)).replace("../demo/", "./")));
        for (const QString &name : QDir(m_directory).entryList(QDir::Files)) {
            QFile::setPermissions(QDir(m_directory).filePath(name), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        }
        QCOMPARE(::chmod(QFile::encodeName(m_directory).constData(), 0755), 0);
        git(m_directory, {u"init"_s, u"-q"_s});
        git(m_directory, {u"add"_s, u"."_s});
        git(m_directory, {u"commit"_s, u"-q"_s, u"-m"_s, u"The demo as a flake"_s});
        QVERIFY(writeBytes(m_directory + u"/secrets.nix"_s, "{ password = \"hunter2\"; }\n"));
        ConfigurationSession::self()->reload();
        QVERIFY2(ConfigurationSession::self()->isEditable(), qPrintable(ConfigurationSession::self()->loadError()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(QDir().mkpath(m_root.filePath(u"home"_s)));
        QVERIFY(writeBytes(m_root.filePath(u"home/.gitconfig"_s), "[user]\n\tname = Alice Example\n\temail = alice@example.org\n"));
        qputenv("HOME", QFile::encodeName(m_root.filePath(u"home"_s)));
        m_directory = m_root.filePath(u"cfg"_s);
        SnowpaneSettings::instance(KSharedConfig::openConfig(m_root.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        SnowpaneSettings::self()->setConfigurationDirectory(m_directory);
        SnowpaneSettings::self()->setFlakeHost(u"demo"_s);
        SnowpaneSettings::self()->setProfile(m_root.filePath(u"profiles/system"_s));
        Snowpane::Ui::ConfigurationPlace::useSystemSettings(QString());
    }

    void init()
    {
        makeFlake();
    }

    // A first start offers the places the environment names, each with what named it.
    void candidatesSayWhatNamedThem()
    {
        Snowpane::Ui::ConfigurationPlace *place = Snowpane::Ui::ConfigurationPlace::self();
        qputenv("NH_FLAKE", QFile::encodeName(m_directory + u"#demo"_s));
        place->refresh();
        qunsetenv("NH_FLAKE");
        const QList<Snowpane::Ui::ConfigurationCandidate> candidates = place->candidates();
        place->refresh();
        const auto found = std::find_if(candidates.cbegin(), candidates.cend(), [&](const Snowpane::Ui::ConfigurationCandidate &candidate) {
            return candidate.directory == QFileInfo(m_directory).canonicalFilePath();
        });
        QVERIFY(found != candidates.cend());
        QVERIFY(found->flake);
        QCOMPARE(found->host, u"demo"_s);
        QCOMPARE(found->sources, u"the environment variable NH_FLAKE"_s);
        QCOMPARE(found->linkedFrom, QString());
        QVERIFY(place->candidates().size() < candidates.size());
    }

    // The file the edit needs is not tracked: the flake would not see it. Refused before any helper call.
    void untrackedFileIsRefused()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        git(m_directory, {u"rm"_s, u"-q"_s, u"--cached"_s, u"host.nix"_s});
        git(m_directory, {u"commit"_s, u"-q"_s, u"-m"_s, u"host.nix left out"_s});
        const QString head = git(m_directory, {u"rev-parse"_s, u"HEAD"_s});
        const QByteArray before = readBytes(m_directory + u"/host.nix"_s);
        QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, false), QString());
        QVERIFY(Snowpane::Ui::untrackedRefusal(*session).contains(u"host.nix is not tracked by git"_s));

        SystemActions actions;
        actions.apply(SystemActions::Mode::Switch);
        QCOMPARE(actions.stage(), SystemActions::Stage::Failed);
        QVERIFY2(actions.errorDetails().contains(u"host.nix is not tracked by git"_s), qPrintable(actions.errorDetails()));
        QVERIFY2(actions.errorDetails().contains(u"Nothing was written"_s), qPrintable(actions.errorDetails()));
        QCOMPARE(readBytes(m_directory + u"/host.nix"_s), before);
        QCOMPARE(git(m_directory, {u"rev-parse"_s, u"HEAD"_s}), head);
        QCOMPARE(session->pendingCount(), 1); // nothing the person did is lost

        const Snowpane::Ui::UserSave save = Snowpane::Ui::saveAsUser(*session);
        QVERIFY(save.error.contains(u"host.nix is not tracked by git"_s));
        QCOMPARE(readBytes(m_directory + u"/host.nix"_s), before);
    }

    // Another person's directory, or one others may write into: refused with the owner named, nothing written.
    void foreignDirectoryIsRefused_data()
    {
        QTest::addColumn<uint>("owner");
        QTest::addColumn<uint>("mode");
        QTest::addColumn<QString>("reason");
        QTest::newRow("another user's") << 4242u << 0755u << u"belongs to uid 4242"_s;
        QTest::newRow("group-writable") << 0u << 0775u << u"written by its group"_s;
        QTest::newRow("world-writable") << 0u << 0777u << u"every user"_s;
    }

    void foreignDirectoryIsRefused()
    {
        QFETCH(uint, owner);
        QFETCH(uint, mode);
        QFETCH(QString, reason);
        QVERIFY2(::geteuid() == 0, "this test gives a directory to another owner and runs as root in the build root (tools/dev exec)");
        ConfigurationSession *session = ConfigurationSession::self();
        QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, false), QString());
        const QByteArray before = readBytes(m_directory + u"/host.nix"_s);
        const QString head = git(m_directory, {u"rev-parse"_s, u"HEAD"_s});
        QVERIFY(!head.isEmpty());
        QCOMPARE(::chown(QFile::encodeName(m_directory).constData(), owner, owner), 0);
        QCOMPARE(::chmod(QFile::encodeName(m_directory).constData(), mode), 0);

        QCOMPARE(Snowpane::Ui::ConfigurationPlace::self()->writer(), Snowpane::Ui::ConfigurationPlace::Writer::Refused);
        QVERIFY2(Snowpane::Ui::ConfigurationPlace::self()->writerText().contains(reason), qPrintable(Snowpane::Ui::ConfigurationPlace::self()->writerText()));
        SystemActions actions;
        actions.apply(SystemActions::Mode::Switch);
        QCOMPARE(actions.stage(), SystemActions::Stage::Failed);
        QVERIFY2(actions.errorDetails().contains(reason) && actions.errorDetails().contains(m_directory), qPrintable(actions.errorDetails()));
        QCOMPARE(readBytes(m_directory + u"/host.nix"_s), before);
        QCOMPARE(git(m_directory, {u"-c"_s, u"safe.directory=*"_s, u"rev-parse"_s, u"HEAD"_s}), head);
        QCOMPARE(::chown(QFile::encodeName(m_directory).constData(), 0, 0), 0);
        QCOMPARE(::chmod(QFile::encodeName(m_directory).constData(), 0755), 0);
    }

    // The person's own save: written with the checked writer, committed with their identity; the secret stays out.
    void savedAndCommittedAsThePerson()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        const QString head = git(m_directory, {u"rev-parse"_s, u"HEAD"_s});
        QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, false), QString());
        QCOMPARE(session->addPackage(u"htop"_s), QString());
        const Snowpane::Ui::UserSave save = Snowpane::Ui::saveAsUser(*session);
        QVERIFY2(save.error.isEmpty(), qPrintable(save.error));
        QCOMPARE(save.savedBefore, head);
        QCOMPARE(git(m_directory, {u"rev-parse"_s, u"HEAD"_s}), save.commit);
        QCOMPARE(git(m_directory, {u"log"_s, u"-1"_s, u"--format=%an <%ae>"_s}), u"Alice Example <alice@example.org>"_s);
        QCOMPARE(git(m_directory, {u"show"_s, u"--name-only"_s, u"--format="_s, u"HEAD"_s}), u"host.nix"_s);
        QVERIFY(readBytes(m_directory + u"/host.nix"_s).contains("services.openssh.enable = false;"));
        QCOMPARE(git(m_directory, {u"status"_s, u"--porcelain"_s}), u"?? secrets.nix"_s);
    }

    // Revert in the person's own repository is a git operation done as them: the files of the commit come back
    // as a new commit in their name; an outside change is committed first, and the untracked secret stays as it is.
    void revertedAsThePerson()
    {
        ConfigurationSession *session = ConfigurationSession::self();
        const QByteArray original = readBytes(m_directory + u"/host.nix"_s);
        QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, false), QString());
        const Snowpane::Ui::UserSave save = Snowpane::Ui::saveAsUser(*session);
        QVERIFY2(save.error.isEmpty(), qPrintable(save.error));
        QVERIFY(readBytes(m_directory + u"/host.nix"_s) != original);
        const QByteArray desktop = readBytes(m_directory + u"/desktop.nix"_s);
        QVERIFY(writeBytes(m_directory + u"/desktop.nix"_s, desktop + "# changed outside Snowpane\n"));

        QCOMPARE(Snowpane::Ui::restoreAsUser(m_directory, save.savedBefore), QString());
        QCOMPARE(readBytes(m_directory + u"/host.nix"_s), original);
        QCOMPARE(readBytes(m_directory + u"/desktop.nix"_s), desktop);
        QCOMPARE(git(m_directory, {u"log"_s, u"-1"_s, u"--format=%an <%ae>"_s}), u"Alice Example <alice@example.org>"_s);
        QVERIFY(git(m_directory, {u"log"_s, u"-1"_s, u"--format=%s"_s}).contains(save.savedBefore.left(12)));
        QCOMPARE(git(m_directory, {u"diff"_s, u"--name-only"_s, save.savedBefore, u"HEAD"_s}), QString());
        QCOMPARE(git(m_directory, {u"show"_s, u"--name-only"_s, u"--format="_s, u"HEAD~1"_s}), u"desktop.nix"_s);
        QCOMPARE(git(m_directory, {u"rev-parse"_s, u"HEAD~2"_s}), save.commit);
        QCOMPARE(git(m_directory, {u"status"_s, u"--porcelain"_s}), u"?? secrets.nix"_s);
        QCOMPARE(readBytes(m_directory + u"/secrets.nix"_s), QByteArray("{ password = \"hunter2\"; }\n"));
    }
};

QTEST_GUILESS_MAIN(UserConfigurationTest)

#include "tst_userconfiguration.moc"
