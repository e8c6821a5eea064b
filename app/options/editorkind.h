// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optiontype.h"

namespace Snowpane::Options
{

/** Which editor fits an option's type in the settings window. */
enum class EditorKind {
    Switch,
    Integer, ///< a spin box, with the range of EditorInfo
    Float,
    Text, ///< a line or text field, with EditorInfo::pattern when the type has one
    Choice, ///< a combo box over EditorInfo::choices
    List,
    PackageList,
    Path,
    AttributeSet,
    ReadOnly, ///< shown, not edited here: functions, packages, structured values, unknown types
};

/**
 * The editor for one type, with what the editor needs to know: the integer
 * range, the pattern, the choices, whether null is allowed (a "not set"
 * check box), whether the text is multi-line, and for read-only types why.
 */
struct EditorInfo {
    EditorKind kind = EditorKind::ReadOnly;
    bool nullable = false;
    bool multiline = false;
    std::optional<qint64> minimum;
    std::optional<qint64> maximum;
    std::optional<QString> pattern;
    QStringList choices; ///< decoded enum values, in order
    QString readOnlyReason;

    /** The editor for @p type. */
    [[nodiscard]] static EditorInfo forType(const OptionType &type);

    /** The name of @p kind as the CLI and JSON show it (`"switch"`, `"integer"`, ...). */
    [[nodiscard]] static QString kindName(EditorKind kind);
};

} // namespace Snowpane::Options
