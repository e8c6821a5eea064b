// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Options page's backend on a copy of the demo configuration, evaluated
// with real Nix and the stand-in nixpkgs: opening in the background with
// progress, the cache, Nix's errors, the options.json fallback, cancelling,
// the search, services and category models, toggles and typed edits that
// land in the configuration session, and effective values.

#include "Common/configurationsession.h"
#include "Options/optioncategorymodel.h"
#include "Options/optiondetails.h"
#include "Options/optionlistmodel.h"
#include "Options/optionsbackend.h"
#include "snowpanesettings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

[[nodiscard]] QString fixtures()
{
    return QDir(QStringLiteral(SNOWPANE_FIXTURES_DIR)).canonicalPath();
}

// Waits until the backend has finished opening.
[[nodiscard]] bool waitForCatalog()
{
    QSignalSpy spy(OptionsBackend::self(), &OptionsBackend::statusChanged);
    constexpr int timeoutMs = 180000;
    QDeadlineTimer deadline(timeoutMs);
    while (OptionsBackend::self()->status() == OptionsBackend::Status::Loading && !deadline.hasExpired()) {
        spy.wait(1000);
    }
    return OptionsBackend::self()->status() != OptionsBackend::Status::Loading;
}

[[nodiscard]] int rowOf(const OptionListModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.nameAt(row) == name) {
            return row;
        }
    }
    return -1;
}

[[nodiscard]] QVariant roleOf(const OptionListModel &model, const QString &name, int role)
{
    return model.data(model.index(rowOf(model, name)), role);
}

} // namespace

class OptionsBackendTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The backend lives as long as the application; ending it here, with the
    // event loop still there, lets its worker thread finish what it queued.
    void cleanupTestCase()
    {
        delete OptionsBackend::self();
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(optionsCacheDirectory()).removeRecursively();
        if (QStandardPaths::findExecutable(u"nix-instantiate"_s).isEmpty()) {
            QFAIL("nix-instantiate is not on PATH. This test evaluates the demo configuration with real Nix: run it in the build environment.");
        }
        // <nixpkgs> is the stand-in, whatever the caller's NIX_PATH says; no binary cache.
        qputenv("NIX_PATH", QByteArray("nixpkgs=" + QFile::encodeName(fixtures()) + "/nixpkgs"));
        qputenv("NIX_CONFIG", "substituters =\nexperimental-features = nix-command flakes");
        qunsetenv("NIXOS_CONFIG");
        QVERIFY(m_root.isValid());
        m_directory = m_root.filePath(u"etc/nixos"_s);
        QVERIFY(QDir().mkpath(m_directory));
        for (const QString &name : {u"configuration.nix"_s, u"hardware-configuration.nix"_s, u"desktop.nix"_s}) {
            QVERIFY(QFile::copy(fixtures() + u"/demo/"_s + name, m_directory + u'/' + name));
        }
        SnowpaneSettings::instance(KSharedConfig::openConfig(m_root.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
        SnowpaneSettings::self()->setConfigurationDirectory(m_directory);
        ConfigurationSession::self()->reload();
        QVERIFY2(ConfigurationSession::self()->isEditable(), qPrintable(ConfigurationSession::self()->loadError()));
    }

    void init()
    {
        ConfigurationSession::self()->discardAll();
    }

    void sourceIsTheConfigurationDirectory()
    {
        // NIXOS_CONFIG names another file: the catalog still describes the files the window edits.
        qputenv("NIXOS_CONFIG", "/nonexistent/configuration.nix");
        const OptionSource source = OptionsBackend::sourceFromSettings();
        qunsetenv("NIXOS_CONFIG");
        QCOMPARE(source.kind, OptionSource::Kind::Classic);
        QCOMPARE(source.configuration, m_directory + u"/configuration.nix"_s);
    }

    void opensInTheBackgroundThenFromTheCache()
    {
        OptionsBackend *backend = OptionsBackend::self();
        QCOMPARE(backend->status(), OptionsBackend::Status::Idle);
        QSignalSpy progress(backend, &OptionsBackend::progressTextChanged);
        QSignalSpy catalog(backend, &OptionsBackend::catalogChanged);
        backend->load();
        // load() returns at once; Nix runs while the event loop turns.
        QCOMPARE(backend->status(), OptionsBackend::Status::Loading);
        QVERIFY(!backend->progressText().isEmpty());
        QVERIFY(waitForCatalog());
        QCOMPARE(backend->status(), OptionsBackend::Status::Ready);
        QVERIFY2(backend->errorText().isEmpty(), qPrintable(backend->errorDetails()));
        QVERIFY(!backend->isFromCache());
        QVERIFY2(backend->optionCount() > 100, qPrintable(QString::number(backend->optionCount())));
        QCOMPARE(catalog.size(), 1);
        QVERIFY(progress.size() >= 2);
        QVERIFY(backend->search());

        backend->reload(false);
        QVERIFY(waitForCatalog());
        QCOMPARE(backend->status(), OptionsBackend::Status::Ready);
        QVERIFY(backend->isFromCache());
    }

    void searchModel()
    {
        OptionListModel model;
        QSignalSpy count(&model, &OptionListModel::countChanged);
        model.setQuery(u"ssh"_s);
        QVERIFY(count.size() >= 1);
        QVERIFY(model.count() > 0);
        QVERIFY(model.total() >= model.count());
        // The name matches come before description matches: openssh's options lead.
        QVERIFY2(model.nameAt(0).startsWith(u"services.openssh."_s), qPrintable(model.nameAt(0)));
        QVERIFY(rowOf(model, u"services.openssh.enable"_s) >= 0);
        model.setQuery(u"services.openssh.enable"_s);
        QCOMPARE(model.nameAt(0), u"services.openssh.enable"_s);
        QCOMPARE(model.data(model.index(0), OptionListModel::IsSwitchRole).toBool(), true);
        QVERIFY(!model.data(model.index(0), OptionListModel::SummaryRole).toString().isEmpty());
        model.setLimit(1);
        model.setQuery(u"enable"_s);
        QCOMPARE(model.count(), 1);
        QVERIFY(model.total() > 1);
        model.setQuery(QString());
        QCOMPARE(model.count(), 0);
    }

    void servicesViewShowsTheConfiguration()
    {
        OptionListModel model;
        model.setMode(OptionListModel::Mode::Services);
        QVERIFY(model.count() > 5);
        for (int row = 0; row < model.count(); ++row) {
            const QString name = model.nameAt(row);
            QVERIFY2((name.startsWith(u"services."_s) || name.startsWith(u"programs."_s)) && name.endsWith(u".enable"_s), qPrintable(name));
        }
        const QString ssh = u"services.openssh.enable"_s;
        QCOMPARE(roleOf(model, ssh, OptionListModel::TitleRole).toString(), u"openssh"_s);
        QCOMPARE(roleOf(model, ssh, OptionListModel::GroupRole).toString(), u"services"_s);
        // configuration.nix sets it to true, on a line of its own.
        QCOMPARE(roleOf(model, ssh, OptionListModel::CheckedRole).toBool(), true);
        QCOMPARE(roleOf(model, ssh, OptionListModel::ToggleableRole).toBool(), true);
        QVERIFY2(roleOf(model, ssh, OptionListModel::StateRole).toString().startsWith(u"configuration.nix:"_s),
                 qPrintable(roleOf(model, ssh, OptionListModel::StateRole).toString()));
        // Not set anywhere: the default, off.
        const QString steam = u"programs.steam.enable"_s;
        QVERIFY(rowOf(model, steam) >= 0);
        QCOMPARE(roleOf(model, steam, OptionListModel::CheckedRole).toBool(), false);
        QCOMPARE(roleOf(model, steam, OptionListModel::DefinedRole).toBool(), false);

        // Flipping a toggle is a pending edit, and the row follows it.
        QSignalSpy changed(&model, &OptionListModel::dataChanged);
        QCOMPARE(OptionsBackend::self()->setSwitch(ssh, false), QString());
        QCOMPARE(ConfigurationSession::self()->pendingCount(), 1);
        QCOMPARE(ConfigurationSession::self()->pendingDescriptions(), QStringList{u"Disable services.openssh"_s});
        QVERIFY(changed.size() >= 1);
        QCOMPARE(roleOf(model, ssh, OptionListModel::CheckedRole).toBool(), false);
        QCOMPARE(OptionsBackend::self()->setSwitch(steam, true), QString());
        QCOMPARE(roleOf(model, steam, OptionListModel::CheckedRole).toBool(), true);
        QCOMPARE(ConfigurationSession::self()->literalValue(steam), QVariant(true));
        // Not a switch, and not an option: refused with a sentence.
        QVERIFY(!OptionsBackend::self()->setSwitch(u"networking.hostName"_s, true).isEmpty());
        QVERIFY(!OptionsBackend::self()->setSwitch(u"services.nosuch.enable"_s, true).isEmpty());
        QCOMPARE(ConfigurationSession::self()->pendingCount(), 2);
    }

    void categories()
    {
        OptionCategoryModel categories;
        QStringList names;
        for (int row = 0; row < categories.rowCount(); ++row) {
            names.append(categories.data(categories.index(row), OptionCategoryModel::NameRole).toString());
            QVERIFY(categories.data(categories.index(row), OptionCategoryModel::OptionCountRole).toInt() > 0);
        }
        QVERIFY2(names.contains(u"services"_s) && names.contains(u"networking"_s) && names.contains(u"boot"_s), qPrintable(names.join(u' ')));
        QStringList sorted = names;
        std::ranges::sort(sorted);
        QCOMPARE(names, sorted);

        OptionListModel model;
        model.setMode(OptionListModel::Mode::Category);
        model.setCategory(u"networking"_s);
        const int row = int(names.indexOf(u"networking"_s));
        QCOMPARE(model.count(), categories.data(categories.index(row), OptionCategoryModel::OptionCountRole).toInt());
        QVERIFY(rowOf(model, u"networking.hostName"_s) >= 0);
        QCOMPARE(roleOf(model, u"networking.hostName"_s, OptionListModel::TitleRole).toString(), u"hostName"_s);
    }

    void internalOptionsFollowTheSetting()
    {
        // `assertions` is internal in the module system: listed only on request, in search and in its category.
        OptionListModel search;
        search.setMode(OptionListModel::Mode::Search);
        search.setQuery(u"assertions"_s);
        OptionListModel category;
        category.setMode(OptionListModel::Mode::Category);
        category.setCategory(u"assertions"_s);
        QCOMPARE(SnowpaneSettings::self()->showInternalOptions(), false);
        QCOMPARE(rowOf(search, u"assertions"_s), -1);
        QCOMPARE(category.count(), 0);
        SnowpaneSettings::self()->setShowInternalOptions(true);
        QVERIFY(rowOf(search, u"assertions"_s) >= 0);
        QCOMPARE(category.count(), 1);
        SnowpaneSettings::self()->setShowInternalOptions(false);
        QCOMPARE(rowOf(search, u"assertions"_s), -1);
    }

    void readOnlyOptionsFollowTheSetting()
    {
        OptionListModel model;
        model.setMode(OptionListModel::Mode::Category);
        model.setCategory(u"system"_s);
        // system.nixos.release is declared read-only.
        QVERIFY(rowOf(model, u"system.nixos.release"_s) >= 0);
        const int all = model.count();
        SnowpaneSettings::self()->setShowReadOnlyOptions(false);
        QCOMPARE(rowOf(model, u"system.nixos.release"_s), -1);
        QVERIFY(model.count() < all);
        SnowpaneSettings::self()->setShowReadOnlyOptions(true);
        QCOMPARE(model.count(), all);

        OptionDetails release;
        release.setName(u"system.nixos.release"_s);
        QVERIFY(release.isReadOnly());
        QVERIFY(!release.isEditable());
        QVERIFY(!release.setValue(u"99.99"_s).isEmpty());
    }

    void detailsOfAnOption()
    {
        OptionDetails details;
        details.setName(u"services.openssh.settings.MaxAuthTries"_s);
        QVERIFY(details.exists());
        QCOMPARE(details.editorKind(), OptionDetails::EditorKind::Integer);
        QCOMPARE(details.minimum(), QVariant(1.0));
        QCOMPARE(details.maximum(), QVariant(100.0));
        QCOMPARE(details.defaultText(), u"6"_s);
        QVERIFY(!details.description().isEmpty());
        QVERIFY(details.declarations().constFirst().endsWith(u"sshd.nix"_s));
        QVERIFY(!details.isDefined());
        QVERIFY(details.isEditable());
        // The text editor starts from the default, as text.
        QCOMPARE(details.initialText(), u"6"_s);

        // Validated before anything is recorded.
        const QString tooMany = details.setValue(500);
        QVERIFY2(tooMany.contains(u"between 1 and 100"_s), qPrintable(tooMany));
        QCOMPARE(ConfigurationSession::self()->pendingCount(), 0);
        QVERIFY(!details.validate(u"three"_s).isEmpty());
        QCOMPARE(details.setValue(3), QString());
        QCOMPARE(ConfigurationSession::self()->pendingCount(), 1);
        QCOMPARE(details.value(), QVariant(qint64(3)));
        QCOMPARE(details.initialText(), u"3"_s);
        QVERIFY(details.isDefined());
        QVERIFY(details.definitions().constFirst().file == u"configuration.nix"_s);
        QCOMPARE(details.reset(), QString());
        QVERIFY(!details.isDefined());
    }

    void choicesListsAndPackages()
    {
        OptionDetails choice;
        choice.setName(u"services.openssh.settings.PermitRootLogin"_s);
        QCOMPARE(choice.editorKind(), OptionDetails::EditorKind::Choice);
        QVERIFY(choice.choices().contains(u"prohibit-password"_s));
        QCOMPARE(choice.choices().at(choice.currentChoice()), u"no"_s);
        QCOMPARE(choice.setChoice(int(choice.choices().indexOf(u"prohibit-password"_s))), QString());
        QCOMPARE(choice.value(), QVariant(u"prohibit-password"_s));
        QVERIFY(!choice.setValue(u"maybe"_s).isEmpty());

        OptionDetails ports;
        ports.setName(u"services.openssh.ports"_s);
        QCOMPARE(ports.editorKind(), OptionDetails::EditorKind::List);
        QCOMPARE(ports.elementKind(), u"integer"_s);
        // Not set in the file: the editor starts from the default, written as a Nix list over several lines.
        QCOMPARE(ports.initialValue().toList().size(), 1);
        QCOMPARE(ports.initialValue().toList().constFirst().toInt(), 22);
        QCOMPARE(ports.listItems(), QStringList{u"22"_s});
        const QString bad = ports.setListItems({u"22"_s, u"70000"_s});
        QVERIFY2(bad.contains(u"70000"_s), qPrintable(bad));
        QVERIFY(!ports.setListItems({u"twenty-two"_s}).isEmpty());
        QCOMPARE(ports.setListItems({u"22"_s, u"2222"_s}), QString());
        QCOMPARE(ports.value(), QVariant(QVariantList{qint64(22), qint64(2222)}));

        OptionDetails packages;
        packages.setName(u"environment.systemPackages"_s);
        QCOMPARE(packages.editorKind(), OptionDetails::EditorKind::PackageList);
        // environment.systemPackages is a `with pkgs; [ ... ]` list in the demo: packages are read back by name.
        QVERIFY(!packages.setPackages({u"not a name"_s}).isEmpty());
        QCOMPARE(OptionDetails::pathText(QUrl::fromLocalFile(u"/etc/ssh/my keys/id_ed25519"_s)), u"/etc/ssh/my keys/id_ed25519"_s);
        QCOMPARE(OptionDetails::pathText(QUrl(u"file:///var/lib/caf%C3%A9"_s)), u"/var/lib/café"_s);
        // The list editor's one call reads a package list's rows as package names too.
        const QString refused = packages.setListItems({u"not a name"_s});
        QCOMPARE(refused, packages.setPackages({u"not a name"_s}));
        QCOMPARE(packages.setListItems({u"htop"_s, u"python3Packages.numpy"_s}), QString());
        QVERIFY(ConfigurationSession::self()->isDeclaredPackage(u"python3Packages.numpy"_s));
        ConfigurationSession::self()->discardAll();
    }

    void readOnlyOptionsSayWhy()
    {
        OptionDetails details;
        details.setName(u"services.openssh.hostKeys"_s);
        QVERIFY(details.exists());
        QVERIFY(!details.isEditable());
        QVERIFY(!details.editBlockedReason().isEmpty());
        QVERIFY(!details.setValue(QVariantList()).isEmpty());

        // A definition the page cannot rewrite shows its source.
        OptionDetails revision;
        revision.setName(u"system.configurationRevision"_s);
        QVERIFY(revision.exists());
        QVERIFY(!revision.isEditable());
        QVERIFY2(revision.editBlockedReason().startsWith(u"Your configuration computes this value"_s), qPrintable(revision.editBlockedReason()));
        QVERIFY2(revision.definitionSource().contains(u"mkIf"_s), qPrintable(revision.definitionSource()));
    }

    void effectiveValue()
    {
        OptionDetails details;
        details.setName(u"services.openssh.ports"_s);
        QCOMPARE(details.effectiveState(), OptionDetails::EffectiveState::NotEvaluated);
        QSignalSpy spy(&details, &OptionDetails::effectiveValueChanged);
        details.evaluateEffectiveValue();
        QCOMPARE(details.effectiveState(), OptionDetails::EffectiveState::Evaluating);
        QTRY_VERIFY_WITH_TIMEOUT(details.effectiveState() != OptionDetails::EffectiveState::Evaluating, 120000);
        QCOMPARE(details.effectiveState(), OptionDetails::EffectiveState::Ready);
        // The saved file does not set it: the module's default.
        QCOMPARE(details.effectiveText(), u"[ 22 ]"_s);

        // A second view of the same option gets the cached value at once.
        OptionDetails again;
        again.setName(u"services.openssh.ports"_s);
        again.evaluateEffectiveValue();
        QCOMPARE(again.effectiveState(), OptionDetails::EffectiveState::Ready);
        QCOMPARE(again.effectiveText(), u"[ 22 ]"_s);

        // An option that stands for every entry has no one value; the sentence says so, with no Nix detail.
        OptionDetails each;
        each.setName(u"users.users.<name>.isNormalUser"_s);
        QVERIFY(each.exists());
        each.evaluateEffectiveValue();
        QTRY_COMPARE(each.effectiveState(), OptionDetails::EffectiveState::Failed);
        QVERIFY2(each.effectiveError().contains(u"users.users"_s), qPrintable(each.effectiveError()));
        QVERIFY(each.effectiveDetails().isEmpty());
    }

    void nixErrorThenOptionsJsonFallback()
    {
        OptionsBackend *backend = OptionsBackend::self();
        // Parses, but cannot be evaluated: the module throws.
        QFile broken(m_directory + u"/desktop.nix"_s);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{ ... }: builtins.throw \"the printer is on fire\"\n");
        broken.close();
        backend->reload(true);
        QVERIFY(waitForCatalog());
        QCOMPARE(backend->status(), OptionsBackend::Status::Failed);
        QVERIFY(!backend->errorText().isEmpty());
        QVERIFY2(backend->errorDetails().contains(u"the printer is on fire"_s), qPrintable(backend->errorDetails()));

        // With an options.json in the settings, that is read instead, and the page says so.
        QTemporaryDir directory;
        const QString json = directory.filePath(u"options.json"_s);
        QFile options(json);
        QVERIFY(options.open(QIODevice::WriteOnly));
        options.write(R"({"services.example.enable": {"loc": ["services", "example", "enable"], "type": "boolean", "description": "Whether to run the example.",
                         "default": {"_type": "literalExpression", "text": "false"}, "declarations": ["nixos/modules/example.nix"], "readOnly": false}})");
        options.close();
        SnowpaneSettings::self()->setOptionsJson(json);
        backend->reload(true);
        QVERIFY(waitForCatalog());
        SnowpaneSettings::self()->setOptionsJson(QString());
        QCOMPARE(backend->status(), OptionsBackend::Status::Ready);
        QCOMPARE(backend->optionCount(), 1);
        QVERIFY(backend->notice().contains(json));
        QVERIFY2(backend->errorDetails().contains(u"the printer is on fire"_s), qPrintable(backend->errorDetails()));
    }

    void cancel()
    {
        OptionsBackend *backend = OptionsBackend::self();
        QFile file(m_directory + u"/configuration.nix"_s);
        QVERIFY(file.open(QIODevice::Append));
        // A new file content: no cache, so Nix runs.
        file.write("\n# cancel test\n");
        file.close();
        QFile::remove(m_directory + u"/desktop.nix"_s);
        QVERIFY(QFile::copy(fixtures() + u"/demo/desktop.nix"_s, m_directory + u"/desktop.nix"_s));
        backend->reload(true);
        QCOMPARE(backend->status(), OptionsBackend::Status::Loading);
        backend->cancel();
        QVERIFY(waitForCatalog());
        // The worker starts Nix before it sees the cancel (its queue is in order), so Nix is stopped.
        QCOMPARE(backend->status(), OptionsBackend::Status::Failed);
        QVERIFY2(backend->errorText().contains(u"cancelled"_s), qPrintable(backend->errorText()));
        backend->reload(false);
        QVERIFY(waitForCatalog());
        QCOMPARE(backend->status(), OptionsBackend::Status::Ready);
    }

private:
    QTemporaryDir m_root;
    QString m_directory;
};

QTEST_MAIN(OptionsBackendTest)

#include "tst_optionsbackend.moc"
