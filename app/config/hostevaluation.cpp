// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "hostevaluation.h"

#include "configlogging.h"
#include "documentset.h"
#include "flakehosts.h"
#include "parser.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;

namespace Snowpane::Config
{

namespace
{

// Bumped when the expressions or the cached format change.
constexpr auto cacheSchema = "snowpane-hosts-4";
constexpr int maximumHashedFiles = 20000;
constexpr int nixTimeoutMs = 300000;

// Every option's winning definitions, as [ { o = loc; f = files; } ] per host.
// tryEval keeps one option that throws from hiding the others.
constexpr auto filesFunction = R"nix(
  wanted: configurations:
    let
      b = builtins;
      isOption = v: b.isAttrs v && (v._type or null) == "option";
      filesOf = o:
        let r = b.tryEval (b.deepSeq (b.map (d: d.file) o.definitionsWithLocations) (b.map (d: d.file) o.definitionsWithLocations));
        in if r.success then r.value else [ ];
      walk = v:
        if isOption v then [ { o = v.loc; f = filesOf v; } ]
        else if b.isAttrs v && (v.type or null) != "derivation" then b.concatMap (n: walk v.${n}) (b.attrNames v)
        else [ ];
      chosen = if wanted == [ ] then configurations else b.intersectAttrs (b.listToAttrs (b.map (n: { name = n; value = null; }) wanted)) configurations;
    in
    b.mapAttrs (_: c: b.filter (e: e.f != [ ]) (walk c.options)) chosen
)nix";

struct NixRun {
    bool ok = false;
    QByteArray output;
    QString error;
};

// Nix colours its errors for terminals and warns about dirty trees on every run.
QString plainError(const QByteArray &bytes)
{
    static const QRegularExpression escapes(u"\x1b\\[[0-9;]*[A-Za-z]"_s);
    QStringList kept;
    for (const QString &line : QString::fromUtf8(bytes).remove(escapes).split(u'\n')) {
        if (!line.startsWith(u"warning: Git tree"_s) && !line.trimmed().isEmpty()) {
            kept.append(line);
        }
    }
    return kept.join(u'\n');
}

QProcess *startNix(const QStringList &arguments, const QProcessEnvironment &environment)
{
    auto *process = new QProcess;
    process->setProcessEnvironment(environment);
    const QString nix = QStandardPaths::findExecutable(u"nix"_s, environment.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts));
    process->start(nix.isEmpty() ? u"nix"_s : nix, QStringList{u"--extra-experimental-features"_s, u"nix-command flakes"_s} + arguments);
    return process;
}

NixRun finishNix(QProcess *process)
{
    NixRun run;
    if (!process->waitForStarted(10000)) {
        run.error = u"cannot run nix: %1"_s.arg(process->errorString());
    } else if (!process->waitForFinished(nixTimeoutMs)) {
        process->kill();
        process->waitForFinished(2000);
        run.error = u"nix did not finish within %1 s"_s.arg(nixTimeoutMs / 1000);
    } else if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        run.error = plainError(process->readAllStandardError());
        if (run.error.isEmpty()) {
            run.error = u"nix failed with exit code %1 and printed nothing"_s.arg(process->exitCode());
        }
    } else {
        run.ok = true;
        run.output = process->readAllStandardOutput();
    }
    delete process;
    return run;
}

QString installable(const QString &flakeDirectory, const QString &attribute)
{
    return QFileInfo(flakeDirectory).absoluteFilePath() + u'#' + attribute;
}

bool hashedFile(const QString &name)
{
    return name.endsWith(u".nix"_s) || name.endsWith(u".lock"_s) || name.endsWith(u".json"_s) || name.endsWith(u".toml"_s);
}

// What of a file goes into the key: its content, or (for the files of a path input, which may be a whole
// nixpkgs checkout and are read on every cached lookup) its size and modification time, as make decides.
enum class FileSignature {
    Content,
    SizeAndTime,
};

// Adds the files under `root` that Nix may read (names relative to `root`), at most `budget` files in all.
void hashTree(QCryptographicHash &hash, const QString &root, int &budget, FileSignature signature)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext() && budget > 0) {
        const QString path = it.next();
        if (path.contains(u"/."_s) || !hashedFile(it.fileName())) {
            continue;
        }
        files.append(path);
        --budget;
    }
    std::ranges::sort(files);
    for (const QString &path : std::as_const(files)) {
        hash.addData(QDir(root).relativeFilePath(path).toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        if (signature == FileSignature::SizeAndTime) {
            const QFileInfo info(path);
            const qint64 facts[] = {info.size(), info.lastModified().toMSecsSinceEpoch(), info.metadataChangeTime().toMSecsSinceEpoch()};
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(facts), sizeof facts));
            continue;
        }
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            hash.addData(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
        }
    }
}

