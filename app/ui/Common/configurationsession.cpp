// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/configurationsession.h"

#include "Common/configvalues.h"
#include "Common/flakehostlist.h"
#include "Settings/configurationplace.h"
#include "commitmessage.h"
#include "definitions.h"
#include "hostevaluation.h"
#include "snowpanesettings.h"
#include "uilogging.h"
#include "unifieddiff.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace
{

const Snowpane::Config::OptionPath systemPackages{"environment", "systemPackages"};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

std::optional<Snowpane::Config::OptionPath> optionPath(const QString &option)
{
    return Snowpane::Config::parseOptionPath(option.toStdString());
}

// An `….enable` option set to true or false: what people call enabling or disabling a service.
std::optional<bool> enableSwitch(const Snowpane::Config::Operation &operation)
{
    if (operation.kind != Snowpane::Config::Operation::Kind::Set || operation.path.back() != "enable") {
        return std::nullopt;
    }
    if (operation.argument == "true" || operation.argument == "false") {
        return operation.argument == "true";
    }
    return std::nullopt;
}

QString describe(const Snowpane::Config::Operation &operation)
{
    const QString path = fromStd(Snowpane::Config::formatAttrPath(operation.path));
    const QString argument = fromStd(operation.argument);
    switch (operation.kind) {
    case Snowpane::Config::Operation::Kind::Set:
        if (const std::optional<bool> enabled = enableSwitch(operation)) {
            const QString owner = fromStd(Snowpane::Config::formatAttrPath({operation.path.begin(), operation.path.end() - 1}));
            return *enabled ? QCoreApplication::translate("ConfigurationSession", "Enable %1").arg(owner)
                            : QCoreApplication::translate("ConfigurationSession", "Disable %1").arg(owner);
        }
        return QCoreApplication::translate("ConfigurationSession", "Set %1 to %2").arg(path, argument);
    case Snowpane::Config::Operation::Kind::Unset:
        return QCoreApplication::translate("ConfigurationSession", "Remove the setting %1").arg(path);
    case Snowpane::Config::Operation::Kind::AddPackage:
        return QCoreApplication::translate("ConfigurationSession", "Add the package %1").arg(argument);
    case Snowpane::Config::Operation::Kind::RemovePackage:
        break;
    }
    return QCoreApplication::translate("ConfigurationSession", "Remove the package %1").arg(argument);
}

int countLines(const QString &diff, QChar sign)
{
    int count = 0;
    for (const QStringView line : QStringTokenizer(diff, u'\n')) {
        if (line.startsWith(sign) && !line.startsWith(QString(3, sign))) {
            ++count;
        }
    }
    return count;
}

} // namespace

ConfigurationSession *ConfigurationSession::self()
{
    static QPointer<ConfigurationSession> instance;
    if (!instance) {
        instance = new ConfigurationSession(QCoreApplication::instance());
    }
    return instance;
}

ConfigurationSession *ConfigurationSession::create(QQmlEngine *, QJSEngine *)
{
    ConfigurationSession *session = self();
    QJSEngine::setObjectOwnership(session, QJSEngine::CppOwnership);
    return session;
}

ConfigurationSession::ConfigurationSession(QObject *parent)
    : QObject(parent)
{
    reload();
}

void ConfigurationSession::reload()
{
    m_directory = SnowpaneSettings::self()->configurationDirectory();
    m_changes.reset();
    m_operationFiles.clear();
    dismissSharedChoice();
    m_loaded.reset();
    m_loadError.clear();
    if (Snowpane::Ui::ConfigurationPlace::self()->needsChoice()) {
        // Nothing names a configuration yet: the person picks one of the places found, none is picked for them.
        m_loadError = QCoreApplication::translate("ConfigurationSession", "No configuration is chosen yet. Settings lists the ones Snowpane found.");
        findSyntaxError();
        Q_EMIT loadedChanged();
        Q_EMIT changesChanged();
        return;
    }
    // A flake's other hosts, from the cache or flake.nix (no Nix here): edits then reach only the chosen host.
    const bool flake = QFileInfo::exists(m_directory + u"/flake.nix"_s);
    const auto loadFor = [this, flake](const std::string &host) {
        const Snowpane::Config::HostScope scope = flake ? Snowpane::Config::cachedScopeFor(m_directory, host) : Snowpane::Config::HostScope{};
        return Snowpane::Config::DocumentSet::load(m_directory.toStdString(), host, scope);
    };
    const std::string chosen = SnowpaneSettings::self()->flakeHost().toStdString();
    Snowpane::Config::DocumentSet set = loadFor(chosen);
    if (!set.ok() && chosen.empty() && flake) {
        // No host chosen, and the flake has several: this machine's own when the flake has it, as
        // nixos-rebuild takes the host name. Not saved: the picker still offers the others.
        Snowpane::Config::DocumentSet own = loadFor(FlakeHostList::thisMachineHost().toStdString());
        if (own.ok()) {
            set = std::move(own);
        }
    }
    if (set.ok()) {
        m_changes = std::make_unique<Snowpane::Config::ChangeSet>(set);
        m_loaded.emplace(std::move(set));
    } else {
        m_loadError =
            QCoreApplication::translate("ConfigurationSession", "The configuration in %1 could not be read: %2").arg(m_directory, fromStd(set.error()));
        qCWarning(SNOWPANE_UI) << m_loadError;
    }
    findSyntaxError();
    Q_EMIT loadedChanged();
    Q_EMIT changesChanged();
}

