// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QString>

/** What went wrong with a machine, in the kinds the Machines page puts in words. */
namespace MachineProblem
{
Q_NAMESPACE
QML_ELEMENT

enum Kind {
    None,
    Unreachable,
    AuthenticationRefused,
    /// Not known yet: the person checks the fingerprint and accepts it, or not.
    HostKeyUnknown,
    HostKeyChanged,
    NoNix,
    DiskFull,
    BuildFailed,
    CopyFailed,
    /// switch-to-configuration failed, and the machine went back to its previous generation.
    ActivationFailedRolledBack,
    /// switch-to-configuration failed, and nothing took the machine back.
    ActivationFailed,
    /// The new system was active, but no new connection succeeded: the machine rolls back by itself.
    RolledBack,
    /// The person stopped it; the detail says what had changed by then.
    Cancelled,
    Failed,
};
Q_ENUM_NS(Kind)
} // namespace MachineProblem

/**
 * One host of the flake as the Machines page lists it: where it goes, whether
 * it answers, what it runs, and when Snowpane last deployed it. The engine's
 * findings are filled in by the controller; the texts by MachineListModel.
 */
struct MachineStatus {
    Q_GADGET
    QML_VALUE_TYPE(machineStatus)
    QML_STRUCTURED_VALUE
    Q_PROPERTY(QString host MEMBER host)
    /// `ssh://user@machine:port`, as the person would type it.
    Q_PROPERTY(QString target MEMBER target)
    /// Which attribute said where the host goes: "deploy-rs", "colmena", "setting", "host name".
    Q_PROPERTY(QString targetSource MEMBER targetSource)
    Q_PROPERTY(bool thisMachine MEMBER thisMachine)
    /// A probe is running.
    Q_PROPERTY(bool probing MEMBER probing)
    /// A probe has answered (or failed) at least once.
    Q_PROPERTY(bool probed MEMBER probed)
    Q_PROPERTY(bool reachable MEMBER reachable)
    Q_PROPERTY(MachineProblem::Kind problem MEMBER problem)
    /// What the engine said, for the details.
    Q_PROPERTY(QString detail MEMBER detail)
    /// With HostKeyUnknown: the fingerprints the machine offers, one per line.
    Q_PROPERTY(QString hostKeyFingerprints MEMBER hostKeyFingerprints)
    Q_PROPERTY(int generation MEMBER generation)
    Q_PROPERTY(QString nixosVersion MEMBER nixosVersion)
    Q_PROPERTY(bool rebootPending MEMBER rebootPending)
    /// The kernel (or initrd, modules) changed, as against only a boot default that waits.
    Q_PROPERTY(bool kernelChanged MEMBER kernelChanged)
    Q_PROPERTY(QDateTime lastDeployed MEMBER lastDeployed)
    /// How the last deployment from this window ended, in words.
    Q_PROPERTY(QString lastOutcome MEMBER lastOutcome)
    // Filled by MachineListModel from the fields above.
    Q_PROPERTY(QString stateText MEMBER stateText)
    Q_PROPERTY(QString problemText MEMBER problemText)
    Q_PROPERTY(QString systemText MEMBER systemText)
    Q_PROPERTY(QString lastDeployedText MEMBER lastDeployedText)
    Q_PROPERTY(QString rebootText MEMBER rebootText)

public:
    QString host;
    QString target;
    QString targetSource;
    bool thisMachine = false;
    bool probing = false;
    bool probed = false;
    bool reachable = false;
    MachineProblem::Kind problem = MachineProblem::None;
    QString detail;
    QString hostKeyFingerprints;
    int generation = 0;
    QString nixosVersion;
    bool rebootPending = false;
    bool kernelChanged = false;
    QDateTime lastDeployed;
    QString lastOutcome;
    QString stateText;
    QString problemText;
    QString systemText;
    QString lastDeployedText;
    QString rebootText;
};

/** One host's row of the progress sheet: its step, what was copied, and its result. */
struct MachineProgress {
    Q_GADGET
    QML_VALUE_TYPE(machineProgress)
    QML_STRUCTURED_VALUE
    Q_PROPERTY(QString host MEMBER host)
    Q_PROPERTY(QString target MEMBER target)
    /// The step in words: "Waiting", "Building", "Copying", …
    Q_PROPERTY(QString stepText MEMBER stepText)
    Q_PROPERTY(qint64 bytesCopied MEMBER bytesCopied)
    Q_PROPERTY(int pathsCopied MEMBER pathsCopied)
    /// "12 paths, 3.4 MiB"; empty before anything was copied.
    Q_PROPERTY(QString copiedText MEMBER copiedText)
    /// The newest log line.
    Q_PROPERTY(QString line MEMBER line)
    Q_PROPERTY(bool finished MEMBER finished)
    Q_PROPERTY(bool succeeded MEMBER succeeded)
    Q_PROPERTY(MachineProblem::Kind problem MEMBER problem)
    /// The result in words: "Deployed as generation 4", or the problem's sentence.
    Q_PROPERTY(QString resultText MEMBER resultText)
    Q_PROPERTY(QString detail MEMBER detail)
    /// Magic rollback was scheduled on the machine and a fresh connection after the activation cancelled it.
    Q_PROPERTY(bool rollbackConfirmed MEMBER rollbackConfirmed)

public:
    QString host;
    QString target;
    QString stepText;
    qint64 bytesCopied = 0;
    int pathsCopied = 0;
    QString copiedText;
    QString line;
    bool finished = false;
    bool succeeded = false;
    MachineProblem::Kind problem = MachineProblem::None;
    QString resultText;
    QString detail;
    bool rollbackConfirmed = false;
};

/** One generation of a machine, read over SSH: the fields of the local list but the closure size. */
struct MachineGeneration {
    Q_GADGET
    QML_VALUE_TYPE(machineGeneration)
    Q_PROPERTY(int number MEMBER number CONSTANT)
    /// The `system-N-link`'s own time on the machine, as nix-env shows it.
    Q_PROPERTY(QDateTime date MEMBER date CONSTANT)
    Q_PROPERTY(QString dateText MEMBER dateText CONSTANT)
    /// The store path on the machine; empty when the link is dangling.
    Q_PROPERTY(QString storePath MEMBER storePath CONSTANT)
    Q_PROPERTY(QString nixosVersion MEMBER nixosVersion CONSTANT)
    Q_PROPERTY(QString kernelVersion MEMBER kernelVersion CONSTANT)
    Q_PROPERTY(QString configurationRevision MEMBER configurationRevision CONSTANT)
    Q_PROPERTY(QStringList specialisations MEMBER specialisations CONSTANT)
    Q_PROPERTY(bool current MEMBER current CONSTANT)
    Q_PROPERTY(bool running MEMBER running CONSTANT)
    Q_PROPERTY(bool booted MEMBER booted CONSTANT)
    /// Why a field could not be read; empty when all could.
    Q_PROPERTY(QString problem MEMBER problem CONSTANT)
    /// The machine's generation before this one, to compare with; 0 for the oldest.
    Q_PROPERTY(int previousNumber MEMBER previousNumber CONSTANT)

public:
    int number = 0;
    QDateTime date;
    QString dateText;
    QString storePath;
    QString nixosVersion;
    QString kernelVersion;
    QString configurationRevision;
    QStringList specialisations;
    bool current = false;
    bool running = false;
    bool booted = false;
    QString problem;
    int previousNumber = 0;
};
