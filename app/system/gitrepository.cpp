// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gitrepository.h"
#include "systemlogging.h"

#include <QDir>
#include <QFile>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

} // namespace

GitRepository::GitRepository(Git::RepositoryPtr repository)
    : m_repository(std::move(repository))
{
}

GitRepository::~GitRepository()
{
    // The handle goes before m_library, which may shut libgit2 down.
    m_repository.reset();
}

GitRepository::OpenResult GitRepository::open(const QString &directory)
{
    const Git::Library library;
    OpenResult result;
    const QByteArray path = QFile::encodeName(QDir(directory).absolutePath());
    git_repository *raw = nullptr;
    int code = git_repository_open_ext(&raw, path.constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    Git::RepositoryPtr repository(raw);
    if (code == GIT_EOWNER) {
        // /etc/nixos belongs to root and the UI runs as the user. libgit2
        // runs no programs named by a repository's configuration (unlike
        // git's fsmonitor hooks), and every write goes through the helper,
        // so reading someone else's repository is safe here. The option is
        // process-wide; Snowpane only opens the configuration it manages.
        qCInfo(SNOWPANE_SYSTEM) << "reading a repository owned by another user:" << directory;
        git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
        result.ownedByOtherUser = true;
        code = git_repository_open_ext(&raw, path.constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
        repository.reset(raw);
    }
    if (code == GIT_ENOTFOUND) {
        result.status = OpenResult::Status::NotARepository;
        result.error = u"%1 is not under git."_s.arg(directory);
        return result;
    }
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot open the repository in %1"_s.arg(directory), code);
        return result;
    }
    if (git_repository_is_bare(repository.get())) {
        result.error = u"%1 is a bare repository, without the configuration files."_s.arg(directory);
        return result;
    }
    result.status = OpenResult::Status::Opened;
    result.repository.reset(new GitRepository(std::move(repository)));
    return result;
}

GitRepository::OpenResult GitRepository::init(const QString &directory)
{
    const Git::Library library;
    OpenResult result;
    git_repository *raw = nullptr;
    const int code = git_repository_init(&raw, QFile::encodeName(QDir(directory).absolutePath()).constData(), 0);
    Git::RepositoryPtr repository(raw);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot create a repository in %1"_s.arg(directory), code);
        return result;
    }
    result.status = OpenResult::Status::Opened;
    result.repository.reset(new GitRepository(std::move(repository)));
    return result;
}

QString GitRepository::workingDirectory() const
{
    return QDir::cleanPath(fromUtf8(git_repository_workdir(m_repository.get())));
}

HeadState GitRepository::head() const
{
    HeadState state;
    state.unborn = git_repository_head_unborn(m_repository.get()) == 1;
    state.detached = git_repository_head_detached(m_repository.get()) == 1;
    git_reference *raw = nullptr;
    if (git_repository_head(&raw, m_repository.get()) == 0) {
        const Git::ReferencePtr reference(raw);
        if (const git_oid *target = git_reference_target(reference.get())) {
            state.commit = Git::toString(*target);
        }
        if (!state.detached) {
            state.branch = fromUtf8(git_reference_shorthand(reference.get()));
        }
    } else if (state.unborn) {
        // An unborn HEAD still names its branch, in .git/HEAD.
        git_reference *symbolic = nullptr;
        if (git_reference_lookup(&symbolic, m_repository.get(), "HEAD") == 0) {
            const Git::ReferencePtr owner(symbolic);
            state.branch = fromUtf8(git_reference_symbolic_target(owner.get())).remove(u"refs/heads/"_s);
        }
    }
    return state;
}

CommitInfo GitRepository::commitInfo(const git_commit *commit) const
{
    CommitInfo info;
    info.id = Git::toString(*git_commit_id(commit));
    info.shortId = info.id.left(7);
    if (const git_signature *author = git_commit_author(commit)) {
        info.authorName = fromUtf8(author->name);
        info.authorEmail = fromUtf8(author->email);
        info.date = QDateTime::fromSecsSinceEpoch(author->when.time, QTimeZone::fromSecondsAheadOfUtc(author->when.offset * 60));
    }
    // libgit2 takes these non-const because it caches the parsed text in the
    // commit; the strings are borrowed from it and copied here.
    info.subject = fromUtf8(git_commit_summary(const_cast<git_commit *>(commit)));
    info.body = fromUtf8(git_commit_body(const_cast<git_commit *>(commit))).trimmed();
    return info;
}

GitRepository::LogResult GitRepository::log(int maxCount) const
{
    LogResult result;
    if (git_repository_head_unborn(m_repository.get()) == 1) {
        return result; // an empty repository has an empty history
    }
    git_revwalk *rawWalk = nullptr;
    int code = git_revwalk_new(&rawWalk, m_repository.get());
    const Git::RevwalkPtr walk(rawWalk);
    if (code == 0) {
        git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
        code = git_revwalk_push_head(walk.get());
    }
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot read the history"_s, code);
        return result;
    }
    git_oid oid;
    while ((maxCount <= 0 || result.commits.size() < maxCount) && (code = git_revwalk_next(&oid, walk.get())) == 0) {
        git_commit *rawCommit = nullptr;
        code = git_commit_lookup(&rawCommit, m_repository.get(), &oid);
        const Git::CommitPtr commit(rawCommit);
        if (code < 0) {
            result.error = Git::errorMessage(u"Cannot read commit %1"_s.arg(Git::toString(oid)), code);
            return result;
        }
        result.commits.append(commitInfo(commit.get()));
    }
    if (code < 0 && code != GIT_ITEROVER) {
        result.error = Git::errorMessage(u"Cannot read the history"_s, code);
    }
    return result;
}

