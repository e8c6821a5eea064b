// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// snowpane-cli: the engine from a terminal. Each subcommand lives in its own
// file and gets the arguments after its name; exit codes are 0 for success,
// 1 for refused edits and bad input, and 2 for usage errors.

#include "configcommands.h"
#include "deploycommand.h"
#include "diffgenerationscommand.h"
#include "generationscommand.h"
#include "historycommand.h"
#include "hostscommand.h"
#include "optionscommand.h"
#include "packagescommand.h"
#include "parsecommand.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace
{

struct Subcommand {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

constexpr Subcommand subcommands[] = {
    {"generations", "list the generations of a system profile (or of a machine: --target)", runGenerationsCommand},
    {"diff-generations", "compare the packages of two generations", runDiffGenerationsCommand},
    {"history", "show the configuration's git history", runHistoryCommand},
    {"parse", "parse Nix files: --show, --check, --roundtrip, --cst", runParseCommand},
    {"options", "search and show the option catalog: search, show, dump", runOptionsCommand},
    {"get", "print an option's value from the configuration", runGetCommand},
    {"definitions", "list where an option is defined", runDefinitionsCommand},
    {"set", "set an option in the configuration", runSetCommand},
    {"unset", "remove an option's definitions", runUnsetCommand},
    {"add-package", "add a package to environment.systemPackages", runAddPackageCommand},
    {"remove-package", "remove a package from environment.systemPackages", runRemovePackageCommand},
    {"imports", "list the configuration's files and imports", runImportsCommand},
    {"hosts", "list the hosts of a flake", runHostsCommand},
    {"packages", "search the package catalog, show installed packages, import the catalog", runPackagesCommand},
    {"deploy", "build hosts of a flake and deploy them to their machines over SSH", runDeployCommand},
    {"switch-generation", "switch a machine to one of its generations over SSH", runSwitchGenerationCommand},
};

int usage(FILE *stream, int exitCode)
{
    std::fprintf(stream, "Usage: snowpane-cli COMMAND [ARGS...]\n\nCommands:\n");
    for (const Subcommand &subcommand : subcommands) {
        std::fprintf(stream, "  %-14s %s\n", subcommand.name, subcommand.summary);
    }
    std::fprintf(stream, "\nRun 'snowpane-cli COMMAND --help' for a command's options.\n");
    return exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"snowpane-cli"_s);
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        return usage(stderr, 2);
    }
    const QString name = arguments.at(1);
    if (name == u"--help"_s || name == u"-h"_s || name == u"help"_s) {
        return usage(stdout, 0);
    }
    for (const Subcommand &subcommand : subcommands) {
        if (name == QLatin1StringView(subcommand.name)) {
            // The subcommand's parser sees "snowpane-cli NAME" as its program name.
            arguments[0] = arguments.at(0) + u' ' + name;
            arguments.removeAt(1);
            return subcommand.run(arguments);
        }
    }
    std::fprintf(stderr, "snowpane-cli: unknown command '%s'\n\n", qPrintable(name));
    return usage(stderr, 2);
}
