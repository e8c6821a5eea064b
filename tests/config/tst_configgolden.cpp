// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Golden cases (golden/cases.txt): each input configuration, one operation,
// the expected files byte for byte. Then every case that changed a module is
// evaluated before and after with the real nix-instantiate, and only the
// attribute the operation names may differ. SNOWPANE_UPDATE_GOLDEN=1 rewrites
// the expected files (review the diff by eye before committing).

#include "goldenrunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace Qt::StringLiterals;
using namespace Snowpane::Config;
using namespace Snowpane::Config::Testing;

namespace
{

const std::string goldenDir = GOLDEN_DIR;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// One path is a prefix of the other: the change is the option, inside it, or a set that only held it.
bool related(const QJsonArray &changed, const OptionPath &intended)
{
    for (qsizetype i = 0; i < changed.size() && i < static_cast<qsizetype>(intended.size()); ++i) {
        if (changed.at(i).toString().toStdString() != intended[static_cast<std::size_t>(i)]) {
            return false;
        }
    }
    return true;
}

// Evaluates every module before and after, in one nix-instantiate run, and
// returns case/file → the attribute paths that differ.
const char *evaluator = R"nix(
{ cases }:
let
  lib = import <nixpkgs/lib>;
  realPkgs = import <nixpkgs> { };
  # Packages stand for their names: enough to compare, nothing to build.
  stub = prefix: set: builtins.mapAttrs (n: v:
    if prefix == "" && builtins.isAttrs v && !(v ? type && v.type == "derivation") then stub (n + ".") v
    else "pkgs." + prefix + n) set;
  pkgs = stub "" realPkgs;
  args = { config = { hardware.enableRedistributableFirmware = false; }; inherit lib pkgs; options = { }; modulesPath = "/standin/modules"; };
  load = f:
    let m = import f; v = if builtins.isFunction m then m args else m;
    in if v ? config || v ? options then norm (v.config or { }) else builtins.removeAttrs v [ "imports" ];
  special = v: builtins.isAttrs v && v ? _type;
  norm = v:
    if special v && v._type == "if" then (if v.condition then norm v.content else { })
    else if special v && v._type == "override" then norm v.content
    else v;
  diff = prefix: a0: b0:
    let a = norm a0; b = norm b0; in
    if builtins.isAttrs a && builtins.isAttrs b && !(special a) && !(special b) then
      builtins.concatLists (map (n:
        if a ? ${n} && b ? ${n} then diff (prefix ++ [ n ]) a.${n} b.${n}
        else [ (prefix ++ [ n ]) ]) (builtins.attrNames (a // b)))
    else if a == b then [ ] else [ prefix ];
in builtins.mapAttrs (_: c: diff [ ] (load c.before) (load c.after)) cases
)nix";

} // namespace

class ConfigGoldenTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cases_data();
    void cases();
    void casesAreEnough();
    void semanticsWithRealNix();
};

void ConfigGoldenTest::cases_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("operation");
    std::set<std::string> names;
    for (const GoldenCase &c : readCases(goldenDir + "/cases.txt")) {
        QVERIFY2(names.insert(c.name).second, c.name.c_str());
        QTest::newRow(c.name.c_str()) << q(c.input) << q(c.operation);
    }
}

void ConfigGoldenTest::cases()
{
    QFETCH(QString, input);
    QFETCH(QString, operation);
    const GoldenCase c{QTest::currentDataTag(), input.toStdString(), operation.toStdString()};
    const GoldenRun run = runCase(goldenDir + "/inputs", c);
    QVERIFY2(!run.output.starts_with("=== bad operation"), "cannot parse the operation");
    const QString expectedPath = q(goldenDir + "/expected/" + c.name + ".out");
    if (qEnvironmentVariableIsSet("SNOWPANE_UPDATE_GOLDEN")) {
        QFile out(expectedPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(run.output.data(), static_cast<qint64>(run.output.size()));
        return;
    }
    QFile expected(expectedPath);
    QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(u"missing "_s + expectedPath + u" (run with SNOWPANE_UPDATE_GOLDEN=1 and review)"_s));
    const QByteArray want = expected.readAll();
    QCOMPARE(QString::fromUtf8(QByteArray::fromStdString(run.output)), QString::fromUtf8(want));
}

