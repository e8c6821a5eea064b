// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The options of the stand-in NixOS, evaluated with real Nix into the schema
// of NixOS's options.json, must read exactly as NixOS writes them: type
// strings, locations with <name> and *, defaults and examples as literal
// expressions, declarations, read-only and hidden options.

#include "standinprocess.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{

// The user's own module, as a configuration would have one: options of the
// types no stand-in module happens to use, plus the definitions a system
// needs to evaluate.
constexpr auto testModule = R"nix({ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
in
{
  options.snowpaneTest = {
    ratio = mkOption { type = types.float; default = 0.5; description = "A ratio."; };
    retries = mkOption { type = types.ints.unsigned; default = 3; description = "Retries."; };
    workers = mkOption { type = types.ints.positive; default = 4; description = "Workers."; };
    level = mkOption { type = types.ints.u8; default = 7; description = "A level."; };
    labels = mkOption { type = types.lazyAttrsOf types.str; default = { }; description = "Labels."; };
    extra = mkOption { type = types.anything; default = { }; description = "Anything."; };
    settings = mkOption { type = types.attrs; default = { }; description = "Settings."; };
    mode = mkOption { type = types.oneOf [ types.bool types.int types.str ]; default = false; description = "A mode."; };
    only = mkOption { type = types.enum [ "only" ]; default = "only"; description = "A singular enum."; };
    limit = mkOption { type = types.either types.ints.unsigned types.str; default = "none"; description = "A limit."; };
    listenPort = mkOption { type = types.nullOr types.port; default = null; description = "A port."; };
    ids = mkOption { type = types.listOf (types.either types.int types.str); default = [ ]; description = "Ids."; };
    groups = mkOption { type = types.attrsOf (types.listOf types.str); default = { }; description = "Groups."; };
    nick = mkOption { type = types.nonEmptyStr; example = "alice"; description = "A nick."; };
  };

  config = {
    fileSystems."/".device = "/dev/sda1";
    snowpaneTest.labels.a = "b";
    snowpaneTest.nick = "alice";
    networking.hostName = "options-test";
  };
}
)nix";

constexpr auto evalExpression = R"nix({ configuration }:
let
  lib = import <nixpkgs/lib>;
  system = import <nixpkgs/nixos> { inherit configuration; };
in
lib.optionAttrSetToDocList system.options
)nix";

const auto portType = u"16 bit unsigned integer; between 0 and 65535 (both inclusive)"_s;

} // namespace

class StandinOptionsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void visibleListIsFiltered();
    void typeStrings_data();
    void typeStrings();
    void details_data();
    void details();
    void literalValues();
    void hiddenOptions_data();
    void hiddenOptions();
    void everyEntryIsComplete();

private:
    [[nodiscard]] QJsonObject option(const QString &name) const
    {
        return m_visible.value(name);
    }

    QTemporaryDir m_dir;
    QString m_modulePath;
    QHash<QString, QJsonObject> m_all;
    QHash<QString, QJsonObject> m_visible;
};

void StandinOptionsTest::initTestCase()
{
    const QString nixInstantiate = StandIn::tool(u"nix-instantiate"_s);
    if (nixInstantiate.isEmpty()) {
        QFAIL("nix-instantiate is not on PATH. These tests need real Nix: run them in the build environment (tools/dev test).");
    }
    QVERIFY2(QFile::exists(StandIn::nixpkgsDir() + u"/nixos/default.nix"_s), qPrintable(u"no stand-in nixpkgs at "_s + StandIn::nixpkgsDir()));
    QVERIFY(m_dir.isValid());

    m_modulePath = m_dir.filePath(u"snowpane-test.nix"_s);
    const QString evalPath = m_dir.filePath(u"options.nix"_s);
    for (const auto &[path, text] : {std::pair{m_modulePath, testModule}, std::pair{evalPath, evalExpression}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }

    const StandIn::Result result = StandIn::run(
        nixInstantiate,
        {u"--eval"_s, u"--strict"_s, u"--json"_s, u"-I"_s, u"nixpkgs="_s + StandIn::nixpkgsDir(), evalPath, u"--arg"_s, u"configuration"_s, m_modulePath});
    QVERIFY2(result.ok(), qPrintable(u"evaluating the options failed: "_s + result.describe()));

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isArray());
    const QJsonArray entries = document.array();
    QVERIFY2(entries.size() > 150, qPrintable(u"only %1 options"_s.arg(entries.size())));
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString name = entry.value(u"name"_s).toString();
        QVERIFY2(!name.isEmpty(), "an entry without a name");
        m_all.insert(name, entry);
        // The filter of NixOS's options.json.
        if (entry.value(u"visible"_s).toBool() && !entry.value(u"internal"_s).toBool()) {
            m_visible.insert(name, entry);
        }
    }
}

