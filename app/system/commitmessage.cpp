// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "commitmessage.h"

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

namespace
{

// git tools show about this much of a subject before cutting it.
constexpr qsizetype subjectLimit = 72;

// services.openssh.enable -> openssh: what an enable option turns on.
QString labelOf(const ChangeSet::OptionChange &change)
{
    if (!change.label.isEmpty()) {
        return change.label;
    }
    const QStringList parts = change.path.split(u'.');
    if (parts.size() >= 2 && parts.last() == u"enable"_s) {
        return parts.at(parts.size() - 2);
    }
    return change.path;
}

QString capitalised(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
    }
    return text;
}

QStringList subjectParts(const ChangeSet &changes)
{
    QStringList enabled;
    QStringList disabled;
    QStringList set;
    QStringList unset;
    for (const ChangeSet::OptionChange &change : changes.options) {
        switch (change.kind) {
        case ChangeSet::OptionChange::Kind::Enabled:
            enabled.append(labelOf(change));
            break;
        case ChangeSet::OptionChange::Kind::Disabled:
            disabled.append(labelOf(change));
            break;
        case ChangeSet::OptionChange::Kind::Set:
            set.append(change.path);
            break;
        case ChangeSet::OptionChange::Kind::Unset:
            unset.append(change.path);
            break;
        }
    }
    QStringList parts;
    if (!enabled.isEmpty()) {
        parts.append(u"enable "_s + enabled.join(u", "_s));
    }
    if (!disabled.isEmpty()) {
        parts.append(u"disable "_s + disabled.join(u", "_s));
    }
    QStringList packages;
    if (!changes.packagesAdded.isEmpty()) {
        packages.append(u"add "_s + changes.packagesAdded.join(u", "_s));
    }
    if (!changes.packagesRemoved.isEmpty()) {
        packages.append(u"remove "_s + changes.packagesRemoved.join(u", "_s));
    }
    if (!packages.isEmpty()) {
        parts.append(packages.join(u", "_s));
    }
    if (!set.isEmpty()) {
        parts.append(u"set "_s + set.join(u", "_s));
    }
    if (!unset.isEmpty()) {
        parts.append(u"reset "_s + unset.join(u", "_s));
    }
    return parts;
}

QString shortSubject(const ChangeSet &changes)
{
    const qsizetype optionCount = changes.options.size();
    const qsizetype packageCount = changes.packagesAdded.size() + changes.packagesRemoved.size();
    QStringList counts;
    if (optionCount > 0) {
        counts.append(optionCount == 1 ? u"1 option"_s : u"%1 options"_s.arg(optionCount));
    }
    if (packageCount > 0) {
        counts.append(packageCount == 1 ? u"1 package"_s : u"%1 packages"_s.arg(packageCount));
    }
    return u"Change "_s + counts.join(u" and "_s);
}

} // namespace

QString commitMessage(const ChangeSet &changes)
{
    const QStringList parts = subjectParts(changes);
    if (parts.isEmpty()) {
        return u"Update the configuration"_s;
    }
    QString subject = capitalised(parts.join(u"; "_s));
    if (subject.size() > subjectLimit) {
        // A full list would be cut mid-word by every git tool; say the first
        // part if it fits, and how much else changed.
        const QString first = capitalised(parts.first());
        subject = parts.size() > 1 && first.size() + 20 <= subjectLimit ? first + u" and other changes"_s : shortSubject(changes);
    }

    QStringList body;
    for (const ChangeSet::OptionChange &change : changes.options) {
        switch (change.kind) {
        case ChangeSet::OptionChange::Kind::Enabled:
            body.append(u"%1 = true"_s.arg(change.path));
            break;
        case ChangeSet::OptionChange::Kind::Disabled:
            body.append(u"%1 = false"_s.arg(change.path));
            break;
        case ChangeSet::OptionChange::Kind::Set:
            body.append(u"%1 = %2"_s.arg(change.path, change.value));
            break;
        case ChangeSet::OptionChange::Kind::Unset:
            body.append(u"%1 removed (back to its default)"_s.arg(change.path));
            break;
        }
    }
    for (const QString &package : changes.packagesAdded) {
        body.append(u"environment.systemPackages: add %1"_s.arg(package));
    }
    for (const QString &package : changes.packagesRemoved) {
        body.append(u"environment.systemPackages: remove %1"_s.arg(package));
    }
    return subject + u"\n\n"_s + body.join(u'\n') + u'\n';
}

} // namespace Snowpane::System
