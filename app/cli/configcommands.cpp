// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "configcommands.h"

#include "changeset.h"
#include "configjson.h"
#include "definitions.h"
#include "documentset.h"
#include "hostevaluation.h"
#include "usercommit.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Snowpane::Config;

namespace
{

enum class Shape {
    Query,
    Edit,
    Package,
    Imports
};

struct Invocation {
    int exitCode = 0; // non-zero: stop with this code
    QCommandLineParser parser;
    std::optional<DocumentSet> set;
    OptionPath option;
    QString argument;
    Operation::Reach reach = Operation::Reach::ThisHost;
};

// A flake directory (or its flake.nix) names several hosts; a file or a classic directory does not.
QString flakeDirectoryOf(const QString &config)
{
    const QFileInfo info(config);
    if (info.isDir() && QFileInfo::exists(config + u"/flake.nix"_s)) {
        return info.absoluteFilePath();
    }
    if (info.fileName() == u"flake.nix"_s) {
        return info.absolutePath();
    }
    return {};
}

// The flake's hosts and what the chosen one shares; prints which reading is in use when it is not evaluation.
std::optional<Snowpane::Config::HostScope> hostScope(const QString &flake, const QString &host, int &exitCode)
{
    using namespace Snowpane::Config;
    const HostList list = listHosts(flake);
    if (!list.error.empty()) {
        std::fprintf(stderr, "snowpane-cli: %s\n", list.error.c_str());
        if (!list.why.empty()) {
            std::fprintf(stderr, "%s\n", list.why.c_str());
        }
        exitCode = 1;
        return std::nullopt;
    }
    const std::string wanted = host.toStdString();
    if (!host.isEmpty() && std::find(list.hosts.begin(), list.hosts.end(), wanted) == list.hosts.end()) {
        std::fprintf(stderr,
                     "snowpane-cli: the flake %s has no host `%s`; its hosts are %s (from %s)\n",
                     qPrintable(flake),
                     wanted.c_str(),
                     joinNames(list.hosts).c_str(),
                     list.reading == HostReading::Evaluation ? "evaluation" : "the static reading of flake.nix");
        exitCode = 1;
        return std::nullopt;
    }
    if (list.hosts.size() < 2) {
        return HostScope{list.hosts, {}, {}, list.reading, list.why};
    }
    const HostFiles files = list.reading == HostReading::Evaluation ? evaluateHostFiles(flake) : HostFiles{};
    const HostScope scope = scopeFor(flake, wanted, list, files);
    if (scope.reading == HostReading::Static) {
        std::fprintf(stderr, "snowpane-cli: using the static reading of %s/flake.nix: %s\n", qPrintable(flake), scope.why.c_str());
    }
    return scope;
}

QString defaultConfig()
{
    if (QFileInfo::exists(u"/etc/nixos/flake.nix"_s)) {
        return u"/etc/nixos"_s;
    }
    const QString fromEnvironment = qEnvironmentVariable("NIXOS_CONFIG");
    return fromEnvironment.isEmpty() ? u"/etc/nixos"_s : fromEnvironment;
}

void prepare(Invocation &run, const QStringList &arguments, Shape shape, const QString &description)
{
    QCommandLineParser &parser = run.parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption({u"config"_s, u"The configuration: a file, a flake directory, or a directory with configuration.nix (default: /etc/nixos)."_s, u"path"_s});
    parser.addOption({u"host"_s, u"The flake's nixosConfigurations host."_s, u"name"_s});
    if (shape == Shape::Query || shape == Shape::Imports) {
        parser.addOption({u"json"_s, u"Print JSON."_s});
    } else {
        parser.addOption({u"dry-run"_s, u"Print the change as a unified diff instead of writing it."_s});
        parser.addOption({u"all-hosts"_s, u"Allow changing a file that other hosts of the flake include too: the change reaches them all."_s});
        parser.addOption(
            {u"override-for-host"_s,
             u"When the definition is in a file other hosts include, override it in the chosen host's own file at a priority that wins (lib.mkForce)."_s});
    }
    if (shape == Shape::Package) {
        parser.addOption({u"option"_s, u"The list of packages to edit (default: environment.systemPackages)."_s, u"option"_s});
    }
    int positional = 0;
    if (shape == Shape::Query || shape == Shape::Edit) {
        parser.addPositionalArgument(u"option"_s, u"The option path, such as services.openssh.enable."_s);
        positional = 1;
    }
    if (shape == Shape::Package) {
        parser.addPositionalArgument(u"attr"_s, u"The package attribute, such as ripgrep."_s);
        positional = 1;
    }
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        run.exitCode = 2;
        return;
    }
    if (parser.isSet(u"help"_s)) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        run.exitCode = -1;
        return;
    }
    const bool takesValue = description.startsWith(u"Set"_s);
    const qsizetype wanted = positional + (takesValue ? 1 : 0);
    if (parser.positionalArguments().size() != wanted) {
        std::fprintf(stderr, "%s", qPrintable(parser.helpText()));
        run.exitCode = 2;
        return;
    }
    if (shape == Shape::Query || shape == Shape::Edit) {
        const std::optional<OptionPath> path = parseOptionPath(parser.positionalArguments().at(0).toStdString());
        if (!path) {
            std::fprintf(stderr, "'%s' is not an option path\n", qPrintable(parser.positionalArguments().at(0)));
            run.exitCode = 2;
            return;
        }
        run.option = *path;
        if (takesValue) {
            run.argument = parser.positionalArguments().at(1);
        }
    } else if (shape == Shape::Package) {
        run.argument = parser.positionalArguments().at(0);
        const std::optional<OptionPath> list =
            parseOptionPath(parser.isSet(u"option"_s) ? parser.value(u"option"_s).toStdString() : "environment.systemPackages");
        if (!list) {
            std::fprintf(stderr, "'%s' is not an option path\n", qPrintable(parser.value(u"option"_s)));
            run.exitCode = 2;
            return;
        }
        run.option = *list;
    }
    if (shape == Shape::Edit || shape == Shape::Package) {
        if (parser.isSet(u"all-hosts"_s) && parser.isSet(u"override-for-host"_s)) {
            std::fprintf(stderr, "--all-hosts and --override-for-host exclude each other\n");
            run.exitCode = 2;
            return;
        }
        if (parser.isSet(u"override-for-host"_s) && !takesValue) {
            std::fprintf(stderr, "--override-for-host applies to set only\n");
            run.exitCode = 2;
            return;
        }
        run.reach = parser.isSet(u"all-hosts"_s)   ? Operation::Reach::AllHosts
            : parser.isSet(u"override-for-host"_s) ? Operation::Reach::OverrideForHost
                                                   : Operation::Reach::ThisHost;
    }
    const QString config = parser.isSet(u"config"_s) ? parser.value(u"config"_s) : defaultConfig();
    Snowpane::Config::HostScope scope;
    if (const QString flake = flakeDirectoryOf(config); !flake.isEmpty()) {
        const std::optional<Snowpane::Config::HostScope> found = hostScope(flake, parser.value(u"host"_s), run.exitCode);
        if (!found) {
            return;
        }
        scope = *found;
    }
    run.set.emplace(DocumentSet::load(config.toStdString(), parser.value(u"host"_s).toStdString(), scope));
    if (!run.set->ok()) {
        std::fprintf(stderr, "snowpane-cli: %s\n", run.set->error().c_str());
        run.exitCode = 1;
        return;
    }
    for (const ImportNote &note : run.set->notFollowed()) {
        if (note.reason.starts_with("import cycle") || note.reason.starts_with("the file")) {
            const auto at = run.set->documents()[note.document].tree->locate(note.offset);
            std::fprintf(stderr, "warning: %s:%u:%u: %s\n", run.set->documents()[note.document].path.c_str(), at.line, at.column, note.reason.c_str());
        }
    }
}

