// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "generation.h"
#include "generationcleanup.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Snowpane::System
{

/**
 * Reads the generations of a system profile (`/nix/var/nix/profiles/system`
 * and its `system-N-link` siblings) the way `nixos-rebuild list-generations`
 * does. A profile that does not exist is an error; a broken generation is not:
 * it is listed with what could be read and a `problem`.
 */
class ClosureReader;
class SystemLinkResolver;

class GenerationReader
{
public:
    explicit GenerationReader(QString profilePath);

    /// Marks generations as booted and running by these links (empty: skip).
    void setSystemLinks(const QString &bootedSystem, const QString &runningSystem);
    /// Fills in closure sizes through @p reader, which must outlive readAll(); null: skip.
    void setClosureReader(ClosureReader *reader);
    /// The `system-N-link` of generation @p number, whether or not it exists.
    [[nodiscard]] QString linkPathOf(int number) const;

    struct Result {
        /// Newest first, as nixos-rebuild lists them.
        QList<Generation> generations;
        /// Set when the profile itself cannot be read.
        QString error;
    };

    [[nodiscard]] Result readAll() const;
    [[nodiscard]] std::optional<Generation> readCurrent() const;
    /// The generation whose store path @p systemLink (e.g. /run/booted-system) points at.
    [[nodiscard]] std::optional<int> generationOfSystem(const QString &systemLink) const;

    /// Reads one `system-N-link`; exposed for tests of broken generations.
    [[nodiscard]] static Generation readGeneration(const QString &linkPath, int number);

private:
    [[nodiscard]] static Generation readGeneration(const QString &linkPath, int number, SystemLinkResolver &resolver);
    [[nodiscard]] QString currentLinkName() const;
    /// The (number, file name) of every `<profile>-N-link` beside the profile.
    [[nodiscard]] QList<std::pair<int, QString>> generationLinks() const;

    QString m_profilePath;
    QString m_bootedSystem;
    QString m_runningSystem;
    ClosureReader *m_closureReader = nullptr;
};

/** Generations as the shared cleanup rule (generationcleanup.h) takes them; the window's preview goes through this. */
[[nodiscard]] QList<CleanupCandidate> cleanupCandidatesOf(const QList<Generation> &generations);

} // namespace Snowpane::System
