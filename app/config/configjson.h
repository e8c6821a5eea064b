// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "definitions.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Snowpane::Config
{

/** A list of strings as a JSON array. */
[[nodiscard]] QJsonArray stringsJson(const std::vector<std::string> &strings);

/** A value as `{"type": …, "value": …}`; lists and sets nest the same shape, opaque values carry their source. */
[[nodiscard]] QJsonObject valueJson(const Value &value);

/** Each definition: file, line, column, hosts (that include the file), kind, editable, reason, wrapper, priority, value. */
[[nodiscard]] QJsonArray definitionsJson(const DocumentSet &set, const std::vector<Definition> &definitions);

/** `get --json`: the option, whether it is defined, its value when one definition gives it, and the definitions. */
[[nodiscard]] QJsonObject optionJson(const DocumentSet &set, const OptionPath &path, const std::vector<Definition> &definitions);

/** `imports --json`: entry, host, reading, files with the files each imports and the hosts that include them, imports not followed. */
[[nodiscard]] QJsonObject importsJson(const DocumentSet &set);

} // namespace Snowpane::Config
