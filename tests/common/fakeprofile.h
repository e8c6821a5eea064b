// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

/**
 * Builds, with plain files and links, the shape of a NixOS system profile:
 * fake store paths with nixos-version, kernel-modules and the like, and the
 * `system-N-link`s that point at them. Fast tests of everything that reads a
 * profile use it; tests/standin checks the same code against real Nix.
 */
class FakeProfile
{
public:
    struct GenerationSpec {
        int number = 0;
        QString nixosVersion;
        QString kernelVersion;
        QString configurationRevision;
        QStringList specialisations;
        QString hostName;
        QDateTime date;
    };

    /// @p root is an empty directory that will hold `store/` and `profiles/`.
    explicit FakeProfile(QString root);

    /// Adds a generation; returns false and sets errorString() on failure.
    [[nodiscard]] bool addGeneration(const GenerationSpec &spec);
    /// Adds a `system-N-link` that points at a store path that does not exist.
    [[nodiscard]] bool addDanglingGeneration(int number);
    /// Points the profile link, or another link such as run/booted-system, at generation N.
    [[nodiscard]] bool pointAt(const QString &linkPath, int number);

    [[nodiscard]] QString profilePath() const;
    [[nodiscard]] QString storePathOf(int number) const;
    [[nodiscard]] QString root() const
    {
        return m_root;
    }
    [[nodiscard]] QString errorString() const
    {
        return m_error;
    }

private:
    [[nodiscard]] bool fail(const QString &message);

    QString m_root;
    QString m_error;
};
