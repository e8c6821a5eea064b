// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshtarget.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

QString SshTarget::destination() const
{
    return user.isEmpty() ? host : user + u'@' + host;
}

QString SshTarget::uri() const
{
    if (port <= 0) {
        return u"ssh://"_s + destination();
    }
    // An IPv6 address takes brackets before a port, as ssh:// URIs write it.
    const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
    return u"ssh://"_s + (user.isEmpty() ? QString() : user + u'@') + shownHost + u':' + QString::number(port);
}

QString validateTarget(const SshTarget &target)
{
    // A host name, an ~/.ssh/config alias, an IPv4 or IPv6 address: no option
    // dash first, nothing a shell or ssh's own parser would split or expand.
    static const QRegularExpression hostPattern(u"^[A-Za-z0-9_.:%\\[\\]][A-Za-z0-9_.:%\\[\\]-]*$"_s);
    static const QRegularExpression userPattern(u"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"_s);
    if (target.host.isEmpty()) {
        return u"the target has no host"_s;
    }
    if (!hostPattern.match(target.host).hasMatch()) {
        return u"'%1' is not a host name or address ssh can be given"_s.arg(target.host);
    }
    if (!target.user.isEmpty() && !userPattern.match(target.user).hasMatch()) {
        return u"'%1' is not a user name ssh can be given"_s.arg(target.user);
    }
    if (target.port < 0 || target.port > 65535) {
        return u"port %1 is out of range"_s.arg(target.port);
    }
    for (const QString &option : target.options) {
        // Nix's remote store reads NIX_SSHOPTS split at whitespace, so an
        // option with a space inside could not reach its ssh intact.
        for (const QChar c : option) {
            if (c.isSpace() || c.category() == QChar::Other_Control) {
                return u"the ssh option '%1' contains a space or control character"_s.arg(option);
            }
        }
        if (option.isEmpty()) {
            return u"an ssh option is empty"_s;
        }
    }
    return {};
}

TargetParse parseTarget(const QString &text)
{
    TargetParse parsed;
    QString rest = text.trimmed();
    if (rest.startsWith(u"ssh://"_s) || rest.startsWith(u"ssh-ng://"_s)) {
        rest = rest.mid(rest.indexOf(u"://"_s) + 3);
        if (rest.endsWith(u'/')) {
            rest.chop(1);
        }
    }
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0) {
        parsed.target.user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    if (rest.startsWith(u'[')) {
        // [v6address]:port
        const qsizetype close = rest.indexOf(u']');
        if (close < 0) {
            parsed.error = u"'%1': an IPv6 address in brackets lacks its ']'"_s.arg(text);
            return parsed;
        }
        parsed.target.host = rest.mid(1, close - 1);
        rest = rest.mid(close + 1);
        if (rest.startsWith(u':')) {
            bool ok = false;
            parsed.target.port = rest.mid(1).toInt(&ok);
            if (!ok) {
                parsed.error = u"'%1': the port is not a number"_s.arg(text);
                return parsed;
            }
        } else if (!rest.isEmpty()) {
            parsed.error = u"'%1' is not a target"_s.arg(text);
            return parsed;
        }
    } else {
        const qsizetype colon = rest.indexOf(u':');
        if (colon >= 0 && rest.indexOf(u':', colon + 1) < 0) {
            bool ok = false;
            parsed.target.port = rest.mid(colon + 1).toInt(&ok);
            if (!ok) {
                parsed.error = u"'%1': the port is not a number"_s.arg(text);
                return parsed;
            }
            rest = rest.left(colon);
        }
        parsed.target.host = rest;
    }
    parsed.error = validateTarget(parsed.target);
    if (!parsed.error.isEmpty()) {
        parsed.error = u"'%1': "_s.arg(text) + parsed.error;
    }
    return parsed;
}

} // namespace Snowpane::Remote
