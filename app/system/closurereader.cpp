// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "closurereader.h"
#include "nixstoredatabase.h"
#include "systemlogging.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

// A closure of a large system takes Nix a few seconds at most; a hung
// daemon must not hang the window.
constexpr int commandTimeoutMs = 120000;

struct CommandOutput {
    QByteArray out;
    QString error;
};

CommandOutput runCommand(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        return {{}, u"Cannot run %1: %2"_s.arg(program, process.errorString())};
    }
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(commandTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {{}, u"%1 did not finish in time."_s.arg(program)};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString message = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return {{}, u"%1 %2 failed: %3"_s.arg(program, arguments.join(u' '), message)};
    }
    return {process.readAllStandardOutput(), {}};
}

QStringList lines(const QByteArray &output)
{
    QStringList result;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.isEmpty()) {
            result.append(QString::fromUtf8(line));
        }
    }
    return result;
}

// A profile or a system-N-link stands for the store path it points at; a
// store path itself is kept as given (canonicalising would follow nothing).
QString resolveStorePath(const QString &path)
{
    const QFileInfo info(path);
    if (info.isSymLink()) {
        const QString target = info.canonicalFilePath();
        return target.isEmpty() ? path : target;
    }
    return path;
}

} // namespace

ClosureReader::ClosureReader()
    : ClosureReader(Settings())
{
}

ClosureReader::ClosureReader(Settings settings)
    : m_settings(std::move(settings))
{
}

ClosureReader::~ClosureReader() = default;

namespace
{

// Open connections are kept for the whole process, shared by every reader of
// the same database: opening one and filling its page cache costs about half
// a millisecond per closure, and the app opens readers for each page it shows.
// A connection between queries holds no lock and no snapshot, so Nix writes
// and checkpoints as usual.
struct ConnectionPool {
    QMutex mutex;
    std::map<QString, std::vector<std::unique_ptr<NixStoreDatabase>>> idle;
};

ConnectionPool &connectionPool()
{
    static ConnectionPool pool;
    return pool;
}

} // namespace

std::unique_ptr<NixStoreDatabase> ClosureReader::takeDatabase()
{
    {
        ConnectionPool &pool = connectionPool();
        const QMutexLocker locker(&pool.mutex);
        std::vector<std::unique_ptr<NixStoreDatabase>> &idle = pool.idle[m_settings.databasePath];
        if (!idle.empty()) {
            std::unique_ptr<NixStoreDatabase> database = std::move(idle.back());
            idle.pop_back();
            return database;
        }
    }
    return std::make_unique<NixStoreDatabase>(m_settings.databasePath);
}

void ClosureReader::returnDatabase(std::unique_ptr<NixStoreDatabase> database)
{
    // A few idle connections serve the usual pair of closures; more would
    // only hold file handles. One that failed to open is not kept: the next
    // reader tries afresh (the database may be readable by then).
    constexpr size_t maxIdle = 4;
    if (!database->isOpen()) {
        return;
    }
    ConnectionPool &pool = connectionPool();
    const QMutexLocker locker(&pool.mutex);
    std::vector<std::unique_ptr<NixStoreDatabase>> &idle = pool.idle[m_settings.databasePath];
    if (idle.size() < maxIdle) {
        idle.push_back(std::move(database));
    }
}

Closure ClosureReader::closure(const QString &path)
{
    const QString storePath = resolveStorePath(path);
    {
        const QMutexLocker locker(&m_mutex);
        if (const auto cached = m_closures.constFind(storePath); cached != m_closures.cend()) {
            return *cached;
        }
    }
    // No lock while reading: two threads may read the same closure once
    // each, which costs time but gives the same answer.
    Closure result;
    if (m_settings.method != Method::CommandsOnly) {
        std::unique_ptr<NixStoreDatabase> database = takeDatabase();
        result = database->closure(storePath);
        returnDatabase(std::move(database));
        if (!result.isValid()) {
            qCDebug(SNOWPANE_SYSTEM) << "closure from the database failed:" << result.error;
        }
    }
    if (m_settings.method == Method::CommandsOnly || (m_settings.method == Method::Automatic && !result.isValid())) {
        result = closureFromCommands(storePath);
    }
    if (result.isValid()) {
        const QMutexLocker locker(&m_mutex);
        m_closures.insert(storePath, result);
    }
    return result;
}

