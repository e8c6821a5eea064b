// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "unifieddiff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace Snowpane::Config
{

namespace
{

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t nl = text.find('\n', at);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(at, end - at));
        at = end;
    }
    return lines;
}

enum class Op : char {
    Keep = ' ',
    Remove = '-',
    Add = '+'
};

struct Line {
    Op op;
    std::string_view text;
};

// Edits are local, so after trimming the common head and tail the middle is
// small; an LCS table over it is cheap. A huge middle degrades to
// remove-all/add-all rather than a quadratic table.
std::vector<Line> diffLines(const std::vector<std::string_view> &a, const std::vector<std::string_view> &b)
{
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) {
        ++head;
    }
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        ++tail;
    }
    std::vector<Line> out;
    for (std::size_t i = 0; i < head; ++i) {
        out.push_back({Op::Keep, a[i]});
    }
    const std::size_t n = a.size() - head - tail;
    const std::size_t m = b.size() - head - tail;
    if (n * m <= 4'000'000) {
        std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
        const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t & {
            return table[i * (m + 1) + j];
        };
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                out.push_back({Op::Keep, a[head + i]});
                ++i;
                ++j;
            } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
                out.push_back({Op::Add, b[head + j++]});
            } else {
                out.push_back({Op::Remove, a[head + i++]});
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            out.push_back({Op::Remove, a[head + i]});
        }
        for (std::size_t j = 0; j < m; ++j) {
            out.push_back({Op::Add, b[head + j]});
        }
    }
    for (std::size_t i = a.size() - tail; i < a.size(); ++i) {
        out.push_back({Op::Keep, a[i]});
    }
    // Removals before additions inside each changed run, as diff -u prints them.
    for (std::size_t i = 0; i < out.size();) {
        std::size_t j = i;
        while (j < out.size() && out[j].op != Op::Keep) {
            ++j;
        }
        std::stable_partition(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(j), [](const Line &l) {
            return l.op == Op::Remove;
        });
        i = j + 1;
    }
    return out;
}

void appendLine(std::string &out, char op, std::string_view text)
{
    out += op;
    out += text;
    if (text.empty() || text.back() != '\n') {
        out += "\n\\ No newline at end of file\n";
    }
}

} // namespace

std::string unifiedDiff(std::string_view name, std::string_view before, std::string_view after)
{
    if (before == after) {
        return {};
    }
    const std::vector<Line> lines = diffLines(splitLines(before), splitLines(after));
    constexpr std::size_t context = 3;
    std::string out = "--- a/" + std::string(name) + "\n+++ b/" + std::string(name) + "\n";
    std::size_t i = 0;
    while (i < lines.size()) {
        if (lines[i].op == Op::Keep) {
            ++i;
            continue;
        }
        // One hunk: from `context` lines before this change to `context` after the last change that is close enough.
        const std::size_t start = i >= context ? i - context : 0;
        std::size_t end = i;
        while (true) {
            while (end < lines.size() && lines[end].op != Op::Keep) {
                ++end;
            }
            std::size_t next = end;
            while (next < lines.size() && lines[next].op == Op::Keep) {
                ++next;
            }
            if (next < lines.size() && next - end <= 2 * context) {
                end = next;
                continue;
            }
            end = std::min(end + context, lines.size());
            break;
        }
        std::size_t oldStart = 1;
        std::size_t newStart = 1;
        for (std::size_t k = 0; k < start; ++k) {
            oldStart += lines[k].op != Op::Add;
            newStart += lines[k].op != Op::Remove;
        }
        std::size_t oldCount = 0;
        std::size_t newCount = 0;
        for (std::size_t k = start; k < end; ++k) {
            oldCount += lines[k].op != Op::Add;
            newCount += lines[k].op != Op::Remove;
        }
        out += "@@ -" + std::to_string(oldCount == 0 ? oldStart - 1 : oldStart) + (oldCount == 1 ? "" : "," + std::to_string(oldCount)) + " +"
            + std::to_string(newCount == 0 ? newStart - 1 : newStart) + (newCount == 1 ? "" : "," + std::to_string(newCount)) + " @@\n";
        for (std::size_t k = start; k < end; ++k) {
            appendLine(out, static_cast<char>(lines[k].op), lines[k].text);
        }
        i = end;
    }
    return out;
}

} // namespace Snowpane::Config
