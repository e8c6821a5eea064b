// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "checked.h"

#include <QString>

#include <sys/types.h>

namespace Snowpane::Helper
{

/** Whose configuration directory the helper builds from, which decides whether it may also write there. */
enum class BuildDirectoryOwner {
    Root, ///< the helper writes, commits and notes generations there
    User, ///< a person's own directory: the helper only reads and builds, as `sudo nixos-rebuild --flake ~/cfg` does
};

/** The configured directory as the helper builds from it. */
struct BuildDirectory {
    BuildDirectoryOwner kind = BuildDirectoryOwner::Root;
    /** Its owner: a user-owned flake is built with SUDO_UID set to it, as under sudo, so that Nix's git accepts the repository. */
    uid_t owner = 0;
};

/**
 * Decides from lstat's facts whether the configured directory can be built
 * from: a real directory (not a link), writable by its owner only, owned by
 * root or by an ordinary user. Pure, with its own data-driven tests; the
 * path itself comes from root's helper.conf, never from the caller.
 */
[[nodiscard]] Checked<BuildDirectory> classifyBuildDirectory(const QString &path, bool isSymbolicLink, bool isDirectory, uid_t owner, mode_t mode);

/** classifyBuildDirectory() on the directory as lstat sees it now. */
[[nodiscard]] Checked<BuildDirectory> inspectBuildDirectory(const QString &path);

}