void StandinOptionsTest::visibleListIsFiltered()
{
    QVERIFY(m_visible.size() > 150);
    QVERIFY(m_visible.size() < m_all.size());
    QVERIFY(m_visible.contains(u"services.openssh.enable"_s));
    QVERIFY(m_visible.contains(u"snowpaneTest.ratio"_s));
}

void StandinOptionsTest::typeStrings_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");

    const QList<std::pair<QString, QString>> rows = {
        {u"services.openssh.enable"_s, u"boolean"_s},
        {u"services.openssh.ports"_s, u"list of "_s + portType},
        {u"services.openssh.settings"_s, u"submodule"_s},
        {u"services.openssh.settings.PermitRootLogin"_s, uR"(one of "yes", "without-password", "prohibit-password", "forced-commands-only", "no")"_s},
        {u"services.openssh.settings.MaxAuthTries"_s, u"integer between 1 and 100 (both inclusive)"_s},
        {u"services.openssh.settings.AllowUsers"_s, u"null or (list of string)"_s},
        {u"services.openssh.banner"_s, uR"(null or strings concatenated with "\n")"_s},
        {u"services.openssh.hostKeys"_s, u"list of (attribute set)"_s},
        {u"networking.hostName"_s, u"string matching the pattern ^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$"_s},
        {u"networking.extraHosts"_s, uR"(strings concatenated with "\n")"_s},
        {u"networking.firewall.allowedTCPPorts"_s, u"list of "_s + portType},
        {u"networking.firewall.allowedTCPPortRanges"_s, u"list of (submodule)"_s},
        {u"networking.firewall.allowedTCPPortRanges.*.from"_s, portType},
        {u"networking.networkmanager.enable"_s, u"boolean"_s},
        {u"time.timeZone"_s, u"null or string"_s},
        {u"i18n.extraLocaleSettings"_s, u"attribute set of string"_s},
        {u"users.users"_s, u"attribute set of (submodule)"_s},
        {u"users.users.<name>.isNormalUser"_s, u"boolean"_s},
        {u"users.users.<name>.extraGroups"_s, u"list of string"_s},
        {u"users.users.<name>.packages"_s, u"list of package"_s},
        {u"users.users.<name>.shell"_s, u"null or package or path"_s},
        {u"users.users.<name>.uid"_s, u"null or signed integer"_s},
        {u"users.users.<name>.openssh.authorizedKeys.keys"_s, u"list of (optionally newline-terminated) single-line string"_s},
        {u"environment.systemPackages"_s, u"list of package"_s},
        {u"boot.kernelPackages"_s, u"raw value"_s},
        {u"boot.loader.systemd-boot.consoleMode"_s, uR"(one of "0", "1", "2", "5", "auto", "max", "keep")"_s},
        {u"boot.loader.systemd-boot.configurationLimit"_s, u"null or signed integer"_s},
        {u"services.tailscale.port"_s, portType},
        {u"services.xserver.xkb.options"_s, uR"(strings concatenated with ",")"_s},
        {u"services.printing.drivers"_s, u"list of path"_s},
        {u"programs.firefox.package"_s, u"package"_s},
        {u"programs.firefox.preferences"_s, u"attribute set of (boolean or signed integer or string)"_s},
        {u"specialisation.<name>.configuration"_s, u"module"_s},
        {u"fileSystems.<name>.options"_s, u"non-empty (list of non-empty string)"_s},
        {u"console.keyMap"_s, u"string or path"_s},
        {u"nixpkgs.config"_s, u"nixpkgs config"_s},
        {u"nixpkgs.overlays"_s, u"list of (nixpkgs overlay)"_s},
        {u"system.stateVersion"_s, u"string"_s},
        {u"system.configurationRevision"_s, u"null or string"_s},
        {u"system.build.toplevel"_s, u"package"_s},
        {u"system.extraDependencies"_s, u"list of path in the Nix store"_s},
        {u"snowpaneTest.ratio"_s, u"floating point number"_s},
        {u"snowpaneTest.retries"_s, u"unsigned integer, meaning >=0"_s},
        {u"snowpaneTest.workers"_s, u"positive integer, meaning >0"_s},
        {u"snowpaneTest.level"_s, u"8 bit unsigned integer; between 0 and 255 (both inclusive)"_s},
        {u"snowpaneTest.labels"_s, u"lazy attribute set of string"_s},
        {u"snowpaneTest.extra"_s, u"anything"_s},
        {u"snowpaneTest.settings"_s, u"attribute set"_s},
        {u"snowpaneTest.mode"_s, u"boolean or signed integer or string"_s},
        {u"snowpaneTest.only"_s, uR"(value "only" (singular enum))"_s},
        {u"snowpaneTest.limit"_s, u"unsigned integer, meaning >=0, or string"_s},
        {u"snowpaneTest.listenPort"_s, u"null or "_s + portType},
        {u"snowpaneTest.ids"_s, u"list of (signed integer or string)"_s},
        {u"snowpaneTest.groups"_s, u"attribute set of list of string"_s},
        {u"snowpaneTest.nick"_s, u"non-empty string"_s},
    };
    for (const auto &[name, type] : rows) {
        QTest::newRow(qPrintable(name)) << name << type;
    }
}

