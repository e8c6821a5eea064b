// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "literals.h"

#include <charconv>
#include <cmath>

namespace Snowpane::Nix
{

std::optional<std::int64_t> parseNixInt(std::string_view digits)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parseNixFloat(std::string_view text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || std::isinf(value)) {
        return std::nullopt;
    }
    if (std::fpclassify(value) == FP_SUBNORMAL) {
        return std::nullopt;
    }
    if (value == 0) {
        // glibc's strtod flags a non-zero mantissa that rounds to zero.
        for (const char c : text) {
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9') {
                return std::nullopt;
            }
        }
    }
    return value;
}

std::string formatNixFloat(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6);
    return std::string(buffer, result.ptr);
}

void appendUnescapedString(std::string &out, std::string_view raw)
{
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '\\' && i + 1 < raw.size()) {
            c = raw[++i];
            out += c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
        } else if (c == '\r') {
            out += '\n';
            if (i + 1 < raw.size() && raw[i + 1] == '\n') {
                ++i;
            }
        } else {
            out += c;
        }
    }
}

void appendIndentedEscape(std::string &out, std::string_view raw)
{
    if (raw == "$" || raw == "'") {
        out += raw;
    } else if (raw == "''$") {
        out += '$';
    } else if (raw == "'''") {
        out += "''";
    } else if (raw.size() == 4) {
        appendUnescapedString(out, raw.substr(2));
    }
}

void appendQuotedString(std::string &out, std::string_view value)
{
    out += '"';
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        switch (c) {
        case '"':
        case '\\':
            out += '\\';
            out += c;
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '$':
            if (i + 1 < value.size() && value[i + 1] == '{') {
                out += '\\';
            }
            out += c;
            break;
        default:
            out += c;
        }
    }
    out += '"';
}

} // namespace Snowpane::Nix
