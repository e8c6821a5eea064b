// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Shared by the two halves of OptionDetails (reading in optiondetails.cpp, writing
// in optiondetailsedits.cpp): every catalog read first checks that the shown
// option is still in the loaded catalog, which may have been replaced meanwhile.

#include "Options/optionsbackend.h"

#define CATALOG_OR(fallback)                                                                                                                                   \
    const auto catalog = OptionsBackend::self()->catalog();                                                                                                    \
    if (!catalog || m_index < 0 || m_index >= catalog->size()) {                                                                                               \
        return fallback;                                                                                                                                       \
    }
