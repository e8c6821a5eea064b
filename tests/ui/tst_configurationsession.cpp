// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The configuration session on a copy of the demo configuration: edits from
// any page land in one change set, diffs and discards work per file, and a
// file with a syntax error disables editing with its location.

#include "Common/configurationsession.h"
#include "snowpanesettings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class ConfigurationSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void readsTheDemoConfiguration();
    void editsBecomeOneChangeSet();
    void discardsPerFile();
    void refusesWithASentence();
    void valuesFromEditors_data();
    void valuesFromEditors();
    void syntaxErrorDisablesEditing();
    void pendingFilesForTheHelper();
    void packageAddNamesPkgs();

private:
    void copyDemo();
    [[nodiscard]] QString read(const QString &name) const;

    QTemporaryDir m_root;
    QString m_directory;
};

void ConfigurationSessionTest::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_directory = m_root.filePath(u"etc/nixos"_s);
    SnowpaneSettings::instance(KSharedConfig::openConfig(m_root.filePath(u"snowpanerc"_s), KConfig::SimpleConfig));
    SnowpaneSettings::self()->setConfigurationDirectory(m_directory);
}

void ConfigurationSessionTest::copyDemo()
{
    QDir(m_directory).removeRecursively();
    QVERIFY(QDir().mkpath(m_directory));
    const QDir demo(QStringLiteral(SNOWPANE_DEMO_CONFIGURATION));
    for (const QString &name : {u"configuration.nix"_s, u"hardware-configuration.nix"_s, u"desktop.nix"_s}) {
        QVERIFY2(QFile::copy(demo.filePath(name), QDir(m_directory).filePath(name)), qPrintable(name));
    }
}