// The git repository a flake lives in: its own directory or one above it (a flake in a subdirectory of a repository).
std::unique_ptr<Snowpane::System::GitRepository> repositoryOf(const QString &flakeDirectory)
{
    for (QDir dir(QFileInfo(flakeDirectory).canonicalFilePath()); !dir.path().isEmpty(); dir.setPath(QFileInfo(dir.path()).path())) {
        if (QFileInfo::exists(dir.filePath(u".git"_s))) {
            return std::move(Snowpane::System::GitRepository::open(dir.path()).repository);
        }
        if (dir.isRoot()) {
            break;
        }
    }
    return nullptr;
}

// The changed files as paths relative to the repository's working tree.
QStringList repositoryNames(const Snowpane::System::GitRepository &repository, const std::vector<FileChange> &changes, bool existing)
{
    const QDir tree(repository.workingDirectory());
    QStringList names;
    for (const FileChange &change : changes) {
        const QFileInfo file(QString::fromStdString(change.path));
        if (file.exists() == existing) {
            names.append(tree.relativeFilePath(existing ? file.canonicalFilePath() : QDir(file.dir().canonicalPath()).filePath(file.fileName())));
        }
    }
    return names;
}

// A flake sees only the files git tracks: an edit of one it does not track would change nothing that is built.
QString untrackedRefusal(const Snowpane::System::GitRepository &repository, const std::vector<FileChange> &changes)
{
    QString error;
    const QStringList untracked = Snowpane::System::untrackedFiles(repository, repositoryNames(repository, changes, true), &error);
    if (!error.isEmpty() || untracked.isEmpty()) {
        return error;
    }
    return u"%1 %2 not tracked by git, so the flake does not see %3 and the change would not be built; add %3 with `git add` in %4 first. Nothing was "
           u"written"_s.arg(untracked.join(u", "_s),
                            untracked.size() == 1 ? u"is"_s : u"are"_s,
                            untracked.size() == 1 ? u"it"_s : u"them"_s,
                            repository.workingDirectory());
}

