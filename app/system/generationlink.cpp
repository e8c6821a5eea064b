// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "generationlink.h"
#include "generation.h"
#include "gitrepository.h"
#include "gitwrappers.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

struct NoteRead {
    QString text;
    bool found = false;
    QString error;
};

NoteRead readNote(git_repository *repository, const git_oid &commit)
{
    NoteRead result;
    git_note *raw = nullptr;
    const int code = git_note_read(&raw, repository, generationNotesRef, &commit);
    const Git::NotePtr note(raw);
    if (code == GIT_ENOTFOUND) {
        return result;
    }
    if (code < 0) {
        result.error = Git::errorMessage(u"Cannot read the note of %1"_s.arg(Git::toString(commit)), code);
        return result;
    }
    result.found = true;
    result.text = QString::fromUtf8(git_note_message(note.get())); // borrowed from the note
    return result;
}

struct ResolvedCommit {
    git_oid id{};
    bool found = false;
};

ResolvedCommit resolveCommit(git_repository *repository, const QString &revision)
{
    ResolvedCommit result;
    git_object *raw = nullptr;
    if (git_revparse_single(&raw, repository, (revision + u"^{commit}"_s).toUtf8().constData()) < 0) {
        return result;
    }
    const Git::ObjectPtr object(raw);
    git_oid_cpy(&result.id, git_object_id(object.get()));
    result.found = true;
    return result;
}

struct NoteSearch {
    git_repository *repository = nullptr;
    QString storePath;
    int generation = 0;
    QString commit;
    QString error;
};

int visitNote(const git_oid *blobId, const git_oid *annotatedId, void *payload)
{
    auto *search = static_cast<NoteSearch *>(payload);
    git_blob *raw = nullptr;
    if (git_blob_lookup(&raw, search->repository, blobId) < 0) {
        return 0; // one unreadable note does not hide the others
    }
    const Git::BlobPtr blob(raw);
    const QString text = QString::fromUtf8(static_cast<const char *>(git_blob_rawcontent(blob.get())), qsizetype(git_blob_rawsize(blob.get())));
    for (const GenerationNote &note : parseGenerationNote(text)) {
        if (note.storePath == search->storePath) {
            search->commit = Git::toString(*annotatedId);
            // A store path matching the generation number too is certain; stop.
            if (note.generation == search->generation) {
                return 1;
            }
        }
    }
    return 0;
}

} // namespace

QString formatGenerationNote(const QList<GenerationNote> &notes)
{
    QString text;
    for (const GenerationNote &note : notes) {
        text += u"generation %1 store-path %2\n"_s.arg(note.generation).arg(note.storePath);
    }
    return text;
}

QList<GenerationNote> parseGenerationNote(const QString &text)
{
    static const QRegularExpression line(u"^generation (\\d+) store-path (/\\S+)$"_s, QRegularExpression::MultilineOption);
    QList<GenerationNote> notes;
    for (auto it = line.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        notes.append({match.captured(1).toInt(), match.captured(2)});
    }
    return notes;
}

QString recordGeneration(GitRepository &repository, const QString &commit, int generation, const QString &storePath)
{
    if (generation <= 0 || !storePath.startsWith(u'/') || storePath.contains(QRegularExpression(u"\\s"_s))) {
        return u"Not a generation: %1 %2"_s.arg(generation).arg(storePath);
    }
    const ResolvedCommit target = resolveCommit(repository.handle(), commit);
    if (!target.found) {
        return Git::errorMessage(u"Cannot find commit %1"_s.arg(commit), -1);
    }
    const NoteRead existing = readNote(repository.handle(), target.id);
    if (!existing.error.isEmpty()) {
        return existing.error;
    }
    QList<GenerationNote> notes = parseGenerationNote(existing.text);
    const GenerationNote added{generation, storePath};
    if (notes.contains(added)) {
        return {};
    }
    notes.append(added);
    const Git::SignaturePtr signature = repository.signature();
    git_oid noteId;
    const int code = git_note_create(&noteId,
                                     repository.handle(),
                                     generationNotesRef,
                                     signature.get(),
                                     signature.get(),
                                     &target.id,
                                     formatGenerationNote(notes).toUtf8().constData(),
                                     1);
    if (code < 0) {
        return Git::errorMessage(u"Cannot write the note for %1"_s.arg(commit), code);
    }
    return {};
}

GenerationCommit commitOfGeneration(const GitRepository &repository, const Generation &generation)
{
    GenerationCommit result;
    QString revision = generation.configurationRevision;
    if (revision.endsWith(u"-dirty"_s)) {
        revision.chop(6);
        result.dirty = true;
    }
    // Only a full or abbreviated hexadecimal id counts: a revision such as
    // "main" would name whatever the branch points at today.
    static const QRegularExpression hexadecimal(u"^[0-9a-f]{7,64}$"_s);
    if (hexadecimal.match(revision).hasMatch()) {
        const ResolvedCommit commit = resolveCommit(repository.handle(), revision);
        if (commit.found) {
            result.via = GenerationCommit::Via::ConfigurationRevision;
            result.commit = Git::toString(commit.id);
            return result;
        }
    }
    result.dirty = false;
    if (generation.storePath.isEmpty()) {
        result.error = u"Generation %1 has no store path to look for."_s.arg(generation.number);
        return result;
    }
    NoteSearch search;
    search.repository = repository.handle();
    search.storePath = generation.storePath;
    search.generation = generation.number;
    const int code = git_note_foreach(repository.handle(), generationNotesRef, visitNote, &search);
    if (code < 0 && code != GIT_ENOTFOUND) {
        result.error = Git::errorMessage(u"Cannot read the notes"_s, code);
        return result;
    }
    if (!search.commit.isEmpty()) {
        result.via = GenerationCommit::Via::Note;
        result.commit = search.commit;
    }
    return result;
}

ConfigurationDiff diffGenerations(const GitRepository &repository, const Generation &before, const Generation &after)
{
    const GenerationCommit from = commitOfGeneration(repository, before);
    const GenerationCommit to = commitOfGeneration(repository, after);
    ConfigurationDiff result;
    for (const auto &[link, generation] : {std::pair{&from, &before}, std::pair{&to, &after}}) {
        if (link->commit.isEmpty()) {
            result.error = link->error.isEmpty() ? u"No commit is known for generation %1."_s.arg(generation->number) : link->error;
            return result;
        }
    }
    return diffCommits(repository, from.commit, to.commit);
}

} // namespace Snowpane::System
