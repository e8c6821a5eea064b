// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "dryactivation.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Snowpane::System
{

UnitChanges parseDryActivation(const QStringList &lines)
{
    // switch-to-configuration's wording; "NOT stop" lists units it leaves alone, so it is not matched.
    static const QRegularExpression unitLine(u"^would (stop|restart|start|reload) the following units: (.*)$"_s);
    UnitChanges changes;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line == u"would restart systemd"_s) {
            changes.restartSystemd = true;
            continue;
        }
        const auto match = unitLine.match(line);
        if (!match.hasMatch()) {
            continue;
        }
        const QString verb = match.captured(1);
        QStringList &list = verb == u"stop"_s ? changes.stop : verb == u"restart"_s ? changes.restart : verb == u"start"_s ? changes.start : changes.reload;
        for (const QString &unit : match.captured(2).split(u',', Qt::SkipEmptyParts)) {
            const QString name = unit.trimmed();
            if (!name.isEmpty() && !list.contains(name)) {
                list.append(name);
            }
        }
    }
    return changes;
}

}
