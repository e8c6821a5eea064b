// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The engine below the golden cases: definitions and their classification,
// typed reads, the document set and its bad inputs, change sets, diffs and
// atomic writes, and snowpane-cli's config commands end to end.

#include "atomicwrite.h"
#include "changeset.h"
#include "definitions.h"
#include "documentset.h"
#include "edit.h"
#include "unifieddiff.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Snowpane::Config;

namespace
{

using Files = std::vector<std::pair<std::string, std::string>>;

DocumentSet load(const std::string &text)
{
    static Files files;
    files = {{"/t/configuration.nix", text}};
    return DocumentSet::fromTexts(files, "/t/configuration.nix");
}

OptionPath path(const char *text)
{
    return *parseOptionPath(text);
}

void writeFile(const QString &name, const QByteArray &content)
{
    QFile f(name);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

struct Cli {
    int exitCode = -1;
    QString out;
    QString err;
};

Cli cli(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(SNOWPANE_CLI), arguments);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class ConfigEngineTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void optionPaths();
    void spellings_data();
    void spellings();
    void classification_data();
    void classification();
    void typedReads_data();
    void typedReads();
    void moduleShapes_data();
    void moduleShapes();
    void pkgsArgument_data();
    void pkgsArgument();
    void refusals_data();
    void refusals();
    void escaping();
    void importsAndCycles();
    void badInput();
    void changeSetUndo();
    void declaredPackages();
    void unifiedDiffFormat();
    void atomicWriteKeepsModeAndOwner();
    void atomicWriteDropsSetuidAndSetgid();
    void cliCommands();
    void cliAddPackageNamesPkgs();
};

void ConfigEngineTest::optionPaths()
{
    QCOMPARE(parseOptionPath("a.b.c"), std::optional<OptionPath>(OptionPath{"a", "b", "c"}));
    QCOMPARE(parseOptionPath("a.\"b.c\".d"), std::optional<OptionPath>(OptionPath{"a", "b.c", "d"}));
    QVERIFY(!parseOptionPath("a..b"));
    QVERIFY(!parseOptionPath(""));
    QVERIFY(!parseOptionPath("a.\"b"));
    QCOMPARE(formatAttrPath({"a", "if", "b c", "x${y}", "ok-1"}), std::string("a.\"if\".\"b c\".\"x\\${y}\".ok-1"));
}

void ConfigEngineTest::spellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("dotted") << u"{ a.b.c = 1; }"_s;
    QTest::newRow("nested") << u"{ a = { b = { c = 1; }; }; }"_s;
    QTest::newRow("mixed") << u"{ a = { b.c = 1; }; }"_s;
    QTest::newRow("quoted") << u"{ \"a\".b.\"c\" = 1; }"_s;
    QTest::newRow("static interpolation") << u"{ ${\"a\"}.b.c = 1; }"_s;
    QTest::newRow("explicit config") << u"{ lib, ... }: { options.x = 1; config = { a.b = { c = 1; }; }; }"_s;
    QTest::newRow("let body") << u"let v = 2; in { a.b.c = 1; }"_s;
    QTest::newRow("with body") << u"{ lib, ... }: with lib; { a.b.c = 1; }"_s;
    QTest::newRow("parens") << u"({ a.b = ({ c = 1; }); })"_s;
}

void ConfigEngineTest::spellings()
{
    QFETCH(QString, text);
    const DocumentSet set = load(text.toStdString());
    const std::vector<Definition> defs = findDefinitions(set, path("a.b.c"));
    QCOMPARE(defs.size(), std::size_t(1));
    QVERIFY2(defs[0].editable, defs[0].reason.c_str());
    QCOMPARE(defs[0].read.type, Value::Type::Int);
    QCOMPARE(defs[0].read.integer, 1);
    QCOMPARE(defs[0].line, 1u);
}