// The directory Nix copies into the store for a flake: the top of the git work tree it lies in, else its own directory.
QString sourceRoot(const QString &flakePath)
{
    for (QString dir = flakePath;;) {
        if (QFileInfo::exists(dir + u"/.git"_s)) {
            return dir;
        }
        const QString parent = QFileInfo(dir).path();
        if (parent == dir) {
            return flakePath;
        }
        dir = parent;
    }
}

// The lock's `path` inputs, as absolute directories; `relativeOnly` keeps those written as relative paths.
QStringList lockedPathInputs(const QString &root, bool relativeOnly)
{
    QFile lock(root + u"/flake.lock"_s);
    if (!lock.open(QIODevice::ReadOnly)) {
        return {};
    }
    QStringList directories;
    const QJsonObject nodes = QJsonDocument::fromJson(lock.readAll()).object().value(u"nodes"_s).toObject();
    for (auto node = nodes.begin(); node != nodes.end(); ++node) {
        const QJsonObject locked = node.value().toObject().value(u"locked"_s).toObject();
        const QString path = locked.value(u"path"_s).toString();
        if (node.key() == u"root"_s || locked.value(u"type"_s).toString() != u"path"_s || path.isEmpty() || (relativeOnly && QDir::isAbsolutePath(path))) {
            continue;
        }
        directories.append(QDir::cleanPath(QDir::isAbsolutePath(path) ? path : root + u'/' + path));
    }
    directories.sort();
    directories.removeDuplicates();
    return directories;
}

QStringList relativePathInputs(const QString &root)
{
    return lockedPathInputs(root, true);
}

bool insideInputs(const QString &path, const QStringList &inputs)
{
    return std::any_of(inputs.begin(), inputs.end(), [&](const QString &input) {
        return path.startsWith(input);
    });
}

// The flake's store copy among the store paths the definitions name (nixpkgs' modules name others): the one
// whose files are, for the most part, files of the flake in the working tree.
QString flakeStoreRoot(const QJsonObject &evaluated,
                       const QString &workRoot,
                       const QString &flakePath,
                       const QStringList &otherInputs,
                       const QProcessEnvironment &environment)
{
    const QString storeDirectory = environment.value(u"NIX_STORE_DIR"_s, u"/nix/store"_s) + u'/';
    std::map<QString, int> votes;
    for (const QJsonValue &host : evaluated) {
        for (const QJsonValue &entry : host.toArray()) {
            for (const QJsonValue &file : entry.toObject().value(u"f"_s).toArray()) {
                const QString path = file.toString();
                const qsizetype end = path.indexOf(u'/', storeDirectory.size());
                if (!path.startsWith(storeDirectory) || end < 0) {
                    continue;
                }
                const QString working = QDir::cleanPath(workRoot + path.mid(end));
                if ((working.startsWith(flakePath + u'/') || working == flakePath) && !insideInputs(working, otherInputs) && QFileInfo::exists(working)) {
                    ++votes[path.left(end)];
                }
            }
        }
    }
    const auto best = std::max_element(votes.begin(), votes.end(), [](const auto &a, const auto &b) {
        return a.second < b.second;
    });
    return best == votes.end() ? QString() : best->first;
}

// The directories of the lock's `path` inputs (`inputs.shared.url = "path:../shared"`), which Nix reads as
// they are now: a change there changes the hosts as much as one in the flake's own files. Other inputs are
// pinned by the lock itself (a revision or a hash), which is hashed with the flake's files.
QStringList pathInputs(const QString &root)
{
    QStringList directories;
    for (const QString &directory : lockedPathInputs(root, false)) {
        // Inside the flake it is hashed already; a store path never changes.
        if (!directory.startsWith(root + u'/') && directory != root && !directory.startsWith(u"/nix/store/"_s)) {
            directories.append(directory);
        }
    }
    return directories;
}

// The lock, the content of the flake's own files and of its path inputs: what Nix would evaluate.
QString cacheKey(const QString &flakeDirectory, const QByteArray &purpose)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(cacheSchema));
    hash.addData(purpose);
    const QString root = QFileInfo(flakeDirectory).absoluteFilePath();
    hash.addData(root.toUtf8());
    int budget = maximumHashedFiles;
    hashTree(hash, root, budget, FileSignature::Content);
    for (const QString &input : pathInputs(root)) {
        hash.addData(QByteArrayView("\0input\0", 7));
        hash.addData(input.toUtf8());
        hashTree(hash, input, budget, FileSignature::SizeAndTime);
    }
    return QString::fromLatin1(hash.result().toHex());
}

QJsonObject readCache(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(in.readAll()).object();
}

void writeCache(const QString &file, const QJsonObject &content)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(content).toJson(QJsonDocument::Compact)) < 0 || !out.commit()) {
        qCWarning(SNOWPANE_CONFIG) << "cannot write the host cache" << file << out.errorString();
    }
}

