// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Changes/usersave.h"

#include "Common/configurationsession.h"
#include "atomicwrite.h"
#include "generationlink.h"
#include "gitrepository.h"
#include "uilogging.h"
#include "usercommit.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Snowpane::Ui
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("UserSave", text);
}

// The changed files relative to the directory; a file outside it cannot be saved here.
QStringList relativeNames(const ConfigurationSession &session, QString *error)
{
    QStringList names;
    for (const auto &[name, text] : session.pendingFiles(error)) {
        names.append(name);
    }
    return names;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QString untrackedRefusal(const ConfigurationSession &session)
{
    if (!QFileInfo(QDir(session.directory()).filePath(u"flake.nix"_s)).isFile()) {
        return {};
    }
    auto opened = Snowpane::System::GitRepository::open(session.directory());
    if (!opened.repository) {
        return {};
    }
    QString error;
    const QStringList names = relativeNames(session, &error);
    if (!error.isEmpty()) {
        return error;
    }
    const QStringList untracked = Snowpane::System::untrackedFiles(*opened.repository, names, &error);
    if (!error.isEmpty()) {
        return error;
    }
    if (untracked.isEmpty()) {
        return {};
    }
    return tr("%1 is not tracked by git, so the flake does not see it and the change would not be built. Add it with “git add” in %2 first. "
              "Nothing was written.")
        .arg(untracked.join(u", "_s), session.directory());
}

UserSave saveAsUser(const ConfigurationSession &session)
{
    UserSave save;
    const QString directory = session.directory();
    auto opened = Snowpane::System::GitRepository::open(directory);
    if (!opened.repository) {
        save.error = opened.status == Snowpane::System::GitRepository::OpenResult::Status::NotARepository
            ? tr("%1 is not under git yet. Run “git init” there and add the configuration's files, so that every edit can be undone. Nothing was written.")
                  .arg(directory)
            : opened.error;
        return save;
    }
    Snowpane::System::GitRepository &repository = *opened.repository;
    if (save.error = untrackedRefusal(session); !save.error.isEmpty()) {
        return save;
    }
    QStringList names = relativeNames(session, &save.error);
    if (!save.error.isEmpty()) {
        return save;
    }
    // The texts as they are now: the checked writer refuses if a file changes between this read and the write.
    std::vector<Snowpane::Config::CheckedWrite> writes;
    for (const auto &[name, text] : session.pendingFiles(&save.error)) {
        const QString path = QDir(directory).filePath(name);
        writes.push_back({QFile::encodeName(path).toStdString(), readFile(path).toStdString(), text.toStdString()});
        if (!QFileInfo::exists(path)) {
            save.added.append(name);
        }
    }

    // Changes of tracked files made outside Snowpane are committed on their own first, so that the edit alone can be taken back.
    const auto before = repository.commitTracked({}, tr("Snowpane: save the configuration as it was before an edit"));
    if (!before.error.isEmpty()) {
        save.error = before.error;
        return save;
    }
    save.savedBefore = before.commit.isEmpty() ? repository.head().commit : before.commit;

    if (const std::string error = Snowpane::Config::writeCheckedFiles(writes); !error.empty()) {
        save.error = QString::fromStdString(error);
        return save;
    }
    if (!save.added.isEmpty()) {
        // Before the commit, so that evaluation sees the new files even if the commit fails.
        if (const QString error = Snowpane::System::addIntentToAdd(repository, save.added); !error.isEmpty()) {
            save.error = error;
            return save;
        }
    }
    const auto commit = repository.commitTracked(names, session.commitMessage());
    if (!commit.error.isEmpty()) {
        save.error = tr("The files were written, but not committed: %1").arg(commit.error);
        return save;
    }
    save.commit = commit.commit;
    qCInfo(SNOWPANE_UI) << "saved" << names << "in" << directory << "as commit" << save.commit;
    return save;
}

QString noteUserGeneration(const QString &directory, const QString &commit, int generation, const QString &storePath)
{
    auto opened = Snowpane::System::GitRepository::open(directory);
    if (!opened.repository) {
        return opened.error;
    }
    return Snowpane::System::recordGeneration(*opened.repository, commit, generation, storePath);
}

QString restoreAsUser(const QString &directory, const QString &commit)
{
    auto opened = Snowpane::System::GitRepository::open(directory);
    if (!opened.repository) {
        return opened.error;
    }
    const QString message = tr("Restore the configuration of %1").arg(commit.left(12));
    return Snowpane::System::restoreCommit(*opened.repository, commit, message).error;
}

} // namespace Snowpane::Ui