void ConfigurationSession::useConfiguration(const QString &directory, const QString &host)
{
    SnowpaneSettings *settings = SnowpaneSettings::self();
    settings->setConfigurationDirectory(QDir::cleanPath(directory));
    settings->setFlakeHost(host.trimmed());
    settings->save();
    reload();
}

QString ConfigurationSession::detectedEntry()
{
    const QString etc = u"/etc/nixos"_s;
    if (QFileInfo(etc + u"/flake.nix"_s).isFile()) {
        return etc + u"/flake.nix"_s;
    }
    const QString fromEnvironment = qEnvironmentVariable("NIXOS_CONFIG");
    return fromEnvironment.isEmpty() ? etc + u"/configuration.nix"_s : fromEnvironment;
}

void ConfigurationSession::findSyntaxError()
{
    m_syntaxError = {};
    if (!m_loaded) {
        return;
    }
    for (const Snowpane::Config::Document &document : m_loaded->documents()) {
        for (const Snowpane::Nix::Diagnostic &diagnostic : document.tree->diagnostics()) {
            if (diagnostic.severity != Snowpane::Nix::Severity::Error || diagnostic.kind != Snowpane::Nix::DiagnosticKind::Syntax) {
                continue;
            }
            const auto at = document.tree->locate(diagnostic.offset);
            m_syntaxError = {relativeName(document.path), int(at.line), int(at.column), fromStd(diagnostic.message)};
            return;
        }
    }
}

bool ConfigurationSession::isLoaded() const
{
    return m_loaded.has_value();
}

QString ConfigurationSession::entryFile() const
{
    return m_loaded ? fromStd(m_loaded->entry()) : QString();
}

QString ConfigurationSession::flakeHost() const
{
    return m_loaded ? fromStd(m_loaded->host()) : QString();
}

QStringList ConfigurationSession::files() const
{
    QStringList names;
    if (m_loaded) {
        for (const Snowpane::Config::Document &document : m_loaded->documents()) {
            names.append(relativeName(document.path));
        }
    }
    return names;
}

bool ConfigurationSession::isEditable() const
{
    return m_loaded && m_syntaxError.message.isEmpty();
}

QString ConfigurationSession::relativeName(const std::string &path) const
{
    const QString absolute = fromStd(path);
    const QString relative = QDir(m_directory).relativeFilePath(absolute);
    return relative.startsWith(u"../"_s) ? absolute : relative;
}

const Snowpane::Config::DocumentSet *ConfigurationSession::documents() const
{
    return m_changes ? &m_changes->current() : nullptr;
}

int ConfigurationSession::pendingCount() const
{
    return m_changes ? int(m_changes->operations().size()) : 0;
}

QStringList ConfigurationSession::pendingDescriptions() const
{
    QStringList descriptions;
    if (m_changes) {
        for (const Snowpane::Config::Operation &operation : m_changes->operations()) {
            descriptions.append(describe(operation));
        }
    }
    return descriptions;
}

