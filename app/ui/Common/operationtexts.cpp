// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What the progress sheet says about an operation: the helper's phases, the
// modes, the sentence for each failure, and what a new generation changed.
// The sentences keep SystemActions' translation context.

#include "Common/operationtexts.h"

#include "closurereader.h"
#include "generationreader.h"
#include "helperprotocol.h"
#include "systemdiff.h"
#include "uilogging.h"

#include <QLocale>

using namespace Qt::StringLiterals;
using Snowpane::Privileged::Job;

namespace Snowpane::Ui::OperationTexts
{

// The sentence a person reads first; the helper's own words go below it.
QString builtText(SystemActions::Mode mode, int generation)
{
    switch (mode) {
    case SystemActions::Mode::Switch:
        return SystemActions::tr("Generation %1 is built and active.").arg(generation);
    case SystemActions::Mode::Boot:
        return SystemActions::tr("Generation %1 is built and starts at the next boot.").arg(generation);
    case SystemActions::Mode::Test:
        return SystemActions::tr("The new system is active until the next boot. It was not added to the boot menu.");
    case SystemActions::Mode::Build:
        return SystemActions::tr("The new system was built. Nothing on the machine was changed.");
    case SystemActions::Mode::DryActivate:
        break;
    }
    return SystemActions::tr("Nothing was changed. The log lists what switching would do.");
}

QString changeSummary(const QString &profile, int previousGeneration, int newGeneration)
{
    if (newGeneration <= 0 || previousGeneration <= 0 || newGeneration == previousGeneration) {
        return {};
    }
    const System::GenerationReader reader(profile);
    System::ClosureReader closures;
    const System::PackageDiff diff = diffSystems(closures, reader.linkPathOf(previousGeneration), reader.linkPathOf(newGeneration));
    if (!diff.isValid()) {
        qCWarning(SNOWPANE_UI) << "cannot compare generations:" << diff.error;
        return {};
    }
    using Kind = System::PackageChange::Kind;
    int upgraded = 0;
    int downgraded = 0;
    int added = 0;
    int removed = 0;
    for (const auto &change : diff.changes) {
        upgraded += change.kind == Kind::Upgraded;
        downgraded += change.kind == Kind::Downgraded;
        added += change.kind == Kind::Added;
        removed += change.kind == Kind::Removed;
    }
    const QString size = QLocale().formattedDataSize(std::abs(diff.sizeDelta()));
    return SystemActions::tr("Compared with generation %1: %2 upgraded, %3 downgraded, %4 added, %5 removed; the system is %6 %7.")
        .arg(previousGeneration)
        .arg(upgraded)
        .arg(downgraded)
        .arg(added)
        .arg(removed)
        .arg(size, diff.sizeDelta() < 0 ? SystemActions::tr("smaller") : SystemActions::tr("larger"));
}

}

QString SystemActions::modeArgument(Mode mode)
{
    switch (mode) {
    case Mode::Switch:
        return u"switch"_s;
    case Mode::Boot:
        return u"boot"_s;
    case Mode::Test:
        return u"test"_s;
    case Mode::Build:
        return u"build"_s;
    case Mode::DryActivate:
        break;
    }
    return u"dry-activate"_s;
}

QString SystemActions::modeText(Mode mode)
{
    switch (mode) {
    case Mode::Switch:
        return tr("Switch now");
    case Mode::Boot:
        return tr("Use at next boot");
    case Mode::Test:
        return tr("Try without adding to the boot menu");
    case Mode::Build:
        return tr("Build only");
    case Mode::DryActivate:
        break;
    }
    return tr("Preview which services would restart");
}

QString SystemActions::phaseText(const QString &phase)
{
    if (phase == QLatin1String(Snowpane::Protocol::Progress::PhaseEvaluating)) {
        return tr("Reading the configuration");
    }
    if (phase == QLatin1String(Snowpane::Protocol::Progress::PhaseBuilding)) {
        return tr("Building");
    }
    if (phase == QLatin1String(Snowpane::Protocol::Progress::PhaseFetching)) {
        return tr("Downloading");
    }
    if (phase == QLatin1String(Snowpane::Protocol::Progress::PhaseActivating)) {
        return tr("Activating the new system");
    }
    if (phase == QLatin1String(Snowpane::Protocol::Progress::PhaseCommitting)) {
        return tr("Saving and committing the configuration");
    }
    if (phase == QLatin1String(Snowpane::Protocol::Progress::PhaseCollecting)) {
        return tr("Removing unused files");
    }
    return tr("Starting");
}
