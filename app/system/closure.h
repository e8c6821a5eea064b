// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace Snowpane::System
{

/// One store path of a closure and the size of its NAR serialisation.
struct StorePathInfo {
    QString path;
    qint64 narSize = 0;

    friend bool operator==(const StorePathInfo &, const StorePathInfo &) = default;
};

/**
 * The closure of a store path: the path and everything it references,
 * directly or not, sorted by path, with the sum of their NAR sizes (what
 * `nix path-info --closure-size` prints). An unreadable closure has an
 * `error` and no paths.
 */
struct Closure {
    enum class Source {
        None,
        Database,
        Commands,
    };

    QString root;
    QList<StorePathInfo> paths;
    qint64 totalNarSize = 0;
    Source source = Source::None;
    QString error;

    [[nodiscard]] bool isValid() const
    {
        return error.isEmpty();
    }
};

/// Direct references of one store path, sorted; `error` is set when unknown.
struct References {
    QStringList paths;
    QString error;
};

} // namespace Snowpane::System
