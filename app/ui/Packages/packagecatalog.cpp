// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Packages/packagecatalog.h"

#include "catalogimportjob.h"
#include "closurereader.h"
#include "snowpanesettings.h"
#include "uilogging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

namespace
{

/// Why an existing catalog should be imported again; empty when it is fresh.
QString staleness(const Catalog::Info &info, const CatalogSource &source, int refreshDays)
{
    const QDateTime imported = QDateTime::fromString(info.imported, Qt::ISODate);
    if (!imported.isValid() || imported.addDays(refreshDays) < QDateTime::currentDateTimeUtc()) {
        return QCoreApplication::translate("PackageCatalog", "The package catalog is more than %n day(s) old.", nullptr, refreshDays);
    }
    // A catalog imported from a file has no fingerprint of the source to compare.
    if (info.origin == u"nix-env"_s && info.fingerprint != source.fingerprint()) {
        return QCoreApplication::translate("PackageCatalog", "nixpkgs has changed since the package catalog was made.");
    }
    return {};
}

} // namespace

struct PackageCatalog::Located {
    CatalogSource source;
    QString details;
    /// The cache exists and opens.
    bool usable = false;
    /// Why to import; empty when the cache is fresh.
    QString importReason;
};

PackageCatalog::PackageCatalog(QObject *parent)
    : QObject(parent)
{
}

PackageCatalog::~PackageCatalog()
{
    // The job's destructor cancels it and waits for its thread.
    delete m_job;
}

PackageCatalog *PackageCatalog::self()
{
    static QPointer<PackageCatalog> instance;
    if (!instance) {
        instance = new PackageCatalog(QCoreApplication::instance());
    }
    return instance;
}

PackageCatalog *PackageCatalog::create(QQmlEngine *, QJSEngine *)
{
    PackageCatalog *catalog = self();
    QJSEngine::setObjectOwnership(catalog, QJSEngine::CppOwnership);
    return catalog;
}

std::optional<Package> PackageCatalog::package(const QString &attrPath)
{
    if (!m_catalog) {
        return std::nullopt;
    }
    return m_catalog->package(attrPath);
}

bool PackageCatalog::isInSystem(const QString &attrPath, const QString &pname, const QString &version) const
{
    return m_installedAttributes.contains(attrPath) || m_installedVersions.contains(pname + QChar(0) + version);
}

void PackageCatalog::start()
{
    if (m_status == Status::Idle) {
        locate();
    }
}

void PackageCatalog::reload()
{
    // A running import goes on when the source stays the same; startImport() cancels it otherwise.
    locate();
}

void PackageCatalog::locate()
{
    ++m_generation;
    setStatus(m_catalog ? Status::Ready : Status::Locating);
    const QString directory = SnowpaneSettings::self()->configurationDirectory();
    const int refreshDays = SnowpaneSettings::self()->catalogRefreshDays();
    m_background.run(
        this,
        [directory, refreshDays] {
            Located found;
            found.source = CatalogSource::forConfiguration(directory, &found.details);
            if (!found.source.isValid()) {
                return found;
            }
            const QString path = found.source.cachePath();
            if (!QFileInfo::exists(path)) {
                found.importReason = QCoreApplication::translate("PackageCatalog", "There is no package catalog for this nixpkgs yet.");
                return found;
            }
            QString error;
            const auto catalog = Catalog::open(path, &error);
            if (!catalog) {
                found.importReason = QCoreApplication::translate("PackageCatalog", "The package catalog cannot be read, so it is made again.");
                found.details = error;
                return found;
            }
            found.usable = true;
            found.importReason = staleness(catalog->info(), found.source, refreshDays);
            return found;
        },
        [this, generation = m_generation](const Located &found) {
            if (generation == m_generation) {
                located(found);
            }
        });
}

void PackageCatalog::located(const Located &found)
{
    if (!found.source.isValid()) {
        setStatus(
            Status::Failed,
            QCoreApplication::translate("PackageCatalog", "Snowpane cannot tell which nixpkgs your configuration is built from, so it cannot list packages."),
            found.details);
        return;
    }
    const bool sameSource = m_source.nixpkgs == found.source.nixpkgs;
    m_source = found.source;
    if (found.usable) {
        if (!sameSource || !m_catalog) {
            openCatalog(m_source.cachePath());
        } else {
            setStatus(Status::Ready);
        }
    } else if (!sameSource || !m_catalog) {
        m_catalog.reset();
        m_catalogPath.clear();
        setStatus(Status::Importing);
    }
    if (!found.importReason.isEmpty()) {
        startImport(found.importReason);
    }
}

void PackageCatalog::refresh()
{
    if (m_source.isValid()) {
        startImport(QCoreApplication::translate("PackageCatalog", "Updating the package catalog."));
    } else {
        locate();
    }
}