void ConfigEngineTest::classification_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("editable");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("priority");
    QTest::newRow("literal") << u"true"_s << true << u"literal"_s << 100;
    QTest::newRow("mkDefault") << u"lib.mkDefault true"_s << true << u"mkDefault"_s << 1000;
    QTest::newRow("mkForce") << u"mkForce 3"_s << true << u"mkForce"_s << 50;
    QTest::newRow("mkOverride") << u"lib.mkOverride 900 \"x\""_s << true << u"mkOverride"_s << 900;
    QTest::newRow("mkIf") << u"lib.mkIf true 1"_s << false << u"mkIf"_s << 100;
    QTest::newRow("mkMerge") << u"lib.mkMerge [ 1 ]"_s << false << u"mkMerge"_s << 100;
    QTest::newRow("update") << u"{ } // { }"_s << false << u"update"_s << 100;
    QTest::newRow("let name") << u"v"_s << false << u"expression"_s << 100;
    QTest::newRow("call") << u"builtins.toString 1"_s << false << u"expression"_s << 100;
    QTest::newRow("interpolation") << u"\"${v}\""_s << false << u"expression"_s << 100;
    QTest::newRow("with lib name") << u"with lib; foo"_s << false << u"expression"_s << 100;
    QTest::newRow("with pkgs list") << u"with pkgs; [ vim ]"_s << true << u"literal"_s << 100;
}

void ConfigEngineTest::classification()
{
    QFETCH(QString, value);
    QFETCH(bool, editable);
    QFETCH(QString, kind);
    QFETCH(int, priority);
    const DocumentSet set = load("{ lib, pkgs, ... }: let v = 1; in with lib; { x.y = " + value.toStdString() + "; }");
    const std::vector<Definition> defs = findDefinitions(set, path("x.y"));
    QCOMPARE(defs.size(), std::size_t(1));
    QCOMPARE(defs[0].editable, editable);
    QCOMPARE(QString::fromStdString(definitionKind(defs[0])), kind);
    QCOMPARE(defs[0].priority, priority);
    QVERIFY(editable || !defs[0].reason.empty());
}

void ConfigEngineTest::typedReads_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("nix");
    QTest::newRow("bool") << u"false"_s << u"bool"_s << u"false"_s;
    QTest::newRow("int") << u"-12"_s << u"int"_s << u"(-12)"_s;
    QTest::newRow("float") << u"0.5"_s << u"float"_s << u"0.5"_s;
    QTest::newRow("string") << u"\"a\\\"b\""_s << u"string"_s << u"\"a\\\"b\""_s;
    QTest::newRow("indented") << u"''\n    one\n      two\n  ''"_s << u"string"_s << u"\"one\\n  two\\n\""_s;
    QTest::newRow("path") << u"./x/y.nix"_s << u"path"_s << u"./x/y.nix"_s;
    QTest::newRow("null") << u"null"_s << u"null"_s << u"null"_s;
    QTest::newRow("list") << u"[ 1 \"a\" ]"_s << u"list"_s << u"[ 1 \"a\" ]"_s;
    QTest::newRow("set") << u"{ a.b = 1; c = true; }"_s << u"attrset"_s << u"{ a = { b = 1; }; c = true; }"_s;
    QTest::newRow("package") << u"pkgs.hello"_s << u"package"_s << u"pkgs.hello"_s;
    QTest::newRow("with pkgs") << u"with pkgs; [ vim ]"_s << u"list"_s << u"[ pkgs.vim ]"_s;
    QTest::newRow("opaque") << u"1 + 2"_s << u"expression"_s << u"1 + 2"_s;
    QTest::newRow("shadowed true") << u"let true = 1; in true"_s << u"expression"_s << u"let true = 1; in true"_s;
}

void ConfigEngineTest::typedReads()
{
    QFETCH(QString, value);
    QFETCH(QString, type);
    QFETCH(QString, nix);
    const DocumentSet set = load("{ pkgs, ... }: { x = " + value.toStdString() + "; }");
    const std::vector<Definition> defs = findDefinitions(set, path("x"));
    QCOMPARE(defs.size(), std::size_t(1));
    QCOMPARE(QString::fromLatin1(valueTypeName(defs[0].read.type)), type);
    QCOMPARE(QString::fromStdString(toNix(defs[0].read)), nix);
}

