// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "flaketargets.h"

#include "processrun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Snowpane::Remote
{

namespace
{

// Reads only plain attributes: a colmena node written as a function module,
// or a deploy-rs node without a hostname, gives no target here.
constexpr auto targetsExpression = R"SH(let
  flake = builtins.getFlake (builtins.getEnv "SNOWPANE_FLAKE");
  str = v: if builtins.isString v then v else null;
  hosts = builtins.attrNames (flake.nixosConfigurations or { });
  nodes = (flake.deploy or { }).nodes or { };
  hive = flake.colmena or { };
  deployRs = h:
    let n = nodes.${h} or null; in
    if builtins.isAttrs n then {
      hostname = str (n.hostname or null);
      sshUser = str (n.sshUser or null);
      sshOpts = builtins.filter builtins.isString (n.sshOpts or [ ]);
    } else null;
  colmena = h:
    let n = hive.${h} or null; d = if builtins.isAttrs n then n.deployment or { } else { }; in
    if builtins.isAttrs n && n ? deployment then {
      targetHost = str (d.targetHost or null);
      targetUser = str (d.targetUser or null);
      targetPort = if builtins.isInt (d.targetPort or null) then d.targetPort else null;
    } else null;
in
map (h: { name = h; deploy = deployRs h; colmena = colmena h; }) hosts
)SH"_L1;

} // namespace

QString sourceName(HostTarget::Source source)
{
    switch (source) {
    case HostTarget::Source::DeployRs:
        return u"deploy-rs"_s;
    case HostTarget::Source::Colmena:
        return u"colmena"_s;
    case HostTarget::Source::Setting:
        return u"setting"_s;
    case HostTarget::Source::HostName:
        return u"host name"_s;
    }
    return {};
}

FlakeTargets targetsFromJson(const QByteArray &json, const QHash<QString, QString> &settings)
{
    FlakeTargets result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isArray()) {
        result.error = u"the flake's hosts could not be read: %1"_s.arg(parseError.errorString());
        return result;
    }
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        HostTarget entry;
        entry.host = object.value(u"name"_s).toString();
        entry.target.host = entry.host;
        const QJsonObject deploy = object.value(u"deploy"_s).toObject();
        const QJsonObject colmena = object.value(u"colmena"_s).toObject();
        SshTarget said;
        bool found = false;
        if (!deploy.value(u"hostname"_s).toString().isEmpty()) {
            said.host = deploy.value(u"hostname"_s).toString();
            said.user = deploy.value(u"sshUser"_s).toString();
            for (const QJsonValue &option : deploy.value(u"sshOpts"_s).toArray()) {
                said.options.append(option.toString());
            }
            entry.source = HostTarget::Source::DeployRs;
            found = true;
        } else if (!colmena.value(u"targetHost"_s).toString().isEmpty()) {
            said.host = colmena.value(u"targetHost"_s).toString();
            said.user = colmena.value(u"targetUser"_s).toString();
            said.port = colmena.value(u"targetPort"_s).toInt(0);
            entry.source = HostTarget::Source::Colmena;
            found = true;
        } else if (settings.contains(entry.host)) {
            const TargetParse parsed = parseTarget(settings.value(entry.host));
            if (parsed.isValid()) {
                said = parsed.target;
                entry.source = HostTarget::Source::Setting;
                found = true;
            } else {
                entry.problem = parsed.error;
            }
        }
        if (found) {
            if (const QString invalid = validateTarget(said); invalid.isEmpty()) {
                entry.target = said;
            } else {
                entry.problem = u"%1's target (%2) is not usable: %3"_s.arg(entry.host, sourceName(entry.source), invalid);
                entry.source = HostTarget::Source::HostName;
            }
        }
        result.hosts.append(entry);
    }
    return result;
}

FlakeTargets readFlakeTargets(const QString &flake, const QHash<QString, QString> &settings, const SshSettings &sshSettings)
{
    QProcessEnvironment environment = sshSettings.environment;
    environment.insert(u"SNOWPANE_FLAKE"_s, QDir(flake).absolutePath());
    const ProcessResult evaluated =
        runProcess(sshSettings.nixProgram, {u"eval"_s, u"--json"_s, u"--impure"_s, u"--expr"_s, QString(targetsExpression)}, environment, 10 * 60 * 1000);
    if (!evaluated.succeeded()) {
        FlakeTargets failed;
        failed.error = u"evaluating the hosts of %1 failed: %2"_s.arg(flake, evaluated.errorText().section(u'\n', -6));
        return failed;
    }
    return targetsFromJson(evaluated.standardOutput, settings);
}

} // namespace Snowpane::Remote
