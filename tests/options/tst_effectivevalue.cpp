// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Effective values of the stand-in system's options, evaluated with real Nix
// (classic and flake): what other modules and defaults decide, packages and
// functions made printable, Nix's errors passed on, the cache, and the
// rendering of values as Nix source. Needs Nix: fails, never skips, without it.

#include "effectivevalue.h"
#include "standinsource.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Snowpane::Options;

namespace
{

using namespace StandInSource;

[[nodiscard]] OptionSource classicDemo()
{
    return classic(fixtures() + u"/demo/configuration.nix"_s);
}

// Evaluates one option and waits for it.
[[nodiscard]] EffectiveValue evaluate(EffectiveValueEvaluator &evaluator, const QString &name)
{
    QSignalSpy spy(&evaluator, &EffectiveValueEvaluator::evaluated);
    evaluator.evaluate(name, name.split(u'.'));
    if (!spy.wait(120000)) {
        return {};
    }
    return spy.at(0).at(0).value<EffectiveValue>();
}

[[nodiscard]] QJsonValue json(const char *text)
{
    // Wrapped in a list, so that any value is a document.
    const QByteArray document = '[' + QByteArray(text) + ']';
    return QJsonDocument::fromJson(document).array().at(0);
}

} // namespace

class EffectiveValueTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"nix-instantiate"_s).isEmpty() || QStandardPaths::findExecutable(u"nix"_s).isEmpty()) {
            QFAIL("nix-instantiate and nix are not on PATH. These tests evaluate the stand-in system with real Nix: run them in the build environment.");
        }
    }

    void valuesOfTheDemoSystem_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("expectedJson");
        // Set in configuration.nix.
        QTest::newRow("set in the file") << u"services.openssh.enable"_s << u"true"_s;
        QTest::newRow("text") << u"networking.hostName"_s << u"\"snowpane-demo\""_s;
        // Not set anywhere: the default of the module.
        QTest::newRow("default") << u"services.openssh.ports"_s << u"[22]"_s;
        // Set in a nested attribute set of the file.
        QTest::newRow("nested") << u"services.openssh.settings.PermitRootLogin"_s << u"\"no\""_s;
        // Set in desktop.nix, imported by configuration.nix.
        QTest::newRow("imported file") << u"services.printing.enable"_s << u"true"_s;
    }

    void valuesOfTheDemoSystem()
    {
        QFETCH(QString, option);
        QFETCH(QString, expectedJson);
        EffectiveValueEvaluator evaluator;
        evaluator.setSource(classicDemo());
        const EffectiveValue value = evaluate(evaluator, option);
        QVERIFY2(value.ok, qPrintable(value.error));
        QCOMPARE(value.option, option);
        QCOMPARE(value.json, json(expectedJson.toUtf8().constData()));
        QCOMPARE(value.text, EffectiveValueEvaluator::nixText(value.json));
    }

    void packagesBecomeTheirNames()
    {
        EffectiveValueEvaluator evaluator;
        evaluator.setSource(classicDemo());
        const EffectiveValue value = evaluate(evaluator, u"environment.systemPackages"_s);
        QVERIFY2(value.ok, qPrintable(value.error));
        QVERIFY(value.json.isArray());
        QVERIFY(!value.json.toArray().isEmpty());
        QStringList names;
        for (const QJsonValue &item : value.json.toArray()) {
            QCOMPARE(item.toObject().value(u"_snowpane"_s).toString(), u"package"_s);
            names.append(item.toObject().value(u"name"_s).toString());
        }
        // vim is in the demo's environment.systemPackages.
        QVERIFY2(std::ranges::any_of(names,
                                     [](const QString &name) {
                                         return name.startsWith(u"vim"_s);
                                     }),
                 qPrintable(names.join(u", "_s)));
        QVERIFY2(value.text.contains(u"<derivation vim"_s), qPrintable(value.text));
    }

    void flakeHost()
    {
        OptionSource source;
        source.kind = OptionSource::Kind::Flake;
        source.flake = fixtures() + u"/flake"_s;
        source.host = u"demo"_s;
        source.environment = nixEnvironment();
        EffectiveValueEvaluator evaluator;
        evaluator.setSource(source);
        const EffectiveValue value = evaluate(evaluator, u"networking.hostName"_s);
        QVERIFY2(value.ok, qPrintable(value.error));
        // host.nix of the flake names the host after its attribute.
        QCOMPARE(value.json.toString(), u"demo"_s);
    }

    void nixErrorsArePassedOn()
    {
        QTemporaryDir directory;
        QFile file(directory.filePath(u"configuration.nix"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ lib, ... }: { networking.hostName = throw \"no host name for you\"; fileSystems.\"/\".device = \"/dev/sda1\"; }\n");
        file.close();
        OptionSource source = classicDemo();
        source.configuration = file.fileName();
        EffectiveValueEvaluator evaluator;
        evaluator.setSource(source);
        const EffectiveValue value = evaluate(evaluator, u"networking.hostName"_s);
        QVERIFY(!value.ok);
        QVERIFY2(value.error.contains(u"no host name for you"_s), qPrintable(value.error));
        QVERIFY2(value.error.startsWith(u"error:"_s), qPrintable(value.error));
    }

    void templateOptionsHaveNoValue()
    {
        EffectiveValueEvaluator evaluator;
        evaluator.setSource(classicDemo());
        QSignalSpy spy(&evaluator, &EffectiveValueEvaluator::evaluated);
        evaluator.evaluate(u"users.users.<name>.isNormalUser"_s, {u"users"_s, u"users"_s, u"<name>"_s, u"isNormalUser"_s});
        QVERIFY(spy.wait(5000));
        const auto value = spy.at(0).at(0).value<EffectiveValue>();
        QVERIFY(!value.ok);
        QVERIFY2(value.error.contains(u"users.users"_s), qPrintable(value.error));
    }

    void cachedUntilCleared()
    {
        EffectiveValueEvaluator evaluator;
        evaluator.setSource(classicDemo());
        const EffectiveValue first = evaluate(evaluator, u"time.timeZone"_s);
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(evaluator.cached(u"time.timeZone"_s));
        QVERIFY(!evaluator.isEvaluating(u"time.timeZone"_s));
        // From the cache: delivered without Nix, and the same.
        const EffectiveValue second = evaluate(evaluator, u"time.timeZone"_s);
        QCOMPARE(second.json, first.json);
        evaluator.clearCache();
        QVERIFY(!evaluator.cached(u"time.timeZone"_s));
    }

    void queuedRequestsAllArrive()
    {
        EffectiveValueEvaluator evaluator;
        evaluator.setSource(classicDemo());
        QSignalSpy spy(&evaluator, &EffectiveValueEvaluator::evaluated);
        const QStringList options{u"time.timeZone"_s, u"networking.hostName"_s, u"services.openssh.ports"_s};
        for (const QString &option : options) {
            QVERIFY(evaluator.evaluate(option, option.split(u'.')));
        }
        // Asking again while it waits starts nothing new.
        QVERIFY(!evaluator.evaluate(options.last(), options.last().split(u'.')));
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 240000);
        QStringList arrived;
        for (const auto &arguments : std::as_const(spy)) {
            const auto value = arguments.at(0).value<EffectiveValue>();
            QVERIFY2(value.ok, qPrintable(value.error));
            arrived.append(value.option);
        }
        std::ranges::sort(arrived);
        QStringList expected = options;
        std::ranges::sort(expected);
        QCOMPARE(arrived, expected);
    }

    void nixText_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("null") << u"null"_s << u"null"_s;
        QTest::newRow("bool") << u"false"_s << u"false"_s;
        QTest::newRow("int") << u"65535"_s << u"65535"_s;
        QTest::newRow("float") << u"0.5"_s << u"0.5"_s;
        QTest::newRow("string escapes") << u"\"a \\\"b\\\" ${c} \\\\\""_s << u"\"a \\\"b\\\" \\${c} \\\\\""_s;
        QTest::newRow("multi-line string") << u"\"line one\\nline ''two'' ${x}\\n\""_s << u"''\n  line one\n  line '''two''' ''${x}\n''"_s;
        QTest::newRow("short list") << u"[22, 2222]"_s << u"[ 22 2222 ]"_s;
        QTest::newRow("empty list") << u"[]"_s << u"[ ]"_s;
        QTest::newRow("empty set") << u"{}"_s << u"{ }"_s;
        QTest::newRow("set with quoted name") << u"{\"demo.local\": {\"root\": \"/var/www\"}}"_s << u"{ \"demo.local\" = { root = \"/var/www\"; }; }"_s;
        QTest::newRow("package") << u"{\"_snowpane\": \"package\", \"name\": \"vim-9.1\"}"_s << u"<derivation vim-9.1>"_s;
        QTest::newRow("function") << u"{\"_snowpane\": \"function\"}"_s << u"<function>"_s;
        QTest::newRow("long list breaks") << u"[\"aaaaaaaaaaaaaaaaaaaa\", \"bbbbbbbbbbbbbbbbbbbbbbbb\", \"cccccccccccccccccccccccccccc\"]"_s
                                          << u"[\n  \"aaaaaaaaaaaaaaaaaaaa\"\n  \"bbbbbbbbbbbbbbbbbbbbbbbb\"\n  \"cccccccccccccccccccccccccccc\"\n]"_s;
        QTest::newRow("long set breaks") << u"{\"PermitRootLogin\": \"prohibit-password\", \"PasswordAuthentication\": true, \"LogLevel\": \"INFO\"}"_s
                                         << u"{\n  LogLevel = \"INFO\";\n  PasswordAuthentication = true;\n  PermitRootLogin = \"prohibit-password\";\n}"_s;
    }

    void nixText()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(EffectiveValueEvaluator::nixText(json(input.toUtf8().constData())), expected);
    }
};

QTEST_GUILESS_MAIN(EffectiveValueTest)

#include "tst_effectivevalue.moc"