void PackageCatalog::startImport(const QString &reason)
{
    if (m_job) {
        // The running import is for an earlier source; the new one starts when it ends.
        if (m_jobNixpkgs != m_source.nixpkgs) {
            m_job->cancel();
            m_importReason = reason;
        }
        return;
    }
    ImportRequest request;
    request.source = m_source;
    m_job = new CatalogImportJob(request, this);
    m_jobNixpkgs = m_source.nixpkgs;
    m_importReason = reason;
    m_importedPackages = 0;
    m_importedBytes = 0;
    connect(m_job, &CatalogImportJob::progress, this, [this](qint64 bytes, qint64, qint64 packages) {
        m_importedBytes = bytes;
        m_importedPackages = packages;
        Q_EMIT importProgressChanged();
    });
    connect(m_job, &CatalogImportJob::finished, this, &PackageCatalog::importFinished);
    qCInfo(SNOWPANE_UI) << "importing the package catalog of" << m_source.nixpkgs << ":" << reason;
    m_job->start();
    Q_EMIT importingChanged();
    Q_EMIT importProgressChanged();
}

void PackageCatalog::importFinished()
{
    const ImportResult result = m_job->result();
    const QString nixpkgs = m_jobNixpkgs;
    m_job->deleteLater();
    m_job = nullptr;
    Q_EMIT importingChanged();

    if (nixpkgs != m_source.nixpkgs) {
        // The settings moved to another nixpkgs while this one was imported.
        if (!m_catalog && m_source.isValid()) {
            startImport(m_importReason);
        }
        return;
    }
    if (result.ok) {
        openCatalog(result.cachePath);
        return;
    }
    if (result.cancelled) {
        if (m_catalog) {
            setStatus(Status::Ready);
        } else {
            setStatus(Status::Failed, QCoreApplication::translate("PackageCatalog", "The import of the package catalog was cancelled."));
        }
        return;
    }
    qCWarning(SNOWPANE_UI) << "package catalog import failed:" << result.error;
    if (m_catalog) {
        setStatus(Status::Ready,
                  QCoreApplication::translate("PackageCatalog", "The package catalog could not be updated; the previous one is still used."),
                  result.error);
    } else {
        setStatus(Status::Failed, QCoreApplication::translate("PackageCatalog", "The package catalog could not be made from your nixpkgs."), result.error);
    }
}

void PackageCatalog::openCatalog(const QString &path)
{
    QString error;
    auto catalog = Catalog::open(path, &error);
    if (!catalog) {
        setStatus(Status::Failed, QCoreApplication::translate("PackageCatalog", "The package catalog cannot be read."), error);
        return;
    }
    m_catalog = std::move(catalog);
    m_catalogPath = path;
    m_packageCount = m_catalog->info().packages;
    m_importedAt = QDateTime::fromString(m_catalog->info().imported, Qt::ISODate);
    ++m_revision;
    setStatus(Status::Ready);
    Q_EMIT revisionChanged();
    reloadInstalled();
}

void PackageCatalog::reloadInstalled()
{
    if (m_catalogPath.isEmpty()) {
        return;
    }
    // One read at a time; a request during a read runs once it ends.
    if (m_installedPending) {
        m_installedAgain = true;
        return;
    }
    m_installedPending = true;
    const QString profile = SnowpaneSettings::self()->profile();
    const QString catalogPath = m_catalogPath;
    m_background.run(
        this,
        [profile, catalogPath] {
            Snowpane::System::ClosureReader closures;
            InstalledPackages installed = readInstalledPackages(profile, closures);
            if (installed.error.isEmpty()) {
                QString error;
                if (const auto catalog = Catalog::open(catalogPath, &error)) {
                    matchInstalledPackages(&installed.packages, *catalog);
                } else {
                    installed.error = error;
                }
            }
            return installed;
        },
        [this](const InstalledPackages &installed) {
            m_installedPending = false;
            m_installed = installed.packages;
            m_installedAttributes.clear();
            m_installedVersions.clear();
            for (const InstalledPackage &package : std::as_const(m_installed)) {
                m_installedVersions.insert(package.pname + QChar(0) + package.version);
                if (!package.attrPath.isEmpty()) {
                    m_installedAttributes.insert(package.attrPath);
                }
            }
            m_installedError = installed.error.isEmpty()
                ? QString()
                : QCoreApplication::translate("PackageCatalog", "The packages of the current system cannot be read: %1").arg(installed.error);
            m_installedLoaded = true;
            Q_EMIT installedChanged();
            if (m_installedAgain) {
                m_installedAgain = false;
                reloadInstalled();
            }
        });
}

void PackageCatalog::cancelImport()
{
    if (m_job) {
        m_job->cancel();
    }
}

void PackageCatalog::setStatus(Status status, const QString &error, const QString &details)
{
    if (m_status == status && m_errorString == error && m_errorDetails == details) {
        return;
    }
    m_status = status;
    m_errorString = error;
    m_errorDetails = details;
    Q_EMIT statusChanged();
}
