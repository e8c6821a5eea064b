// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Packages/packageedits.h"

#include "Common/configurationsession.h"
#include "Packages/packagecatalog.h"
#include "Packages/packagesearchworker.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace Snowpane::Packages;

namespace
{

const QString allowUnfreeOption = u"nixpkgs.config.allowUnfree"_s;

} // namespace

UnfreePolicy unfreePolicy(const ConfigurationSession &session)
{
    const QList<OptionDefinition> definitions = session.definitions(allowUnfreeOption);
    if (!definitions.isEmpty()) {
        bool allLiteralFalse = true;
        for (const OptionDefinition &entry : definitions) {
            const QVariant &value = entry.value;
            if (value.typeId() == QMetaType::Bool && value.toBool()) {
                return UnfreePolicy::Allowed;
            }
            allLiteralFalse = allLiteralFalse && value.typeId() == QMetaType::Bool;
        }
        return allLiteralFalse ? UnfreePolicy::Refused : UnfreePolicy::Unknown;
    }
    if (!session.definitions(u"nixpkgs.config.allowUnfreePredicate"_s).isEmpty()) {
        return UnfreePolicy::Predicate;
    }
    // `nixpkgs.config = import ./nixpkgs-config.nix;` may set it where Snowpane cannot see.
    for (const OptionDefinition &entry : session.definitions(u"nixpkgs.config"_s)) {
        if (!entry.value.isValid()) {
            return UnfreePolicy::Unknown;
        }
    }
    return UnfreePolicy::NotSet;
}

PackageAdvice adviseAdding(const Package &package, UnfreePolicy policy)
{
    PackageAdvice advice;
    const QString name = package.attrPath;
    if (package.unfree) {
        const QString licence = packageLicenseText(package.licenses);
        const QString unfree = licence.isEmpty()
            ? QCoreApplication::translate("PackageEdits", "%1 is unfree: its licence does not let everyone use, change and share it.").arg(name)
            : QCoreApplication::translate("PackageEdits", "%1 is unfree: its licence (%2) does not let everyone use, change and share it.").arg(name, licence);
        switch (policy) {
        case UnfreePolicy::NotSet:
            advice.warnings.append(unfree + u' '
                                   + QCoreApplication::translate(
                                       "PackageEdits",
                                       "NixOS builds unfree packages only when nixpkgs.config.allowUnfree is set, and your configuration does not set it."));
            advice.offerAllowUnfree = true;
            break;
        case UnfreePolicy::Refused:
            advice.warnings.append(
                unfree + u' '
                + QCoreApplication::translate("PackageEdits", "Your configuration sets nixpkgs.config.allowUnfree to false, so the rebuild would stop."));
            advice.offerAllowUnfree = true;
            break;
        case UnfreePolicy::Predicate:
            advice.warnings.append(
                unfree + u' '
                + QCoreApplication::translate("PackageEdits", "Your configuration decides with nixpkgs.config.allowUnfreePredicate; make sure it allows %1.")
                      .arg(name));
            break;
        case UnfreePolicy::Allowed:
        case UnfreePolicy::Unknown:
            break;
        }
    }
    if (package.broken) {
        advice.warnings.append(QCoreApplication::translate("PackageEdits",
                                                           "%1 is marked as broken in your nixpkgs: it is known not to build or not to work. The "
                                                           "rebuild will stop unless nixpkgs.config.allowBroken is set.")
                                   .arg(name));
    }
    if (package.insecure) {
        advice.warnings.append(QCoreApplication::translate("PackageEdits",
                                                           "%1 is marked as insecure: it has known security vulnerabilities. The rebuild will stop "
                                                           "unless it is listed in nixpkgs.config.permittedInsecurePackages.")
                                   .arg(name));
    }
    return advice;
}

PackageEdits::PackageEdits(ConfigurationSession *session, PackageCatalog *catalog, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_catalog(catalog)
{
}

PackageEdits *PackageEdits::create(QQmlEngine *engine, QJSEngine *)
{
    return new PackageEdits(ConfigurationSession::self(), PackageCatalog::self(), engine);
}

PackageAdvice PackageEdits::adviseAdd(const QString &attr) const
{
    PackageAdvice advice;
    QString name = attr;
    if (const auto package = m_catalog->package(attr)) {
        name = package->pname;
        advice = adviseAdding(*package, unfreePolicy(*m_session));
    }
    advice.attr = attr;
    advice.name = name;
    advice.title = QCoreApplication::translate("PackageEdits", "Add %1?").arg(attr);
    return advice;
}

QString PackageEdits::add(const QString &attr, bool allowUnfree)
{
    if (allowUnfree) {
        const QString refused = m_session->setOptionValue(allowUnfreeOption, true);
        if (!refused.isEmpty()) {
            return refused;
        }
    }
    const QString refused = m_session->addPackage(attr);
    if (!refused.isEmpty() && allowUnfree) {
        // Neither edit without the other.
        (void)m_session->discardChange(m_session->pendingCount() - 1);
    }
    return refused;
}

QString PackageEdits::remove(const QString &attr)
{
    return m_session->removePackage(attr);
}
