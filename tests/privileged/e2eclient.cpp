// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "e2eclient.h"

#include "generationcleanup.h"
#include "generationreader.h"
#include "helperprotocol.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <git2.h>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

using namespace Snowpane::Privileged;

namespace EndToEnd
{

QString linkTarget(const QString &path)
{
    return QFileInfo(path).canonicalFilePath();
}

QStringList activations()
{
    QStringList lines = QString::fromUtf8(readFile(state(u"activations.log"_s))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines;
}

QStringList gitLog()
{
    QProcess git;
    git.start(u"git"_s, {u"-c"_s, u"safe.directory=*"_s, u"-C"_s, configDir(), u"log"_s, u"--format=%H %s"_s});
    git.waitForFinished(30000);
    return QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString configText()
{
    return QString::fromUtf8(readFile(configDir() + u"/configuration.nix"_s));
}

QString describe(const PrivilegedJob &job)
{
    return u"state %1, error %2: %3 [%4:%5:%6]; last lines: %7"_s.arg(int(job.state()))
        .arg(int(job.error()))
        .arg(job.errorMessage(), job.errorFile())
        .arg(job.errorLine())
        .arg(job.errorColumn())
        .arg(job.recentLines().mid(job.recentLines().size() - 8).join(u" | "_s));
}

// A derivation that takes two minutes (or `seconds`) to build, different on every call so Nix never has it already.
QString slowPackage(int seconds)
{
    return u"(derivation { name = \"snowpane-e2e-slow\"; system = builtins.currentSystem; builder = \"/bin/sh\"; "
           "args = [ \"-c\" \"echo slow build %1 starts; /bin/sleep %2; echo done > $out\" ]; })"_s.arg(QDateTime::currentMSecsSinceEpoch())
               .arg(seconds);
}

// Files through which cancelOnlyByItsCaller (the allowed user) and foreignCancel (another user) meet.
QString cancelTargetFile()
{
    return work() + u"/home/cancel-target"_s;
}
QString foreignVerdictFile()
{
    return work() + u"/home/foreign-cancel-verdict"_s;
}

// The helper's cancel method, called directly as any program on the bus could.
// "refused", "accepted", or "error: …" (no such object: the helper has not
// served a request since it was started, so there is nothing to cancel).
QString callCancel(const QString &request)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(Snowpane::Protocol::HelperId),
                                                       QLatin1String(Snowpane::Protocol::Cancel::ObjectPath),
                                                       QLatin1String(Snowpane::Protocol::Cancel::Interface),
                                                       QLatin1String(Snowpane::Protocol::Cancel::Method));
    call << request;
    const QDBusReply<bool> reply = QDBusConnection::systemBus().call(call, QDBus::Block, 30000);
    if (!reply.isValid()) {
        return u"error: "_s + reply.error().name();
    }
    return reply.value() ? u"accepted"_s : u"refused"_s;
}

// KAuth's own stop, which takes no request and is open to every caller: the helper must ignore it.
bool callKAuthStop(const QString &action)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(Snowpane::Protocol::HelperId), u"/"_s, u"org.kde.kf6auth"_s, u"stopAction"_s);
    call << action;
    return QDBusConnection::systemBus().call(call, QDBus::Block, 30000).type() == QDBusMessage::ReplyMessage;
}

QString withPackage(const QString &text, const QString &package)
{
    QString result = text;
    result.replace(u"environment.systemPackages = with pkgs; ["_s, u"environment.systemPackages = with pkgs; [\n    "_s + package);
    return result;
}

QString withTimeZone(const QString &text, const QString &zone)
{
    QString result = text;
    static const QRegularExpression timeZone(u"time\\.timeZone = [^;]*;"_s);
    result.replace(timeZone, u"time.timeZone = %1;"_s.arg(zone));
    return result;
}

// Whether the object database of the repository in `directory` holds a blob of exactly `content`,
// looked up by its hash as git would store it: "present", "absent", or "error: …".
QString blobState(const QString &directory, const QByteArray &content)
{
    git_libgit2_init();
    QString state;
    git_oid id;
    git_odb *odb = nullptr;
    if (git_odb_hash(&id, content.constData(), size_t(content.size()), GIT_OBJECT_BLOB) != 0
        || git_odb_open(&odb, QFile::encodeName(directory + u"/.git/objects"_s).constData()) != 0) {
        const git_error *error = git_error_last();
        state = u"error: "_s + QString::fromUtf8(error && error->message ? error->message : "unknown");
    } else {
        state = git_odb_exists(odb, &id) ? u"present"_s : u"absent"_s;
    }
    git_odb_free(odb);
    git_libgit2_shutdown();
    return state;
}

mode_t modeOf(const QString &path)
{
    struct stat st{};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : mode_t(-1);
}

QString gitIn(const QString &directory, const QStringList &arguments)
{
    QProcess git;
    git.start(u"git"_s, QStringList{u"-c"_s, u"safe.directory=*"_s, u"-C"_s, directory} + arguments);
    git.waitForFinished(30000);
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

// What the window's cleanup dialog lists for a rule (GenerationSpace::planFor): the profile read by the
// window's GenerationReader, the current, booted and running systems, and the rule shared with the helper.
QList<int> windowPreview(const QString &profile, const QString &bootedLink, const QString &runningLink, Snowpane::System::CleanupRule rule, int count)
{
    const Snowpane::System::GenerationReader reader(profile);
    const auto current = reader.readCurrent();
    const Snowpane::System::ProtectedSystems kept{current ? current->number : 0,
                                                  QFileInfo(bootedLink).canonicalFilePath(),
                                                  QFileInfo(runningLink).canonicalFilePath()};
    return Snowpane::System::generationsRemovedBy(Snowpane::System::cleanupCandidatesOf(reader.readAll().generations),
                                                  kept,
                                                  rule,
                                                  count,
                                                  QDateTime::currentDateTime());
}

QStringList generationLinks(const QString &profile)
{
    const QFileInfo info(profile);
    return QDir(info.absolutePath()).entryList({info.fileName() + u"-*-link"_s}, QDir::AllEntries | QDir::System, QDir::Name);
}

bool sleepingBuildersLeft()
{
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        // The builder's shell ("… /bin/sleep 120; …") or the sleep itself ("/bin/sleep\0" "120").
        const QByteArray commandLine = readFile(u"/proc/%1/cmdline"_s.arg(pid));
        if (commandLine.contains("/bin/sleep 120")
            || commandLine.contains(QByteArray("/bin/sleep\0"
                                               "120",
                                               14))) {
            return true;
        }
    }
    return false;
}

}
