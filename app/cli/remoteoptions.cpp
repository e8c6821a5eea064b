// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "remoteoptions.h"

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Snowpane::Remote;

void addSshOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {u"accept-new-host-key"_s, u"Accept and store the host key of a machine contacted for the first time (a changed key is still refused)."_s});
    parser.addOption({u"connect-timeout"_s, u"Seconds to wait for a connection (default 10)."_s, u"S"_s, u"10"_s});
}

SshSettings sshSettingsFrom(const QCommandLineParser &parser)
{
    SshSettings settings;
    settings.acceptNewHostKey = parser.isSet(u"accept-new-host-key"_s);
    settings.connectTimeoutSeconds = qMax(1, parser.value(u"connect-timeout"_s).toInt());
    return settings;
}

std::optional<int> targetClient(const QCommandLineParser &parser, std::unique_ptr<SshClient> &client)
{
    if (!parser.isSet(u"target"_s)) {
        return std::nullopt;
    }
    const TargetParse parsed = parseTarget(parser.value(u"target"_s));
    if (!parsed.isValid()) {
        std::fprintf(stderr, "--target: %s\n", qPrintable(parsed.error));
        return 2;
    }
    client = std::make_unique<SshClient>(parsed.target, sshSettingsFrom(parser));
    return std::nullopt;
}
