// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "operations.h"

#include "builddirectory.h"
#include "committable.h"
#include "confineddirectory.h"
#include "gitstore.h"
#include "helperlogging.h"
#include "parsecheck.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

using namespace std::chrono_literals;
using Protocol::HelperError;

namespace
{

// The client's D-Bus timeout is derived from the same bounds (helperprotocol.h).
constexpr auto BuildBound = Protocol::Bound::Build;
constexpr auto ActivationBound = Protocol::Bound::Activation;
constexpr auto ProfileBound = Protocol::Bound::Profile;

QVariantMap step(const QString &name, const CommandOutcome &outcome)
{
    return {{QLatin1String(Protocol::Reply::StepName), name},
            {QLatin1String(Protocol::Reply::StepExitCode), outcome.status == CommandOutcome::Status::Exited ? outcome.exitCode : -1},
            {QLatin1String(Protocol::Reply::StepSucceeded), outcome.succeeded()}};
}

}

OperationResult fromOutcome(const Command &command, const CommandOutcome &outcome, const NixLogParser *parser)
{
    switch (outcome.status) {
    case CommandOutcome::Status::Cancelled:
        return OperationResult::failure(HelperError::Cancelled, u"cancelled"_s);
    case CommandOutcome::Status::TimedOut:
        return OperationResult::failure(HelperError::TimedOut, outcome.describe(command));
    default:
        break;
    }
    OperationResult result = OperationResult::failure(HelperError::Failed, outcome.describe(command));
    if (parser && parser->progress().error) {
        result.nixError = parser->progress().error;
        result.message = parser->progress().error->message;
    } else if (parser) {
        const QStringList lines = parser->progress().recentLines;
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (it->startsWith("error:"_L1)) {
                result.message = it->mid(6).trimmed();
                break;
            }
        }
    }
    return result;
}

Operations::Operations(HelperConfig config, OperationContext context)
    : m_config(std::move(config))
    , m_context(std::move(context))
{
}

void Operations::report(const NixLogParser &parser, bool force)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!force && now - m_lastReport < 250) {
        return;
    }
    m_lastReport = now;
    if (m_context.sendProgress) {
        QVariantMap map = parser.progress().toVariantMap();
        map.insert(QLatin1String(Protocol::Progress::Event), QLatin1String(Protocol::Progress::EventProgress));
        m_context.sendProgress(map);
    }
}

CommandOutcome Operations::run(Command command, NixLogParser *parser, Stoppable stoppable)
{
    ProcessRunner runner;
    runner.onErrorLine = [this, parser](QByteArrayView line) {
        if (parser) {
            parser->feedLine(line);
            report(*parser, false);
        }
    };
    if (stoppable == Stoppable::Yes) {
        runner.shouldStop = [this] {
            return m_context.stopRequested && m_context.stopRequested();
        };
    }
    runner.onTick = [this, parser] {
        // A heartbeat lets a second client see that the helper is busy, even while Nix is silent.
        if (parser) {
            report(*parser, true);
        } else if (m_context.sendProgress) {
            m_context.sendProgress({{QLatin1String(Protocol::Progress::Event), QLatin1String(Protocol::Progress::EventHeartbeat)}});
        }
    };
    return runner.run(command);
}

Command Operations::activationCommand(const QString &system, RebuildMode mode) const
{
    Command command;
    command.environment = m_config.environment();
    command.timeout = ActivationBound;
    const QString script = system + u"/bin/switch-to-configuration"_s;
    if (QFileInfo::exists(m_config.systemdRuntimeDirectory)) {
        // As nixos-rebuild does: in a transient unit, activation finishes even if the app or the helper goes away.
        command.program = m_config.systemdRun;
        command.arguments = {u"-E"_s,
                             u"LOCALE_ARCHIVE"_s,
                             u"-E"_s,
                             u"NIXOS_INSTALL_BOOTLOADER"_s,
                             u"--collect"_s,
                             u"--no-ask-password"_s,
                             u"--pipe"_s,
                             u"--quiet"_s,
                             u"--service-type=exec"_s,
                             u"--unit=snowpane-switch-to-configuration-%1"_s.arg(QRandomGenerator::system()->generate64(), 0, 16),
                             u"--wait"_s,
                             script,
                             modeName(mode)};
    } else {
        command.program = script;
        command.arguments = {modeName(mode)};
    }
    return command;
}

