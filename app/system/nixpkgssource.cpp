// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixpkgssource.h"

namespace Snowpane::System
{

NixpkgsSource readNixpkgsSource(const QString &configurationDirectory, const QString &channelsProfile)
{
    Q_UNUSED(configurationDirectory);
    Q_UNUSED(channelsProfile);
    return {};
}

QList<NixpkgsSource> readFlakeInputs(const QString &flakeLockFile)
{
    Q_UNUSED(flakeLockFile);
    return {};
}

}
