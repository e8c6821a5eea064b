// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench-window SNOWPANE DEMO_DIR [--runs N]
//
// Issue 9's speed figures, each next to a bare Kirigami window measured in
// the same run (snowpane --benchmark-reference): cold start to the first
// frame (median of N runs, timed from the process start), the longest frame
// while a ten-letter query is typed into option search and into package
// search, and the resident memory once every catalog is loaded.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace
{

struct Run {
    QString output;
    qint64 firstLineMs = -1;
    bool ok = false;
};

// Starts snowpane with @p arguments and times the first line it prints.
Run run(const QString &program, const QStringList &arguments)
{
    Run result;
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        std::fprintf(stderr, "bench-window: cannot start %s\n", qPrintable(program));
        return result;
    }
    QByteArray output;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        process.waitForReadyRead(100);
        output += process.readAllStandardOutput();
        if (result.firstLineMs < 0 && output.contains('\n')) {
            result.firstLineMs = timer.elapsed();
        }
        if (timer.elapsed() > 600000) {
            process.kill();
            process.waitForFinished();
            std::fprintf(stderr, "bench-window: %s %s did not finish in 10 minutes\n", qPrintable(program), qPrintable(arguments.join(u' ')));
            return result;
        }
    }
    output += process.readAllStandardOutput();
    result.output = QString::fromUtf8(output);
    result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!result.ok) {
        std::fprintf(stderr,
                     "bench-window: %s %s failed:\n%s\n",
                     qPrintable(program),
                     qPrintable(arguments.join(u' ')),
                     process.readAllStandardError().constData());
    }
    return result;
}

std::optional<double> figure(const Run &run, const QString &name)
{
    for (const QString &line : run.output.split(u'\n')) {
        if (line.startsWith(name + u' ')) {
            return line.mid(name.size() + 1).toDouble();
        }
    }
    return std::nullopt;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? -1 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    int runs = 5;
    if (const qsizetype at = arguments.indexOf(u"--runs"_s); at >= 0 && at + 1 < arguments.size()) {
        runs = std::max(1, arguments.at(at + 1).toInt());
        arguments.remove(at, 2);
    }
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: bench-window SNOWPANE DEMO_DIR [--runs N]\n");
        return 2;
    }
    const QString snowpane = arguments.at(0);
    const QStringList demo{u"--demo"_s, arguments.at(1)};
    const QStringList reference{u"--benchmark-reference"_s};
    bool ok = true;

    std::vector<double> ours;
    std::vector<double> bare;
    for (int i = 0; i < runs; ++i) {
        const Run app = run(snowpane, demo + QStringList{u"--benchmark"_s, u"first-frame"_s});
        const Run plain = run(snowpane, reference + QStringList{u"--benchmark"_s, u"first-frame"_s});
        ok = ok && app.ok && plain.ok;
        ours.push_back(double(app.firstLineMs));
        bare.push_back(double(plain.firstLineMs));
    }
    std::printf("%-44s %10s %12s %8s\n", "measurement", "Snowpane", "bare window", "target");
    std::printf("%-44s %8.0f ms %9.0f ms %8s\n", "cold start to first frame (median)", median(ours), median(bare), "500 ms");

    const Run typingReference = run(snowpane, reference + QStringList{u"--benchmark"_s, u"typing:reference"_s});
    ok = ok && typingReference.ok;
    for (const QString &page : {u"options"_s, u"packages"_s}) {
        const Run typing = run(snowpane, demo + QStringList{u"--benchmark"_s, u"typing:"_s + page});
        ok = ok && typing.ok;
        for (const QString &name : {u"longest-key-to-frame-ms"_s, u"longest-stall-ms"_s}) {
            const QString label = u"%1 search, %2"_s.arg(page, name == u"longest-stall-ms"_s ? u"longest event-loop stall"_s : u"longest key to frame"_s);
            std::printf("%-44s %8.1f ms %9.1f ms %8s\n",
                        qPrintable(label),
                        figure(typing, name).value_or(-1),
                        figure(typingReference, name).value_or(-1),
                        "50 ms");
        }
    }

    const Run memory = run(snowpane, demo + QStringList{u"--benchmark"_s, u"memory"_s});
    const Run memoryReference = run(snowpane, reference + QStringList{u"--benchmark"_s, u"memory"_s});
    ok = ok && memory.ok && memoryReference.ok;
    std::printf("%-44s %7.0f MiB %8.0f MiB %8s\n",
                "memory with every catalog loaded",
                figure(memory, u"resident-kib"_s).value_or(-1) / 1024,
                figure(memoryReference, u"resident-kib"_s).value_or(-1) / 1024,
                "200 MB");
    return ok ? 0 : 1;
}
