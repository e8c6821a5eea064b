// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "configurationlocation.h"

#include <QObject>
#include <QQmlEngine>

namespace Snowpane::Ui
{

/** A place on this machine that holds a NixOS configuration, and what names it. */
struct ConfigurationCandidate {
    Q_GADGET
    QML_VALUE_TYPE(configurationCandidate)
    Q_PROPERTY(QString directory MEMBER directory CONSTANT)
    /// A flake; otherwise a classic configuration.nix.
    Q_PROPERTY(bool flake MEMBER flake CONSTANT)
    /// The flake's host; empty for a classic configuration or when the flake names none.
    Q_PROPERTY(QString host MEMBER host CONSTANT)
    /// What names it (NIXOS_CONFIG, /etc/nixos, …), in words.
    Q_PROPERTY(QString sources MEMBER sources CONSTANT)
    /// The link it was found through; empty when found directly.
    Q_PROPERTY(QString linkedFrom MEMBER linkedFrom CONSTANT)

public:
    QString directory;
    bool flake = false;
    QString host;
    QString sources;
    QString linkedFrom;
};

/**
 * Where the configuration lives and who writes it, for the window. The
 * system's choice comes first: `programs.snowpane.configuration` and
 * `programs.snowpane.host`, which the NixOS module writes into the helper's
 * root-owned settings (/etc/snowpane/helper.conf), the same file the helper
 * builds from. Without that file the window's own settings name it, and on
 * a first start with nothing set, the person picks one of the candidates
 * found; nothing is picked for them.
 */
class ConfigurationPlace : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// The helper's settings name the configuration: the window shows them and does not change them itself.
    Q_PROPERTY(bool fromSystem READ isFromSystem NOTIFY changed)
    Q_PROPERTY(QString systemDirectory READ systemDirectory NOTIFY changed)
    Q_PROPERTY(QString systemHost READ systemHost NOTIFY changed)
    /// The helper's settings exist but cannot be used, in words.
    Q_PROPERTY(QString systemError READ systemError NOTIFY changed)
    Q_PROPERTY(Writer writer READ writer NOTIFY changed)
    /// Who writes, in one sentence; for Refused, why.
    Q_PROPERTY(QString writerText READ writerText NOTIFY changed)
    /// Nothing names a configuration yet: the person must pick one.
    Q_PROPERTY(bool needsChoice READ needsChoice NOTIFY changed)
    /// The places found on this machine.
    Q_PROPERTY(QList<Snowpane::Ui::ConfigurationCandidate> candidates READ candidates NOTIFY changed)

public:
    enum class Writer {
        Helper, ///< root's directory: the privileged helper writes it
        User, ///< the person's own: the window writes it as them
        Refused, ///< anyone else's, a link, or writable by others
    };
    Q_ENUM(Writer)

    /** The one instance; QML's factory returns the same. */
    [[nodiscard]] static ConfigurationPlace *self();
    static ConfigurationPlace *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    /**
     * Reads the helper's settings from @p file (none: the window's own
     * settings only, as the demo does) and, when they name the
     * configuration, makes the window's settings say the same for this run.
     * Called once at start-up, before anything reads the settings.
     */
    static void useSystemSettings(const QString &file);

    [[nodiscard]] bool isFromSystem() const
    {
        return m_fromSystem;
    }
    [[nodiscard]] QString systemDirectory() const
    {
        return m_systemDirectory;
    }
    [[nodiscard]] QString systemHost() const
    {
        return m_systemHost;
    }
    [[nodiscard]] QString systemError() const
    {
        return m_systemError;
    }
    [[nodiscard]] Writer writer() const;
    [[nodiscard]] QString writerText() const;
    [[nodiscard]] bool needsChoice() const;
    [[nodiscard]] QList<ConfigurationCandidate> candidates() const;

    /** Who writes @p directory for this process's user, with the reason when refused. */
    [[nodiscard]] static Snowpane::Config::WriterDecision decide(const QString &directory);

    /** The person picked a place: the window's settings name it from now on. */
    Q_INVOKABLE void choose(const QString &directory, const QString &host);
    /**
     * Adds the edit that makes the NixOS configuration name @p directory
     * and @p host (programs.snowpane.configuration and .host) as pending
     * changes, reviewed and applied like any other. Returns an empty string,
     * or why the edit was refused.
     */
    Q_INVOKABLE QString proposeSystemSetting(const QString &directory, const QString &host);

    /** Reads everything again (after an apply, or a change of settings). */
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void changed();

private:
    explicit ConfigurationPlace(QObject *parent = nullptr);

    bool m_fromSystem = false;
    QString m_systemDirectory;
    QString m_systemHost;
    QString m_systemError;
    std::vector<Snowpane::Config::Candidate> m_candidates;
};

} // namespace Snowpane::Ui
