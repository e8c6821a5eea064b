// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gitstore.h"

#include "gitwrappers.h"

#include <QFile>

#include <git2.h>

#include <memory>
#include <vector>

namespace snowpane::helper
{

namespace
{

// One owner per libgit2 object returned through an out-parameter: the window's types (app/system/gitwrappers.h).
namespace Git = Snowpane::System::Git;
using Repository = Git::RepositoryPtr;
using Index = Git::IndexPtr;
using Tree = Git::TreePtr;
using Commit = Git::CommitPtr;
using Signature = Git::SignaturePtr;
using StatusList = Git::StatusListPtr;
using Reference = Git::ReferencePtr;
using Note = Git::NotePtr;
using TreeEntry = Git::TreeEntryPtr;
using Blob = Git::BlobPtr;

// Where the client looks for the link between commits and generations (app/system/generationlink.h).
constexpr const char *GenerationNotesRef = Git::GenerationNotesRef;

// libgit2 is set up once per process, with no global or system configuration.
void ensureInitialised()
{
    static const bool done = [] {
        git_libgit2_init();
        for (int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_PROGRAMDATA}) {
            git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
        }
        return true;
    }();
    Q_UNUSED(done)
}

QString lastError(const QString &what)
{
    const git_error *error = git_error_last();
    return QStringLiteral("git: %1: %2").arg(what, error && error->message ? QString::fromUtf8(error->message) : QStringLiteral("unknown error"));
}

QString idText(const git_oid &oid)
{
    char buffer[GIT_OID_MAX_HEXSIZE + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return QString::fromLatin1(buffer);
}

Checked<Repository> openRepository(const QString &directory)
{
    ensureInitialised();
    git_repository *raw = nullptr;
    if (git_repository_open_ext(&raw, QFile::encodeName(directory).constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
        return Checked<Repository>::fail(lastError(QStringLiteral("opening the repository in %1").arg(directory)));
    }
    return Checked<Repository>::ok(Repository(raw));
}

// The tree of `commit` (a full id), which must be in the repository's history.
Checked<Tree> treeOfCommit(git_repository *repo, const QString &commit)
{
    using R = Checked<Tree>;
    git_oid target;
    if (git_oid_fromstr(&target, commit.toLatin1().constData()) != 0) {
        return R::fail(lastError(QStringLiteral("reading the commit id")));
    }
    git_commit *rawCommit = nullptr;
    if (git_commit_lookup(&rawCommit, repo, &target) != 0) {
        return R::fail(QStringLiteral("commit %1 is not in the configuration's history").arg(commit));
    }
    const Commit old(rawCommit);
    git_tree *rawTree = nullptr;
    if (git_commit_tree(&rawTree, old.get()) != 0) {
        return R::fail(lastError(QStringLiteral("reading the commit's tree")));
    }
    return R::ok(Tree(rawTree));
}

// Commits the tree `treeId` with `parent` (may be null) as the parent, moving HEAD.
Checked<QString> commitTree(git_repository *repo, const QString &authorName, const QString &message, const git_oid &treeId, const git_commit *parent)
{
    using R = Checked<QString>;
    git_tree *rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repo, &treeId) != 0) {
        return R::fail(lastError(QStringLiteral("reading the new tree")));
    }
    Tree tree(rawTree);
    git_signature *rawSignature = nullptr;
    if (git_signature_now(&rawSignature, authorName.toUtf8().constData(), "snowpane@localhost") != 0) {
        return R::fail(lastError(QStringLiteral("making the signature")));
    }
    Signature signature(rawSignature);
    const git_commit *parents[] = {parent};
    git_oid commitId;
    QByteArray text = message.toUtf8();
    if (!text.endsWith('\n')) {
        text.append('\n');
    }
    if (git_commit_create(&commitId, repo, "HEAD", signature.get(), signature.get(), "UTF-8", text.constData(), tree.get(), parent ? 1 : 0, parents) != 0) {
        return R::fail(lastError(QStringLiteral("committing")));
    }
    return R::ok(idText(commitId));
}

// HEAD's commit, or null in a repository without commits.
Checked<Commit> headCommit(git_repository *repo)
{
    using R = Checked<Commit>;
    git_oid headId;
    const int headState = git_reference_name_to_id(&headId, repo, "HEAD");
    if (headState == GIT_ENOTFOUND || headState == GIT_EUNBORNBRANCH) {
        return R::ok(Commit());
    }
    git_commit *raw = nullptr;
    if (headState != 0 || git_commit_lookup(&raw, repo, &headId) != 0) {
        return R::fail(lastError(QStringLiteral("reading HEAD")));
    }
    return R::ok(Commit(raw));
}

// Stages every change, writes the tree and commits it with HEAD (if any) as parent.
Checked<QString> stageAndCommit(git_repository *repo, const QString &authorName, const QString &message, bool skipIfUnchanged, bool *committed)
{
    using R = Checked<QString>;
    *committed = false;
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo) != 0) {
        return R::fail(lastError(QStringLiteral("reading the index")));
    }
    Index index(rawIndex);
    if (git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) != 0
        || git_index_update_all(index.get(), nullptr, nullptr, nullptr) != 0) {
        return R::fail(lastError(QStringLiteral("staging the files")));
    }
    git_oid treeId;
    if (git_index_write(index.get()) != 0 || git_index_write_tree(&treeId, index.get()) != 0) {
        return R::fail(lastError(QStringLiteral("writing the tree")));
    }
    Commit parent;
    git_oid headId;
    const int headState = git_reference_name_to_id(&headId, repo, "HEAD");
    if (headState == 0) {
        git_commit *rawParent = nullptr;
        if (git_commit_lookup(&rawParent, repo, &headId) != 0) {
            return R::fail(lastError(QStringLiteral("reading HEAD")));
        }
        parent.reset(rawParent);
        if (skipIfUnchanged && git_oid_equal(git_commit_tree_id(parent.get()), &treeId)) {
            return R::ok(idText(headId));
        }
    } else if (headState != GIT_ENOTFOUND && headState != GIT_EUNBORNBRANCH) {
        return R::fail(lastError(QStringLiteral("reading HEAD")));
    }
    auto id = commitTree(repo, authorName, message, treeId, parent.get());
    *committed = id.isOk();
    return id;
}

}

