// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <optional>

namespace Snowpane::System
{

/**
 * QString's order (UTF-16 code units), without a call into Qt per
 * comparison: sorting and merging closures compare tens of thousands of
 * store paths, which share "/nix/store/" and then differ within a few
 * characters. Equal runs are skipped four characters at a time.
 */
[[nodiscard]] inline bool storePathLess(const QString &a, const QString &b)
{
    const char16_t *x = QStringView(a).utf16();
    const char16_t *y = QStringView(b).utf16();
    const qsizetype common = std::min(a.size(), b.size());
    qsizetype i = 0;
    for (quint64 wordA = 0, wordB = 0; i + 4 <= common; i += 4) {
        std::memcpy(&wordA, x + i, sizeof wordA);
        std::memcpy(&wordB, y + i, sizeof wordB);
        if (wordA != wordB) {
            break;
        }
    }
    for (; i < common; ++i) {
        if (x[i] != y[i]) {
            return x[i] < y[i];
        }
    }
    return a.size() < b.size();
}

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
    /**
     * The direct references of every path, when the closure was read from
     * the database (which walks them anyway): those of paths[i] are the
     * indices referenceTargets[referenceStarts[i] .. referenceStarts[i + 1]),
     * ascending. Empty when unknown (read with the commands).
     */
    QList<qsizetype> referenceStarts;
    QList<qsizetype> referenceTargets;

    [[nodiscard]] bool isValid() const
    {
        return error.isEmpty();
    }

    /// The direct references of @p path (without itself), sorted; nullopt when this closure does not know them.
    [[nodiscard]] std::optional<QStringList> referencesOf(const QString &path) const
    {
        if (referenceStarts.size() != paths.size() + 1) {
            return std::nullopt;
        }
        const auto found = std::ranges::lower_bound(paths, path, {}, &StorePathInfo::path);
        if (found == paths.cend() || found->path != path) {
            return std::nullopt;
        }
        const qsizetype index = found - paths.cbegin();
        QStringList result;
        result.reserve(referenceStarts[index + 1] - referenceStarts[index]);
        for (qsizetype i = referenceStarts[index]; i < referenceStarts[index + 1]; ++i) {
            if (referenceTargets[i] != index) {
                result.append(paths[referenceTargets[i]].path);
            }
        }
        return result;
    }
};

/// Direct references of one store path, sorted; `error` is set when unknown.
struct References {
    QStringList paths;
    QString error;
};

} // namespace Snowpane::System