References ClosureReader::references(const QString &path)
{
    const QString storePath = resolveStorePath(path);
    {
        const QMutexLocker locker(&m_mutex);
        if (const auto cached = m_references.constFind(storePath); cached != m_references.cend()) {
            return *cached;
        }
    }
    References result;
    if (m_settings.method != Method::CommandsOnly) {
        std::unique_ptr<NixStoreDatabase> database = takeDatabase();
        result = database->references(storePath);
        returnDatabase(std::move(database));
    }
    if (m_settings.method == Method::CommandsOnly || (m_settings.method == Method::Automatic && !result.error.isEmpty())) {
        result = referencesFromCommands(storePath);
    }
    if (result.error.isEmpty()) {
        const QMutexLocker locker(&m_mutex);
        m_references.insert(storePath, result);
    }
    return result;
}

Closure ClosureReader::closureFromCommands(const QString &storePath) const
{
    Closure result;
    result.root = storePath;
    result.source = Closure::Source::Commands;
    const CommandOutput requisites = runCommand(m_settings.nixStoreProgram, {u"--query"_s, u"--requisites"_s, storePath});
    if (!requisites.error.isEmpty()) {
        result.error = requisites.error;
        return result;
    }
    QStringList paths = lines(requisites.out);
    // Sizes for all paths in one process; the list goes through stdin so
    // that a large closure never meets the argument-length limit.
    const CommandOutput info = runCommand(m_settings.nixProgram,
                                          {u"--extra-experimental-features"_s, u"nix-command"_s, u"path-info"_s, u"--json"_s, u"--stdin"_s},
                                          paths.join(u'\n').toUtf8() + '\n');
    if (!info.error.isEmpty()) {
        result.error = info.error;
        return result;
    }
    QHash<QString, qint64> sizes;
    const QJsonDocument document = QJsonDocument::fromJson(info.out);
    if (document.isObject()) {
        // Nix 2.19 and later: an object keyed by store path.
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            sizes.insert(it.key(), it.value().toObject().value(u"narSize"_s).toInteger());
        }
    } else {
        // Older Nix: an array of objects with a "path" field.
        for (const QJsonValue &entry : document.array()) {
            const QJsonObject object = entry.toObject();
            sizes.insert(object.value(u"path"_s).toString(), object.value(u"narSize"_s).toInteger());
        }
    }
    std::ranges::sort(paths);
    for (const QString &path : std::as_const(paths)) {
        const qint64 size = sizes.value(path, -1);
        if (size < 0) {
            result.error = u"nix path-info did not report %1."_s.arg(path);
            result.paths.clear();
            result.totalNarSize = 0;
            return result;
        }
        result.paths.append({path, size});
        result.totalNarSize += size;
    }
    return result;
}

References ClosureReader::referencesFromCommands(const QString &storePath) const
{
    References result;
    const CommandOutput output = runCommand(m_settings.nixStoreProgram, {u"--query"_s, u"--references"_s, storePath});
    if (!output.error.isEmpty()) {
        result.error = output.error;
        return result;
    }
    result.paths = lines(output.out);
    result.paths.removeAll(storePath);
    std::ranges::sort(result.paths);
    return result;
}

qsizetype ClosureReader::cachedClosureCount() const
{
    const QMutexLocker locker(&m_mutex);
    return m_closures.size();
}

void ClosureReader::clearCache()
{
    const QMutexLocker locker(&m_mutex);
    m_closures.clear();
    m_references.clear();
}

} // namespace Snowpane::System
