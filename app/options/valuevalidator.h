// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optiontype.h"

#include <QJsonValue>

namespace Snowpane::Options
{

/** Whether a value fits a type, and if not, a sentence saying why that a person understands. */
struct Validation {
    bool ok = true;
    QString message;

    [[nodiscard]] static Validation valid()
    {
        return {};
    }
    [[nodiscard]] static Validation invalid(const QString &message)
    {
        return {false, message};
    }
};

/**
 * Checks @p value, as JSON (what an editor produces), against @p type before
 * an edit is made, following the checks of lib/types.nix: integer ranges,
 * enum membership, a pattern matched against the whole string, non-empty
 * and single-line strings, absolute paths, and every element of lists and
 * attribute sets. Types whose values cannot be checked without Nix
 * (structured values, unknown types) accept anything.
 */
[[nodiscard]] Validation validateValue(const OptionType &type, const QJsonValue &value);

/** @p value as a person reads it in a message: strings quoted, numbers as written. */
[[nodiscard]] QString describeValue(const QJsonValue &value);

} // namespace Snowpane::Options
