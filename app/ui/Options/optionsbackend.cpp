// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Options/optionsbackend.h"

#include "Common/configurationsession.h"
#include "snowpanesettings.h"
#include "uilogging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

OptionsBackend *OptionsBackend::self()
{
    static QPointer<OptionsBackend> instance;
    if (!instance) {
        instance = new OptionsBackend(QCoreApplication::instance());
    }
    return instance;
}

OptionsBackend *OptionsBackend::create(QQmlEngine *, QJSEngine *)
{
    OptionsBackend *backend = self();
    QJSEngine::setObjectOwnership(backend, QJSEngine::CppOwnership);
    return backend;
}

OptionsBackend::OptionsBackend(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"option catalog"_s);
    m_evaluator = new OptionEvaluator;
    m_evaluator->moveToThread(&m_thread);
    connect(m_evaluator, &OptionEvaluator::progress, this, [this](const QString &, const QString &text) {
        m_progressText = text;
        Q_EMIT progressTextChanged();
    });
    // In the worker: the search index is built there too, so that the window
    // gets a catalog it can search at once.
    connect(m_evaluator, &OptionEvaluator::finished, m_evaluator, [this](const CatalogOpening &result) {
        const int generation = m_evaluator->property("generation").toInt();
        std::shared_ptr<OptionSearch> search;
        if (result.catalog) {
            search = std::make_shared<OptionSearch>(*result.catalog);
        }
        QMetaObject::invokeMethod(this, [this, result, search, generation] {
            opened(result, search, generation);
        });
    });
    m_thread.start();

    // After an apply the files on disk changed: values must be evaluated again.
    connect(ConfigurationSession::self(), &ConfigurationSession::loadedChanged, this, [this] {
        m_effectiveValues.clearCache();
    });
}

OptionsBackend::~OptionsBackend()
{
    OptionEvaluator *evaluator = std::exchange(m_evaluator, nullptr);
    QMetaObject::invokeMethod(
        evaluator,
        [evaluator] {
            delete evaluator;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

OptionSource OptionsBackend::sourceFromSettings()
{
    const SnowpaneSettings *settings = SnowpaneSettings::self();
    const QString directory = settings->configurationDirectory();
    OptionSource source = OptionSource::detect(directory);
    // The catalog must describe the files this window edits, which are the
    // ones in the configuration directory, whatever NIXOS_CONFIG says.
    const QString entry = directory + u"/configuration.nix"_s;
    if (source.kind == OptionSource::Kind::Classic && QFileInfo::exists(entry)) {
        source.configuration = entry;
    }
    source.host = settings->flakeHost();
    return source;
}

void OptionsBackend::setSourceOverride(const OptionSource &source)
{
    m_override = source;
}

void OptionsBackend::load()
{
    if (m_status == Status::Idle || m_status == Status::Failed) {
        m_triedFallback = false;
        start(true);
    }
}

void OptionsBackend::reload(bool evaluateAgain)
{
    if (m_status == Status::Loading) {
        return;
    }
    m_triedFallback = false;
    start(!evaluateAgain);
}

void OptionsBackend::cancel()
{
    if (m_status != Status::Loading) {
        return;
    }
    QMetaObject::invokeMethod(m_evaluator, &OptionEvaluator::cancel);
}

void OptionsBackend::start(bool useCache)
{
    m_source = m_override ? *m_override : sourceFromSettings();
    m_effectiveValues.setSource(m_source);
    const int generation = ++m_generation;
    m_errorText.clear();
    m_errorDetails.clear();
    m_notice.clear();
    m_progressText = tr("Opening the options of %1").arg(m_source.describe());
    Q_EMIT progressTextChanged();
    setStatus(Status::Loading);
    QMetaObject::invokeMethod(m_evaluator, [evaluator = m_evaluator, source = m_source, useCache, generation] {
        evaluator->setProperty("generation", generation);
        evaluator->start(source, useCache);
    });
}

void OptionsBackend::opened(const CatalogOpening &result, std::shared_ptr<OptionSearch> search, int generation)
{
    if (generation != m_generation) {
        return;
    }
    if (result.status == CatalogOpening::Status::Ok) {
        m_search.reset();
        m_catalog = result.catalog;
        m_search = std::move(search);
        m_fromCache = result.fromCache;
        m_loadMs = result.elapsedMs;
        qCInfo(SNOWPANE_UI) << "opened" << m_catalog->size() << "options in" << result.elapsedMs << "ms" << (result.fromCache ? "from the cache" : "");
        Q_EMIT catalogChanged();
        setStatus(Status::Ready);
        return;
    }
    if (result.status == CatalogOpening::Status::Cancelled) {
        m_errorText = tr("Opening the options was cancelled.");
        setStatus(Status::Failed);
        return;
    }
    const QString optionsJson = SnowpaneSettings::self()->optionsJson();
    if (!m_triedFallback && m_source.kind != OptionSource::Kind::File && !optionsJson.isEmpty()) {
        // The settings name a file for exactly this case.
        m_triedFallback = true;
        const QString nixError = result.error;
        OptionSource file;
        file.kind = OptionSource::Kind::File;
        file.optionsJson = optionsJson;
        m_override = file;
        start(true);
        m_override.reset();
        m_notice = tr("Nix could not evaluate the options of your system, so the options come from %1 and may not match it.").arg(optionsJson);
        m_errorDetails = nixError;
        return;
    }
    m_errorText = m_source.kind == OptionSource::Kind::File ? tr("The options file %1 could not be read.").arg(m_source.optionsJson)
                                                            : tr("The options of your system could not be evaluated.");
    m_errorDetails = result.error;
    setStatus(Status::Failed);
}

void OptionsBackend::setStatus(Status status)
{
    m_status = status;
    Q_EMIT statusChanged();
}

QString OptionsBackend::setSwitch(const QString &option, bool on)
{
    const int index = m_catalog ? m_catalog->indexOf(option) : -1;
    if (index < 0) {
        return tr("There is no option called %1.").arg(option);
    }
    if (m_catalog->type(index).editor.kind != EditorKind::Switch) {
        return tr("%1 is not an on/off option.").arg(option);
    }
    if (m_catalog->isReadOnly(index)) {
        return tr("%1 is read-only: NixOS sets it itself.").arg(option);
    }
    return ConfigurationSession::self()->setOptionValue(option, on);
}
