// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "effectivevalue.h"
#include "optionslogging.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

namespace
{

// Turns what Nix cannot print as JSON into markers, and stops below a depth,
// so that a package or a whole submodule tree never gets evaluated in full.
// Below the top, tryEval keeps one failing attribute (an option used but not
// defined) from hiding the rest; at the top, Nix's error is the answer.
constexpr auto printableFunction = R"nix(
  let
    maxDepth = 6;
    isDerivation = v: let t = builtins.tryEval ((v.type or null) == "derivation"); in t.success && t.value;
    show = depth: v:
      let r = if depth == 0 then { success = true; value = v; } else builtins.tryEval v; in
      if !r.success then { _snowpane = "error"; }
      else if builtins.isFunction r.value then { _snowpane = "function"; }
      else if builtins.isAttrs r.value && isDerivation r.value then { _snowpane = "package"; name = r.value.name or "unnamed"; }
      else if builtins.isAttrs r.value then
        (if depth >= maxDepth then { _snowpane = "elided"; } else builtins.mapAttrs (_: show (depth + 1)) r.value)
      else if builtins.isList r.value then
        (if depth >= maxDepth then [ { _snowpane = "elided"; } ] else map (show (depth + 1)) r.value)
      else if builtins.isPath r.value then toString r.value
      else r.value;
  in show 0
)nix";

[[nodiscard]] QString plainText(const QByteArray &bytes)
{
    static const QRegularExpression escapes(u"\x1b\\[[0-9;]*[A-Za-z]"_s);
    return QString::fromUtf8(bytes).remove(escapes).trimmed();
}

// Nix prints a trace before the error itself; the person needs the error.
[[nodiscard]] QString lastError(const QString &stderrText)
{
    const qsizetype at = stderrText.lastIndexOf(u"error:"_s);
    const QString error = at >= 0 ? stderrText.mid(at) : stderrText;
    return error.trimmed();
}

[[nodiscard]] QString nixStringLiteral(const QString &text)
{
    QString out = u"\""_s;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' || c == u'"') {
            out += u'\\';
            out += c;
        } else if (c == u'$' && i + 1 < text.size() && text.at(i + 1) == u'{') {
            out += u"\\$"_s;
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else if (c == u'\t') {
            out += u"\\t"_s;
        } else if (c == u'\r') {
            out += u"\\r"_s;
        } else {
            out += c;
        }
    }
    return out + u'"';
}

[[nodiscard]] QString indentedString(const QString &text, const QString &indent)
{
    QString body = text;
    body.replace(u"''"_s, u"'''"_s).replace(u"${"_s, u"''${"_s);
    const bool endsWithNewline = body.endsWith(u'\n');
    if (endsWithNewline) {
        body.chop(1);
    }
    QString out = u"''\n"_s;
    for (const QString &line : body.split(u'\n')) {
        out += line.isEmpty() ? QString() : indent + u"  "_s + line;
        out += u'\n';
    }
    if (!endsWithNewline) {
        // The last line has no newline: Nix's form for that ends the string right after it.
        out.chop(1);
    }
    return out + (endsWithNewline ? indent : QString()) + u"''"_s;
}

[[nodiscard]] QString attributeName(const QString &name)
{
    static const QRegularExpression identifier(u"^[A-Za-z_][A-Za-z0-9_'-]*$"_s);
    return identifier.match(name).hasMatch() ? name : nixStringLiteral(name);
}

[[nodiscard]] QString marker(const QJsonObject &object)
{
    const QString kind = object.value(u"_snowpane"_s).toString();
    if (kind == u"package"_s) {
        return u"<derivation %1>"_s.arg(object.value(u"name"_s).toString());
    }
    if (kind == u"function"_s) {
        return u"<function>"_s;
    }
    if (kind == u"error"_s) {
        return u"<error>"_s;
    }
    return u"…"_s;
}

[[nodiscard]] bool isMarker(const QJsonValue &value)
{
    return value.isObject() && value.toObject().value(u"_snowpane"_s).isString();
}

QString render(const QJsonValue &value, const QString &indent, bool oneLine);

[[nodiscard]] QString renderOneLine(const QJsonValue &value)
{
    return render(value, QString(), true);
}

