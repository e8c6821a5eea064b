// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "remoteerror.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

QString errorName(RemoteError error)
{
    switch (error) {
    case RemoteError::None:
        return u"no error"_s;
    case RemoteError::Unreachable:
        return u"unreachable"_s;
    case RemoteError::AuthenticationRefused:
        return u"authentication refused"_s;
    case RemoteError::HostKeyUnknown:
        return u"host key unknown"_s;
    case RemoteError::HostKeyChanged:
        return u"host key changed"_s;
    case RemoteError::NoNix:
        return u"no Nix on the machine"_s;
    case RemoteError::DiskFull:
        return u"disk full"_s;
    case RemoteError::BuildFailed:
        return u"build failed"_s;
    case RemoteError::CopyFailed:
        return u"copy failed"_s;
    case RemoteError::ActivationFailed:
        return u"activation failed"_s;
    case RemoteError::Cancelled:
        return u"cancelled"_s;
    case RemoteError::ThisMachine:
        return u"this machine"_s;
    case RemoteError::Failed:
        return u"failed"_s;
    }
    return u"failed"_s;
}

RemoteError classifyFailure(int exitCode, const QString &standardError)
{
    // Order matters: a changed key also prints "Host key verification failed".
    const auto has = [&](QLatin1StringView text) {
        return standardError.contains(text, Qt::CaseInsensitive);
    };
    if (has("REMOTE HOST IDENTIFICATION HAS CHANGED"_L1) || has("POSSIBLE DNS SPOOFING"_L1)
        || standardError.contains(QRegularExpression(u"Host key for \\S+ has changed"_s))) {
        return RemoteError::HostKeyChanged;
    }
    if (standardError.contains(QRegularExpression(u"No \\S+ host key is known for"_s)) || has("Host key verification failed"_L1)) {
        return RemoteError::HostKeyUnknown;
    }
    if (has("Permission denied ("_L1) || has("Too many authentication failures"_L1) || has("sudo: a password is required"_L1)
        || has("sudo: a terminal is required"_L1) || has("is not in the sudoers file"_L1)) {
        return RemoteError::AuthenticationRefused;
    }
    if (has("Connection refused"_L1) || has("Connection timed out"_L1) || has("Operation timed out"_L1) || has("No route to host"_L1)
        || has("Network is unreachable"_L1) || has("Could not resolve hostname"_L1) || has("Name or service not known"_L1)
        || has("Connection closed by remote host"_L1) || has("kex_exchange_identification"_L1)) {
        return RemoteError::Unreachable;
    }
    if (has("No space left on device"_L1)) {
        return RemoteError::DiskFull;
    }
    // What a remote shell says when nix-store (Nix's ssh store) or nix-env is missing.
    if (standardError.contains(QRegularExpression(u"\\bnix(-store|-env|-daemon)?: (command )?not found"_s))
        || standardError.contains(QRegularExpression(u"exec: \\S*nix\\S*: not found"_s))) {
        return RemoteError::NoNix;
    }
    if (exitCode == 255) {
        // ssh's own failure without a message we know: most often the connection.
        return RemoteError::Unreachable;
    }
    return RemoteError::Failed;
}

} // namespace Snowpane::Remote
