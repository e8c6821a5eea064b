// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The updatesources action: `nix flake update` and a commit of flake.lock, or
// root's channels updated the way nix-channel --update does it, with the
// channel list and profile helper.conf names.

#include "committable.h"
#include "confineddirectory.h"
#include "flakelock.h"
#include "gitstore.h"
#include "helperlogging.h"
#include "operations.h"
#include "profiledirectory.h"
#include "sourceupdate.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QTemporaryDir>

#include <algorithm>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

using Protocol::HelperError;

namespace
{

constexpr qsizetype MaxLockBytes = 4 * 1024 * 1024;
const RelativeName LockFile{u"flake.lock"_s, {u"flake.lock"_s}};
const RelativeName FlakeFile{u"flake.nix"_s, {u"flake.nix"_s}};

/** What went wrong, in the first line of Nix's own error when it gave one. */
OperationResult failureOf(const Command &command, const CommandOutcome &outcome, const NixLogParser &parser)
{
    OperationResult result = fromOutcome(command, outcome, &parser);
    if (result.error == HelperError::Failed) {
        result.message = result.message.section(QLatin1Char('\n'), 0, 0).trimmed();
    }
    return result;
}

/** The profile's links just before nix-env runs: what a failed install is undone against. */
struct ProfileSnapshot {
    int current = 0; // 0: no profile link
    QString profileLink; // its text
    QList<int> generations;
};

ProfileSnapshot snapshotOf(const ProfileDirectory &profile)
{
    return {profile.currentGeneration(), profile.linkText(QFileInfo(profile.profile()).fileName()), profile.generations().keys()};
}

/**
 * Undoes what a failed `nix-env --install` did to the profile: nix-env makes
 * the generation after the highest one and points the profile at it, so
 * only that link goes, and the profile link goes back only if it points
 * there. Anything else in the directory is someone else's and stays.
 */
void restoreProfileLinks(const ProfileDirectory &profile, const ProfileSnapshot &before)
{
    const int made = before.generations.isEmpty() ? 1 : before.generations.last() + 1;
    if (!profile.generations().contains(made)) {
        return;
    }
    if (profile.currentGeneration() == made) {
        const auto back = before.current > 0 ? profile.pointAt(before.current) : profile.removeProfileLink();
        if (!back) {
            qCWarning(SNOWPANE_HELPER) << "cannot put the channels profile back:" << back.error();
            return;
        }
    }
    if (const auto removed = profile.removeGeneration(made); !removed) {
        qCWarning(SNOWPANE_HELPER) << "cannot remove the channels generation a failed update made:" << removed.error();
    }
}

QString channelRevision(const QString &profile, const QString &name)
{
    QFile file(profile + QLatin1Char('/') + name + u"/.git-revision"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.read(256)).trimmed() : QString();
}

/** A store path directly in `store` (`STORE/HASH-NAME`), which builtins.storePath takes and a Nix string can hold as it is. */
bool isStorePathIn(const QString &path, const QString &store)
{
    if (!path.startsWith(store + QLatin1Char('/'))) {
        return false;
    }
    const QString name = path.mid(store.size() + 1);
    return !name.isEmpty() && name != "."_L1 && name != ".."_L1 && !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('"'))
        && !name.contains(QLatin1Char('\\')) && !name.contains(QLatin1Char('$'));
}

/** Reads root's channel list: a regular file owned by root, as nothing else may choose what root downloads. */
Checked<QByteArray> readChannelList(const QString &path)
{
    using R = Checked<QByteArray>;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return R::fail(errno == ENOENT ? u"root has no channels: %1 does not exist (nix-channel --add URL nixos makes it)"_s.arg(path)
                                       : u"cannot open %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    QFile in;
    if (!in.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return R::fail(u"cannot read %1"_s.arg(path));
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return R::fail(u"%1 must be a regular file owned by root and writable by root only"_s.arg(path));
    }
    return R::ok(in.read(1024 * 1024));
}

QVariantMap channelChange(const QString &name, int oldGeneration, int newGeneration, const QString &oldRevision, const QString &newRevision)
{
    return {{QLatin1String(Protocol::Reply::ChannelName), name},
            {QLatin1String(Protocol::Reply::OldGeneration), oldGeneration},
            {QLatin1String(Protocol::Reply::NewGeneration), newGeneration},
            {QLatin1String(Protocol::Reply::OldRevision), oldRevision},
            {QLatin1String(Protocol::Reply::NewRevision), newRevision}};
}

// The expression nix-channel installs each channel with (Nix's unpack-channel.nix).
constexpr char UnpackChannel[] =
    "{ name, channelName, src }:\n"
    "derivation {\n"
    "  builder = \"builtin:unpack-channel\";\n"
    "  system = \"builtin\";\n"
    "  inherit name channelName src;\n"
    "  preferLocalBuild = true;\n"
    "}\n";

}