void ConfigEngineTest::moduleShapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("editable");
    QTest::newRow("plain") << u"{ a.b = 1; }"_s << true;
    QTest::newRow("function") << u"{ config, lib, pkgs, ... }: { a.b = 1; }"_s << true;
    QTest::newRow("let") << u"let x = 1; in { a.b = 1; }"_s << true;
    QTest::newRow("explicit") << u"{ options = { }; config = { a.b = 1; }; }"_s << true;
    QTest::newRow("explicit dotted") << u"{ config.a.b = 1; }"_s << true;
    QTest::newRow("config mkIf") << u"{ lib, ... }: { options = { }; config = lib.mkIf true { a.b = 1; }; }"_s << false;
}

void ConfigEngineTest::moduleShapes()
{
    QFETCH(QString, text);
    QFETCH(bool, editable);
    const DocumentSet set = load(text.toStdString());
    const std::vector<Definition> defs = findDefinitions(set, path("a.b"));
    QCOMPARE(defs.size(), std::size_t(1));
    QCOMPARE(defs[0].editable, editable);
    const EditResult r = planSet(set, path("a.b"), "2");
    QCOMPARE(r.ok, editable);
}

// The argument set gets `pkgs` when a package edit needs it, in each shape
// an argument set is written; the header alone changes. The golden cases
// cover the same with whole files; these are the shapes the golden
// evaluator cannot call (no `...`) and the smallest ones.
void ConfigEngineTest::pkgsArgument_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("header"); // the expected header; empty when refused
    QTest::newRow("one line") << u"{ config, ... }: { }"_s << u"{ config, pkgs, ... }:"_s;
    QTest::newRow("no ellipsis") << u"{ config, lib, options }: { }"_s << u"{ config, lib, options, pkgs }:"_s;
    QTest::newRow("one argument, no ellipsis") << u"{ config }: { }"_s << u"{ config, pkgs }:"_s;
    QTest::newRow("trailing comma") << u"{\n  config,\n  lib,\n}: { }"_s << u"{\n  config,\n  lib,\n  pkgs,\n}:"_s;
    QTest::newRow("only ellipsis") << u"{ ... }: { }"_s << u"{ pkgs, ... }:"_s;
    QTest::newRow("ellipsis on its own line") << u"{\n  ...\n}: { }"_s << u"{\n  pkgs,\n  ...\n}:"_s;
    QTest::newRow("empty set") << u"{ }: { }"_s << u"{ pkgs }:"_s;
    QTest::newRow("alias after") << u"{ config, ... }@args: { }"_s << u"{ config, pkgs, ... }@args:"_s;
    QTest::newRow("default") << u"{ config, name ? \"x\", ... }: { }"_s << u"{ config, name ? \"x\", pkgs, ... }:"_s;
    QTest::newRow("comment between") << u"{ config, # the config\n  lib, ... }: { }"_s << u"{ config, # the config\n  lib, pkgs, ... }:"_s;
    QTest::newRow("plain lambda") << u"args: { }"_s << QString();
    QTest::newRow("no function") << u"{ }"_s << QString();
    QTest::newRow("let before the set") << u"let x = 1; in { }"_s << QString();
}

void ConfigEngineTest::pkgsArgument()
{
    QFETCH(QString, text);
    QFETCH(QString, header);
    const DocumentSet set = load(text.toStdString());
    const EditResult r = planAddPackage(set, "vim");
    if (header.isEmpty()) {
        QVERIFY(!r.ok);
        QVERIFY2(QString::fromStdString(r.error).contains(u"cannot be added"_s), r.error.c_str());
        QVERIFY(r.files.empty());
        return;
    }
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.files.size(), std::size_t(1));
    const QString after = QString::fromStdString(r.files.front().after);
    QVERIFY2(after.startsWith(header + u' '), qPrintable(after));
    QVERIFY2(after.contains(u"with pkgs; ["_s), qPrintable(after));
}

