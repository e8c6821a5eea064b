// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// restoreconfig of a whole commit. Not libgit2's forced checkout, which
// overwrites ignored files it never saved, writes as root through an ignored
// link or a hard link, and stops half-way on an error: the tracked files go
// back one by one through the confined, atomic writer writeconfig uses, each
// .nix file parse-checked, and only once every one of them has been checked.

#include "committable.h"
#include "operations.h"
#include "parsecheck.h"

#include <QMap>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

using Protocol::HelperError;

namespace
{

constexpr int MaxTrackedFiles = 10000;
// As much as writeconfig reads of one file before it writes.
constexpr qsizetype MaxRestoredBytes = MaxContentBytes * 4;
// git's modes (GIT_FILEMODE_*), which GitEntry carries.
constexpr quint32 RegularMode = 0100644;
constexpr quint32 ExecutableMode = 0100755;
constexpr quint32 LinkMode = 0120000;

/** One file the restore changes: written with `content`, or removed when there is none. */
struct Step {
    RelativeName name;
    std::optional<QByteArray> content;
    bool executable = false;
    /** What is there now, and its bytes: put back if a later step fails. */
    FileStatus before;
    std::optional<QByteArray> previous;
};

/** The owner and mode a restored file gets: the current file's, with git's executable bit; 0644 or 0755 for a new one. */
FileStatus restoredAs(const FileStatus &current, bool executable)
{
    FileStatus as = current.kind == FileStatus::Kind::Regular ? current : FileStatus{};
    // Never setuid, setgid or sticky: only the permission bits go over.
    mode_t mode = as.mode & 0777;
    mode = executable ? mode | ((mode & 0444) >> 2) : mode & ~mode_t(0111);
    as.kind = FileStatus::Kind::Regular;
    as.mode = mode;
    return as;
}

}

OperationResult Operations::restoreAll(const RestoreConfigRequest &request, const ConfinedDirectory &dir, const GitStore &git)
{
    const auto fail = [](const QString &message) {
        return OperationResult::failure(HelperError::Failed, message);
    };
    const QString shortId = request.commit.left(12);
    // Tracked changes are saved first, so that the restore can be undone; afterwards the index is the working tree.
    auto before = git.commitAll(u"Snowpane: save the configuration as it was before a restore"_s);
    if (!before) {
        return fail(before.error());
    }
    auto old = git.entriesAt(request.commit, MaxTrackedFiles);
    if (!old) {
        return fail(old.error());
    }
    auto tracked = git.trackedEntries(MaxTrackedFiles);
    if (!tracked) {
        return fail(tracked.error());
    }
    QMap<QString, GitEntry> then;
    QMap<QString, GitEntry> now;
    for (const GitEntry &entry : old.value()) {
        then.insert(entry.path, entry);
    }
    for (const GitEntry &entry : tracked.value()) {
        now.insert(entry.path, entry);
    }
    QStringList paths = then.keys() + now.keys();
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());

    // Everything is checked before anything is written.
    std::vector<Step> steps;
    QStringList leftAlone;
    for (const QString &path : paths) {
        const auto inOld = then.constFind(path);
        const auto inIndex = now.constFind(path);
        const bool wasThere = inOld != then.cend();
        const bool isTracked = inIndex != now.cend();
        if (wasThere && isTracked && inOld->mode == inIndex->mode && inOld->id == inIndex->id) {
            continue;
        }
        auto name = validateTrackedPath(path);
        if (!name) {
            return fail(u"commit %1 holds a file the helper does not write: %2"_s.arg(shortId, name.error()));
        }
        auto status = dir.status(name.value());
        if (!isTracked) {
            // Untracked or ignored now: what is at that name is someone's own and stays; only a missing file comes back.
            if (!status || status.value().kind != FileStatus::Kind::Missing) {
                leftAlone.append(path);
                continue;
            }
        } else if (!status) {
            return fail(status.error());
        }
        if (auto single = checkSingleFile(name.value(), status.value()); !single) {
            return fail(single.error());
        }
        Step step{name.value(), std::nullopt, false, status.value(), std::nullopt};
        if (wasThere) {
            if (inOld->mode != RegularMode && inOld->mode != ExecutableMode) {
                return fail(u"%1 is %2 in commit %3; the helper restores regular files only"_s
                                .arg(path, inOld->mode == LinkMode ? u"a symbolic link"_s : u"not a regular file"_s, shortId));
            }
            auto content = git.blob(inOld->id, MaxRestoredBytes);
            if (!content) {
                return fail(content.error());
            }
            if (path.endsWith(".nix"_L1)) {
                if (auto parsed = checkNixParses(path, content.value(), m_config); !parsed) {
                    return fail(u"the file does not parse in commit %1: %2"_s.arg(shortId, parsed.error()));
                }
            }
            if (auto committable = checkCommittable(dir, git, name.value()); !committable) {
                return fail(committable.error());
            }
            step.content = content.value();
            step.executable = inOld->mode == ExecutableMode;
        }
        if (status.value().kind == FileStatus::Kind::Regular) {
            auto previous = dir.read(name.value(), MaxRestoredBytes);
            if (!previous) {
                return fail(previous.error());
            }
            step.previous = previous.value();
        }
        steps.push_back(std::move(step));
    }

    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step &step = steps[i];
        const auto written = step.content ? dir.writeAtomically(step.name, *step.content, restoredAs(step.before, step.executable)) : dir.remove(step.name);
        if (written) {
            continue;
        }
        // Back to what was there, newest first, so that nothing stays half-restored.
        for (std::size_t j = i; j-- > 0;) {
            const Step &done = steps[j];
            if (done.previous) {
                (void)dir.writeAtomically(done.name, *done.previous, done.before);
            } else {
                (void)dir.remove(done.name);
            }
        }
        return fail(written.error());
    }

    QList<StagedFile> files;
    for (const Step &step : steps) {
        files.append(StagedFile{step.name.text, step.content, step.executable});
    }
    auto commit = git.commitFiles(files, u"Snowpane: restore the configuration of %1"_s.arg(shortId));
    if (!commit) {
        return fail(commit.error());
    }
    auto head = commit.value() ? Checked<QString>::ok(*commit.value()) : git.head();
    if (!head) {
        return fail(head.error());
    }
    return OperationResult::success({{QLatin1String(Protocol::Reply::Commit), head.value()},
                                     {QLatin1String(Protocol::Reply::Restored), request.commit},
                                     {QLatin1String(Protocol::Reply::Changed), !steps.empty()},
                                     {QLatin1String(Protocol::Reply::LeftAlone), leftAlone}});
}

}
