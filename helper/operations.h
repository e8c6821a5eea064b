// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "confineddirectory.h"
#include "gitstore.h"
#include "helperconfig.h"
#include "helperprotocol.h"
#include "nixlogparser.h"
#include "processrunner.h"
#include "validation.h"

#include <QVariantMap>

#include <functional>
#include <optional>

namespace Snowpane::Helper
{

/** How an operation reaches its caller: progress out, a stop request in. */
struct OperationContext {
    std::function<void(const QVariantMap &)> sendProgress;
    std::function<bool()> stopRequested;
    /** The git author of commits made for this caller. */
    QString authorName = QStringLiteral("Snowpane");
};

struct OperationResult {
    std::optional<Protocol::HelperError> error;
    QString message;
    QVariantMap data;
    std::optional<NixError> nixError;

    static OperationResult success(QVariantMap data)
    {
        OperationResult r;
        r.data = std::move(data);
        return r;
    }
    static OperationResult failure(Protocol::HelperError error, QString message)
    {
        OperationResult r;
        r.error = error;
        r.message = std::move(message);
        return r;
    }
};

/**
 * The failure a command that did not succeed makes: cancelled, timed out, or
 * failed with Nix's own error when the parser saw one (else the last
 * "error:" line it logged, else the exit status).
 */
[[nodiscard]] OperationResult fromOutcome(const Command &command, const CommandOutcome &outcome, const NixLogParser *parser);

/**
 * What each action does, as root, once its arguments have been parsed.
 * Every path comes from HelperConfig and every program is run by absolute
 * path with a fixed environment. Knows nothing of KAuth, so tests can drive
 * it directly; SnowpaneHelper wraps it in the D-Bus slots.
 */
class Operations
{
public:
    Operations(HelperConfig config, OperationContext context);

    [[nodiscard]] OperationResult writeConfig(const WriteConfigRequest &request);
    [[nodiscard]] OperationResult rebuild(const RebuildRequest &request);
    [[nodiscard]] OperationResult switchGeneration(const SwitchGenerationRequest &request);
    [[nodiscard]] OperationResult initRepo(const InitRepoRequest &request);
    [[nodiscard]] OperationResult restoreConfig(const RestoreConfigRequest &request);
    [[nodiscard]] OperationResult deleteGenerations(const DeleteGenerationsRequest &request);
    /** The flake's inputs when the configuration is a flake, else root's channels. */
    [[nodiscard]] OperationResult updateSources(const UpdateSourcesRequest &request);
    /** Undoes a channel update never applied (rollbackchannels.cpp). */
    [[nodiscard]] OperationResult rollBackChannels(const RollBackChannelsRequest &request);

private:
    enum class Stoppable {
        Yes,
        No,
    };
    [[nodiscard]] CommandOutcome run(Command command, NixLogParser *parser, Stoppable stoppable);
    [[nodiscard]] Command activationCommand(const QString &system, RebuildMode mode) const;
    /** The generation the profile link points at, or 0. */
    [[nodiscard]] int currentGeneration() const;
    /** The store path `link` resolves to, if it is a symbolic link into the store. */
    [[nodiscard]] Checked<QString> resolveSystem(const QString &link) const;
    void report(const NixLogParser &parser, bool force);
    /** restoreconfig with `files`: only those files go back, each committed from the bytes in `commit`. */
    [[nodiscard]] OperationResult restoreFiles(const RestoreConfigRequest &request, const ConfinedDirectory &dir, const GitStore &git);
    /** restoreconfig of a whole commit, file by file through the confined writer (restoreconfig.cpp). */
    [[nodiscard]] OperationResult restoreAll(const RestoreConfigRequest &request, const ConfinedDirectory &dir, const GitStore &git);
    /** Whether the configuration is a flake: a regular flake.nix; a link or anything else is an error, never "no flake" (updatesources.cpp). */
    [[nodiscard]] Checked<bool> isFlake(const QString &directory) const;
    // updatesources (updatesources.cpp)
    [[nodiscard]] OperationResult updateFlake(const UpdateSourcesRequest &request, const ConfinedDirectory &dir);
    [[nodiscard]] OperationResult notAFlake(const UpdateSourcesRequest &request) const;
    [[nodiscard]] OperationResult updateChannels();

    HelperConfig m_config;
    OperationContext m_context;
    qint64 m_lastReport = 0;
};

}
