// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "changeset.h"

#include <string>
#include <utility>
#include <vector>

namespace Snowpane::Config::Testing
{

/** One line of golden/cases.txt. */
struct GoldenCase {
    std::string name;
    std::string input;
    std::string operation;
};

/** Every case of `casesFile`; the cases are checked for unique names by the caller. */
[[nodiscard]] std::vector<GoldenCase> readCases(const std::string &casesFile);

/** The files of an input directory, relative path → text, sorted. */
[[nodiscard]] std::vector<std::pair<std::string, std::string>> readInput(const std::string &directory);

/** Parses `set PATH VALUE`, `unset PATH`, `add-package ATTR [--option LIST]`, `remove-package ATTR [--option LIST]`. */
[[nodiscard]] bool parseOperation(const std::string &text, Operation &operation);

/** The outcome of a case. */
struct GoldenRun {
    std::string output; // what expected/NAME.out holds
    std::vector<std::pair<std::string, std::string>> before; // relative path → text, every input file
    std::vector<std::pair<std::string, std::string>> changed; // relative path → new text
    Operation operation;
};

/**
 * Runs a case in memory: loads the input as a document set under a virtual
 * root, applies the operation through a ChangeSet, and renders the result:
 * `=== FILE` and the whole new text per changed file, then `=== note` and the
 * note; or `=== refused` and the reason; or `=== unchanged` and the note.
 */
[[nodiscard]] GoldenRun runCase(const std::string &inputsDir, const GoldenCase &goldenCase);

} // namespace Snowpane::Config::Testing
