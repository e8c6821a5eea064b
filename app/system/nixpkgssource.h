// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Snowpane::System
{

/// Which nixpkgs a configuration is built from, as far as its files tell.
struct NixpkgsSource {
    enum class Kind {
        Channel,
        Flake,
        Unknown,
    };
    Kind kind = Kind::Unknown;
    QString name; // "nixos" channel or "nixpkgs" input
    QString revision; // full git revision when known
    QString version; // e.g. 24.11.20241120.bc3c6a1 when known
    QDateTime date; // when that nixpkgs was made (lastModified / channel date); invalid when unknown
    QString where; // the lock file or channel path it was read from
};

/**
 * The nixpkgs the configuration in `configurationDirectory` uses: flake.lock's `nixpkgs` input when flake.nix exists, else the `nixos` channel under
 * `channelsProfile`. A channel's date is the day in its version suffix (".20241120.bc3c6a1"); when the suffix counts commits instead, as real
 * channels' do, it is when root fetched it (the time of the profile's current generation).
 */
[[nodiscard]] NixpkgsSource readNixpkgsSource(const QString &configurationDirectory, const QString &channelsProfile);
/** Every input of a flake.lock with revision and date, for the update's before/after. */
[[nodiscard]] QList<NixpkgsSource> readFlakeInputs(const QString &flakeLockFile);

}

/// The same names in the spelling of the privileged layer's namespaces.
namespace Snowpane::System
{
using Snowpane::System::NixpkgsSource;
using Snowpane::System::readFlakeInputs;
using Snowpane::System::readNixpkgsSource;
}
