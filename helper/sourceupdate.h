// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

/**
 * The pure parts of `updatesources`: reading flake.lock and root's channel
 * list, choosing the channels to update, and the words of the commit
 * message. No file system and no processes, so each is tested on its own.
 */
namespace Snowpane::Helper
{

/** One direct input of a flake, as its flake.lock records it. */
struct LockedInput {
    QString name;
    QString revision; // the git revision; empty for inputs without one (path, tarball)
    QDateTime date; // lastModified, UTC; invalid when not recorded
    QString narHash;
};

/** The root's direct inputs of a flake.lock (version 7), in name order; inputs that only follow another are left out. Malformed text gives an empty list. */
[[nodiscard]] QList<LockedInput> parseFlakeLockInputs(const QByteArray &json);

/** An input whose locked revision changed (or that appeared or disappeared) between two lock files. */
struct InputChange {
    QString name;
    QString oldRevision;
    QString newRevision;
    QDateTime oldDate;
    QDateTime newDate;
};

/** The inputs whose lock changed from `before` to `after`, in name order. */
[[nodiscard]] QList<InputChange> changedInputs(const QList<LockedInput> &before, const QList<LockedInput> &after);

/** "Update flake inputs\n\nnixpkgs: 1a2b3c4 (2024-11-20) → 5d6e7f8 (2024-12-01)\n", one line per change. */
[[nodiscard]] QString flakeUpdateMessage(const QList<InputChange> &changes);

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