OperationResult Operations::updateSources(const UpdateSourcesRequest &request)
{
    // Flake or channels is decided through the checked directory: a flake.nix that is a link is refused, never taken for "no flake".
    struct stat st{};
    if (::lstat(QFile::encodeName(m_config.configurationDirectory).constData(), &st) != 0 && errno == ENOENT) {
        return request.input.isEmpty() ? updateChannels() : notAFlake(request);
    }
    auto dir = ConfinedDirectory::open(m_config.configurationDirectory);
    if (!dir) {
        // A person's own directory (issue 16): the helper never writes there. Root's channels are still root's to
        // update for a configuration without a flake; a flake's lock is updated by the window, as its owner.
        if (S_ISDIR(st.st_mode) && st.st_uid != 0) {
            auto flake = isFlake(m_config.configurationDirectory);
            if (flake && !flake.value()) {
                return request.input.isEmpty() ? updateChannels() : notAFlake(request);
            }
        }
        return OperationResult::failure(HelperError::Misconfigured, dir.error());
    }
    auto flake = isFlake(m_config.configurationDirectory);
    if (!flake) {
        return OperationResult::failure(HelperError::Failed, flake.error());
    }
    if (flake.value()) {
        return updateFlake(request, dir.value());
    }
    return request.input.isEmpty() ? updateChannels() : notAFlake(request);
}