void ConfigGoldenTest::casesAreEnough()
{
    const std::vector<GoldenCase> all = readCases(goldenDir + "/cases.txt");
    QVERIFY(all.size() >= 150);
    // Every expected file belongs to a case: no stale goldens.
    std::set<QString> names;
    for (const GoldenCase &c : all) {
        names.insert(q(c.name + ".out"));
    }
    for (const QString &file : QDir(q(goldenDir + "/expected")).entryList(QDir::Files)) {
        QVERIFY2(names.contains(file), qPrintable(u"stale golden file "_s + file));
    }
}

void ConfigGoldenTest::semanticsWithRealNix()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    std::string casesNix = "{\n";
    std::vector<std::pair<std::string, OptionPath>> intended; // key → option
    for (const GoldenCase &c : readCases(goldenDir + "/cases.txt")) {
        const GoldenRun run = runCase(goldenDir + "/inputs", c);
        for (const auto &[file, after] : run.changed) {
            bool parsedBefore = false;
            for (const auto &[path, text] : run.before) {
                parsedBefore = parsedBefore || (path == file && text.find_first_not_of(" \n#") != std::string::npos && c.input != "comment-only");
            }
            if (file == "flake.nix" || !parsedBefore) {
                continue; // the flake itself is not a module; an empty file has no "before"
            }
            const QString dir = tmp.path() + u'/' + q(c.name);
            for (const auto &[path, text] : run.before) {
                const QString target = dir + u'/' + q(path);
                QDir().mkpath(QFileInfo(target).absolutePath());
                QFile f(target);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(text.data(), static_cast<qint64>(text.size()));
            }
            const QString afterPath = dir + u'/' + q(file) + u".after.nix"_s;
            QFile f(afterPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(after.data(), static_cast<qint64>(after.size()));
            const std::string key = c.name + "/" + file;
            casesNix += "  \"" + key + "\" = { before = " + QString(dir + u'/' + q(file)).toStdString() + "; after = " + afterPath.toStdString() + "; };\n";
            intended.emplace_back(key, run.operation.path);
        }
    }
    casesNix += "}\n";
    QVERIFY(intended.size() >= 100);
    QFile evaluatorFile(tmp.path() + u"/evaluate.nix"_s);
    QVERIFY(evaluatorFile.open(QIODevice::WriteOnly));
    evaluatorFile.write(evaluator);
    evaluatorFile.close();

    QProcess nix;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NIX_PATH"_s, u"nixpkgs="_s + QStringLiteral(STANDIN_NIXPKGS));
    env.insert(u"NIX_CONFIG"_s, u"substituters ="_s);
    nix.setProcessEnvironment(env);
    nix.start(u"nix-instantiate"_s, {u"--eval"_s, u"--strict"_s, u"--json"_s, evaluatorFile.fileName(), u"--arg"_s, u"cases"_s, q(casesNix)});
    if (!nix.waitForStarted()) {
        QFAIL("nix-instantiate is not available: this test needs real Nix (run it inside tools/dev exec)");
    }
    QVERIFY(nix.waitForFinished(300000));
    QVERIFY2(nix.exitCode() == 0, nix.readAllStandardError().constData());
    const QJsonObject result = QJsonDocument::fromJson(nix.readAllStandardOutput()).object();
    for (const auto &[key, option] : intended) {
        const QJsonArray changed = result.value(q(key)).toArray();
        QVERIFY2(!changed.isEmpty(), qPrintable(q(key) + u": the edit changed nothing Nix can see"_s));
        for (const QJsonValue &path : changed) {
            const QByteArray changedPath = QJsonDocument(path.toArray()).toJson(QJsonDocument::Compact);
            QVERIFY2(related(path.toArray(), option),
                     qPrintable(q(key) + u": "_s + QString::fromUtf8(changedPath) + u" changed, not only `"_s + q(formatAttrPath(option)) + u'`'));
        }
    }
}

QTEST_GUILESS_MAIN(ConfigGoldenTest)
#include "tst_configgolden.moc"