void ConfigEngineTest::refusals_data()
{
    QTest::addColumn<QString>("main");
    QTest::addColumn<QString>("other");
    QTest::addColumn<QString>("message");
    QTest::newRow("different priorities") << u"{ lib, ... }: { imports = [ ./other.nix ]; a.b = 1; }"_s << u"{ lib, ... }: { a.b = lib.mkDefault 2; }"_s
                                          << u"different priorities"_s;
    QTest::newRow("same priority twice") << u"{ imports = [ ./other.nix ]; a.b = 1; }"_s << u"{ a.b = 2; }"_s << u"defined 2 times"_s;
    QTest::newRow("read-only only") << u"{ lib, ... }: { imports = [ ./other.nix ]; a = lib.mkIf true { b = 1; }; }"_s << u"{ }"_s << u"mkIf"_s;
    QTest::newRow("function call set") << u"{ imports = [ ./other.nix ]; a = builtins.fromJSON \"{}\"; }"_s << u"{ }"_s << u"function call"_s;
    QTest::newRow("syntax error elsewhere") << u"{ imports = [ ./other.nix ]; a.b = 1; }"_s << u"{ x = ; }"_s << u"syntax error"_s;
    QTest::newRow("computed name") << u"let n = \"a\"; in { imports = [ ./other.nix ]; ${n}.b = 1; }"_s << u"{ }"_s << u"computed"_s;
    QTest::newRow("not an expression") << u"{ imports = [ ./other.nix ]; }"_s << u"{ }"_s << u"not a Nix expression"_s;
}

void ConfigEngineTest::refusals()
{
    QFETCH(QString, main);
    QFETCH(QString, other);
    QFETCH(QString, message);
    static Files files;
    files = {{"/r/configuration.nix", main.toStdString()}, {"/r/other.nix", other.toStdString()}};
    const DocumentSet set = DocumentSet::fromTexts(files, "/r/configuration.nix");
    QVERIFY(set.ok());
    const EditResult r = planSet(set, path("a.b"), message == u"not a Nix expression"_s ? "1 +" : "3");
    QVERIFY(!r.ok);
    QVERIFY2(QString::fromStdString(r.error).contains(message), r.error.c_str());
    QVERIFY(r.files.empty());
}

void ConfigEngineTest::escaping()
{
    Value v;
    v.type = Value::Type::String;
    v.text = "a\"b\\c${d}";
    QCOMPARE(toNix(v), std::string("\"a\\\"b\\\\c\\${d}\""));
    const DocumentSet set = load("{ x = 1; }");
    const EditResult r = planSet(set, path("y"), toNix(v));
    QVERIFY2(r.ok, r.error.c_str());
    const DocumentSet back = load(r.files[0].after);
    QCOMPARE(findDefinitions(back, path("y"))[0].read.text, v.text);
}

void ConfigEngineTest::importsAndCycles()
{
    const Files files = {
        {"/c/configuration.nix", "{ imports = [ ./a.nix ./dir (import ./x.nix) <nixpkgs/foo.nix> ./missing.nix { inline.x = 1; } ]; }"},
        {"/c/a.nix", "{ imports = [ ./b.nix ]; }"},
        {"/c/b.nix", "{ imports = [ ./a.nix ./configuration.nix ]; b.x = 1; }"},
        {"/c/dir/default.nix", "{ config, ... }: { imports = [ ../a.nix ]; d.x = 1; }"},
    };
    const DocumentSet set = DocumentSet::fromTexts(files, "/c");
    QVERIFY(set.ok());
    QCOMPARE(set.documents().size(), std::size_t(4));
    QCOMPARE(set.documents()[3].path, std::string("/c/dir/default.nix"));
    int cycles = 0;
    int notFollowed = 0;
    for (const ImportNote &n : set.notFollowed()) {
        cycles += n.reason.starts_with("import cycle");
        notFollowed += !n.reason.starts_with("import cycle");
    }
    QCOMPARE(cycles, 2); // b → a, b → configuration
    QCOMPARE(notFollowed, 3); // import call, search path, missing file
    QCOMPARE(findDefinitions(set, path("inline.x")).size(), std::size_t(1));
    QCOMPARE(findDefinitions(set, path("d.x")).size(), std::size_t(1));
}

