// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QQmlEngine>
#include <QString>
#include <QVariant>

/** Where an option is defined in the configuration, pending edits included. */
struct OptionDefinition {
    Q_GADGET
    QML_VALUE_TYPE(optionDefinition)
    /// Relative to the configuration directory when inside it.
    Q_PROPERTY(QString file MEMBER file CONSTANT)
    /// Absolute.
    Q_PROPERTY(QString path MEMBER path CONSTANT)
    Q_PROPERTY(int line MEMBER line CONSTANT)
    Q_PROPERTY(int column MEMBER column CONSTANT)
    /// "literal", "mkDefault", "mkIf", …
    Q_PROPERTY(QString kind MEMBER kind CONSTANT)
    /// The value as written.
    Q_PROPERTY(QString source MEMBER source CONSTANT)
    Q_PROPERTY(bool editable MEMBER editable CONSTANT)
    Q_PROPERTY(bool partial MEMBER partial CONSTANT)
    /// Why it cannot be edited here; empty when it can.
    Q_PROPERTY(QString reason MEMBER reason CONSTANT)
    /// The typed value, for literals; invalid otherwise.
    Q_PROPERTY(QVariant value MEMBER value CONSTANT)

public:
    QString file;
    QString path;
    int line = 0;
    int column = 0;
    QString kind;
    QString source;
    bool editable = false;
    bool partial = false;
    QString reason;
    QVariant value;
};

/** A file the pending edits change, with its diff, for the Changes page. */
struct ChangedFile {
    Q_GADGET
    QML_VALUE_TYPE(changedFile)
    /// Absolute.
    Q_PROPERTY(QString path MEMBER path CONSTANT)
    /// Relative to the configuration directory when inside it.
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    /// The edit creates the file.
    Q_PROPERTY(bool newFile MEMBER newFile CONSTANT)
    /// Unified diff.
    Q_PROPERTY(QString diff MEMBER diff CONSTANT)
    Q_PROPERTY(int added MEMBER added CONSTANT)
    Q_PROPERTY(int removed MEMBER removed CONSTANT)

public:
    QString path;
    QString name;
    bool newFile = false;
    QString diff;
    int added = 0;
    int removed = 0;
};

/** One package of environment.systemPackages and where it is written. */
struct DeclaredPackage {
    Q_GADGET
    QML_VALUE_TYPE(declaredPackage)
    Q_PROPERTY(QString attr MEMBER attr CONSTANT)
    /// Relative to the configuration directory when inside it.
    Q_PROPERTY(QString file MEMBER file CONSTANT)
    Q_PROPERTY(int line MEMBER line CONSTANT)

public:
    QString attr;
    QString file;
    int line = 0;
};
