// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gitstore.h"

#include "confineddirectory.h"
#include "gitwrappers.h"

#include <QFile>

#include <git2.h>

#include <memory>
#include <vector>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

namespace
{

// One owner per libgit2 object returned through an out-parameter: the window's types (app/system/gitwrappers.h).
using Repository = System::Git::RepositoryPtr;
using Index = System::Git::IndexPtr;
using Tree = System::Git::TreePtr;
using Commit = System::Git::CommitPtr;
using Signature = System::Git::SignaturePtr;
using StatusList = System::Git::StatusListPtr;
using Reference = System::Git::ReferencePtr;
using Note = System::Git::NotePtr;
using TreeEntry = System::Git::TreeEntryPtr;
using Blob = System::Git::BlobPtr;

// Where the client looks for the link between commits and generations (app/system/generationlink.h).
constexpr const char *GenerationNotesRef = System::Git::GenerationNotesRef;

// libgit2 is set up once per process, with no global or system configuration.
void ensureInitialised()
{
    static const bool done = [] {
        // Whatever umask D-Bus started the helper with, what libgit2 makes in .git is
        // writable by root only, as ConfinedDirectory::open demands of it afterwards.
        ::umask(::umask(022) | 022);
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
    return u"git: %1: %2"_s.arg(what, error && error->message ? QString::fromUtf8(error->message) : u"unknown error"_s);
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
        return Checked<Repository>::fail(lastError(u"opening the repository in %1"_s.arg(directory)));
    }
    return Checked<Repository>::ok(Repository(raw));
}

// The tree of `commit` (a full id), which must be in the repository's history.
Checked<Tree> treeOfCommit(git_repository *repo, const QString &commit)
{
    using R = Checked<Tree>;
    git_oid target;
    if (git_oid_fromstr(&target, commit.toLatin1().constData()) != 0) {
        return R::fail(lastError(u"reading the commit id"_s));
    }
    git_commit *rawCommit = nullptr;
    if (git_commit_lookup(&rawCommit, repo, &target) != 0) {
        return R::fail(u"commit %1 is not in the configuration's history"_s.arg(commit));
    }
    const Commit old(rawCommit);
    git_tree *rawTree = nullptr;
    if (git_commit_tree(&rawTree, old.get()) != 0) {
        return R::fail(lastError(u"reading the commit's tree"_s));
    }
    return R::ok(Tree(rawTree));
}

// Commits the tree `treeId` with `parent` (may be null) as the parent, moving HEAD.
Checked<QString> commitTree(git_repository *repo, const QString &authorName, const QString &message, const git_oid &treeId, const git_commit *parent)
{
    using R = Checked<QString>;
    git_tree *rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repo, &treeId) != 0) {
        return R::fail(lastError(u"reading the new tree"_s));
    }
    Tree tree(rawTree);
    git_signature *rawSignature = nullptr;
    if (git_signature_now(&rawSignature, authorName.toUtf8().constData(), "snowpane@localhost") != 0) {
        return R::fail(lastError(u"making the signature"_s));
    }
    Signature signature(rawSignature);
    const git_commit *parents[] = {parent};
    git_oid commitId;
    QByteArray text = message.toUtf8();
    if (!text.endsWith('\n')) {
        text.append('\n');
    }
    if (git_commit_create(&commitId, repo, "HEAD", signature.get(), signature.get(), "UTF-8", text.constData(), tree.get(), parent ? 1 : 0, parents) != 0) {
        return R::fail(lastError(u"committing"_s));
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
        return R::fail(lastError(u"reading HEAD"_s));
    }
    return R::ok(Commit(raw));
}

// The configuration directory, opened to check what may be staged (whyPrivate).
Checked<FileDescriptor> openDirectory(const QString &directory)
{
    FileDescriptor fd(::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.isValid()) {
        return Checked<FileDescriptor>::fail(u"cannot open %1: %2"_s.arg(directory, QString::fromLocal8Bit(std::strerror(errno))));
    }
    return Checked<FileDescriptor>::ok(std::move(fd));
}

