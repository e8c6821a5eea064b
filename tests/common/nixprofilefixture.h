// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

/**
 * A real system profile built with real Nix: a dozen small packages (some in
 * two versions) and eleven generations of a NixOS-shaped toplevel with `sw`,
 * `nixos-version` and `kernel-modules`, set one after another with
 * `nix-env -p PROFILE --set`. Generation 1 to 2 has every kind of package
 * change nvd knows (see the comments in the .cpp).
 */
class NixProfileFixture
{
public:
    /// @p root is an empty directory; the profile goes to root/profiles/system.
    explicit NixProfileFixture(QString root);

    /// Builds everything; false and errorString() on failure (including no Nix).
    [[nodiscard]] bool create();

    [[nodiscard]] QString profilePath() const;
    /// Toplevel store path of generation @p number (1-based).
    [[nodiscard]] QString systemOf(int number) const
    {
        return m_systems.value(number);
    }
    /// Store path of a package attribute, e.g. "firefox_128".
    [[nodiscard]] QString packagePath(const QString &attribute) const
    {
        return m_packages.value(attribute);
    }
    [[nodiscard]] int generationCount() const
    {
        return int(m_systems.size());
    }
    [[nodiscard]] QString errorString() const
    {
        return m_error;
    }

    /// Makes generations 1 and 2 record these configuration revisions; call before create().
    void setRevisions(const QString &first, const QString &second);
    /// The configuration revision that generation @p number records, or empty.
    [[nodiscard]] QString revisionOf(int number) const;

private:
    QString m_root;
    QString m_error;
    QMap<int, QString> m_systems;
    QMap<QString, QString> m_packages;
    QString m_revisions[2] = {QStringLiteral("1111111111111111111111111111111111111111"), QStringLiteral("2222222222222222222222222222222222222222")};
};