std::optional<CommitInfo> GitRepository::commit(const QString &revision) const
{
    git_object *raw = nullptr;
    if (git_revparse_single(&raw, m_repository.get(), revision.toUtf8().constData()) < 0) {
        return std::nullopt;
    }
    const Git::ObjectPtr object(raw);
    git_object *peeled = nullptr;
    if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) < 0) {
        return std::nullopt;
    }
    const Git::ObjectPtr commit(peeled);
    return commitInfo(reinterpret_cast<const git_commit *>(commit.get()));
}

GitRepository::StatusResult GitRepository::status() const
{
    StatusResult result;
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX;
    git_status_list *raw = nullptr;
    const int code = git_status_list_new(&raw, m_repository.get(), &options);
    const Git::StatusListPtr list(raw);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot read the working tree's status"_s, code);
        return result;
    }
    // Untracked files do not count: they may be secrets, and no commit takes them. A file Snowpane
    // wrote is in the index (intent to add), so it counts, however libgit2 classifies such an entry.
    git_index *rawIndex = nullptr;
    if (const int indexCode = git_repository_index(&rawIndex, m_repository.get()); indexCode < 0) {
        result.error = Git::errorMessage(u"Cannot read the index"_s, indexCode);
        return result;
    }
    const Git::IndexPtr index(rawIndex);
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list.get(), i);
        const git_diff_delta *delta = entry->index_to_workdir ? entry->index_to_workdir : entry->head_to_index;
        if (!delta) {
            continue;
        }
        const char *path = delta->new_file.path ? delta->new_file.path : delta->old_file.path;
        if (entry->status == GIT_STATUS_WT_NEW && !git_index_get_bypath(index.get(), path, 0)) {
            continue;
        }
        result.changedPaths.append(fromUtf8(path));
    }
    return result;
}

Git::SignaturePtr GitRepository::signature() const
{
    git_signature *raw = nullptr;
    if (git_signature_default(&raw, m_repository.get()) < 0) {
        // No user.name in any git configuration: commits still need an author.
        git_signature_now(&raw, "Snowpane", "snowpane@localhost");
    }
    return Git::SignaturePtr(raw);
}

Git::IndexPtr GitRepository::freshIndex(QString *error) const
{
    git_index *raw = nullptr;
    const int code = git_repository_index(&raw, m_repository.get());
    Git::IndexPtr index(raw);
    if (code < 0) {
        *error = Git::errorMessage(u"Cannot read the index"_s, code);
        return {};
    }
    // Another program (git itself) may have changed it since the repository was opened.
    if (git_index_read(index.get(), 0) < 0) {
        *error = Git::errorMessage(u"Cannot read the index"_s, -1);
        return {};
    }
    return index;
}

GitRepository::CommitResult GitRepository::commitTracked(const QStringList &written, const QString &message)
{
    GitRepository::CommitResult result;
    const Git::IndexPtr index = freshIndex(&result.error);
    if (!index) {
        return result;
    }
    // update_all stages changes and deletions of tracked files only; untracked files stay out.
    int code = git_index_update_all(index.get(), nullptr, nullptr, nullptr);
    for (qsizetype i = 0; code == 0 && i < written.size(); ++i) {
        code = git_index_add_bypath(index.get(), written.at(i).toUtf8().constData());
    }
    if (code == 0) {
        code = git_index_write(index.get());
    }
    git_oid treeId;
    if (code == 0) {
        code = git_index_write_tree(&treeId, index.get());
    }
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot stage the changes"_s, code);
        return result;
    }
    Git::CommitPtr parent;
    if (git_repository_head_unborn(m_repository.get()) != 1) {
        git_object *rawHead = nullptr;
        code = git_revparse_single(&rawHead, m_repository.get(), "HEAD^{commit}");
        if (code < 0) {
            result.error = Git::errorMessage(u"Cannot read HEAD"_s, code);
            return result;
        }
        parent.reset(reinterpret_cast<git_commit *>(rawHead));
        if (git_oid_equal(git_commit_tree_id(parent.get()), &treeId)) {
            return result; // nothing to commit
        }
    }
    git_tree *rawTree = nullptr;
    code = git_tree_lookup(&rawTree, m_repository.get(), &treeId);
    const Git::TreePtr tree(rawTree);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot read the staged tree"_s, code);
        return result;
    }
    const Git::SignaturePtr author = signature();
    if (!author) {
        result.error = Git::errorMessage(u"Cannot make a commit signature"_s, -1);
        return result;
    }
    const git_commit *parents[] = {parent.get()};
    git_oid commitId;
    QByteArray text = message.toUtf8();
    if (!text.endsWith('\n')) {
        text.append('\n');
    }
    code = git_commit_create(&commitId, m_repository.get(), "HEAD", author.get(), author.get(), nullptr, text.constData(), tree.get(), parent ? 1 : 0, parents);
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot commit"_s, code);
        return result;
    }
    result.commit = Git::toString(commitId);
    return result;
}

} // namespace Snowpane::System
