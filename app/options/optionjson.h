// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optioncatalog.h"

#include <QJsonObject>

namespace Snowpane::Options
{

/** The type tree as JSON: `{"kind", "text", "children", ...constraints}`, for `snowpane-cli options show --json` and scripts. */
[[nodiscard]] QJsonObject typeToJson(const OptionType &type);

/** The editor as JSON: `{"kind", "nullable", "minimum", "maximum", "pattern", "choices", "readOnlyReason"}`; absent fields are left out. */
[[nodiscard]] QJsonObject editorToJson(const EditorInfo &editor);

/** One option with its parsed type and editor. */
[[nodiscard]] QJsonObject optionToJson(const Option &option);

/** The name of a literal's kind in JSON: "literalExpression", "literalMD", "json", or "none". */
[[nodiscard]] QString literalKindName(OptionLiteral::Kind kind);

} // namespace Snowpane::Options