void StandinOptionsTest::typeStrings()
{
    QFETCH(QString, name);
    QFETCH(QString, type);
    QVERIFY2(m_visible.contains(name), qPrintable(u"no visible option "_s + name));
    QCOMPARE(option(name).value(u"type"_s).toString(), type);
}

void StandinOptionsTest::details_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("defaultText"); // empty: no default
    QTest::addColumn<QString>("declaration"); // the end of the declaring file's path
    QTest::addColumn<bool>("readOnly");

    QTest::newRow("openssh.enable") << u"services.openssh.enable"_s << QStringList{u"services"_s, u"openssh"_s, u"enable"_s} << u"false"_s
                                    << u"/nixos/modules/services/networking/ssh/sshd.nix"_s << false;
    QTest::newRow("openssh.ports") << u"services.openssh.ports"_s << QStringList{u"services"_s, u"openssh"_s, u"ports"_s} << u"[\n  22\n]"_s
                                   << u"/nixos/modules/services/networking/ssh/sshd.nix"_s << false;
    QTest::newRow("submodule option") << u"users.users.<name>.isNormalUser"_s << QStringList{u"users"_s, u"users"_s, u"<name>"_s, u"isNormalUser"_s}
                                      << u"false"_s << u"/nixos/modules/config/users-groups.nix"_s << false;
    QTest::newRow("list of submodules") << u"swapDevices.*.device"_s << QStringList{u"swapDevices"_s, u"*"_s, u"device"_s} << QString()
                                        << u"/nixos/modules/tasks/filesystems.nix"_s << false;
    QTest::newRow("quoted name part") << u"boot.loader.systemd-boot.enable"_s << QStringList{u"boot"_s, u"loader"_s, u"systemd-boot"_s, u"enable"_s}
                                      << u"false"_s << u"/nixos/modules/system/boot/loader/systemd-boot/systemd-boot.nix"_s << false;
    QTest::newRow("defaultText") << u"programs.firefox.package"_s << QStringList{u"programs"_s, u"firefox"_s, u"package"_s} << u"pkgs.firefox"_s
                                 << u"/nixos/modules/programs/firefox.nix"_s << false;
    QTest::newRow("null default") << u"time.timeZone"_s << QStringList{u"time"_s, u"timeZone"_s} << u"null"_s << u"/nixos/modules/config/timezone.nix"_s
                                  << false;
    QTest::newRow("empty list default") << u"environment.systemPackages"_s << QStringList{u"environment"_s, u"systemPackages"_s} << u"[ ]"_s
                                        << u"/nixos/modules/config/system-path.nix"_s << false;
    QTest::newRow("read-only release") << u"system.nixos.release"_s << QStringList{u"system"_s, u"nixos"_s, u"release"_s} << u"\"24.11\""_s
                                       << u"/nixos/modules/misc/version.nix"_s << true;
    QTest::newRow("read-only toplevel") << u"system.build.toplevel"_s << QStringList{u"system"_s, u"build"_s, u"toplevel"_s} << QString()
                                        << u"/nixos/modules/system/activation/top-level.nix"_s << true;
    QTest::newRow("user module") << u"snowpaneTest.ratio"_s << QStringList{u"snowpaneTest"_s, u"ratio"_s} << u"0.5"_s << u"/snowpane-test.nix"_s << false;
}

void StandinOptionsTest::details()
{
    QFETCH(QString, name);
    QFETCH(QStringList, loc);
    QFETCH(QString, defaultText);
    QFETCH(QString, declaration);
    QFETCH(bool, readOnly);

    QVERIFY2(m_visible.contains(name), qPrintable(u"no visible option "_s + name));
    const QJsonObject entry = option(name);

    QStringList actualLoc;
    for (const QJsonValue &part : entry.value(u"loc"_s).toArray()) {
        actualLoc << part.toString();
    }
    QCOMPARE(actualLoc, loc);

    if (defaultText.isEmpty()) {
        QVERIFY2(!entry.contains(u"default"_s), QJsonDocument(entry.value(u"default"_s).toObject()).toJson().constData());
    } else {
        const QJsonObject value = entry.value(u"default"_s).toObject();
        QCOMPARE(value.value(u"_type"_s).toString(), u"literalExpression"_s);
        QCOMPARE(value.value(u"text"_s).toString(), defaultText);
    }

    const QJsonArray declarations = entry.value(u"declarations"_s).toArray();
    QCOMPARE(declarations.size(), 1);
    QVERIFY2(declarations.first().toString().endsWith(declaration), qPrintable(declarations.first().toString()));
    QVERIFY2(declarations.first().toString().startsWith(u'/'), "declarations are absolute paths");

    QCOMPARE(entry.value(u"readOnly"_s).toBool(), readOnly);
    QVERIFY(!entry.value(u"description"_s).toString().isEmpty());
}