int Operations::currentGeneration() const
{
    const QString target = QFile::symLinkTarget(m_config.systemProfile);
    static const QRegularExpression number(u"-(\\d+)-link\\z"_s);
    const auto match = number.match(QFileInfo(target).fileName());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

Checked<QString> Operations::resolveSystem(const QString &link) const
{
    const QString resolved = QFileInfo(link).canonicalFilePath();
    const QString store = m_config.storeDirectory + QLatin1Char('/');
    if (resolved.isEmpty() || !resolved.startsWith(store) || resolved.mid(store.size()).contains(QLatin1Char('/'))) {
        return Checked<QString>::fail(u"%1 does not point at a system in %2"_s.arg(link, m_config.storeDirectory));
    }
    struct stat st{};
    if (::lstat(QFile::encodeName(resolved).constData(), &st) != 0 || st.st_uid != 0) {
        return Checked<QString>::fail(u"%1 is not owned by root"_s.arg(resolved));
    }
    return Checked<QString>::ok(resolved);
}

OperationResult Operations::writeConfig(const WriteConfigRequest &request)
{
    auto dir = ConfinedDirectory::open(m_config.configurationDirectory);
    if (!dir) {
        return OperationResult::failure(HelperError::Misconfigured, dir.error());
    }
    for (std::size_t i = 0; i < request.names.size(); ++i) {
        if (auto parsed = checkNixParses(request.names[i].text, request.contents[i], m_config); !parsed) {
            return OperationResult::failure(HelperError::InvalidArguments, parsed.error());
        }
    }
    GitStore git(m_config.configurationDirectory, m_context.authorName);
    if (!git.isRepository()) {
        return OperationResult::failure(
            HelperError::Failed,
            u"%1 is not a git repository yet; initialise it first, so that every edit can be undone"_s.arg(m_config.configurationDirectory));
    }
    for (const RelativeName &name : request.names) {
        if (auto committable = checkCommittable(dir.value(), git, name); !committable) {
            return OperationResult::failure(HelperError::Failed, committable.error());
        }
    }
    auto before = git.commitAll(u"Snowpane: save the configuration as it was before an edit"_s);
    if (!before) {
        return OperationResult::failure(HelperError::Failed, before.error());
    }
    // Keep the old texts so that a failure half-way leaves the directory as it was.
    std::vector<std::optional<QByteArray>> previous;
    for (const RelativeName &name : request.names) {
        auto old = dir.value().read(name, MaxContentBytes * 4);
        if (!old) {
            return OperationResult::failure(HelperError::Failed, old.error());
        }
        previous.push_back(old.value());
    }
    for (std::size_t i = 0; i < request.names.size(); ++i) {
        if (auto written = dir.value().writeAtomically(request.names[i], request.contents[i]); !written) {
            for (std::size_t j = 0; j < i; ++j) {
                if (previous[j]) {
                    (void)dir.value().writeAtomically(request.names[j], *previous[j]);
                }
            }
            return OperationResult::failure(HelperError::Failed, written.error());
        }
    }
    QStringList names;
    for (const RelativeName &name : request.names) {
        names.append(name.text);
    }
    auto commit = git.commitAll(request.message, names);
    if (!commit) {
        return OperationResult::failure(HelperError::Failed, commit.error());
    }
    auto head = git.head();
    return OperationResult::success({{QLatin1String(Protocol::Reply::Commit), head ? head.value() : QString()},
                                     {QLatin1String(Protocol::Reply::Changed), commit.value().has_value()},
                                     {QLatin1String(Protocol::Reply::SavedBefore), before.value().value_or(QString())},
                                     {QLatin1String(Protocol::Reply::Files), names}});
}

OperationResult Operations::rebuild(const RebuildRequest &request)
{
    // Root's directory, or a person's own one that the helper only reads, as `sudo nixos-rebuild --flake ~/cfg` does.
    auto owner = inspectBuildDirectory(m_config.configurationDirectory);
    if (!owner) {
        return OperationResult::failure(HelperError::Misconfigured, owner.error());
    }
    const bool rootOwned = owner.value().kind == BuildDirectoryOwner::Root;
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        return OperationResult::failure(HelperError::Failed, u"cannot create a temporary directory"_s);
    }
    // An out-link (not --no-out-link) keeps the result a garbage-collector root until the profile holds it.
    const QString outLink = scratch.filePath(u"result"_s);
    const bool dry = request.mode == RebuildMode::DryBuild;
    Command build;
    build.environment = m_config.environment();
    build.timeout = BuildBound;
    build.workingDirectory = m_config.configurationDirectory;
    if (!rootOwned) {
        // As under `sudo nixos-rebuild --flake ~/cfg`: Nix's git (libgit2) opens a repository root does not own
        // only for the user SUDO_UID names. The owner comes from lstat of the configured path, never from the caller.
        build.environment.insert(u"SUDO_UID"_s, QString::number(owner.value().owner));
    }
    const QStringList logFormat = {u"--log-format"_s, u"internal-json"_s, u"-v"_s};
    // A flake.nix that is a link, or dangles, is refused: taken for "no flake", configuration.nix would be built from root's channels.
    const auto flake = isFlake(m_config.configurationDirectory);
    if (!flake) {
        return OperationResult::failure(HelperError::Failed, flake.error());
    }
    if (flake.value()) {
        // This machine's own host: programs.snowpane.host, else its host name (empty if that cannot name an output).
        QString own = m_config.host;
        if (own.isEmpty()) {
            auto machine = validateHost(QSysInfo::machineHostName());
            own = machine ? machine.value() : QString();
        }
        const QString host = request.host.isEmpty() ? own : request.host;
        if (host.isEmpty()) {
            return OperationResult::failure(HelperError::InvalidArguments, u"this machine's host name cannot name a flake output; give one"_s);
        }
        // Another host's system is built here for a look, never made this machine's system: deploying it is the
        // fleet's job, over SSH to its own machine. Checked here, not only in the window, because any caller may ask.
        if (modeActivates(request.mode) && host != own) {
            return OperationResult::failure(
                HelperError::InvalidArguments,
                own.isEmpty() ? u"this machine's own host is not known (set programs.snowpane.host), so %1 is not activated here; build it instead"_s.arg(host)
                              : u"%1 is not this machine's host (%2): switching, booting and testing apply only to this machine's own host; build %1 "
                                "instead, or deploy it to its own machine"_s.arg(host, own));
        }
        build.program = m_config.nixProgram(u"nix"_s);
        build.arguments = QStringList{u"--extra-experimental-features"_s, u"nix-command flakes"_s, u"build"_s} + logFormat
            + QStringList{u"--out-link"_s,
                          outLink,
                          u"--print-out-paths"_s,
                          m_config.configurationDirectory + u"#nixosConfigurations.\"%1\".config.system.build.toplevel"_s.arg(host)};
        if (dry) {
            build.arguments.append(u"--dry-run"_s);
        }
    } else {
        build.program = m_config.nixProgram(u"nix-build"_s);
        build.environment.insert(u"NIXOS_CONFIG"_s, m_config.configurationDirectory + u"/configuration.nix"_s);
        build.arguments = QStringList{u"<nixpkgs/nixos>"_s, u"-A"_s, u"system"_s, u"--out-link"_s, outLink} + logFormat;
        if (dry) {
            build.arguments.append(u"--dry-run"_s);
        }
    }

    // A new generation is linked to the commit that built it, so a tree changed
    // outside Snowpane is committed first: the commit then holds what is built.
    // A person's own directory is never written as root: the window commits
    // there as that person before the build and notes the generation after it.
    QString builtCommit;
    GitStore git(m_config.configurationDirectory, m_context.authorName);
    if (rootOwned && modeSetsProfile(request.mode) && git.isRepository()) {
        auto saved = git.commitAll(u"Snowpane: save the configuration as it was before a rebuild"_s);
        auto head = saved ? git.head() : Checked<QString>::fail(saved.error());
        if (!head) {
            return OperationResult::failure(HelperError::Failed, head.error());
        }
        builtCommit = head.value();
    }

    NixLogParser parser;
    QVariantList steps;
    report(parser, true);
    const CommandOutcome built = run(build, &parser, Stoppable::Yes);
    steps.append(step(u"build"_s, built));
    report(parser, true);
    if (!built.succeeded()) {
        OperationResult result = fromOutcome(build, built, &parser);
        result.data.insert(QLatin1String(Protocol::Reply::Steps), steps);
        return result;
    }
    // Nothing after this point may start once the caller asked to stop: a cancelled build never touches the profile.
    if (m_context.stopRequested && m_context.stopRequested()) {
        return OperationResult::failure(HelperError::Cancelled, u"cancelled"_s);
    }
    QVariantMap data{{QLatin1String(Protocol::Reply::Mode), modeName(request.mode)}, {QLatin1String(Protocol::Reply::Steps), steps}};
    if (dry) {
        data.insert(QLatin1String(Protocol::Reply::RecentLines), parser.progress().recentLines);
        return OperationResult::success(data);
    }
    auto system = resolveSystem(outLink);
    if (!system) {
        return OperationResult::failure(HelperError::Failed, u"the build produced no usable system: %1"_s.arg(system.error()));
    }
    data.insert(QLatin1String(Protocol::Reply::StorePath), system.value());

    if (modeSetsProfile(request.mode)) {
        QDir().mkpath(QFileInfo(m_config.systemProfile).absolutePath());
        Command setProfile;
        setProfile.program = m_config.nixProgram(u"nix-env"_s);
        setProfile.arguments = {u"-p"_s, m_config.systemProfile, u"--set"_s, system.value()};
        setProfile.environment = m_config.environment();
        setProfile.timeout = ProfileBound;
        const CommandOutcome set = run(setProfile, nullptr, Stoppable::No);
        steps.append(step(u"set-profile"_s, set));
        data.insert(QLatin1String(Protocol::Reply::Steps), steps);
        if (!set.succeeded()) {
            OperationResult result = fromOutcome(setProfile, set, nullptr);
            result.data = data;
            return result;
        }
        const int generation = currentGeneration();
        data.insert(QLatin1String(Protocol::Reply::Generation), generation);
        if (!builtCommit.isEmpty()) {
            // The generation exists whatever happens to the note: a failure is reported, not fatal.
            auto noted = git.recordGeneration(builtCommit, generation, system.value());
            data.insert(QLatin1String(Protocol::Reply::Commit), builtCommit);
            if (!noted) {
                qCWarning(SNOWPANE_HELPER) << "cannot record the generation in git:" << noted.error();
                data.insert(QLatin1String(Protocol::Reply::NoteError), noted.error());
            }
        }
    }

    if (modeActivates(request.mode)) {
        parser.setPhase(NixPhase::Activating);
        report(parser, true);
        const Command activate = activationCommand(system.value(), request.mode);
        // Stopping activation half-way would leave the machine between two systems, so it always runs to the end.
        const CommandOutcome activated = run(activate, nullptr, Stoppable::No);
        for (const QByteArray &line : activated.standardOutput.split('\n')) {
            if (!line.isEmpty()) {
                parser.addLogLine(QString::fromUtf8(line));
            }
        }
        steps.append(step(u"activate"_s, activated));
        data.insert(QLatin1String(Protocol::Reply::Steps), steps);
        report(parser, true);
        if (!activated.succeeded()) {
            OperationResult result = fromOutcome(activate, activated, nullptr);
            result.message = u"activation failed: "_s + result.message;
            result.data = data;
            return result;
        }
    }
    data.insert(QLatin1String(Protocol::Reply::RecentLines), parser.progress().recentLines);
    return OperationResult::success(data);
}