GitStore::GitStore(QString directory, QString authorName)
    : m_directory(std::move(directory))
    , m_authorName(std::move(authorName))
{
}

bool GitStore::isRepository() const
{
    ensureInitialised();
    return openRepository(m_directory).isOk();
}

Checked<QString> GitStore::initialise(const QString &message) const
{
    ensureInitialised();
    if (isRepository()) {
        return Checked<QString>::fail(QStringLiteral("%1 is already a git repository").arg(m_directory));
    }
    git_repository *raw = nullptr;
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = "main";
    if (git_repository_init_ext(&raw, QFile::encodeName(m_directory).constData(), &options) != 0) {
        return Checked<QString>::fail(lastError(QStringLiteral("creating a repository in %1").arg(m_directory)));
    }
    Repository repo(raw);
    bool committed = false;
    return stageAndCommit(repo.get(), m_authorName, message, false, &committed);
}

Checked<std::optional<QString>> GitStore::commitAll(const QString &message) const
{
    using R = Checked<std::optional<QString>>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    bool committed = false;
    auto id = stageAndCommit(repo.value().get(), m_authorName, message, true, &committed);
    if (!id) {
        return R::fail(id.error());
    }
    return R::ok(committed ? std::optional<QString>(id.value()) : std::nullopt);
}