void ConfigEngineTest::declaredPackages()
{
    const DocumentSet set = load(
        "{ pkgs, ... }:\n"
        "{\n"
        "  environment.systemPackages = with pkgs; [\n"
        "    git\n"
        "    (vim.override { }) # a call: not a plain reference\n"
        "    python3Packages.requests\n"
        "  ] ++ [ pkgs.htop ];\n"
        "  services.x.packages = [ pkgs.nope ];\n"
        "}\n");
    std::vector<std::string> opaque;
    const std::vector<PackageEntry> entries = listPackages(set, path("environment.systemPackages"), &opaque);
    QCOMPARE(entries.size(), std::size_t(3));
    QCOMPARE(entries[0].attr, std::string("git"));
    QCOMPARE(entries[0].line, 4u);
    QCOMPARE(entries[0].column, 5u);
    QCOMPARE(entries[1].attr, std::string("python3Packages.requests"));
    QCOMPARE(entries[1].line, 6u);
    QCOMPARE(entries[2].attr, std::string("htop"));
    QCOMPARE(entries[2].line, 7u);
    QCOMPARE(entries[2].file, std::string("/t/configuration.nix"));
    QVERIFY(opaque.empty());

    // A list the engine cannot read is reported, not guessed at.
    const DocumentSet computed = load("{ pkgs, ... }: { environment.systemPackages = builtins.attrValues { inherit (pkgs) git; }; }\n");
    QVERIFY(listPackages(computed, path("environment.systemPackages"), &opaque).empty());
    QCOMPARE(opaque.size(), std::size_t(1));
}

void ConfigEngineTest::badInput()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const DocumentSet missing = DocumentSet::load(QString(tmp.path() + u"/nope.nix"_s).toStdString());
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().find("does not exist") != std::string::npos);

    writeFile(tmp.path() + u"/unreadable.nix"_s, "{ }");
    ::chmod(qPrintable(tmp.path() + u"/unreadable.nix"_s), 0);
    const DocumentSet unreadable = DocumentSet::load(QString(tmp.path() + u"/unreadable.nix"_s).toStdString());
    if (::geteuid() != 0) { // root reads anything
        QVERIFY(!unreadable.ok());
        QVERIFY(unreadable.error().find("cannot be read") != std::string::npos);
    }

    QByteArray big = "{\n";
    while (big.size() < 10 * 1024 * 1024) {
        big += "  a" + QByteArray::number(big.size()) + " = 1;\n";
    }
    big += "}\n";
    writeFile(tmp.path() + u"/big.nix"_s, big);
    const DocumentSet bigSet = DocumentSet::load(QString(tmp.path() + u"/big.nix"_s).toStdString());
    QVERIFY(!bigSet.ok());
    QVERIFY2(bigSet.error().find("MiB") != std::string::npos, bigSet.error().c_str());

    QByteArray garbage(4096, '\0');
    QRandomGenerator rng(7);
    for (char &c : garbage) {
        c = static_cast<char>(rng.bounded(256));
    }
    garbage[10] = '\0';
    writeFile(tmp.path() + u"/garbage.nix"_s, garbage);
    const DocumentSet garbageSet = DocumentSet::load(QString(tmp.path() + u"/garbage.nix"_s).toStdString());
    QVERIFY(!garbageSet.ok());
    QVERIFY(garbageSet.error().find("not a text file") != std::string::npos);

    // Garbage without NUL bytes parses with errors: reads work, edits are refused.
    for (char &c : garbage) {
        c = c == '\0' ? 'x' : c;
    }
    writeFile(tmp.path() + u"/noise.nix"_s, garbage);
    const DocumentSet noise = DocumentSet::load(QString(tmp.path() + u"/noise.nix"_s).toStdString());
    QVERIFY(noise.ok());
    const EditResult r = planSet(noise, path("a.b"), "1");
    QVERIFY(!r.ok);

    writeFile(tmp.path() + u"/a.nix"_s, "{ imports = [ ./b.nix ]; }");
    writeFile(tmp.path() + u"/b.nix"_s, "{ imports = [ ./a.nix ]; x = 1; }");
    const DocumentSet cycle = DocumentSet::load(QString(tmp.path() + u"/a.nix"_s).toStdString());
    QVERIFY(cycle.ok());
    QCOMPARE(cycle.notFollowed().size(), std::size_t(1));
    QCOMPARE(cycle.notFollowed()[0].reason, std::string("import cycle: a.nix → b.nix → a.nix"));
}

