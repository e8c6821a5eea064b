// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Generations page's models on a real eleven-generation profile built
// with real Nix, whose first two generations were built from two commits of
// a real git repository: sizes and commits read in the background, the
// confirmations of the actions, and comparisons of packages and configuration.

#include "Generations/generationcomparison.h"
#include "Generations/generationlistmodel.h"
#include "Generations/generationpackagechanges.h"
#include "Generations/generationshared.h"
#include "gitrepository.h"
#include "nixprofilefixture.h"
#include "nixtools.h"
#include "snowpanesettings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Snowpane::System::PackageChange;

namespace
{

// Generous: on a loaded machine Nix and git can be slow; this is a wait, not a speed check.
constexpr int patienceMs = 120000;

// Nix's own answer for the closure size, to check ours against.
qint64 nixClosureSize(const QString &path)
{
    const NixTools::Run run = NixTools::run(u"nix"_s, {u"path-info"_s, u"--closure-size"_s, path});
    if (!run.ok()) {
        qWarning() << "nix path-info failed:" << run.exitCode << run.err;
        return -1;
    }
    return QString::fromUtf8(run.out).simplified().section(u' ', 1, 1).toLongLong();
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

bool waitUntilLoaded(GenerationListModel &model)
{
    QSignalSpy spy(&model, &GenerationListModel::loadingDetailsChanged);
    while (model.isLoadingDetails()) {
        if (!spy.wait(patienceMs)) {
            return false;
        }
    }
    return true;
}

bool waitForResult(GenerationComparison &comparison)
{
    QSignalSpy spy(&comparison, &GenerationComparison::busyChanged);
    while (comparison.isBusy()) {
        if (!spy.wait(patienceMs)) {
            return false;
        }
    }
    return comparison.hasResult();
}

struct ChangeRow {
    QString name;
    int kind = 0;
    QString changeText;
};

QList<ChangeRow> rowsOf(const GenerationPackageChangeModel &model)
{
    QList<ChangeRow> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        rows.append({index.data(GenerationPackageChangeModel::NameRole).toString(),
                     index.data(GenerationPackageChangeModel::KindRole).toInt(),
                     index.data(GenerationPackageChangeModel::ChangeTextRole).toString()});
    }
    return rows;
}

} // namespace

class GenerationModelsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<NixProfileFixture> m_fixture;
    QString m_configuration;
    QString m_commits[2];

    [[nodiscard]] QVariant role(const GenerationListModel &model, int number, int role) const
    {
        return model.index(model.rowOfGeneration(number)).data(role);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));

        // The configuration's history: generation 1 was built from the first commit, 2 from the second.
        m_configuration = m_dir.filePath(u"etc/nixos"_s);
        QVERIFY(QDir().mkpath(m_configuration));
        auto opened = Snowpane::System::GitRepository::init(m_configuration);
        QVERIFY2(opened.repository, qPrintable(opened.error));
        QVERIFY(writeFile(m_configuration + u"/configuration.nix"_s, "{ pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.nano pkgs.firefox ];\n}\n"));
        const auto first = opened.repository->commitTracked({u"configuration.nix"_s}, u"Initial configuration"_s);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(writeFile(m_configuration + u"/configuration.nix"_s, "{ pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.curl pkgs.firefox ];\n}\n"));
        const auto second = opened.repository->commitTracked({}, u"Replace nano with curl"_s);
        QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
        m_commits[0] = first.commit;
        m_commits[1] = second.commit;

        m_fixture = std::make_unique<NixProfileFixture>(m_dir.filePath(u"nix"_s));
        QVERIFY(QDir().mkpath(m_dir.filePath(u"nix"_s)));
        m_fixture->setRevisions(m_commits[0], m_commits[1]);
        QVERIFY2(m_fixture->create(), qPrintable(m_fixture->errorString()));

        // Running the current generation 11, booted into 9.
        QVERIFY(QDir().mkpath(m_dir.filePath(u"run"_s)));
        QVERIFY(QFile::link(m_fixture->systemOf(11), m_dir.filePath(u"run/current-system"_s)));
        QVERIFY(QFile::link(m_fixture->systemOf(9), m_dir.filePath(u"run/booted-system"_s)));

        SnowpaneSettings::instance(KSharedConfig::openConfig(m_dir.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        SnowpaneSettings::self()->setProfile(m_fixture->profilePath());
        SnowpaneSettings::self()->setConfigurationDirectory(m_configuration);
        SnowpaneSettings::self()->setCurrentSystem(m_dir.filePath(u"run/current-system"_s));
        SnowpaneSettings::self()->setBootedSystem(m_dir.filePath(u"run/booted-system"_s));
    }

    void listsEveryGenerationNewestFirst()
    {
        GenerationListModel model;
        QCOMPARE(model.errorString(), QString());
        QCOMPARE(model.rowCount(), 11);
        for (int row = 0; row < 11; ++row) {
            QCOMPARE(model.numberAt(row), 11 - row);
        }
        QCOMPARE(model.currentGeneration(), 11);
        QCOMPARE(model.runningGeneration(), 11);
        QCOMPARE(model.bootedGeneration(), 9);
        QVERIFY(role(model, 11, GenerationListModel::CurrentRole).toBool());
        QVERIFY(role(model, 11, GenerationListModel::RunningRole).toBool());
        QVERIFY(!role(model, 11, GenerationListModel::BootedRole).toBool());
        QVERIFY(role(model, 9, GenerationListModel::BootedRole).toBool());
        QCOMPARE(role(model, 11, GenerationListModel::TitleRole).toString(), u"Generation 11 (current)"_s);
        QCOMPARE(role(model, 7, GenerationListModel::KernelVersionRole).toString(), u"6.12.1"_s);
        QCOMPARE(role(model, 11, GenerationListModel::StorePathRole).toString(), m_fixture->systemOf(11));
        QCOMPARE(model.defaultComparisonFor(11), 10);
        QCOMPARE(model.defaultComparisonFor(5), 11);
        QCOMPARE(model.defaultComparisonFor(99), 0);
        QCOMPARE(model.olderGeneration(1), 0);
    }

    void sizesAndCommitsArriveInTheBackground()
    {
        GenerationListModel model;
        QSignalSpy rowsChanged(&model, &QAbstractItemModel::dataChanged);
        // Nothing is read in the window's thread: the rows start without details.
        QVERIFY(model.isLoadingDetails());
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY(!model.index(row).data(GenerationListModel::DetailsLoadedRole).toBool());
            QCOMPARE(model.index(row).data(GenerationListModel::ClosureSizeRole).toDouble(), -1.0);
        }
        QVERIFY(waitUntilLoaded(model));
        QCOMPARE(rowsChanged.count(), 11);

        qint64 largest = 0;
        for (int number = 1; number <= 11; ++number) {
            QVERIFY(role(model, number, GenerationListModel::DetailsLoadedRole).toBool());
            const qint64 expected = nixClosureSize(m_fixture->systemOf(number));
            QVERIFY(expected > 0);
            QCOMPARE(qint64(role(model, number, GenerationListModel::ClosureSizeRole).toDouble()), expected);
            QCOMPARE(role(model, number, GenerationListModel::ClosureSizeTextRole).toString(), Snowpane::Ui::formatClosureSize(expected));
            largest = std::max(largest, expected);
        }
        QCOMPARE(qint64(model.largestClosureSize()), largest);

        QCOMPARE(role(model, 1, GenerationListModel::CommitRole).toString(), m_commits[0]);
        QCOMPARE(role(model, 1, GenerationListModel::CommitSubjectRole).toString(), u"Initial configuration"_s);
        QCOMPARE(role(model, 2, GenerationListModel::CommitShortIdRole).toString(), m_commits[1].left(7));
        QCOMPARE(role(model, 2, GenerationListModel::CommitSubjectRole).toString(), u"Replace nano with curl"_s);
        QCOMPARE(role(model, 3, GenerationListModel::CommitRole).toString(), QString());
        QCOMPARE(role(model, 3, GenerationListModel::CommitSubjectRole).toString(), QString());

        const GenerationRecord second = model.generation(2);
        QVERIFY(second.isKnown());
        QCOMPARE(second.commitSubject, u"Replace nano with curl"_s);
        QCOMPARE(second.commitShortId, m_commits[1].left(7));
        QCOMPARE(second.number, 2);
        QCOMPARE(qint64(second.closureSize), nixClosureSize(m_fixture->systemOf(2)));
        QVERIFY(second.detailsLoaded);
        QVERIFY(!model.generation(42).isKnown());
    }

    void reloadStartsOver()
    {
        GenerationListModel model;
        model.reload(); // supersedes the first reading while it runs
        QVERIFY(waitUntilLoaded(model));
        for (int number = 1; number <= 11; ++number) {
            QVERIFY(role(model, number, GenerationListModel::DetailsLoadedRole).toBool());
        }
        QCOMPARE(role(model, 1, GenerationListModel::CommitSubjectRole).toString(), u"Initial configuration"_s);
    }

    void confirmationsSayWhatWillHappen()
    {
        GenerationListModel model;
        QVERIFY(waitUntilLoaded(model));
        using Action = GenerationListModel::Action;

        const GenerationConfirmation switchCurrent = model.confirmation(Action::Switch, 11);
        QVERIFY(!switchCurrent.allowed);
        QVERIFY(switchCurrent.reason.contains(u"already the current generation"_s));
        QVERIFY(!model.confirmation(Action::Boot, 11).allowed);

        const GenerationConfirmation switchOld = model.confirmation(Action::Switch, 7);
        QVERIFY(switchOld.allowed);
        QCOMPARE(switchOld.title, u"Switch to generation 7?"_s);
        const QString switchText = switchOld.message;
        QVERIFY2(switchText.contains(u"Generation 7 ("_s) && switchText.contains(u"Linux 6.12.1"_s), qPrintable(switchText));
        QVERIFY2(switchText.contains(u"activated now"_s) && switchText.contains(u"Generation 11, which is running now"_s), qPrintable(switchText));
        QCOMPARE(switchOld.confirmText, u"Switch Now"_s);

        const GenerationConfirmation bootOld = model.confirmation(Action::Boot, 7);
        QVERIFY(bootOld.allowed);
        const QString bootText = bootOld.message;
        QVERIFY2(bootText.contains(u"next time the computer starts"_s) && bootText.contains(u"nothing changes in the running system (generation 11)"_s),
                 qPrintable(bootText));

        const GenerationConfirmation restoreUnlinked = model.confirmation(Action::Restore, 3);
        QVERIFY(!restoreUnlinked.allowed);
        QVERIFY(restoreUnlinked.reason.contains(u"not linked to a commit"_s));

        const GenerationConfirmation restore = model.confirmation(Action::Restore, 2);
        QVERIFY(restore.allowed);
        QCOMPARE(restore.commit, m_commits[1]);
        const QString restoreText = restore.message;
        QVERIFY2(restoreText.contains(m_configuration) && restoreText.contains(m_commits[1].left(7)) && restoreText.contains(u"Replace nano with curl"_s)
                     && restoreText.contains(u"new commit"_s) && restoreText.contains(u"does not change"_s),
                 qPrintable(restoreText));

        QVERIFY(!model.confirmation(Action::Switch, 42).allowed);
    }

    void comparesPackagesSizesAndConfiguration()
    {
        GenerationComparison comparison;
        QSignalSpy results(&comparison, &GenerationComparison::resultChanged);
        comparison.compare(2, 1);
        // The work runs in a worker thread: compare() returns before any result.
        QVERIFY(comparison.isBusy());
        QVERIFY(!comparison.hasResult());
        QCOMPARE(comparison.before(), 1);
        QCOMPARE(comparison.after(), 2);
        QVERIFY(waitForResult(comparison));
        QCOMPARE(comparison.errorString(), QString());

        // nvd's classification of the fixture's generation 1 -> 2 (see nixprofilefixture.cpp), in the page's group order.
        const QList<ChangeRow> rows = rowsOf(*comparison.packages());
        QStringList seen;
        for (const ChangeRow &row : rows) {
            seen.append(u"%1:%2:%3"_s.arg(row.kind).arg(row.name, row.changeText));
        }
        const QStringList expected = {
            u"%1:firefox:127.0.2 → 128.0"_s.arg(int(PackageChange::Kind::Upgraded)),
            // The system itself, as nvd lists it too.
            u"%1:nixos-system-demo:26.05.1 → 26.05.2"_s.arg(int(PackageChange::Kind::Upgraded)),
            u"%1:curl:8.9.1"_s.arg(int(PackageChange::Kind::Added)),
            u"%1:nano:7.2"_s.arg(int(PackageChange::Kind::Removed)),
            u"%1:openssl:3.0.13 → 3.0.13, 3.3.1"_s.arg(int(PackageChange::Kind::Changed)),
            u"%1:zlib:1.3.1, now in the system packages"_s.arg(int(PackageChange::Kind::SelectionChanged)),
        };
        QCOMPARE(seen, expected);
        QCOMPARE(comparison.packages()->upgradedCount(), 2);
        QCOMPARE(comparison.packages()->addedCount(), 1);
        QCOMPARE(comparison.packages()->removedCount(), 1);
        QCOMPARE(comparison.packages()->downgradedCount(), 0);
        QCOMPARE(comparison.packages()->otherCount(), 2);
        QVERIFY(comparison.packages()->index(0).data(GenerationPackageChangeModel::FirstInGroupRole).toBool());

        const qint64 before = nixClosureSize(m_fixture->systemOf(1));
        const qint64 after = nixClosureSize(m_fixture->systemOf(2));
        QCOMPARE(qint64(comparison.sizeBefore()), before);
        QCOMPARE(qint64(comparison.sizeAfter()), after);
        QCOMPARE(qint64(comparison.sizeDelta()), after - before);
        QCOMPARE(comparison.sizeDeltaText(), Snowpane::Ui::formatSizeDelta(after - before));

        QCOMPARE(comparison.configurationProblem(), QString());
        QCOMPARE(comparison.changedFiles(), 1);
        const QString diff = comparison.configurationDiff();
        QVERIFY2(diff.contains(u"-  environment.systemPackages = [ pkgs.nano pkgs.firefox ];"_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"+  environment.systemPackages = [ pkgs.curl pkgs.firefox ];"_s), qPrintable(diff));
        QCOMPARE(results.count(), 1);
    }

    void unlinkedGenerationHasNoConfigurationDiff()
    {
        GenerationComparison comparison;
        comparison.compare(2, 3);
        QVERIFY(waitForResult(comparison));
        const QList<ChangeRow> rows = rowsOf(*comparison.packages());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).name, u"nixos-system-demo"_s);
        QCOMPARE(rows.at(0).kind, int(PackageChange::Kind::Upgraded));
        QCOMPARE(rows.at(1).name, u"firefox"_s);
        QCOMPARE(rows.at(1).kind, int(PackageChange::Kind::Downgraded));
        QCOMPARE(rows.at(1).changeText, u"128.0 → 127.0.2"_s);
        QCOMPARE(comparison.configurationDiff(), QString());
        QVERIFY2(comparison.configurationProblem().contains(u"Generation 3 is not linked to a commit"_s), qPrintable(comparison.configurationProblem()));
    }

    void newerCompareSupersedesARunningOne()
    {
        GenerationComparison comparison;
        QSignalSpy results(&comparison, &GenerationComparison::resultChanged);
        comparison.compare(1, 2);
        comparison.compare(4, 5);
        QVERIFY(waitForResult(comparison));
        QCOMPARE(comparison.before(), 4);
        QCOMPARE(comparison.after(), 5);
        QCOMPARE(results.count(), 1);
        const QList<ChangeRow> rows = rowsOf(*comparison.packages());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).name, u"firefox"_s);
        QCOMPARE(rows.at(0).changeText, u"127.0.2 → 128.0"_s);
        QCOMPARE(rows.at(1).changeText, u"26.05.4 → 26.05.5"_s);
    }

    void comparingAGenerationWithItselfClears()
    {
        GenerationComparison comparison;
        comparison.compare(1, 2);
        QVERIFY(waitForResult(comparison));
        comparison.compare(3, 3);
        QVERIFY(!comparison.isBusy());
        QVERIFY(!comparison.hasResult());
        QCOMPARE(comparison.packages()->rowCount(), 0);
        QCOMPARE(comparison.before(), 0);
    }

    void missingGenerationIsAnError()
    {
        GenerationComparison comparison;
        comparison.compare(1, 40);
        QVERIFY(waitForResult(comparison));
        QCOMPARE(comparison.errorString(), u"Generation 40 is not in the system profile any more."_s);
    }

    void configurationWithoutGit()
    {
        const QString plain = m_dir.filePath(u"plain"_s);
        QVERIFY(QDir().mkpath(plain));
        SnowpaneSettings::self()->setConfigurationDirectory(plain);
        GenerationComparison comparison;
        comparison.compare(1, 2);
        const bool finished = waitForResult(comparison);
        SnowpaneSettings::self()->setConfigurationDirectory(m_configuration);
        QVERIFY(finished);
        QCOMPARE(comparison.errorString(), QString());
        QVERIFY2(comparison.configurationProblem().contains(u"is not kept in git"_s), qPrintable(comparison.configurationProblem()));
        QCOMPARE(comparison.packages()->rowCount(), 6);
    }

    void packageGroupsAreOrdered()
    {
        GenerationPackageChangeModel model;
        QList<PackageChange> changes;
        changes.append({u"b-removed"_s, PackageChange::Kind::Removed, {u"1"_s}, {}, true, false});
        changes.append({u"a-added"_s, PackageChange::Kind::Added, {}, {u""_s}, false, true});
        changes.append({u"z-up"_s, PackageChange::Kind::Upgraded, {u"1"_s}, {u"2"_s}, true, true});
        changes.append({u"a-up"_s, PackageChange::Kind::Upgraded, {u"1"_s}, {u"2"_s}, true, true});
        changes.append({u"down"_s, PackageChange::Kind::Downgraded, {u"2"_s}, {u"1"_s}, true, true});
        model.setChanges(changes);
        QStringList names;
        QList<bool> firsts;
        for (int row = 0; row < model.rowCount(); ++row) {
            names.append(model.index(row).data(GenerationPackageChangeModel::NameRole).toString());
            firsts.append(model.index(row).data(GenerationPackageChangeModel::FirstInGroupRole).toBool());
        }
        QCOMPARE(names, (QStringList{u"a-up"_s, u"z-up"_s, u"down"_s, u"a-added"_s, u"b-removed"_s}));
        QCOMPARE(firsts, (QList<bool>{true, false, true, true, true}));
        QCOMPARE(model.index(3).data(GenerationPackageChangeModel::ChangeTextRole).toString(), u"no version"_s);
        QCOMPARE(model.index(0).data(GenerationPackageChangeModel::GroupRole).toString(), u"Upgraded"_s);
    }

    void sizesInWords()
    {
        QCOMPARE(Snowpane::Ui::formatClosureSize(-1), QString());
        QCOMPARE(Snowpane::Ui::formatSizeDelta(0), u"no change"_s);
        QVERIFY(Snowpane::Ui::formatSizeDelta(1500).startsWith(u'+'));
        QVERIFY(Snowpane::Ui::formatSizeDelta(-1500).startsWith(u"\u2212"_s));
        QCOMPARE(Snowpane::Ui::formatSizeDelta(-1500).mid(1), Snowpane::Ui::formatClosureSize(1500));
    }
};

QTEST_MAIN(GenerationModelsTest)

#include "tst_generationmodels.moc"
