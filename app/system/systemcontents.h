// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Snowpane::System
{

/// What a NixOS system's store path says about itself.
struct SystemContents {
    /// `nixos-version`'s first line; empty when the file is missing.
    QString nixosVersion;
    /// The name in `kernel-modules/lib/modules` (or the kernel package's own lib/modules).
    QString kernelVersion;
    /// What `sw/bin/nixos-version --configuration-revision` prints.
    QString configurationRevision;
    QStringList specialisations;
};

/**
 * Resolves the links of one profile directory to the store paths they name,
 * with a readlink and an open each instead of a realpath (which reads every
 * component of both paths): the canonical form of each link target's
 * directory is looked up once per resolver.
 */
class SystemLinkResolver
{
public:
    struct Resolved {
        /// The canonical store path; empty when the link is dangling.
        QString storePath;
        /// What the link names, for messages about a dangling link.
        QString target;
    };
    [[nodiscard]] Resolved resolve(const QString &linkPath);

private:
    QHash<QString, QString> m_canonicalDirectories;
};

/**
 * The contents of the system at @p storePath, which must be canonical.
 * Paths in /nix/store never change, so each is read once per process:
 * listing the generations again (after a rebuild, say) costs a link lookup
 * each. Paths elsewhere (tests' fake stores) are read every time.
 */
[[nodiscard]] SystemContents systemContentsOf(const QString &storePath);

} // namespace Snowpane::System
