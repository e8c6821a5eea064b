// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "packagediff.h"

#include <QPromise>
#include <QString>

namespace Snowpane::System
{

class ClosureReader;

/// What a newly built system changes against the running one, as the worker thread hands it over.
struct UpdatePreview {
    PackageDiff packages;
    QString kernelBefore;
    QString kernelAfter;
    QString error;
};

/**
 * Compares the running system @p runningSystem with the freshly built
 * @p newSystem, reading closures through @p closures. Slow: closures. Stops
 * early once @p promise is cancelled (the result is then incomplete and not
 * to be used).
 */
[[nodiscard]] UpdatePreview
previewUpdate(ClosureReader &closures, const QString &runningSystem, const QString &newSystem, const QPromise<UpdatePreview> &promise);

}
