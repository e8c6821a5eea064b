// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Generations/generationshared.h"

#include "closurereader.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Snowpane::Ui
{

std::shared_ptr<System::ClosureReader> sharedClosureReader()
{
    static const std::shared_ptr<System::ClosureReader> reader = std::make_shared<System::ClosureReader>();
    return reader;
}

QString formatClosureSize(qint64 bytes)
{
    if (bytes < 0) {
        return {};
    }
    // Decimal units, as `nix path-info -h` and the file managers show sizes.
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString formatSizeDelta(qint64 bytes)
{
    if (bytes == 0) {
        return QCoreApplication::translate("GenerationSizes", "no change");
    }
    // U+2212 MINUS SIGN reads better than a hyphen beside digits.
    return (bytes < 0 ? u"\u2212"_s : u"+"_s) + formatClosureSize(qAbs(bytes));
}

} // namespace Snowpane::Ui