QString privateRefusal(const QString &why)
{
    return u"%1; Snowpane does not commit it, because everyone who can read the configuration can read its git history. "
           "Keep the secret in a file git does not track, or make the file readable by others if it holds none"_s.arg(why);
}

// Called by git_index_update_all for each tracked path whose file changed: a file only its owner may read is not staged.
struct StagingCheck {
    int directory = -1;
    QString refusal;
};

int refusePrivate(const char *path, const char *, void *payload)
{
    auto *check = static_cast<StagingCheck *>(payload);
    const auto why = whyPrivate(check->directory, QString::fromUtf8(path).split(QLatin1Char('/')));
    if (!why || !why.value().isEmpty()) {
        check->refusal = why ? privateRefusal(why.value() + u", and it is tracked by git"_s) : why.error();
        return -1;
    }
    return 0;
}

// Stages the changes of tracked files and the files in `written`, writes the tree and commits it with HEAD (if any) as parent.
Checked<QString> stageAndCommit(git_repository *repo,
                                const QString &directory,
                                const QString &authorName,
                                const QString &message,
                                const QStringList &written,
                                bool skipIfUnchanged,
                                bool *committed)
{
    using R = Checked<QString>;
    *committed = false;
    auto dirfd = openDirectory(directory);
    if (!dirfd) {
        return R::fail(dirfd.error());
    }
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo) != 0) {
        return R::fail(lastError(u"reading the index"_s));
    }
    Index index(rawIndex);
    // Tracked files only (git_index_add_all would add every untracked file too).
    StagingCheck check{dirfd.value().get(), QString()};
    if (git_index_update_all(index.get(), nullptr, refusePrivate, &check) != 0) {
        return R::fail(check.refusal.isEmpty() ? lastError(u"staging the files"_s) : check.refusal);
    }
    for (const QString &path : written) {
        const QByteArray utf8 = path.toUtf8();
        const bool tracked = git_index_get_bypath(index.get(), utf8.constData(), 0) != nullptr;
        if (!tracked) {
            int ignored = 0;
            if (git_ignore_path_is_ignored(&ignored, repo, utf8.constData()) != 0) {
                return R::fail(lastError(u"reading .gitignore"_s));
            }
            if (ignored) {
                continue;
            }
        }
        const auto why = whyPrivate(dirfd.value().get(), path.split(QLatin1Char('/')));
        if (!why) {
            return R::fail(why.error());
        }
        if (!why.value().isEmpty()) {
            return R::fail(privateRefusal(why.value()));
        }
        struct stat st{};
        const bool exists = ::fstatat(dirfd.value().get(), QFile::encodeName(path).constData(), &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (exists ? git_index_add_bypath(index.get(), utf8.constData()) != 0 : tracked && git_index_remove_bypath(index.get(), utf8.constData()) != 0) {
            return R::fail(lastError(u"staging %1"_s.arg(path)));
        }
    }
    git_oid treeId;
    if (git_index_write(index.get()) != 0 || git_index_write_tree(&treeId, index.get()) != 0) {
        return R::fail(lastError(u"writing the tree"_s));
    }
    Commit parent;
    git_oid headId;
    const int headState = git_reference_name_to_id(&headId, repo, "HEAD");
    if (headState == 0) {
        git_commit *rawParent = nullptr;
        if (git_commit_lookup(&rawParent, repo, &headId) != 0) {
            return R::fail(lastError(u"reading HEAD"_s));
        }
        parent.reset(rawParent);
        if (skipIfUnchanged && git_oid_equal(git_commit_tree_id(parent.get()), &treeId)) {
            return R::ok(idText(headId));
        }
    } else if (headState != GIT_ENOTFOUND && headState != GIT_EUNBORNBRANCH) {
        return R::fail(lastError(u"reading HEAD"_s));
    }
    auto id = commitTree(repo, authorName, message, treeId, parent.get());
    *committed = id.isOk();
    return id;
}

