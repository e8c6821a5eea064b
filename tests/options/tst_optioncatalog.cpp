// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Loading options.json in both of its shapes (NixOS's object and the list of
// lib.optionAttrSetToDocList), literal values, declarations, and the errors
// bad input gives: the byte offset of bad JSON, the option missing a field.

#include "catalogfixtures.h"
#include "optioncatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;
using namespace CatalogFixtures;

namespace
{

} // namespace

class OptionCatalogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void nixosObject()
    {
        const CatalogLoad load = OptionCatalog::fromJson(QByteArrayView(nixosJson));
        QVERIFY2(load.catalog, qPrintable(load.error));
        const OptionCatalog &catalog = *load.catalog;
        QCOMPARE(catalog.size(), 5);
        // Sorted by name.
        QCOMPARE(catalog.name(0), u8"boot.kernel.sysctl.\"net.ipv4.ip_forward\"");
        QCOMPARE(catalog.name(4), u8"users.users.<name>.name");

        const Option ssh = catalog.option(catalog.indexOf(u"services.openssh.enable"_s));
        QCOMPARE(ssh.loc, (QStringList{u"services"_s, u"openssh"_s, u"enable"_s}));
        QCOMPARE(ssh.type->text, u"boolean"_s);
        QCOMPARE(ssh.type->editor.kind, EditorKind::Switch);
        QCOMPARE(ssh.defaultValue.kind, OptionLiteral::Kind::Expression);
        QCOMPARE(ssh.defaultValue.text, u"false"_s);
        QCOMPARE(ssh.example.kind, OptionLiteral::Kind::None);
        QCOMPARE(ssh.declarations, QStringList{u"/nix/store/abc-source/nixos/modules/services/networking/ssh/sshd.nix"_s});
        QVERIFY(ssh.description.startsWith(u"Whether to enable the OpenSSH secure shell daemon, which\nallows"_s));

        const Option ports = catalog.option(catalog.indexOf(u"services.openssh.ports"_s));
        QCOMPARE(ports.declarations, QStringList{u"<nixpkgs/nixos/modules/services/networking/ssh/sshd.nix>"_s});
        QCOMPARE(ports.example.text, u"[ 22 2222 ]"_s);
        QCOMPARE(ports.type->tree.toDebugString(), u"list(integer[0..65535])"_s);

        const Option user = catalog.option(catalog.indexOf(u"users.users.<name>.name"_s));
        QCOMPARE(user.description, u"The name of the user \"account\"."_s);
        QCOMPARE(user.defaultValue.kind, OptionLiteral::Kind::Markdown);
        QCOMPARE(user.relatedPackages, uR"([["hello"], {"name": "git"}])"_s);
        QCOMPARE(user.loc.at(2), u"<name>"_s);

        const Option toplevel = catalog.option(catalog.indexOf(u"system.build.toplevel"_s));
        QVERIFY(toplevel.readOnly);
        QVERIFY(toplevel.description.isEmpty());
        QCOMPARE(toplevel.defaultValue.kind, OptionLiteral::Kind::None);

        const Option sysctl = catalog.option(0);
        QCOMPARE(sysctl.loc.last(), u"net.ipv4.ip_forward"_s);
        QCOMPARE(sysctl.defaultValue.kind, OptionLiteral::Kind::Json);
        QCOMPARE(sysctl.defaultValue.text, u"false"_s);
        QCOMPARE(sysctl.example.kind, OptionLiteral::Kind::Json);
        QCOMPARE(sysctl.example.text, uR"({"a": [1, 2.5, null], "b": "c"})"_s);

        QCOMPARE(catalog.indexOf(u"services.openssh"_s), -1);
        QCOMPARE(catalog.indexOf(u"zzz"_s), -1);
        // Types are shared: five options, five distinct strings.
        QCOMPARE(catalog.types().size(), size_t(5));
    }

    void docListIsFiltered()
    {
        const CatalogLoad load = OptionCatalog::fromJson(QByteArrayView(docListJson));
        QVERIFY2(load.catalog, qPrintable(load.error));
        QStringList names;
        for (int i = 0; i < load.catalog->size(); ++i) {
            names.append(load.catalog->name(i).toString());
        }
        // Hidden options are dropped; internal ones are kept, flagged, for the setting that lists them.
        QCOMPARE(names, (QStringList{u"a.internal"_s, u"a.shallow"_s, u"a.twice"_s, u"b.visible"_s}));
        QVERIFY(load.catalog->isInternal(0));
        QVERIFY(!load.catalog->isInternal(1));
        // The last of two entries with one name wins, as in a JSON object.
        QCOMPARE(load.catalog->option(2).description, u"second"_s);
        // The flag survives the cache's JSON.
        const CatalogLoad again = OptionCatalog::fromJson(QByteArrayView(load.catalog->toJson()));
        QVERIFY2(again.catalog, qPrintable(again.error));
        QVERIFY(again.catalog->isInternal(again.catalog->indexOf(u"a.internal"_s)));
        QVERIFY(!again.catalog->isInternal(again.catalog->indexOf(u"b.visible"_s)));
    }

    void roundTrip()
    {
        const CatalogLoad first = OptionCatalog::fromJson(QByteArrayView(nixosJson));
        QVERIFY(first.catalog);
        const QByteArray json = first.catalog->toJson();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject ssh = document.object().value(u"services.openssh.ports"_s).toObject();
        QCOMPARE(ssh.value(u"type"_s).toString(), u"list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)"_s);
        QCOMPARE(ssh.value(u"default"_s).toObject().value(u"text"_s).toString(), u"[\n  22\n]"_s);
        QCOMPARE(ssh.value(u"loc"_s).toArray().size(), 3);

        const CatalogLoad second = OptionCatalog::fromJson(json);
        QVERIFY2(second.catalog, qPrintable(second.error));
        QCOMPARE(second.catalog->toJson(), json);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");

        QTest::newRow("empty") << QByteArray() << u"options.json is not valid JSON at byte 0"_s;
        QTest::newRow("not json") << QByteArray("hello") << u"options.json is not valid JSON at byte 0"_s;
        QTest::newRow("a number") << QByteArray("42") << u"options.json must hold an object keyed by option name, or a list of options"_s;
        QTest::newRow("truncated") << QByteArray(R"({"a.b": {"loc": ["a", "b"], "type": "string", "description": "x")")
                                   << u"options.json is not valid JSON at byte"_s;
        QTest::newRow("missing type") << QByteArray(R"({"a.b": {"loc": ["a", "b"], "description": "x"}})") << u"option a.b: has no \"type\""_s;
        QTest::newRow("missing loc") << QByteArray(R"({"a.b": {"type": "string"}})") << u"option a.b: has no \"loc\""_s;
        QTest::newRow("type not a string") << QByteArray(R"({"a.b": {"loc": ["a", "b"], "type": 3}})")
                                           << u"option a.b: \"type\" has the wrong kind of value (at byte"_s;
        QTest::newRow("entry not an object") << QByteArray(R"({"a.b": [1]})") << u"option a.b: the entry is not an object"_s;
        QTest::newRow("list entry without name") << QByteArray(R"([{"loc": ["a"], "type": "string"}])") << u"option #1: has no \"name\""_s;
        QTest::newRow("trailing text") << QByteArray(R"({} x)") << u"options.json is not valid JSON at byte"_s;
        QTest::newRow("bad loc") << QByteArray(R"({"a.b": {"loc": "a.b", "type": "string"}})") << u"option a.b: \"loc\" has the wrong kind of value"_s;
    }

    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const CatalogLoad load = OptionCatalog::fromJson(json);
        QVERIFY(!load.catalog);
        QVERIFY2(load.error.startsWith(error), qPrintable(load.error));
    }

    void syntaxErrorOffset()
    {
        // The bad token is at byte 52 (in a field Snowpane does not use); On-Demand reports where it stopped, at or just after it.
        const QByteArray json = R"({"a.b": {"loc": ["a", "b"], "type": "string", "x": [1, {"y": tru}]}})";
        const CatalogLoad load = OptionCatalog::fromJson(json);
        QVERIFY(!load.catalog);
        QVERIFY2(load.error.contains(u"at byte"_s), qPrintable(load.error));
        const qsizetype at = load.error.indexOf(u"byte "_s) + 5;
        const int offset = load.error.mid(at).section(u' ', 0, 0).remove(u')').remove(u':').toInt();
        QVERIFY2(offset >= 40 && offset <= json.size(), qPrintable(load.error));
    }

    void everyPrefixFailsCleanly()
    {
        // Cut anywhere, the file gives an error, never a crash.
        const QByteArray json(nixosJson);
        for (qsizetype length = 0; length < json.size() - 1; length += 7) {
            const CatalogLoad load = OptionCatalog::fromJson(json.left(length));
            QVERIFY2(!load.catalog || length == 0, qPrintable(QString::number(length)));
            QVERIFY(!load.error.isEmpty());
        }
    }

    void fromFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"options.json"_s);
        const CatalogLoad missing = OptionCatalog::fromFile(path);
        QVERIFY(!missing.catalog);
        QVERIFY2(missing.error.startsWith(u"cannot read "_s + path), qPrintable(missing.error));

        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"x": {"loc": ["x"]}})");
        file.close();
        const CatalogLoad bad = OptionCatalog::fromFile(path);
        QCOMPARE(bad.error, path + u": option x: has no \"type\" (at byte 20)"_s);
    }
};

QTEST_GUILESS_MAIN(OptionCatalogTest)
#include "tst_optioncatalog.moc"
