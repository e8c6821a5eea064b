// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "parsecommand.h"

#include "commandline.h"

#include "canonical.h"
#include "parser.h"
#include "scopes.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Snowpane::Nix;

namespace
{

struct Input {
    bool ok = false;
    std::string text;
    QString baseDirectory; // what relative paths in the file resolve against
};

// "-" reads standard input, resolved against the working directory, as
// nix-instantiate does.
Input readInput(const QString &name)
{
    Input input;
    QFile file;
    if (name == u"-"_s) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            return input;
        }
        input.baseDirectory = QDir::currentPath();
    } else {
        // Nix follows a symlinked file to its target before taking its directory.
        QFileInfo info(name);
        QString path = info.absoluteFilePath();
        for (int hops = 0; hops < 40 && QFileInfo(path).isSymLink(); ++hops) {
            const QString target = QFileInfo(path).symLinkTarget();
            path = QFileInfo(target).isAbsolute() ? target : QFileInfo(path).absoluteDir().filePath(target);
        }
        file.setFileName(name);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: cannot read: %s\n", qPrintable(name), qPrintable(file.errorString()));
            return input;
        }
        input.baseDirectory = QFileInfo(path).absolutePath();
    }
    input.text = file.readAll().toStdString();
    input.ok = true;
    return input;
}

// Prints diagnostics; returns true when one of them is an error. Undefined
// variables count, because Nix refuses those files too.
bool report(const QString &name, const SyntaxTree &tree)
{
    const std::string fileName = name.toStdString();
    for (const Diagnostic &d : tree.diagnostics()) {
        std::fprintf(stderr, "%s\n", formatDiagnostic(fileName, tree.lines(), d).c_str());
        if (d.severity == Severity::Error) {
            return true; // Nix stops at its first error; so do we
        }
    }
    for (const Diagnostic &d : findUndefinedVariables(tree)) {
        std::fprintf(stderr, "%s\n", formatDiagnostic(fileName, tree.lines(), d).c_str());
        return true;
    }
    return false;
}

} // namespace

int runParseCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Parse Nix files with Snowpane's lossless parser."_s);
    parser.addHelpOption();
    const QCommandLineOption showOption(u"show"_s, u"Print the canonical form, as nix-instantiate --parse does."_s);
    const QCommandLineOption checkOption(u"check"_s, u"Check files; exit 1 at the first with an error, printing FILE:LINE:COL: error: MESSAGE."_s);
    const QCommandLineOption roundtripOption(u"roundtrip"_s, u"Exit 1 if a file does not reprint byte for byte."_s);
    const QCommandLineOption cstOption(u"cst"_s, u"Dump the concrete syntax tree."_s);
    parser.addOptions({showOption, checkOption, roundtripOption, cstOption});
    parser.addPositionalArgument(u"FILE"_s, u"Nix files, or - for standard input."_s, u"FILE..."_s);
    if (const auto exitCode = parseSubcommandArguments(parser, arguments)) {
        return *exitCode;
    }
    const int modes = int(parser.isSet(showOption)) + int(parser.isSet(checkOption)) + int(parser.isSet(roundtripOption)) + int(parser.isSet(cstOption));
    const QStringList files = parser.positionalArguments();
    if (modes != 1 || files.isEmpty()) {
        std::fprintf(stderr, "parse needs exactly one of --show, --check, --roundtrip, --cst, and at least one file; see --help\n");
        return 2;
    }
    if ((parser.isSet(showOption) || parser.isSet(cstOption)) && files.size() != 1) {
        std::fprintf(stderr, "--show and --cst take one file\n");
        return 2;
    }

    for (const QString &name : files) {
        const Input input = readInput(name);
        if (!input.ok) {
            return 1;
        }
        const SyntaxTree tree = parse(input.text, {name.toStdString()});
        if (parser.isSet(cstOption)) {
            std::fputs(tree.dump().c_str(), stdout);
            for (const Diagnostic &d : tree.diagnostics()) {
                std::fprintf(stderr, "%s\n", formatDiagnostic(name.toStdString(), tree.lines(), d).c_str());
            }
            return tree.hasErrors() ? 1 : 0;
        }
        if (parser.isSet(roundtripOption)) {
            if (tree.print() != input.text) {
                std::fprintf(stderr, "%s: does not reprint byte for byte\n", qPrintable(name));
                return 1;
            }
            continue;
        }
        if (report(name, tree)) {
            return 1;
        }
        if (parser.isSet(showOption)) {
            CanonicalOptions options;
            options.baseDirectory = input.baseDirectory.toStdString();
            options.homeDirectory = qEnvironmentVariable("HOME", u"/"_s).toStdString();
            const CanonicalResult printed = printCanonical(tree, options);
            if (!printed.ok) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(name), printed.error.c_str());
                return 1;
            }
            std::fwrite(printed.text.data(), 1, printed.text.size(), stdout);
            std::fputc('\n', stdout);
        }
    }
    return 0;
}
