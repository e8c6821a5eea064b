// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Overview/hoststatus.h"

#include "snowpanesettings.h"

#include <QFileInfo>

HostStatus::HostStatus(QObject *parent)
    : QObject(parent)
    , m_directory(SnowpaneSettings::self()->configurationDirectory())
    , m_hasConfiguration(QFileInfo(m_directory).isDir())
{
}

QString HostStatus::title() const
{
    return m_hasConfiguration ? QString() : tr("This machine has no NixOS configuration");
}

QString HostStatus::explanation() const
{
    if (m_hasConfiguration) {
        return {};
    }
    return tr("Snowpane is a settings application for NixOS: it changes options and packages in your own configuration files, "
              "builds and applies them with Nix, and rolls the system back to any earlier generation.\n\n"
              "This machine has no NixOS configuration (%1 does not exist), so there is nothing for Snowpane to manage here.\n\n"
              "To try Snowpane on a stand-in NixOS system, run “tools/dev run” in a Snowpane source checkout, or open a demo "
              "system made by tests/fixtures/make-demo-system with “snowpane --demo DIR”.")
        .arg(m_directory);
}
