// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Differential fuzzing: random programs from the grammar-based generator, half
// of them damaged token by token, parsed by us and by nix-instantiate.
//
//   nix-fuzz-diff [--count N] [--seed S] [--keep DIR]
//
// Exits 1 on the first disagreement, which it saves (to DIR, or prints).

#include "generator.h"
#include "nixrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

using namespace Snowpane::Nix::Testing;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 count = 1000;
    quint64 seed = 1;
    QString keep;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--count"_L1) {
            count = args[i + 1].toLongLong();
        } else if (args[i] == "--seed"_L1) {
            seed = args[i + 1].toULongLong();
        } else if (args[i] == "--keep"_L1) {
            keep = args[i + 1];
        }
    }
    const QString nix = findNixInstantiate();
    if (nix.isEmpty()) {
        std::fprintf(stderr, "nix-fuzz-diff: nix-instantiate is not on PATH; run in the build root\n");
        return 1;
    }
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    qint64 accepted = 0;
    qint64 rejected = 0;
    qint64 elsewhere = 0; // rejected by both, first error at another line:column
    std::string firstElsewhere;
    for (qint64 i = 0; i < count; ++i) {
        const std::string program = randomProgram(seed + static_cast<quint64>(i), i % 2 == 1);
        const QString file = dir.filePath(u"case.nix"_s);
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return 1;
        }
        f.write(program.data(), static_cast<qint64>(program.size()));
        f.close();
        const NixResult theirs = runNixParse(nix, file);
        const OurResult ours = runOurParse(program, file.toStdString());
        const std::string why = disagreement(ours, theirs);
        (theirs.ok ? accepted : rejected)++;
        if (why.empty() && !theirs.ok) {
            // Reported, not failed: a damaged program can make the two
            // parsers' recoveries meet their first error differently.
            const std::string at = nixErrorLocation(theirs);
            if (at != ours.errorLocation) {
                if (std::getenv("NIX_FUZZ_SHOW_ALL") != nullptr) {
                    std::printf("ELSEWHERE seed %llu: Nix %s %s | ours %s %s\n",
                                static_cast<unsigned long long>(seed + static_cast<quint64>(i)),
                                at.c_str(),
                                theirs.errors.trimmed().split('\n').value(0).constData(),
                                ours.errorLocation.c_str(),
                                ours.firstError.c_str());
                }
                if (elsewhere++ == 0) {
                    firstElsewhere = "seed " + std::to_string(seed + static_cast<quint64>(i)) + ": Nix " + at + " ("
                        + theirs.errors.trimmed().split('\n').value(0).toStdString() + "), ours " + ours.errorLocation + " (" + ours.firstError + ")";
                }
            }
        }
        if (!why.empty()) {
            std::printf("disagreement on seed %llu (%s):\n%s\n--- program ---\n%s\n",
                        static_cast<unsigned long long>(seed + static_cast<quint64>(i)),
                        i % 2 == 1 ? "mutated" : "generated",
                        why.c_str(),
                        program.c_str());
            if (!keep.isEmpty()) {
                QDir().mkpath(keep);
                QFile out(QDir(keep).filePath(u"fuzz-%1.nix"_s.arg(seed + static_cast<quint64>(i))));
                if (out.open(QIODevice::WriteOnly)) {
                    out.write(program.data(), static_cast<qint64>(program.size()));
                }
            }
            return 1;
        }
    }
    std::printf("nix-fuzz-diff: %lld programs (%lld accepted by Nix, %lld rejected), all agree, %.1f s\n",
                static_cast<long long>(count),
                static_cast<long long>(accepted),
                static_cast<long long>(rejected),
                static_cast<double>(timer.elapsed()) / 1000.0);
    std::printf("nix-fuzz-diff: %lld of %lld rejected programs have their first error at another line:column than Nix's%s%s\n",
                static_cast<long long>(elsewhere),
                static_cast<long long>(rejected),
                elsewhere > 0 ? "; first: " : "",
                firstElsewhere.c_str());
    return 0;
}
