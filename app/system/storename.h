// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringView>

namespace Snowpane::System
{

/**
 * A store path's name split the way nvd splits it: `pname` is everything
 * before the first `-` that is followed by a digit, `version` the rest. A
 * trailing output name (`-bin`, `-dev`, `-man`, …) is moved from the version
 * to `output`, so that the outputs of one package count as one version of it.
 * A name without a version (`etc`, `unit-dbus.service`) has an empty version.
 */
struct StoreName {
    /// The 32-character hash part; empty when the input had none.
    QString hash;
    /// The name after the hash, as written (`openssl-3.0.13-bin`).
    QString name;
    QString pname;
    QString version;
    QString output;
};

/**
 * The same split as StoreName, as views into the caller's string, for code
 * that splits thousands of names (closure diffs) and keeps few of them.
 */
struct StoreNameView {
    QStringView hash;
    QStringView name;
    QStringView pname;
    QStringView version;
    QStringView output;
};

/// Splits @p storePathOrName without allocating; the views point into it.
[[nodiscard]] StoreNameView splitStoreName(QStringView storePathOrName);

/**
 * Splits @p storePathOrName, which is a store path (`/nix/store/HASH-NAME`,
 * possibly with a sub-path), a base name (`HASH-NAME`) or a bare name.
 */
[[nodiscard]] StoreName parseStoreName(QStringView storePathOrName);

} // namespace Snowpane::System
