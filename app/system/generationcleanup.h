// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

/**
 * Which generations "Remove old generations" deletes, written once for the
 * window's preview and the root helper's check. Only QtCore: the helper
 * links this library and nothing else of app/.
 */
namespace Snowpane::System
{

/** The rules of "Remove old generations", as the helper's deletegenerations takes them. */
enum class CleanupRule {
    KeepLast,
    OlderThanDays,
};

/** One generation as the cleanup sees it. */
struct CleanupCandidate {
    int number = 0;
    /// The `PROFILE-N-link`'s own time (lstat), as `nix-env --list-generations` shows it; never the store path's.
    QDateTime date;
    /// The store path the link resolves to; empty when it dangles.
    QString storePath;
};

/**
 * What no rule ever deletes: the profile's current generation, and any
 * generation whose system is the booted one or the running one
 * (/run/booted-system, /run/current-system).
 */
struct ProtectedSystems {
    int currentGeneration = 0;
    QString bootedStorePath;
    QString runningStorePath;

    /** Why @p generation is kept whatever the rule says ("the current generation"), or empty when nothing protects it. */
    [[nodiscard]] QString reasonToKeep(const CleanupCandidate &generation) const;
};

/**
 * The generations @p rule removes, ascending: beyond the newest @p count
 * (the position counts every generation, kept ones included), or dated more
 * than @p count days before @p now (an unknown date is never old); never a
 * protected one. Nothing for a @p count below 1.
 */
[[nodiscard]] QList<int>
generationsRemovedBy(const QList<CleanupCandidate> &generations, const ProtectedSystems &kept, CleanupRule rule, int count, const QDateTime &now);

/**
 * Checks a request to delete exactly @p requested: each must exist, must not
 * be protected and must be one @p rule selects. Returns why the first that
 * fails may not go, naming it ("generation 7 is …"), or an empty string when
 * all may go. The helper refuses the whole request on any refusal.
 */
[[nodiscard]] QString refusalToDelete(const QList<int> &requested,
                                      const QList<CleanupCandidate> &generations,
                                      const ProtectedSystems &kept,
                                      CleanupRule rule,
                                      int count,
                                      const QDateTime &now);

/** A link's own modification time (lstat, not through the link); invalid when it cannot be read. */
[[nodiscard]] QDateTime linkTime(const QString &path);

/** The number N of a `PROFILE-N-link` name for the profile named @p profileName, or 0 for any other name. */
[[nodiscard]] int generationNumberOfLink(QStringView name, QStringView profileName);

struct ProfileGenerations {
    /// Ascending by number.
    QList<CleanupCandidate> generations;
    /// The profile link's generation, 0 when it has none.
    int current = 0;
    QString error;
};

/** Every `PROFILE-N-link` next to @p profile (a symbolic link, never followed for its date), and the current one. */
[[nodiscard]] ProfileGenerations listProfileGenerations(const QString &profile);

} // namespace Snowpane::System
