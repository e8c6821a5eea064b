// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

#include <sys/types.h>

namespace Snowpane::Config
{

/** What lstat says about a configuration directory: the facts the writer is chosen from. */
struct DirectoryFacts {
    bool exists = false;
    bool isSymbolicLink = false;
    bool isDirectory = false;
    uid_t owner = 0;
    mode_t mode = 0;
};

/** Who may write a configuration directory. */
enum class Writer {
    Helper, ///< owned by root: the privileged helper writes it, as it always has
    User, ///< owned by the person running Snowpane: the window writes it, as that person
    Refused, ///< anything else; the reason names what is wrong (and whose it is)
};

struct WriterDecision {
    Writer writer = Writer::Refused;
    /** For Refused: one sentence naming the directory and what is wrong with it. */
    QString reason;
};

/** The facts of `path` itself, never following a link at its end. */
[[nodiscard]] DirectoryFacts inspectDirectory(const QString &path);

/** The login name of `uid`, or "uid N" when the system has none. */
[[nodiscard]] QString userName(uid_t uid);

/**
 * Decides who writes `path` for the person `user`: root's directory is the
 * helper's, the person's own is the window's, and everything else is
 * refused with the owner named. A link is refused too (it could be pointed
 * elsewhere after the check), and so is a directory others may write into
 * (group- or world-writable): what they put there would be committed in
 * the person's name and built as root. Pure, so that every case is tested.
 */
[[nodiscard]] WriterDecision decideWriter(const QString &path, const DirectoryFacts &facts, uid_t user, const std::function<QString(uid_t)> &nameOf = userName);

/** decideWriter() on the directory as it is now. */
[[nodiscard]] WriterDecision whoWrites(const QString &path, uid_t user);

/** A place a configuration was found on first start, with where the hint came from. */
struct Candidate {
    enum class Kind {
        Flake, ///< a directory with flake.nix
        Classic, ///< a directory with configuration.nix
    };
    /** The real directory: links on the way resolved, so that the choice names what will be written. */
    QString directory;
    Kind kind = Kind::Classic;
    /** A host named by the hint (`NH_FLAKE=~/cfg#laptop`), else empty. */
    QString host;
    /** Where it was found, in order: "/etc/nixos/flake.nix", "NIXOS_CONFIG", "NH_OS_FLAKE", "NH_FLAKE". */
    QStringList sources;
    /** Set when the hint named a link: what it named, so the person sees both. */
    QString linkedFrom;
};

/**
 * The configurations NixOS and its tools would use: `flake.nix` and
 * `configuration.nix` in `etcNixos` (/etc/nixos), then `NIXOS_CONFIG`, then
 * nh's `NH_OS_FLAKE` and `NH_FLAKE` (a path, `path:` or `git+file:` flake
 * reference, with an optional `#host`). `environment` holds the variables;
 * `HOME` expands a leading `~`. Hints that name nothing on disk, remote
 * flakes and relative paths are left out; two hints for one directory make
 * one candidate with both sources. Nothing is chosen here: the window offers
 * the list and the person picks.
 */
[[nodiscard]] std::vector<Candidate> findCandidates(const QHash<QString, QString> &environment, const QString &etcNixos = QStringLiteral("/etc/nixos"));

/** The candidates for this process: its own environment and /etc/nixos. */
[[nodiscard]] std::vector<Candidate> findCandidates();

}
