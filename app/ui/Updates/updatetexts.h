// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "helperreplies.h"
#include "nixpkgssource.h"

#include <QDateTime>
#include <QVariantList>

/**
 * The Updates page's words: revisions, dates, the kernel line, the package
 * summary and when the sources were last checked. Pure functions of their
 * arguments, in the translation context of the page's controller.
 */
namespace Snowpane::Ui::UpdateTexts
{

/// The first seven characters, as git shows a revision.
[[nodiscard]] QString shortRevision(const QString &revision);
/// A day without its weekday ("12 November 2024"); empty for an invalid date.
[[nodiscard]] QString dateText(const QDateTime &date);
/// "nixpkgs from 12 November 2024, 13 days old"; empty when nothing is known.
[[nodiscard]] QString nixpkgsText(const System::NixpkgsSource &source, const QDateTime &now);
/// One source's two sides in one line ("bc3c6a1, 12 November 2024 → 4d2c9a0, 20 November 2024").
[[nodiscard]] QString changeText(const Privileged::SourceChange &change);
/// "6.6.1 → 6.6.8", "6.6.8, unchanged" or "unknown".
[[nodiscard]] QString kernelText(const QString &before, const QString &after);
/// "12 packages upgraded, 1 added." or the sentence for no change.
[[nodiscard]] QString packageSummary(int upgraded, int downgraded, int added, int removed);
/// "Last checked 3 hours ago" or "Never checked for updates".
[[nodiscard]] QString lastCheckedText(const QDateTime &when, const QDateTime &now);

}
