// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "parsecheck.h"

#include "helperprotocol.h"
#include "processrunner.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#if SNOWPANE_HELPER_HAVE_NIX_PARSER
#include "diagnostic.h"
#include "parser.h"
#endif

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

#if SNOWPANE_HELPER_HAVE_NIX_PARSER

QString parseCheckMethod()
{
    return u"snowpane_nix"_s;
}

Checked<Done> checkNixParses(const QString &name, const QByteArray &content, const HelperConfig &)
{
    Nix::ParseOptions options;
    options.fileName = name.toStdString();
    const Nix::SyntaxTree tree = Nix::parse(content.toStdString(), options);
    if (!tree.hasErrors()) {
        return Checked<Done>::ok({});
    }
    for (const Nix::Diagnostic &diagnostic : tree.diagnostics()) {
        if (diagnostic.severity == Nix::Severity::Error) {
            const Nix::Location where = tree.locate(diagnostic.offset);
            return Checked<Done>::fail(u"%1:%2:%3: %4"_s.arg(name).arg(where.line).arg(where.column).arg(QString::fromStdString(diagnostic.message)));
        }
    }
    return Checked<Done>::fail(u"%1 does not parse"_s.arg(name));
}

#else

QString parseCheckMethod()
{
    return u"nix-instantiate --parse"_s;
}

Checked<Done> checkNixParses(const QString &name, const QByteArray &content, const HelperConfig &config)
{
    // The text goes into root's private temporary directory, never next to
    // the real file, and Nix reads it without opening the store.
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        return Checked<Done>::fail(u"cannot create a temporary directory to check %1"_s.arg(name));
    }
    const QString file = scratch.filePath(u"check.nix"_s);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size()) {
        return Checked<Done>::fail(u"cannot write a copy of %1 to check it"_s.arg(name));
    }
    out.close();
    QByteArray errors;
    ProcessRunner runner;
    runner.onErrorLine = [&errors](QByteArrayView line) {
        if (errors.size() < 64 * 1024) {
            errors.append(line.toByteArray()).append('\n');
        }
    };
    Command command;
    command.program = config.nixProgram(u"nix-instantiate"_s);
    command.arguments = {u"--store"_s, u"dummy://"_s, u"--parse"_s, file};
    command.environment = config.environment();
    command.timeout = Protocol::Bound::ParseCheck;
    const CommandOutcome outcome = runner.run(command);
    if (outcome.succeeded()) {
        return Checked<Done>::ok({});
    }
    if (outcome.status != CommandOutcome::Status::Exited) {
        return Checked<Done>::fail(u"cannot check %1: %2"_s.arg(name, outcome.describe(command)));
    }
    // "error: syntax error, …\n       at /tmp/…/check.nix:4:27:" → "NAME:4:27: syntax error, …",
    // with the temporary file's path replaced by the name everywhere.
    static const QRegularExpression escape(u"\x1b\\[[0-9;]*m"_s);
    QString text = QString::fromUtf8(errors).remove(escape).replace(file, name);
    const QRegularExpression position(u"\\n\\s*at "_s + QRegularExpression::escape(name) + u":(\\d+):(\\d+)"_s);
    QRegularExpressionMatch where = position.match(text);
    if (!where.hasMatch()) {
        where = QRegularExpression(QRegularExpression::escape(name) + u":(\\d+):(\\d+)"_s).match(text);
    }
    QString message = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (message.startsWith("error:"_L1)) {
        message = message.mid(6).trimmed();
    }
    if (where.hasMatch()) {
        return Checked<Done>::fail(u"%1:%2:%3: %4"_s.arg(name, where.captured(1), where.captured(2), message));
    }
    return Checked<Done>::fail(u"%1: %2"_s.arg(name, message));
}

#endif

}
