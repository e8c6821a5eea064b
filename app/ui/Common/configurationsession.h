// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Changes/sharedfilechoice.h"
#include "Common/configurationrecords.h"
#include "changeset.h"
#include "documentset.h"

#include <QObject>
#include <QQmlEngine>

#include <memory>
#include <optional>

/**
 * The person's configuration as the window edits it: the files loaded from
 * the configuration directory in the settings, and the pending edits made by
 * every page (options, packages) on top of them. One instance serves the
 * whole application, so that the Changes page shows what the Options and
 * Packages pages did. Nothing is written here: applying sends the pending
 * texts to the helper (see pendingFiles()), and reload() starts again from
 * the disk once it has written them.
 *
 * Every edit method returns an empty string on success, or a sentence for
 * the person saying why the edit was refused; a refused edit changes nothing.
 */
class ConfigurationSession : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Configuration)
    QML_SINGLETON

    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY loadedChanged)
    Q_PROPERTY(QString directory READ directory NOTIFY loadedChanged)
    Q_PROPERTY(QString entryFile READ entryFile NOTIFY loadedChanged)
    Q_PROPERTY(QString flakeHost READ flakeHost NOTIFY loadedChanged)
    Q_PROPERTY(QStringList files READ files NOTIFY loadedChanged)
    Q_PROPERTY(bool editable READ isEditable NOTIFY loadedChanged)
    Q_PROPERTY(QString syntaxErrorFile READ syntaxErrorFile NOTIFY loadedChanged)
    Q_PROPERTY(int syntaxErrorLine READ syntaxErrorLine NOTIFY loadedChanged)
    Q_PROPERTY(int syntaxErrorColumn READ syntaxErrorColumn NOTIFY loadedChanged)
    Q_PROPERTY(QString syntaxErrorMessage READ syntaxErrorMessage NOTIFY loadedChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changesChanged)
    Q_PROPERTY(QStringList pendingDescriptions READ pendingDescriptions NOTIFY changesChanged)
    Q_PROPERTY(QList<ChangedFile> changedFiles READ changedFiles NOTIFY changesChanged)
    Q_PROPERTY(QList<DeclaredPackage> declaredPackages READ declaredPackages NOTIFY changesChanged)
    /// An edit refused because it would change a file other hosts include, waiting for the person's choice.
    Q_PROPERTY(SharedFileChoice sharedChoice READ sharedChoice NOTIFY sharedChoiceChanged)