void StandinOptionsTest::literalValues()
{
    // An example given as a plain value is rendered as Nix source.
    const QJsonObject timeZone = option(u"time.timeZone"_s).value(u"example"_s).toObject();
    QCOMPARE(timeZone.value(u"_type"_s).toString(), u"literalExpression"_s);
    QCOMPARE(timeZone.value(u"text"_s).toString(), u"\"America/New_York\""_s);

    // An attribute set example, multi-line as NixOS prints it.
    const QJsonObject locale = option(u"i18n.extraLocaleSettings"_s).value(u"example"_s).toObject();
    QCOMPARE(locale.value(u"text"_s).toString(), u"{\n  LC_MESSAGES = \"en_US.UTF-8\";\n  LC_TIME = \"de_DE.UTF-8\";\n}"_s);

    // An example written with literalExpression is passed through.
    const QJsonObject firefox = option(u"programs.firefox.package"_s).value(u"example"_s).toObject();
    QCOMPARE(firefox.value(u"text"_s).toString(), u"firefox-esr"_s);

    // mkEnableOption's description and example.
    const QJsonObject tailscale = option(u"services.tailscale.enable"_s);
    QCOMPARE(tailscale.value(u"description"_s).toString(), u"Whether to enable Tailscale client daemon."_s);
    QCOMPARE(tailscale.value(u"example"_s).toObject().value(u"text"_s).toString(), u"true"_s);

    // A default of a type with an empty value but no explicit default.
    QCOMPARE(option(u"snowpaneTest.nick"_s).value(u"example"_s).toObject().value(u"text"_s).toString(), u"\"alice\""_s);
    QVERIFY(!option(u"snowpaneTest.nick"_s).contains(u"default"_s));
}

void StandinOptionsTest::hiddenOptions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<bool>("internal");

    QTest::newRow("renamed option") << u"services.xserver.displayManager.sddm.enable"_s << false << false;
    QTest::newRow("invisible") << u"boot.loader.grub.configurationName"_s << false << false;
    QTest::newRow("internal") << u"system.build.etc"_s << true << true;
    QTest::newRow("internal version") << u"system.nixos.version"_s << true << true;
    QTest::newRow("module arguments") << u"_module.args"_s << true << true;
}

void StandinOptionsTest::hiddenOptions()
{
    QFETCH(QString, name);
    QFETCH(bool, visible);
    QFETCH(bool, internal);
    QVERIFY2(m_all.contains(name), qPrintable(u"no option "_s + name + u" in the unfiltered list"_s));
    QCOMPARE(m_all.value(name).value(u"visible"_s).toBool(), visible);
    QCOMPARE(m_all.value(name).value(u"internal"_s).toBool(), internal);
    QVERIFY(!m_visible.contains(name));
}

void StandinOptionsTest::everyEntryIsComplete()
{
    for (auto it = m_visible.cbegin(); it != m_visible.cend(); ++it) {
        const QJsonObject &entry = it.value();
        const QString what = it.key();
        for (const auto &key : {u"loc"_s, u"type"_s, u"description"_s, u"declarations"_s, u"readOnly"_s, u"visible"_s, u"internal"_s}) {
            QVERIFY2(entry.contains(key), qPrintable(what + u" lacks "_s + key));
        }
        QVERIFY2(!entry.value(u"declarations"_s).toArray().isEmpty(), qPrintable(what + u" has no declarations"_s));
        QStringList loc;
        for (const QJsonValue &part : entry.value(u"loc"_s).toArray()) {
            loc << part.toString();
        }
        QVERIFY2(loc.join(u'.') == what, qPrintable(what));
        for (const auto &key : {u"default"_s, u"example"_s}) {
            if (entry.contains(key)) {
                const QString kind = entry.value(key).toObject().value(u"_type"_s).toString();
                QVERIFY2(kind == u"literalExpression"_s || kind == u"literalMD"_s, qPrintable(what + u" has a "_s + key + u" of kind "_s + kind));
            }
        }
    }
}

QTEST_GUILESS_MAIN(StandinOptionsTest)

#include "tst_standin_options.moc"
