// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "optioncatalog.h"

#include <QString>

/**
 * How the Options page shows an option: its description as the Markdown
 * Qt renders, a one-line summary, and the state of a switch in the
 * configuration being edited.
 */
namespace Snowpane::Ui
{

/**
 * NixOS descriptions are MyST Markdown: roles such as {option}`a.b` and
 * {command}`ls`, `[](#opt-a.b)` links without text, and `::: {.note}`
 * admonitions. Returns CommonMark that Qt's Markdown renderer shows well.
 */
[[nodiscard]] QString descriptionMarkdown(QStringView description);

/** The first sentence of a description, as plain text on one line. */
[[nodiscard]] QString descriptionSummary(QStringView description);

/** What a switch shows, taken from the configuration with its pending edits. */
struct SwitchState {
    bool checked = false;
    bool defined = false; ///< the configuration defines the option
    bool toggleable = false; ///< the page may set it (one literal definition, or none)
    QString state; ///< "configuration.nix:12", "default", or why it cannot be toggled
};

/** The state of switch option @p index of @p catalog in ConfigurationSession::self(). */
[[nodiscard]] SwitchState switchState(const Snowpane::Options::OptionCatalog &catalog, int index);

/** Which options the lists show: read-only and internal ones only when the settings ask for them. */
struct OptionFilter {
    bool readOnly = true;
    bool internal = false;

    [[nodiscard]] static OptionFilter fromSettings();
    [[nodiscard]] bool listsAll() const
    {
        return readOnly && internal;
    }
    [[nodiscard]] bool lists(const Snowpane::Options::OptionCatalog &catalog, int index) const
    {
        return (readOnly || !catalog.isReadOnly(index)) && (internal || !catalog.isInternal(index));
    }
};

} // namespace Snowpane::Ui
