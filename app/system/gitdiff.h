// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace Snowpane::System
{

class GitRepository;

/// One line of a hunk: `origin` is ' ', '+' or '-'; a line number is -1 on the side that lacks the line.
struct DiffLine {
    char origin = ' ';
    int oldLine = -1;
    int newLine = -1;
    /// The line's text without its line ending.
    QString text;
};

struct DiffHunk {
    int oldStart = 0;
    int oldLines = 0;
    int newStart = 0;
    int newLines = 0;
    /// The "@@ -a,b +c,d @@ context" line.
    QString header;
    QList<DiffLine> lines;
};

/// The change to one file; a rename has different old and new paths.
struct FileDiff {
    enum class Status {
        Added,
        Deleted,
        Modified,
        Renamed,
        Copied,
        TypeChanged,
    };
    Status status = Status::Modified;
    QString oldPath;
    QString newPath;
    /// For renames and copies: how similar the two files are, 0 to 100.
    int similarity = 0;
    bool binary = false;
    QList<DiffHunk> hunks;
};

/**
 * A configuration diff: per file, hunks with line numbers, renames found by
 * content similarity, and the same diff as unified-diff text for the UI.
 */
struct ConfigurationDiff {
    QList<FileDiff> files;
    QString text;
    QString error;

    [[nodiscard]] bool isValid() const
    {
        return error.isEmpty();
    }
};

/// The diff from commit @p from to commit @p to (any revisions git understands).
[[nodiscard]] ConfigurationDiff diffCommits(const GitRepository &repository, const QString &from, const QString &to);

/**
 * The diff from commit @p from to the working tree as it is on disk,
 * untracked files included: what an apply would commit.
 */
[[nodiscard]] ConfigurationDiff diffToWorkingTree(const GitRepository &repository, const QString &from = QStringLiteral("HEAD"));

} // namespace Snowpane::System
