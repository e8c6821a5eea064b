// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "remoteerror.h"
#include "remotegenerations.h"

#include "dryactivation.h"
#include "packagediff.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Snowpane::Remote
{

class SshClient;

/**
 * What deploying a new system to a machine would change, read on that
 * machine before anything changes there: the package difference against
 * its /run/current-system (both closures read through its own store), the
 * kernel before and after with a reboot note, and the units a
 * `switch-to-configuration dry-activate` there would stop, restart, start
 * and reload. A gadget, so that a page can show one as it is.
 */
struct DeployPreview {
    Q_GADGET
    Q_PROPERTY(QString currentSystem MEMBER currentSystem)
    Q_PROPERTY(QString newSystem MEMBER newSystem)
    Q_PROPERTY(QString kernelBefore MEMBER kernelBefore)
    Q_PROPERTY(QString kernelAfter MEMBER kernelAfter)
    Q_PROPERTY(bool rebootNeeded MEMBER rebootNeeded)
    Q_PROPERTY(bool sameSystem READ isSameSystem)
    Q_PROPERTY(int packagesAdded READ packagesAdded)
    Q_PROPERTY(int packagesRemoved READ packagesRemoved)
    Q_PROPERTY(int packagesChanged READ packagesChanged)
    Q_PROPERTY(qint64 closureSizeBefore READ closureSizeBefore)
    Q_PROPERTY(qint64 closureSizeAfter READ closureSizeAfter)
    Q_PROPERTY(QStringList unitsToStop READ unitsToStop)
    Q_PROPERTY(QStringList unitsToRestart READ unitsToRestart)
    Q_PROPERTY(QStringList unitsToStart READ unitsToStart)
    Q_PROPERTY(QStringList unitsToReload READ unitsToReload)
    Q_PROPERTY(bool systemdRestarts READ systemdRestarts)
    Q_PROPERTY(QString error MEMBER message)

public:
    /// What the machine runs now; empty when it runs no NixOS system yet.
    QString currentSystem;
    QString newSystem;
    /// Every package change, for a list view (the Generations page's model takes the same).
    System::PackageDiff packages;
    QString kernelBefore;
    QString kernelAfter;
    /// The new system's kernel, initrd or modules differ from the booted system's: it is fully in use only after a reboot.
    bool rebootNeeded = false;
    System::UnitChanges units;
    /// What dry-activate printed, as it printed it.
    QStringList dryActivationLog;
    RemoteError error = RemoteError::None;
    QString message;

    [[nodiscard]] bool isValid() const
    {
        return error == RemoteError::None;
    }
    [[nodiscard]] bool isSameSystem() const
    {
        return !currentSystem.isEmpty() && currentSystem == newSystem;
    }
    [[nodiscard]] int packagesAdded() const;
    [[nodiscard]] int packagesRemoved() const;
    /// Upgraded, downgraded, changed or only (de)selected.
    [[nodiscard]] int packagesChanged() const;
    [[nodiscard]] qint64 closureSizeBefore() const
    {
        return packages.sizeBefore;
    }
    [[nodiscard]] qint64 closureSizeAfter() const
    {
        return packages.sizeAfter;
    }
    [[nodiscard]] QStringList unitsToStop() const
    {
        return units.stop;
    }
    [[nodiscard]] QStringList unitsToRestart() const
    {
        return units.restart;
    }
    [[nodiscard]] QStringList unitsToStart() const
    {
        return units.start;
    }
    [[nodiscard]] QStringList unitsToReload() const
    {
        return units.reload;
    }
    [[nodiscard]] bool systemdRestarts() const
    {
        return units.restartSystemd;
    }
};

/**
 * Compares @p newSystem, already copied into the machine's store, with the
 * system it runs, in one ssh round trip that changes nothing (as
 * nixos-rebuild dry-activate does after its copy).
 */
[[nodiscard]] DeployPreview previewOnMachine(const SshClient &client, const QString &newSystem, const RemotePaths &paths = {});

/// Reads the preview script's output; exposed for tests.
[[nodiscard]] DeployPreview previewFromOutput(const QString &output);

} // namespace Snowpane::Remote

Q_DECLARE_METATYPE(Snowpane::Remote::DeployPreview)
