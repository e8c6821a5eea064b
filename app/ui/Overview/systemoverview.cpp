// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Overview/systemoverview.h"

#include "Changes/systemactions.h"
#include "generationreader.h"
#include "snowpanesettings.h"
#include "systempaths.h"

#include <QSysInfo>

using namespace Qt::StringLiterals;
using Snowpane::System::GenerationReader;

static_assert(!std::is_default_constructible_v<SystemOverview>, "QML would build the singleton itself, skip create(), and never follow SystemActions");

SystemOverview::SystemOverview(SystemActions *actions, QObject *parent)
    : QObject(parent)
{
    if (actions) {
        connect(actions, &SystemActions::systemChanged, this, &SystemOverview::reload);
    }
    reload();
}

SystemOverview *SystemOverview::create(QQmlEngine *engine, QJSEngine *)
{
    return new SystemOverview(engine->singletonInstance<SystemActions *>("io.github.snowpane", "SystemActions"));
}

void SystemOverview::reload()
{
    const SnowpaneSettings *settings = SnowpaneSettings::self();
    Facts facts;
    facts.profilePath = settings->profile();
    const GenerationReader reader(facts.profilePath);
    const auto current = reader.readCurrent();
    if (current) {
        facts.currentGeneration = current->number;
        facts.currentDate = current->date;
        facts.nixosVersion = current->nixosVersion;
        facts.kernelVersion = current->kernelVersion;
        facts.configurationRevision = current->configurationRevision;
        facts.errorString = current->problem;
    } else {
        facts.errorString = u"No generations were found in the system profile %1."_s.arg(facts.profilePath);
    }
    facts.bootedGeneration = reader.generationOfSystem(settings->bootedSystem()).value_or(0);
    facts.runningGeneration = reader.generationOfSystem(settings->currentSystem()).value_or(0);

    // The running system knows its own name; a profile that is not running
    // (the demo, a chroot) still names itself in its newest generation.
    facts.hostName = Snowpane::System::hostNameOfSystem(settings->currentSystem());
    if (facts.hostName.isEmpty() && current) {
        facts.hostName = Snowpane::System::hostNameOfSystem(current->storePath);
    }
    if (facts.hostName.isEmpty()) {
        facts.hostName = QSysInfo::machineHostName();
    }
    m_facts = std::move(facts);
    Q_EMIT changed();
}
