// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The updatesources action: `nix flake update` and a commit of flake.lock, or
// root's channels updated the way nix-channel --update does it, with the
// channel list and profile helper.conf names.

#include "confineddirectory.h"
#include "gitstore.h"
#include "helperlogging.h"
#include "operations.h"
#include "sourceupdate.h"

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

namespace snowpane::helper
{

using protocol::HelperError;
namespace reply = protocol::reply;

namespace
{

constexpr qsizetype MaxLockBytes = 4 * 1024 * 1024;
const RelativeName LockFile{QStringLiteral("flake.lock"), {QStringLiteral("flake.lock")}};

/** What went wrong, in the first line of Nix's own error when it gave one. */
OperationResult failureOf(const Command &command, const CommandOutcome &outcome, const NixLogParser &parser)
{
    OperationResult result = fromOutcome(command, outcome, &parser);
    if (result.error == HelperError::Failed) {
        result.message = result.message.section(QLatin1Char('\n'), 0, 0).trimmed();
    }
    return result;
}

/** The links of a profile (`NAME` and `NAME-N-link`) and their texts: what a failed or undone update must leave as it was. */
using ProfileLinks = QMap<QString, QString>;

QString rawLinkTarget(const QString &path)
{
    QByteArray buffer(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), buffer.data(), size_t(buffer.size()));
    return n > 0 ? QFile::decodeName(buffer.left(n)) : QString();
}

ProfileLinks rawProfileLinks(const QString &profile)
{
    const QFileInfo info(profile);
    const QString base = info.fileName();
    ProfileLinks links;
    const QFileInfoList entries = QDir(info.absolutePath()).entryInfoList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QString name = entry.fileName();
        if (entry.isSymLink() && (name == base || (name.startsWith(base + QLatin1Char('-')) && generationOfLinkTarget(name) > 0))) {
            links.insert(name, rawLinkTarget(entry.filePath()));
        }
    }
    return links;
}

/** Puts the profile's links back as `before` had them: new generations removed, changed links rewritten. */
void restoreProfileLinks(const QString &profile, const ProfileLinks &before)
{
    const QString directory = QFileInfo(profile).absolutePath();
    const ProfileLinks now = rawProfileLinks(profile);
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (!before.contains(it.key())) {
            ::unlink(QFile::encodeName(directory + QLatin1Char('/') + it.key()).constData());
        }
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (now.value(it.key()) == it.value()) {
            continue;
        }
        const QByteArray path = QFile::encodeName(directory + QLatin1Char('/') + it.key());
        const QByteArray temporary = path + ".snowpane-restore";
        ::unlink(temporary.constData());
        if (::symlink(QFile::encodeName(it.value()).constData(), temporary.constData()) != 0 || ::rename(temporary.constData(), path.constData()) != 0) {
            qCWarning(SNOWPANE_HELPER) << "cannot restore the profile link" << path;
        }
    }
}

int profileGeneration(const QString &profile)
{
    return generationOfLinkTarget(rawLinkTarget(profile));
}

