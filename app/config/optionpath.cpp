// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optionpath.h"

#include "literals.h"

#include <array>

namespace Snowpane::Config
{

std::optional<OptionPath> parseOptionPath(std::string_view text)
{
    OptionPath path;
    std::size_t i = 0;
    while (true) {
        std::string name;
        if (i < text.size() && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const char c = text[i++];
                if (c == '\\' && i < text.size()) {
                    name += text[i++];
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    name += c;
                }
            }
            if (!closed) {
                return std::nullopt;
            }
        } else {
            while (i < text.size() && text[i] != '.') {
                name += text[i++];
            }
            if (name.empty()) {
                return std::nullopt;
            }
        }
        path.push_back(std::move(name));
        if (i == text.size()) {
            return path;
        }
        if (text[i] != '.') {
            return std::nullopt;
        }
        ++i;
    }
}

bool isBareAttrName(std::string_view name)
{
    static constexpr std::array<std::string_view, 10> keywords = {"if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"};
    if (name.empty()) {
        return false;
    }
    const auto isStart = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    if (!isStart(name.front())) {
        return false;
    }
    for (const char c : name) {
        if (!isStart(c) && !(c >= '0' && c <= '9') && c != '\'' && c != '-') {
            return false;
        }
    }
    for (const std::string_view keyword : keywords) {
        if (name == keyword) {
            return false;
        }
    }
    return true;
}

std::string formatAttrName(std::string_view name)
{
    if (isBareAttrName(name)) {
        return std::string(name);
    }
    std::string out;
    Nix::appendQuotedString(out, name);
    return out;
}

std::string formatAttrPath(const OptionPath &path, std::size_t from)
{
    std::string out;
    for (std::size_t i = from; i < path.size(); ++i) {
        if (i > from) {
            out += '.';
        }
        out += formatAttrName(path[i]);
    }
    return out;
}

std::size_t commonPrefix(const OptionPath &a, std::size_t aFrom, const OptionPath &b, std::size_t bFrom)
{
    std::size_t k = 0;
    while (aFrom + k < a.size() && bFrom + k < b.size() && a[aFrom + k] == b[bFrom + k]) {
        ++k;
    }
    return k;
}

} // namespace Snowpane::Config
