// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

/**
 * The pure parts of `updatesources` for root's channels: reading the channel
 * list and choosing the channels to update. No file system and no
 * processes, so each is tested on its own. Reading flake.lock is the
 * window's too, in app/system's flakelock.h.
 */
namespace Snowpane::Helper
{

/** One line of root's channel list (`URL NAME`). */
struct ChannelEntry {
    QString url;
    QString name;
};

/**
 * The channels of a `.nix-channels` text as nix-channel reads it: comment
 * lines skipped, trailing slashes of the URL dropped, the name defaulting
 * to the URL's last component. Lines with a name nix-channel would refuse,
 * or a URL that is not file://, http:// or https://, are left out.
 */
[[nodiscard]] QList<ChannelEntry> parseChannelList(const QByteArray &text);

/**
 * The channels `nixos-rebuild --upgrade` updates: `nixos`, and every channel
 * whose current tree holds `.update-on-nixos-rebuild` (`marked`). Only
 * channels in the list can be updated, as with nix-channel.
 */
[[nodiscard]] QStringList channelsToUpdate(const QList<ChannelEntry> &channels, const QSet<QString> &marked);

/** Where nix-channel fetches a channel's expressions: the URL itself if it names a tarball, else URL/nixexprs.tar.xz. */
[[nodiscard]] QString channelTarballUrl(const QString &url);

/** The name of the channel's derivation in the profile: the channel name plus a version in the URL (nixos-24.11 for …/nixos-24.11). */
[[nodiscard]] QString channelPackageName(const ChannelEntry &channel);

/** `text` as a Nix string literal, quotes included, with `"`, `\` and `${` escaped. */
[[nodiscard]] QString nixString(const QString &text);

}
