// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Snowpane::System
{

/// What one apply changes, as the commit message describes it.
struct ChangeSet {
    struct OptionChange {
        enum class Kind {
            /// An `enable` option set to true.
            Enabled,
            /// An `enable` option set to false.
            Disabled,
            Set,
            Unset,
        };
        QString path;
        Kind kind = Kind::Set;
        /// The new value as Nix text, for the body; empty for Unset.
        QString value;
        /// How the subject names it ("OpenSSH"); empty: derived from the path.
        QString label;
    };

    QList<OptionChange> options;
    QStringList packagesAdded;
    QStringList packagesRemoved;
};

/**
 * A commit message for @p changes: a subject that says the change set in
 * words ("Enable OpenSSH; add firefox, remove nano; set time.timeZone"),
 * shortened to about 72 characters when it is long, then a body that lists
 * every option path with its value and every package.
 */
[[nodiscard]] QString commitMessage(const ChangeSet &changes);

} // namespace Snowpane::System