// git_tree_walk's collector for GitStore::entriesAt.
struct TreeListing {
    QList<GitEntry> entries;
    int maximum = 0;
    bool tooMany = false;
};

int collectEntry(const char *root, const git_tree_entry *entry, void *payload)
{
    auto *listing = static_cast<TreeListing *>(payload);
    if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
        return 0;
    }
    if (listing->entries.size() >= listing->maximum) {
        listing->tooMany = true;
        return -1;
    }
    listing->entries.append(GitEntry{QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry)),
                                     quint32(git_tree_entry_filemode(entry)),
                                     idText(*git_tree_entry_id(entry))});
    return 0;
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

bool isConfigurationFile(const QString &path)
{
    const QString last = path.section(QLatin1Char('/'), -1);
    return (last.endsWith(".nix"_L1) && last.size() > 4) || last == "flake.lock"_L1 || path == ".gitignore"_L1;
}

Checked<InitialCommit> GitStore::initialise(const QString &message) const
{
    using R = Checked<InitialCommit>;
    ensureInitialised();
    if (isRepository()) {
        return R::fail(u"%1 is already a git repository"_s.arg(m_directory));
    }
    auto dirfd = openDirectory(m_directory);
    if (!dirfd) {
        return R::fail(dirfd.error());
    }
    git_repository *raw = nullptr;
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = "main";
    if (git_repository_init_ext(&raw, QFile::encodeName(m_directory).constData(), &options) != 0) {
        return R::fail(lastError(u"creating a repository in %1"_s.arg(m_directory)));
    }
    Repository repo(raw);
    // Nothing is tracked yet: every file is untracked, .gitignore already applies.
    git_status_options statusOptions = GIT_STATUS_OPTIONS_INIT;
    statusOptions.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
    statusOptions.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    git_status_list *rawStatus = nullptr;
    if (git_status_list_new(&rawStatus, repo.get(), &statusOptions) != 0) {
        return R::fail(lastError(u"listing the files"_s));
    }
    const StatusList status(rawStatus);
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo.get()) != 0) {
        return R::fail(lastError(u"reading the index"_s));
    }
    Index index(rawIndex);
    InitialCommit result;
    for (size_t i = 0; i < git_status_list_entrycount(status.get()); ++i) {
        const git_status_entry *entry = git_status_byindex(status.get(), i);
        if (!(entry->status & GIT_STATUS_WT_NEW) || !entry->index_to_workdir) {
            continue;
        }
        const QByteArray utf8(entry->index_to_workdir->new_file.path);
        const QString path = QString::fromUtf8(utf8);
        struct stat st{};
        if (!isConfigurationFile(path) || ::fstatat(dirfd.value().get(), QFile::encodeName(path).constData(), &st, AT_SYMLINK_NOFOLLOW) != 0
            || !S_ISREG(st.st_mode)) {
            continue;
        }
        const auto why = whyPrivate(dirfd.value().get(), path.split(QLatin1Char('/')));
        if (!why) {
            return R::fail(why.error());
        }
        if (!why.value().isEmpty()) {
            result.leftPrivate.append(path);
            continue;
        }
        if (git_index_add_bypath(index.get(), utf8.constData()) != 0) {
            return R::fail(lastError(u"staging %1"_s.arg(path)));
        }
        result.tracked.append(path);
    }
    git_oid treeId;
    if (git_index_write(index.get()) != 0 || git_index_write_tree(&treeId, index.get()) != 0) {
        return R::fail(lastError(u"writing the tree"_s));
    }
    auto commit = commitTree(repo.get(), m_authorName, message, treeId, nullptr);
    if (!commit) {
        return R::fail(commit.error());
    }
    result.commit = commit.value();
    return R::ok(result);
}

