// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "effectivevalue.h"
#include "optioncatalog.h"
#include "optionevaluator.h"
#include "optionsearch.h"
#include "optionsource.h"

#include <QObject>
#include <QQmlEngine>
#include <QThread>

#include <memory>
#include <optional>

/**
 * The option catalog of the configured system, for the Options page: opened
 * in a worker thread with OptionEvaluator (from the cache when it is valid,
 * else evaluated with Nix), so the window never waits. The source is the
 * configuration directory of the settings (see sourceFromSettings()); when
 * Nix cannot evaluate it and the settings name an options.json file, that
 * file is read instead and notice says why.
 *
 * It also owns what every view of the catalog shares: the search index and
 * the evaluator of effective values, and makes the one-invokable edits of
 * the page (setSwitch) after validating them against the option's type.
 */
class OptionsBackend : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressTextChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY statusChanged)
    Q_PROPERTY(QString errorDetails READ errorDetails NOTIFY statusChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY statusChanged)
    Q_PROPERTY(QString sourceDescription READ sourceDescription NOTIFY statusChanged)
    Q_PROPERTY(int optionCount READ optionCount NOTIFY catalogChanged)
    Q_PROPERTY(bool fromCache READ isFromCache NOTIFY catalogChanged)
    Q_PROPERTY(qint64 loadMilliseconds READ loadMilliseconds NOTIFY catalogChanged)

public:
    enum class Status {
        Idle, ///< nothing asked for yet
        Loading,
        Ready,
        Failed,
    };
    Q_ENUM(Status)

    /** The application's one backend. */
    [[nodiscard]] static OptionsBackend *self();
    /** QML's factory for the singleton: the same instance as self(). */
    static OptionsBackend *create(QQmlEngine *engine, QJSEngine *scriptEngine);
    ~OptionsBackend() override;

    [[nodiscard]] Status status() const
    {
        return m_status;
    }
    [[nodiscard]] QString progressText() const
    {
        return m_progressText;
    }
    /// A sentence for the person; errorDetails has Nix's own text.
    [[nodiscard]] QString errorText() const
    {
        return m_errorText;
    }
    [[nodiscard]] QString errorDetails() const
    {
        return m_errorDetails;
    }
    [[nodiscard]] QString notice() const
    {
        return m_notice;
    }
    [[nodiscard]] QString sourceDescription() const
    {
        return m_source.describe();
    }
    [[nodiscard]] int optionCount() const
    {
        return m_catalog ? m_catalog->size() : 0;
    }
    [[nodiscard]] bool isFromCache() const
    {
        return m_fromCache;
    }
    [[nodiscard]] qint64 loadMilliseconds() const
    {
        return m_loadMs;
    }

    /** Opens the catalog unless it is open or opening. */
    Q_INVOKABLE void load();
    /** Opens the catalog again from the settings; with @p evaluateAgain the cache is ignored. */
    Q_INVOKABLE void reload(bool evaluateAgain = false);
    /** Stops opening: Nix is stopped and status becomes Failed with a cancelled message. */
    Q_INVOKABLE void cancel();

    /**
     * Turns a switch option on or off in the configuration (a pending edit),
     * after checking the option is a switch. Returns "" or why not.
     */
    Q_INVOKABLE QString setSwitch(const QString &option, bool on);

    /** The catalog, or null while none is open. */
    [[nodiscard]] std::shared_ptr<const Snowpane::Options::OptionCatalog> catalog() const
    {
        return m_catalog;
    }
    /** The shared search index of the open catalog, or null. */
    [[nodiscard]] Snowpane::Options::OptionSearch *search() const
    {
        return m_search.get();
    }
    [[nodiscard]] Snowpane::Options::EffectiveValueEvaluator *effectiveValues()
    {
        return &m_effectiveValues;
    }

    /**
     * Where the catalog of the settings' system comes from: the flake or
     * configuration.nix of the configuration directory (the files the window
     * edits), else what OptionSource::detect() finds; the flake host of the
     * settings.
     */
    [[nodiscard]] static Snowpane::Options::OptionSource sourceFromSettings();
    /** Opens @p source instead of the settings' system from now on (tests, the CLI's choice). */
    void setSourceOverride(const Snowpane::Options::OptionSource &source);

Q_SIGNALS:
    void statusChanged();
    void progressTextChanged();
    /** A new catalog is open (or the old one was dropped). */
    void catalogChanged();

private:
    explicit OptionsBackend(QObject *parent = nullptr);

    void start(bool useCache);
    void opened(const Snowpane::Options::CatalogOpening &result, std::shared_ptr<Snowpane::Options::OptionSearch> search, int generation);
    void setStatus(Status status);

    QThread m_thread;
    Snowpane::Options::OptionEvaluator *m_evaluator = nullptr; ///< lives in m_thread
    int m_generation = 0; ///< results of an older start() are dropped
    std::optional<Snowpane::Options::OptionSource> m_override;
    Snowpane::Options::OptionSource m_source;
    Status m_status = Status::Idle;
    QString m_progressText;
    QString m_errorText;
    QString m_errorDetails;
    QString m_notice;
    bool m_triedFallback = false;
    std::shared_ptr<const Snowpane::Options::OptionCatalog> m_catalog;
    std::shared_ptr<Snowpane::Options::OptionSearch> m_search;
    bool m_fromCache = false;
    qint64 m_loadMs = 0;
    Snowpane::Options::EffectiveValueEvaluator m_effectiveValues;
};
