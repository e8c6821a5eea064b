// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "optionevaluator.h"
#include "optionslogging.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Snowpane::Options
{

namespace
{

// Nix colours its errors when it thinks it writes to a terminal.
[[nodiscard]] QString plainText(const QByteArray &bytes)
{
    static const QRegularExpression escapes(u"\x1b\\[[0-9;]*[A-Za-z]"_s);
    return QString::fromUtf8(bytes).remove(escapes).trimmed();
}

// optionAttrSetToDocList marks hidden options with `visible = false` (or "shallow", which still shows the option itself) and internal ones with `internal`.
// Hidden options are dropped; internal ones are kept, flagged, for the setting that shows them.
constexpr auto filterFunction = R"nix(
  lib: options:
    let
      shown = o: let v = o.visible or true; in v == true || v == "shallow";
    in
    map (o: removeAttrs o [ "visible" ] // { internal = o.internal or false; }) (builtins.filter shown (lib.optionAttrSetToDocList options))
)nix";

} // namespace

OptionEvaluator::OptionEvaluator(QObject *parent)
    : QObject(parent)
{
}

OptionEvaluator::~OptionEvaluator()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QString OptionEvaluator::classicExpression()
{
    return uR"nix({ configurationPath }:
let
  lib = import <nixpkgs/lib>;
  system = import <nixpkgs/nixos> { configuration = /. + configurationPath; };
  toDocList = %1;
in
toDocList lib system.options
)nix"_s.arg(QLatin1StringView(filterFunction));
}

QString OptionEvaluator::flakeApplyFunction()
{
    return uR"nix(system:
let
  lib = system._module.args.pkgs.lib or system.pkgs.lib;
  toDocList = %1;
in
toDocList lib system.options
)nix"_s.arg(QLatin1StringView(filterFunction));
}

bool OptionEvaluator::isRunning() const
{
    return m_process != nullptr;
}

void OptionEvaluator::start(const OptionSource &source, bool useCache)
{
    if (m_process) {
        qCWarning(SNOWPANE_OPTIONS) << "an option evaluation is already running";
        return;
    }
    m_source = source;
    m_cancelled = false;
    m_cacheFile.clear();
    m_timer.start();

    if (source.kind == OptionSource::Kind::File) {
        Q_EMIT progress(u"load"_s, u"Reading %1"_s.arg(source.optionsJson));
        CatalogLoad load = OptionCatalog::fromFile(source.optionsJson);
        CatalogOpening result;
        result.status = load.catalog ? CatalogOpening::Status::Ok : CatalogOpening::Status::Failed;
        result.error = load.error;
        if (load.catalog) {
            result.catalog = std::make_shared<const OptionCatalog>(std::move(*load.catalog));
        }
        // Queued, so that finished() never arrives before start() returns.
        QTimer::singleShot(0, this, [this, result] {
            finish(result);
        });
        return;
    }

    Q_EMIT progress(u"cache"_s, u"Checking the cached options"_s);
    const CacheKey key = cacheKeyFor(source);
    if (!key.error.isEmpty()) {
        CatalogOpening result;
        result.error = u"Cannot evaluate the options of %1: %2"_s.arg(source.describe(), key.error);
        QTimer::singleShot(0, this, [this, result] {
            finish(result);
        });
        return;
    }
    m_cacheFile = optionsCacheDirectory() + u'/' + key.key + u".json"_s;
    if (useCache && QFileInfo::exists(m_cacheFile)) {
        Q_EMIT progress(u"load"_s, u"Reading the cached options"_s);
        CatalogLoad load = OptionCatalog::fromFile(m_cacheFile);
        if (load.catalog) {
            CatalogOpening result;
            result.status = CatalogOpening::Status::Ok;
            result.catalog = std::make_shared<const OptionCatalog>(std::move(*load.catalog));
            result.fromCache = true;
            result.cacheFile = m_cacheFile;
            QTimer::singleShot(0, this, [this, result] {
                finish(result);
            });
            return;
        }
        // A damaged cache is evaluated again, not reported.
        qCWarning(SNOWPANE_OPTIONS) << "ignoring the damaged cache" << m_cacheFile << load.error;
    }

    QString program;
    QStringList arguments;
    if (source.kind == OptionSource::Kind::Classic) {
        program = u"nix-instantiate"_s;
        arguments = {u"--eval"_s, u"--strict"_s, u"--json"_s, u"--expr"_s, classicExpression()};
        arguments << u"--argstr"_s << u"configurationPath"_s << QFileInfo(source.configuration).absoluteFilePath();
        if (!source.nixpkgs.isEmpty()) {
            arguments << u"-I"_s << u"nixpkgs="_s + source.nixpkgs;
        }
    } else {
        program = u"nix"_s;
        const QString host = source.effectiveHost();
        arguments = {u"--extra-experimental-features"_s, u"nix-command flakes"_s, u"eval"_s, u"--json"_s};
        arguments << QFileInfo(source.flake).absoluteFilePath() + u"#nixosConfigurations.\""_s + host + u'"';
        arguments << u"--apply"_s << flakeApplyFunction();
    }
    // The program is looked up on the PATH Nix will run with, not on Snowpane's own.
    const QString resolved = QStandardPaths::findExecutable(program, source.environment.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts));
    if (resolved.isEmpty()) {
        CatalogOpening result;
        result.error =
            u"Cannot run %1: it is not on PATH. Snowpane needs Nix to read the options of the system; install Nix, or give an options.json file."_s.arg(
                program);
        QTimer::singleShot(0, this, [this, result] {
            finish(result);
        });
        return;
    }
    Q_EMIT progress(u"evaluate"_s, u"Evaluating the options of %1 with Nix"_s.arg(source.describe()));
    qCDebug(SNOWPANE_OPTIONS) << "running" << program << arguments;

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(source.environment);
    connect(m_process, &QProcess::finished, this, &OptionEvaluator::processFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_process) {
            return;
        }
        CatalogOpening result;
        result.error = u"Cannot run %1: %2. Snowpane needs Nix to read the options of the system; install Nix, or give an options.json file."_s.arg(
            m_process->program(),
            m_process->errorString());
        m_process->deleteLater();
        m_process = nullptr;
        finish(result);
    });
    m_process->start(resolved, arguments);
}