Checked<std::optional<QString>> GitStore::commitAll(const QString &message, const QStringList &written) const
{
    using R = Checked<std::optional<QString>>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    bool committed = false;
    auto id = stageAndCommit(repo.value().get(), m_directory, m_authorName, message, written, true, &committed);
    if (!id) {
        return R::fail(id.error());
    }
    return R::ok(committed ? std::optional<QString>(id.value()) : std::nullopt);
}

Checked<bool> GitStore::recordGeneration(const QString &commit, int generation, const QString &storePath) const
{
    using R = Checked<bool>;
    if (generation <= 0 || !storePath.startsWith(QLatin1Char('/')) || storePath.contains(QLatin1Char('\n')) || storePath.contains(QLatin1Char(' '))) {
        return R::fail(u"not a generation: %1 %2"_s.arg(generation).arg(storePath));
    }
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    git_repository *r = repo.value().get();
    git_oid target;
    if (git_oid_fromstr(&target, commit.toLatin1().constData()) != 0) {
        return R::fail(lastError(u"reading the commit id"_s));
    }
    // git would annotate any id; only a commit of this history may build a generation.
    git_commit *rawCommit = nullptr;
    if (git_commit_lookup(&rawCommit, r, &target) != 0) {
        return R::fail(u"commit %1 is not in the configuration's history"_s.arg(commit));
    }
    const Commit built(rawCommit);
    QByteArray text;
    git_note *rawNote = nullptr;
    const int found = git_note_read(&rawNote, r, GenerationNotesRef, &target);
    const Note existing(rawNote);
    if (found == 0) {
        text = git_note_message(existing.get());
    } else if (found != GIT_ENOTFOUND) {
        return R::fail(lastError(u"reading the note of %1"_s.arg(commit)));
    }
    const QByteArray line = u"generation %1 store-path %2"_s.arg(generation).arg(storePath).toUtf8();
    if (text.split('\n').contains(line)) {
        return R::ok(false);
    }
    if (!text.isEmpty() && !text.endsWith('\n')) {
        text.append('\n');
    }
    text.append(line + '\n');
    git_signature *rawSignature = nullptr;
    if (git_signature_now(&rawSignature, m_authorName.toUtf8().constData(), "snowpane@localhost") != 0) {
        return R::fail(lastError(u"making the signature"_s));
    }
    const Signature signature(rawSignature);
    git_oid noteId;
    if (git_note_create(&noteId, r, GenerationNotesRef, signature.get(), signature.get(), &target, text.constData(), 1) != 0) {
        return R::fail(lastError(u"writing the note of %1"_s.arg(commit)));
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
        return R::fail(lastError(u"making an index"_s));
    }
    Index scratch(rawScratch);
    if (parent.value()) {
        git_tree *rawTree = nullptr;
        if (git_commit_tree(&rawTree, parent.value().get()) != 0) {
            return R::fail(lastError(u"reading HEAD's tree"_s));
        }
        const Tree tree(rawTree);
        if (git_index_read_tree(scratch.get(), tree.get()) != 0) {
            return R::fail(lastError(u"reading HEAD's tree"_s));
        }
    }
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, r) != 0) {
        return R::fail(lastError(u"reading the index"_s));
    }
    Index index(rawIndex);
    // The blobs come from the buffers: what the caller read is what is committed.
    std::vector<git_oid> blobs(size_t(files.size()));
    for (qsizetype i = 0; i < files.size(); ++i) {
        const StagedFile &file = files.at(i);
        if (file.content && git_blob_create_from_buffer(&blobs[size_t(i)], r, file.content->constData(), size_t(file.content->size())) != 0) {
            return R::fail(lastError(u"storing %1"_s.arg(file.path)));
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
        return R::fail(lastError(u"staging the files"_s));
    }
    git_oid treeId;
    if (git_index_write_tree_to(&treeId, scratch.get(), r) != 0) {
        return R::fail(lastError(u"writing the tree"_s));
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
        return R::fail(lastError(u"updating the index after commit %1"_s.arg(id.value())));
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
        return R::fail(lastError(u"finding %1 in %2"_s.arg(path, commit)));
    }
    const TreeEntry entry(rawEntry);
    const git_filemode_t mode = git_tree_entry_filemode(entry.get());
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) {
        return R::fail(u"%1 is not a regular file in commit %2"_s.arg(path, commit));
    }
    git_blob *rawBlob = nullptr;
    if (git_blob_lookup(&rawBlob, r, git_tree_entry_id(entry.get())) != 0) {
        return R::fail(lastError(u"reading %1 of %2"_s.arg(path, commit)));
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
        return R::fail(lastError(u"reading the index"_s));
    }
    const Index index(rawIndex);
    const QByteArray utf8 = path.toUtf8();
    if (git_index_get_bypath(index.get(), utf8.constData(), 0)) {
        return R::ok(false); // tracked files are committed whatever .gitignore says
    }
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo.value().get(), utf8.constData()) != 0) {
        return R::fail(lastError(u"reading .gitignore"_s));
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
        return Checked<QString>::fail(lastError(u"reading HEAD"_s));
    }
    return Checked<QString>::ok(idText(headId));
}