Checked<bool> GitStore::recordGeneration(const QString &commit, int generation, const QString &storePath) const
{
    using R = Checked<bool>;
    if (generation <= 0 || !storePath.startsWith(QLatin1Char('/')) || storePath.contains(QLatin1Char('\n')) || storePath.contains(QLatin1Char(' '))) {
        return R::fail(QStringLiteral("not a generation: %1 %2").arg(generation).arg(storePath));
    }
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    git_repository *r = repo.value().get();
    git_oid target;
    if (git_oid_fromstr(&target, commit.toLatin1().constData()) != 0) {
        return R::fail(lastError(QStringLiteral("reading the commit id")));
    }
    // git would annotate any id; only a commit of this history may build a generation.
    git_commit *rawCommit = nullptr;
    if (git_commit_lookup(&rawCommit, r, &target) != 0) {
        return R::fail(QStringLiteral("commit %1 is not in the configuration's history").arg(commit));
    }
    const Commit built(rawCommit);
    QByteArray text;
    git_note *rawNote = nullptr;
    const int found = git_note_read(&rawNote, r, GenerationNotesRef, &target);
    const Note existing(rawNote);
    if (found == 0) {
        text = git_note_message(existing.get());
    } else if (found != GIT_ENOTFOUND) {
        return R::fail(lastError(QStringLiteral("reading the note of %1").arg(commit)));
    }
    const QByteArray line = QStringLiteral("generation %1 store-path %2").arg(generation).arg(storePath).toUtf8();
    if (text.split('\n').contains(line)) {
        return R::ok(false);
    }
    if (!text.isEmpty() && !text.endsWith('\n')) {
        text.append('\n');
    }
    text.append(line + '\n');
    git_signature *rawSignature = nullptr;
    if (git_signature_now(&rawSignature, m_authorName.toUtf8().constData(), "snowpane@localhost") != 0) {
        return R::fail(lastError(QStringLiteral("making the signature")));
    }
    const Signature signature(rawSignature);
    git_oid noteId;
    if (git_note_create(&noteId, r, GenerationNotesRef, signature.get(), signature.get(), &target, text.constData(), 1) != 0) {
        return R::fail(lastError(QStringLiteral("writing the note of %1").arg(commit)));
    }
    return R::ok(true);
}

Checked<std::optional<QString>> GitStore::commitFiles(const QList<StagedFile> &files, const QString &message) const
{
    using R = Checked<std::optional<QString>>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    git_repository *r = repo.value().get();
    auto parent = headCommit(r);
    if (!parent) {
        return R::fail(parent.error());
    }
    // The new tree: HEAD's, in an index of its own, with the files set from their buffers.
    git_index *rawScratch = nullptr;
    if (git_index_new(&rawScratch) != 0) {
        return R::fail(lastError(QStringLiteral("making an index")));
    }
    Index scratch(rawScratch);
    if (parent.value()) {
        git_tree *rawTree = nullptr;
        if (git_commit_tree(&rawTree, parent.value().get()) != 0) {
            return R::fail(lastError(QStringLiteral("reading HEAD's tree")));
        }
        const Tree tree(rawTree);
        if (git_index_read_tree(scratch.get(), tree.get()) != 0) {
            return R::fail(lastError(QStringLiteral("reading HEAD's tree")));
        }
    }
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, r) != 0) {
        return R::fail(lastError(QStringLiteral("reading the index")));
    }
    Index index(rawIndex);
    // The blobs come from the buffers: what the caller read is what is committed.
    std::vector<git_oid> blobs(size_t(files.size()));
    for (qsizetype i = 0; i < files.size(); ++i) {
        const StagedFile &file = files.at(i);
        if (file.content && git_blob_create_from_buffer(&blobs[size_t(i)], r, file.content->constData(), size_t(file.content->size())) != 0) {
            return R::fail(lastError(QStringLiteral("storing %1").arg(file.path)));
        }
    }
    const auto stage = [&files, &blobs](git_index *target) {
        for (qsizetype i = 0; i < files.size(); ++i) {
            const StagedFile &file = files.at(i);
            const QByteArray path = file.path.toUtf8();
            if (!file.content) {
                if (git_index_remove_bypath(target, path.constData()) != 0) {
                    return false;
                }
                continue;
            }
            git_index_entry entry{};
            entry.path = path.constData();
            entry.mode = file.executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
            entry.file_size = uint32_t(file.content->size());
            entry.id = blobs[size_t(i)];
            if (git_index_add(target, &entry) != 0) {
                return false;
            }
        }
        return true;
    };
    if (!stage(scratch.get())) {
        return R::fail(lastError(QStringLiteral("staging the files")));
    }
    git_oid treeId;
    if (git_index_write_tree_to(&treeId, scratch.get(), r) != 0) {
        return R::fail(lastError(QStringLiteral("writing the tree")));
    }
    if (parent.value() && git_oid_equal(git_commit_tree_id(parent.value().get()), &treeId)) {
        return R::ok(std::nullopt);
    }
    auto id = commitTree(r, m_authorName, message, treeId, parent.value().get());
    if (!id) {
        return R::fail(id.error());
    }
    // The commit is made; the index only follows it, so that git status shows these files unchanged.
    if (!stage(index.get()) || git_index_write(index.get()) != 0) {
        return R::fail(lastError(QStringLiteral("updating the index after commit %1").arg(id.value())));
    }
    return R::ok(id.value());
}

