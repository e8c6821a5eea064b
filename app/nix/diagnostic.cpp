// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "diagnostic.h"

#include <algorithm>
#include <cstring>

namespace snowpane::nix
{

LineIndex::LineIndex(std::string_view text)
    : m_size(static_cast<std::uint32_t>(text.size()))
{
    m_lineStarts.push_back(0);
    // memchr finds line feeds far faster than a byte loop; carriage returns
    // are rare enough to take the slow path only when there is one.
    if (text.find('\r') == std::string_view::npos) {
        m_lineStarts.reserve(text.size() / 24 + 1);
        const char *const begin = text.data();
        const char *const end = begin + text.size();
        for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;) {
            ++p;
            m_lineStarts.push_back(static_cast<std::uint32_t>(p - begin));
        }
        return;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            m_lineStarts.push_back(static_cast<std::uint32_t>(i + 1));
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            m_lineStarts.push_back(static_cast<std::uint32_t>(i + 1));
        }
    }
}

Location LineIndex::locate(std::uint32_t offset) const
{
    offset = std::min(offset, m_size);
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = static_cast<std::uint32_t>(next - m_lineStarts.begin());
    return {line, offset - m_lineStarts[line - 1] + 1};
}

std::string formatDiagnostic(std::string_view fileName, const LineIndex &lines, const Diagnostic &diagnostic)
{
    const Location at = lines.locate(diagnostic.offset);
    std::string out;
    out.reserve(fileName.size() + diagnostic.message.size() + 32);
    out.append(fileName);
    out += ':';
    out += std::to_string(at.line);
    out += ':';
    out += std::to_string(at.column);
    out += diagnostic.severity == Severity::Error ? ": error: " : ": warning: ";
    out += diagnostic.message;
    return out;
}

} // namespace snowpane::nix