void ConfigEngineTest::changeSetUndo()
{
    const Files files = {{"/u/configuration.nix", "{\n  a = 1;\n  b = 2;\n}\n"}, {"/u/other.nix", "{ c = 3; }\n"}};
    Files withImport = files;
    withImport[0].second = "{\n  imports = [ ./other.nix ];\n  a = 1;\n  b = 2;\n}\n";
    const DocumentSet set = DocumentSet::fromTexts(withImport, "/u/configuration.nix");
    ChangeSet changes(set);
    QVERIFY(changes.add({Operation::Kind::Set, {"a"}, "10"}).ok);
    QVERIFY(changes.add({Operation::Kind::Set, {"c"}, "30"}).ok);
    QVERIFY(changes.add({Operation::Kind::Unset, {"b"}, {}}).ok);
    QCOMPARE(changes.changedFiles().size(), std::size_t(2));
    QVERIFY(changes.undo(0).empty());
    QCOMPARE(changes.operations().size(), std::size_t(2));
    const auto changed = changes.changedFiles();
    QCOMPARE(changed[0].after, std::string("{\n  imports = [ ./other.nix ];\n  a = 1;\n}\n"));
    QCOMPARE(changed[1].after, std::string("{ c = 30; }\n"));
    QVERIFY(!changes.undo(5).empty());
    QVERIFY(!changes.add({Operation::Kind::Set, {"a"}, "1 +"}).ok);
    QCOMPARE(changes.operations().size(), std::size_t(2));
}

void ConfigEngineTest::unifiedDiffFormat()
{
    QCOMPARE(unifiedDiff("f", "a\nb\nc\n", "a\nb\nc\n"), std::string());
    QCOMPARE(unifiedDiff("f", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n"),
             std::string("--- a/f\n+++ b/f\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"));
    QCOMPARE(unifiedDiff("f", "x", "y"), std::string("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n"));
    QCOMPARE(unifiedDiff("f", "", "a\n"), std::string("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n"));
}

void ConfigEngineTest::atomicWriteKeepsModeAndOwner()
{
    QTemporaryDir tmp;
    const QString name = tmp.path() + u"/configuration.nix"_s;
    writeFile(name, "{ a = 1; }\n");
    ::chmod(qPrintable(name), 0640);
    // As root (the build root, the helper) the file belongs to someone else, and must keep its owner.
    const uid_t owner = ::geteuid() == 0 ? 4242 : ::geteuid();
    const gid_t group = ::geteuid() == 0 ? 4243 : ::getegid();
    QCOMPARE(::chown(qPrintable(name), owner, group), 0);
    QCOMPARE(writeFilesAtomically({{name.toStdString(), "{ a = 2; }\n"}}), std::string());
    struct stat st{};
    QCOMPARE(::stat(qPrintable(name), &st), 0);
    QCOMPARE(st.st_mode & 07777, 0640u);
    QCOMPARE(st.st_uid, owner);
    QCOMPARE(st.st_gid, group);
    QFile f(name);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("{ a = 2; }\n"));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    QVERIFY(!writeFilesAtomically({{QString(tmp.path() + u"/no/such/dir/x.nix"_s).toStdString(), "x"}}).empty());
}

void ConfigEngineTest::atomicWriteDropsSetuidAndSetgid()
{
    QTemporaryDir tmp;
    const QString name = tmp.path() + u"/configuration.nix"_s;
    writeFile(name, "{ a = 1; }\n");
    QCOMPARE(::chmod(qPrintable(name), 06755), 0);
    struct stat before{};
    QCOMPARE(::stat(qPrintable(name), &before), 0);
    QCOMPARE(before.st_mode & 07777, 06755u);
    QCOMPARE(writeFilesAtomically({{name.toStdString(), "{ a = 2; }\n"}}), std::string());
    struct stat st{};
    QCOMPARE(::stat(qPrintable(name), &st), 0);
    QCOMPARE(st.st_mode & 07777, 0755u);
}

