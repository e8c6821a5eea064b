// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "dryactivation.h"
#include "helperreplies.h"
#include "nixpkgssource.h"

namespace Snowpane::Ui
{

/**
 * An update that was checked and waits for review: what is needed to show
 * it after a restart and to put its sources back. Kept in the window state
 * as JSON, so that a restart can still discard it; the machine is checked
 * against it when it is read back (whyNoLongerWaiting).
 */
struct PendingUpdate {
    using Kind = Privileged::UpdateSourcesReply::Kind;
    Kind kind = Kind::Unknown;
    /// Flake: the commit before the update, whose flake.lock a discard restores.
    QString previousCommit;
    /// Channels: root's channels profile before and after the update.
    int oldChannelsGeneration = 0;
    int newChannelsGeneration = 0;
    /// The system profile's generation when the check ran: a newer one means a rebuild used the updated sources.
    int systemGeneration = 0;
    /// The check ran to its end (build, comparison and dry-activate), so the units are known.
    bool complete = false;
    /// The store path of the system built for the update; empty until built.
    QString builtSystem;
    QList<Privileged::SourceChange> sources;
    System::UnitChanges units;

    [[nodiscard]] bool isEmpty() const
    {
        return kind == Kind::Unknown;
    }
    /// Takes in what an updatesources reply says (kind, commit, channel generations, sources).
    void takeReply(const Privileged::UpdateSourcesReply &reply);

    [[nodiscard]] QString toJson() const;
    /** Reads toJson()'s text; an empty update for anything else. */
    [[nodiscard]] static PendingUpdate fromJson(const QString &text);

    /** Why the sources cannot be put back (what is needed is unknown); empty when they can. */
    [[nodiscard]] QString whyTakeBackImpossible() const;
    /** The request that puts the sources back: flake.lock alone, or exactly the channels' generation before. */
    [[nodiscard]] Privileged::Request takeBackRequest() const;
    /**
     * Why the update no longer matches the machine (applied since, or its
     * sources moved); empty while it still does. @p systemGenerationNow and
     * @p channelsGenerationNow are 0 when unknown, and then prove nothing.
     */
    [[nodiscard]] QString whyNoLongerWaiting(int systemGenerationNow, int channelsGenerationNow, const System::NixpkgsSource &sourceNow) const;
};

/// Root's channels profile beside the system profile @p systemProfile, as NixOS lays them out.
[[nodiscard]] QString channelsProfileOf(const QString &systemProfile);
/// The generation the channels profile @p channelsProfile points at ("channels-12-link" → 12); 0 when there is none.
[[nodiscard]] int channelsGenerationOf(const QString &channelsProfile);

}