QList<ChangedFile> ConfigurationSession::changedFiles() const
{
    QList<ChangedFile> list;
    if (!m_changes) {
        return list;
    }
    for (const Snowpane::Config::FileChange &change : m_changes->changedFiles()) {
        const QString name = relativeName(change.path);
        const QString diff = fromStd(Snowpane::Config::unifiedDiff(name.toStdString(), change.before, change.after));
        ChangedFile file;
        file.path = fromStd(change.path);
        // A file the edit creates: git is told of it (intent to add) when it is written, so that a flake sees it.
        file.newFile = change.before.empty() && !QFileInfo::exists(file.path);
        file.name = name;
        file.diff = diff;
        file.added = countLines(diff, u'+');
        file.removed = countLines(diff, u'-');
        list.append(file);
    }
    return list;
}

QList<DeclaredPackage> ConfigurationSession::declaredPackages() const
{
    QList<DeclaredPackage> list;
    if (!m_changes) {
        return list;
    }
    for (const Snowpane::Config::PackageEntry &entry : Snowpane::Config::listPackages(m_changes->current(), systemPackages)) {
        list.append({fromStd(entry.attr), relativeName(entry.file), int(entry.line)});
    }
    return list;
}

bool ConfigurationSession::isDeclaredPackage(const QString &attr) const
{
    if (!m_changes) {
        return false;
    }
    const std::string wanted = attr.toStdString();
    for (const Snowpane::Config::PackageEntry &entry : Snowpane::Config::listPackages(m_changes->current(), systemPackages)) {
        if (entry.attr == wanted) {
            return true;
        }
    }
    return false;
}

QString ConfigurationSession::add(const Snowpane::Config::Operation &operation)
{
    if (!m_changes) {
        return m_loadError;
    }
    if (!isEditable()) {
        return QCoreApplication::translate("ConfigurationSession", "%1 has a syntax error at line %2. Fix it before making changes here.")
            .arg(m_syntaxError.file)
            .arg(m_syntaxError.line);
    }
    const Snowpane::Config::EditResult result = m_changes->add(operation);
    if (!result.ok && result.shared && operation.reach == Snowpane::Config::Operation::Reach::ThisHost) {
        return askSharedChoice(operation, *result.shared, describe(operation));
    }
    if (!result.ok) {
        return fromStd(result.error);
    }
    std::vector<std::string> touched;
    for (const Snowpane::Config::FileChange &change : result.files) {
        if (change.before != change.after) {
            touched.push_back(change.path);
        }
    }
    if (touched.empty()) {
        // Nothing to change ("already in the list", the value it already has): not a pending edit.
        if (m_changes->operations().size() > m_operationFiles.size()) {
            (void)m_changes->undo(m_changes->operations().size() - 1);
        }
        return {};
    }
    m_operationFiles.push_back(std::move(touched));
    Q_EMIT changesChanged();
    return {};
}

QString ConfigurationSession::setOptionNix(const QString &option, const QString &nixValue)
{
    const auto path = optionPath(option);
    if (!path) {
        return QCoreApplication::translate("ConfigurationSession", "“%1” is not an option name.").arg(option);
    }
    return add({Snowpane::Config::Operation::Kind::Set, *path, nixValue.toStdString()});
}

QString ConfigurationSession::setOptionValue(const QString &option, const QVariant &value)
{
    const std::optional<QString> nix = nixLiteral(value);
    if (!nix) {
        return QCoreApplication::translate("ConfigurationSession", "This value cannot be written into a configuration file.");
    }
    return setOptionNix(option, *nix);
}

QString ConfigurationSession::unsetOption(const QString &option)
{
    const auto path = optionPath(option);
    if (!path) {
        return QCoreApplication::translate("ConfigurationSession", "“%1” is not an option name.").arg(option);
    }
    return add({Snowpane::Config::Operation::Kind::Unset, *path, {}});
}

QString ConfigurationSession::addPackage(const QString &attr)
{
    return add({Snowpane::Config::Operation::Kind::AddPackage, systemPackages, attr.toStdString()});
}

QString ConfigurationSession::removePackage(const QString &attr)
{
    return add({Snowpane::Config::Operation::Kind::RemovePackage, systemPackages, attr.toStdString()});
}

QString ConfigurationSession::discardChange(int index)
{
    if (!m_changes || index < 0 || index >= pendingCount()) {
        return QCoreApplication::translate("ConfigurationSession", "There is no such change.");
    }
    const std::string error = m_changes->undo(std::size_t(index));
    if (!error.empty()) {
        return fromStd(error);
    }
    m_operationFiles.erase(m_operationFiles.begin() + index);
    Q_EMIT changesChanged();
    return {};
}

