// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "fakeprofile.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>
#include <sys/time.h>

using namespace Qt::StringLiterals;

namespace
{

bool writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions = {})
{
    if (!QDir().mkpath(QFileInfo(path).path())) {
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        return false;
    }
    return permissions == QFile::Permissions() || file.setPermissions(permissions);
}

// nix-env dates a generation by its link's own mtime, so the fake must too.
bool setLinkTime(const QString &path, const QDateTime &date)
{
    const qint64 seconds = date.toSecsSinceEpoch();
    const timeval times[2] = {{seconds, 0}, {seconds, 0}};
    return lutimes(QFile::encodeName(path).constData(), times) == 0;
}

} // namespace

FakeProfile::FakeProfile(QString root)
    : m_root(std::move(root))
{
}

bool FakeProfile::fail(const QString &message)
{
    m_error = message;
    return false;
}

QString FakeProfile::profilePath() const
{
    return m_root + u"/profiles/system"_s;
}

QString FakeProfile::storePathOf(int number) const
{
    return m_root + u"/store/%1-nixos-system-gen%1"_s.arg(number);
}

bool FakeProfile::addGeneration(const GenerationSpec &spec)
{
    const QString store = storePathOf(spec.number);
    if (!writeFile(store + u"/nixos-version"_s, spec.nixosVersion.toUtf8() + '\n')) {
        return fail(u"cannot write %1"_s.arg(store));
    }
    if (!spec.kernelVersion.isEmpty() && !QDir().mkpath(store + u"/kernel-modules/lib/modules/"_s + spec.kernelVersion)) {
        return fail(u"cannot create the kernel modules of %1"_s.arg(store));
    }
    for (const QString &name : spec.specialisations) {
        if (!QDir().mkpath(store + u"/specialisation/"_s + name)) {
            return fail(u"cannot create specialisation %1"_s.arg(name));
        }
    }
    if (!spec.hostName.isEmpty() && !writeFile(store + u"/etc/hostname"_s, spec.hostName.toUtf8() + '\n')) {
        return fail(u"cannot write the host name"_s);
    }
    if (!spec.configurationRevision.isEmpty()) {
        const QByteArray script = "#!/bin/sh\n[ \"$1\" = --configuration-revision ] && echo " + spec.configurationRevision.toUtf8() + "\n";
        if (!writeFile(store + u"/sw/bin/nixos-version"_s, script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
            return fail(u"cannot write nixos-version"_s);
        }
    }
    const QString link = m_root + u"/profiles/system-%1-link"_s.arg(spec.number);
    if (!QDir().mkpath(m_root + u"/profiles"_s) || !QFile::link(store, link)) {
        return fail(u"cannot create %1"_s.arg(link));
    }
    if (spec.date.isValid() && !setLinkTime(link, spec.date)) {
        return fail(u"cannot set the time of %1"_s.arg(link));
    }
    return true;
}

bool FakeProfile::addDanglingGeneration(int number)
{
    const QString link = m_root + u"/profiles/system-%1-link"_s.arg(number);
    if (!QDir().mkpath(m_root + u"/profiles"_s) || !QFile::link(storePathOf(number), link)) {
        return fail(u"cannot create %1"_s.arg(link));
    }
    return true;
}

bool FakeProfile::pointAt(const QString &linkPath, int number)
{
    // The profile link is relative, as nix-env makes it; other links are absolute.
    const QString target = linkPath == profilePath() ? u"system-%1-link"_s.arg(number) : storePathOf(number);
    QFile::remove(linkPath);
    if (!QDir().mkpath(QFileInfo(linkPath).path()) || !QFile::link(target, linkPath)) {
        return fail(u"cannot point %1 at generation %2"_s.arg(linkPath).arg(number));
    }
    return true;
}
