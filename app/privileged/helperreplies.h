// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "jobrunner.h"

#include <QDateTime>
#include <QList>
#include <QVariantMap>

/**
 * The helper's replies, read once, here: the progress events it sends and the
 * reply data of each action, decoded into plain structs with the keys of
 * helperprotocol.h. Controllers read these structs, never the maps.
 */
namespace Snowpane::Privileged
{

/** A "progress" event's counters and lines. */
[[nodiscard]] Progress progressOf(const QVariantMap &event);
/** Where a failed "finished" event says the error is. */
[[nodiscard]] ErrorLocation errorLocationOf(const QVariantMap &finishedEvent);
/** The reply data a failed "finished" event still carries (updatesources: previousCommit after a save commit). */
[[nodiscard]] QVariantMap failureDataOf(const QVariantMap &finishedEvent);

struct WriteConfigReply {
    QString commit;
    bool changed = false;
    /// The commit of changes made outside Snowpane, which the helper committed before saving; empty when there were none.
    QString savedBefore;
};
[[nodiscard]] WriteConfigReply writeConfigReplyOf(const QVariantMap &reply);

/** rebuild and switchgeneration. */
struct RebuildReply {
    QString mode;
    QString storePath;
    /// The profile's new generation; 0 for the modes that add none (build, test, dry-*).
    int generation = 0;
};
[[nodiscard]] RebuildReply rebuildReplyOf(const QVariantMap &reply);

struct DeleteGenerationsReply {
    QList<int> deleted;
};
[[nodiscard]] DeleteGenerationsReply deleteGenerationsReplyOf(const QVariantMap &reply);

/** One input or channel before and after an update. */
struct SourceChange {
    QString name;
    QString revisionBefore;
    QString revisionAfter;
    QDateTime dateBefore;
    QDateTime dateAfter;
};

struct UpdateSourcesReply {
    enum class Kind {
        Unknown,
        Channels,
        Flake,
    };
    Kind kind = Kind::Unknown;
    bool changed = false;
    /// Flake: the commit of flake.lock; empty when nothing changed.
    QString commit;
    /// Flake: the commit before the update, for restoreconfig.
    QString previousCommit;
    /// Flake, optional: why a changed lock has no commit.
    QString note;
    /// Flake: the inputs whose revision changed (unchanged ones left out), with dates.
    QList<SourceChange> inputs;
    /// Channels: each channel whose generation changed; revisions only (the reply has no dates).
    QList<SourceChange> channels;
    /// Channels: root's channels profile before and after (one profile holds every channel).
    int oldChannelsGeneration = 0;
    int newChannelsGeneration = 0;
};
[[nodiscard]] UpdateSourcesReply updateSourcesReplyOf(const QVariantMap &reply);
[[nodiscard]] QString kindName(UpdateSourcesReply::Kind kind);
[[nodiscard]] UpdateSourcesReply::Kind kindFromName(const QString &name);

}
