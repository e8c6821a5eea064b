// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sourceupdate.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

QList<ChannelEntry> parseChannelList(const QByteArray &text)
{
    static const QRegularExpression comment(u"\\A\\s*#"_s);
    static const QRegularExpression validName(u"\\A[a-zA-Z0-9_][a-zA-Z0-9_.-]*\\z"_s);
    static const QRegularExpression validUrl(u"\\A(file|http|https)://\\S+\\z"_s);
    QList<ChannelEntry> channels;
    for (const QByteArray &rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || comment.match(line).hasMatch()) {
            continue;
        }
        const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        ChannelEntry entry;
        entry.url = parts.first();
        while (entry.url.endsWith(QLatin1Char('/'))) {
            entry.url.chop(1);
        }
        entry.name = parts.size() > 1 ? parts.at(1) : entry.url.section(QLatin1Char('/'), -1);
        if (!validName.match(entry.name).hasMatch() || !validUrl.match(entry.url).hasMatch()) {
            continue;
        }
        // As nix-channel: a later line for the same name wins.
        channels.removeIf([&entry](const ChannelEntry &c) {
            return c.name == entry.name;
        });
        channels.append(entry);
    }
    std::sort(channels.begin(), channels.end(), [](const ChannelEntry &a, const ChannelEntry &b) {
        return a.name < b.name;
    });
    return channels;
}

QStringList channelsToUpdate(const QList<ChannelEntry> &channels, const QSet<QString> &marked)
{
    QStringList names;
    for (const ChannelEntry &channel : channels) {
        if (channel.name == "nixos"_L1 || marked.contains(channel.name)) {
            names.append(channel.name);
        }
    }
    return names;
}

QString channelTarballUrl(const QString &url)
{
    static const QRegularExpression tarball(u"\\.tar\\.(gz|bz2|xz)\\z"_s);
    return tarball.match(url).hasMatch() ? url : url + u"/nixexprs.tar.xz"_s;
}

QString channelPackageName(const ChannelEntry &channel)
{
    static const QRegularExpression version(u"(-\\d.*)\\z"_s);
    const auto match = version.match(channel.url.section(QLatin1Char('/'), -1));
    return match.hasMatch() ? channel.name + match.captured(1) : channel.name;
}

QString nixString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), u"\\\\"_s).replace(QLatin1Char('"'), u"\\\""_s).replace(u"${"_s, u"\\${"_s);
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

}
