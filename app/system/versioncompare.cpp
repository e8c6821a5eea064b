// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "versioncompare.h"

#include <limits>
#include <optional>

namespace Snowpane::System
{

namespace
{

// Nix tests with the C locale's isdigit; a non-ASCII digit is not one.
bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isSeparator(QChar c)
{
    return c == u'.' || c == u'-';
}

QStringView nextComponent(QStringView text, qsizetype &position)
{
    while (position < text.size() && isSeparator(text[position])) {
        ++position;
    }
    const qsizetype start = position;
    if (position < text.size() && isDigit(text[position])) {
        while (position < text.size() && isDigit(text[position])) {
            ++position;
        }
    } else {
        while (position < text.size() && !isDigit(text[position]) && !isSeparator(text[position])) {
            ++position;
        }
    }
    return text.sliced(start, position - start);
}

// Nix parses components with string2Int<int>: a number too large for an int
// is not a number at all, which makes "2147483648" sort below "2". Real Nix
// does that, so we do too.
std::optional<int> toNumber(QStringView component)
{
    if (component.isEmpty()) {
        return std::nullopt;
    }
    long long value = 0;
    for (const QChar c : component) {
        if (!isDigit(c)) {
            return std::nullopt;
        }
        value = value * 10 + (c.unicode() - u'0');
        if (value > std::numeric_limits<int>::max()) {
            return std::nullopt;
        }
    }
    return static_cast<int>(value);
}

bool componentLess(QStringView left, QStringView right)
{
    const std::optional<int> leftNumber = toNumber(left);
    const std::optional<int> rightNumber = toNumber(right);
    if (leftNumber && rightNumber) {
        return *leftNumber < *rightNumber;
    }
    if (left.isEmpty() && rightNumber) {
        return true;
    }
    if (left == u"pre" && right != u"pre") {
        return true;
    }
    if (right == u"pre") {
        return false;
    }
    // Nix assumes that 2.3a < 2.3.1.
    if (rightNumber) {
        return true;
    }
    if (leftNumber) {
        return false;
    }
    // std::string's operator< compares bytes; UTF-16 order differs from UTF-8
    // byte order only above U+FFFF against U+E000..U+FFFF, which no version uses.
    return left.compare(right, Qt::CaseSensitive) < 0;
}

} // namespace

int compareVersions(QStringView left, QStringView right)
{
    qsizetype leftPosition = 0;
    qsizetype rightPosition = 0;
    while (leftPosition < left.size() || rightPosition < right.size()) {
        const QStringView leftComponent = nextComponent(left, leftPosition);
        const QStringView rightComponent = nextComponent(right, rightPosition);
        if (componentLess(leftComponent, rightComponent)) {
            return -1;
        }
        if (componentLess(rightComponent, leftComponent)) {
            return 1;
        }
    }
    return 0;
}

} // namespace Snowpane::System
