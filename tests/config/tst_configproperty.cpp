// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Random configurations in random styles (indentation, dotted or nested,
// comments, package lists), then random edit sequences. After every edit:
// the result parses, the edited option reads back as intended, and the bytes
// before the first and after the last changed line are untouched.

#include "changeset.h"
#include "definitions.h"
#include "parser.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using namespace Snowpane::Config;

namespace
{

const std::vector<std::string> names =
    {"services", "networking", "boot", "programs", "openssh", "enable", "settings", "port", "hostName", "firewall", "x", "y"};

struct Generator {
    QRandomGenerator rng;
    std::string unit;

    std::string pick(const std::vector<std::string> &from)
    {
        return from[rng.bounded(static_cast<quint32>(from.size()))];
    }

    std::string literal()
    {
        switch (rng.bounded(5)) {
        case 0:
            return rng.bounded(2) ? "true" : "false";
        case 1:
            return std::to_string(rng.bounded(1000));
        case 2:
            return "\"v" + std::to_string(rng.bounded(100)) + "\"";
        case 3:
            return "[ " + std::to_string(rng.bounded(9)) + " ]";
        default:
            return "null";
        }
    }

    OptionPath randomPath()
    {
        OptionPath p;
        const quint32 length = 1 + rng.bounded(3);
        for (quint32 i = 0; i < length; ++i) {
            p.push_back(pick(names));
        }
        return p;
    }

    // Leaves keyed by path; a path that is a prefix of another is dropped, as Nix would reject it.
    std::string configuration(std::map<OptionPath, std::string> &leaves)
    {
        const quint32 count = 1 + rng.bounded(12);
        for (quint32 i = 0; i < count; ++i) {
            const OptionPath p = randomPath();
            bool clash = false;
            for (const auto &[q, v] : leaves) {
                const std::size_t k = commonPrefix(p, 0, q, 0);
                clash = clash || k == p.size() || k == q.size();
            }
            if (!clash) {
                leaves[p] = literal();
            }
        }
        std::string text = rng.bounded(2) ? "{ config, lib, pkgs, ... }:\n\n{\n" : "{\n";
        // Group by first name so nested sets can be written for some groups.
        std::map<std::string, std::vector<std::pair<OptionPath, std::string>>> groups;
        for (const auto &[p, v] : leaves) {
            groups[p[0]].emplace_back(p, v);
        }
        for (const auto &[first, members] : groups) {
            if (rng.bounded(3) == 0) {
                text += unit + "# about " + first + "\n";
            }
            const bool nested = rng.bounded(2) && !(members.size() == 1 && members[0].first.size() == 1);
            if (nested) {
                text += unit + first + " = {\n";
                for (const auto &[p, v] : members) {
                    text += unit + unit + formatAttrPath(p, 1) + " = " + v + ";" + (rng.bounded(4) == 0 ? " # note" : "") + "\n";
                }
                text += unit + "};\n";
            } else {
                for (const auto &[p, v] : members) {
                    text += unit + formatAttrPath(p) + " = " + v + ";\n";
                }
            }
            if (rng.bounded(2)) {
                text += "\n";
            }
        }
        if (rng.bounded(2)) {
            text += unit + "environment.systemPackages = with pkgs; [\n" + unit + unit + "vim\n" + unit + "];\n";
        }
        text += "}\n";
        return text;
    }
};

} // namespace

class ConfigPropertyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomEdits();
};

void ConfigPropertyTest::randomEdits()
{
    const int rounds = qEnvironmentVariableIntValue("SNOWPANE_PROPERTY_ROUNDS") > 0 ? qEnvironmentVariableIntValue("SNOWPANE_PROPERTY_ROUNDS") : 300;
    int edits = 0;
    int refusals = 0;
    for (int round = 0; round < rounds; ++round) {
        Generator g{QRandomGenerator(static_cast<quint32>(round + 1)), {}};
        g.unit = std::vector<std::string>{"\t", "  ", "    "}[g.rng.bounded(3)];
        std::map<OptionPath, std::string> leaves;
        const std::string text = g.configuration(leaves);
        std::vector<std::pair<std::string, std::string>> files{{"/p/configuration.nix", text}};
        const DocumentSet set = DocumentSet::fromTexts(files, "/p/configuration.nix");
        QVERIFY2(set.ok() && !set.documents()[0].tree->hasErrors(), text.c_str());
        ChangeSet changes(set);
        for (int step = 0; step < 6; ++step) {
            Operation op;
            const quint32 kind = g.rng.bounded(4);
            if (kind == 0 && !leaves.empty()) {
                auto it = leaves.begin();
                std::advance(it, g.rng.bounded(static_cast<quint32>(leaves.size())));
                op = {Operation::Kind::Unset, it->first, {}};
            } else if (kind == 1) {
                op = {g.rng.bounded(2) ? Operation::Kind::AddPackage : Operation::Kind::RemovePackage,
                      {"environment", "systemPackages"},
                      g.pick({"vim", "git", "htop"})};
            } else {
                op = {Operation::Kind::Set, g.randomPath(), g.literal()};
            }
            const std::string before(changes.current().documents()[0].tree->source());
            const EditResult r = changes.add(op);
            if (!r.ok) {
                ++refusals;
                QCOMPARE(std::string(changes.current().documents()[0].tree->source()), before);
                continue;
            }
            ++edits;
            const std::string after(changes.current().documents()[0].tree->source());
            QVERIFY2(!Snowpane::Nix::parse(after).hasErrors(), after.c_str());
            // Bytes outside the edits are untouched: everything before the first and after the last.
            for (const FileChange &f : r.files) {
                QVERIFY(!f.edits.empty());
                const std::size_t first = f.edits.front().begin;
                const std::size_t last = f.edits.back().end;
                QCOMPARE(f.after.substr(0, first), f.before.substr(0, first));
                QCOMPARE(f.after.substr(f.after.size() - (f.before.size() - last)), f.before.substr(last));
            }
            if (op.kind == Operation::Kind::Set) {
                const std::vector<Definition> defs = findDefinitions(changes.current(), op.path);
                QCOMPARE(defs.size(), std::size_t(1));
                QCOMPARE(toNix(defs[0].read), toNix(readValue(Snowpane::Nix::parse(op.argument), 1)));
                leaves[op.path] = op.argument;
            } else if (op.kind == Operation::Kind::Unset) {
                QVERIFY(findDefinitions(changes.current(), op.path).empty());
                leaves.erase(op.path);
            }
        }
    }
    qInfo("%d edits applied and verified, %d refused", edits, refusals);
    QVERIFY(edits > rounds);
}

QTEST_GUILESS_MAIN(ConfigPropertyTest)
#include "tst_configproperty.moc"