// The hosts flake.nix names, read without Nix.
std::vector<std::string> staticHostNames(const QString &flakeDirectory, std::string &error)
{
    QFile file(flakeDirectory + u"/flake.nix"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString().toStdString();
        return {};
    }
    const Snowpane::Nix::SyntaxTree tree = Snowpane::Nix::parse(file.readAll().toStdString());
    const StaticHosts hosts = readFlakeHosts(tree);
    std::vector<std::string> names;
    for (const StaticHost &h : hosts.hosts) {
        names.push_back(h.name);
    }
    if (names.empty()) {
        error = hosts.error;
    }
    return names;
}

QString nixString(const std::string &text)
{
    QString out = u"\""_s;
    for (const QChar c : QString::fromStdString(text)) {
        if (c == u'"' || c == u'\\' || c == u'$') {
            out += u'\\';
        }
        out += c;
    }
    return out + u'"';
}

} // namespace

QString hostsCacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/snowpane/hosts"_s;
}

HostList listHosts(const QString &flakeDirectory, const QProcessEnvironment &environment, bool useCache, bool mayEvaluate)
{
    HostList list;
    const QString cacheFile = hostsCacheDirectory() + u"/list-"_s + cacheKey(flakeDirectory, "list") + u".json"_s;
    if (useCache) {
        const QJsonArray cached = readCache(cacheFile).value(u"hosts"_s).toArray();
        if (!cached.isEmpty()) {
            for (const QJsonValue &h : cached) {
                list.hosts.push_back(h.toString().toStdString());
            }
            list.reading = HostReading::Evaluation;
            list.fromCache = true;
            return list;
        }
    }
    NixRun run;
    if (mayEvaluate) {
        run = finishNix(
            startNix({u"eval"_s, u"--json"_s, installable(flakeDirectory, u"nixosConfigurations"_s), u"--apply"_s, u"builtins.attrNames"_s}, environment));
    } else {
        run.error = u"the flake has not been evaluated since it last changed"_s;
    }
    if (run.ok) {
        const QJsonArray hosts = QJsonDocument::fromJson(run.output).array();
        for (const QJsonValue &h : hosts) {
            list.hosts.push_back(h.toString().toStdString());
        }
        list.reading = HostReading::Evaluation;
        if (!list.hosts.empty()) {
            writeCache(cacheFile, QJsonObject{{u"hosts"_s, hosts}});
            return list;
        }
        list.why = "Nix found no host in `nixosConfigurations`";
    } else {
        list.why = "Nix could not evaluate the flake's nixosConfigurations:\n" + run.error.toStdString();
    }
    list.reading = HostReading::Static;
    std::string error;
    list.hosts = staticHostNames(flakeDirectory, error);
    if (list.hosts.empty()) {
        list.error = "the flake " + flakeDirectory.toStdString() + " has no host that Nix or the static reading can find (" + error + ")";
    }
    return list;
}