void OptionEvaluator::cancel()
{
    if (!m_process) {
        return;
    }
    m_cancelled = true;
    m_process->kill();
}

void OptionEvaluator::processFinished(int exitCode, QProcess::ExitStatus status)
{
    QProcess *process = m_process;
    m_process = nullptr;
    process->deleteLater();
    CatalogOpening result;
    if (m_cancelled) {
        result.status = CatalogOpening::Status::Cancelled;
        result.error = u"Cancelled"_s;
        finish(result);
        return;
    }
    const QByteArray output = process->readAllStandardOutput();
    if (status != QProcess::NormalExit || exitCode != 0) {
        const QString nixError = plainText(process->readAllStandardError());
        result.error =
            u"Nix could not evaluate the options of %1:\n%2"_s.arg(m_source.describe(),
                                                                   nixError.isEmpty() ? u"(Nix printed no error; exit code %1)"_s.arg(exitCode) : nixError);
        finish(result);
        return;
    }
    Q_EMIT progress(u"load"_s, u"Reading the evaluated options"_s);
    CatalogLoad load = OptionCatalog::fromJson(output);
    if (!load.catalog) {
        result.error = u"Nix evaluated the options of %1, but the result cannot be read: %2"_s.arg(m_source.describe(), load.error);
        finish(result);
        return;
    }
    Q_EMIT progress(u"save"_s, u"Saving the options in the cache"_s);
    QDir().mkpath(QFileInfo(m_cacheFile).absolutePath());
    QSaveFile cache(m_cacheFile);
    if (cache.open(QIODevice::WriteOnly) && cache.write(output) == output.size() && cache.commit()) {
        result.cacheFile = m_cacheFile;
    } else {
        // Without a cache the next start evaluates again; the catalog itself is fine.
        qCWarning(SNOWPANE_OPTIONS) << "cannot write the option cache" << m_cacheFile << cache.errorString();
    }
    result.status = CatalogOpening::Status::Ok;
    result.catalog = std::make_shared<const OptionCatalog>(std::move(*load.catalog));
    finish(result);
}

void OptionEvaluator::finish(CatalogOpening result)
{
    result.elapsedMs = m_timer.elapsed();
    if (result.status == CatalogOpening::Status::Failed) {
        qCWarning(SNOWPANE_OPTIONS).noquote() << result.error;
    }
    Q_EMIT finished(result);
}

CatalogOpening OptionEvaluator::open(const OptionSource &source, bool useCache, const std::function<void(const QString &, const QString &)> &onProgress)
{
    OptionEvaluator evaluator;
    if (onProgress) {
        connect(&evaluator, &OptionEvaluator::progress, &evaluator, onProgress);
    }
    QEventLoop loop;
    CatalogOpening result;
    connect(&evaluator, &OptionEvaluator::finished, &loop, [&](const CatalogOpening &opening) {
        result = opening;
        loop.quit();
    });
    evaluator.start(source, useCache);
    loop.exec();
    return result;
}

} // namespace Snowpane::Options
