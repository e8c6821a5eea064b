// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "helperconfig.h"

#include "validation.h"

#include <QFile>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Snowpane::Helper
{

QProcessEnvironment HelperConfig::environment() const
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, nixBinDirectory + u":/run/current-system/sw/bin:/usr/bin:/bin"_s);
    env.insert(u"HOME"_s, u"/root"_s);
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    if (!nixPath.isEmpty()) {
        env.insert(u"NIX_PATH"_s, nixPath);
    }
    for (const QString &assignment : extraEnvironment) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        env.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return env;
}

Checked<HelperConfig> parseHelperConfig(const QByteArray &text)
{
    using R = Checked<HelperConfig>;
    HelperConfig config;
    const std::pair<const char *, QString HelperConfig::*> pathKeys[] = {
        {"ConfigurationDirectory", &HelperConfig::configurationDirectory},
        {"SystemProfile", &HelperConfig::systemProfile},
        {"StoreDirectory", &HelperConfig::storeDirectory},
        {"NixBinDirectory", &HelperConfig::nixBinDirectory},
        {"SystemdRun", &HelperConfig::systemdRun},
        {"SystemdRuntimeDirectory", &HelperConfig::systemdRuntimeDirectory},
        {"BootedSystem", &HelperConfig::bootedSystem},
        {"CurrentSystem", &HelperConfig::currentSystem},
        {"ChannelsProfile", &HelperConfig::channelsProfile},
        {"ChannelList", &HelperConfig::channelList},
    };
    static const QRegularExpression variableName(u"\\A[A-Z_][A-Z0-9_]*\\z"_s);
    QString section;
    int lineNumber = 0;
    for (const QByteArray &rawLine : text.split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(rawLine).trimmed();
        const auto fail = [&](const QString &why) {
            return R::fail(u"%1 line %2: %3"_s.arg(QLatin1String(HelperConfigFile)).arg(lineNumber).arg(why));
        };
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';'))) {
            continue;
        }
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            section = line.mid(1, line.size() - 2);
            if (section != "Paths"_L1 && section != "Environment"_L1 && section != "Behaviour"_L1 && section != "Configuration"_L1) {
                return fail(u"unknown section [%1]"_s.arg(section));
            }
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return fail(u"expected KEY=value"_s);
        }
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (value.contains(QChar(0))) {
            return fail(u"NUL byte in a value"_s);
        }
        if (section == "Environment"_L1) {
            if (!variableName.match(key).hasMatch() || key == "PATH"_L1 || key.startsWith("LD_"_L1)) {
                return fail(u"'%1' cannot be set in [Environment]"_s.arg(key));
            }
            config.extraEnvironment.append(key + QLatin1Char('=') + value);
            continue;
        }
        if (section == "Behaviour"_L1) {
            if (key != "CollectGarbage"_L1 || (value != "true"_L1 && value != "false"_L1)) {
                return fail(u"[Behaviour] knows only CollectGarbage=true|false"_s);
            }
            config.collectGarbage = value == "true"_L1;
            continue;
        }
        if (section == "Configuration"_L1) {
            if (key != "Host"_L1) {
                return fail(u"[Configuration] knows only Host"_s);
            }
            if (value.isEmpty()) {
                config.host.clear();
                continue;
            }
            auto host = validateHost(value);
            if (!host) {
                return fail(host.error());
            }
            config.host = host.value();
            continue;
        }
        if (section != "Paths"_L1) {
            return fail(u"a setting outside [Paths] or [Environment]"_s);
        }
        if (key == "NixPath"_L1) {
            config.nixPath = value;
            continue;
        }
        bool known = false;
        for (const auto &[name, member] : pathKeys) {
            if (key == QLatin1String(name)) {
                if (!value.startsWith(QLatin1Char('/')) || value.split(QLatin1Char('/')).contains(u".."_s)) {
                    return fail(u"%1 must be an absolute path without '..'"_s.arg(key));
                }
                config.*member = value.size() > 1 && value.endsWith(QLatin1Char('/')) ? value.chopped(1) : value;
                known = true;
            }
        }
        if (!known) {
            return fail(u"unknown setting '%1'"_s.arg(key));
        }
    }
    return R::ok(config);
}

Checked<HelperConfig> loadHelperConfig(const QString &file)
{
    using R = Checked<HelperConfig>;
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) {
            return R::ok(HelperConfig{});
        }
        return R::fail(u"cannot open %1: %2"_s.arg(file, QString::fromLocal8Bit(std::strerror(errno))));
    }
    QFile in;
    if (!in.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return R::fail(u"cannot read %1"_s.arg(file));
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return R::fail(u"%1 is not a regular file"_s.arg(file));
    }
    if (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return R::fail(u"%1 must be owned by root and writable by root only; it is ignored until it is"_s.arg(file));
    }
    if (st.st_size > 64 * 1024) {
        return R::fail(u"%1 is too large"_s.arg(file));
    }
    return parseHelperConfig(in.readAll());
}

}
