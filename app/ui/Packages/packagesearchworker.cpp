// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Packages/packagesearchworker.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

QString packageLicenseText(const QList<License> &licenses)
{
    QStringList names;
    for (const License &license : licenses) {
        const QString name = !license.spdxId.isEmpty() ? license.spdxId : !license.shortName.isEmpty() ? license.shortName : license.name;
        if (!name.isEmpty() && !names.contains(name)) {
            names.append(name);
        }
    }
    return names.join(u", "_s);
}

PackageRow PackageRow::from(const Package &package)
{
    return {package.attrPath,
            package.pname,
            package.version,
            package.description,
            packageLicenseText(package.licenses),
            package.homepage,
            package.unfree,
            package.broken,
            package.insecure};
}

PackageSearchPage PackageSearchWorker::search(const QString &catalogPath, int revision, const SearchQuery &query)
{
    PackageSearchPage page;
    page.offset = query.offset;
    if (!m_catalog || revision != m_revision) {
        m_catalog.reset();
        QString error;
        m_catalog = Catalog::open(catalogPath, &error);
        if (!m_catalog) {
            page.error = QCoreApplication::translate("PackageSearchModel", "The package catalog cannot be read: %1").arg(error);
            return page;
        }
        m_revision = revision;
    }
    const SearchResult result = m_catalog->search(query);
    if (!result.error.isEmpty()) {
        page.error = QCoreApplication::translate("PackageSearchModel", "The search failed: %1").arg(result.error);
        return page;
    }
    page.rows.reserve(result.hits.size());
    for (const SearchHit &hit : result.hits) {
        page.rows.append(PackageRow::from(hit.package));
    }
    page.hasMore = result.hasMore;
    return page;
}
