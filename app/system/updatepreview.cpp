// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "updatepreview.h"

#include "closurereader.h"
#include "systemcontents.h"
#include "systemdiff.h"

#include <QFileInfo>

namespace Snowpane::System
{

UpdatePreview previewUpdate(ClosureReader &closures, const QString &runningSystem, const QString &newSystem, const QPromise<UpdatePreview> &promise)
{
    UpdatePreview preview;
    preview.packages = diffSystems(closures, runningSystem, newSystem);
    if (promise.isCanceled()) {
        return preview;
    }
    if (!preview.packages.isValid()) {
        preview.error = preview.packages.error;
    }
    const QString before = QFileInfo(runningSystem).canonicalFilePath();
    preview.kernelBefore = before.isEmpty() ? QString() : systemContentsOf(before).kernelVersion;
    preview.kernelAfter = systemContentsOf(newSystem).kernelVersion;
    return preview;
}

}