QString ConfigurationSessionTest::read(const QString &name) const
{
    QFile file(QDir(m_directory).filePath(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void ConfigurationSessionTest::init()
{
    copyDemo();
    ConfigurationSession::self()->reload();
}

void ConfigurationSessionTest::readsTheDemoConfiguration()
{
    auto *session = ConfigurationSession::self();
    QVERIFY2(session->isLoaded(), qPrintable(session->loadError()));
    QVERIFY(session->isEditable());
    QCOMPARE(session->files(), (QStringList{u"configuration.nix"_s, u"hardware-configuration.nix"_s, u"desktop.nix"_s}));
    QCOMPARE(session->literalValue(u"time.timeZone"_s), QVariant(u"Europe/Amsterdam"_s));
    QCOMPARE(session->literalValue(u"networking.firewall.allowedTCPPorts"_s), QVariant(QVariantList{qint64(80), qint64(8080)}));

    const QList<OptionDefinition> definitions = session->definitions(u"time.timeZone"_s);
    QCOMPARE(definitions.size(), 1);
    const OptionDefinition &definition = definitions.constFirst();
    QCOMPARE(definition.file, u"configuration.nix"_s);
    QVERIFY(definition.line > 1);
    QCOMPARE(definition.source, u"\"Europe/Amsterdam\""_s);
    QCOMPARE(definition.value, QVariant(u"Europe/Amsterdam"_s));
    QVERIFY(definition.editable);

    QVERIFY(session->isDeclaredPackage(u"ripgrep"_s));
    QVERIFY(!session->isDeclaredPackage(u"firefox-not-there"_s));
    bool sawVim = false;
    for (const DeclaredPackage &entry : session->declaredPackages()) {
        sawVim = sawVim || (entry.attr == u"vim"_s && entry.file == u"configuration.nix"_s && entry.line > 1);
    }
    QVERIFY(sawVim);
}

void ConfigurationSessionTest::editsBecomeOneChangeSet()
{
    auto *session = ConfigurationSession::self();
    QSignalSpy changed(session, &ConfigurationSession::changesChanged);
    const QString before = read(u"configuration.nix"_s);

    // Already so: not a change.
    QCOMPARE(session->setOptionValue(u"services.openssh.enable"_s, true), QString());
    QCOMPARE(session->pendingCount(), 0);
    QCOMPARE(changed.count(), 0);

    QCOMPARE(session->setOptionValue(u"services.tailscale.enable"_s, false), QString());
    QCOMPARE(session->addPackage(u"htop"_s), QString());
    QCOMPARE(session->removePackage(u"tmux"_s), QString());
    QCOMPARE(session->setOptionValue(u"time.timeZone"_s, u"Europe/Berlin"_s), QString());
    QCOMPARE(session->pendingCount(), 4);
    QCOMPARE(changed.count(), 4);
    QCOMPARE(session->pendingDescriptions().constFirst(), u"Disable services.tailscale"_s);
    QVERIFY(session->isDeclaredPackage(u"htop"_s));
    QVERIFY(!session->isDeclaredPackage(u"tmux"_s));
    QCOMPARE(session->literalValue(u"time.timeZone"_s), QVariant(u"Europe/Berlin"_s));

    // Nothing is written until the helper applies the change.
    QCOMPARE(read(u"configuration.nix"_s), before);

    const QList<ChangedFile> files = session->changedFiles();
    QCOMPARE(files.size(), 1);
    const ChangedFile &file = files.constFirst();
    QCOMPARE(file.name, u"configuration.nix"_s);
    QVERIFY(!file.newFile);
    const QString diff = file.diff;
    QVERIFY2(diff.contains(u"+    htop"_s), qPrintable(diff));
    QVERIFY2(diff.contains(u"-    tmux"_s), qPrintable(diff));
    QVERIFY2(diff.contains(u"+  time.timeZone = \"Europe/Berlin\";"_s), qPrintable(diff));
    QCOMPARE(file.added, 3); // htop, the time zone, tailscale
    QCOMPARE(file.removed, 3); // tmux, the time zone, tailscale

    const QString message = session->commitMessage();
    QVERIFY2(message.startsWith(u"Disable "_s), qPrintable(message));
    QVERIFY2(message.contains(u"htop"_s) && message.contains(u"tmux"_s) && message.contains(u"time.timeZone"_s), qPrintable(message));

    // Adding what is already there is not a change.
    QCOMPARE(session->addPackage(u"htop"_s), QString());
    QCOMPARE(session->pendingCount(), 4);

    QCOMPARE(session->discardChange(1), QString());
    QVERIFY(!session->isDeclaredPackage(u"htop"_s));
    QCOMPARE(session->pendingCount(), 3);
    session->discardAll();
    QCOMPARE(session->pendingCount(), 0);
    QVERIFY(session->changedFiles().isEmpty());
}

void ConfigurationSessionTest::discardsPerFile()
{
    auto *session = ConfigurationSession::self();
    const QList<OptionDefinition> where = session->definitions(u"services.xserver.enable"_s);
    QCOMPARE(where.size(), 1);
    QCOMPARE(where.constFirst().file, u"desktop.nix"_s);

    QCOMPARE(session->setOptionValue(u"services.xserver.enable"_s, false), QString());
    QCOMPARE(session->setOptionValue(u"time.timeZone"_s, u"UTC"_s), QString());
    QCOMPARE(session->changedFiles().size(), 2);

    QCOMPARE(session->discardFile(m_directory + u"/desktop.nix"_s), QString());
    QCOMPARE(session->pendingCount(), 1);
    const QList<ChangedFile> files = session->changedFiles();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.constFirst().name, u"configuration.nix"_s);
}

void ConfigurationSessionTest::refusesWithASentence()
{
    auto *session = ConfigurationSession::self();
    QVERIFY(!session->setOptionNix(u"not..a path"_s, u"1"_s).isEmpty());
    QVERIFY(!session->addPackage(u"rm -rf /"_s).isEmpty());
    QVERIFY(!session->setOptionValue(u"time.timeZone"_s, QVariant(QSize(1, 2))).isEmpty());
    QCOMPARE(session->pendingCount(), 0);
    QVERIFY(!session->discardChange(7).isEmpty());
}

void ConfigurationSessionTest::valuesFromEditors_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("nix");
    QTest::newRow("bool") << QVariant(true) << u"true"_s;
    QTest::newRow("whole double is an int") << QVariant(22.0) << u"22"_s;
    QTest::newRow("fraction") << QVariant(0.5) << u"0.5"_s;
    QTest::newRow("string escapes") << QVariant(u"a \"b\" ${c}"_s) << u"\"a \\\"b\\\" \\${c}\""_s;
    QTest::newRow("null") << QVariant::fromValue(nullptr) << u"null"_s;
    QTest::newRow("list") << QVariant(QVariantList{80, 443}) << u"[ 80 443 ]"_s;
    QTest::newRow("strings") << QVariant(QStringList{u"wheel"_s}) << u"[ \"wheel\" ]"_s;
}

void ConfigurationSessionTest::valuesFromEditors()
{
    QFETCH(QVariant, value);
    QFETCH(QString, nix);
    QCOMPARE(ConfigurationSession::nixLiteral(value).value_or(u"(none)"_s), nix);
}

void ConfigurationSessionTest::syntaxErrorDisablesEditing()
{
    QFile file(QDir(m_directory).filePath(u"desktop.nix"_s));
    QVERIFY(file.open(QIODevice::Append));
    file.write("\n{ broken = ; }\n");
    file.close();
    auto *session = ConfigurationSession::self();
    session->reload();
    QVERIFY(session->isLoaded());
    QVERIFY(!session->isEditable());
    QCOMPARE(session->syntaxErrorFile(), u"desktop.nix"_s);
    QVERIFY(session->syntaxErrorLine() > 1);
    QVERIFY(!session->syntaxErrorMessage().isEmpty());
    const QString refusal = session->setOptionValue(u"time.timeZone"_s, u"UTC"_s);
    QVERIFY2(refusal.contains(u"desktop.nix"_s), qPrintable(refusal));
    QCOMPARE(session->pendingCount(), 0);
}

void ConfigurationSessionTest::pendingFilesForTheHelper()
{
    auto *session = ConfigurationSession::self();
    QCOMPARE(session->addPackage(u"htop"_s), QString());
    QString error;
    const auto files = session->pendingFiles(&error);
    QCOMPARE(error, QString());
    QCOMPARE(files.size(), std::size_t(1));
    QCOMPARE(files.front().first, u"configuration.nix"_s);
    QVERIFY(files.front().second.contains(u"    htop\n"_s));
}

// The window adds packages through the engine the CLI uses: a module whose
// arguments lack `pkgs` gets it; one that takes them as one value is refused.
void ConfigurationSessionTest::packageAddNamesPkgs()
{
    auto *session = ConfigurationSession::self();
    const auto writeConfiguration = [this](const QByteArray &text) {
        QFile file(QDir(m_directory).filePath(u"configuration.nix"_s));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
    };
    QVERIFY(writeConfiguration("{ config, lib, ... }:\n{\n  imports = [ ./hardware-configuration.nix ];\n  networking.hostName = \"nopkgs\";\n}\n"));
    session->reload();
    QVERIFY2(session->isEditable(), qPrintable(session->loadError()));
    QCOMPARE(session->addPackage(u"htop"_s), QString());
    QVERIFY(session->isDeclaredPackage(u"htop"_s));
    const QList<ChangedFile> files = session->changedFiles();
    QCOMPARE(files.size(), 1);
    const QString diff = files.constFirst().diff;
    QVERIFY2(diff.contains(u"-{ config, lib, ... }:\n+{ config, lib, pkgs, ... }:"_s), qPrintable(diff));
    QVERIFY2(diff.contains(u"htop"_s), qPrintable(diff));
    session->discardAll();

    QVERIFY(writeConfiguration("args:\n{\n  imports = [ ./hardware-configuration.nix ];\n  networking.hostName = \"plain\";\n}\n"));
    session->reload();
    const QString refusal = session->addPackage(u"htop"_s);
    QVERIFY2(refusal.contains(u"args:"_s) && refusal.contains(u"argument set"_s), qPrintable(refusal));
    QCOMPARE(session->pendingCount(), 0);
}

QTEST_GUILESS_MAIN(ConfigurationSessionTest)

#include "tst_configurationsession.moc"
