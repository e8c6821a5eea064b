// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "goldenrunner.h"

#include "hostevaluation.h"

#include "flakehosts.h"
#include "parser.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace Snowpane::Config::Testing
{

namespace fs = std::filesystem;

namespace
{

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(' ');
    const auto e = s.find_last_not_of(' ');
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string replaceAll(std::string s, const std::string &from, const std::string &to)
{
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
    return s;
}

} // namespace

std::vector<GoldenCase> readCases(const std::string &casesFile)
{
    std::vector<GoldenCase> cases;
    std::ifstream in(casesFile);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::size_t a = line.find('|');
        const std::size_t b = line.find('|', a + 1);
        if (a == std::string::npos || b == std::string::npos) {
            continue;
        }
        cases.push_back({trim(line.substr(0, a)), trim(line.substr(a + 1, b - a - 1)), replaceAll(trim(line.substr(b + 1)), "\\n", "\n")});
    }
    return cases;
}

std::vector<std::pair<std::string, std::string>> readInput(const std::string &directory)
{
    std::vector<std::pair<std::string, std::string>> files;
    std::error_code ec;
    for (const auto &entry : fs::recursive_directory_iterator(directory, ec)) {
        if (entry.is_regular_file()) {
            std::ifstream in(entry.path(), std::ios::binary);
            files.emplace_back(fs::relative(entry.path(), directory).string(),
                               std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool parseOperation(const std::string &text, Operation &operation)
{
    const std::size_t space = text.find(' ');
    const std::string verb = text.substr(0, space);
    std::string rest = space == std::string::npos ? std::string() : text.substr(space + 1);
    // The path ends at the first space outside double quotes.
    std::size_t end = 0;
    for (bool quoted = false; end < rest.size() && (quoted || rest[end] != ' '); ++end) {
        quoted = rest[end] == '"' ? !quoted : quoted;
    }
    const std::string pathText = rest.substr(0, end);
    const std::string argument = end < rest.size() ? rest.substr(end + 1) : std::string();
    operation = {};
    if (verb == "set" || verb == "unset") {
        operation.kind = verb == "set" ? Operation::Kind::Set : Operation::Kind::Unset;
        const auto path = parseOptionPath(pathText);
        if (!path || (verb == "set") == argument.empty()) {
            return false;
        }
        operation.path = *path;
        operation.argument = argument;
        return true;
    }
    if (verb == "add-package" || verb == "remove-package") {
        operation.kind = verb == "add-package" ? Operation::Kind::AddPackage : Operation::Kind::RemovePackage;
        operation.argument = pathText;
        std::string list = "environment.systemPackages";
        if (argument.starts_with("--option ")) {
            list = argument.substr(9);
        } else if (!argument.empty()) {
            return false;
        }
        const auto path = parseOptionPath(list);
        if (!path) {
            return false;
        }
        operation.path = *path;
        return true;
    }
    return false;
}

// Trailing `--host NAME`, `--all-hosts` and `--override-for-host` of an operation, as snowpane-cli takes them.
std::string hostFlags(std::string text, std::string &host, Operation::Reach &reach)
{
    while (true) {
        if (text.ends_with(" --all-hosts")) {
            reach = Operation::Reach::AllHosts;
            text.resize(text.size() - 12);
        } else if (text.ends_with(" --override-for-host")) {
            reach = Operation::Reach::OverrideForHost;
            text.resize(text.size() - 20);
        } else if (const std::size_t at = text.rfind(" --host "); at != std::string::npos && text.find(' ', at + 8) == std::string::npos) {
            host = text.substr(at + 8);
            text.resize(at);
        } else {
            return text;
        }
    }
}

GoldenRun runCase(const std::string &inputsDir, const GoldenCase &goldenCase)
{
    GoldenRun run;
    const std::string root = "/golden/" + goldenCase.input;
    run.before = readInput(inputsDir + "/" + goldenCase.input);
    std::vector<std::pair<std::string, std::string>> files;
    bool flake = false;
    for (const auto &[path, text] : run.before) {
        files.emplace_back(root + "/" + path, text);
        flake = flake || path == "flake.nix";
    }
    std::string host;
    Operation::Reach reach = Operation::Reach::ThisHost;
    if (!parseOperation(hostFlags(goldenCase.operation, host, reach), run.operation)) {
        run.output = "=== bad operation\n";
        return run;
    }
    run.operation.reach = reach;
    const std::string entry = root + (flake ? "/flake.nix" : "/configuration.nix");
    // With several hosts, what each file is shared with comes from the static reading of every host.
    Snowpane::Config::HostScope scope;
    if (flake) {
        const DocumentSet probe = DocumentSet::fromTexts(files, entry, host);
        Snowpane::Config::HostList list;
        const std::string flakeText = probe.documents().empty() ? std::string() : std::string(probe.documents()[0].tree->source());
        for (const Snowpane::Config::StaticHost &h : Snowpane::Config::readFlakeHosts(Nix::parse(flakeText)).hosts) {
            list.hosts.push_back(h.name);
        }
        if (list.hosts.size() > 1) {
            scope = Snowpane::Config::scopeFrom(host, list, {}, [&](const std::string &h, const Snowpane::Config::HostScope &names) {
                std::vector<std::string> paths;
                const DocumentSet hostSet = DocumentSet::fromTexts(files, entry, h, names);
                for (const Document &d : hostSet.documents()) {
                    paths.push_back(d.path);
                }
                return paths;
            });
        }
    }
    const DocumentSet set = DocumentSet::fromTexts(files, entry, host, scope);
    const auto relative = [&](std::string s) {
        return replaceAll(std::move(s), root + "/", "");
    };
    if (!set.ok()) {
        run.output = "=== load error\n" + relative(set.error()) + "\n";
        return run;
    }
    ChangeSet changes(set);
    const EditResult result = changes.add(run.operation);
    if (!result.ok) {
        run.output = "=== refused\n" + relative(result.error) + "\n";
        return run;
    }
    for (const FileChange &change : changes.changedFiles()) {
        const std::string path = relative(change.path);
        run.output += "=== " + path + "\n" + change.after;
        run.changed.emplace_back(path, change.after);
    }
    if (run.changed.empty()) {
        run.output += "=== unchanged\n" + relative(result.note) + "\n";
    } else if (!result.note.empty()) {
        run.output += "=== note\n" + relative(result.note) + "\n";
    }
    return run;
}

} // namespace Snowpane::Config::Testing
