// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace Snowpane::System
{

/**
 * Where the managed system lives. The defaults are the NixOS locations; tests
 * and the demo point the same code at a stand-in system by changing them.
 */
struct SystemPaths {
    QString configurationDirectory = QStringLiteral("/etc/nixos");
    QString profile = QStringLiteral("/nix/var/nix/profiles/system");
    QString currentSystem = QStringLiteral("/run/current-system");
    QString bootedSystem = QStringLiteral("/run/booted-system");

    /// The layout that tests/fixtures/make-demo-system creates under @p root.
    [[nodiscard]] static SystemPaths demo(const QString &root);
};

/**
 * The host name of the system that @p systemPath (a toplevel store path or a
 * link to one) describes, read from its `etc/hostname` as NixOS writes it.
 * Empty when the system does not say.
 */
[[nodiscard]] QString hostNameOfSystem(const QString &systemPath);

} // namespace Snowpane::System
