// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The privileged client: run-e2e runs it as several users, each time naming
// the scenarios to run, in the order they build on each other. Each name goes
// to the scenario class that has it; consecutive names of one class run in
// one pass of QTest.

#include "e2escenarios.h"

#include <QCoreApplication>
#include <QMetaMethod>
#include <QTest>

#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace
{

bool hasScenario(const QObject &scenarios, const QString &name)
{
    const QMetaObject *meta = scenarios.metaObject();
    for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
        if (meta->method(i).methodType() == QMetaMethod::Slot && QString::fromLatin1(meta->method(i).name()) == name) {
            return true;
        }
    }
    return false;
}

// A QTest option or its value ("-maxwarnings", "0"), as opposed to a scenario's name.
bool isOption(const QString &argument)
{
    return argument.startsWith(u'-') || !argument.front().isLetter();
}

int run(QObject &scenarios, const QStringList &options, const QStringList &names)
{
    QList<QByteArray> storage;
    for (const QString &argument : options + names) {
        storage.append(argument.toLocal8Bit());
    }
    std::vector<char *> argv;
    for (QByteArray &argument : storage) {
        argv.push_back(argument.data());
    }
    return QTest::qExec(&scenarios, int(argv.size()), argv.data());
}

}

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    std::vector<std::unique_ptr<QObject>> classes;
    classes.push_back(EndToEnd::makeBuildScenarios());
    classes.push_back(EndToEnd::makeCancelScenarios());
    classes.push_back(EndToEnd::makeGenerationScenarios());
    classes.push_back(EndToEnd::makeUpdateScenarios());
    classes.push_back(EndToEnd::makeFileSafetyScenarios());
    classes.push_back(EndToEnd::makePolkitScenarios());

    const QStringList arguments = application.arguments();
    QStringList options{arguments.first()};
    // (class, names) in the order given; nothing named runs every class whole.
    std::vector<std::pair<QObject *, QStringList>> passes;
    for (const QString &argument : arguments.mid(1)) {
        if (isOption(argument)) {
            options.append(argument);
            continue;
        }
        const QString name = argument.section(u':', 0, 0);
        QObject *owner = nullptr;
        for (const auto &scenarios : classes) {
            if (hasScenario(*scenarios, name)) {
                owner = scenarios.get();
            }
        }
        if (!owner) {
            std::fprintf(stderr, "tst_e2e: no scenario is called %s\n", qPrintable(name));
            return 2;
        }
        if (passes.empty() || passes.back().first != owner) {
            passes.emplace_back(owner, QStringList{});
        }
        passes.back().second.append(argument);
    }
    if (passes.empty()) {
        for (const auto &scenarios : classes) {
            passes.emplace_back(scenarios.get(), QStringList{});
        }
    }
    int failures = 0;
    for (const auto &[scenarios, names] : passes) {
        failures += run(*scenarios, options, names);
    }
    return failures == 0 ? 0 : 1;
}
