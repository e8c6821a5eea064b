// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "generationreader.h"
#include "closurereader.h"
#include "systemlogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

// nixos-version is a one-line file; anything longer is not one.
constexpr qint64 maxVersionFileBytes = 4096;
// The configuration revision comes from running the generation's own
// nixos-version, as nixos-rebuild does; a generation must not hang the caller.
constexpr int nixosVersionTimeoutMs = 5000;

QString readFirstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.read(maxVersionFileBytes)).section(u'\n', 0, 0).trimmed();
}

// QFileInfo follows links; nix-env dates a generation by the link itself
// (store paths all carry mtime 1).
QDateTime linkModificationTime(const QString &path)
{
    struct stat status{};
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0) {
        return {};
    }
    return QDateTime::fromSecsSinceEpoch(status.st_mtim.tv_sec);
}

QStringList entriesOf(const QString &path)
{
    return QDir(path).entryList(QDir::Dirs | QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QString kernelVersionOf(const QString &systemPath)
{
    // kernel-modules is what NixOS activates; the kernel package's own
    // lib/modules is where older nixos-rebuild looked. Either names the version.
    QStringList versions = entriesOf(systemPath + u"/kernel-modules/lib/modules"_s);
    if (versions.isEmpty()) {
        const QString kernelPackage = QFileInfo(QFileInfo(systemPath + u"/kernel"_s).canonicalFilePath()).path();
        if (!kernelPackage.isEmpty()) {
            versions = entriesOf(kernelPackage + u"/lib/modules"_s);
        }
    }
    return versions.value(0);
}

QString runConfigurationRevision(const QString &systemPath)
{
    const QString program = systemPath + u"/sw/bin/nixos-version"_s;
    if (!QFileInfo(program).isExecutable()) {
        return {};
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, {u"--configuration-revision"_s});
    if (!process.waitForFinished(nixosVersionTimeoutMs)) {
        qCWarning(SNOWPANE_SYSTEM) << "nixos-version did not answer in time:" << program;
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput().left(maxVersionFileBytes)).trimmed();
}

// Running nixos-version costs a process per generation; a store path never
// changes, so each is asked once per process.
QString configurationRevisionOf(const QString &systemPath)
{
    static QMutex mutex;
    static QHash<QString, QString> revisions;
    {
        const QMutexLocker locker(&mutex);
        if (const auto it = revisions.constFind(systemPath); it != revisions.cend()) {
            return *it;
        }
    }
    const QString revision = runConfigurationRevision(systemPath);
    const QMutexLocker locker(&mutex);
    revisions.insert(systemPath, revision);
    return revision;
}

} // namespace

GenerationReader::GenerationReader(QString profilePath)
    : m_profilePath(std::move(profilePath))
{
}

void GenerationReader::setSystemLinks(const QString &bootedSystem, const QString &runningSystem)
{
    m_bootedSystem = bootedSystem;
    m_runningSystem = runningSystem;
}

void GenerationReader::setClosureReader(ClosureReader *reader)
{
    m_closureReader = reader;
}

QString GenerationReader::linkPathOf(int number) const
{
    const QFileInfo profile(m_profilePath);
    return profile.dir().filePath(u"%1-%2-link"_s.arg(profile.fileName()).arg(number));
}

QString GenerationReader::currentLinkName() const
{
    return QFileInfo(m_profilePath).symLinkTarget().isEmpty() ? QString() : QFileInfo(QFile::symLinkTarget(m_profilePath)).fileName();
}

Generation GenerationReader::readGeneration(const QString &linkPath, int number)
{
    Generation generation;
    generation.number = number;
    const QFileInfo link(linkPath);
    generation.date = linkModificationTime(linkPath);
    generation.storePath = link.canonicalFilePath();
    if (generation.storePath.isEmpty()) {
        generation.problem = u"The link points to %1, which does not exist (was it garbage-collected?)."_s.arg(link.symLinkTarget());
        return generation;
    }
    generation.nixosVersion = readFirstLine(generation.storePath + u"/nixos-version"_s);
    generation.kernelVersion = kernelVersionOf(generation.storePath);
    generation.configurationRevision = configurationRevisionOf(generation.storePath);
    generation.specialisations = entriesOf(generation.storePath + u"/specialisation"_s);
    if (generation.nixosVersion.isEmpty()) {
        generation.problem = u"This generation has no nixos-version file; it may not be a NixOS system."_s;
    }
    return generation;
}

QList<std::pair<int, QString>> GenerationReader::generationLinks() const
{
    const QFileInfo profile(m_profilePath);
    const QRegularExpression pattern(u"^%1-(\\d+)-link$"_s.arg(QRegularExpression::escape(profile.fileName())));
    QList<std::pair<int, QString>> links;
    const QStringList names = profile.dir().entryList({profile.fileName() + u"-*-link"_s}, QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        bool ok = false;
        const int number = match.hasMatch() ? match.captured(1).toInt(&ok) : 0;
        if (ok && number > 0) {
            links.append({number, name});
        }
    }
    return links;
}

GenerationReader::Result GenerationReader::readAll() const
{
    Result result;
    const QFileInfo profile(m_profilePath);
    const QDir directory = profile.dir();
    if (!directory.exists()) {
        result.error = u"The profile directory %1 does not exist."_s.arg(directory.path());
        return result;
    }
    if (!profile.isSymLink()) {
        result.error = u"%1 is not a Nix profile: it has no generations yet, or it is not a symbolic link."_s.arg(m_profilePath);
        return result;
    }

    const QString current = currentLinkName();
    const QString booted = m_bootedSystem.isEmpty() ? QString() : QFileInfo(m_bootedSystem).canonicalFilePath();
    const QString running = m_runningSystem.isEmpty() ? QString() : QFileInfo(m_runningSystem).canonicalFilePath();
    for (const auto &[number, name] : generationLinks()) {
        Generation generation = readGeneration(directory.filePath(name), number);
        generation.current = (name == current);
        generation.booted = !booted.isEmpty() && generation.storePath == booted;
        generation.running = !running.isEmpty() && generation.storePath == running;
        if (m_closureReader && !generation.storePath.isEmpty()) {
            const Closure closure = m_closureReader->closure(generation.storePath);
            generation.closureSize = closure.isValid() ? closure.totalNarSize : -1;
        }
        result.generations.append(std::move(generation));
    }
    std::ranges::sort(result.generations, std::greater{}, &Generation::number);
    return result;
}

std::optional<Generation> GenerationReader::readCurrent() const
{
    const QString current = currentLinkName();
    const QRegularExpression pattern(u"-(\\d+)-link$"_s);
    const QRegularExpressionMatch match = pattern.match(current);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    Generation generation = readGeneration(QFileInfo(m_profilePath).dir().filePath(current), match.captured(1).toInt());
    generation.current = true;
    return generation;
}

std::optional<int> GenerationReader::generationOfSystem(const QString &systemLink) const
{
    const QString target = QFileInfo(systemLink).canonicalFilePath();
    if (target.isEmpty()) {
        return std::nullopt;
    }
    const QDir directory = QFileInfo(m_profilePath).dir();
    // Newest wins, so that two generations of the same store path (a
    // rollback rebuilt) name the one the user saw last.
    int best = 0;
    for (const auto &[number, name] : generationLinks()) {
        if (QFileInfo(directory.filePath(name)).canonicalFilePath() == target) {
            best = std::max(best, number);
        }
    }
    return best > 0 ? std::optional<int>(best) : std::nullopt;
}

} // namespace Snowpane::System
