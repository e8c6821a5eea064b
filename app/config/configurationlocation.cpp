// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "configurationlocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Config
{

DirectoryFacts inspectDirectory(const QString &path)
{
    DirectoryFacts facts;
    struct stat st{};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        return facts;
    }
    facts.exists = true;
    facts.isSymbolicLink = S_ISLNK(st.st_mode);
    facts.isDirectory = S_ISDIR(st.st_mode);
    facts.owner = st.st_uid;
    facts.mode = st.st_mode & 07777;
    return facts;
}

QString userName(uid_t uid)
{
    struct passwd entry{};
    struct passwd *found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found && found->pw_name) {
        return QString::fromLocal8Bit(found->pw_name);
    }
    return u"uid %1"_s.arg(uid);
}

WriterDecision decideWriter(const QString &path, const DirectoryFacts &facts, uid_t user, const std::function<QString(uid_t)> &nameOf)
{
    const auto refuse = [](QString reason) {
        return WriterDecision{Writer::Refused, std::move(reason)};
    };
    if (!QDir::isAbsolutePath(path) || path.split(u'/').contains(u".."_s)) {
        return refuse(u"“%1” is not an absolute path without “..”."_s.arg(path));
    }
    if (!facts.exists) {
        return refuse(u"The configuration directory %1 does not exist."_s.arg(path));
    }
    if (facts.isSymbolicLink) {
        return refuse(u"%1 is a symbolic link. Name the directory it points at instead, so that it cannot be pointed elsewhere later."_s.arg(path));
    }
    if (!facts.isDirectory) {
        return refuse(u"%1 is not a directory."_s.arg(path));
    }
    if ((facts.mode & S_IWOTH) != 0) {
        return refuse(u"%1 may be written by every user, so anyone could change the system it builds. Make it writable by its owner only."_s.arg(path));
    }
    if ((facts.mode & S_IWGRP) != 0) {
        return refuse(
            u"%1 may be written by its group as well as by %2, so others could change the system it builds. Make it writable by its owner only (chmod g-w)."_s
                .arg(path, nameOf(facts.owner)));
    }
    if (facts.owner == 0) {
        return {Writer::Helper, {}};
    }
    if (facts.owner == user) {
        return {Writer::User, {}};
    }
    return refuse(u"%1 belongs to %2, not to you (%3) and not to root. Snowpane edits only your own configuration or root's."_s.arg(path,
                                                                                                                                    nameOf(facts.owner),
                                                                                                                                    nameOf(user)));
}

WriterDecision whoWrites(const QString &path, uid_t user)
{
    return decideWriter(path, inspectDirectory(path), user);
}

namespace
{

// A local directory named by an nh flake reference: a path, `path:P` or `git+file:P`, with `?…` and `#host` removed.
bool parseFlakeReference(QString reference, const QString &home, QString *directory, QString *host)
{
    const qsizetype hash = reference.indexOf(u'#');
    if (hash >= 0) {
        *host = reference.mid(hash + 1);
        reference.truncate(hash);
    }
    const qsizetype query = reference.indexOf(u'?');
    if (query >= 0) {
        reference.truncate(query);
    }
    for (const QString prefix : {u"git+file://"_s, u"git+file:"_s, u"path:"_s}) {
        if (reference.startsWith(prefix)) {
            reference = reference.mid(prefix.size());
            break;
        }
    }
    if (reference == u"~"_s || reference.startsWith(u"~/"_s)) {
        if (home.isEmpty()) {
            return false;
        }
        reference = home + reference.mid(1);
    }
    // github:, https:, a registry name or a relative path: not a directory on this machine.
    if (!reference.startsWith(u'/')) {
        return false;
    }
    *directory = QDir::cleanPath(reference);
    return true;
}

void addCandidate(std::vector<Candidate> &found, const QString &named, Candidate::Kind kind, const QString &host, const QString &source)
{
    const QFileInfo info(named);
    const QString real = info.canonicalFilePath();
    if (real.isEmpty() || !QFileInfo(real).isDir()) {
        return;
    }
    for (Candidate &candidate : found) {
        if (candidate.directory == real) {
            candidate.sources.append(source);
            if (candidate.host.isEmpty()) {
                candidate.host = host;
            }
            // A flake wins: it is what nixos-rebuild uses when both files exist.
            if (kind == Candidate::Kind::Flake) {
                candidate.kind = kind;
            }
            return;
        }
    }
    Candidate candidate;
    candidate.directory = real;
    candidate.kind = kind;
    candidate.host = host;
    candidate.sources = {source};
    if (QDir::cleanPath(named) != real) {
        candidate.linkedFrom = QDir::cleanPath(named);
    }
    found.push_back(candidate);
}

bool isFile(const QString &path)
{
    return QFileInfo(path).isFile();
}

} // namespace

std::vector<Candidate> findCandidates(const QHash<QString, QString> &environment, const QString &etcNixos)
{
    std::vector<Candidate> found;
    if (isFile(etcNixos + u"/flake.nix"_s)) {
        addCandidate(found, etcNixos, Candidate::Kind::Flake, {}, etcNixos + u"/flake.nix"_s);
    }
    if (isFile(etcNixos + u"/configuration.nix"_s)) {
        addCandidate(found, etcNixos, Candidate::Kind::Classic, {}, etcNixos + u"/configuration.nix"_s);
    }
    // NIXOS_CONFIG names the entry file (…/configuration.nix) or a directory holding default.nix or configuration.nix.
    const QString nixosConfig = environment.value(u"NIXOS_CONFIG"_s);
    if (QDir::isAbsolutePath(nixosConfig)) {
        const QFileInfo info(nixosConfig);
        if (info.isFile() && nixosConfig.endsWith(u".nix"_s)) {
            addCandidate(found, info.absolutePath(), Candidate::Kind::Classic, {}, u"NIXOS_CONFIG"_s);
        } else if (info.isDir() && (isFile(nixosConfig + u"/configuration.nix"_s) || isFile(nixosConfig + u"/default.nix"_s))) {
            addCandidate(found, nixosConfig, Candidate::Kind::Classic, {}, u"NIXOS_CONFIG"_s);
        }
    }
    const QString home = environment.value(u"HOME"_s);
    for (const QString variable : {u"NH_OS_FLAKE"_s, u"NH_FLAKE"_s}) {
        QString directory;
        QString host;
        if (parseFlakeReference(environment.value(variable).trimmed(), home, &directory, &host) && isFile(directory + u"/flake.nix"_s)) {
            addCandidate(found, directory, Candidate::Kind::Flake, host, variable);
        }
    }
    return found;
}

std::vector<Candidate> findCandidates()
{
    QHash<QString, QString> environment;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"NIXOS_CONFIG"_s, u"NH_OS_FLAKE"_s, u"NH_FLAKE"_s, u"HOME"_s}) {
        if (system.contains(name)) {
            environment.insert(name, system.value(name));
        }
    }
    return findCandidates(environment);
}

}
