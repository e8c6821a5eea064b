// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "e2eworld.h"
#include "generationcleanup.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <sys/types.h>

/**
 * What the privileged client's scenarios read and do beside running jobs:
 * the stand-in's state, git in the configuration, and the helper's own
 * cancel method called as any program on the bus could.
 */
namespace EndToEnd
{

/// Where a link leads in the end.
[[nodiscard]] QString linkTarget(const QString &path);
/// The stand-in switch-to-configuration's activations, oldest first.
[[nodiscard]] QStringList activations();
/// The configuration's git history, newest first, as "HASH subject".
[[nodiscard]] QStringList gitLog();
/// configuration.nix as it is now.
[[nodiscard]] QString configText();
/// A job's state, error and last lines, for a failing check's message.
[[nodiscard]] QString describe(const Snowpane::Privileged::PrivilegedJob &job);

/// A derivation that takes `seconds` to build, different on every call so Nix never has it already.
[[nodiscard]] QString slowPackage(int seconds = 120);
/// Files through which cancelOnlyByItsCaller (the allowed user) and foreignCancel (another user) meet.
[[nodiscard]] QString cancelTargetFile();
[[nodiscard]] QString foreignVerdictFile();
/// The helper's cancel method for `request`: "refused", "accepted", or "error: …".
[[nodiscard]] QString callCancel(const QString &request);
/// KAuth's own stop, which takes no request and is open to every caller; true when the bus answered.
[[nodiscard]] bool callKAuthStop(const QString &action);

[[nodiscard]] QString withPackage(const QString &text, const QString &package);
[[nodiscard]] QString withTimeZone(const QString &text, const QString &zone);

/// Whether the repository in `directory` holds a blob of exactly `content`: "present", "absent", or "error: …".
[[nodiscard]] QString blobState(const QString &directory, const QByteArray &content);
/// A file's permission bits, without following a link; -1 when it cannot be read.
[[nodiscard]] mode_t modeOf(const QString &path);
/// git's trimmed standard output in `directory`.
[[nodiscard]] QString gitIn(const QString &directory, const QStringList &arguments);

/// What the window's cleanup dialog lists for a rule (GenerationSpace::planFor).
[[nodiscard]] QList<int>
windowPreview(const QString &profile, const QString &bootedLink, const QString &runningLink, Snowpane::System::CleanupRule rule, int count);
/// A profile's generation links ("system-3-link", …), by name.
[[nodiscard]] QStringList generationLinks(const QString &profile);
/// Whether a slowPackage builder is still running anywhere.
[[nodiscard]] bool sleepingBuildersLeft();

}

#define VERIFY_SUCCEEDED(job) QVERIFY2((job).state() == Snowpane::Privileged::PrivilegedJob::State::Succeeded, qPrintable(EndToEnd::describe(job)))
