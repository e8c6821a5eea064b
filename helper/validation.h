// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"
#include "generationcleanup.h"

#include <QDateTime>
#include <QStringList>
#include <QVariantMap>

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

/**
 * Pure checks of everything a caller sends to the helper. They look at
 * values only, never at the file system, so each can be tested with hostile
 * input in isolation. The helper calls one parse*() function per action and
 * acts on the typed request it returns.
 */
namespace Snowpane::Helper
{

inline constexpr qsizetype MaxContentBytes = 4 * 1024 * 1024;
inline constexpr qsizetype MaxNameBytes = 1024;
inline constexpr qsizetype MaxComponentBytes = 255;
inline constexpr int MaxComponents = 16;
inline constexpr int MaxFilesPerWrite = 64;
/** restoreconfig's `files`: the few a discard names, never a whole tree. */
inline constexpr int MaxFilesPerRestore = 32;
inline constexpr qsizetype MaxMessageChars = 4096;
/** deletegenerations' `generations`: more than a profile of years of daily rebuilds holds. */
inline constexpr int MaxGenerationsPerDelete = 10000;

enum class RebuildMode {
    Switch,
    Boot,
    Test,
    Build,
    DryBuild,
    DryActivate,
};

[[nodiscard]] QString modeName(RebuildMode mode);
/** Whether the mode makes the new system the profile's current generation (and so the boot default). */
[[nodiscard]] bool modeSetsProfile(RebuildMode mode);
/** Whether the mode runs switch-to-configuration of the built system. */
[[nodiscard]] bool modeActivates(RebuildMode mode);

/** A file name relative to the configuration directory, split into its components. */
struct RelativeName {
    QString text;
    QStringList components;
};

// Single values. Each accepts exactly the QVariant types it names and nothing else.
[[nodiscard]] Checked<RelativeName> validateRelativeName(const QVariant &value);
/** A file restoreconfig may take back alone: a name as validateRelativeName's, or a `flake.lock`. */
[[nodiscard]] Checked<RelativeName> validateRestoredName(const QVariant &value);
/** A path from the git history that a full restoreconfig writes: the same rules as validateRelativeName's, of any file type. */
[[nodiscard]] Checked<RelativeName> validateTrackedPath(const QString &path);
[[nodiscard]] Checked<QByteArray> validateContent(const QVariant &value);
[[nodiscard]] Checked<RebuildMode> validateRebuildMode(const QVariant &value);
/** `switch` or `boot`: the only modes that make sense for an existing generation. */
[[nodiscard]] Checked<RebuildMode> validateGenerationMode(const QVariant &value);
[[nodiscard]] Checked<QString> validateHost(const QVariant &value);
[[nodiscard]] Checked<int> validateGeneration(const QVariant &value);
/** A non-empty list of distinct generation numbers (a QVariantList of whole numbers), at most MaxGenerationsPerDelete; ascending. */
[[nodiscard]] Checked<std::vector<int>> validateGenerationList(const QVariant &value);
[[nodiscard]] Checked<QString> validateCommitId(const QVariant &value);
[[nodiscard]] Checked<QString> validateCommitMessage(const QVariant &value);
[[nodiscard]] Checked<QString> validateRequestId(const QVariant &value);
/** The name of one of a flake's own inputs, as `nix flake update NAME` takes it: a Nix identifier, no path, no option. */
[[nodiscard]] Checked<QString> validateFlakeInputName(const QVariant &value);
/** A whole number in [minimum, maximum], from an integer QVariant only (no strings, doubles or booleans). */
[[nodiscard]] Checked<qint64> validateInteger(const QVariant &value, qint64 minimum, qint64 maximum);
/** A QStringList, or a QVariantList whose every element is a QString. */
[[nodiscard]] Checked<QStringList> validateStringList(const QVariant &value, int maximumCount);
/** Fails on any key outside `allowed`, so a misspelt or smuggled argument is never silently ignored. */
[[nodiscard]] Checked<Done> checkKeys(const QVariantMap &arguments, const std::set<QString> &allowed);

// Whole requests, one per action.
struct WriteConfigRequest {
    QString request;
    std::vector<RelativeName> names;
    std::vector<QByteArray> contents;
    QString message;
};
struct RebuildRequest {
    QString request;
    RebuildMode mode = RebuildMode::Build;
    QString host; // empty: the machine's host name
};
struct SwitchGenerationRequest {
    QString request;
    int generation = 0;
    RebuildMode mode = RebuildMode::Switch;
};
struct InitRepoRequest {
    QString request;
};
struct RestoreConfigRequest {
    QString request;
    QString commit;
    std::vector<RelativeName> files; // only these files of the commit; all of them when empty
};
struct UpdateSourcesRequest {
    QString request;
    QString input; // flakes: one input; empty: all of them
};
/** Undoes a channel update never applied: `from` (current, made by the update) is deleted, `to` made current. */
struct RollBackChannelsRequest {
    QString request;
    int from = 0;
    int to = 0;
};
/**
 * Deletes exactly `generations`, the ones the window listed for `rule` with
 * `count`; the helper re-checks each against the rule and the protected set.
 */
struct DeleteGenerationsRequest {
    QString request;
    Snowpane::System::CleanupRule rule = Snowpane::System::CleanupRule::KeepLast;
    int count = 0;
    std::vector<int> generations;
};

[[nodiscard]] Checked<WriteConfigRequest> parseWriteConfig(const QVariantMap &arguments);
[[nodiscard]] Checked<RebuildRequest> parseRebuild(const QVariantMap &arguments);
[[nodiscard]] Checked<SwitchGenerationRequest> parseSwitchGeneration(const QVariantMap &arguments);
[[nodiscard]] Checked<InitRepoRequest> parseInitRepo(const QVariantMap &arguments);
[[nodiscard]] Checked<RestoreConfigRequest> parseRestoreConfig(const QVariantMap &arguments);
[[nodiscard]] Checked<DeleteGenerationsRequest> parseDeleteGenerations(const QVariantMap &arguments);
[[nodiscard]] Checked<UpdateSourcesRequest> parseUpdateSources(const QVariantMap &arguments);
[[nodiscard]] Checked<RollBackChannelsRequest> parseRollBackChannels(const QVariantMap &arguments);

}