QString render(const QJsonValue &value, const QString &indent, bool oneLine)
{
    constexpr qsizetype lineWidth = 72;
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const auto whole = qint64(number);
        return double(whole) == number ? QString::number(whole) : QString::number(number, 'g', 17);
    }
    case QJsonValue::String:
        if (!oneLine && value.toString().contains(u'\n')) {
            return indentedString(value.toString(), indent);
        }
        return nixStringLiteral(value.toString());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            return u"[ ]"_s;
        }
        QStringList items;
        for (const QJsonValue &item : array) {
            items.append(renderOneLine(item));
        }
        const QString flat = u"[ "_s + items.join(u' ') + u" ]"_s;
        if (oneLine || (flat.size() + indent.size() <= lineWidth && !flat.contains(u'\n'))) {
            return flat;
        }
        QString out = u"[\n"_s;
        for (const QJsonValue &item : array) {
            out += indent + u"  "_s + render(item, indent + u"  "_s, false) + u'\n';
        }
        return out + indent + u']';
    }
    case QJsonValue::Object: {
        if (isMarker(value)) {
            return marker(value.toObject());
        }
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            return u"{ }"_s;
        }
        QString flat = u"{ "_s;
        for (auto it = object.begin(); it != object.end(); ++it) {
            flat += attributeName(it.key()) + u" = "_s + renderOneLine(it.value()) + u"; "_s;
        }
        flat += u'}';
        if (oneLine || (flat.size() + indent.size() <= lineWidth && !flat.contains(u'\n'))) {
            return flat;
        }
        QString out = u"{\n"_s;
        for (auto it = object.begin(); it != object.end(); ++it) {
            out += indent + u"  "_s + attributeName(it.key()) + u" = "_s + render(it.value(), indent + u"  "_s, false) + u";\n"_s;
        }
        return out + indent + u'}';
    }
    }
    return {};
}

} // namespace

EffectiveValueEvaluator::EffectiveValueEvaluator(QObject *parent)
    : QObject(parent)
{
}

EffectiveValueEvaluator::~EffectiveValueEvaluator()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void EffectiveValueEvaluator::setSource(const OptionSource &source)
{
    m_source = source;
    clearCache();
}

QString EffectiveValueEvaluator::classicExpression()
{
    return uR"nix({ configurationPath, optionPath }:
let
  system = import <nixpkgs/nixos> { configuration = /. + configurationPath; };
  printable = %1;
in
printable (builtins.foldl' (value: name: value.${name}) system.config (builtins.fromJSON optionPath))
)nix"_s.arg(QLatin1StringView(printableFunction));
}

QString EffectiveValueEvaluator::flakeApplyFunction(const QStringList &loc)
{
    const QString path = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(loc)).toJson(QJsonDocument::Compact));
    return uR"nix(config:
let
  printable = %1;
in
printable (builtins.foldl' (value: name: value.${name}) config (builtins.fromJSON %2))
)nix"_s.arg(QLatin1StringView(printableFunction), nixStringLiteral(path));
}

QString EffectiveValueEvaluator::nixText(const QJsonValue &value)
{
    return render(value, QString(), false);
}

const EffectiveValue *EffectiveValueEvaluator::cached(const QString &name) const
{
    const auto it = m_cache.constFind(name);
    return it == m_cache.constEnd() ? nullptr : &it.value();
}

bool EffectiveValueEvaluator::isEvaluating(const QString &name) const
{
    return (m_process && m_running == name) || std::ranges::any_of(m_queue, [&name](const auto &request) {
               return request.first == name;
           });
}

void EffectiveValueEvaluator::clearCache()
{
    m_cache.clear();
}

bool EffectiveValueEvaluator::evaluate(const QString &name, const QStringList &loc)
{
    if (isEvaluating(name)) {
        return false;
    }
    if (const EffectiveValue *value = cached(name)) {
        QTimer::singleShot(0, this, [this, result = *value] {
            Q_EMIT evaluated(result);
        });
        return true;
    }
    // A name like users.users.<name>.shell stands for every entry; it has no one value.
    for (const QString &component : loc) {
        if (component == u"<name>"_s || component == u"*"_s || (component.startsWith(u'<') && component.endsWith(u'>'))) {
            EffectiveValue value;
            value.option = name;
            value.error = tr("%1 describes every entry of %2, so it has no single value; look at the entries themselves.")
                              .arg(name, QStringList(loc.begin(), loc.begin() + loc.indexOf(component)).join(u'.'));
            QTimer::singleShot(0, this, [this, value] {
                deliver(value);
            });
            return true;
        }
    }
    m_queue.prepend({name, loc});
    if (!m_process) {
        startNext();
    }
    return true;
}

