// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"
#include "confineddirectory.h"

#include <QMap>
#include <QString>

namespace Snowpane::Helper
{

/**
 * The directory of a Nix profile (root's channels), opened once without
 * following a link and checked to be root's own, so that the helper reads and
 * changes the profile's links through that descriptor and never by a path
 * another user could redirect. A profile `P` is the link `P` → `P-N-link`
 * and the generation links `P-N-link`; only names matching exactly
 * `^<base>-(\d+)-link$` are generations, so another profile in the same
 * directory (`channels-foo-3-link`) is never touched.
 */
class ProfileDirectory
{
public:
    /**
     * Opens the directory holding `profile` (an absolute path). With `create`,
     * missing directories are made 0755 on the way, each opened with
     * O_NOFOLLOW. The directory must be owned by root and writable by root only.
     */
    [[nodiscard]] static Checked<ProfileDirectory> open(const QString &profile, bool create);

    /** The profile's path, as nix-env --profile takes it. */
    [[nodiscard]] const QString &profile() const
    {
        return m_profile;
    }
    /** The generation the profile link points at, or 0 when there is none (or it is not `<base>-N-link`). */
    [[nodiscard]] int currentGeneration() const;
    /** The generation links, by number, with their texts. */
    [[nodiscard]] QMap<int, QString> generations() const;
    /** The text of the link `name` in the directory, or empty when it is not a link. */
    [[nodiscard]] QString linkText(const QString &name) const;

    /** Makes the profile link point at generation `generation` (which must exist) by an atomic rename. */
    [[nodiscard]] Checked<Done> pointAt(int generation) const;
    /** Removes the profile link itself, if it is a link: for a profile that had none before. */
    [[nodiscard]] Checked<Done> removeProfileLink() const;
    /** Removes the link of generation `generation`, if it is a link; never the current one. */
    [[nodiscard]] Checked<Done> removeGeneration(int generation) const;

    [[nodiscard]] static QString generationLinkName(const QString &base, int generation)
    {
        return QStringLiteral("%1-%2-link").arg(base).arg(generation);
    }
    /** N when `name` is exactly `<base>-N-link`, else 0. */
    [[nodiscard]] static int generationOfName(const QString &base, const QString &name);

private:
    ProfileDirectory() = default;

    QString m_profile;
    QString m_base;
    std::shared_ptr<FileDescriptor> m_fd;
};

}
