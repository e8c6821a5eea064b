// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "shellquote.h"

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

QString shellQuote(const QString &word)
{
    // Inside single quotes nothing is special but the quote itself, which
    // is closed, escaped and reopened.
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString shellJoin(const QStringList &argv)
{
    QStringList words;
    words.reserve(argv.size());
    for (const QString &word : argv) {
        words.append(shellQuote(word));
    }
    return words.join(u' ');
}

} // namespace Snowpane::Remote