QString ConfigurationSession::discardFile(const QString &path)
{
    const std::string wanted = path.toStdString();
    // From the newest, so that each undo leaves the older edits in place.
    for (int index = pendingCount() - 1; index >= 0; --index) {
        const auto &touched = m_operationFiles[std::size_t(index)];
        if (std::find(touched.begin(), touched.end(), wanted) == touched.end()) {
            continue;
        }
        if (QString error = discardChange(index); !error.isEmpty()) {
            return error;
        }
    }
    return {};
}

void ConfigurationSession::discardAll()
{
    if (m_loaded) {
        m_changes = std::make_unique<Snowpane::Config::ChangeSet>(*m_loaded);
    }
    m_operationFiles.clear();
    Q_EMIT changesChanged();
}

QList<OptionDefinition> ConfigurationSession::definitions(const QString &option) const
{
    QList<OptionDefinition> list;
    const auto path = optionPath(option);
    if (!m_changes || !path) {
        return list;
    }
    const Snowpane::Config::DocumentSet &set = m_changes->current();
    for (const Snowpane::Config::Definition &definition : Snowpane::Config::findDefinitions(set, *path)) {
        const auto &tree = *set.documents()[definition.document].tree;
        const QString source = definition.value != Snowpane::Nix::noNode ? fromStd(std::string(tree.text(definition.value))) : QString();
        list.append({
            .file = relativeName(definition.file),
            .path = fromStd(definition.file),
            .line = int(definition.line),
            .column = int(definition.column),
            .kind = fromStd(Snowpane::Config::definitionKind(definition)),
            .source = source,
            .editable = definition.editable,
            .partial = definition.partial,
            .reason = fromStd(definition.reason),
            .value = definition.read.isLiteral() ? Snowpane::Ui::toVariant(definition.read) : QVariant(),
        });
    }
    return list;
}

QVariant ConfigurationSession::literalValue(const QString &option) const
{
    const auto path = optionPath(option);
    if (!m_changes || !path) {
        return {};
    }
    const std::vector<Snowpane::Config::Definition> found = Snowpane::Config::findDefinitions(m_changes->current(), *path);
    if (found.size() != 1 || !found.front().editable || found.front().partial || !found.front().read.isLiteral()) {
        return {};
    }
    return Snowpane::Ui::toVariant(found.front().read);
}

std::optional<QString> ConfigurationSession::nixLiteral(const QVariant &value)
{
    const std::optional<Snowpane::Config::Value> converted = Snowpane::Ui::fromVariant(value);
    if (!converted) {
        return std::nullopt;
    }
    return fromStd(Snowpane::Config::toNix(*converted));
}

std::vector<std::pair<QString, QString>> ConfigurationSession::pendingFiles(QString *error) const
{
    std::vector<std::pair<QString, QString>> files;
    if (!m_changes) {
        return files;
    }
    for (const Snowpane::Config::FileChange &change : m_changes->changedFiles()) {
        const QString name = relativeName(change.path);
        if (QDir::isAbsolutePath(name)) {
            if (error) {
                *error = QCoreApplication::translate("ConfigurationSession", "%1 lies outside the configuration directory %2, so Snowpane cannot save it.")
                             .arg(name, m_directory);
            }
            return {};
        }
        files.emplace_back(name, fromStd(change.after));
    }
    return files;
}

QString ConfigurationSession::commitMessage() const
{
    Snowpane::System::ChangeSet summary;
    if (!m_changes) {
        return {};
    }
    for (const Snowpane::Config::Operation &operation : m_changes->operations()) {
        const QString path = fromStd(Snowpane::Config::formatAttrPath(operation.path));
        const QString argument = fromStd(operation.argument);
        using Kind = Snowpane::System::ChangeSet::OptionChange::Kind;
        switch (operation.kind) {
        case Snowpane::Config::Operation::Kind::Set: {
            const std::optional<bool> enabled = enableSwitch(operation);
            const Kind kind = !enabled ? Kind::Set : (*enabled ? Kind::Enabled : Kind::Disabled);
            summary.options.append({path, kind, argument, {}});
            break;
        }
        case Snowpane::Config::Operation::Kind::Unset:
            summary.options.append({path, Kind::Unset, {}, {}});
            break;
        case Snowpane::Config::Operation::Kind::AddPackage:
            summary.packagesAdded.append(argument);
            break;
        case Snowpane::Config::Operation::Kind::RemovePackage:
            summary.packagesRemoved.append(argument);
            break;
        }
    }
    return Snowpane::System::commitMessage(summary);
}