OperationResult Operations::switchGeneration(const SwitchGenerationRequest &request)
{
    const QString link = m_config.systemProfile + u"-%1-link"_s.arg(request.generation);
    if (!QFileInfo(link).isSymLink()) {
        return OperationResult::failure(HelperError::InvalidArguments, u"generation %1 does not exist"_s.arg(request.generation));
    }
    auto system = resolveSystem(link);
    if (!system) {
        return OperationResult::failure(HelperError::Failed, system.error());
    }
    if (!QFileInfo(system.value() + u"/bin/switch-to-configuration"_s).isExecutable()) {
        return OperationResult::failure(HelperError::Failed, u"generation %1 has no switch-to-configuration"_s.arg(request.generation));
    }
    QVariantList steps;
    Command switchProfile;
    switchProfile.program = m_config.nixProgram(u"nix-env"_s);
    switchProfile.arguments = {u"-p"_s, m_config.systemProfile, u"--switch-generation"_s, QString::number(request.generation)};
    switchProfile.environment = m_config.environment();
    switchProfile.timeout = ProfileBound;
    const CommandOutcome switched = run(switchProfile, nullptr, Stoppable::No);
    steps.append(step(u"switch-generation"_s, switched));
    if (!switched.succeeded()) {
        OperationResult result = fromOutcome(switchProfile, switched, nullptr);
        result.data.insert(QLatin1String(Protocol::Reply::Steps), steps);
        return result;
    }
    NixLogParser parser;
    parser.setPhase(NixPhase::Activating);
    report(parser, true);
    const Command activate = activationCommand(system.value(), request.mode);
    const CommandOutcome activated = run(activate, nullptr, Stoppable::No);
    steps.append(step(u"activate"_s, activated));
    QVariantMap data{{QLatin1String(Protocol::Reply::Generation), request.generation},
                     {QLatin1String(Protocol::Reply::StorePath), system.value()},
                     {QLatin1String(Protocol::Reply::Mode), modeName(request.mode)},
                     {QLatin1String(Protocol::Reply::Steps), steps}};
    if (!activated.succeeded()) {
        OperationResult result = fromOutcome(activate, activated, nullptr);
        result.message = u"activation failed: "_s + result.message;
        result.data = data;
        return result;
    }
    return OperationResult::success(data);
}

