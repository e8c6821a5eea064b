// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

#include <string>

namespace Snowpane::Nix::Testing
{

/** The HOME both sides resolve `~/` paths against. */
inline constexpr const char *fakeHome = "/homeless-shelter";

/** What `nix-instantiate --parse` said about one file. */
struct NixResult {
    bool started = false; // false when nix-instantiate could not be run
    bool ok = false;
    QByteArray output; // stdout, the canonical text
    QByteArray errors; // stderr
};

/** The nix-instantiate on PATH, or an empty string. */
[[nodiscard]] QString findNixInstantiate();

/**
 * Runs `nix-instantiate --parse --store dummy://` with the pipe-operators
 * feature on and HOME set to fakeHome, on one file.
 */
[[nodiscard]] NixResult runNixParse(const QString &nixInstantiate, const QString &file);

/** Our verdict on a file, in the same terms. */
struct OurResult {
    bool ok = false;
    bool semanticOnly = false; // parsed, but a variable is undefined
    std::string output;
    std::string firstError;
    std::string errorLocation; // "LINE:COL" of firstError
};

/** "LINE:COL" of the first "at FILE:LINE:COL:" in Nix's error message, or empty. */
[[nodiscard]] std::string nixErrorLocation(const NixResult &nix);

/** Parses `source` as the file at `path` and prints it canonically. */
[[nodiscard]] OurResult runOurParse(const std::string &source, const std::string &path);

/**
 * Agreement: both fail, or both succeed with the same canonical text. An
 * empty string means agreement; otherwise a short explanation.
 */
[[nodiscard]] std::string disagreement(const OurResult &ours, const NixResult &nix);

} // namespace Snowpane::Nix::Testing