Checked<StagedFile> GitStore::fileAt(const QString &commit, const QString &path) const
{
    using R = Checked<StagedFile>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    git_repository *r = repo.value().get();
    auto oldTree = treeOfCommit(r, commit);
    if (!oldTree) {
        return R::fail(oldTree.error());
    }
    const Tree tree = std::move(oldTree).value();
    StagedFile file;
    file.path = path;
    git_tree_entry *rawEntry = nullptr;
    const int found = git_tree_entry_bypath(&rawEntry, tree.get(), path.toUtf8().constData());
    if (found == GIT_ENOTFOUND) {
        return R::ok(file);
    }
    if (found != 0) {
        return R::fail(lastError(QStringLiteral("finding %1 in %2").arg(path, commit)));
    }
    const TreeEntry entry(rawEntry);
    const git_filemode_t mode = git_tree_entry_filemode(entry.get());
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) {
        return R::fail(QStringLiteral("%1 is not a regular file in commit %2").arg(path, commit));
    }
    git_blob *rawBlob = nullptr;
    if (git_blob_lookup(&rawBlob, r, git_tree_entry_id(entry.get())) != 0) {
        return R::fail(lastError(QStringLiteral("reading %1 of %2").arg(path, commit)));
    }
    const Blob blob(rawBlob);
    file.content = QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())), qsizetype(git_blob_rawsize(blob.get())));
    file.executable = mode == GIT_FILEMODE_BLOB_EXECUTABLE;
    return R::ok(file);
}

Checked<bool> GitStore::isIgnored(const QString &path) const
{
    using R = Checked<bool>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo.value().get()) != 0) {
        return R::fail(lastError(QStringLiteral("reading the index")));
    }
    const Index index(rawIndex);
    const QByteArray utf8 = path.toUtf8();
    if (git_index_get_bypath(index.get(), utf8.constData(), 0)) {
        return R::ok(false); // tracked files are committed whatever .gitignore says
    }
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo.value().get(), utf8.constData()) != 0) {
        return R::fail(lastError(QStringLiteral("reading .gitignore")));
    }
    return R::ok(ignored != 0);
}

Checked<QString> GitStore::head() const
{
    auto repo = openRepository(m_directory);
    if (!repo) {
        return Checked<QString>::fail(repo.error());
    }
    git_oid headId;
    const int state = git_reference_name_to_id(&headId, repo.value().get(), "HEAD");
    if (state == GIT_ENOTFOUND || state == GIT_EUNBORNBRANCH) {
        return Checked<QString>::ok(QString());
    }
    if (state != 0) {
        return Checked<QString>::fail(lastError(QStringLiteral("reading HEAD")));
    }
    return Checked<QString>::ok(idText(headId));
}

Checked<QString> GitStore::restore(const QString &commit, const QString &message) const
{
    using R = Checked<QString>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    git_repository *r = repo.value().get();
    auto oldTree = treeOfCommit(r, commit);
    if (!oldTree) {
        return R::fail(oldTree.error());
    }
    Tree tree = std::move(oldTree).value();
    // FORCE makes the working tree match the old tree, deleting tracked files it lacks; untracked files stay.
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE;
    if (git_checkout_tree(r, reinterpret_cast<const git_object *>(tree.get()), &options) != 0) {
        return R::fail(lastError(QStringLiteral("restoring the files of %1").arg(commit)));
    }
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, r) != 0) {
        return R::fail(lastError(QStringLiteral("reading the index")));
    }
    Index index(rawIndex);
    if (git_index_read_tree(index.get(), tree.get()) != 0 || git_index_write(index.get()) != 0) {
        return R::fail(lastError(QStringLiteral("updating the index")));
    }
    bool committed = false;
    return stageAndCommit(r, m_authorName, message, true, &committed);
}

}