int finish(Invocation &run, const Operation &operation)
{
    ChangeSet changes(*run.set);
    const EditResult result = changes.add(operation);
    if (!result.ok) {
        std::fprintf(stderr, "snowpane-cli: refused: %s\n", result.error.c_str());
        return 1;
    }
    const QString entry = QString::fromStdString(run.set->entry());
    const std::unique_ptr<Snowpane::System::GitRepository> repository =
        entry.endsWith(u"/flake.nix"_s) ? repositoryOf(QFileInfo(entry).absolutePath()) : nullptr;
    if (repository) {
        if (const QString refusal = untrackedRefusal(*repository, changes.changedFiles()); !refusal.isEmpty()) {
            std::fprintf(stderr, "snowpane-cli: refused: %s\n", qPrintable(refusal));
            return 1;
        }
    }
    if (!result.note.empty()) {
        std::fprintf(stderr, "%s\n", result.note.c_str());
    }
    if (run.parser.isSet(u"dry-run"_s)) {
        std::fputs(changes.diff(QFileInfo(QString::fromStdString(run.set->entry())).absolutePath().toStdString()).c_str(), stdout);
        return 0;
    }
    const std::vector<FileChange> changed = changes.changedFiles();
    const QStringList created = repository ? repositoryNames(*repository, changed, false) : QStringList();
    const std::string error = changes.apply();
    if (!error.empty()) {
        std::fprintf(stderr, "snowpane-cli: %s\n", error.c_str());
        return 1;
    }
    // A file the edit created is added to git with intent to add, so that the flake sees it.
    if (!created.isEmpty()) {
        if (const QString added = Snowpane::System::addIntentToAdd(*repository, created); !added.isEmpty()) {
            std::fprintf(stderr, "snowpane-cli: written, but git was not told of %s: %s\n", qPrintable(created.join(u", "_s)), qPrintable(added));
            return 1;
        }
    }
    return 0;
}

void printJson(const QJsonValue &value)
{
    const QByteArray text =
        value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented) : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
}

} // namespace

