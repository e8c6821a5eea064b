// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "generationcleanup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

QString ProtectedSystems::reasonToKeep(const CleanupCandidate &generation) const
{
    if (generation.number == currentGeneration) {
        return u"the current generation"_s;
    }
    // A dangling link has no system, so it cannot be the booted or running one.
    if (!generation.storePath.isEmpty() && generation.storePath == bootedStorePath) {
        return u"the system the machine booted"_s;
    }
    if (!generation.storePath.isEmpty() && generation.storePath == runningStorePath) {
        return u"the running system"_s;
    }
    return {};
}

namespace
{

QList<CleanupCandidate> newestFirst(const QList<CleanupCandidate> &generations)
{
    QList<CleanupCandidate> sorted = generations;
    std::ranges::sort(sorted, std::ranges::greater{}, &CleanupCandidate::number);
    return sorted;
}

// Whether the rule alone (protection aside) selects the generation at `position` in newest-first order.
bool ruleSelects(const CleanupCandidate &generation, qsizetype position, CleanupRule rule, int count, const QDateTime &now)
{
    if (count < 1) {
        return false;
    }
    if (rule == CleanupRule::KeepLast) {
        return position >= count;
    }
    return generation.date.isValid() && generation.date < now.addDays(-count);
}

} // namespace

QList<int> generationsRemovedBy(const QList<CleanupCandidate> &generations, const ProtectedSystems &kept, CleanupRule rule, int count, const QDateTime &now)
{
    const QList<CleanupCandidate> sorted = newestFirst(generations);
    QList<int> removed;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (kept.reasonToKeep(sorted[i]).isEmpty() && ruleSelects(sorted[i], i, rule, count, now)) {
            removed.append(sorted[i].number);
        }
    }
    std::ranges::sort(removed);
    return removed;
}

QString refusalToDelete(const QList<int> &requested,
                        const QList<CleanupCandidate> &generations,
                        const ProtectedSystems &kept,
                        CleanupRule rule,
                        int count,
                        const QDateTime &now)
{
    if (count < 1) {
        return u"the rule's number must be at least 1"_s;
    }
    const QList<CleanupCandidate> sorted = newestFirst(generations);
    QSet<int> seen;
    for (int number : requested) {
        if (seen.contains(number)) {
            return u"generation %1 is named twice"_s.arg(number);
        }
        seen.insert(number);
        const auto found = std::ranges::find(sorted, number, &CleanupCandidate::number);
        if (found == sorted.cend()) {
            return u"generation %1 does not exist"_s.arg(number);
        }
        if (const QString reason = kept.reasonToKeep(*found); !reason.isEmpty()) {
            return u"generation %1 is %2, which is always kept"_s.arg(number).arg(reason);
        }
        if (!ruleSelects(*found, found - sorted.cbegin(), rule, count, now)) {
            if (rule == CleanupRule::KeepLast) {
                return u"generation %1 is one of the newest %2, which are kept"_s.arg(number).arg(count);
            }
            const QString date = found->date.isValid() ? found->date.toUTC().toString(Qt::ISODate) : u"an unknown time"_s;
            return u"generation %1 is not older than %2 days: its link dates from %3"_s.arg(number).arg(count).arg(date);
        }
    }
    return {};
}

QDateTime linkTime(const QString &path)
{
    struct stat status{};
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0) {
        return {};
    }
    return QDateTime::fromSecsSinceEpoch(status.st_mtim.tv_sec);
}

int generationNumberOfLink(QStringView name, QStringView profileName)
{
    constexpr QStringView suffix = u"-link";
    if (profileName.isEmpty() || !name.startsWith(profileName) || !name.endsWith(suffix) || name.size() <= profileName.size() + 1 + suffix.size()
        || name[profileName.size()] != u'-') {
        return 0;
    }
    const QStringView digits = name.sliced(profileName.size() + 1, name.size() - profileName.size() - 1 - suffix.size());
    if (digits.size() > 9) {
        return 0;
    }
    int number = 0;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9') {
            return 0;
        }
        number = number * 10 + (c.unicode() - u'0');
    }
    return number;
}

ProfileGenerations listProfileGenerations(const QString &profile)
{
    ProfileGenerations result;
    const QFileInfo profileInfo(profile);
    const QString profileName = profileInfo.fileName();
    const QDir directory(profileInfo.absolutePath());
    if (!directory.exists()) {
        result.error = u"%1 does not exist"_s.arg(directory.path());
        return result;
    }
    const QStringList names = directory.entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        const int number = generationNumberOfLink(name, profileName);
        if (number <= 0) {
            continue;
        }
        const QString path = directory.filePath(name);
        struct stat status{};
        if (::lstat(QFile::encodeName(path).constData(), &status) != 0 || !S_ISLNK(status.st_mode)) {
            continue;
        }
        result.generations.append({number, QDateTime::fromSecsSinceEpoch(status.st_mtim.tv_sec), QFileInfo(path).canonicalFilePath()});
    }
    std::ranges::sort(result.generations, {}, &CleanupCandidate::number);
    const QString target = QFile::symLinkTarget(profile);
    result.current = target.isEmpty() ? 0 : generationNumberOfLink(QFileInfo(target).fileName(), profileName);
    return result;
}

} // namespace Snowpane::System
