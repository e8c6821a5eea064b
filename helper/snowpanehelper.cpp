// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "snowpanehelper.h"

#include "helperlogging.h"
#include "helperprotocol.h"

#include <KAuth/HelperSupport>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Snowpane::Helper;
using Snowpane::Protocol::HelperError;

namespace
{

QString authorFor(int uid)
{
    if (uid < 0) {
        return u"Snowpane"_s;
    }
    struct passwd entry{};
    struct passwd *found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid_t(uid), &entry, buffer, sizeof buffer, &found) == 0 && found) {
        return u"%1 (through Snowpane)"_s.arg(QString::fromLocal8Bit(found->pw_name));
    }
    return u"uid %1 (through Snowpane)"_s.arg(uid);
}

OperationResult invalid(const QString &why)
{
    return OperationResult::failure(HelperError::InvalidArguments, why);
}

}

KAuth::ActionReply SnowpaneHelper::perform(const char *action, const QVariantMap &arguments, const Body &body)
{
    // KAuth already refuses a second action while one runs; this guard keeps that true even if it ever stops doing so.
    if (m_busy) {
        KAuth::ActionReply reply = KAuth::ActionReply::HelperErrorReply(int(HelperError::Busy));
        reply.setErrorDescription(u"another operation is running"_s);
        return reply;
    }
    m_busy = true;
    QString request;
    if (auto id = validateRequestId(arguments.value(QLatin1String(Snowpane::Protocol::Key::Request))); id) {
        request = id.value();
    }
    // Registered on the first request: the bus connection needs the application KAuth creates after this object.
    m_cancelEndpoint.registerOnSystemBus();
    m_cancelGate.begin(request, KAuth::HelperSupport::callerUid());
    const auto clearBusy = qScopeGuard([this] {
        m_cancelGate.end();
        m_busy = false;
    });
    const auto send = [&request](QVariantMap map) {
        map.insert(QLatin1String(Snowpane::Protocol::Key::Request), request);
        KAuth::HelperSupport::progressStep(map);
    };
    send({{QLatin1String(Snowpane::Protocol::Progress::Event), QLatin1String(Snowpane::Protocol::Progress::EventAccepted)}});
    qCInfo(SNOWPANE_HELPER) << action << "for uid" << KAuth::HelperSupport::callerUid();

    OperationResult result;
    auto config = loadHelperConfig();
    if (!config) {
        result = OperationResult::failure(HelperError::Misconfigured, config.error());
    } else {
        OperationContext context;
        context.sendProgress = send;
        // Not KAuth::HelperSupport::isStopped(): KAuth takes a stop from anyone, and keeps one sent while idle for the next operation.
        context.stopRequested = [this] {
            return m_cancelGate.stopRequested();
        };
        context.authorName = authorFor(KAuth::HelperSupport::callerUid());
        Operations operations(config.value(), context);
        result = body(operations, arguments);
    }

    QVariantMap finished{{QLatin1String(Snowpane::Protocol::Progress::Event), QLatin1String(Snowpane::Protocol::Progress::EventFinished)}};
    if (result.error) {
        qCInfo(SNOWPANE_HELPER) << action << "failed:" << result.message;
        finished.insert(QLatin1String(Snowpane::Protocol::Progress::ErrorCode), int(*result.error));
        finished.insert(QLatin1String(Snowpane::Protocol::Progress::ErrorMessage), result.message);
        if (result.nixError) {
            finished.insert(QLatin1String(Snowpane::Protocol::Progress::ErrorFile), result.nixError->file);
            finished.insert(QLatin1String(Snowpane::Protocol::Progress::ErrorLine), result.nixError->line);
            finished.insert(QLatin1String(Snowpane::Protocol::Progress::ErrorColumn), result.nixError->column);
        }
        if (!result.data.isEmpty()) {
            finished.insert(QLatin1String(Snowpane::Protocol::Progress::FailureData), result.data);
        }
    }
    send(finished);

    if (result.error) {
        KAuth::ActionReply reply = KAuth::ActionReply::HelperErrorReply(int(*result.error));
        reply.setErrorDescription(result.message);
        return reply;
    }
    KAuth::ActionReply reply = KAuth::ActionReply::SuccessReply();
    result.data.insert(QLatin1String(Snowpane::Protocol::Key::Request), request);
    reply.setData(result.data);
    return reply;
}

KAuth::ActionReply SnowpaneHelper::writeconfig(const QVariantMap &arguments)
{
    return perform(Snowpane::Protocol::Action::WriteConfig, arguments, [](Operations &operations, const QVariantMap &a) {
        auto request = parseWriteConfig(a);
        return request ? operations.writeConfig(request.value()) : invalid(request.error());
    });
}

KAuth::ActionReply SnowpaneHelper::rebuild(const QVariantMap &arguments)
{
    return perform(Snowpane::Protocol::Action::Rebuild, arguments, [](Operations &operations, const QVariantMap &a) {
        auto request = parseRebuild(a);
        return request ? operations.rebuild(request.value()) : invalid(request.error());
    });
}

KAuth::ActionReply SnowpaneHelper::switchgeneration(const QVariantMap &arguments)
{
    return perform(Snowpane::Protocol::Action::SwitchGeneration, arguments, [](Operations &operations, const QVariantMap &a) {
        auto request = parseSwitchGeneration(a);
        return request ? operations.switchGeneration(request.value()) : invalid(request.error());
    });
}

KAuth::ActionReply SnowpaneHelper::initrepo(const QVariantMap &arguments)
{
    return perform(Snowpane::Protocol::Action::InitRepo, arguments, [](Operations &operations, const QVariantMap &a) {
        auto request = parseInitRepo(a);
        return request ? operations.initRepo(request.value()) : invalid(request.error());
    });
}

KAuth::ActionReply SnowpaneHelper::restoreconfig(const QVariantMap &arguments)
{
    return perform(Snowpane::Protocol::Action::RestoreConfig, arguments, [](Operations &operations, const QVariantMap &a) {
        auto request = parseRestoreConfig(a);
        return request ? operations.restoreConfig(request.value()) : invalid(request.error());
    });
}

KAuth::ActionReply SnowpaneHelper::deletegenerations(const QVariantMap &arguments)
{
    return perform(Snowpane::Protocol::Action::DeleteGenerations, arguments, [](Operations &operations, const QVariantMap &a) {
        auto request = parseDeleteGenerations(a);
        return request ? operations.deleteGenerations(request.value()) : invalid(request.error());
    });
}

KAuth::ActionReply SnowpaneHelper::updatesources(const QVariantMap &arguments)
{
    return perform(Snowpane::Protocol::Action::UpdateSources, arguments, [](Operations &operations, const QVariantMap &a) {
        auto request = parseUpdateSources(a);
        return request ? operations.updateSources(request.value()) : invalid(request.error());
    });
}

KAuth::ActionReply SnowpaneHelper::rollbackchannels(const QVariantMap &arguments)
{
    return perform(Snowpane::Protocol::Action::RollBackChannels, arguments, [](Operations &operations, const QVariantMap &a) {
        auto request = parseRollBackChannels(a);
        return request ? operations.rollBackChannels(request.value()) : invalid(request.error());
    });
}

KAUTH_HELPER_MAIN("io.github.snowpane", SnowpaneHelper)

#include "moc_snowpanehelper.cpp"