int runGetCommand(const QStringList &arguments)
{
    Invocation run;
    prepare(run, arguments, Shape::Query, u"Print an option's value as the configuration defines it."_s);
    if (run.exitCode != 0) {
        return std::max(run.exitCode, 0);
    }
    const std::vector<Definition> definitions = findDefinitions(*run.set, run.option);
    if (run.parser.isSet(u"json"_s)) {
        printJson(optionJson(*run.set, run.option, definitions));
        return definitions.empty() ? 1 : 0;
    }
    if (definitions.empty()) {
        std::fprintf(stderr, "%s is not defined in the configuration\n", formatAttrPath(run.option).c_str());
        return 1;
    }
    for (const Definition &d : definitions) {
        if (definitions.size() > 1 || !d.editable) {
            std::printf("# %s:%u (%s)%s%s\n", d.file.c_str(), d.line, definitionKind(d).c_str(), d.reason.empty() ? "" : ": ", d.reason.c_str());
        }
        std::printf("%s\n", toNix(d.read).c_str());
    }
    return 0;
}

int runDefinitionsCommand(const QStringList &arguments)
{
    Invocation run;
    prepare(run, arguments, Shape::Query, u"List every definition of an option, with file, line and whether it can be edited."_s);
    if (run.exitCode != 0) {
        return std::max(run.exitCode, 0);
    }
    const std::vector<Definition> definitions = findDefinitions(*run.set, run.option);
    if (run.parser.isSet(u"json"_s)) {
        printJson(definitionsJson(*run.set, definitions));
        return 0;
    }
    for (const Definition &d : definitions) {
        const std::string hosts = run.set->scope().known() ? " [hosts: " + Snowpane::Config::joinNames(run.set->hostsOf(d.document)) + "]" : std::string();
        std::printf("%s:%u:%u: %s%s%s%s\n",
                    d.file.c_str(),
                    d.line,
                    d.column,
                    definitionKind(d).c_str(),
                    d.reason.empty() ? "" : ": ",
                    d.reason.c_str(),
                    hosts.c_str());
    }
    return 0;
}

int runSetCommand(const QStringList &arguments)
{
    Invocation run;
    prepare(run, arguments, Shape::Edit, u"Set an option to a Nix value, in the file and style that already define it."_s);
    if (run.exitCode != 0) {
        return std::max(run.exitCode, 0);
    }
    return finish(run, {Operation::Kind::Set, run.option, run.argument.toStdString(), run.reach});
}

int runUnsetCommand(const QStringList &arguments)
{
    Invocation run;
    prepare(run, arguments, Shape::Edit, u"Remove an option's definitions, with their comments."_s);
    if (run.exitCode != 0) {
        return std::max(run.exitCode, 0);
    }
    return finish(run, {Operation::Kind::Unset, run.option, {}, run.reach});
}

int runAddPackageCommand(const QStringList &arguments)
{
    Invocation run;
    prepare(run, arguments, Shape::Package, u"Add a package to environment.systemPackages (or --option)."_s);
    if (run.exitCode != 0) {
        return std::max(run.exitCode, 0);
    }
    return finish(run, {Operation::Kind::AddPackage, run.option, run.argument.toStdString(), run.reach});
}

int runRemovePackageCommand(const QStringList &arguments)
{
    Invocation run;
    prepare(run, arguments, Shape::Package, u"Remove a package from environment.systemPackages (or --option)."_s);
    if (run.exitCode != 0) {
        return std::max(run.exitCode, 0);
    }
    return finish(run, {Operation::Kind::RemovePackage, run.option, run.argument.toStdString(), run.reach});
}

int runImportsCommand(const QStringList &arguments)
{
    Invocation run;
    prepare(run, arguments, Shape::Imports, u"List the files of the configuration and the imports that were not followed."_s);
    if (run.exitCode != 0) {
        return std::max(run.exitCode, 0);
    }
    const QJsonObject json = importsJson(*run.set);
    if (run.parser.isSet(u"json"_s)) {
        printJson(json);
        return 0;
    }
    for (const Document &d : run.set->documents()) {
        std::printf("%s\n", d.path.c_str());
    }
    for (const QJsonValue &note : json.value(u"notFollowed"_s).toArray()) {
        const QJsonObject o = note.toObject();
        std::printf("not followed: %s:%d:%d: %s (%s)\n",
                    qPrintable(o.value(u"file"_s).toString()),
                    o.value(u"line"_s).toInt(),
                    o.value(u"column"_s).toInt(),
                    qPrintable(o.value(u"text"_s).toString()),
                    qPrintable(o.value(u"reason"_s).toString()));
    }
    return 0;
}
