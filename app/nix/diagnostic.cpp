// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "diagnostic.h"

#include <algorithm>
#include <bit>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Snowpane::Nix
{

LineIndex::LineIndex(std::string_view text)
    : m_size(static_cast<std::uint32_t>(text.size()))
{
    m_lineStarts.push_back(0);
    m_lineStarts.reserve(text.size() / 24 + 1);
    const char *const begin = text.data();
    const std::size_t size = text.size();
    std::size_t i = 0;
#ifdef __SSE2__
    // Sixteen bytes at a time: lines are short (about 25 bytes in NixOS
    // modules), so one memchr() call per line costs more than the scan. A
    // carriage return sends the rest of the text to the byte loop below.
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (; i + 16 <= size; i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(begin + i));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, cr)) != 0) {
            break;
        }
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, lf)));
        while (mask != 0) {
            m_lineStarts.push_back(static_cast<std::uint32_t>(i + static_cast<std::size_t>(std::countr_zero(mask)) + 1));
            mask &= mask - 1;
        }
    }
#endif
    // LF, CRLF and a lone CR each end a line.
    for (; i < size; ++i) {
        const char c = begin[i];
        if (c == '\n') {
            m_lineStarts.push_back(static_cast<std::uint32_t>(i + 1));
        } else if (c == '\r') {
            if (i + 1 < size && begin[i + 1] == '\n') {
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

} // namespace Snowpane::Nix
