// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The parser without Nix: golden canonical output for every parse-okay case
// (recorded from Nix 2.26, see corpus/README.md), rejection of every
// parse-fail case at the line and column Nix reports, exact round trips, depth limits, diagnostics, comments.

#include "canonical.h"
#include "comments.h"
#include "generator.h"
#include "lexer.h"
#include "navigation.h"
#include "parser.h"
#include "scopes.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

using namespace Snowpane::Nix;

namespace
{
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const Diagnostic &firstErrorDiagnostic(const SyntaxTree &tree)
{
    return *std::find_if(tree.diagnostics().begin(), tree.diagnostics().end(), [](const Diagnostic &d) {
        return d.severity == Severity::Error;
    });
}

std::string firstError(const SyntaxTree &tree)
{
    for (const Diagnostic &d : tree.diagnostics()) {
        if (d.severity == Severity::Error) {
            return formatDiagnostic(tree.fileName(), tree.lines(), d);
        }
    }
    return {};
}
} // namespace

class TestNixParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(NIX_CORPUS_DIR));
        const QStringList files = dir.entryList({u"*.nix"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 400);
        for (const QString &name : files) {
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
        }
    }

    void corpus()
    {
        QFETCH(QString, file);
        const QByteArray source = readFile(file);
        const SyntaxTree tree = parse(source.toStdString(), {file.toStdString(), 1000});
        QCOMPARE(QByteArray::fromStdString(tree.print()), source);
        const bool okay = QFileInfo(file).fileName().startsWith("parse-okay-"_L1);
        const std::vector<Diagnostic> undefined = findUndefinedVariables(tree);
        if (!okay) {
            QVERIFY2(tree.hasErrors() || !undefined.empty(), "Nix rejects this file, we accept it");
            // The first error, syntax before semantic as in Nix, is where Nix
            // reported it (LINE:COL recorded in the .err file).
            const Diagnostic &first = tree.hasErrors() ? firstErrorDiagnostic(tree) : undefined.front();
            const Location at = tree.locate(first.offset);
            QByteArray expected = readFile(QString(file).replace(".nix"_L1, ".err"_L1)).trimmed();
            QVERIFY2(!expected.isEmpty(), "missing .err file (tests/nix/update-expected.sh records it)");
            QCOMPARE(QByteArray::number(at.line) + ':' + QByteArray::number(at.column), expected);
            return;
        }
        QVERIFY2(!tree.hasErrors(), firstError(tree).c_str());
        QVERIFY2(undefined.empty(), undefined.empty() ? "" : undefined.front().message.c_str());
        const QString dir = QFileInfo(file).absolutePath();
        QByteArray expected = readFile(QString(file).replace(".nix"_L1, ".exp"_L1));
        expected.replace("@DIR@", dir.toUtf8());
        expected.replace("@PARENT@", QFileInfo(dir).absolutePath().toUtf8());
        if (expected.endsWith('\n')) {
            expected.chop(1);
        }
        const CanonicalResult printed = printCanonical(tree, {dir.toStdString(), "/homeless-shelter"});
        QVERIFY(printed.ok);
        QCOMPARE(QByteArray::fromStdString(printed.text), expected);
    }

    void diagnosticFormat()
    {
        const SyntaxTree tree = parse("{\n  a = 1;\n  b = ;\n}\n", {"conf.nix"});
        QVERIFY(tree.hasErrors());
        QCOMPARE(QString::fromStdString(firstError(tree)), u"conf.nix:3:7: error: syntax error, unexpected ';'"_s);
        const SyntaxTree dup = parse("{ a = 1; a = 2; }", {"d.nix"});
        QCOMPARE(QString::fromStdString(firstError(dup)), u"d.nix:1:10: error: attribute 'a' already defined at d.nix:1:3"_s);
        const SyntaxTree undefinedVar = parse("x: y", {"u.nix"});
        const auto undefined = findUndefinedVariables(undefinedVar);
        QCOMPARE(undefined.size(), 1u);
        QCOMPARE(QString::fromStdString(formatDiagnostic("u.nix", undefinedVar.lines(), undefined[0])), u"u.nix:1:4: error: undefined variable 'y'"_s);
        QCOMPARE(undefined[0].kind, DiagnosticKind::Semantic);
    }

    void pipeOperatorsAreFlagged()
    {
        const SyntaxTree tree = parse("f: x: x |> f", {"p.nix"});
        QVERIFY(!tree.hasErrors());
        QCOMPARE(tree.diagnostics().size(), 1u);
        QCOMPARE(tree.diagnostics()[0].kind, DiagnosticKind::Feature);
        QCOMPARE(tree.diagnostics()[0].severity, Severity::Warning);
    }

    void deepNesting_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<bool>("valid");
        // The issue's limit case at full size; the other shapes are smaller
        // so that the suite stays fast under ASan at -O0.
        constexpr int n = 100000;
        constexpr int m = 20000;
        QTest::newRow("parentheses") << QByteArray(n, '(') + "1" + QByteArray(n, ')') << false;
        QTest::newRow("lists") << QByteArray(n, '[') + QByteArray(n, ']') << false;
        QTest::newRow("sets") << QByteArray("{a=").repeated(m) + "1" + QByteArray(";}").repeated(m) << false;
        QTest::newRow("lambdas") << QByteArray("x: ").repeated(m) + "x" << false;
        QTest::newRow("let") << QByteArray("let a = 1; in ").repeated(m) + "a" << false;
        QTest::newRow("interpolations") << QByteArray("\"${").repeated(m) + "1" + QByteArray("}\"").repeated(m) << false;
        QTest::newRow("select-or") << "a: a" + QByteArray(".b or a").repeated(m) << false;
        QTest::newRow("unclosed parentheses") << QByteArray(n, '(') << false;
        QTest::newRow("unclosed braces") << QByteArray(m, '{') << false;
        // Operator chains are flat for the parser and the printer.
        QTest::newRow("plus chain") << "1" + QByteArray(" + 1").repeated(m) << true;
        QTest::newRow("concat chain") << "[]" + QByteArray(" ++ []").repeated(m) << true;
        QTest::newRow("negations") << QByteArray(m, '-') + "1" << true;
        QTest::newRow("application") << "f: f" + QByteArray(" 1").repeated(m) << true;
        QTest::newRow("pipes") << "f: 1" + QByteArray(" |> f").repeated(m) << true;
    }

    void deepNesting()
    {
        QFETCH(QByteArray, source);
        QFETCH(bool, valid);
        const SyntaxTree tree = parse(source.toStdString(), {"deep.nix", 1000});
        QCOMPARE(tree.print().size(), static_cast<std::size_t>(source.size()));
        QCOMPARE(tree.hasErrors(), !valid);
        if (valid) {
            QVERIFY(printCanonical(tree).ok);
            QVERIFY(findUndefinedVariables(tree).empty());
        } else {
            QVERIFY(!tree.diagnostics().empty());
        }
        QVERIFY(!tree.dump().empty());
    }

    void randomBytesNeverBreakTheTree()
    {
        // Arbitrary bytes, with a bias towards Nix punctuation.
        Snowpane::Nix::Testing::Rng rng(42);
        static const char alphabet[] = "{}[]()\"'$;:.=@?!-+*/<>|&~#\\ \n\rab1 ${''/*";
        for (int i = 0; i < 3000; ++i) {
            std::string s;
            const std::uint32_t len = rng.below(60);
            for (std::uint32_t j = 0; j < len; ++j) {
                s += rng.chance(90) ? alphabet[rng.below(sizeof alphabet - 1)] : static_cast<char>(rng.below(256));
            }
            const SyntaxTree tree = parse(s);
            QCOMPARE(tree.print(), s);
            if (!tree.hasErrors()) {
                QVERIFY(printCanonical(tree).ok);
            }
        }
    }

    void mutatedProgramsRoundTrip()
    {
        for (std::uint64_t seed = 0; seed < 600; ++seed) {
            const std::string s = Snowpane::Nix::Testing::randomProgram(seed, seed % 2 == 1);
            const SyntaxTree tree = parse(s);
            QCOMPARE(tree.print(), s);
            if (!tree.hasErrors()) {
                QVERIFY(printCanonical(tree).ok);
                (void)findUndefinedVariables(tree);
            }
        }
    }

    void tokensCoverEveryByte()
    {
        const std::string s = "let a = \"x${b}\"; # c\n in ./p/${a}/q ++ ''\n  i\n''";
        const LexResult lexed = lex(s);
        QCOMPARE(lexed.tokens.offsets.front(), 0u);
        QCOMPARE(lexed.tokens.offsets.back(), static_cast<std::uint32_t>(s.size()));
        for (std::uint32_t t = 0; t < lexed.tokens.size(); ++t) {
            QVERIFY(lexed.tokens.begin(t) <= lexed.tokens.end(t));
        }
    }

    void navigation()
    {
        const SyntaxTree tree =
            parse("{ config, pkgs, ... }:\n{\n  services.openssh.enable = true;\n  environment.systemPackages = with pkgs; [ vim git ];\n}\n");
        QVERIFY(!tree.hasErrors());
        const NodeId lambda = tree.firstChild(tree.root());
        QCOMPARE(tree.kind(lambda), NodeKind::Lambda);
        const NodeId set = tree.child(lambda, 1);
        QCOMPARE(tree.kind(set), NodeKind::AttrSet);
        const std::vector<NodeId> bindings = tree.children(set);
        QCOMPARE(bindings.size(), 2u);
        QCOMPARE(tree.text(tree.child(bindings[0], 0)), std::string_view("services.openssh.enable"));
        const NodeId with = tree.child(bindings[1], 1);
        QCOMPARE(tree.kind(with), NodeKind::With);
        const NodeId list = tree.child(with, 1);
        QCOMPARE(tree.kind(list), NodeKind::List);
        QCOMPARE(tree.children(list).size(), 2u);
        QCOMPARE(tree.parent(list), with);
        QCOMPARE(tree.locate(tree.byteBegin(list)).line, 4u);
    }

    void navigationHelpers()
    {
        const SyntaxTree tree =
            parse("{ lib, ... }@args:\nlet cfg = 1; in\n{\n  \"a b\".${\"c\"}.or = cfg;\n  inherit (lib) mkIf;\n  x = f 1 2 3;\n  l = [ 1 (2) ];\n}\n");
        QVERIFY(!tree.hasErrors());
        const LambdaParts lambda = lambdaParts(tree, tree.firstChild(tree.root()));
        QVERIFY(lambda.pattern != noNode);
        QCOMPARE(tree.text(lambda.parameter), std::string_view("args"));
        QCOMPARE(tree.kind(lambda.body), NodeKind::LetIn);
        const NodeId set = letBody(tree, lambda.body);
        QCOMPARE(tree.kind(set), NodeKind::AttrSet);
        QCOMPARE(bindingsOf(tree, set).size(), 4u);
        const NodeId ab = findBinding(tree, set, {"a b", "c", "or"});
        QVERIFY(ab != noNode);
        QCOMPARE(tree.text(bindingValue(tree, ab)), std::string_view("cfg"));
        const NodeId x = findBinding(tree, set, {"x"});
        const Application app = flattenApplication(tree, bindingValue(tree, x));
        QCOMPARE(tree.text(app.function), std::string_view("f"));
        QCOMPARE(app.arguments.size(), 3u);
        const NodeId l = bindingValue(tree, findBinding(tree, set, {"l"}));
        QCOMPARE(listElements(tree, l).size(), 2u);
        QCOMPARE(tree.kind(unparenthesized(tree, listElements(tree, l)[1])), NodeKind::Int);
        const std::uint32_t at = static_cast<std::uint32_t>(tree.source().find("cfg;"));
        QCOMPARE(tree.kind(nodeAt(tree, at)), NodeKind::Ident);
        QCOMPARE(findBinding(tree, set, {"missing"}), noNode);
    }

    void comments()
    {
        const std::string s =
            "{\n"
            "  # about a\n"
            "  # more about a\n"
            "  a = 1; # trailing a\n"
            "\n"
            "  # detached by the blank line\n"
            "\n"
            "  b = 2;\n"
            "  c = 3; d = 4; # trailing d\n"
            "}\n";
        const SyntaxTree tree = parse(s);
        const NodeId set = tree.firstChild(tree.root());
        const std::vector<NodeId> b = tree.children(set);
        QCOMPARE(b.size(), 4u);
        const AttachedComments a = attachedComments(tree, b[0]);
        QCOMPARE(a.leading.size(), 2u);
        QCOMPARE(tree.tokenText(a.leading[0]), std::string_view("# about a"));
        QVERIFY(a.trailing != noNode);
        QCOMPARE(tree.tokenText(a.trailing), std::string_view("# trailing a"));
        QCOMPARE(s.substr(a.begin, a.end - a.begin), std::string("  # about a\n  # more about a\n  a = 1; # trailing a\n"));
        const AttachedComments bb = attachedComments(tree, b[1]);
        QVERIFY(bb.leading.empty());
        QCOMPARE(bb.trailing, noNode);
        const AttachedComments c = attachedComments(tree, b[2]);
        QCOMPARE(c.trailing, noNode); // d's comment, not c's
        QCOMPARE(s.substr(c.begin, c.end - c.begin), std::string("c = 3;"));
        const AttachedComments d = attachedComments(tree, b[3]);
        QVERIFY(d.trailing != noNode);
    }

    void errorRecoveryKeepsStructure()
    {
        const SyntaxTree tree = parse("{\n  a = 1;\n  b = ;\n  c = 3;\n}\n");
        QVERIFY(tree.hasErrors());
        const NodeId set = tree.firstChild(tree.root());
        QCOMPARE(tree.kind(set), NodeKind::AttrSet);
        QCOMPARE(tree.children(set).size(), 3u);
        QCOMPARE(tree.text(tree.child(tree.children(set)[2], 0)), std::string_view("c"));
    }
};

QTEST_GUILESS_MAIN(TestNixParser)
#include "tst_nixparser.moc"
