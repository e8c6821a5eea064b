// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Updates/updatetexts.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

// The sentences keep the translation context of the Updates page's controller, which showed them before they moved here.

namespace Snowpane::Ui::UpdateTexts
{

QString shortRevision(const QString &revision)
{
    return revision.left(7);
}

QString dateText(const QDateTime &date)
{
    // The translation gives the order its language uses.
    return date.isValid()
        ? QLocale().toString(date.toLocalTime().date(), QCoreApplication::translate("UpdateController", "d MMMM yyyy", "date format of a nixpkgs revision"))
        : QString();
}

QString nixpkgsText(const System::NixpkgsSource &source, const QDateTime &now)
{
    if (!source.date.isValid()) {
        return source.revision.isEmpty() ? QString()
                                         : QCoreApplication::translate("UpdateController", "nixpkgs at revision %1").arg(shortRevision(source.revision));
    }
    const qint64 days = std::max<qint64>(0, source.date.daysTo(now));
    return QCoreApplication::translate("UpdateController", "nixpkgs from %1, %n day(s) old", nullptr, int(days)).arg(dateText(source.date));
}

QString changeText(const Privileged::SourceChange &change)
{
    // "bc3c6a1, 20 November 2024": whatever is known of one side.
    const auto side = [](const QString &revision, const QDateTime &date) {
        const QStringList parts = QStringList{shortRevision(revision), dateText(date)}.filter(QRegularExpression(u"."_s));
        return parts.isEmpty() ? QCoreApplication::translate("UpdateController", "unknown", "revision") : parts.join(u", "_s);
    };
    return QCoreApplication::translate("UpdateController", "%1 → %2", "old and new revision with dates")
        .arg(side(change.revisionBefore, change.dateBefore), side(change.revisionAfter, change.dateAfter));
}

QString kernelText(const QString &before, const QString &after)
{
    if (!after.isEmpty() && before != after) {
        return QCoreApplication::translate("UpdateController", "%1 → %2", "kernel version before and after")
            .arg(before.isEmpty() ? QCoreApplication::translate("UpdateController", "unknown", "kernel version") : before, after);
    }
    return after.isEmpty() ? QCoreApplication::translate("UpdateController", "unknown", "kernel version")
                           : QCoreApplication::translate("UpdateController", "%1, unchanged", "kernel version").arg(after);
}

QString packageSummary(int upgraded, int downgraded, int added, int removed)
{
    QStringList parts;
    if (upgraded > 0) {
        parts.append(QCoreApplication::translate("UpdateController", "%n package(s) upgraded", "part of a list of package changes", upgraded));
    }
    if (downgraded > 0) {
        parts.append(QCoreApplication::translate("UpdateController", "%n downgraded", "part of a list of package changes: packages downgraded", downgraded));
    }
    if (added > 0) {
        parts.append(QCoreApplication::translate("UpdateController", "%n added", "part of a list of package changes: packages added", added));
    }
    if (removed > 0) {
        parts.append(QCoreApplication::translate("UpdateController", "%n removed", "part of a list of package changes: packages removed", removed));
    }
    if (parts.isEmpty()) {
        return QCoreApplication::translate("UpdateController", "Newer sources, but no package versions change.");
    }
    return QCoreApplication::translate("UpdateController", "%1.", "a sentence made of the list of package changes").arg(QLocale().createSeparatedList(parts));
}

QString lastCheckedText(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return QCoreApplication::translate("UpdateController", "Never checked for updates");
    }
    const qint64 seconds = std::max<qint64>(0, when.secsTo(now));
    if (seconds < 60) {
        return QCoreApplication::translate("UpdateController", "Last checked just now");
    }
    if (seconds < 3600) {
        return QCoreApplication::translate("UpdateController", "Last checked %n minute(s) ago", nullptr, int(seconds / 60));
    }
    if (seconds < 86400) {
        return QCoreApplication::translate("UpdateController", "Last checked %n hour(s) ago", nullptr, int(seconds / 3600));
    }
    return QCoreApplication::translate("UpdateController", "Last checked %n day(s) ago", nullptr, int(seconds / 86400));
}

}