HostFiles
evaluateHostFiles(const QString &flakeDirectory, const std::vector<std::string> &hosts, const QProcessEnvironment &environment, bool useCache, bool mayEvaluate)
{
    HostFiles result;
    QString wanted = u"[ "_s;
    for (const std::string &h : hosts) {
        wanted += nixString(h) + u' ';
    }
    wanted += u']';
    const QString cacheFile = hostsCacheDirectory() + u"/files-"_s + cacheKey(flakeDirectory, "files " + wanted.toUtf8()) + u".json"_s;
    QJsonObject json;
    if (useCache) {
        json = readCache(cacheFile);
        result.fromCache = !json.isEmpty();
    }
    if (json.isEmpty() && !mayEvaluate) {
        result.error = "the hosts' definitions have not been evaluated since the flake last changed";
        return result;
    }
    if (json.isEmpty()) {
        // One Nix run. The store copy's location is found from the files the definitions name, not asked
        // of `nix flake metadata`: run beside the evaluation, that cost as much again (it copies the flake too).
        const QString flakePath = QFileInfo(flakeDirectory).absoluteFilePath();
        const NixRun run = finishNix(startNix({u"eval"_s,
                                               u"--json"_s,
                                               installable(flakeDirectory, u"nixosConfigurations"_s),
                                               u"--apply"_s,
                                               u"(%1) %2"_s.arg(QLatin1StringView(filesFunction), wanted)},
                                              environment));
        if (!run.ok) {
            result.error = run.error.toStdString();
            return result;
        }
        const QJsonObject evaluated = QJsonDocument::fromJson(run.output).object();
        // Nix copies the git work tree the flake lies in (a flake in a subdirectory of a repository), else the flake's directory.
        const QString workRoot = sourceRoot(flakePath);
        // An input given as a relative path (`path:../nixpkgs`) may sit in the same store copy: its files are not the configuration.
        QStringList otherInputs;
        for (const QString &input : relativePathInputs(flakePath)) {
            otherInputs.append(input + u'/');
        }
        const QString storeRoot = flakeStoreRoot(evaluated, workRoot, flakePath, otherInputs, environment);
        if (storeRoot.isEmpty()) {
            result.error = "no definition Nix reported comes from the flake in " + flakeDirectory.toStdString();
            return result;
        }
        QJsonObject mapped;
        for (auto host = evaluated.begin(); host != evaluated.end(); ++host) {
            QJsonObject files;
            for (const QJsonValue &entry : host.value().toArray()) {
                const QJsonObject e = entry.toObject();
                QStringList loc;
                for (const QJsonValue &name : e.value(u"o"_s).toArray()) {
                    loc.append(name.toString());
                }
                for (const QJsonValue &file : e.value(u"f"_s).toArray()) {
                    const QString path = file.toString();
                    if (!path.startsWith(storeRoot + u'/')) {
                        continue;
                    }
                    QString working = QDir::cleanPath(workRoot + path.mid(storeRoot.size()));
                    if (insideInputs(working, otherInputs)) {
                        continue;
                    }
                    // A module imported as a directory is named by the directory, as it was written.
                    if (QFileInfo(working).isDir()) {
                        working += u"/default.nix"_s;
                    }
                    QJsonArray options = files.value(working).toArray();
                    if (!options.contains(loc.join(u'.'))) {
                        options.append(loc.join(u'.'));
                    }
                    files.insert(working, options);
                }
            }
            mapped.insert(host.key(), files);
        }
        json = QJsonObject{{u"hosts"_s, mapped}};
        writeCache(cacheFile, json);
    }
    const QJsonObject all = json.value(u"hosts"_s).toObject();
    for (auto host = all.begin(); host != all.end(); ++host) {
        auto &files = result.files[host.key().toStdString()];
        const QJsonObject perFile = host.value().toObject();
        for (auto file = perFile.begin(); file != perFile.end(); ++file) {
            auto &options = files[file.key().toStdString()];
            for (const QJsonValue &o : file.value().toArray()) {
                options.push_back(o.toString().toStdString());
            }
        }
    }
    result.ok = true;
    return result;
}

HostScope cachedScopeFor(const QString &flakeDirectory, const std::string &host)
{
    const HostList list = listHosts(flakeDirectory, QProcessEnvironment::systemEnvironment(), true, false);
    if (list.hosts.size() < 2) {
        return HostScope{list.hosts, {}, {}, list.reading, list.why};
    }
    return scopeFor(flakeDirectory, host, list, evaluateHostFiles(flakeDirectory, {}, QProcessEnvironment::systemEnvironment(), true, false));
}

HostScope scopeFor(const QString &flakeDirectory, const std::string &host, const HostList &hostList, const HostFiles &files)
{
    return scopeFrom(host, hostList, files, [&](const std::string &h, const HostScope &names) {
        std::vector<std::string> paths;
        const Snowpane::Config::DocumentSet set = Snowpane::Config::DocumentSet::load(flakeDirectory.toStdString(), h, names);
        for (const Snowpane::Config::Document &d : set.documents()) {
            paths.push_back(d.path);
        }
        return paths;
    });
}

HostScope scopeFrom(const std::string &host, const HostList &hostList, const HostFiles &files, const StaticFilesOf &staticFiles)
{
    HostScope scope;
    scope.hosts = hostList.hosts;
    scope.reading = hostList.reading == HostReading::Evaluation && files.ok ? HostReading::Evaluation : HostReading::Static;
    scope.why = hostList.reading == HostReading::Static ? hostList.why
        : files.ok                                      ? std::string()
                                                        : "Nix could not evaluate the hosts' definitions:\n" + files.error;
    HostScope namesOnly;
    namesOnly.hosts = hostList.hosts;
    std::map<std::string, std::set<std::string>> fileHosts;
    for (const std::string &h : hostList.hosts) {
        // The static graph, then evaluation's files, which may reach what the static reading could not.
        std::set<std::string> included;
        for (const std::string &path : staticFiles(h, namesOnly)) {
            included.insert(path);
        }
        const auto evaluated = files.ok ? files.files.find(h) : files.files.end();
        if (evaluated != files.files.end()) {
            for (const auto &[file, options] : evaluated->second) {
                (void)options;
                if (h == host && !included.contains(file)) {
                    scope.extraRoots.push_back(file);
                }
                included.insert(file);
            }
        }
        for (const std::string &file : included) {
            fileHosts[file].insert(h);
        }
    }
    for (const auto &[file, hosts] : fileHosts) {
        scope.fileHosts[file] = std::vector<std::string>(hosts.begin(), hosts.end());
    }
    return scope;
}

} // namespace Snowpane::Config
