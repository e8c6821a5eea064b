// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "hostscommand.h"

#include "commandline.h"
#include "configjson.h"
#include "hostevaluation.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Snowpane::Config;

int runHostsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List every host (nixosConfigurations.<host>) of a flake: from evaluation, or from the static reading of flake.nix when Nix fails."_s);
    parser.addHelpOption();
    parser.addOption({u"config"_s, u"The flake directory (default: /etc/nixos)."_s, u"path"_s});
    parser.addOption({u"json"_s, u"Print JSON: hosts, reading, why, cached, thisMachine."_s});
    parser.addOption({u"no-cache"_s, u"Evaluate even when the cached list is current."_s});
    if (const std::optional<int> stop = parseSubcommandArguments(parser, arguments)) {
        return *stop;
    }
    QString directory = parser.isSet(u"config"_s) ? parser.value(u"config"_s) : u"/etc/nixos"_s;
    if (QFileInfo(directory).fileName() == u"flake.nix"_s) {
        directory = QFileInfo(directory).absolutePath();
    }
    if (!QFileInfo::exists(directory + u"/flake.nix"_s)) {
        std::fprintf(stderr, "snowpane-cli: %s has no flake.nix; a configuration without a flake has one host, the machine itself\n", qPrintable(directory));
        return 1;
    }
    const HostList list = listHosts(directory, QProcessEnvironment::systemEnvironment(), !parser.isSet(u"no-cache"_s));
    if (!list.error.empty()) {
        std::fprintf(stderr, "snowpane-cli: %s\n", list.error.c_str());
        if (!list.why.empty()) {
            std::fprintf(stderr, "%s\n", list.why.c_str());
        }
        return 1;
    }
    const std::string machine = QSysInfo::machineHostName().toStdString();
    if (parser.isSet(u"json"_s)) {
        QJsonObject o;
        o.insert(u"hosts"_s, Snowpane::Config::stringsJson(list.hosts));
        o.insert(u"reading"_s, QString::fromLatin1(hostReadingName(list.reading)));
        if (!list.why.empty()) {
            o.insert(u"why"_s, QString::fromStdString(list.why));
        }
        o.insert(u"cached"_s, list.fromCache);
        // This machine's own host: the one switching, booting and testing apply to.
        const bool known = std::find(list.hosts.begin(), list.hosts.end(), machine) != list.hosts.end();
        o.insert(u"thisMachine"_s, known ? QJsonValue(QString::fromStdString(machine)) : QJsonValue(QJsonValue::Null));
        const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Indented);
        std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
        return 0;
    }
    if (list.reading == HostReading::Static) {
        std::fprintf(stderr, "snowpane-cli: using the static reading of flake.nix: %s\n", list.why.c_str());
    }
    for (const std::string &host : list.hosts) {
        std::printf("%s%s\n", host.c_str(), host == machine ? " (this machine)" : "");
    }
    return 0;
}
