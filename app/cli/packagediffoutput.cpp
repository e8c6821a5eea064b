// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "packagediffoutput.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Snowpane::System;

namespace
{

// nvd's markers: how the package's selection (a reference of sw) went.
char selectionMarker(const PackageChange &change)
{
    if (change.selectedBefore && change.selectedAfter) {
        return '*';
    }
    if (change.selectedAfter) {
        return '+';
    }
    if (change.selectedBefore) {
        return '-';
    }
    return '.';
}

char kindMarker(PackageChange::Kind kind)
{
    switch (kind) {
    case PackageChange::Kind::Added:
        return 'A';
    case PackageChange::Kind::Removed:
        return 'R';
    case PackageChange::Kind::Upgraded:
        return 'U';
    case PackageChange::Kind::Downgraded:
        return 'D';
    case PackageChange::Kind::Changed:
        return 'C';
    case PackageChange::Kind::SelectionChanged:
        return 'S';
    }
    return '?';
}

QString versions(const QStringList &list)
{
    QStringList shown = list;
    shown.replaceInStrings(QRegularExpression(u"^$"_s), u"<none>"_s);
    return shown.join(u", "_s);
}

void printSection(const char *title, const QList<const PackageChange *> &changes)
{
    if (changes.isEmpty()) {
        return;
    }
    std::printf("%s\n", title);
    for (const PackageChange *change : changes) {
        QString text;
        switch (change->kind) {
        case PackageChange::Kind::Added:
            text = versions(change->versionsAfter);
            break;
        case PackageChange::Kind::Removed:
        case PackageChange::Kind::SelectionChanged:
            text = versions(change->versionsBefore);
            break;
        default:
            text = versions(change->versionsBefore) + u" -> "_s + versions(change->versionsAfter);
        }
        std::printf("[%c%c] %-32s %s\n", kindMarker(change->kind), selectionMarker(*change), qPrintable(change->pname), qPrintable(text));
    }
}

} // namespace

QString signedSize(qint64 bytes)
{
    const QString size = QLocale::c().formattedDataSize(qAbs(bytes), 1, QLocale::DataSizeTraditionalFormat);
    return (bytes < 0 ? u"-"_s : u"+"_s) + size;
}

QJsonObject packageChangeJson(const PackageChange &change)
{
    return {
        {u"pname"_s, change.pname},
        {u"kind"_s, kindName(change.kind)},
        {u"versionsBefore"_s, QJsonArray::fromStringList(change.versionsBefore)},
        {u"versionsAfter"_s, QJsonArray::fromStringList(change.versionsAfter)},
        {u"selectedBefore"_s, change.selectedBefore},
        {u"selectedAfter"_s, change.selectedAfter},
    };
}

void printPackageChanges(const PackageDiff &diff)
{
    QList<const PackageChange *> versionChanges;
    QList<const PackageChange *> added;
    QList<const PackageChange *> removed;
    QList<const PackageChange *> selection;
    for (const PackageChange &change : diff.changes) {
        switch (change.kind) {
        case PackageChange::Kind::Added:
            added.append(&change);
            break;
        case PackageChange::Kind::Removed:
            removed.append(&change);
            break;
        case PackageChange::Kind::SelectionChanged:
            selection.append(&change);
            break;
        default:
            versionChanges.append(&change);
        }
    }
    printSection("Version changes:", versionChanges);
    printSection("Added packages:", added);
    printSection("Removed packages:", removed);
    printSection("Selection state changes:", selection);
    if (diff.changes.isEmpty()) {
        std::printf("No version or selection state changes.\n");
    }
}
