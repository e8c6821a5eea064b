// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optionsource.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>

namespace Snowpane::Options
{

/** The value an option has in the evaluated system, or why it has none. */
struct EffectiveValue {
    bool ok = false;
    QString option;
    QJsonValue json; ///< packages, functions and errors inside are objects with a `_snowpane` marker
    QString text; ///< the value as Nix source, for display
    QString error; ///< when !ok: Nix's message, or why the option cannot be evaluated
    qint64 elapsedMs = 0;
};

/**
 * Evaluates the value of one option in the configured system with real Nix,
 * because another module (or a default computed from other options) may
 * decide it: `(import <nixpkgs/nixos> { configuration = ...; }).config.PATH`
 * for a classic configuration, `nixosConfigurations.HOST.config.PATH` for a
 * flake. Nix runs in a QProcess, one at a time; asking for other options
 * while one runs queues them, the newest request first. Results,
 * failures included, are cached per option until clearCache(): the
 * configuration files do not change under a running window except through
 * an apply, after which the caller clears the cache.
 *
 * Values are made printable inside Nix: packages become their name,
 * functions a marker, and attribute sets are cut off below a depth, so that
 * asking for `services.nginx` does not evaluate a whole derivation.
 */
class EffectiveValueEvaluator : public QObject
{
    Q_OBJECT

public:
    explicit EffectiveValueEvaluator(QObject *parent = nullptr);
    ~EffectiveValueEvaluator() override;

    void setSource(const OptionSource &source);
    [[nodiscard]] const OptionSource &source() const
    {
        return m_source;
    }

    /**
     * Starts evaluating option @p name (its components in @p loc); evaluated()
     * follows, at once (queued) when the value is cached. Returns false when
     * nothing will be evaluated because a request for it is already running.
     */
    bool evaluate(const QString &name, const QStringList &loc);
    /// The cached result for @p name, if any.
    [[nodiscard]] const EffectiveValue *cached(const QString &name) const;
    [[nodiscard]] bool isEvaluating(const QString &name) const;
    void clearCache();

    /** The Nix expression for a classic configuration: a function of `configurationPath` and `optionPath` (a JSON list of components). */
    [[nodiscard]] static QString classicExpression();
    /** The function applied to `nixosConfigurations.<host>.config` of a flake, for option @p loc. */
    [[nodiscard]] static QString flakeApplyFunction(const QStringList &loc);
    /** @p value (as the evaluation prints it) as Nix source, indented over several lines when long. */
    [[nodiscard]] static QString nixText(const QJsonValue &value);

Q_SIGNALS:
    void evaluated(const Snowpane::Options::EffectiveValue &value);

private:
    void startNext();
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void deliver(EffectiveValue value);

    OptionSource m_source;
    QHash<QString, EffectiveValue> m_cache;
    QPointer<QProcess> m_process;
    QString m_running;
    QStringList m_runningLoc;
    /// Waiting requests, newest first: the option the person looks at now matters most.
    QList<std::pair<QString, QStringList>> m_queue;
    qint64 m_startedAt = 0;
};

} // namespace Snowpane::Options
