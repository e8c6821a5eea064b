// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Packages/packagebackground.h"
#include "catalog.h"
#include "catalogsource.h"
#include "installedpackages.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QSet>

#include <memory>
#include <optional>

namespace Snowpane::Packages
{
class CatalogImportJob;
}

/**
 * The package catalog of the configured system, for every package view. It
 * finds the nixpkgs the configuration is built from (a flake's nixpkgs
 * input, or `<nixpkgs>` of NIX_PATH), opens its cached catalog, and imports
 * it with nix-env in the background when there is none, when it is older
 * than the CatalogRefreshDays setting, or when the nixpkgs source changed
 * since. An outdated catalog stays in use while the new one is imported. It
 * also reads which packages the current system (the profile in the
 * settings) holds, matched to catalog entries.
 *
 * Views open their own read-only connections to catalogPath() on their own
 * threads and start again when revision() changes; package() serves single
 * lookups on the window's thread.
 */
class PackageCatalog : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged)
    Q_PROPERTY(QString errorDetails READ errorDetails NOTIFY statusChanged)
    Q_PROPERTY(QString nixpkgsPath READ nixpkgsPath NOTIFY statusChanged)
    Q_PROPERTY(QString catalogPath READ catalogPath NOTIFY revisionChanged)
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    Q_PROPERTY(qint64 packageCount READ packageCount NOTIFY revisionChanged)
    Q_PROPERTY(QDateTime importedAt READ importedAt NOTIFY revisionChanged)
    Q_PROPERTY(bool importing READ isImporting NOTIFY importingChanged)
    Q_PROPERTY(QString importReason READ importReason NOTIFY importingChanged)
    Q_PROPERTY(qint64 importedPackages READ importedPackages NOTIFY importProgressChanged)
    Q_PROPERTY(qint64 importedBytes READ importedBytes NOTIFY importProgressChanged)
    Q_PROPERTY(QString installedError READ installedError NOTIFY installedChanged)
    Q_PROPERTY(bool installedLoaded READ isInstalledLoaded NOTIFY installedChanged)

public:
    enum class Status {
        /// start() was not called yet.
        Idle,
        /// Finding nixpkgs and checking the cache.
        Locating,
        /// No catalog yet: the first import runs.
        Importing,
        /// A catalog is open (and may be refreshed in the background).
        Ready,
        /// No catalog: see errorString().
        Failed,
    };
    Q_ENUM(Status)

    /// Not default-constructible, so that QML takes the one instance from create().
    explicit PackageCatalog(QObject *parent);
    ~PackageCatalog() override;

    /** The application's one catalog. */
    [[nodiscard]] static PackageCatalog *self();
    static PackageCatalog *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    [[nodiscard]] Status status() const
    {
        return m_status;
    }
    /** Why there is no catalog, or why the last import failed, in plain words. */
    [[nodiscard]] QString errorString() const
    {
        return m_errorString;
    }
    /** The message of the command or library that failed. */
    [[nodiscard]] QString errorDetails() const
    {
        return m_errorDetails;
    }
    [[nodiscard]] QString nixpkgsPath() const
    {
        return m_source.nixpkgs;
    }
    /** The cache file in use; empty until a catalog is ready. */
    [[nodiscard]] QString catalogPath() const
    {
        return m_catalogPath;
    }
    /** Counts the catalogs made ready, so that views know when to search again. */
    [[nodiscard]] int revision() const
    {
        return m_revision;
    }
    [[nodiscard]] qint64 packageCount() const
    {
        return m_packageCount;
    }
    [[nodiscard]] QDateTime importedAt() const
    {
        return m_importedAt;
    }
    [[nodiscard]] bool isImporting() const
    {
        return m_job != nullptr;
    }
    /** Why the running import was started, in words. */
    [[nodiscard]] QString importReason() const
    {
        return m_importReason;
    }
    [[nodiscard]] qint64 importedPackages() const
    {
        return m_importedPackages;
    }
    [[nodiscard]] qint64 importedBytes() const
    {
        return m_importedBytes;
    }
    [[nodiscard]] QString installedError() const
    {
        return m_installedError;
    }
    [[nodiscard]] bool isInstalledLoaded() const
    {
        return m_installedLoaded;
    }

    /** The packages of the current system, matched to the catalog (attrPath empty when not found). */
    [[nodiscard]] const QList<Snowpane::Packages::InstalledPackage> &installedPackages() const
    {
        return m_installed;
    }
    /** The catalog attributes of installedPackages(). */
    [[nodiscard]] const QSet<QString> &installedAttributes() const
    {
        return m_installedAttributes;
    }
    /**
     * Whether the current system has the package: its attribute is the one
     * matched, or the system holds its pname at its version (another name
     * of the same package, such as python312 for python3).
     */
    [[nodiscard]] bool isInSystem(const QString &attrPath, const QString &pname, const QString &version) const;
    /** One package of the open catalog, looked up on the calling (window) thread. */
    [[nodiscard]] std::optional<Snowpane::Packages::Package> package(const QString &attrPath);

    /** Finds the catalog and opens or imports it; does nothing once started. */
    Q_INVOKABLE void start();
    /** Starts again from the settings: a changed configuration directory may mean another nixpkgs. */
    Q_INVOKABLE void reload();
    /** Imports the catalog again now, whatever its age. */
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void cancelImport();
    /** Reads the current system's packages again (after a rebuild). */
    Q_INVOKABLE void reloadInstalled();

Q_SIGNALS:
    void statusChanged();
    void revisionChanged();
    void importingChanged();
    void importProgressChanged();
    void installedChanged();

private:
    struct Located;

    void locate();
    void located(const Located &result);
    void startImport(const QString &reason);
    void importFinished();
    void openCatalog(const QString &path);
    void setStatus(Status status, const QString &error = {}, const QString &details = {});

    PackageBackground m_background;
    Status m_status = Status::Idle;
    QString m_errorString;
    QString m_errorDetails;
    Snowpane::Packages::CatalogSource m_source;
    QString m_catalogPath;
    std::unique_ptr<Snowpane::Packages::Catalog> m_catalog;
    int m_revision = 0;
    /// Bumped by reload(), so that answers for an earlier start are ignored.
    int m_generation = 0;
    qint64 m_packageCount = 0;
    QDateTime m_importedAt;
    Snowpane::Packages::CatalogImportJob *m_job = nullptr;
    /// The nixpkgs the running job imports.
    QString m_jobNixpkgs;
    QString m_importReason;
    qint64 m_importedPackages = 0;
    qint64 m_importedBytes = 0;
    QList<Snowpane::Packages::InstalledPackage> m_installed;
    QSet<QString> m_installedAttributes;
    /// pname and version of each installed package, joined by a NUL.
    QSet<QString> m_installedVersions;
    QString m_installedError;
    bool m_installedLoaded = false;
    bool m_installedPending = false;
    bool m_installedAgain = false;
};
