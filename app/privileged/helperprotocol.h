// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <chrono>

/**
 * What the client and the root helper agree on: the helper id, one KAuth
 * action per operation, argument keys, the helper's own error codes and its
 * time bounds. Both sides include this header, so a rename cannot leave them
 * out of step. Plain constants only: the helper must not pull in client code.
 */
namespace Snowpane::Protocol
{

inline constexpr char HelperId[] = "io.github.snowpane";

namespace Action
{
inline constexpr char WriteConfig[] = "io.github.snowpane.writeconfig";
inline constexpr char Rebuild[] = "io.github.snowpane.rebuild";
inline constexpr char SwitchGeneration[] = "io.github.snowpane.switchgeneration";
inline constexpr char InitRepo[] = "io.github.snowpane.initrepo";
inline constexpr char RestoreConfig[] = "io.github.snowpane.restoreconfig";
inline constexpr char DeleteGenerations[] = "io.github.snowpane.deletegenerations";
inline constexpr char UpdateSources[] = "io.github.snowpane.updatesources";
inline constexpr char RollBackChannels[] = "io.github.snowpane.rollbackchannels";
}

/**
 * The helper's own cancel method. KAuth's stopAction is not used: any caller
 * may send it and it is not tied to an operation. This one names the
 * request id and only stops an operation the same user started.
 */
namespace Cancel
{
inline constexpr char ObjectPath[] = "/io/github/snowpane/Cancel";
inline constexpr char Interface[] = "io.github.snowpane.Cancel";
inline constexpr char Method[] = "cancel";
}

namespace Key
{
/** A client-chosen id echoed in every progress map, so a client can tell its own operation from another client's. */
inline constexpr char Request[] = "request";
inline constexpr char Names[] = "names";
inline constexpr char Contents[] = "contents";
inline constexpr char Message[] = "message";
inline constexpr char Mode[] = "mode";
inline constexpr char Host[] = "host";
inline constexpr char Generation[] = "generation";
inline constexpr char Commit[] = "commit";
/** restoreconfig: only these files of the commit (names relative to the configuration directory); all when absent. */
inline constexpr char Files[] = "files";
inline constexpr char KeepLast[] = "keepLast";
inline constexpr char OlderThanDays[] = "olderThanDays";
/** deletegenerations: the numbers the window listed for the rule (a list of ints); the helper deletes exactly these or none. */
inline constexpr char Generations[] = "generations";
/** updatesources: one flake input to update (all when absent). */
inline constexpr char Input[] = "input";
/** rollbackchannels: the channels profile's generation the update made, which is deleted. */
inline constexpr char From[] = "from";
/** rollbackchannels: the generation before the update, made current again. */
inline constexpr char To[] = "to";
}

/**
 * Keys of the helpers' reply data. Each action's reply names the keys it
 * carries; the client reads them through app/privileged's helperreplies.h.
 */
namespace Reply
{
// writeconfig: commit (head after), changed (bool), savedBefore (the commit of outside changes made first, or empty), files.
// rebuild: mode, storePath, generation (not for build and dry-*), commit (the configuration's, when known), noteError, recentLines, steps.
// switchgeneration: generation, storePath, mode, steps. initrepo: commit, tracked, leftPrivate. restoreconfig: commit, restored, files, changed.
// deletegenerations: deleted (list of numbers), steps.
inline constexpr char SavedBefore[] = "savedBefore";
inline constexpr char Files[] = "files";
inline constexpr char Mode[] = "mode";
inline constexpr char StorePath[] = "storePath";
inline constexpr char Generation[] = "generation";
inline constexpr char NoteError[] = "noteError";
inline constexpr char RecentLines[] = "recentLines";
/** A list of maps with the Step* keys: each program the helper ran and how it ended. */
inline constexpr char Steps[] = "steps";
inline constexpr char StepName[] = "name";
inline constexpr char StepExitCode[] = "exitCode";
inline constexpr char StepSucceeded[] = "succeeded";
inline constexpr char Restored[] = "restored";
// initrepo, besides commit: what the first commit holds, and the files left out because others cannot read them.
inline constexpr char Tracked[] = "tracked";
inline constexpr char LeftPrivate[] = "leftPrivate";
// a full restoreconfig, besides commit, restored and changed: the untracked and ignored files it left as they were.
inline constexpr char LeftAlone[] = "leftAlone";
inline constexpr char Deleted[] = "deleted";
// updatesources:
inline constexpr char Kind[] = "kind"; // "channels" or "flake"
inline constexpr char Changed[] = "changed"; // bool
inline constexpr char Commit[] = "commit"; // flake: the commit of flake.lock (empty when nothing changed)
inline constexpr char PreviousCommit[] =
    "previousCommit"; // flake: the commit before the update, for restoreconfig; also in a failure's data after a save commit
inline constexpr char Note[] = "note"; // flake, optional: why a changed lock has no commit (flake.lock is gitignored)
inline constexpr char Inputs[] = "inputs"; // flake: list of maps with the Input* keys
inline constexpr char Channels[] = "channels"; // channels: list of maps with the Channel* keys
inline constexpr char InputName[] = "name";
inline constexpr char OldRevision[] = "oldRevision";
inline constexpr char NewRevision[] = "newRevision";
inline constexpr char OldDate[] = "oldDate"; // ISO 8601, UTC
inline constexpr char NewDate[] = "newDate";
inline constexpr char ChannelName[] = "name";
inline constexpr char OldGeneration[] = "oldGeneration"; // int
inline constexpr char NewGeneration[] = "newGeneration";
// Channels also carry OldRevision and NewRevision: the channel's .git-revision before and after.
inline constexpr char KindChannels[] = "channels";
inline constexpr char KindFlake[] = "flake";
}

/** Keys of the maps sent with HelperSupport::progressStep(). */
namespace Progress
{
inline constexpr char Event[] = "event"; // one of the Event* values
inline constexpr char EventAccepted[] = "accepted";
inline constexpr char EventProgress[] = "progress";
inline constexpr char EventHeartbeat[] = "heartbeat";
inline constexpr char EventFinished[] = "finished";
inline constexpr char Phase[] = "phase"; // one of the Phase* values
inline constexpr char PhaseEvaluating[] = "evaluating";
inline constexpr char PhaseBuilding[] = "building";
inline constexpr char PhaseFetching[] = "fetching";
inline constexpr char PhaseActivating[] = "activating";
inline constexpr char PhaseCommitting[] = "committing";
inline constexpr char PhaseCollecting[] = "collecting";
inline constexpr char DerivationsDone[] = "derivationsDone";
inline constexpr char DerivationsExpected[] = "derivationsExpected";
inline constexpr char BytesDone[] = "bytesDone";
inline constexpr char BytesExpected[] = "bytesExpected";
inline constexpr char Activity[] = "activity";
inline constexpr char RecentLines[] = "recentLines";
inline constexpr char ErrorCode[] = "errorCode";
inline constexpr char ErrorMessage[] = "errorMessage";
inline constexpr char ErrorFile[] = "errorFile";
inline constexpr char ErrorLine[] = "errorLine";
inline constexpr char ErrorColumn[] = "errorColumn";
/** In a failed "finished" event: the reply data a failure still carries (updatesources: previousCommit after a save commit). */
inline constexpr char FailureData[] = "failureData";
}

/**
 * Codes of ActionReply::HelperErrorReply(code). They start at 100 so that
 * they never collide with KAuth's own ActionReply::Error values (0–9), which
 * arrive through the same KJob::error().
 */
enum class HelperError : int {
    Failed = 100,
    Busy = 101,
    Cancelled = 102,
    InvalidArguments = 103,
    TimedOut = 104,
    Misconfigured = 105,
};

/** How long the helper lets each kind of step run before it stops it. */
namespace Bound
{
using namespace std::chrono_literals;
inline constexpr std::chrono::milliseconds Build = 4h; // evaluation and build
inline constexpr std::chrono::milliseconds Activation = 1h; // switch-to-configuration
inline constexpr std::chrono::milliseconds Profile = 10min; // nix-env on the system profile
inline constexpr std::chrono::milliseconds GarbageCollection = 2h;
inline constexpr std::chrono::milliseconds ParseCheck = 1min; // per file, with nix-instantiate
inline constexpr std::chrono::milliseconds SourceUpdate = 1h; // all downloads of one update together: the channels' or nix flake update
}

/** The longest one action can take in the helper: the sum of the bounds of its steps. */
[[nodiscard]] constexpr std::chrono::milliseconds helperBound(const char *actionName)
{
    using namespace std::chrono_literals;
    const auto same = [](const char *a, const char *b) {
        while (*a && *a == *b) {
            ++a;
            ++b;
        }
        return *a == *b;
    };
    if (same(actionName, Action::Rebuild)) {
        return Bound::Build + Bound::Profile + Bound::Activation;
    }
    if (same(actionName, Action::SwitchGeneration)) {
        return Bound::Profile + Bound::Activation;
    }
    if (same(actionName, Action::UpdateSources)) {
        return Bound::SourceUpdate + Bound::Profile;
    }
    if (same(actionName, Action::RollBackChannels)) {
        return 2 * Bound::Profile; // nix-env --switch-generation, then --delete-generations
    }
    if (same(actionName, Action::DeleteGenerations)) {
        return Bound::Profile + Bound::GarbageCollection;
    }
    return 64 * Bound::ParseCheck; // writeconfig checks up to 64 files; git needs seconds
}

/** The D-Bus timeout the client sets: the helper's bound plus time for the authentication dialog. */
[[nodiscard]] constexpr std::chrono::milliseconds clientTimeout(const char *actionName)
{
    using namespace std::chrono_literals;
    return helperBound(actionName) + 10min;
}

}
