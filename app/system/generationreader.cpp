// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "generationreader.h"
#include "closurereader.h"
#include "generationcleanup.h"
#include "systemcontents.h"
#include "systemlogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

#include <dirent.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

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
    SystemLinkResolver resolver;
    return readGeneration(linkPath, number, resolver);
}

Generation GenerationReader::readGeneration(const QString &linkPath, int number, SystemLinkResolver &resolver)
{
    Generation generation;
    generation.number = number;
    generation.date = linkTime(linkPath);
    const SystemLinkResolver::Resolved resolved = resolver.resolve(linkPath);
    generation.storePath = resolved.storePath;
    if (generation.storePath.isEmpty()) {
        generation.problem = u"The link points to %1, which does not exist (was it garbage-collected?)."_s.arg(resolved.target);
        return generation;
    }
    const SystemContents contents = systemContentsOf(generation.storePath);
    generation.nixosVersion = contents.nixosVersion;
    generation.kernelVersion = contents.kernelVersion;
    generation.configurationRevision = contents.configurationRevision;
    generation.specialisations = contents.specialisations;
    if (generation.nixosVersion.isEmpty()) {
        generation.problem = u"This generation has no nixos-version file; it may not be a NixOS system."_s;
    }
    return generation;
}

QList<std::pair<int, QString>> GenerationReader::generationLinks() const
{
    const QFileInfo profile(m_profilePath);
    const QString profileName = profile.fileName();
    QList<std::pair<int, QString>> links;
    // readdir rather than QDir: a profile of 1,000 generations is listed with
    // a few getdents calls, without a stat per entry.
    DIR *directory = ::opendir(QFile::encodeName(profile.absolutePath()).constData());
    if (!directory) {
        return links;
    }
    while (const dirent *entry = ::readdir(directory)) {
        const QString name = QFile::decodeName(entry->d_name);
        if (const int number = generationNumberOfLink(name, profileName); number > 0) {
            links.append({number, name});
        }
    }
    ::closedir(directory);
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
    SystemLinkResolver resolver;
    for (const auto &[number, name] : generationLinks()) {
        Generation generation = readGeneration(directory.filePath(name), number, resolver);
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

QList<CleanupCandidate> cleanupCandidatesOf(const QList<Generation> &generations)
{
    QList<CleanupCandidate> candidates;
    candidates.reserve(generations.size());
    for (const Generation &generation : generations) {
        candidates.append({generation.number, generation.date, generation.storePath});
    }
    return candidates;
}

} // namespace Snowpane::System
