// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optioncatalog.h"
#include "optionsource.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcess>

#include <functional>
#include <memory>

namespace Snowpane::Options
{

/** The outcome of opening a catalog. */
struct CatalogOpening {
    enum class Status {
        Ok,
        Failed,
        Cancelled,
    };
    Status status = Status::Failed;
    QString error; ///< for Failed: what went wrong, with Nix's own error text
    std::shared_ptr<const OptionCatalog> catalog;
    bool fromCache = false; ///< true when no Nix ran
    QString cacheFile;
    qint64 elapsedMs = 0;
};

/**
 * Opens the option catalog of a system as a background job. With a valid
 * cache (see cacheKeyFor) it reads the cached file and runs no Nix;
 * otherwise it evaluates the options with real Nix, unprivileged, through
 * `lib.optionAttrSetToDocList`, keeping visible, non-internal options (the
 * options.json schema, the user's own modules included), and caches the
 * result. Nix runs in a QProcess, so the event loop stays free; progress()
 * names each stage and cancel() stops Nix. An options.json source is simply
 * read.
 */
class OptionEvaluator : public QObject
{
    Q_OBJECT

public:
    explicit OptionEvaluator(QObject *parent = nullptr);
    ~OptionEvaluator() override;

    /** Starts opening @p source; finished() follows, also on errors. Ignored while a job runs. */
    void start(const OptionSource &source, bool useCache = true);
    /** Stops a running job: Nix is killed and finished() reports Cancelled. */
    void cancel();
    [[nodiscard]] bool isRunning() const;

    /** Opens @p source and waits for the result, for the CLI and tests; @p onProgress sees each progress(). */
    [[nodiscard]] static CatalogOpening
    open(const OptionSource &source, bool useCache = true, const std::function<void(const QString &stage, const QString &text)> &onProgress = {});

    /** The Nix expression evaluated for a classic configuration (a function of `configurationPath`). */
    [[nodiscard]] static QString classicExpression();
    /** The function applied to `nixosConfigurations.<host>` of a flake. */
    [[nodiscard]] static QString flakeApplyFunction();

Q_SIGNALS:
    /** A new stage began: "cache", "evaluate", "load", "save"; @p text says it in words. */
    void progress(const QString &stage, const QString &text);
    void finished(const Snowpane::Options::CatalogOpening &result);

private:
    void finish(CatalogOpening result);
    void processFinished(int exitCode, QProcess::ExitStatus status);

    QPointer<QProcess> m_process;
    OptionSource m_source;
    QString m_cacheFile;
    QElapsedTimer m_timer;
    bool m_cancelled = false;
};

} // namespace Snowpane::Options