OperationResult Operations::initRepo(const InitRepoRequest &)
{
    auto dir = ConfinedDirectory::open(m_config.configurationDirectory);
    if (!dir) {
        return OperationResult::failure(HelperError::Misconfigured, dir.error());
    }
    GitStore git(m_config.configurationDirectory, m_context.authorName);
    auto commit = git.initialise(u"Snowpane: the configuration as it was found"_s);
    if (!commit) {
        return OperationResult::failure(HelperError::Failed, commit.error());
    }
    return OperationResult::success({{QLatin1String(Protocol::Reply::Commit), commit.value().commit},
                                     {QLatin1String(Protocol::Reply::Tracked), commit.value().tracked},
                                     {QLatin1String(Protocol::Reply::LeftPrivate), commit.value().leftPrivate}});
}

OperationResult Operations::restoreConfig(const RestoreConfigRequest &request)
{
    auto dir = ConfinedDirectory::open(m_config.configurationDirectory);
    if (!dir) {
        return OperationResult::failure(HelperError::Misconfigured, dir.error());
    }
    GitStore git(m_config.configurationDirectory, m_context.authorName);
    if (!git.isRepository()) {
        return OperationResult::failure(HelperError::Failed, u"%1 is not a git repository"_s.arg(m_config.configurationDirectory));
    }
    if (!request.files.empty()) {
        return restoreFiles(request, dir.value(), git);
    }
    return restoreAll(request, dir.value(), git);
}

