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

namespace snowpane::helper
{

QProcessEnvironment HelperConfig::environment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), nixBinDirectory + QStringLiteral(":/run/current-system/sw/bin:/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), QStringLiteral("/root"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    if (!nixPath.isEmpty()) {
        env.insert(QStringLiteral("NIX_PATH"), nixPath);
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
    static const QRegularExpression variableName(QStringLiteral("\\A[A-Z_][A-Z0-9_]*\\z"));
    QString section;
    int lineNumber = 0;
    for (const QByteArray &rawLine : text.split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(rawLine).trimmed();
        const auto fail = [&](const QString &why) {
            return R::fail(QStringLiteral("%1 line %2: %3").arg(QLatin1String(HelperConfigFile)).arg(lineNumber).arg(why));
        };
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';'))) {
            continue;
        }
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            section = line.mid(1, line.size() - 2);
            if (section != QLatin1String("Paths") && section != QLatin1String("Environment") && section != QLatin1String("Behaviour")
                && section != QLatin1String("Configuration")) {
                return fail(QStringLiteral("unknown section [%1]").arg(section));
            }
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return fail(QStringLiteral("expected KEY=value"));
        }
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (value.contains(QChar(0))) {
            return fail(QStringLiteral("NUL byte in a value"));
        }
        if (section == QLatin1String("Environment")) {
            if (!variableName.match(key).hasMatch() || key == QLatin1String("PATH") || key.startsWith(QLatin1String("LD_"))) {
                return fail(QStringLiteral("'%1' cannot be set in [Environment]").arg(key));
            }
            config.extraEnvironment.append(key + QLatin1Char('=') + value);
            continue;
        }
        if (section == QLatin1String("Behaviour")) {
            if (key != QLatin1String("CollectGarbage") || (value != QLatin1String("true") && value != QLatin1String("false"))) {
                return fail(QStringLiteral("[Behaviour] knows only CollectGarbage=true|false"));
            }
            config.collectGarbage = value == QLatin1String("true");
            continue;
        }
        if (section == QLatin1String("Configuration")) {
            if (key != QLatin1String("Host")) {
                return fail(QStringLiteral("[Configuration] knows only Host"));
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
        if (section != QLatin1String("Paths")) {
            return fail(QStringLiteral("a setting outside [Paths] or [Environment]"));
        }
        if (key == QLatin1String("NixPath")) {
            config.nixPath = value;
            continue;
        }
        bool known = false;
        for (const auto &[name, member] : pathKeys) {
            if (key == QLatin1String(name)) {
                if (!value.startsWith(QLatin1Char('/')) || value.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
                    return fail(QStringLiteral("%1 must be an absolute path without '..'").arg(key));
                }
                config.*member = value.size() > 1 && value.endsWith(QLatin1Char('/')) ? value.chopped(1) : value;
                known = true;
            }
        }
        if (!known) {
            return fail(QStringLiteral("unknown setting '%1'").arg(key));
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
        return R::fail(QStringLiteral("cannot open %1: %2").arg(file, QString::fromLocal8Bit(std::strerror(errno))));
    }
    QFile in;
    if (!in.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return R::fail(QStringLiteral("cannot read %1").arg(file));
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return R::fail(QStringLiteral("%1 is not a regular file").arg(file));
    }
    if (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return R::fail(QStringLiteral("%1 must be owned by root and writable by root only; it is ignored until it is").arg(file));
    }
    if (st.st_size > 64 * 1024) {
        return R::fail(QStringLiteral("%1 is too large").arg(file));
    }
    return parseHelperConfig(in.readAll());
}

}
