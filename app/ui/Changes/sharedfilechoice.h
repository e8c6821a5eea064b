// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QQmlEngine>
#include <QString>
#include <QStringList>

/**
 * An edit that waits for the person's choice because it would change a file
 * other hosts of the flake include: change it for all of them, or override
 * it for the chosen host alone with a definition in the host's own file at a
 * priority that wins (lib.mkForce, shown in the diff). Empty (pending false)
 * when nothing waits.
 */
struct SharedFileChoice {
    Q_GADGET
    QML_VALUE_TYPE(sharedFileChoice)
    Q_PROPERTY(bool pending MEMBER pending CONSTANT)
    /// The edit in words ("Set time.timeZone to \"UTC\"").
    Q_PROPERTY(QString edit MEMBER edit CONSTANT)
    /// The shared file, relative to the configuration directory.
    Q_PROPERTY(QString file MEMBER file CONSTANT)
    Q_PROPERTY(QString host MEMBER host CONSTANT)
    Q_PROPERTY(QStringList otherHosts MEMBER otherHosts CONSTANT)
    /// An override for the host alone is possible (a value set, not removed).
    Q_PROPERTY(bool overridable MEMBER overridable CONSTANT)
    /// Where the override would go, relative.
    Q_PROPERTY(QString ownFile MEMBER ownFile CONSTANT)
    /// The question, in one or two sentences.
    Q_PROPERTY(QString message MEMBER message CONSTANT)

public:
    bool pending = false;
    QString edit;
    QString file;
    QString host;
    QStringList otherHosts;
    bool overridable = false;
    QString ownFile;
    QString message;
};

/** Fills in the choice's message from its other fields. */
[[nodiscard]] SharedFileChoice withMessage(SharedFileChoice choice);