OperationResult Operations::restoreFiles(const RestoreConfigRequest &request, const ConfinedDirectory &dir, const GitStore &git)
{
    auto head = git.head();
    if (!head) {
        return OperationResult::failure(HelperError::Failed, head.error());
    }
    QList<StagedFile> old;
    QList<StagedFile> onDisk;
    QList<StagedFile> inHead;
    for (const RelativeName &name : request.files) {
        auto file = git.fileAt(request.commit, name.text);
        if (!file) {
            return OperationResult::failure(HelperError::Failed, file.error());
        }
        old.append(file.value());
        auto status = dir.status(name);
        if (!status) {
            return OperationResult::failure(HelperError::Failed, status.error());
        }
        if (auto single = checkSingleFile(name, status.value()); !single) {
            return OperationResult::failure(HelperError::Failed, single.error());
        }
        if (auto committable = checkCommittable(dir, git, name); !committable) {
            return OperationResult::failure(HelperError::Failed, committable.error());
        }
        auto current = dir.read(name, MaxContentBytes);
        if (!current) {
            return OperationResult::failure(HelperError::Failed, current.error());
        }
        onDisk.append(StagedFile{name.text, current.value(), file.value().executable});
        StagedFile committed{name.text, std::nullopt, false};
        if (!head.value().isEmpty()) {
            auto atHead = git.fileAt(head.value(), name.text);
            if (!atHead) {
                return OperationResult::failure(HelperError::Failed, atHead.error());
            }
            committed = atHead.value();
        }
        inHead.append(committed);
        // A file the history never had (untracked, or gitignored like some flake.lock) is not deleted on its word.
        if (!file.value().content && !committed.content && current.value()) {
            return OperationResult::failure(
                HelperError::Failed,
                u"%1 is not in commit %2 and not tracked by git, so there is nothing to restore it from"_s.arg(name.text, request.commit.left(12)));
        }
    }
    QStringList names;
    for (const RelativeName &name : request.files) {
        names.append(name.text);
    }
    // Edits of these files not committed yet are saved first, so that the restore can be undone as well.
    QList<StagedFile> unsaved;
    for (qsizetype i = 0; i < onDisk.size(); ++i) {
        if (onDisk.at(i).content != inHead.at(i).content) {
            unsaved.append(onDisk.at(i));
        }
    }
    if (!unsaved.isEmpty()) {
        auto saved = git.commitFiles(unsaved, u"Snowpane: save %1 as it was before a restore"_s.arg(names.join(u", "_s)));
        if (!saved) {
            return OperationResult::failure(HelperError::Failed, saved.error());
        }
    }
    bool changed = false;
    for (qsizetype i = 0; i < old.size(); ++i) {
        if (old.at(i).content == onDisk.at(i).content) {
            continue;
        }
        const RelativeName &name = request.files.at(size_t(i));
        const auto written = old.at(i).content ? dir.writeAtomically(name, *old.at(i).content) : dir.remove(name);
        if (!written) {
            return OperationResult::failure(HelperError::Failed, written.error());
        }
        changed = true;
    }
    auto commit = git.commitFiles(old, u"Snowpane: restore %1 of %2"_s.arg(names.join(u", "_s), request.commit.left(12)));
    if (!commit) {
        return OperationResult::failure(HelperError::Failed, commit.error());
    }
    auto now = commit.value() ? Checked<QString>::ok(*commit.value()) : git.head();
    if (!now) {
        return OperationResult::failure(HelperError::Failed, now.error());
    }
    return OperationResult::success({{QLatin1String(Protocol::Reply::Commit), now.value()},
                                     {QLatin1String(Protocol::Reply::Restored), request.commit},
                                     {QLatin1String(Protocol::Reply::Files), names},
                                     {QLatin1String(Protocol::Reply::Changed), changed || commit.value().has_value()}});
}

