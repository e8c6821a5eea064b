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

namespace snowpane::helper
{

#if SNOWPANE_HELPER_HAVE_NIX_PARSER

QString parseCheckMethod()
{
    return QStringLiteral("snowpane_nix");
}

Checked<Done> checkNixParses(const QString &name, const QByteArray &content, const HelperConfig &)
{
    nix::ParseOptions options;
    options.fileName = name.toStdString();
    const nix::SyntaxTree tree = nix::parse(content.toStdString(), options);
    if (!tree.hasErrors()) {
        return Checked<Done>::ok({});
    }
    for (const nix::Diagnostic &diagnostic : tree.diagnostics()) {
        if (diagnostic.severity == nix::Severity::Error) {
            const nix::Location where = tree.locate(diagnostic.offset);
            return Checked<Done>::fail(
                QStringLiteral("%1:%2:%3: %4").arg(name).arg(where.line).arg(where.column).arg(QString::fromStdString(diagnostic.message)));
        }
    }
    return Checked<Done>::fail(QStringLiteral("%1 does not parse").arg(name));
}

#else

QString parseCheckMethod()
{
    return QStringLiteral("nix-instantiate --parse");
}

Checked<Done> checkNixParses(const QString &name, const QByteArray &content, const HelperConfig &config)
{
    // The text goes into root's private temporary directory, never next to
    // the real file, and Nix reads it without opening the store.
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        return Checked<Done>::fail(QStringLiteral("cannot create a temporary directory to check %1").arg(name));
    }
    const QString file = scratch.filePath(QStringLiteral("check.nix"));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size()) {
        return Checked<Done>::fail(QStringLiteral("cannot write a copy of %1 to check it").arg(name));
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
    command.program = config.nixProgram(QStringLiteral("nix-instantiate"));
    command.arguments = {QStringLiteral("--store"), QStringLiteral("dummy://"), QStringLiteral("--parse"), file};
    command.environment = config.environment();
    command.timeout = protocol::bound::ParseCheck;
    const CommandOutcome outcome = runner.run(command);
    if (outcome.succeeded()) {
        return Checked<Done>::ok({});
    }
    if (outcome.status != CommandOutcome::Status::Exited) {
        return Checked<Done>::fail(QStringLiteral("cannot check %1: %2").arg(name, outcome.describe(command)));
    }
    // "error: syntax error, …\n       at /tmp/…/check.nix:4:27:" → "NAME:4:27: syntax error, …",
    // with the temporary file's path replaced by the name everywhere.
    static const QRegularExpression escape(QStringLiteral("\x1b\\[[0-9;]*m"));
    QString text = QString::fromUtf8(errors).remove(escape).replace(file, name);
    const QRegularExpression position(QStringLiteral("\\n\\s*at ") + QRegularExpression::escape(name) + QStringLiteral(":(\\d+):(\\d+)"));
    QRegularExpressionMatch where = position.match(text);
    if (!where.hasMatch()) {
        where = QRegularExpression(QRegularExpression::escape(name) + QStringLiteral(":(\\d+):(\\d+)")).match(text);
    }
    QString message = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (message.startsWith(QLatin1String("error:"))) {
        message = message.mid(6).trimmed();
    }
    if (where.hasMatch()) {
        return Checked<Done>::fail(QStringLiteral("%1:%2:%3: %4").arg(name, where.captured(1), where.captured(2), message));
    }
    return Checked<Done>::fail(QStringLiteral("%1: %2").arg(name, message));
}

#endif

}
