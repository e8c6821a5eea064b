// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "nixrunner.h"

#include "canonical.h"
#include "parser.h"
#include "scopes.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Nix::Testing
{

QString findNixInstantiate()
{
    return QStandardPaths::findExecutable(u"nix-instantiate"_s);
}

NixResult runNixParse(const QString &nixInstantiate, const QString &file)
{
    NixResult result;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, QString::fromLatin1(fakeHome));
    process.setProcessEnvironment(env);
    process.start(nixInstantiate, {u"--parse"_s, u"--store"_s, u"dummy://"_s, u"--extra-experimental-features"_s, u"pipe-operators"_s, file});
    if (!process.waitForStarted(10000)) {
        return result;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.started = true;
    result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    result.output = process.readAllStandardOutput();
    result.errors = process.readAllStandardError();
    return result;
}

std::string nixErrorLocation(const NixResult &nix)
{
    // Nix 2.26 prints "error: MESSAGE" and then "       at FILE:LINE:COL:".
    // Warnings before it (`or` used as an identifier) have "at" lines too.
    const QString text = QString::fromUtf8(nix.errors);
    static const QRegularExpression errorLine(u"^error:"_s, QRegularExpression::MultilineOption);
    const qsizetype error = text.indexOf(errorLine);
    static const QRegularExpression at(u"^\\s+at .*:(\\d+):(\\d+):$"_s, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = at.match(text, std::max<qsizetype>(error, 0));
    return match.hasMatch() ? QString(match.captured(1) + u':' + match.captured(2)).toStdString() : std::string();
}

namespace
{
std::string locationText(const SyntaxTree &tree, std::uint32_t offset)
{
    const Location at = tree.locate(offset);
    return std::to_string(at.line) + ':' + std::to_string(at.column);
}
} // namespace

OurResult runOurParse(const std::string &source, const std::string &path)
{
    OurResult result;
    const SyntaxTree tree = parse(source, {path, 1000});
    if (tree.hasErrors()) {
        for (const Diagnostic &d : tree.diagnostics()) {
            if (d.severity == Severity::Error) {
                result.firstError = formatDiagnostic(path, tree.lines(), d);
                result.errorLocation = locationText(tree, d.offset);
                break;
            }
        }
        return result;
    }
    const std::vector<Diagnostic> undefined = findUndefinedVariables(tree);
    if (!undefined.empty()) {
        result.semanticOnly = true;
        result.firstError = formatDiagnostic(path, tree.lines(), undefined.front());
        result.errorLocation = locationText(tree, undefined.front().offset);
        return result;
    }
    CanonicalOptions options;
    options.baseDirectory = QFileInfo(QString::fromStdString(path)).absolutePath().toStdString();
    options.homeDirectory = fakeHome;
    const CanonicalResult printed = printCanonical(tree, options);
    result.ok = printed.ok;
    result.output = printed.text;
    result.firstError = printed.error;
    return result;
}

std::string disagreement(const OurResult &ours, const NixResult &nix)
{
    if (!nix.started) {
        return "nix-instantiate did not run";
    }
    if (ours.ok != nix.ok) {
        const QByteArray nixError = nix.errors.trimmed().split('\n').value(0);
        return ours.ok ? "Nix rejects it (" + nixError.toStdString() + ") but we accept it" : "Nix accepts it but we reject it: " + ours.firstError;
    }
    if (!ours.ok) {
        return {};
    }
    QByteArray expected = nix.output;
    if (expected.endsWith('\n')) {
        expected.chop(1);
    }
    if (expected.toStdString() != ours.output) {
        return "canonical text differs:\n  nix:  " + expected.toStdString() + "\n  ours: " + ours.output;
    }
    return {};
}

} // namespace Snowpane::Nix::Testing