OperationResult Operations::deleteGenerations(const DeleteGenerationsRequest &request)
{
    // Listed per request: the profile's name comes from this request's settings. Each date is the link's own (lstat).
    const System::ProfileGenerations profile = System::listProfileGenerations(m_config.systemProfile);
    if (!profile.error.isEmpty()) {
        return OperationResult::failure(HelperError::Failed, profile.error);
    }
    const System::ProtectedSystems kept{profile.current,
                                        QFileInfo(m_config.bootedSystem).canonicalFilePath(),
                                        QFileInfo(m_config.currentSystem).canonicalFilePath()};
    const QList<int> requested(request.generations.cbegin(), request.generations.cend());
    // Exactly the generations the window showed, each still selected by the rule, or none at all.
    if (const QString refusal = System::refusalToDelete(requested, profile.generations, kept, request.rule, request.count, QDateTime::currentDateTime());
        !refusal.isEmpty()) {
        return OperationResult::failure(HelperError::Failed, u"nothing was deleted: %1"_s.arg(refusal));
    }
    QVariantList deleted;
    QVariantList steps;
    Command remove;
    remove.program = m_config.nixProgram(u"nix-env"_s);
    remove.arguments = {u"-p"_s, m_config.systemProfile, u"--delete-generations"_s};
    for (int number : request.generations) {
        remove.arguments.append(QString::number(number));
        deleted.append(number);
    }
    remove.environment = m_config.environment();
    remove.timeout = ProfileBound;
    const CommandOutcome removed = run(remove, nullptr, Stoppable::No);
    steps.append(step(u"delete-generations"_s, removed));
    if (!removed.succeeded()) {
        return fromOutcome(remove, removed, nullptr);
    }
    if (m_config.collectGarbage) {
        Command gc;
        gc.program = m_config.nixProgram(u"nix-store"_s);
        gc.arguments = {u"--gc"_s};
        gc.environment = m_config.environment();
        gc.timeout = Protocol::Bound::GarbageCollection;
        NixLogParser parser;
        const CommandOutcome collected = run(gc, &parser, Stoppable::Yes);
        steps.append(step(u"collect-garbage"_s, collected));
        if (!collected.succeeded()) {
            return fromOutcome(gc, collected, &parser);
        }
    }
    return OperationResult::success({{QLatin1String(Protocol::Reply::Deleted), deleted}, {QLatin1String(Protocol::Reply::Steps), steps}});
}

}
