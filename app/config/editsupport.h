// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "definitions.h"
#include "edit.h"

#include <functional>

namespace Snowpane::Config
{

/** Checks the definitions read back from an edited file; returns an error message, or empty when right. */
using ReadBackCheck = std::function<std::string(const std::vector<Definition> &)>;

/**
 * Turns edits of one document into a verified FileChange: applies them,
 * asserts that every byte outside the edits is unchanged, reparses, refuses a
 * new syntax error, and reads `path` back from the new text with `check`.
 */
[[nodiscard]] EditResult
finishEdit(const DocumentSet &set, std::size_t document, std::vector<TextEdit> edits, const OptionPath &path, const ReadBackCheck &check);

/** Continuation lines of a multi-line value get the indentation of the line they are inserted on. */
[[nodiscard]] std::string reindent(std::string_view value, std::string_view indent);

/** Where a new definition goes, as an edit, or a refusal. */
struct Placement {
    bool ok = false;
    std::string error;
    std::size_t document = 0;
    TextEdit edit;
};

/** Finds where to create a definition of `path` with the given value text, as planSet() describes. */
[[nodiscard]] Placement placeDefinition(const DocumentSet &set, const OptionPath &path, std::string_view valueText);

/** A refusal naming the first file of the set with a syntax error, or empty when every file parses. */
[[nodiscard]] std::string syntaxErrorInSet(const DocumentSet &set);

/** "FILE:LINE" for messages. */
[[nodiscard]] std::string where(const Definition &definition);

/** The syntax error of a document, formatted, or empty. */
[[nodiscard]] std::string syntaxError(const DocumentSet &set, std::size_t document);

} // namespace Snowpane::Config
