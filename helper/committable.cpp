// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "committable.h"

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

Checked<Done> checkCommittable(const ConfinedDirectory &dir, const GitStore &git, const RelativeName &name)
{
    using R = Checked<Done>;
    const auto ignored = git.isIgnored(name.text);
    if (!ignored) {
        return R::fail(ignored.error());
    }
    if (ignored.value()) {
        return R::ok({});
    }
    const auto why = dir.whyPrivate(name);
    if (!why) {
        return R::fail(why.error());
    }
    if (!why.value().isEmpty()) {
        return R::fail(
            u"%1; Snowpane commits every file it writes, and everyone who can read the configuration can read its git history, "
            "so it does not write this one. Keep the secret in a file git does not track, or make the file readable by others "
            "if it holds none"_s.arg(why.value()));
    }
    return R::ok({});
}

Checked<Done> checkSingleFile(const RelativeName &name, const FileStatus &status)
{
    using R = Checked<Done>;
    switch (status.kind) {
    case FileStatus::Kind::Missing:
        return R::ok({});
    case FileStatus::Kind::SymbolicLink:
        return R::fail(u"%1 is a symbolic link; the helper neither writes through it nor replaces it"_s.arg(name.text));
    case FileStatus::Kind::Other:
        return R::fail(u"%1 is not a regular file"_s.arg(name.text));
    case FileStatus::Kind::Regular:
        break;
    }
    if (status.links > 1) {
        return R::fail(
            u"%1 has %2 hard links: another name elsewhere shares its content, so the helper does not replace it"_s.arg(name.text).arg(status.links));
    }
    return R::ok({});
}

}
