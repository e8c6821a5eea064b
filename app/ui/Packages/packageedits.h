// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "package.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

class ConfigurationSession;
class PackageCatalog;

/** How the configuration treats unfree packages, as far as its text tells. */
enum class UnfreePolicy {
    /// Nothing sets nixpkgs.config.allowUnfree: unfree packages fail to build.
    NotSet,
    /// nixpkgs.config.allowUnfree = true.
    Allowed,
    /// nixpkgs.config.allowUnfree = false.
    Refused,
    /// nixpkgs.config.allowUnfreePredicate decides package by package.
    Predicate,
    /// Set by an expression Snowpane does not evaluate (mkIf, an import): it may well allow them.
    Unknown,
};

/** What to tell the person before a package is added, for the question asked first when there is a catch. */
struct PackageAdvice {
    Q_GADGET
    QML_VALUE_TYPE(packageAdvice)
    /// The attribute to add.
    Q_PROPERTY(QString attr MEMBER attr CONSTANT)
    /// The package's name, or attr when the catalog does not know it.
    Q_PROPERTY(QString name MEMBER name CONSTANT)
    /// The question's title ("Add steam?").
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QStringList warnings MEMBER warnings CONSTANT)
    /// The warnings as the question's text, one paragraph each.
    Q_PROPERTY(QString text READ text CONSTANT)
    Q_PROPERTY(bool offerAllowUnfree MEMBER offerAllowUnfree CONSTANT)
    /// There is a catch: ask before adding.
    Q_PROPERTY(bool needsConfirmation READ needsConfirmation CONSTANT)

public:
    [[nodiscard]] bool needsConfirmation() const
    {
        return !warnings.isEmpty();
    }
    [[nodiscard]] QString text() const
    {
        return warnings.join(QStringLiteral("\n\n"));
    }

    QString attr;
    QString name;
    QString title;
    /// One sentence per reason to stop and ask; none means add at once.
    QStringList warnings;
    /// The package is unfree and setting nixpkgs.config.allowUnfree to true would allow it.
    bool offerAllowUnfree = false;
};

/** Reads the unfree policy from the configuration's definitions (pending edits included). */
[[nodiscard]] UnfreePolicy unfreePolicy(const ConfigurationSession &session);

/** The warnings for adding @p package under @p policy: unfree and not allowed, broken, insecure (attr, name and title stay empty). */
[[nodiscard]] PackageAdvice adviseAdding(const Snowpane::Packages::Package &package, UnfreePolicy policy);

/**
 * Adding and removing packages from the Packages page, with the rules of
 * issue 6 decided here rather than in QML: adding an unfree package that the
 * configuration does not allow says so and offers to set
 * nixpkgs.config.allowUnfree; adding a broken or insecure one warns first.
 * The edits are pending changes of the configuration session, shown on the
 * Changes page.
 */
class PackageEdits : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit PackageEdits(ConfigurationSession *session, PackageCatalog *catalog, QObject *parent = nullptr);
    static PackageEdits *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    /** What adding @p attr needs the person to know; no warnings means add without asking. */
    Q_INVOKABLE PackageAdvice adviseAdd(const QString &attr) const;
    /**
     * Adds @p attr to environment.systemPackages; with @p allowUnfree, first
     * sets nixpkgs.config.allowUnfree to true. Both or neither become
     * pending. Returns "" or why the edit was refused.
     */
    Q_INVOKABLE QString add(const QString &attr, bool allowUnfree);
    Q_INVOKABLE QString remove(const QString &attr);

private:
    ConfigurationSession *m_session;
    PackageCatalog *m_catalog;
};
