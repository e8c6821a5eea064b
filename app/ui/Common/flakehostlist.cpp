// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Common/flakehostlist.h"

#include "Common/configurationsession.h"
#include "Settings/configurationplace.h"
#include "hostevaluation.h"
#include "snowpanesettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace
{

QString flakeDirectory()
{
    const QString directory = SnowpaneSettings::self()->configurationDirectory();
    return QFileInfo::exists(directory + u"/flake.nix"_s) ? directory : QString();
}

QStringList toQt(const std::vector<std::string> &names)
{
    QStringList out;
    for (const std::string &n : names) {
        out.append(QString::fromStdString(n));
    }
    return out;
}

} // namespace

FlakeHostList::FlakeHostList(QObject *parent)
    : QObject(parent)
{
    readQuickly();
    // Another configuration, or another host chosen (here or in Settings): the list and the marks follow.
    connect(ConfigurationSession::self(), &ConfigurationSession::loadedChanged, this, [this] {
        readQuickly();
        Q_EMIT changed();
    });
}

FlakeHostList::~FlakeHostList()
{
    // Nix runs with a bounded wait; the thread must not outlive the object it reports to.
    if (m_thread) {
        m_thread->wait();
    }
}

void FlakeHostList::readQuickly()
{
    const QString flake = flakeDirectory();
    if (flake.isEmpty()) {
        m_hosts.clear();
        m_reading.clear();
        m_why.clear();
        return;
    }
    // Cache or flake.nix: never Nix on the way to the first frame.
    const Snowpane::Config::HostList list = Snowpane::Config::listHosts(flake, QProcessEnvironment::systemEnvironment(), true, false);
    m_hosts = toQt(list.hosts);
    m_reading = QString::fromLatin1(Snowpane::Config::hostReadingName(list.reading));
    m_why = QString::fromStdString(list.why);
}

QString FlakeHostList::current() const
{
    const QString chosen = ConfigurationSession::self()->flakeHost();
    return chosen.isEmpty() && m_hosts.size() == 1 ? m_hosts.front() : chosen;
}

QString FlakeHostList::thisMachine() const
{
    return thisMachineHost();
}

QString FlakeHostList::thisMachineHost()
{
    const QString configured = Snowpane::Ui::ConfigurationPlace::self()->systemHost();
    return configured.isEmpty() ? QSysInfo::machineHostName() : configured;
}

QString FlakeHostList::activationRefusal()
{
    const ConfigurationSession *session = ConfigurationSession::self();
    const Snowpane::Config::DocumentSet *documents = session->documents();
    const QString chosen = session->flakeHost();
    const QString own = thisMachineHost();
    if (!documents || !documents->scope().known() || chosen.isEmpty() || chosen == own) {
        return {};
    }
    const std::vector<std::string> &hosts = documents->scope().hosts;
    if (std::find(hosts.begin(), hosts.end(), own.toStdString()) == hosts.end()) {
        return {};
    }
    return QCoreApplication::translate("FlakeHostList",
                                       "The pages work on %1, and this machine is %2. Switching, booting and testing apply only to this machine's own "
                                       "host: build %1 here, or choose %2 in the host picker.")
        .arg(chosen, own);
}

void FlakeHostList::refresh()
{
    const QString flake = flakeDirectory();
    // One host needs no picker, and no Nix in the background.
    if (flake.isEmpty() || m_busy || m_hosts.size() < 2) {
        return;
    }
    m_busy = true;
    Q_EMIT changed();
    QPointer<FlakeHostList> self(this);
    m_thread = QThread::create([self, flake] {
        // Evaluating every host's definitions fills the cache the configuration's scope is read from.
        const Snowpane::Config::HostList list = Snowpane::Config::listHosts(flake);
        if (list.hosts.size() > 1 && list.reading == Snowpane::Config::HostReading::Evaluation) {
            (void)Snowpane::Config::evaluateHostFiles(flake);
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, list] {
                if (!self) {
                    return;
                }
                self->m_hosts = toQt(list.hosts);
                self->m_reading = QString::fromLatin1(Snowpane::Config::hostReadingName(list.reading));
                self->m_why = QString::fromStdString(list.why);
                self->m_busy = false;
                Q_EMIT self->changed();
            },
            Qt::QueuedConnection);
    });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void FlakeHostList::choose(const QString &host)
{
    if (host == current()) {
        return;
    }
    ConfigurationSession::self()->useConfiguration(SnowpaneSettings::self()->configurationDirectory(), host);
    Q_EMIT changed();
}

QStringList FlakeHostList::sharedWith(const QString &file) const
{
    const QString flake = flakeDirectory();
    if (flake.isEmpty()) {
        return {};
    }
    return toQt(Snowpane::Config::cachedScopeFor(flake, current().toStdString()).othersOf(file.toStdString(), current().toStdString()));
}
