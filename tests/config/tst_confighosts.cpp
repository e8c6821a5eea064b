// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every host of a flake, what each host is made of, and edits that touch
// only the chosen host, on tests/fixtures/hosts (hosts made by mkHost and
// lib.genAttrs, a base module every host imports, a desktop profile only
// some do) with real Nix: the host list, definitionsWithLocations compared
// with the static file graph, the CLI's refusals, and an override for one
// host checked with `nix eval` on every host.

#include "changeset.h"
#include "definitions.h"
#include "documentset.h"
#include "flakehosts.h"
#include "hostevaluation.h"
#include "parser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace Qt::StringLiterals;
using namespace Snowpane::Config;
using namespace Snowpane::Config;

namespace
{

const QString fixtures = QStringLiteral(FIXTURES_DIR);

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment nixEnvironment(const QString &cache)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NIX_CONFIG"_s, u"substituters =\nexperimental-features = nix-command flakes"_s);
    env.insert(u"XDG_CACHE_HOME"_s, cache);
    return env;
}

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env, const QString &directory = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!directory.isEmpty()) {
        p.setWorkingDirectory(directory);
    }
    p.start(program, arguments);
    if (!p.waitForStarted()) {
        return {-1, {}, program + u" cannot be started: "_s + p.errorString()};
    }
    p.waitForFinished(300000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target)) {
            return false;
        }
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Every file of the copied flake with its text: to check that a refusal wrote nothing.
std::map<QString, QByteArray> snapshot(const QString &directory)
{
    std::map<QString, QByteArray> out;
    QDirIterator it(directory, {u"*.nix"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out[path] = readAll(path);
    }
    return out;
}

} // namespace

class ConfigHostsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_repo;
    QString m_flake;
    QString m_cache;
    QProcessEnvironment m_env;

    // A scratch git repository holding the stand-in nixpkgs and a copy of the fixture flake.
    bool makeRepository(const QString &repo)
    {
        if (!copyTree(fixtures + u"/nixpkgs"_s, repo + u"/nixpkgs"_s) || !copyTree(fixtures + u"/hosts"_s, repo + u"/hosts"_s)) {
            return false;
        }
        const QStringList identity{u"-c"_s, u"user.name=Test"_s, u"-c"_s, u"user.email=test@example.invalid"_s};
        return run(u"git"_s, {u"init"_s, u"-q"_s, repo}, m_env).exitCode == 0 && run(u"git"_s, {u"-C"_s, repo, u"add"_s, u"-A"_s}, m_env).exitCode == 0
            && run(u"git"_s, identity + QStringList{u"-C"_s, repo, u"commit"_s, u"-q"_s, u"-m"_s, u"fixture"_s}, m_env).exitCode == 0;
    }

    Run cli(const QStringList &arguments, const QString &flake = {})
    {
        return run(QStringLiteral(SNOWPANE_CLI), arguments + QStringList{u"--config"_s, flake.isEmpty() ? m_flake : flake}, m_env);
    }

    QString evalHost(const QString &host, const QString &attribute)
    {
        const Run r = run(u"nix"_s, {u"eval"_s, u"--json"_s, m_flake + u"#nixosConfigurations."_s + host + u".config."_s + attribute}, m_env);
        return r.exitCode == 0 ? r.out.trimmed() : u"error: "_s + r.err;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_cache = m_tmp.path() + u"/cache"_s;
        m_env = nixEnvironment(m_cache);
        // In-process calls (listHosts, evaluateHostFiles) run Nix with this environment too.
        qputenv("NIX_CONFIG", m_env.value(u"NIX_CONFIG"_s).toUtf8());
        if (QStandardPaths::findExecutable(u"nix"_s).isEmpty() || QStandardPaths::findExecutable(u"git"_s).isEmpty()) {
            QFAIL("this test needs real Nix and git (run it inside tools/dev exec)");
        }
        m_repo = m_tmp.path() + u"/repo"_s;
        QVERIFY(makeRepository(m_repo));
        m_flake = m_repo + u"/hosts"_s;
    }

    // mkHost, genAttrs and `//` are followed without Nix, interpolated paths included.
    void staticReading()
    {
        const Snowpane::Nix::SyntaxTree tree = Snowpane::Nix::parse(readAll(fixtures + u"/hosts/flake.nix"_s).toStdString());
        const StaticHosts hosts = readFlakeHosts(tree);
        QVERIFY2(hosts.error.empty(), hosts.error.c_str());
        std::map<std::string, std::vector<std::string>> paths;
        for (const StaticHost &h : hosts.hosts) {
            QVERIFY2(h.readable, (h.name + ": " + h.why).c_str());
            for (const StaticModuleItem &item : h.modules) {
                QCOMPARE(item.kind, StaticModuleItem::Kind::Path);
                paths[h.name].push_back(item.path);
            }
        }
        QCOMPARE(paths.size(), std::size_t(5));
        QCOMPARE(paths["alpha"], (std::vector<std::string>{"./modules/base.nix", "./hosts/alpha", "./profiles/desktop.nix"}));
        QCOMPARE(paths["beta"], (std::vector<std::string>{"./modules/base.nix", "./hosts/beta", "./profiles/desktop.nix"}));
        QCOMPARE(paths["gamma"], (std::vector<std::string>{"./modules/base.nix", "./hosts/gamma"}));
        QCOMPARE(paths["delta"], (std::vector<std::string>{"./modules/base.nix", "./hosts/delta/configuration.nix"}));

        // A shape it does not know is reported, not guessed.
        const Snowpane::Nix::SyntaxTree computed =
            Snowpane::Nix::parse("{ outputs = { self, nixpkgs }: { nixosConfigurations = builtins.mapAttrs (n: _: f n) (builtins.readDir ./hosts); }; }");
        const StaticHosts none = readFlakeHosts(computed);
        QVERIFY(none.hosts.empty());
        QVERIFY2(none.error.find("mapAttrs") != std::string::npos, none.error.c_str());
    }

    void hostsByEvaluationAndCache()
    {
        Run r = cli({u"hosts"_s, u"--json"_s, u"--no-cache"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(u"hosts"_s).toArray(), QJsonArray({u"alpha"_s, u"beta"_s, u"delta"_s, u"gamma"_s, u"omega"_s}));
        QCOMPARE(o.value(u"reading"_s).toString(), u"evaluation"_s);
        QCOMPARE(o.value(u"cached"_s).toBool(), false);
        r = cli({u"hosts"_s, u"--json"_s});
        o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(u"cached"_s).toBool(), true);
        QCOMPARE(o.value(u"hosts"_s).toArray().size(), 5);
        // A change of the tree's content is a new key: evaluated again.
        QFile::copy(m_flake + u"/hosts/gamma/default.nix"_s, m_flake + u"/hosts/gamma/copy.nix"_s);
        r = cli({u"hosts"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"cached"_s).toBool(), false);
        QFile::remove(m_flake + u"/hosts/gamma/copy.nix"_s);
        r = cli({u"hosts"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, u"alpha\nbeta\ndelta\ngamma\nomega\n"_s);
        r = cli({u"hosts"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"cached"_s).toBool(), true);
        // So is a change outside the flake's directory in what it reads: the nixpkgs input is `path:../nixpkgs`.
        const QString input = m_repo + u"/nixpkgs/default.nix"_s;
        const QByteArray original = readAll(input);
        QVERIFY(!original.isEmpty());
        QVERIFY(writeAll(input, original + "\n# changed outside the flake\n"));
        r = cli({u"hosts"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"cached"_s).toBool(), false);
        QVERIFY(writeAll(input, original));
    }

    // Nix fails (the nixpkgs input is gone): the static reading lists the hosts and says why.
    void hostsWhenEvaluationFails()
    {
        const QString repo = m_tmp.path() + u"/broken"_s;
        QVERIFY(makeRepository(repo));
        QFile flake(repo + u"/hosts/flake.nix"_s);
        QVERIFY(flake.open(QIODevice::ReadOnly));
        QByteArray text = flake.readAll().replace("path:../nixpkgs", "path:../nixpkgs-gone");
        flake.close();
        QVERIFY(flake.open(QIODevice::WriteOnly | QIODevice::Truncate));
        flake.write(text);
        flake.close();
        const QString dir = repo + u"/hosts"_s;
        Run r = cli({u"hosts"_s, u"--json"_s}, dir);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(u"reading"_s).toString(), u"static"_s);
        QCOMPARE(o.value(u"hosts"_s).toArray().size(), 5);
        QVERIFY2(o.value(u"why"_s).toString().contains(u"nixpkgs-gone"_s), qPrintable(o.value(u"why"_s).toString()));

        // Edits still work from the static reading, which says it is in use; placement still avoids shared files.
        r = cli({u"set"_s, u"services.openssh.enable"_s, u"true"_s, u"--host"_s, u"alpha"_s, u"--dry-run"_s}, dir);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"static reading"_s) && r.err.contains(u"nixpkgs-gone"_s), qPrintable(r.err));
        QVERIFY2(r.out.contains(u"+++ b/hosts/alpha/default.nix"_s), qPrintable(r.out));
        r = cli({u"set"_s, u"time.timeZone"_s, u"\"UTC\""_s, u"--host"_s, u"alpha"_s}, dir);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"beta, delta, gamma and omega"_s), qPrintable(r.err));
    }

    void unknownHost()
    {
        const auto before = snapshot(m_flake);
        for (const QString &command : {u"get"_s, u"definitions"_s, u"imports"_s}) {
            QStringList arguments{command};
            if (command != u"imports"_s) {
                arguments << u"time.timeZone"_s;
            }
            const Run r = cli(arguments + QStringList{u"--host"_s, u"zeta"_s});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(u"no host `zeta`"_s) && r.err.contains(u"alpha, beta, delta, gamma and omega"_s), qPrintable(r.err));
        }
        for (const QStringList &edit : {QStringList{u"set"_s, u"time.timeZone"_s, u"\"UTC\""_s},
                                        QStringList{u"unset"_s, u"time.timeZone"_s},
                                        QStringList{u"add-package"_s, u"htop"_s},
                                        QStringList{u"remove-package"_s, u"git"_s}}) {
            const Run r = cli(edit + QStringList{u"--host"_s, u"zeta"_s});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(u"no host `zeta`"_s), qPrintable(r.err));
        }
        // Several hosts and none chosen: named, not guessed.
        const Run r = cli({u"get"_s, u"time.timeZone"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"several hosts"_s) && r.err.contains(u"--host"_s), qPrintable(r.err));
        QVERIFY(snapshot(m_flake) == before);
    }

    // For every host and every option the fixture defines, the static file graph and Nix's definitionsWithLocations name the same files.
    void staticGraphMatchesEvaluation()
    {
        const HostFiles files = evaluateHostFiles(m_flake, {}, QProcessEnvironment::systemEnvironment(), false);
        QVERIFY2(files.ok, files.error.c_str());
        QCOMPARE(files.files.size(), std::size_t(5));
        std::size_t compared = 0;
        for (const auto &[host, perFile] : files.files) {
            const DocumentSet set = DocumentSet::load(m_flake.toStdString(), host);
            QVERIFY2(set.ok(), set.error().c_str());
            // A module the static reading cannot look into (omega's `lib.mkMerge [ … ]`) may define anything: it is
            // known as opaque, and only evaluation says what it defines.
            std::set<std::string> opaque;
            for (const Module &m : set.modules()) {
                if (m.body == Snowpane::Nix::noNode) {
                    opaque.insert(set.documents()[m.document].path);
                }
            }
            std::map<std::string, std::set<std::string>> evaluated; // option → files
            for (const auto &[file, options] : perFile) {
                QVERIFY2(set.indexOf(file) >= 0, (host + ": evaluation names " + file + ", which the static reading does not reach").c_str());
                for (const std::string &option : options) {
                    if (!opaque.contains(file)) {
                        evaluated[option].insert(file);
                    }
                }
            }
            QCOMPARE(opaque.size(), std::size_t(host == "omega" ? 1 : 0));
            for (const auto &[option, want] : evaluated) {
                std::set<std::string> found;
                for (const Definition &d : findDefinitions(set, *parseOptionPath(option))) {
                    found.insert(d.file);
                }
                QVERIFY2(found == want, (host + ": " + option + " differs").c_str());
                ++compared;
            }
            // And every module file the static reading finds defines something Nix sees (none is imported for nothing).
            for (const Document &d : set.documents()) {
                if (!d.path.ends_with("/flake.nix")) {
                    QVERIFY2(perFile.contains(d.path), (host + ": " + d.path + " is not in the evaluation").c_str());
                }
            }
        }
        QVERIFY(compared >= 40);
        // Cached: the same answer with no Nix.
        const HostFiles again = evaluateHostFiles(m_flake, {}, QProcessEnvironment::systemEnvironment(), true);
        QVERIFY(again.ok);
        QVERIFY(again.fromCache);
        QVERIFY(again.files == files.files);
    }

    void definitionsNameTheirHosts()
    {
        Run r = cli({u"definitions"_s, u"time.timeZone"_s, u"--json"_s, u"--host"_s, u"gamma"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonArray definitions = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(definitions.size(), 1);
        QJsonObject d = definitions.at(0).toObject();
        QCOMPARE(d.value(u"file"_s).toString(), m_flake + u"/modules/base.nix"_s);
        QCOMPARE(d.value(u"line"_s).toInt(), 11);
        QCOMPARE(d.value(u"column"_s).toInt(), 3);
        QCOMPARE(d.value(u"hosts"_s).toArray(), QJsonArray({u"alpha"_s, u"beta"_s, u"delta"_s, u"gamma"_s, u"omega"_s}));
        r = cli({u"definitions"_s, u"services.printing.enable"_s, u"--json"_s, u"--host"_s, u"beta"_s});
        d = QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(d.value(u"hosts"_s).toArray(), QJsonArray({u"alpha"_s, u"beta"_s}));
        r = cli({u"definitions"_s, u"networking.hostName"_s, u"--json"_s, u"--host"_s, u"delta"_s});
        d = QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(d.value(u"hosts"_s).toArray(), QJsonArray({u"delta"_s}));
        r = cli({u"imports"_s, u"--json"_s, u"--host"_s, u"alpha"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"reading"_s).toString(), u"evaluation"_s);
    }

    // The case: services.openssh.enable for one desktop must not land in the desktop profile every desktop imports.
    void newDefinitionGoesToTheHostsOwnFile()
    {
        const Run r = cli({u"set"_s, u"services.openssh.enable"_s, u"true"_s, u"--host"_s, u"alpha"_s, u"--dry-run"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"+++ b/hosts/alpha/default.nix"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"+  services.openssh.enable = true;"_s), qPrintable(r.out));
        QVERIFY(!r.out.contains(u"desktop.nix"_s));
    }

    void sharedChangeIsRefused()
    {
        const auto before = snapshot(m_flake);
        Run r = cli({u"set"_s, u"time.timeZone"_s, u"\"UTC\""_s, u"--host"_s, u"gamma"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"modules/base.nix"_s) && r.err.contains(u"alpha, beta, delta and omega"_s) && r.err.contains(u"--all-hosts"_s),
                 qPrintable(r.err));
        r = cli({u"unset"_s, u"services.printing.enable"_s, u"--host"_s, u"alpha"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"profiles/desktop.nix"_s) && r.err.contains(u"beta"_s), qPrintable(r.err));
        r = cli({u"remove-package"_s, u"git"_s, u"--host"_s, u"gamma"_s});
        QCOMPARE(r.exitCode, 1);
        // omega's own module is computed: no file only it includes can take a definition; say why and where one could go.
        r = cli({u"set"_s, u"services.openssh.enable"_s, u"true"_s, u"--host"_s, u"omega"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"only host `omega`"_s) && r.err.contains(u"hosts/omega/default.nix"_s) && r.err.contains(u"mkMerge"_s)
                     && r.err.contains(u"new module"_s),
                 qPrintable(r.err));
        QVERIFY(snapshot(m_flake) == before);
    }

    // A file the edit needs that git does not track: the flake would not see it. Refused with its name; nothing is written.
    void untrackedFileIsRefused()
    {
        QCOMPARE(run(u"git"_s, {u"-C"_s, m_repo, u"rm"_s, u"-q"_s, u"--cached"_s, u"hosts/hosts/gamma/default.nix"_s}, m_env).exitCode, 0);
        const auto before = snapshot(m_flake);
        const Run r = cli({u"set"_s, u"services.printing.enable"_s, u"true"_s, u"--host"_s, u"gamma"_s});
        QCOMPARE(run(u"git"_s, {u"-C"_s, m_repo, u"add"_s, u"hosts/hosts/gamma/default.nix"_s}, m_env).exitCode, 0);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"hosts/hosts/gamma/default.nix is not tracked by git"_s) && r.err.contains(u"Nothing was written"_s), qPrintable(r.err));
        QVERIFY(snapshot(m_flake) == before);
    }

    // End to end: an override for gamma in its own file changes gamma and leaves every other host's value as it was.
    void overrideForOneHostLeavesTheOthers()
    {
        const QStringList hosts{u"alpha"_s, u"beta"_s, u"delta"_s, u"gamma"_s, u"omega"_s};
        std::map<QString, QString> before;
        for (const QString &h : hosts) {
            before[h] = evalHost(h, u"time.timeZone"_s);
            QCOMPARE(before[h], u"\"Europe/Amsterdam\""_s);
        }
        const QByteArray base = readAll(m_flake + u"/modules/base.nix"_s);
        const Run r = cli({u"set"_s, u"time.timeZone"_s, u"\"UTC\""_s, u"--host"_s, u"gamma"_s, u"--override-for-host"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readAll(m_flake + u"/modules/base.nix"_s), base);
        QVERIFY(readAll(m_flake + u"/hosts/gamma/default.nix"_s).contains("time.timeZone = lib.mkForce \"UTC\";"));
        for (const QString &h : hosts) {
            QCOMPARE(evalHost(h, u"time.timeZone"_s), h == u"gamma"_s ? u"\"UTC\""_s : before[h]);
        }
        // beta's module does not take `lib`: it is added, and beta alone changes.
        const Run b = cli({u"set"_s, u"services.printing.enable"_s, u"false"_s, u"--host"_s, u"beta"_s, u"--override-for-host"_s});
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        QVERIFY(readAll(m_flake + u"/hosts/beta/default.nix"_s).contains("{ config, lib, ... }:"));
        QCOMPARE(evalHost(u"beta"_s, u"services.printing.enable"_s), u"false"_s);
        QCOMPARE(evalHost(u"alpha"_s, u"services.printing.enable"_s), u"true"_s);
        // --all-hosts changes the shared file, for every host that includes it.
        const Run all = cli({u"set"_s, u"i18n.defaultLocale"_s, u"\"de_DE.UTF-8\""_s, u"--host"_s, u"delta"_s, u"--all-hosts"_s});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        for (const QString &h : hosts) {
            QCOMPARE(evalHost(h, u"i18n.defaultLocale"_s), u"\"de_DE.UTF-8\""_s);
        }
    }

    // A package for one host goes into a list of the host's own files, not into the shared one.
    void packageForOneHost()
    {
        const QByteArray base = readAll(m_flake + u"/modules/base.nix"_s);
        const Run r = cli({u"add-package"_s, u"htop"_s, u"--host"_s, u"alpha"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readAll(m_flake + u"/modules/base.nix"_s), base);
        const QString names = u"map (p: p.pname or p.name)"_s;
        const Run alpha =
            run(u"nix"_s, {u"eval"_s, u"--json"_s, m_flake + u"#nixosConfigurations.alpha.config.environment.systemPackages"_s, u"--apply"_s, names}, m_env);
        const Run gamma =
            run(u"nix"_s, {u"eval"_s, u"--json"_s, m_flake + u"#nixosConfigurations.gamma.config.environment.systemPackages"_s, u"--apply"_s, names}, m_env);
        QVERIFY2(alpha.out.contains(u"\"htop\""_s), qPrintable(alpha.out + alpha.err));
        QVERIFY2(!gamma.out.contains(u"\"htop\""_s) && gamma.out.contains(u"\"git\""_s), qPrintable(gamma.out + gamma.err));
    }
};

QTEST_GUILESS_MAIN(ConfigHostsTest)
#include "tst_confighosts.moc"