void ConfigEngineTest::cliCommands()
{
    QTemporaryDir tmp;
    const QString config = tmp.path() + u"/configuration.nix"_s;
    writeFile(config,
              "{ pkgs, lib, ... }:\n{\n  imports = [ ./hw.nix <x> ];\n  services.openssh.enable = true;\n  environment.systemPackages = with pkgs; [\n    "
              "vim\n  ];\n}\n");
    writeFile(tmp.path() + u"/hw.nix"_s, "{ lib, ... }: { networking.useDHCP = lib.mkIf true true; }\n");
    const QStringList c{u"--config"_s, tmp.path()};

    Cli r = cli(QStringList{u"get"_s, u"services.openssh.enable"_s} + c);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"true\n"_s);
    r = cli(QStringList{u"get"_s, u"services.openssh.enable"_s, u"--json"_s} + c);
    QVERIFY(r.out.contains(u"\"type\": \"bool\""_s));
    r = cli(QStringList{u"get"_s, u"services.nginx.enable"_s} + c);
    QCOMPARE(r.exitCode, 1);
    r = cli(QStringList{u"definitions"_s, u"networking.useDHCP"_s, u"--json"_s} + c);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"\"kind\": \"mkIf\""_s));
    QVERIFY(r.out.contains(u"\"editable\": false"_s));
    r = cli(QStringList{u"imports"_s, u"--json"_s} + c);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"hw.nix"_s));
    QVERIFY(r.out.contains(u"search path"_s));

    r = cli(QStringList{u"set"_s, u"services.openssh.enable"_s, u"false"_s, u"--dry-run"_s} + c);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"-  services.openssh.enable = true;\n+  services.openssh.enable = false;"_s));
    r = cli(QStringList{u"set"_s, u"networking.useDHCP"_s, u"false"_s} + c);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"mkIf"_s));
    r = cli(QStringList{u"set"_s, u"services.openssh.enable"_s} + c);
    QCOMPARE(r.exitCode, 2);
    r = cli(QStringList{u"set"_s, u"a..b"_s, u"1"_s} + c);
    QCOMPARE(r.exitCode, 2);
    r = cli(QStringList{u"set"_s, u"a.b"_s, u"1 +"_s} + c);
    QCOMPARE(r.exitCode, 1);

    QCOMPARE(cli(QStringList{u"set"_s, u"services.openssh.enable"_s, u"false"_s} + c).exitCode, 0);
    QCOMPARE(cli(QStringList{u"add-package"_s, u"git"_s} + c).exitCode, 0);
    QCOMPARE(cli(QStringList{u"remove-package"_s, u"vim"_s} + c).exitCode, 0);
    QCOMPARE(cli(QStringList{u"unset"_s, u"services.openssh.enable"_s} + c).exitCode, 0);
    QFile f(config);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("{ pkgs, lib, ... }:\n{\n  imports = [ ./hw.nix <x> ];\n  environment.systemPackages = with pkgs; [\n    git\n  ];\n}\n"));
    r = cli(QStringList{u"get"_s, u"x"_s, u"--config"_s, tmp.path() + u"/missing"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"does not exist"_s));
}

// `add-package` on a module whose arguments lack `pkgs`: the CLI adds it to the
// argument set; a module that is not a function of an argument set is refused
// with the reason, and nothing is written.
void ConfigEngineTest::cliAddPackageNamesPkgs()
{
    QTemporaryDir tmp;
    const QString config = tmp.path() + u"/configuration.nix"_s;
    const auto read = [&config] {
        QFile f(config);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QStringList c{u"--config"_s, tmp.path()};
    writeFile(config, "{ config, ... }:\n\n{\n  networking.hostName = \"nopkgs\";\n}\n");
    Cli r = cli(QStringList{u"add-package"_s, u"vim"_s} + c);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QByteArray after = read();
    QVERIFY2(after.startsWith("{ config, pkgs, ... }:\n\n{\n"), after.constData());
    QVERIFY2(after.contains("environment.systemPackages = with pkgs; [\n    vim\n  ];"), after.constData());

    const QByteArray plain = "module:\n{\n  networking.hostName = \"plain\";\n}\n";
    writeFile(config, plain);
    r = cli(QStringList{u"add-package"_s, u"vim"_s} + c);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"`module:`"_s) && r.err.contains(u"not as an argument set"_s), qPrintable(r.err));
    QCOMPARE(read(), plain);
}

QTEST_GUILESS_MAIN(ConfigEngineTest)
#include "tst_configengine.moc"