void EffectiveValueEvaluator::startNext()
{
    if (m_queue.isEmpty()) {
        return;
    }
    std::tie(m_running, m_runningLoc) = m_queue.takeFirst();
    m_startedAt = QDateTime::currentMSecsSinceEpoch();

    QString program;
    QStringList arguments;
    switch (m_source.kind) {
    case OptionSource::Kind::Classic:
        program = u"nix-instantiate"_s;
        arguments = {u"--eval"_s, u"--strict"_s, u"--json"_s, u"--expr"_s, classicExpression()};
        arguments << u"--argstr"_s << u"configurationPath"_s << QFileInfo(m_source.configuration).absoluteFilePath();
        arguments << u"--argstr"_s << u"optionPath"_s
                  << QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m_runningLoc)).toJson(QJsonDocument::Compact));
        if (!m_source.nixpkgs.isEmpty()) {
            arguments << u"-I"_s << u"nixpkgs="_s + m_source.nixpkgs;
        }
        break;
    case OptionSource::Kind::Flake:
        program = u"nix"_s;
        arguments = {u"--extra-experimental-features"_s, u"nix-command flakes"_s, u"eval"_s, u"--json"_s};
        arguments << QFileInfo(m_source.flake).absoluteFilePath() + u"#nixosConfigurations.\""_s + m_source.effectiveHost() + u"\".config"_s;
        arguments << u"--apply"_s << flakeApplyFunction(m_runningLoc);
        break;
    case OptionSource::Kind::File: {
        EffectiveValue value;
        value.option = m_running;
        value.error = tr("The options come from the file %1, not from your configuration, so Nix cannot tell the value this system gives the option.")
                          .arg(m_source.optionsJson);
        m_running.clear();
        QTimer::singleShot(0, this, [this, value] {
            deliver(value);
            startNext();
        });
        return;
    }
    }
    const QString resolved = QStandardPaths::findExecutable(program, m_source.environment.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts));
    if (resolved.isEmpty()) {
        EffectiveValue value;
        value.option = std::exchange(m_running, {});
        value.error = tr("Cannot run %1: it is not on PATH.").arg(program);
        QTimer::singleShot(0, this, [this, value] {
            deliver(value);
            startNext();
        });
        return;
    }
    qCDebug(SNOWPANE_OPTIONS) << "evaluating the value of" << m_running;
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(m_source.environment);
    connect(m_process, &QProcess::finished, this, &EffectiveValueEvaluator::processFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_process) {
            return;
        }
        EffectiveValue value;
        value.option = std::exchange(m_running, {});
        value.error = tr("Cannot run %1: %2").arg(m_process->program(), m_process->errorString());
        m_process->deleteLater();
        m_process = nullptr;
        deliver(value);
        startNext();
    });
    m_process->start(resolved, arguments);
}

void EffectiveValueEvaluator::processFinished(int exitCode, QProcess::ExitStatus status)
{
    QProcess *process = m_process;
    m_process = nullptr;
    process->deleteLater();
    EffectiveValue value;
    value.option = std::exchange(m_running, {});
    value.elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_startedAt;
    if (status != QProcess::NormalExit || exitCode != 0) {
        const QString error = lastError(plainText(process->readAllStandardError()));
        value.error = error.isEmpty() ? tr("Nix stopped without a message (exit code %1).").arg(exitCode) : error;
    } else {
        QJsonParseError parseError;
        // Nix prints a bare JSON value; wrapping it makes any value a document.
        const QJsonDocument document = QJsonDocument::fromJson("[" + process->readAllStandardOutput() + "]", &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1) {
            value.error = tr("Nix printed a value that cannot be read: %1").arg(parseError.errorString());
        } else {
            value.ok = true;
            value.json = document.array().at(0);
            value.text = nixText(value.json);
        }
    }
    deliver(value);
    startNext();
}

void EffectiveValueEvaluator::deliver(EffectiveValue value)
{
    m_cache.insert(value.option, value);
    Q_EMIT evaluated(value);
}

} // namespace Snowpane::Options
