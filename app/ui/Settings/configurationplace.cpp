// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Settings/configurationplace.h"

#include "Common/configurationsession.h"
#include "helperconfig.h"
#include "snowpanesettings.h"
#include "uilogging.h"

#include <KConfigGroup>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Ui
{

namespace
{

// What useSystemSettings() found, for the instance made later.
struct SystemSettings {
    bool fromSystem = false;
    QString directory;
    QString host;
    QString error;
};

// Whether the person picked the directory, even when they picked the default: kept beside the settings in snowpanerc.
constexpr char ChosenKey[] = "ConfigurationChosen";

KConfigGroup chosenGroup(SnowpaneSettings *settings)
{
    return settings->config()->group(u"System"_s);
}

SystemSettings &systemSettings()
{
    static SystemSettings settings;
    return settings;
}

QString sourceText(const QString &source)
{
    if (source == u"NIXOS_CONFIG"_s || source == u"NH_OS_FLAKE"_s || source == u"NH_FLAKE"_s) {
        return QCoreApplication::translate("ConfigurationPlace", "the environment variable %1").arg(source);
    }
    return QCoreApplication::translate("ConfigurationPlace", "%1, where NixOS looks").arg(source);
}

} // namespace

ConfigurationPlace *ConfigurationPlace::self()
{
    static QPointer<ConfigurationPlace> instance;
    if (!instance) {
        instance = new ConfigurationPlace(QCoreApplication::instance());
    }
    return instance;
}

ConfigurationPlace *ConfigurationPlace::create(QQmlEngine *, QJSEngine *)
{
    ConfigurationPlace *place = self();
    QJSEngine::setObjectOwnership(place, QJSEngine::CppOwnership);
    return place;
}

ConfigurationPlace::ConfigurationPlace(QObject *parent)
    : QObject(parent)
{
    refresh();
}

void ConfigurationPlace::useSystemSettings(const QString &file)
{
    SystemSettings found;
    if (!file.isEmpty() && QFileInfo::exists(file)) {
        // The helper's own parser and checks: the window reads exactly what the helper will use.
        const auto config = Snowpane::Helper::loadHelperConfig(file);
        if (config) {
            found.fromSystem = true;
            found.directory = config.value().configurationDirectory;
            found.host = config.value().host;
            SnowpaneSettings *settings = SnowpaneSettings::self();
            // For this run only (not saved), so that every page reads the directory the helper builds.
            settings->setConfigurationDirectory(found.directory);
            settings->setFlakeHost(found.host);
        } else {
            found.error = config.error();
            qCWarning(SNOWPANE_UI) << "the helper's settings cannot be used:" << found.error;
        }
    }
    systemSettings() = found;
}

void ConfigurationPlace::refresh()
{
    const SystemSettings &found = systemSettings();
    m_fromSystem = found.fromSystem;
    m_systemDirectory = found.directory;
    m_systemHost = found.host;
    m_systemError = found.error;
    m_candidates = Snowpane::Config::findCandidates();
    Q_EMIT changed();
}

Snowpane::Config::WriterDecision ConfigurationPlace::decide(const QString &directory)
{
    return Snowpane::Config::whoWrites(QDir::cleanPath(directory), ::getuid());
}

ConfigurationPlace::Writer ConfigurationPlace::writer() const
{
    switch (decide(SnowpaneSettings::self()->configurationDirectory()).writer) {
    case Snowpane::Config::Writer::Helper:
        return Writer::Helper;
    case Snowpane::Config::Writer::User:
        return Writer::User;
    case Snowpane::Config::Writer::Refused:
        break;
    }
    return Writer::Refused;
}

QString ConfigurationPlace::writerText() const
{
    const QString directory = SnowpaneSettings::self()->configurationDirectory();
    const auto decision = decide(directory);
    switch (decision.writer) {
    case Snowpane::Config::Writer::Helper:
        return tr("%1 belongs to root: Snowpane's system helper writes it and commits each change, after you authenticate.").arg(directory);
    case Snowpane::Config::Writer::User:
        return tr("%1 is yours (%2): Snowpane writes it as you and commits with your own git identity. The system helper only builds from it.")
            .arg(directory, Snowpane::Config::userName(::getuid()));
    case Snowpane::Config::Writer::Refused:
        break;
    }
    return decision.reason;
}

bool ConfigurationPlace::needsChoice() const
{
    SnowpaneSettings *settings = SnowpaneSettings::self();
    return !m_fromSystem && !chosenGroup(settings).readEntry(ChosenKey, false)
        && settings->configurationDirectory() == settings->defaultConfigurationDirectoryValue();
}

QList<ConfigurationCandidate> ConfigurationPlace::candidates() const
{
    QList<ConfigurationCandidate> list;
    for (const auto &candidate : m_candidates) {
        QStringList sources;
        for (const QString &source : candidate.sources) {
            sources.append(sourceText(source));
        }
        list.append({
            .directory = candidate.directory,
            .flake = candidate.kind == Snowpane::Config::Candidate::Kind::Flake,
            .host = candidate.host,
            .sources = sources.join(u"; "_s),
            .linkedFrom = candidate.linkedFrom,
        });
    }
    return list;
}

void ConfigurationPlace::choose(const QString &directory, const QString &host)
{
    chosenGroup(SnowpaneSettings::self()).writeEntry(ChosenKey, true);
    ConfigurationSession::self()->useConfiguration(directory, host);
    Q_EMIT changed();
}

QString ConfigurationPlace::proposeSystemSetting(const QString &directory, const QString &host)
{
    ConfigurationSession *session = ConfigurationSession::self();
    const QString cleaned = QDir::cleanPath(directory.trimmed());
    if (!QDir::isAbsolutePath(cleaned)) {
        return tr("“%1” is not an absolute path.").arg(directory);
    }
    if (cleaned != m_systemDirectory || !m_fromSystem) {
        if (QString error = session->setOptionNix(u"programs.snowpane.configuration"_s, *ConfigurationSession::nixLiteral(cleaned)); !error.isEmpty()) {
            return error;
        }
    }
    const QString wantedHost = host.trimmed();
    if (!wantedHost.isEmpty() && wantedHost != m_systemHost) {
        return session->setOptionNix(u"programs.snowpane.host"_s, *ConfigurationSession::nixLiteral(wantedHost));
    }
    return {};
}

} // namespace Snowpane::Ui
