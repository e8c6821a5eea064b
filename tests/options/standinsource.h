// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The stand-in system as an option source, for the tests that evaluate it
// with real Nix.

#include "optionsource.h"

#include <QDir>
#include <QProcessEnvironment>

namespace StandInSource
{

using namespace Qt::StringLiterals;

[[nodiscard]] inline QString fixtures()
{
    return QDir(QStringLiteral(SNOWPANE_FIXTURES_DIR)).canonicalPath();
}

// Offline, no caller's NIX_PATH: each source names its nixpkgs.
[[nodiscard]] inline QProcessEnvironment nixEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"NIX_CONFIG"_s, u"substituters =\nexperimental-features = nix-command flakes"_s);
    environment.remove(u"NIX_PATH"_s);
    environment.remove(u"NIXOS_CONFIG"_s);
    return environment;
}

/** A classic configuration evaluated with the stand-in nixpkgs. */
[[nodiscard]] inline Snowpane::Options::OptionSource classic(const QString &configuration)
{
    Snowpane::Options::OptionSource source;
    source.kind = Snowpane::Options::OptionSource::Kind::Classic;
    source.configuration = configuration;
    source.nixpkgs = fixtures() + u"/nixpkgs"_s;
    source.environment = nixEnvironment();
    return source;
}

} // namespace StandInSource
