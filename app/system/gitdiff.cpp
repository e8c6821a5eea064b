// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gitdiff.h"
#include "gitrepository.h"
#include "gitwrappers.h"

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

struct TreeResult {
    Git::TreePtr tree;
    QString error;
};

TreeResult treeOf(git_repository *repository, const QString &revision)
{
    TreeResult result;
    git_object *raw = nullptr;
    const QByteArray spec = (revision + u"^{tree}"_s).toUtf8();
    const int code = git_revparse_single(&raw, repository, spec.constData());
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot find the revision %1"_s.arg(revision), code);
        return result;
    }
    result.tree.reset(reinterpret_cast<git_tree *>(raw));
    return result;
}

FileDiff::Status statusOf(git_delta_t status)
{
    switch (status) {
    case GIT_DELTA_ADDED:
    case GIT_DELTA_UNTRACKED:
        return FileDiff::Status::Added;
    case GIT_DELTA_DELETED:
        return FileDiff::Status::Deleted;
    case GIT_DELTA_RENAMED:
        return FileDiff::Status::Renamed;
    case GIT_DELTA_COPIED:
        return FileDiff::Status::Copied;
    case GIT_DELTA_TYPECHANGE:
        return FileDiff::Status::TypeChanged;
    default:
        return FileDiff::Status::Modified;
    }
}

QString lineText(const git_diff_line *line)
{
    QString text = QString::fromUtf8(line->content, qsizetype(line->content_len));
    while (text.endsWith(u'\n') || text.endsWith(u'\r')) {
        text.chop(1);
    }
    return text;
}

// Turns a git_diff into files, hunks and lines, then finds renames and
// renders the text. The hunks and lines libgit2 returns are borrowed from
// their patch and copied out before the patch is freed.
ConfigurationDiff collect(git_diff *diff)
{
    ConfigurationDiff result;
    git_diff_find_options findOptions = GIT_DIFF_FIND_OPTIONS_INIT;
    findOptions.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_FOR_UNTRACKED;
    int code = git_diff_find_similar(diff, &findOptions);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot look for renamed files"_s, code);
        return result;
    }
    const size_t deltas = git_diff_num_deltas(diff);
    for (size_t i = 0; i < deltas; ++i) {
        git_patch *rawPatch = nullptr;
        code = git_patch_from_diff(&rawPatch, diff, i);
        const Git::PatchPtr patch(rawPatch);
        if (code < 0) {
            result.error = Git::errorMessage(u"Cannot compute the diff"_s, code);
            return result;
        }
        const git_diff_delta *delta = git_diff_get_delta(diff, i);
        FileDiff file;
        file.status = statusOf(delta->status);
        file.oldPath = QString::fromUtf8(delta->old_file.path);
        file.newPath = QString::fromUtf8(delta->new_file.path);
        file.similarity = int(delta->similarity);
        file.binary = (delta->flags & GIT_DIFF_FLAG_BINARY) != 0;
        if (!patch) {
            result.files.append(std::move(file)); // an unchanged or binary file has no patch
            continue;
        }
        const size_t hunkCount = git_patch_num_hunks(patch.get());
        for (size_t h = 0; h < hunkCount; ++h) {
            const git_diff_hunk *rawHunk = nullptr;
            size_t lineCount = 0;
            if (git_patch_get_hunk(&rawHunk, &lineCount, patch.get(), h) < 0) {
                continue;
            }
            DiffHunk hunk;
            hunk.oldStart = rawHunk->old_start;
            hunk.oldLines = rawHunk->old_lines;
            hunk.newStart = rawHunk->new_start;
            hunk.newLines = rawHunk->new_lines;
            hunk.header = QString::fromUtf8(rawHunk->header, qsizetype(rawHunk->header_len)).trimmed();
            for (size_t l = 0; l < lineCount; ++l) {
                const git_diff_line *line = nullptr;
                if (git_patch_get_line_in_hunk(&line, patch.get(), h, l) < 0) {
                    continue;
                }
                // '=', '>' and '<' mark end-of-file newline notes, not lines.
                if (line->origin != GIT_DIFF_LINE_CONTEXT && line->origin != GIT_DIFF_LINE_ADDITION && line->origin != GIT_DIFF_LINE_DELETION) {
                    continue;
                }
                hunk.lines.append({line->origin, line->old_lineno, line->new_lineno, lineText(line)});
            }
            file.hunks.append(std::move(hunk));
        }
        result.files.append(std::move(file));
    }
    Git::Buffer text;
    code = git_diff_to_buf(text.get(), diff, GIT_DIFF_FORMAT_PATCH);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot render the diff"_s, code);
        return result;
    }
    result.text = text.toString();
    return result;
}

git_diff_options diffOptions()
{
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_SHOW_UNTRACKED_CONTENT;
    return options;
}

} // namespace

ConfigurationDiff diffCommits(const GitRepository &repository, const QString &from, const QString &to)
{
    ConfigurationDiff result;
    const TreeResult oldTree = treeOf(repository.handle(), from);
    const TreeResult newTree = oldTree.error.isEmpty() ? treeOf(repository.handle(), to) : TreeResult{};
    if (!oldTree.error.isEmpty() || !newTree.error.isEmpty()) {
        result.error = oldTree.error.isEmpty() ? newTree.error : oldTree.error;
        return result;
    }
    const git_diff_options options = diffOptions();
    git_diff *raw = nullptr;
    const int code = git_diff_tree_to_tree(&raw, repository.handle(), oldTree.tree.get(), newTree.tree.get(), &options);
    const Git::DiffPtr diff(raw);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot compare %1 with %2"_s.arg(from, to), code);
        return result;
    }
    return collect(diff.get());
}

ConfigurationDiff diffToWorkingTree(const GitRepository &repository, const QString &from)
{
    ConfigurationDiff result;
    // An empty repository has no commit to compare with: every file is new.
    TreeResult oldTree;
    if (!repository.head().unborn || from != u"HEAD"_s) {
        oldTree = treeOf(repository.handle(), from);
        if (!oldTree.error.isEmpty()) {
            result.error = oldTree.error;
            return result;
        }
    }
    const git_diff_options options = diffOptions();
    git_diff *raw = nullptr;
    const int code = git_diff_tree_to_workdir_with_index(&raw, repository.handle(), oldTree.tree.get(), &options);
    const Git::DiffPtr diff(raw);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot compare %1 with the working tree"_s.arg(from), code);
        return result;
    }
    return collect(diff.get());
}

} // namespace Snowpane::System
