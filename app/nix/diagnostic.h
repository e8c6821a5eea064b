// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace Snowpane::Nix
{

/** How bad a diagnostic is: errors make Nix reject the file, warnings do not. */
enum class Severity : std::uint8_t {
    Error,
    Warning,
};

/**
 * Where a diagnostic comes from. Syntax errors are what Nix's parser rejects.
 * Semantic errors (an undefined variable) are what `nix-instantiate --parse`
 * also rejects, but only after parsing, while binding variables. Feature
 * diagnostics flag syntax that needs an experimental Nix feature.
 */
enum class DiagnosticKind : std::uint8_t {
    Syntax,
    Semantic,
    Feature,
};

/** One message about a byte offset of the source, in the words Nix uses. */
struct Diagnostic {
    std::uint32_t offset = 0;
    Severity severity = Severity::Error;
    DiagnosticKind kind = DiagnosticKind::Syntax;
    std::string message;
};

/** A 1-based line and a 1-based byte column. */
struct Location {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};

/**
 * Maps byte offsets to lines and columns. Building it costs one pass over the
 * text; each lookup is a binary search. LF, CRLF and a lone CR each end a line,
 * as in Nix's position table.
 */
class LineIndex
{
public:
    explicit LineIndex(std::string_view text);

    /** The line and column of a byte offset; offsets past the end map to the end. */
    [[nodiscard]] Location locate(std::uint32_t offset) const;

    /** The number of lines (a text without a final newline still has its last line). */
    [[nodiscard]] std::size_t lineCount() const
    {
        return m_lineStarts.size();
    }

private:
    std::vector<std::uint32_t> m_lineStarts;
    std::uint32_t m_size = 0;
};

/** `FILE:LINE:COL: error: MESSAGE`, the form compilers and editors understand. */
[[nodiscard]] std::string formatDiagnostic(std::string_view fileName, const LineIndex &lines, const Diagnostic &diagnostic);

} // namespace Snowpane::Nix
