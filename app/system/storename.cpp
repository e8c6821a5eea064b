// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "storename.h"

#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

// Nix store hashes are 32 characters of its base-32 alphabet.
constexpr qsizetype hashLength = 32;

// Nix's base-32 alphabet leaves out e, o, u and t. A table, because a
// closure diff checks some 12,000 hashes and a chain of comparisons per
// character was a third of its time.
constexpr std::array<bool, 128> hashCharacters = [] {
    std::array<bool, 128> table{};
    for (char c : std::string_view("0123456789abcdfghijklmnpqrsvwxyz")) {
        table[size_t(c)] = true;
    }
    return table;
}();

bool isHashCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return u < hashCharacters.size() && hashCharacters[u];
}

bool looksLikeHash(QStringView text)
{
    if (text.size() < hashLength + 1 || text[hashLength] != u'-') {
        return false;
    }
    for (qsizetype i = 0; i < hashLength; ++i) {
        if (!isHashCharacter(text[i])) {
            return false;
        }
    }
    return true;
}

// The output names nixpkgs uses for split packages. Only these are taken off
// a version: "-rc1" or "-unstable" are parts of versions.
constexpr std::array outputNames =
    {u"bin", u"dev", u"out", u"lib", u"man", u"doc", u"info", u"debug", u"devdoc", u"static", u"modules", u"devman", u"py", u"python", u"terminfo"};

} // namespace

StoreNameView splitStoreName(QStringView storePathOrName)
{
    QStringView text = storePathOrName;
    constexpr QStringView store = u"/nix/store/";
    if (text.startsWith(store) && looksLikeHash(text.sliced(store.size()))) {
        // The usual case, without a search for every component.
        text = text.sliced(store.size());
        if (const qsizetype slash = text.indexOf(u'/', hashLength); slash >= 0) {
            text = text.first(slash);
        }
    } else if (text.startsWith(u'/')) {
        // /nix/store/HASH-NAME/sub/path: the store path's base name is the
        // first component that starts with a hash; without one, the last.
        QStringView found;
        QStringView last;
        qsizetype start = 0;
        while (start < text.size()) {
            qsizetype end = text.indexOf(u'/', start);
            if (end < 0) {
                end = text.size();
            }
            const QStringView part = text.sliced(start, end - start);
            if (!part.isEmpty()) {
                last = part;
                if (looksLikeHash(part)) {
                    found = part;
                    break;
                }
            }
            start = end + 1;
        }
        text = found.isNull() ? last : found;
    }

    StoreNameView result;
    if (looksLikeHash(text)) {
        result.hash = text.first(hashLength);
        text = text.sliced(hashLength + 1);
    }
    result.name = text;
    result.pname = text;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == u'-' && text[i + 1].unicode() >= u'0' && text[i + 1].unicode() <= u'9') {
            result.pname = text.first(i);
            result.version = text.sliced(i + 1);
            break;
        }
    }
    if (!result.version.isEmpty()) {
        const qsizetype dash = result.version.lastIndexOf(u'-');
        if (dash > 0) {
            const QStringView suffix = result.version.sliced(dash + 1);
            for (const char16_t *output : outputNames) {
                if (suffix == QStringView(output)) {
                    result.output = suffix;
                    result.version = result.version.first(dash);
                    break;
                }
            }
        }
    }
    return result;
}

StoreName parseStoreName(QStringView storePathOrName)
{
    const StoreNameView view = splitStoreName(storePathOrName);
    return {view.hash.toString(), view.name.toString(), view.pname.toString(), view.version.toString(), view.output.toString()};
}

} // namespace Snowpane::System