Checked<bool> Operations::isFlake(const QString &directory) const
{
    using R = Checked<bool>;
    // lstat: the helper follows no link in the configuration directory, and a link to a flake elsewhere (or to
    // nothing) must not quietly turn the configuration into one without a flake.
    struct stat st{};
    const QByteArray path = QFile::encodeName(directory + u"/flake.nix"_s);
    if (::lstat(path.constData(), &st) != 0) {
        if (errno == ENOENT) {
            return R::ok(false);
        }
        return R::fail(u"cannot inspect %1/flake.nix: %2"_s.arg(directory, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (S_ISREG(st.st_mode)) {
        return R::ok(true);
    }
    if (S_ISLNK(st.st_mode)) {
        return R::fail(
            u"%1/flake.nix is a symbolic link; the helper does not follow links in the configuration directory, "
            "and does not take the configuration for one without a flake either"_s.arg(directory));
    }
    return R::fail(u"%1/flake.nix is not a regular file"_s.arg(directory));
}

OperationResult Operations::notAFlake(const UpdateSourcesRequest &request) const
{
    return OperationResult::failure(HelperError::InvalidArguments,
                                    u"the configuration is not a flake, so it has no input '%1'; its channels are updated as a whole"_s.arg(request.input));
}

OperationResult Operations::updateFlake(const UpdateSourcesRequest &request, const ConfinedDirectory &dir)
{
    GitStore git(m_config.configurationDirectory, m_context.authorName);
    if (!git.isRepository()) {
        return OperationResult::failure(
            HelperError::Failed,
            u"%1 is not a git repository yet; initialise it first, so that the update can be undone"_s.arg(m_config.configurationDirectory));
    }
    // An input the lock does not name is refused before anything is committed: Nix would only warn and change nothing.
    if (!request.input.isEmpty()) {
        auto lock = dir.read(LockFile, MaxLockBytes);
        if (!lock) {
            return OperationResult::failure(HelperError::Failed, lock.error());
        }
        const QList<System::LockedInput> locked = lock.value() ? System::parseFlakeLockInputs(*lock.value()) : QList<System::LockedInput>();
        if (lock.value() && std::none_of(locked.cbegin(), locked.cend(), [&request](const System::LockedInput &input) {
                return input.name == request.input;
            })) {
            return OperationResult::failure(HelperError::InvalidArguments, u"the flake has no input '%1'"_s.arg(request.input));
        }
    }
    if (auto committable = checkCommittable(dir, git, LockFile); !committable) {
        return OperationResult::failure(HelperError::Failed, committable.error());
    }
    // The commit before the update is what restoreconfig returns to, so a tree changed outside Snowpane is saved first.
    auto saved = git.commitAll(u"Snowpane: save the configuration as it was before an update"_s);
    if (!saved) {
        return OperationResult::failure(HelperError::Failed, saved.error());
    }
    auto previous = saved.value() ? Checked<QString>::ok(*saved.value()) : git.head();
    if (!previous) {
        return OperationResult::failure(HelperError::Failed, previous.error());
    }
    // Every failure from here on names the save commit, if one was made, so that the caller can take it back too.
    const auto fail = [&](OperationResult result) {
        if (saved.value()) {
            result.data.insert(QLatin1String(Protocol::Reply::PreviousCommit), previous.value());
        }
        return result;
    };
    auto before = dir.read(LockFile, MaxLockBytes);
    auto beforeStatus = dir.status(LockFile);
    if (!before || !beforeStatus) {
        return fail(OperationResult::failure(HelperError::Failed, before ? beforeStatus.error() : before.error()));
    }

    // Nix writes the new lock into a private directory; the helper puts it in place with its own atomic writer.
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        return fail(OperationResult::failure(HelperError::Failed, u"cannot make a temporary directory: %1"_s.arg(scratch.errorString())));
    }
    const QString output = scratch.filePath(u"flake.lock"_s);
    Command update;
    update.program = m_config.nixProgram(u"nix"_s);
    update.arguments = {u"--extra-experimental-features"_s,
                        u"nix-command flakes"_s,
                        u"flake"_s,
                        u"update"_s,
                        u"--flake"_s,
                        m_config.configurationDirectory,
                        u"--output-lock-file"_s,
                        output,
                        u"--log-format"_s,
                        u"internal-json"_s,
                        u"-v"_s};
    if (!request.input.isEmpty()) {
        // After "--": the validator already refuses a leading '-', and this keeps it so.
        update.arguments << u"--"_s << request.input;
    }
    update.environment = m_config.environment();
    update.timeout = Protocol::Bound::SourceUpdate;
    update.workingDirectory = m_config.configurationDirectory;
    NixLogParser parser;
    parser.setPhase(NixPhase::Fetching);
    report(parser, true);
    const CommandOutcome updated = run(update, &parser, Stoppable::Yes);
    report(parser, true);

    // Nix is told to write elsewhere; should flake.lock change anyway, it goes back byte for byte, with its owner and mode.
    const auto putBack = [&] {
        auto now = dir.read(LockFile, MaxLockBytes);
        auto nowStatus = dir.status(LockFile);
        if (now && nowStatus && now.value() == before.value() && nowStatus.value().kind == beforeStatus.value().kind
            && nowStatus.value().owner == beforeStatus.value().owner && nowStatus.value().group == beforeStatus.value().group
            && nowStatus.value().mode == beforeStatus.value().mode) {
            return;
        }
        const auto restored = before.value() ? dir.writeAtomically(LockFile, *before.value(), beforeStatus.value()) : dir.remove(LockFile);
        if (!restored) {
            qCWarning(SNOWPANE_HELPER) << "cannot put flake.lock back:" << restored.error();
        }
    };
    putBack();
    if (!updated.succeeded()) {
        return fail(failureOf(update, updated, parser));
    }
    QFile written(output);
    if (written.exists() && (written.size() > MaxLockBytes || !written.open(QIODevice::ReadOnly))) {
        return fail(OperationResult::failure(HelperError::Failed, u"cannot read the lock file nix flake update wrote"_s));
    }
    // No file: Nix found nothing to change.
    const std::optional<QByteArray> &lockBefore = before.value();
    const std::optional<QByteArray> after = written.isOpen() ? std::make_optional(written.readAll()) : lockBefore;
    QVariantMap data{{QLatin1String(Protocol::Reply::Kind), QLatin1String(Protocol::Reply::KindFlake)},
                     {QLatin1String(Protocol::Reply::PreviousCommit), previous.value()}};
    if (after == before.value()) {
        data.insert(QLatin1String(Protocol::Reply::Changed), false);
        data.insert(QLatin1String(Protocol::Reply::Commit), QString());
        data.insert(QLatin1String(Protocol::Reply::Inputs), QVariantList());
        return OperationResult::success(data);
    }
    const QList<System::InputChange> changes =
        System::changedInputs(System::parseFlakeLockInputs(before.value().value_or(QByteArray())), System::parseFlakeLockInputs(after.value_or(QByteArray())));
    QVariantList inputs;
    for (const System::InputChange &change : changes) {
        inputs.append(QVariantMap{{QLatin1String(Protocol::Reply::InputName), change.name},
                                  {QLatin1String(Protocol::Reply::OldRevision), change.oldRevision},
                                  {QLatin1String(Protocol::Reply::NewRevision), change.newRevision},
                                  {QLatin1String(Protocol::Reply::OldDate), change.oldDate.isValid() ? change.oldDate.toString(Qt::ISODate) : QString()},
                                  {QLatin1String(Protocol::Reply::NewDate), change.newDate.isValid() ? change.newDate.toString(Qt::ISODate) : QString()}});
    }
    auto ignored = git.isIgnored(LockFile.text);
    if (!ignored) {
        return fail(OperationResult::failure(HelperError::Failed, ignored.error()));
    }
    if (const auto put = dir.writeAtomically(LockFile, after.value_or(QByteArray())); !put) {
        putBack();
        return fail(OperationResult::failure(HelperError::Failed, put.error()));
    }
    data.insert(QLatin1String(Protocol::Reply::Changed), true);
    data.insert(QLatin1String(Protocol::Reply::Inputs), inputs);
    if (ignored.value()) {
        // Nothing to commit: the lock is outside the history, so only the reply can say what changed.
        data.insert(QLatin1String(Protocol::Reply::Commit), QString());
        data.insert(QLatin1String(Protocol::Reply::Note),
                    u"flake.lock is ignored by git here (.gitignore), so the update is not committed; "
                    "discarding it needs the old lock from elsewhere"_s);
        return OperationResult::success(data);
    }
    // Exactly the bytes read from Nix's output are committed, at flake.lock, whatever else changes meanwhile.
    auto commit = git.commitFiles({StagedFile{LockFile.text, after, false}}, System::flakeUpdateMessage(changes));
    if (!commit) {
        putBack();
        return fail(OperationResult::failure(HelperError::Failed, commit.error()));
    }
    auto id = commit.value() ? Checked<QString>::ok(*commit.value()) : git.head();
    data.insert(QLatin1String(Protocol::Reply::Commit), id ? id.value() : QString());
    return OperationResult::success(data);
}

OperationResult Operations::updateChannels()
{
    auto list = readChannelList(m_config.channelList);
    if (!list) {
        return OperationResult::failure(HelperError::Failed, list.error());
    }
    auto directory = ProfileDirectory::open(m_config.channelsProfile, true);
    if (!directory) {
        return OperationResult::failure(HelperError::Failed, directory.error());
    }
    const ProfileDirectory &profileDirectory = directory.value();
    const QString profile = profileDirectory.profile();
    const QList<ChannelEntry> channels = parseChannelList(list.value());
    QSet<QString> marked;
    for (const ChannelEntry &channel : channels) {
        if (QFileInfo::exists(profile + QLatin1Char('/') + channel.name + u"/.update-on-nixos-rebuild"_s)) {
            marked.insert(channel.name);
        }
    }
    const QStringList names = channelsToUpdate(channels, marked);
    if (names.isEmpty()) {
        return OperationResult::failure(HelperError::Failed,
                                        u"%1 lists no 'nixos' channel and no channel marked .update-on-nixos-rebuild"_s.arg(m_config.channelList));
    }
    const int oldGeneration = profileDirectory.currentGeneration();
    QMap<QString, QString> oldRevisions;
    for (const QString &name : names) {
        oldRevisions.insert(name, channelRevision(profile, name));
    }

    NixLogParser parser;
    parser.setPhase(NixPhase::Fetching);
    report(parser, true);
    // One deadline for all downloads together: the client's timeout allows Bound::SourceUpdate for them, not that much per channel.
    const QDeadlineTimer downloads(Protocol::Bound::SourceUpdate);
    QStringList expressions;
    for (const ChannelEntry &channel : channels) {
        const QString packageName = channelPackageName(channel);
        if (!names.contains(channel.name)) {
            // As nix-channel: a channel not being updated keeps the store path it has.
            const QString current = QFile::symLinkTarget(profile + QLatin1Char('/') + channel.name);
            if (current.isEmpty()) {
                continue;
            }
            const QString storePath = QFileInfo(current).path();
            expressions.append(
                u"f: rec { name = %1; type = \"derivation\"; outputs = [ \"out\" ]; system = \"builtin\"; outPath = "
                "builtins.storePath %2; out = { inherit outPath; }; }"_s.arg(nixString(packageName), nixString(storePath)));
            continue;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(downloads.remainingTimeAsDuration());
        if (left <= std::chrono::milliseconds(0)) {
            return OperationResult::failure(HelperError::TimedOut,
                                            u"the channels' downloads took longer than %1 minutes together; channel %2 was not fetched"_s
                                                .arg(std::chrono::duration_cast<std::chrono::minutes>(Protocol::Bound::SourceUpdate).count())
                                                .arg(channel.name));
        }
        parser.addLogLine(u"fetching channel %1 from %2"_s.arg(channel.name, channel.url));
        Command fetch;
        fetch.program = m_config.nixProgram(u"nix-prefetch-url"_s);
        fetch.arguments = {u"--print-path"_s,
                           u"--name"_s,
                           channelTarballUrl(channel.url).section(QLatin1Char('/'), -1),
                           u"--log-format"_s,
                           u"internal-json"_s,
                           u"--"_s,
                           channelTarballUrl(channel.url)};
        fetch.environment = m_config.environment();
        fetch.timeout = left;
        const CommandOutcome fetched = run(fetch, &parser, Stoppable::Yes);
        report(parser, true);
        if (!fetched.succeeded()) {
            // Nothing has touched the profile yet: only nix-env below changes it.
            OperationResult result = failureOf(fetch, fetched, parser);
            result.message = u"cannot fetch channel %1: %2"_s.arg(channel.name, result.message);
            return result;
        }
        const QString printed = QString::fromUtf8(fetched.standardOutput).trimmed();
        const QString tarball = printed.section(QLatin1Char('\n'), -1).trimmed();
        if (!isStorePathIn(tarball, m_config.storeDirectory)) {
            return OperationResult::failure(HelperError::Failed,
                                            u"nix-prefetch-url gave no store path for channel %1 (it printed '%2')"_s.arg(channel.name, printed.left(300)));
        }
        expressions.append(
            u"f: f { name = %1; channelName = %2; src = builtins.storePath %3; }"_s.arg(nixString(packageName), nixString(channel.name), nixString(tarball)));
    }
    if (m_context.stopRequested && m_context.stopRequested()) {
        return OperationResult::failure(HelperError::Cancelled, u"cancelled"_s);
    }

    QTemporaryDir scratch;
    QFile unpack(scratch.filePath(u"unpack-channel.nix"_s));
    if (!scratch.isValid() || !unpack.open(QIODevice::WriteOnly) || unpack.write(UnpackChannel) < 0) {
        return OperationResult::failure(HelperError::Failed, u"cannot write a temporary file"_s);
    }
    unpack.close();
    Command install;
    install.program = m_config.nixProgram(u"nix-env"_s);
    install.arguments = QStringList{u"--profile"_s,
                                    profile,
                                    u"--file"_s,
                                    unpack.fileName(),
                                    u"--install"_s,
                                    u"--remove-all"_s,
                                    u"--quiet"_s,
                                    u"--log-format"_s,
                                    u"internal-json"_s,
                                    u"--from-expression"_s}
        + expressions;
    install.environment = m_config.environment();
    install.timeout = Protocol::Bound::Profile;
    // The snapshot is taken right before the only step that changes the profile, so a failure undoes only that step.
    const ProfileSnapshot before = snapshotOf(profileDirectory);
    // Unpacking and switching the profile is quick and is not stopped half-way.
    const CommandOutcome installed = run(install, &parser, Stoppable::No);
    report(parser, true);
    if (!installed.succeeded()) {
        restoreProfileLinks(profileDirectory, before);
        return failureOf(install, installed, parser);
    }
    const int newGeneration = profileDirectory.currentGeneration();
    QVariantList changed;
    for (const QString &name : names) {
        changed.append(channelChange(name, oldGeneration, newGeneration, oldRevisions.value(name), channelRevision(profile, name)));
    }
    return OperationResult::success({{QLatin1String(Protocol::Reply::Kind), QLatin1String(Protocol::Reply::KindChannels)},
                                     {QLatin1String(Protocol::Reply::Changed), newGeneration != oldGeneration},
                                     {QLatin1String(Protocol::Reply::Channels), changed}});
}

}