Checked<QList<GitEntry>> GitStore::entriesAt(const QString &commit, int maximumEntries) const
{
    using R = Checked<QList<GitEntry>>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    auto tree = treeOfCommit(repo.value().get(), commit);
    if (!tree) {
        return R::fail(tree.error());
    }
    TreeListing listing;
    listing.maximum = maximumEntries;
    if (git_tree_walk(tree.value().get(), GIT_TREEWALK_PRE, collectEntry, &listing) != 0) {
        return R::fail(listing.tooMany ? u"commit %1 holds more than %2 files"_s.arg(commit).arg(maximumEntries)
                                       : lastError(u"reading the files of %1"_s.arg(commit)));
    }
    return R::ok(listing.entries);
}

Checked<QList<GitEntry>> GitStore::trackedEntries(int maximumEntries) const
{
    using R = Checked<QList<GitEntry>>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo.value().get()) != 0) {
        return R::fail(lastError(u"reading the index"_s));
    }
    const Index index(rawIndex);
    QList<GitEntry> entries;
    for (size_t i = 0; i < git_index_entrycount(index.get()); ++i) {
        const git_index_entry *entry = git_index_get_byindex(index.get(), i);
        if (GIT_INDEX_ENTRY_STAGE(entry) != 0) {
            continue; // the sides of a conflict; the helper never makes one
        }
        if (entries.size() >= maximumEntries) {
            return R::fail(u"git tracks more than %1 files here"_s.arg(maximumEntries));
        }
        entries.append(GitEntry{QString::fromUtf8(entry->path), entry->mode, idText(entry->id)});
    }
    return R::ok(entries);
}

Checked<QByteArray> GitStore::blob(const QString &id, qsizetype maximumBytes) const
{
    using R = Checked<QByteArray>;
    auto repo = openRepository(m_directory);
    if (!repo) {
        return R::fail(repo.error());
    }
    git_oid oid;
    if (git_oid_fromstr(&oid, id.toLatin1().constData()) != 0) {
        return R::fail(lastError(u"reading the blob id"_s));
    }
    git_blob *raw = nullptr;
    if (git_blob_lookup(&raw, repo.value().get(), &oid) != 0) {
        return R::fail(lastError(u"reading blob %1"_s.arg(id)));
    }
    const Blob blob(raw);
    if (qsizetype(git_blob_rawsize(blob.get())) > maximumBytes) {
        return R::fail(u"blob %1 is larger than %2 bytes"_s.arg(id).arg(maximumBytes));
    }
    return R::ok(QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())), qsizetype(git_blob_rawsize(blob.get()))));
}

}