QString channelRevision(const QString &profile, const QString &name)
{
    QFile file(profile + QLatin1Char('/') + name + QStringLiteral("/.git-revision"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.read(256)).trimmed() : QString();
}

/** Reads root's channel list: a regular file owned by root, as nothing else may choose what root downloads. */
Checked<QByteArray> readChannelList(const QString &path)
{
    using R = Checked<QByteArray>;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return R::fail(errno == ENOENT ? QStringLiteral("root has no channels: %1 does not exist (nix-channel --add URL nixos makes it)").arg(path)
                                       : QStringLiteral("cannot open %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    QFile in;
    if (!in.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return R::fail(QStringLiteral("cannot read %1").arg(path));
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return R::fail(QStringLiteral("%1 must be a regular file owned by root and writable by root only").arg(path));
    }
    return R::ok(in.read(1024 * 1024));
}

QVariantMap channelChange(const QString &name, int oldGeneration, int newGeneration, const QString &oldRevision, const QString &newRevision)
{
    return {{QLatin1String(reply::ChannelName), name},
            {QLatin1String(reply::OldGeneration), oldGeneration},
            {QLatin1String(reply::NewGeneration), newGeneration},
            {QLatin1String(reply::OldRevision), oldRevision},
            {QLatin1String(reply::NewRevision), newRevision}};
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
    const QFileInfo flake(m_config.configurationDirectory + QStringLiteral("/flake.nix"));
    if (flake.isFile() && !flake.isSymLink()) {
        return updateFlake(request);
    }
    if (!request.input.isEmpty()) {
        return OperationResult::failure(
            HelperError::InvalidArguments,
            QStringLiteral("the configuration is not a flake, so it has no input '%1'; its channels are updated as a whole").arg(request.input));
    }
    return updateChannels();
}

OperationResult Operations::updateFlake(const UpdateSourcesRequest &request)
{
    auto dir = ConfinedDirectory::open(m_config.configurationDirectory);
    if (!dir) {
        return OperationResult::failure(HelperError::Misconfigured, dir.error());
    }
    GitStore git(m_config.configurationDirectory, m_context.authorName);
    if (!git.isRepository()) {
        return OperationResult::failure(
            HelperError::Failed,
            QStringLiteral("%1 is not a git repository yet; initialise it first, so that the update can be undone").arg(m_config.configurationDirectory));
    }
    // The commit before the update is what restoreconfig returns to, so a tree changed outside Snowpane is saved first.
    auto saved = git.commitAll(QStringLiteral("Snowpane: save the configuration as it was before an update"));
    auto previous = saved ? git.head() : Checked<QString>::fail(saved.error());
    if (!previous) {
        return OperationResult::failure(HelperError::Failed, previous.error());
    }
    auto before = dir.value().read(LockFile, MaxLockBytes);
    if (!before) {
        return OperationResult::failure(HelperError::Failed, before.error());
    }

    if (!request.input.isEmpty() && before.value()) {
        // Nix only warns about a name that matches no input and changes nothing: say so instead.
        const QList<LockedInput> locked = parseFlakeLockInputs(*before.value());
        if (std::none_of(locked.cbegin(), locked.cend(), [&request](const LockedInput &input) {
                return input.name == request.input;
            })) {
            return OperationResult::failure(HelperError::InvalidArguments, QStringLiteral("the flake has no input '%1'").arg(request.input));
        }
    }

    Command update;
    update.program = m_config.nixProgram(QStringLiteral("nix"));
    update.arguments = {QStringLiteral("--extra-experimental-features"),
                        QStringLiteral("nix-command flakes"),
                        QStringLiteral("flake"),
                        QStringLiteral("update"),
                        QStringLiteral("--flake"),
                        m_config.configurationDirectory,
                        QStringLiteral("--log-format"),
                        QStringLiteral("internal-json"),
                        QStringLiteral("-v")};
    if (!request.input.isEmpty()) {
        // After "--": the validator already refuses a leading '-', and this keeps it so.
        update.arguments << QStringLiteral("--") << request.input;
    }
    update.environment = m_config.environment();
    update.timeout = protocol::bound::SourceUpdate;
    update.workingDirectory = m_config.configurationDirectory;
    NixLogParser parser;
    parser.setPhase(NixPhase::Fetching);
    report(parser, true);
    const CommandOutcome updated = run(update, &parser, Stoppable::Yes);
    report(parser, true);

    // Whatever Nix did, a failed or cancelled update leaves flake.lock byte for byte as it was.
    const auto putBack = [&] {
        auto now = dir.value().read(LockFile, MaxLockBytes);
        if (now && now.value() == before.value()) {
            return;
        }
        const auto restored = before.value() ? dir.value().writeAtomically(LockFile, *before.value()) : dir.value().remove(LockFile);
        if (!restored) {
            qCWarning(SNOWPANE_HELPER) << "cannot put flake.lock back:" << restored.error();
        }
    };
    if (!updated.succeeded()) {
        putBack();
        return failureOf(update, updated, parser);
    }
    auto after = dir.value().read(LockFile, MaxLockBytes);
    if (!after) {
        putBack();
        return OperationResult::failure(HelperError::Failed, after.error());
    }
    QVariantMap data{{QLatin1String(reply::Kind), QLatin1String(reply::KindFlake)}, {QLatin1String(reply::PreviousCommit), previous.value()}};
    if (after.value() == before.value()) {
        data.insert(QLatin1String(reply::Changed), false);
        data.insert(QLatin1String(reply::Commit), QString());
        data.insert(QLatin1String(reply::Inputs), QVariantList());
        return OperationResult::success(data);
    }
    const QList<InputChange> changes =
        changedInputs(parseFlakeLockInputs(before.value().value_or(QByteArray())), parseFlakeLockInputs(after.value().value_or(QByteArray())));
    QVariantList inputs;
    for (const InputChange &change : changes) {
        inputs.append(QVariantMap{{QLatin1String(reply::InputName), change.name},
                                  {QLatin1String(reply::OldRevision), change.oldRevision},
                                  {QLatin1String(reply::NewRevision), change.newRevision},
                                  {QLatin1String(reply::OldDate), change.oldDate.isValid() ? change.oldDate.toString(Qt::ISODate) : QString()},
                                  {QLatin1String(reply::NewDate), change.newDate.isValid() ? change.newDate.toString(Qt::ISODate) : QString()}});
    }
    auto commit = git.commitAll(flakeUpdateMessage(changes));
    auto head = commit ? git.head() : Checked<QString>::fail(commit.error());
    if (!head) {
        putBack();
        return OperationResult::failure(HelperError::Failed, head.error());
    }
    data.insert(QLatin1String(reply::Changed), true);
    data.insert(QLatin1String(reply::Commit), head.value());
    data.insert(QLatin1String(reply::Inputs), inputs);
    return OperationResult::success(data);
}

OperationResult Operations::updateChannels()
{
    const QString profile = m_config.channelsProfile;
    auto list = readChannelList(m_config.channelList);
    if (!list) {
        return OperationResult::failure(HelperError::Failed, list.error());
    }
    const QList<ChannelEntry> channels = parseChannelList(list.value());
    QSet<QString> marked;
    for (const ChannelEntry &channel : channels) {
        if (QFileInfo::exists(profile + QLatin1Char('/') + channel.name + QStringLiteral("/.update-on-nixos-rebuild"))) {
            marked.insert(channel.name);
        }
    }
    const QStringList names = channelsToUpdate(channels, marked);
    if (names.isEmpty()) {
        return OperationResult::failure(HelperError::Failed,
                                        QStringLiteral("%1 lists no 'nixos' channel and no channel marked .update-on-nixos-rebuild").arg(m_config.channelList));
    }
    QDir().mkpath(QFileInfo(profile).absolutePath());
    const ProfileLinks before = rawProfileLinks(profile);
    const int oldGeneration = profileGeneration(profile);
    QMap<QString, QString> oldRevisions;
    for (const QString &name : names) {
        oldRevisions.insert(name, channelRevision(profile, name));
    }

    NixLogParser parser;
    parser.setPhase(NixPhase::Fetching);
    report(parser, true);
    QStringList expressions;
    for (const ChannelEntry &channel : channels) {
        const QString packageName = channelPackageName(channel);
        if (!names.contains(channel.name)) {
            // As nix-channel: a channel not being updated keeps the store path it has.
            const QString current = rawLinkTarget(profile + QLatin1Char('/') + channel.name);
            if (current.isEmpty()) {
                continue;
            }
            const QString storePath = QFileInfo(current).path();
            expressions.append(QStringLiteral("f: rec { name = %1; type = \"derivation\"; outputs = [ \"out\" ]; system = \"builtin\"; outPath = "
                                              "builtins.storePath %2; out = { inherit outPath; }; }")
                                   .arg(nixString(packageName), nixString(storePath)));
            continue;
        }
        parser.addLogLine(QStringLiteral("fetching channel %1 from %2").arg(channel.name, channel.url));
        Command fetch;
        fetch.program = m_config.nixProgram(QStringLiteral("nix-prefetch-url"));
        fetch.arguments = {QStringLiteral("--print-path"),
                           QStringLiteral("--name"),
                           channelTarballUrl(channel.url).section(QLatin1Char('/'), -1),
                           QStringLiteral("--log-format"),
                           QStringLiteral("internal-json"),
                           QStringLiteral("--"),
                           channelTarballUrl(channel.url)};
        fetch.environment = m_config.environment();
        fetch.timeout = protocol::bound::SourceUpdate;
        const CommandOutcome fetched = run(fetch, &parser, Stoppable::Yes);
        report(parser, true);
        if (!fetched.succeeded()) {
            restoreProfileLinks(profile, before);
            OperationResult result = failureOf(fetch, fetched, parser);
            result.message = QStringLiteral("cannot fetch channel %1: %2").arg(channel.name, result.message);
            return result;
        }
        const QString tarball = QString::fromUtf8(fetched.standardOutput).trimmed().section(QLatin1Char('\n'), -1).trimmed();
        if (!tarball.startsWith(m_config.storeDirectory + QLatin1Char('/')) || tarball.contains(QLatin1Char('"'))) {
            return OperationResult::failure(HelperError::Failed, QStringLiteral("nix-prefetch-url gave no store path for channel %1").arg(channel.name));
        }
        expressions.append(QStringLiteral("f: f { name = %1; channelName = %2; src = builtins.storePath %3; }")
                               .arg(nixString(packageName), nixString(channel.name), nixString(tarball)));
    }
    if (m_context.stopRequested && m_context.stopRequested()) {
        return OperationResult::failure(HelperError::Cancelled, QStringLiteral("cancelled"));
    }

    QTemporaryDir scratch;
    QFile unpack(scratch.filePath(QStringLiteral("unpack-channel.nix")));
    if (!scratch.isValid() || !unpack.open(QIODevice::WriteOnly) || unpack.write(UnpackChannel) < 0) {
        return OperationResult::failure(HelperError::Failed, QStringLiteral("cannot write a temporary file"));
    }
    unpack.close();
    Command install;
    install.program = m_config.nixProgram(QStringLiteral("nix-env"));
    install.arguments = QStringList{QStringLiteral("--profile"),
                                    profile,
                                    QStringLiteral("--file"),
                                    unpack.fileName(),
                                    QStringLiteral("--install"),
                                    QStringLiteral("--remove-all"),
                                    QStringLiteral("--quiet"),
                                    QStringLiteral("--log-format"),
                                    QStringLiteral("internal-json"),
                                    QStringLiteral("--from-expression")}
        + expressions;
    install.environment = m_config.environment();
    install.timeout = protocol::bound::Profile;
    // Unpacking and switching the profile is quick and is not stopped half-way.
    const CommandOutcome installed = run(install, &parser, Stoppable::No);
    report(parser, true);
    if (!installed.succeeded()) {
        restoreProfileLinks(profile, before);
        return failureOf(install, installed, parser);
    }
    const int newGeneration = profileGeneration(profile);
    QVariantList changed;
    for (const QString &name : names) {
        changed.append(channelChange(name, oldGeneration, newGeneration, oldRevisions.value(name), channelRevision(profile, name)));
    }
    return OperationResult::success({{QLatin1String(reply::Kind), QLatin1String(reply::KindChannels)},
                                     {QLatin1String(reply::Changed), newGeneration != oldGeneration},
                                     {QLatin1String(reply::Channels), changed}});
}

}