public:
    /** The application's one session, created on first use from the settings. */
    [[nodiscard]] static ConfigurationSession *self();
    /** QML's factory for the singleton: the same instance as self(). */
    static ConfigurationSession *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    [[nodiscard]] bool isLoaded() const;
    [[nodiscard]] QString loadError() const
    {
        return m_loadError;
    }
    [[nodiscard]] QString directory() const
    {
        return m_directory;
    }
    [[nodiscard]] QString entryFile() const;
    [[nodiscard]] QString flakeHost() const;
    /** Every loaded file, relative to the directory when inside it. */
    [[nodiscard]] QStringList files() const;
    /** Loaded, and every file parses: edits are allowed. */
    [[nodiscard]] bool isEditable() const;
    [[nodiscard]] QString syntaxErrorFile() const
    {
        return m_syntaxError.file;
    }
    [[nodiscard]] int syntaxErrorLine() const
    {
        return m_syntaxError.line;
    }
    [[nodiscard]] int syntaxErrorColumn() const
    {
        return m_syntaxError.column;
    }
    [[nodiscard]] QString syntaxErrorMessage() const
    {
        return m_syntaxError.message;
    }

    [[nodiscard]] int pendingCount() const;
    /** Each pending edit in words ("Enable services.openssh.enable"), in the order made. */
    [[nodiscard]] QStringList pendingDescriptions() const;
    /** Each file the pending edits change, with its diff. */
    [[nodiscard]] QList<ChangedFile> changedFiles() const;
    /** The packages of environment.systemPackages, pending edits included. */
    [[nodiscard]] QList<DeclaredPackage> declaredPackages() const;

    [[nodiscard]] SharedFileChoice sharedChoice() const
    {
        return m_sharedChoice;
    }
    /** Makes the waiting edit (sharedChoice) in the shared file, for every host that includes it. */
    Q_INVOKABLE QString changeForAllHosts();
    /** Makes the waiting edit as an override in the chosen host's own file, at a priority that wins. */
    Q_INVOKABLE QString overrideForThisHost();
    /** Drops the waiting edit: nothing changes. */
    Q_INVOKABLE void dismissSharedChoice();

    /** Reads the configuration again from the disk; pending edits are dropped. */
    Q_INVOKABLE void reload();
    /** Manages the configuration in @p directory (and flake host @p host) from now on: saves the settings and reloads. */
    Q_INVOKABLE void useConfiguration(const QString &directory, const QString &host);
    /** Where NixOS itself would look for the configuration: `/etc/nixos/flake.nix` or the classic entry. */
    Q_INVOKABLE static QString detectedEntry();

    /** Sets an option to a Nix expression, written as it will appear in the file. */
    Q_INVOKABLE QString setOptionNix(const QString &option, const QString &nixValue);
    /** Sets an option to a value from an editor: bool, number, string, null, or a list or map of those. */
    Q_INVOKABLE QString setOptionValue(const QString &option, const QVariant &value);
    /** Removes every definition of an option, so that its default applies. */
    Q_INVOKABLE QString unsetOption(const QString &option);
    Q_INVOKABLE QString addPackage(const QString &attr);
    Q_INVOKABLE QString removePackage(const QString &attr);
    /** Whether environment.systemPackages names the package, pending edits included. */
    Q_INVOKABLE bool isDeclaredPackage(const QString &attr) const;

    /** Takes back the pending edit at @p index. */
    Q_INVOKABLE QString discardChange(int index);
    /** Takes back every pending edit that changed the file at @p path. */
    Q_INVOKABLE QString discardFile(const QString &path);
    Q_INVOKABLE void discardAll();

    /** Where an option is defined, pending edits included. */
    Q_INVOKABLE QList<OptionDefinition> definitions(const QString &option) const;
    /**
     * The value an editor shows and edits: the typed value of the one
     * editable definition. Invalid when the option is not defined, is
     * defined more than once, or is not a literal.
     */
    Q_INVOKABLE QVariant literalValue(const QString &option) const;

    /** The files an apply must write, relative to the directory, with their new texts; empty with @p error set when one lies outside. */
    [[nodiscard]] std::vector<std::pair<QString, QString>> pendingFiles(QString *error) const;
    /** The commit message that describes the pending edits. */
    [[nodiscard]] QString commitMessage() const;
    /** The documents with every pending edit applied, for readers in C++. */
    [[nodiscard]] const Snowpane::Config::DocumentSet *documents() const;

    /** Converts an editor's value to Nix source, or nothing when it has no Nix form. */
    [[nodiscard]] static std::optional<QString> nixLiteral(const QVariant &value);

Q_SIGNALS:
    void loadedChanged();
    void changesChanged();
    void sharedChoiceChanged();

private:
    explicit ConfigurationSession(QObject *parent = nullptr);

    struct SyntaxError {
        QString file;
        int line = 0;
        int column = 0;
        QString message;
    };

    [[nodiscard]] QString add(const Snowpane::Config::Operation &operation);
    [[nodiscard]] QString
    askSharedChoice(const Snowpane::Config::Operation &operation, const Snowpane::Config::EditResult::SharedFile &shared, const QString &description);
    [[nodiscard]] QString resolveSharedChoice(Snowpane::Config::Operation::Reach reach);
    [[nodiscard]] QString relativeName(const std::string &path) const;
    void findSyntaxError();

    QString m_directory;
    QString m_loadError;
    std::optional<Snowpane::Config::DocumentSet> m_loaded;
    std::unique_ptr<Snowpane::Config::ChangeSet> m_changes;
    /// For each pending operation, the files it changed (absolute paths).
    std::vector<std::vector<std::string>> m_operationFiles;
    SyntaxError m_syntaxError;
    SharedFileChoice m_sharedChoice;
    std::optional<Snowpane::Config::Operation> m_sharedOperation;
};
